"""The handbook (docs/): every command it shows with its output prints that output; it builds strictly; the
README stays short and leads into it; the reference names every command, limit and data key."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.hilfen import DATA, ROOT

DOCS = ROOT / "docs"
PAGES = sorted(path for path in DOCS.rglob("*.md") if "_build" not in path.parts)
FENCE = re.compile(r"^( *)(`{3,})\s*(.*)$")  # indented inside a list item, too
SECONDS = 300  # one command of a page; the slowest (a first build) takes about 20 s on a slow machine


@dataclass
class Block:
    """A fenced code block: its language, its options (:caption: …), its lines and where it starts."""

    language: str
    line: int
    lines: list[str]
    options: dict[str, str] = field(default_factory=dict)


def blocks(text: str) -> list[Block]:
    """The fenced code blocks of a MyST page (```lang and ```{code-block} lang with options)."""
    found, lines, index = [], text.splitlines(), 0
    while index < len(lines):
        opened = FENCE.match(lines[index])
        if not opened:
            index += 1
            continue
        indent, fence, info = opened.groups()
        end = next((i for i in range(index + 1, len(lines)) if lines[i].strip() == fence), len(lines))
        body = [line[len(indent) :] if line.startswith(indent) else line.lstrip() for line in lines[index + 1 : end]]
        directive = re.match(r"^\{([\w-]+)\}\s*(.*)$", info)
        language = directive.group(2).strip() if directive and directive.group(1) == "code-block" else info.strip()
        options = {}
        if directive:
            while body and body[0].startswith(":"):
                key, _, value = body.pop(0)[1:].partition(":")
                options[key.strip()] = value.strip()
            if body and not body[0].strip():
                body.pop(0)
            language = language if directive.group(1) == "code-block" else "{" + directive.group(1) + "}"
        found.append(Block(language, index + 1, body, options))
        index = end + 1
    return found


def expected_pattern(lines: list[str]) -> re.Pattern:
    """A line `…` is any number of lines; `…` inside a line is any text."""
    parts = []
    for line in lines:
        if line.strip() == "…":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(re.escape(piece) for piece in line.rstrip().split("…")) + r"\n")
    return re.compile("".join(parts), re.DOTALL)


def matches(expected: list[str], output: str) -> bool:
    """Whether the output is what the page shows; a no-break space (in „12.500 €“) counts as a space."""
    output = output.replace("\u00a0", " ").replace("\u202f", " ")
    text = "\n".join(line.rstrip() for line in output.strip("\n").splitlines()) + "\n"
    while expected and not expected[-1].strip():
        expected = expected[:-1]
    if not expected:
        return output.strip() == ""
    return expected_pattern(expected).fullmatch(text) is not None


def commands(block: Block) -> list[tuple[str, list[str]]]:
    """A console block as (command, expected output lines)."""
    steps: list[tuple[str, list[str]]] = []
    for line in block.lines:
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
        else:
            raise AssertionError(f"Zeile {block.line}: ein console-Block beginnt mit einem Befehl „$ …“")
    return steps


def apply_diff(path: Path, block: Block) -> None:
    """Replaces the block's context and `-` lines by its context and `+` lines; they must stand in the file once."""
    old = [line[1:] for line in block.lines if line[:1] in (" ", "-")]
    new = [line[1:] for line in block.lines if line[:1] in (" ", "+")]
    text = path.read_text(encoding="utf-8")
    before = "\n".join(old) + "\n"
    assert text.count(before) == 1, (
        f"Zeile {block.line}: {path.name} enthält die zu ändernden Zeilen nicht genau einmal"
    )
    path.write_text(text.replace(before, "\n".join(new) + "\n"), encoding="utf-8")


def _environment(tmp: Path) -> dict[str, str]:
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    program = bin_dir / "vorlagen"
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m vorlagen "$@"\n', encoding="utf-8")
    program.chmod(0o755)
    (tmp / "home").mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "VORLAGEN_"))}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        PYTHONPATH=str(ROOT),
        HOME=str(tmp / "home"),
        PYTHONUNBUFFERED="1",
        COLUMNS="100",
        LANG="C.UTF-8",
        TZ="UTC",
        VORLAGEN_WORKER="1",
        GIT_AUTHOR_NAME="Handbuch",
        GIT_AUTHOR_EMAIL="handbuch@example.org",
        GIT_COMMITTER_NAME="Handbuch",
        GIT_COMMITTER_EMAIL="handbuch@example.org",
        GIT_CONFIG_NOSYSTEM="1",
    )
    return env


