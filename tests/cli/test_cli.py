"""The command line: every command listed in German, options before or after it, defaults from the data repository."""

from __future__ import annotations

import shutil

import pytest

from tests.hilfen import DATA, run
from vorlagen import __version__
from vorlagen.cli import COMMANDS
from vorlagen.load.settings import version_matches

ENGLISH = ("usage", "options", "error", "show this help", "positional arguments", "unrecognized", "invalid")


def _exit(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, *args)
    captured = capsys.readouterr()
    return stopped.value.code, captured.out, captured.err


def test_help_lists_every_command_with_one_german_line(capsys):
    code, out, _ = _exit(capsys, "--help")
    assert code == 0 and out.startswith("Aufruf: vorlagen [BEFEHL] [OPTIONEN]")
    for command in COMMANDS:
        line = next(line for line in out.splitlines() if line.strip().startswith(command.name + " "))
        assert command.summary in line
    assert not any(word in out.lower() for word in ENGLISH)


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_each_command_has_german_help(capsys, command):
    code, out, _ = _exit(capsys, command, "--help")
    assert code == 0 and out.startswith(f"Aufruf: vorlagen {command}")
    assert "Optionen:" in out and "diese Hilfe zeigen und beenden" in out
    assert not any(word in out.lower() for word in ENGLISH)


def test_unknown_command_names_the_existing_ones(capsys):
    code, out, err = _exit(capsys, "--data", "x", "chek")
    names = ", ".join(c.name for c in COMMANDS)
    assert code == 2 and out == ""
    assert (
        err == f"vorlagen: Fehler: unbekannter Befehl „chek“ – meinten Sie „check“? Es gibt: {names}.\n"
        "Übersicht: vorlagen --help\n"
    )


def test_usage_errors_are_german(capsys):
    code, _, err = _exit(capsys, "check", "--unsinn")
    assert code == 2
    assert err.splitlines()[-1] == "vorlagen check: Fehler: unbekannte Angaben: --unsinn"
    assert err.startswith("Aufruf: vorlagen check")
    code, _, err = _exit(capsys, "check", "--stichtag", "morgen")
    assert err.splitlines()[-1] == (
        "vorlagen check: Fehler: --stichtag: „morgen“ ist kein Datum – schreiben Sie z. B. 2021-06-01."
    )


@pytest.mark.parametrize("argv", [["--version"], ["check", "--version"], ["--data", "x", "sitzung", "--version"]])
def test_version(capsys, argv):
    code, out, _ = _exit(capsys, *argv)
    assert code == 0 and out.startswith(
        f"vorlagen {__version__}\nPython 3."
    )  # then the libraries (tests/core/test_versions.py)


@pytest.mark.parametrize("order", ["before", "after"])
def test_options_before_or_after_the_command(capsys, order):
    args = ["--data", str(DATA), "check", "--ohne-satz", "--stichtag", "2021-06-01"]
    if order == "after":
        args = ["check", "--stichtag", "2021-06-01", "--ohne-satz", "--data", str(DATA)]
    code, out, err = run(capsys, *args)
    assert (code, err) == (0, "") and out.startswith("Geprüft: 2 Vorlagen")


def test_defaults_are_the_data_repository_of_the_current_directory(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "meine-verwaltung"
    shutil.copytree(DATA, repo / "data")
    monkeypatch.chdir(repo / "data" / "vorlagen")  # deeper inside: found through vorlagen.toml
    (repo / "vorlagen.toml").write_text(f'version = "{__version__}"\n', encoding="utf-8")
    code, out, err = run(capsys)
    assert code == 0, err
    assert (repo / "output" / "vorlagen" / "2021-0123" / "2021-0123.pdf").is_file()
    assert f"Dateien in {(repo / 'output').as_posix()}/" in out  # not below the folder it ran in: absolute


def test_data_option_may_name_the_repository(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "verwaltung"
    shutil.copytree(DATA, repo / "data")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "--ohne-satz", "--data", "verwaltung")
    assert (code, err) == (0, "") and out.startswith("Geprüft:")


def test_settings_may_move_data_and_output(capsys, tmp_path, monkeypatch):
    shutil.copytree(DATA, tmp_path / "fakten")
    (tmp_path / "vorlagen.toml").write_text('daten = "fakten"\nausgabe = "fertig"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--mappen")
    assert code == 0, err
    assert (tmp_path / "fertig" / "vorlagen" / "2021-0123" / "2021-0123.pdf").is_file()


def test_outside_a_data_repository(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")
    assert code == 1 and out == ""
    assert err.startswith(
        f"{(tmp_path / 'data').as_posix()}: Hier liegt kein Datenrepository: der Datenordner "
        "fehlt – wechseln Sie in Ihr Datenrepository, geben Sie es mit --data an oder legen Sie "
        "eines an: vorlagen neu ORDNER.\n"
    )


@pytest.mark.parametrize(
    "spec, version, expected",
    [
        ("0.2", "0.2.0", True),
        ("0.2", "0.2.7", True),
        ("0.2", "0.3.0", False),
        ("0.2", "0.20.0", False),
        ("0.2.1", "0.2.1", True),
        ("0.2.1", "0.2.10", False),
        (">=0.2, <0.4", "0.3.9", True),
        (">=0.2, <0.4", "0.4.0", False),
        ("==0.2", "0.2.0", True),
        ("~=0.2.1", "0.2.5", True),
        ("~=0.2.1", "0.3.0", False),
        ("neueste", "0.2.0", False),
        ("", "0.2.0", False),
    ],
)
def test_version_pins(spec, version, expected):
    assert version_matches(spec, version) is expected


def _failing(monkeypatch, error):
    import vorlagen.cli.building as building

    def run(args):
        raise error

    monkeypatch.setattr(building, "check", run)
    import vorlagen.cli as cli

    monkeypatch.setattr(
        cli, "COMMANDS", [c if c.name != "pruefen" else c.__class__(**{**c.__dict__, "run": run}) for c in cli.COMMANDS]
    )


def test_ctrl_c_and_a_full_disk_are_no_tracebacks(capsys, monkeypatch):
    import errno

    _failing(monkeypatch, KeyboardInterrupt())
    code, out, err = run(capsys, "check", "--data", str(DATA))
    assert code == 130 and err == "\nAbgebrochen (Strg+C) – die bisherige Ausgabe ist unverändert.\n"
    _failing(monkeypatch, OSError(errno.ENOSPC, "No space left on device", "output/vorlagen/x.pdf"))
    code, out, err = run(capsys, "check", "--data", str(DATA))
    assert code == 1 and err == (
        "output/vorlagen/x.pdf: Der Speicherplatz ist voll – prüfen Sie freien Speicherplatz "
        "und Schreibrechte; die bisherige Ausgabe ist unverändert.\n"
    )


def test_a_refused_file_is_named_as_the_user_sees_it_not_as_the_program_opened_it(capsys, monkeypatch):
    import errno

    from tests.hilfen import ROOT

    _failing(monkeypatch, OSError(errno.EACCES, "Permission denied", str(ROOT / "output" / "vorlagen" / "y.pdf")))
    code, out, err = run(capsys, "check", "--data", str(DATA))
    assert code == 1 and err == (
        "output/vorlagen/y.pdf: Keine Berechtigung – prüfen Sie freien Speicherplatz und Schreibrechte; die bisherige "
        "Ausgabe ist unverändert.\n"
    )


# The command names: German, with the English names of earlier versions as aliases (issue 26).
GERMAN = {"build": "bauen", "check": "pruefen", "serve": "vorschau", "diff": "vergleichen"}


def test_command_names_are_german():
    assert [c.name for c in COMMANDS] == [
        "bauen",
        "pruefen",
        "sitzung",
        "vorschau",
        "server",
        "vergleichen",
        "zeichnen",
        "freigabe",
        "beschluss",
        "zahlen",
        "text",
        "nachrechnen",
        "neu",
        "vorlage",
        "aktualisieren",
        "schema",
        "hilfe",
        "vervollstaendigung",
    ]
    assert {c.alias: c.name for c in COMMANDS if c.alias} == GERMAN


def test_help_names_the_english_aliases_once(capsys):
    _, out, _ = _exit(capsys, "--help")
    line = (
        "Die englischen Namen früherer Fassungen gelten weiter: build = bauen, check = pruefen, "
        "serve = vorschau, diff = vergleichen."
    )
    assert out.count(line) == 1 and out.count("build") == 1
    assert out.splitlines()[-1] == "Mehr zu einem Befehl: vorlagen BEFEHL --help"
    assert "  bauen " in out and "  pruefen " in out and "  vorschau " in out and "  vergleichen " in out


@pytest.mark.parametrize("english, german", sorted(GERMAN.items()))
def test_english_alias_runs_the_german_command(capsys, english, german):
    from vorlagen.cli.parsing import parse

    assert parse([english, "--data", "x"], COMMANDS)[0] is parse([german, "--data", "x"], COMMANDS)[0]
    code, out, _ = _exit(capsys, english, "--help")
    assert code == 0 and out.startswith(f"Aufruf: vorlagen {english} ")  # the name the user typed
    code, out, _ = _exit(capsys, german, "--help")
    assert code == 0 and out.startswith(f"Aufruf: vorlagen {german} ")


def test_both_names_check_the_example_alike(capsys):
    results = [
        run(capsys, name, "--data", str(DATA), "--stichtag", "2021-06-01", "--ohne-satz")
        for name in ("pruefen", "check")
    ]
    assert results[0] == results[1] and results[0][0] == 0 and results[0][1].startswith("Geprüft: 2 Vorlagen")


@pytest.mark.parametrize(
    "word, close", [("prüfen", "pruefen"), ("Bauen", "bauen"), ("vergleich", "vergleichen"), ("Build", "build")]
)
def test_a_mistyped_command_name_gets_the_nearest(capsys, word, close):
    code, out, err = _exit(capsys, word)
    assert code == 2 and out == ""
    assert err == (
        f"vorlagen: Fehler: unbekannter Befehl „{word}“ – meinten Sie „{close}“? Es gibt: bauen, pruefen, "
        "sitzung, vorschau, server, vergleichen, zeichnen, freigabe, beschluss, zahlen, text, nachrechnen, neu, vorlage, "
        "aktualisieren, schema, hilfe, vervollstaendigung.\n"
        "Übersicht: vorlagen --help\n"
    )


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("fehlt.pdf", None, "Die Datei oder der Ordner fehlt – prüfen Sie den Pfad der PDF-Datei."),
        ("ordner.pdf", "ordner", "Dort liegt ein Ordner, keine Datei – prüfen Sie den Pfad der PDF-Datei."),
        (
            "kaputt.pdf",
            b"das ist kein PDF",
            "Die Datei ist keine lesbare PDF-Datei – ist sie beschädigt? Speichern oder exportieren Sie sie neu.",
        ),
        (
            "abgebrochen.pdf",
            b"%PDF-1.4\nkaputt",
            "Die Datei ist keine lesbare PDF-Datei – ist sie beschädigt? Speichern oder exportieren Sie sie neu.",
        ),
    ],
)
def test_text_of_an_unreadable_pdf_is_german(capsys, tmp_path, name, content, message):
    path = tmp_path / name
    if content == "ordner":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "text", str(path))
    assert code == 1 and out == ""
    assert err.splitlines()[0] == f"{path}: {message}"  # the first line: no English warning of the library
    assert "Errno" not in err and "No such file" not in err
    assert err.splitlines()[1:] == ["", "1 Problem gefunden."]  # `text` writes nothing: it does not say so