def _tested(page: Path) -> bool:
    return any(
        b.language == "console" or (b.options.get("caption") and b.language != "text")
        for b in blocks(page.read_text(encoding="utf-8"))
    )


TESTED = [page for page in PAGES if _tested(page)]


@pytest.mark.langsam  # runs every command the pages show
@pytest.mark.parametrize("page", TESTED, ids=[p.relative_to(DOCS).as_posix() for p in TESTED])
def test_every_shown_command_prints_what_the_page_shows(page, tmp_path):
    text = page.read_text(encoding="utf-8")
    if shutil.which("git") is None and re.search(r"^ *\$ git ", text, re.MULTILINE):
        pytest.skip("git ist nicht installiert – diese Seite zeigt git-Befehle")
    env = _environment(tmp_path)
    cwd = tmp_path / "arbeit"
    cwd.mkdir()
    if not text.startswith("% handbuch-test: leer"):
        shutil.copytree(DATA, cwd / "data")
    name = page.relative_to(ROOT).as_posix()
    for block in blocks(text):
        caption = block.options.get("caption")
        if caption and block.language == "diff":
            apply_diff(cwd / caption, block)
        elif caption and block.language not in ("text", "console", "sh"):
            target = cwd / caption
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(block.lines) + "\n", encoding="utf-8")
        elif block.language == "console":
            for command, expected in commands(block):
                if command.startswith("cd "):
                    cwd = cwd / command[3:].strip()
                    assert cwd.is_dir() and not expected, f"{name}:{block.line}: {command}"
                    continue
                done = subprocess.run(
                    ["bash", "-c", command],
                    cwd=cwd,
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                    timeout=SECONDS,
                )
                assert matches(expected, done.stdout), (
                    f"{name}:{block.line}: „{command}“ gibt nicht aus, was das Handbuch zeigt.\n"
                    f"--- Handbuch ---\n" + "\n".join(expected) + f"\n--- Ausgabe ---\n{done.stdout}"
                )


def test_the_marker_is_simple_and_its_matching_can_fail():
    page = (
        "Text\n```console\n$ vorlagen pruefen\nGeprüft: … Vorlagen\n…\n$ cd x\n```\n"
        "```{code-block} yaml\n:caption: data/a.yaml\n\nname: x\n```\n1. Liste\n\n   ```sh\n   vorlagen\n   ```\n"
    )
    found = blocks(page)
    assert [(b.language, b.options, b.lines) for b in found] == [
        ("console", {}, ["$ vorlagen pruefen", "Geprüft: … Vorlagen", "…", "$ cd x"]),
        ("yaml", {"caption": "data/a.yaml"}, ["name: x"]),
        ("sh", {}, ["vorlagen"]),
    ]
    assert commands(found[0]) == [("vorlagen pruefen", ["Geprüft: … Vorlagen", "…"]), ("cd x", [])]
    assert matches(["Geprüft: … Vorlagen", "…"], "Geprüft: 2 Vorlagen\nA\nB\n")
    assert matches(["Geprüft: … Vorlagen", "…"], "Geprüft: 2 Vorlagen\n")
    assert not matches(["Geprüft: … Vorlagen"], "Geprüft: 2 Vorlagen\nA\n")  # an unshown line is a difference
    assert not matches(["Geprüft: 3 Vorlagen"], "Geprüft: 2 Vorlagen\n")
    assert not matches(["A", "B"], "A\nC\n")
    assert matches([], "") and not matches([], "etwas\n")
    assert matches(["12.500 €"], "12.500\u00a0€\n")


def test_a_diff_block_must_find_its_lines(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\nb: 2\n", encoding="utf-8")
    apply_diff(path, Block("diff", 1, [" a: 1", "-b: 2", "+b: 3", "+c: 4"]))
    assert path.read_text(encoding="utf-8") == "a: 1\nb: 3\nc: 4\n"
    with pytest.raises(AssertionError, match="nicht genau einmal"):
        apply_diff(path, Block("diff", 1, ["-b: 2", "+b: 5"]))


def test_no_untested_command_with_output():
    """A command with its output belongs in a console block; `text` blocks may not hide one."""
    for page in PAGES:
        for block in blocks(page.read_text(encoding="utf-8")):
            if block.language in ("text", ""):
                assert not any(line.startswith("$ ") for line in block.lines), (
                    f"{page.relative_to(ROOT)}:{block.line}: ein Befehl mit Ausgabe gehört in einen console-Block"
                )


def test_the_tutorial_is_tested_and_builds_a_vorlage():
    tutorial = DOCS / "tutorial" / "index.md"
    assert tutorial in TESTED
    shown = [
        command
        for block in blocks(tutorial.read_text(encoding="utf-8"))
        if block.language == "console"
        for command, _ in commands(block)
    ]
    for needed in (
        "vorlagen neu",
        "vorlagen vorlage neu",
        "vorlagen zahlen",
        "vorlagen pruefen",
        "vorlagen bauen",
        "vorlagen vergleichen",
    ):
        assert any(command.startswith(needed) for command in shown), needed


# --- the README ------------------------------------------------------------------------------------------------

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_is_short_and_keeps_its_two_commands():
    assert len(README.encode("utf-8")) <= 10 * 1024
    assert "./bauen.sh" in README and "./testen.sh" in README
    assert (ROOT / "bauen.sh").is_file() and (ROOT / "testen.sh").is_file()


def test_readme_opens_with_one_plain_sentence_and_a_picture_of_a_built_page():
    """A clerk reads first what the program makes, in one sentence without code, then sees a page of it – one of
    the handbook's pictures, whose currency test_the_pictures_show_the_pages_the_example_builds_now checks."""
    import json

    title, sentence, picture = [part.strip() for part in README.split("\n\n")[:3]]
    assert title.startswith("# ")
    assert "\n" not in sentence and "`" not in sentence and len(sentence) <= 200
    assert re.fullmatch(r"[A-ZÄÖÜ][^.!?:;]*\.", sentence), sentence  # one sentence: one full stop, at its end
    shown = re.fullmatch(r"!\[[^\]]{20,}\]\(docs/bilder/([\w-]+\.png)\)", picture)
    assert shown, picture
    assert shown.group(1) in json.loads((DOCS / "bilder" / "quellen.json").read_text(encoding="utf-8"))


def test_readme_leads_to_the_tutorial_in_one_click():
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README)
    local = [link for link in links if not link.startswith(("http://", "https://", "mailto:"))]
    assert "docs/tutorial/index.md" in local
    for link in local:
        assert (ROOT / link).exists(), link


# --- the generated reference -----------------------------------------------------------------------------------