def _texts_for_people() -> dict[str, str]:
    """Every string of the program that is not a docstring, and every handbook page: path → text."""
    import ast

    from tests.hilfen import ROOT

    texts = {}
    for path in (ROOT / "vorlagen").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        texts[str(path.relative_to(ROOT))] = "\n".join(
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        )
    for path in (ROOT / "docs").rglob("*.md"):
        # not the reference the handbook's build generates (it lists the aliases with their commands)
        if "_build" not in path.parts and (path.parent.name != "referenz" or path.name == "index.md"):
            texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    return texts


def test_texts_for_people_name_the_german_commands():
    """Messages and handbook pages name `pruefen`, not `check`: the English names are only aliases."""
    import re

    english = "|".join(command.alias for command in COMMANDS if command.alias)
    assert {"build", "check", "serve", "diff"} <= set(english.split("|"))
    named = re.compile(rf"„({english})“|`({english})`|(?:vorlagen|build\.py|bauen\.sh) ({english})\b")
    texts = _texts_for_people()
    assert "vorlagen/review/gitrev.py" in texts and "docs/anleitungen/freigabe.md" in texts
    found = [(path, match.group(0)) for path, text in texts.items() for match in named.finditer(text)]
    # the one place that names the aliases
    assert found == [("docs/anleitungen/index.md", f"`{name}`") for name in ("build", "check", "serve", "diff")]


def test_a_pinned_version_that_does_not_fit_says_exactly_what_to_write():
    from vorlagen.load.settings import version_matches, version_problem

    assert version_problem("0.2", "0.3.0") == (
        "Dieses Datenrepository verlangt vorlagen 0.2, installiert ist 0.3.0 – bringen Sie es mit „vorlagen "
        "aktualisieren“ auf diese Version (es prüft dabei jede gedruckte Zahl; was sich sonst geändert hat, nennt "
        "die Seite „Änderungen“ des Handbuchs) oder installieren Sie eine passende Version."
    )
    assert "„vorlagen aktualisieren“" in version_problem("<0.3", "0.3.0")
    assert version_problem("0.4", "0.3.0") == (
        "Dieses Datenrepository verlangt vorlagen 0.4, installiert ist 0.3.0 – installieren Sie eine passende "
        "Version oder passen Sie „version“ in vorlagen.toml an."
    )
    assert version_problem("0.3.x", "0.3.0") == (
        '„0.3.x“ ist keine Versionsangabe – schreiben Sie z. B. version = "0.3" (jede 0.3.x), version = "0.3.0" '
        '(genau diese) oder version = ">=0.3, <0.5" (ein Bereich).'
    )
    for proposed in ("0.3", "0.3.0", ">=0.3, <0.5"):  # every line a message proposes fits the installed version
        assert version_matches(proposed, "0.3.0"), proposed
    assert not version_matches("0.3.x", "0.3.0")