def _reference():
    spec = importlib.util.spec_from_file_location("referenz_text", DOCS / "_ext" / "referenz_text.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_names_every_command_limit_and_data_key():
    from vorlagen.cli import COMMANDS
    from vorlagen.core import limits
    from vorlagen.load.schema import FILES, schema

    reference = _reference()
    befehle, grenzen, daten = reference.befehle(), reference.grenzen(), reference.daten()
    assert befehle.count("\nRückgabewert: 0 ") == len(COMMANDS)  # every command's exit codes
    for command in COMMANDS:
        assert f"## `vorlagen {command.name}`" in befehle
        assert not command.alias or f"`vorlagen {command.alias}`" in befehle
    names = [
        node.targets[0].id
        for node in ast.parse(Path(limits.__file__).read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign)
    ]
    assert names and all(f"`{name}`" in grenzen for name in names)
    assert "| Zeilen einer Markdown-Tabelle, Kopfzeile mitgezählt | 1.000 | nein | `MAX_TABELLENZEILEN` |" in grenzen
    for kind in FILES:
        assert f"## `{kind.pattern}`" in daten
        for key in schema(kind)["properties"]:
            assert re.search(rf"^- `{key}` \(", daten, re.MULTILINE), (kind.name, key)
    vorlage = daten[daten.index("## `vorlagen/*/vorlage.yaml`") :]
    kosten = vorlage.index("\n  - `kosten` (Liste (Abschnitt)): ")
    assert (
        vorlage.index("\n- `finanzierung` (Liste (Abschnitt)): ") < kosten < vorlage.index("\n    - `anzahl` (", kosten)
    )


def test_a_limit_without_german_text_stops_the_build(monkeypatch):
    from vorlagen.core import limits

    reference = _reference()
    monkeypatch.delitem(reference.LIMITS, "MAX_TIEFE")
    with pytest.raises(ValueError, match="LIMITS beschreibt MAX_TIEFE nicht – ergänzen Sie die deutsche Beschreibung"):
        reference.grenzen()
    assert limits.MAX_TIEFE == 50


def test_reference_lists_the_messages_of_the_code():
    messages = _reference().messages()
    every = [text for texts in messages.values() for text in texts]
    assert len(every) > 100
    assert (
        "Berechnung „…“, Zeile „…“, …: berechnet …, erwartet … – prüfen Sie den erwarteten Wert und die Eingangswerte."
    ) in messages["compute"]
    assert all(" – " in text for text in every)


def test_reference_escapes_markup_from_the_code():
    reference = _reference()
    assert reference._text("a <b> *c* `d` | e") == "a \\<b\\> \\*c\\* \\`d\\` \\| e"


# --- the strict build ------------------------------------------------------------------------------------------


@pytest.mark.langsam  # Sphinx builds the whole handbook
def test_handbook_builds_strictly(tmp_path):
    """Warnings are errors: no broken link, no page outside the table of contents."""
    if importlib.util.find_spec("sphinx") is None or importlib.util.find_spec("myst_parser") is None:
        pytest.skip(
            "Sphinx ist nicht installiert – die Testeinrichtung (./testen.sh) installiert es aus "
            "requirements-handbuch.lock"
        )
    out = tmp_path / "html"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'lang="de"' in index and "tutorial/index.html" in index
    assert (out / "searchindex.js").is_file() and (out / "referenz" / "meldungen.html").is_file()
    # the theme speaks German too: its catalogue entries (docs/locale/de) and labels (docs/_ext/furo_deutsch.py)
    tutorial = (out / "tutorial" / "index.html").read_text(encoding="utf-8")
    for english in (
        "Skip to content",
        "<title>Contents</title>",
        "<title>Menu</title>",
        "Light mode",
        "Dark mode",
        "Toggle navigation of",
        "Toggle",
        "Link to this heading",
        "Link to this code",
        "On this page",
    ):
        assert english not in tutorial and english not in index, english
    for german in (
        "Zum Inhalt springen",
        "<title>Menü</title>",
        "<title>Helle Farben</title>",
        'aria-label="Aufklappen: Anleitungen"',
        'title="Link zu dieser Überschrift"',
        'title="Link zu diesem Code"',
        "Auf dieser Seite",
    ):
        assert german in tutorial, german


def test_a_changed_furo_label_stops_the_handbook_build():
    pytest.importorskip("sphinx")
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        import furo_deutsch
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    from sphinx.errors import ExtensionError

    _german = furo_deutsch._german
    icons = "".join(english for english, _ in furo_deutsch.TEMPLATES["partials/icons.html"])
    assert _german("partials/icons.html", icons).startswith("<title>Inhalt</title><title>Menü</title>")
    with pytest.raises(ExtensionError) as stopped:
        _german("page.html", '<button aria-label="Switch colour theme">')
    assert str(stopped.value) == (
        'furo_deutsch: „aria-label="Toggle site navigation sidebar"“ steht nicht mehr in '
        "Furos page.html – passen Sie docs/_ext/furo_deutsch.py an die neue Fassung von Furo "
        "an."
    )
    assert _german("search.html", "Search") == "Search"  # other templates stay as they are


# --- vorlagen hilfe --------------------------------------------------------------------------------------------


def test_hilfe_without_sphinx_says_how_to_get_it(capsys, monkeypatch):
    from vorlagen.cli import hilfe, main

    monkeypatch.setattr(hilfe.importlib.util, "find_spec", lambda name: None)
    assert main(["hilfe", "--nur-bauen"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "Das Handbuch wird mit Sphinx gebaut, das hier nicht installiert ist – installieren Sie es "
        "mit „./bauen.sh hilfe“ (Windows: „.\\bauen.cmd hilfe“) im Repository von vorlagen (oder der Testeinrichtung); "
        "die Versionen stehen in requirements-handbuch.lock.\n"
    )


def test_hilfe_from_an_installed_package_names_where_the_handbook_is(capsys, monkeypatch, tmp_path):
    from vorlagen.cli import hilfe, main

    monkeypatch.setattr(hilfe, "SOURCES", tmp_path / "docs")
    monkeypatch.setattr(hilfe, "PACKAGED", tmp_path / "handbuch")
    assert main(["hilfe"]) == 1
    assert capsys.readouterr().err == (
        "Das Handbuch fehlt in dieser Installation von vorlagen – installieren Sie das Programm neu (sein Paket "
        "bringt das Handbuch mit) oder lesen Sie es im Repository von vorlagen, Ordner docs/, z. B. "
        "docs/tutorial/index.md.\n"
    )
    (tmp_path / "handbuch").mkdir()
    (tmp_path / "handbuch" / "index.html").write_text("<title>Handbuch</title>", encoding="utf-8")
    assert main(["hilfe", "--nur-bauen"]) == 0  # the handbook the package carries, without Sphinx
    assert capsys.readouterr().out == f"Handbuch: {(tmp_path / 'handbuch' / 'index.html').as_posix()}\n"


@pytest.mark.parametrize("port", ["80", "70000", "acht"])
def test_hilfe_refuses_an_impossible_port(capsys, port):
    from vorlagen.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["hilfe", "--port", port])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"vorlagen hilfe: Fehler: --port: „{port}“ ist kein möglicher Port – wählen Sie eine Zahl von 1024 bis 65535, "
        "z. B. 8000."
    )


def test_hilfe_serves_the_built_handbook_on_this_machine_only(capsys, monkeypatch, tmp_path):
    import socket
    import threading
    import urllib.error
    import urllib.request

    from vorlagen.building.localserver import LocalServer
    from vorlagen.cli import hilfe, main

    (tmp_path / "index.html").write_text("<title>Handbuch</title>", encoding="utf-8")
    monkeypatch.setattr(hilfe, "build", lambda: (tmp_path / "index.html", ""))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    answers, serve = [], LocalServer.serve_forever

    def serve_once(self, poll_interval=0.2):
        assert self.server_address[0] == "127.0.0.1"
        thread = threading.Thread(target=serve, args=(self, 0.05))
        thread.start()
        try:
            answers.append(urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=10).read())
            for path, host in (("/fehlt.html", f"127.0.0.1:{self.port}"), ("/", "boese.example")):
                request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers={"Host": host})
                with pytest.raises(urllib.error.HTTPError) as refused:
                    urllib.request.urlopen(request, timeout=10)
                answers.append(refused.value.read())
        finally:
            self.shutdown()
            thread.join(10)

    monkeypatch.setattr(LocalServer, "serve_forever", serve_once)
    assert main(["hilfe", "--port", str(port)]) == 0
    assert answers == [
        b"<title>Handbuch</title>",
        f"Diese Seite gibt es im Handbuch nicht – zur Übersicht: http://127.0.0.1:{port}/\n".encode(),
        f"Das Handbuch antwortet nur auf http://127.0.0.1:{port}/ und http://localhost:{port}/ – öffnen "
        "Sie eine dieser Adressen auf diesem Rechner.\n".encode(),
    ]
    assert capsys.readouterr().out == f"Handbuch: http://127.0.0.1:{port}/ – Beenden mit Strg+C.\n"


def test_hilfe_only_builds_when_asked(capsys, monkeypatch, tmp_path):
    from vorlagen.cli import hilfe, main

    monkeypatch.setattr(hilfe, "build", lambda: (tmp_path / "index.html", ""))
    assert main(["hilfe", "--nur-bauen"]) == 0
    assert capsys.readouterr().out == f"Handbuch: {(tmp_path / 'index.html').as_posix()}\n"


def _abschnitte(page: str) -> dict[str, list[str]]:
    """Package (as `core`, `compute/herleitung`) → the module names its section of „Die Module, Paket für Paket“
    gives a line each (`- `name.py` – …`, a sub-package as `- `name/` – …`), in the page's order."""
    teil = page[page.index("## Die Module, Paket für Paket") :]
    abschnitte: dict[str, list[str]] = {}
    paket = None
    for zeile in teil.splitlines():
        if zeile.startswith("### `vorlagen/") and zeile.endswith("/`"):
            paket = zeile[len("### `vorlagen/") : -2]
            assert paket not in abschnitte, f"docs/entwicklung/architektur.md: zwei Abschnitte für vorlagen/{paket}/"
            abschnitte[paket] = []
        elif zeile.startswith("## "):
            paket = None
        elif paket is not None and zeile.startswith("- `"):
            abschnitte[paket].append(zeile[3:].split("`")[0])
    return abschnitte


def _pakete() -> dict[str, list[str]]:
    """Package → its modules and sub-packages (`name.py`, `name/`), as the code has them."""
    package = ROOT / "vorlagen"
    pakete = {}
    for init in sorted(package.rglob("__init__.py")):
        ordner = init.parent
        if ordner == package:
            continue
        pakete[ordner.relative_to(package).as_posix()] = sorted(
            f"{kind.name}/" if (kind / "__init__.py").is_file() else kind.name
            for kind in ordner.iterdir()
            if (kind.suffix == ".py" and kind.name != "__init__.py") or (kind / "__init__.py").is_file()
        )
    return pakete


def _fehler_der_abschnitte(abschnitte: dict[str, list[str]], pakete: dict[str, list[str]]) -> list[str]:
    fehler = [f"kein Abschnitt „### `vorlagen/{p}/`“" for p in pakete if p not in abschnitte]
    fehler += [f"ein Abschnitt für vorlagen/{p}/, das es nicht gibt" for p in abschnitte if p not in pakete]
    for paket, module in pakete.items():
        genannt = abschnitte.get(paket, [])
        fehler += [f"vorlagen/{paket}/{m} hat keine Zeile in seinem Abschnitt" for m in module if m not in genannt]
        fehler += [f"vorlagen/{paket}/{m} gibt es nicht" for m in sorted(set(genannt) - set(module))]
        fehler += [
            f"vorlagen/{paket}/{m} hat mehr als eine Zeile" for m in sorted(set(genannt)) if genannt.count(m) > 1
        ]
    return fehler


def test_the_architecture_page_has_one_line_per_module_in_the_section_of_its_package():
    abschnitte = _abschnitte((DOCS / "entwicklung" / "architektur.md").read_text(encoding="utf-8"))
    fehler = _fehler_der_abschnitte(abschnitte, _pakete())
    assert fehler == [], (
        "docs/entwicklung/architektur.md, „Die Module, Paket für Paket“: "
        + "; ".join(fehler)
        + " – jedes Modul bekommt eine Zeile „- `name.py` – was es tut“ im Abschnitt seines Pakets."
    )


def test_a_module_named_in_another_packages_section_does_not_count():
    pakete = {"meetings": ["tagesordnung.py"], "compute": ["beratung.py"]}
    abschnitte = {"meetings": [], "compute": ["beratung.py", "tagesordnung.py"]}
    assert _fehler_der_abschnitte(abschnitte, pakete) == [
        "vorlagen/meetings/tagesordnung.py hat keine Zeile in seinem Abschnitt",
        "vorlagen/compute/tagesordnung.py gibt es nicht",
    ]
    seite = "## Die Module, Paket für Paket\n\n### `vorlagen/core/`\n\n- `fmt.py` – x\n- `fmt.py` – y\n\n## Weiter\n- `a.py`"
    assert _abschnitte(seite) == {"core": ["fmt.py", "fmt.py"]}
    assert _fehler_der_abschnitte({"core": ["fmt.py", "fmt.py"]}, {"core": ["fmt.py"]}) == [
        "vorlagen/core/fmt.py hat mehr als eine Zeile"
    ]


def _glossary() -> list[tuple[str, str, list[str]]]:
    """(word, its spelling in the code, its modules) of each row of the glossary."""
    page = (DOCS / "entwicklung" / "glossar.md").read_text(encoding="utf-8")
    rows = []
    for line in page.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 4 and cells[0] != "Wort":
            rows.append((cells[0], cells[1].strip("`"), re.findall(r"`([^`]+\.py)`", cells[3])))
    return rows


def _glossary_errors(rows: list[tuple[str, str, list[str]]]) -> list[str]:
    """What is wrong with glossary rows: a module that is not there, a spelling its module does not have, a module
    named like one of a row (in the pipeline, outside nachrechnen/) that the row does not name."""
    package = ROOT / "vorlagen"
    pipeline = [p.relative_to(package).as_posix() for p in package.rglob("*.py") if "nachrechnen" not in p.parts]
    errors = []
    for word, code, modules in rows:
        for module in modules:
            path = package / module
            if not path.is_file():
                errors.append(f"„{word}“: vorlagen/{module} gibt es nicht")
                continue
            if code not in path.read_text(encoding="utf-8"):
                errors.append(f"„{word}“: „{code}“ fehlt in {module}")
            if "nachrechnen" not in module:
                namesakes = sorted(set(o for o in pipeline if Path(o).name == Path(module).name) - set(modules))
                errors += [
                    f"„{word}“: {other} heißt wie {module}, steht aber nicht in der Zeile" for other in namesakes
                ]
    return errors


def test_the_glossary_names_each_word_where_the_code_has_it():
    """Each word of the glossary: its modules exist and spell it so, and a module named like one of them stands in
    the same row – one name and one home per concept (a second niederschrift.py joins the Niederschrift's row)."""
    rows = _glossary()
    assert len(rows) > 30 and all(modules for _, _, modules in rows)
    assert _glossary_errors(rows) == []


def test_the_glossary_check_finds_each_kind_of_mistake():
    assert _glossary_errors(
        [
            ("Körperschaft", "Koerperschaft", ["load/landkreis.py"]),
            ("Haushalt", "Niederschrift", ["load/haushalt.py"]),
            ("Niederschrift", "Niederschrift", ["load/niederschrift.py"]),
        ]
    ) == [
        "„Körperschaft“: vorlagen/load/landkreis.py gibt es nicht",
        "„Haushalt“: „Niederschrift“ fehlt in load/haushalt.py",
        "„Haushalt“: compute/haushalt.py heißt wie load/haushalt.py, steht aber nicht in der Zeile",
        "„Niederschrift“: compute/niederschrift.py heißt wie load/niederschrift.py, steht aber nicht in der Zeile",
        "„Niederschrift“: meetings/niederschrift.py heißt wie load/niederschrift.py, steht aber nicht in der Zeile",
    ]


def _without_code(text: str) -> str:
    """The text of a page outside fenced code blocks and inline code spans."""
    outside, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            outside.append(re.sub(r"(`+).*?\1", "", line))
    return "\n".join(outside)


def test_no_raw_html_in_the_handbook():
    reference = _reference()
    texts = {
        page.relative_to(ROOT).as_posix(): page.read_text(encoding="utf-8")
        for page in PAGES
        if page.parent.name != "referenz" or page.name == "index.md"
    }
    texts.update({f"docs/referenz/{name}.md": make() for name, make in reference.PAGES.items()})
    for name, text in texts.items():
        found = re.search(r"(?<!\\)<[a-zA-Z/!]", _without_code(text))
        assert found is None, f"{name}: rohes HTML „{found and found.group()}…“ – schreiben Sie Markdown"
    assert re.search(r"(?<!\\)<[a-zA-Z/!]", _without_code("ein <b>fetter</b> Text"))
    assert not re.search(r"(?<!\\)<[a-zA-Z/!]", _without_code("`<b>` und\n```html\n<b>\n```\n\\<svg\\>"))


# --- what travels: the committed reference, the pictures, the wheel's Sphinx, the changelog ----------------------


def test_the_committed_reference_is_current():
    """The reference is committed (its links work on the platform); it must be what the code generates now."""
    reference = _reference()
    stale = [
        f"docs/referenz/{name}.md"
        for name, make in reference.PAGES.items()
        if not (DOCS / "referenz" / f"{name}.md").is_file()
        or (DOCS / "referenz" / f"{name}.md").read_text(encoding="utf-8") != make()
    ]
    assert stale == [], (
        f"{', '.join(stale)} passt nicht zum Programmcode – erzeugen Sie die Referenz neu: "
        ".venv/bin/python docs/_ext/referenz.py"
    )


LINK = re.compile(r"\]\(([^)\s#]*)(#[^)\s]*)?\)")


def test_every_link_between_pages_works_where_the_markdown_is_read():
    """On the platform the pages are read as Markdown files: every relative link must name an existing file."""
    broken = []
    for page in [*PAGES, ROOT / "README.md"]:
        for target, _ in LINK.findall(_without_code(page.read_text(encoding="utf-8"))):
            local = target and not target.startswith(("http://", "https://", "mailto:"))
            if local and not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT).as_posix()}: {target}")
    assert broken == []


BILDER = DOCS / "bilder"


def test_the_pictures_show_the_pages_the_example_builds_now(built):
    import hashlib
    import json

    quellen = json.loads((BILDER / "quellen.json").read_text(encoding="utf-8"))
    assert sorted(quellen) == sorted(p.name for p in BILDER.glob("*.png"))
    stale = [
        name
        for name, quelle in quellen.items()
        if hashlib.sha256((built / quelle["pdf"]).read_bytes()).hexdigest() != quelle["sha256"]
    ]
    assert stale == [], (
        f"docs/bilder/{', '.join(stale)} zeigt eine ältere Fassung der Seite – erzeugen Sie die Bilder neu: "
        ".venv/bin/python scripts/seitenbilder.py"
    )
    shown = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
    for picture in BILDER.glob("*.png"):
        assert picture.stat().st_size < 40 * 1024, picture.name
        assert f"bilder/{picture.name})" in shown, f"{picture.name} steht auf keiner Seite des Handbuchs"


def test_the_wheel_builds_the_handbook_with_the_locked_sphinx():
    import tomllib

    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    lock = (ROOT / "requirements-handbuch.lock").read_text(encoding="utf-8").lower()
    pinned = [r for r in requires if "==" in r]
    assert {r.split("==")[0].lower() for r in pinned} == {"sphinx", "myst-parser", "furo"}
    for requirement in pinned:
        assert f"\n{requirement.lower()}\n" in lock, requirement


AENDERUNGEN = DOCS / "aenderungen.md"


def test_the_changelog_has_the_programs_version_first_and_says_what_to_do():
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    text = AENDERUNGEN.read_text(encoding="utf-8")
    releases = re.findall(r"^## (\d+\.\d+\.\d+)\b", text, re.MULTILINE)
    assert releases and releases[0] == version, (releases[:1], version)
    numbers = [tuple(int(p) for p in release.split(".")) for release in releases]
    assert numbers == sorted(numbers, reverse=True) and len(set(numbers)) == len(numbers)
    for release in text.split("\n## ")[1:]:
        assert "### Was Sie tun müssen" in release, release.splitlines()[0]
    assert "vorlagen aktualisieren" in text


def test_the_reference_of_commands_names_vorlagen_whoever_generates_it(monkeypatch):
    """`./bauen.sh hilfe` runs build.py, whose hints say ./bauen.sh: the reference still names `vorlagen`."""
    monkeypatch.setattr(sys, "argv", [str(ROOT / "build.py"), "hilfe"])
    befehle = _reference().befehle()
    assert "Aufruf: vorlagen bauen [-h]" in befehle and "./bauen.sh" not in befehle
    assert sys.argv == [str(ROOT / "build.py"), "hilfe"]


def test_hilfe_builds_a_copy_outside_the_repository_with_the_committed_reference(capsys, monkeypatch, tmp_path):
    from sphinx.cmd import build as sphinx_build

    from vorlagen.cli import main

    calls = []

    def build_main(args):
        calls.append(args)
        out = Path(args[-1])
        out.mkdir(parents=True)
        (out / "index.html").write_text("<title>Handbuch</title>", encoding="utf-8")
        return 0

    monkeypatch.setattr(sphinx_build, "build_main", build_main)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert main(["hilfe", "--nur-bauen"]) == 0
    (args,) = calls
    assert args[args.index("-D") + 1] == "referenz_erzeugen=0"  # docs/referenz/ as committed, never rewritten
    copy, out = Path(args[-2]), Path(args[-1])
    assert all(p.is_relative_to(tmp_path / "cache" / "vorlagen" / "handbuch") for p in (copy, out))
    assert (copy / "conf.py").read_bytes() == (DOCS / "conf.py").read_bytes()
    assert not (copy / "_build").exists()
    assert capsys.readouterr().out == f"Handbuch: {(out / 'index.html').as_posix()}\n"


@pytest.mark.langsam  # Sphinx builds the whole handbook
def test_bauen_sh_hilfe_writes_nothing_into_the_repository(tmp_path):
    """`./bauen.sh hilfe --nur-bauen` (build.py) once rewrote the committed docs/referenz/befehle.md."""
    pytest.importorskip("sphinx")

    def stand() -> dict[str, tuple[int, int]]:
        return {
            p.relative_to(ROOT).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(DOCS.rglob("*"))
            if p.is_file() and "_build" not in p.parts
        }

    before = stand()
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "hilfe", "--nur-bauen"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    index = Path(done.stdout.removeprefix("Handbuch: ").strip())
    assert index.is_file() and index.is_relative_to(tmp_path / "cache")
    assert "Aufruf: vorlagen bauen" in (index.parent / "referenz" / "befehle.html").read_text(encoding="utf-8")
    assert stand() == before


def test_no_page_relies_on_a_git_tag():
    """The repository carries no tags: a version is installed from its package or built from its last commit."""
    tagged = re.compile(r"git (?:checkout|switch) v\d|git tag\b|--tags\b|/tags/|git describe")
    found = [
        f"{page.relative_to(ROOT).as_posix()}: {match.group()}"
        for page in [*PAGES, ROOT / "README.md"]
        for match in tagged.finditer(page.read_text(encoding="utf-8"))
    ]
    assert found == []
    assert tagged.search("git checkout v0.3.2") and tagged.search("git fetch --tags")


def test_the_pictures_of_the_editing_side_show_its_pages_as_they_are():
    """docs/bilder/browser/ shows the editing side's pages as templates/bearbeiten/ and the server's pages as
    templates/server/ set them now; after a change there, scripts/browserbilder.py takes them again. Each picture
    is small and shown on a page of the handbook."""
    import hashlib
    import json

    bilder = DOCS / "bilder" / "browser"
    recorded = json.loads((bilder / "quellen.json").read_text(encoding="utf-8"))
    seiten = ROOT / "templates" / "bearbeiten"
    now = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(seiten.iterdir()) if p.is_file()}
    server = sorted(p for p in (ROOT / "templates" / "server").iterdir() if p.suffix in (".j2", ".css"))
    now |= {f"server/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest() for p in server}
    assert recorded == now, "Bilder veraltet – .venv/bin/python scripts/browserbilder.py"
    shown = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
    for picture in bilder.glob("*.png"):
        assert picture.stat().st_size < 60_000, picture.name
        assert f"bilder/browser/{picture.name})" in shown, f"{picture.name} steht auf keiner Seite des Handbuchs"
    assert {p.stem for p in bilder.glob("*.png")} >= {"neue-vorlage", "tabelle", "formel", "server-start"}
