"""`vorlagen neu`, `vorlagen vorlage neu` and `vorlagen schema`: a data repository that builds at once."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import jsonschema
import pytest
import yaml

from tests.hilfen import DATA, ROOT, run
from vorlagen.load.hausstil import Hausstil
from vorlagen.load.schema import FILES, kind_of, schema
from vorlagen.load.schemadateien import schema_files


def _heute() -> dt.date:
    """Today, read when a test asks (a constant read at import went stale when a run crossed midnight)."""
    return dt.date.today()


def _validate_all(data):
    for path in sorted(data.rglob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        document = json.loads(json.dumps(document, default=lambda value: value.isoformat()))
        jsonschema.validate(
            document, schema(kind_of(path.relative_to(data).as_posix())), cls=jsonschema.Draft7Validator
        )


def test_new_repository_builds_at_once(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "meine-verwaltung"
    code, out, err = run(capsys, "neu", str(repo), "--name", "Stadt Beispielhausen")
    assert (code, err) == (0, "")
    assert out.endswith(f"Weiter:\n  cd {repo.as_posix()}\n  vorlagen\n")
    for name in (
        "README.md",
        ".gitignore",
        ".gitattributes",
        "vorlagen.toml",
        ".vscode/settings.json",
        "data/koerperschaft.yaml",
        f"data/vorlagen/{_heute().year}-0001/vorlage.yaml",
        f"data/vorlagen/{_heute().year}-0001/beschlussvorschlag.md",
    ):
        assert (repo / name).is_file(), name
    assert "output/" in (repo / ".gitignore").read_text().splitlines()
    assert (repo / ".gitattributes").read_text() == "*.pdf diff=vorlage\n"
    assert (repo / "vorlagen.toml").read_text().splitlines()[1].startswith('version = "0.')
    if shutil.which("git"):
        assert (repo / ".git" / "config").read_text().count('[diff "vorlage"]') == 1
    monkeypatch.chdir(repo)
    code, out, err = run(capsys)
    assert (code, err) == (0, ""), err
    pdf = repo / "output" / "vorlagen" / f"{_heute().year}-0001" / f"{_heute().year}-0001.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = pdf.with_suffix(".txt").read_text(encoding="utf-8")
    assert "Stadt Beispielhausen" in text and "Beschlussvorschlag" in text


@pytest.mark.parametrize(
    "name, titel",
    [
        ("Landkreis Heidemoor", "Der Landrat  # z. B. so oder Die Landrätin"),
        ("Rhein-Sieg-Kreis", "Der Landrat  # z. B. so oder Die Landrätin"),
        ("Kreisstadt Siegburg", "Der Bürgermeister  # z. B. so oder Die Bürgermeisterin"),
        ("Amt Büchen", "Der Amtsvorsteher  # z. B. so oder Die Amtsvorsteherin"),
        ("Zweckverband Wasser", "Der Bürgermeister  # oder Die Landrätin, Der Amtsvorsteher …"),
    ],
)
def test_new_repository_suggests_the_head_but_states_none(capsys, tmp_path, name, titel):
    """A Landkreis is not headed by a Bürgermeister: the suggestion comes from the name – as a comment only; the
    head is a fact `vorlagen neu` does not know, so it writes none (before issue 34 it wrote the guess as a fact)."""
    from vorlagen.load.facts import load

    repo = tmp_path / "r"
    assert run(capsys, "neu", str(repo), "--name", name)[0] == 0
    zeilen = (repo / "data" / "koerperschaft.yaml").read_text(encoding="utf-8").splitlines()
    assert f"# verwaltungschef: {titel}" in zeilen
    assert load(repo / "data")[0].koerperschaft.verwaltungschef is None


def test_scaffolded_yaml_names_its_schema_and_is_valid(capsys, tmp_path):
    repo = tmp_path / "r"
    assert run(capsys, "neu", str(repo))[0] == 0
    yamls = sorted((repo / "data").rglob("*.yaml"))
    assert len(yamls) == 3
    for path in yamls:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, path
        target = (path.parent / match.group(1)).resolve()
        assert target.is_file() and json.loads(target.read_text()) == schema(
            kind_of(path.relative_to(repo / "data").as_posix()), Hausstil()
        )  # the new body's Hausstil: every default
    _validate_all(repo / "data")
    settings = json.loads((repo / ".vscode" / "settings.json").read_text())["yaml.schemas"]
    assert sorted(settings.values()) == sorted(f"data/{kind.pattern}" for kind in FILES)


def test_new_refuses_a_folder_with_files(capsys, tmp_path):
    (tmp_path / "voll").mkdir()
    (tmp_path / "voll" / "notiz.txt").write_text("x")
    code, out, err = run(capsys, "neu", str(tmp_path / "voll"))
    assert code == 1 and out == ""
    assert err.startswith(
        f"{(tmp_path / 'voll').as_posix()}: Den Ordner gibt es schon, und er ist nicht leer – "
        "wählen Sie einen neuen Namen, z. B. vorlagen neu meine-verwaltung.\n"
    )
    assert sorted(p.name for p in (tmp_path / "voll").iterdir()) == ["notiz.txt"]


def test_new_vorlage_takes_the_next_free_nummer(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "r"
    shutil.copytree(DATA, repo / "data")
    monkeypatch.chdir(repo)
    # the example has 2021/0123 and 2021/0130: the next of this year is 0001, of 2021 it would be 0131
    for art, number in (("Beschlussvorlage", 1), ("Mitteilungsvorlage", 2)):
        code, out, err = run(capsys, "vorlage", "neu", "--art", art, f"Betreff {number}: „Zitat“", "--amt", "30")
        assert (code, err) == (0, "")
        folder = repo / "data" / "vorlagen" / f"{_heute().year}-{number:04d}"
        vorlage = yaml.safe_load((folder / "vorlage.yaml").read_text(encoding="utf-8"))
        assert vorlage["nummer"] == f"{_heute().year}/{number:04d}" and vorlage["art"] == art
        assert vorlage["betreff"] == f"Betreff {number}: „Zitat“" and vorlage["federfuehrend"] == "30"
        assert vorlage["beratungsfolge"] == []  # the example's Sitzungen are past
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            ["vorlage.yaml", "sachverhalt.md"] + (["beschlussvorschlag.md"] if art == "Beschlussvorlage" else [])
        )
    code, out, err = run(capsys, "check", "--ohne-satz", "--stichtag", "2021-06-01")
    assert (code, err) == (0, "") and out.startswith("Geprüft: 4 Vorlagen")
    _validate_all(repo / "data")


def test_new_vorlage_joins_the_next_sitzung(capsys, tmp_path):
    repo = tmp_path / "r"
    run(capsys, "neu", str(repo))
    code, out, err = run(capsys, "--data", str(repo), "vorlage", "neu", "Zweite Vorlage", "--art", "Berichtsvorlage")
    assert (code, err) == (0, "")
    vorlage = yaml.safe_load((repo / "data" / "vorlagen" / f"{_heute().year}-0002" / "vorlage.yaml").read_text())
    sitzung = (_heute() + dt.timedelta(days=28)).isoformat()
    assert vorlage["beratungsfolge"] == [{"sitzung": f"AS-{sitzung}", "rolle": "Kenntnisnahme"}]


def test_new_vorlage_writes_no_date_unless_asked_where_the_hausstil_allows_none(capsys, tmp_path):
    """Issue 61, point 3: with „datum_pflicht: false“ a new Vorlage has no invented date (one for a past Sitzung
    was „ZU SPÄT“ by thousands of days); asked with --datum, it has that one; where a date is required, today's."""
    repo = tmp_path / "r"
    run(capsys, "neu", str(repo))
    code, _, err = run(capsys, "--data", str(repo), "vorlage", "neu", "Mit Datum", "--art", "Berichtsvorlage")
    assert (code, err) == (0, "")
    assert (
        yaml.safe_load((repo / "data/vorlagen" / f"{_heute().year}-0002/vorlage.yaml").read_text())["datum"] == _heute()
    )
    koerperschaft = repo / "data" / "koerperschaft.yaml"
    assert "\nhausstil:" not in koerperschaft.read_text(encoding="utf-8")
    with koerperschaft.open("a", encoding="utf-8") as datei:
        datei.write("hausstil:\n  datum_pflicht: false\n")
    code, _, err = run(capsys, "--data", str(repo), "vorlage", "neu", "Ohne Datum", "--art", "Berichtsvorlage")
    assert (code, err) == (0, "")
    assert "datum" not in yaml.safe_load((repo / "data/vorlagen" / f"{_heute().year}-0003/vorlage.yaml").read_text())
    args = ["vorlage", "neu", "Gefragt", "--art", "Berichtsvorlage", "--datum", "2021-05-27"]
    code, _, err = run(capsys, "--data", str(repo), *args)
    assert (code, err) == (0, "")
    vorlage = yaml.safe_load((repo / "data/vorlagen" / f"{_heute().year}-0004/vorlage.yaml").read_text())
    assert vorlage["datum"] == dt.date(2021, 5, 27)


def test_new_vorlage_with_unknown_amt_or_sitzung(capsys, tmp_path):
    repo = tmp_path / "r"
    run(capsys, "neu", str(repo))
    code, _, err = run(capsys, "--data", str(repo), "vorlage", "neu", "X", "--amt", "ZZ")
    assert code == 1 and err.startswith(
        "koerperschaft.yaml: Unbekanntes Amt „ZZ“ – nennen Sie mit --amt ein Kürzel aus koerperschaft.yaml → aemter.\n"
    )
    code, _, err = run(capsys, "--data", str(repo), "vorlage", "neu", "X", "--sitzung", "AS-1999-01-01")
    assert code == 1 and err.startswith(
        "data/sitzungen: Unbekannte Sitzung „AS-1999-01-01“ – nennen Sie den "
        "Dateinamen einer Sitzung unter sitzungen/ ohne .yaml.\n"
    )
    assert not (repo / "data" / "vorlagen" / f"{_heute().year}-0002").exists()


def test_schema_command_writes_the_schema(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "r"
    shutil.copytree(DATA, repo / "data")
    monkeypatch.chdir(repo)
    code, out, err = run(capsys, "schema")
    assert (code, err) == (0, "")
    assert out == f"JSON-Schema für {len(FILES)} Arten von Datendateien in schema/ geschrieben.\n"
    written = {f"schema/{p.name}": p.read_text(encoding="utf-8") for p in (repo / "schema").iterdir()}
    from vorlagen.load.facts import load

    assert written == schema_files(load(repo / "data")[0].koerperschaft.hausstil)


def test_schema_that_cannot_be_written_is_a_german_problem_and_leaves_the_others_whole(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "r"
    shutil.copytree(DATA, repo / "data")
    (repo / "schema" / "vorlage.schema.json").mkdir(parents=True)  # a folder where a schema file belongs
    monkeypatch.chdir(repo)
    code, out, err = run(capsys, "schema")
    assert code == 1 and out == ""
    assert err.splitlines()[0] == (
        "schema/vorlage.schema.json: Die Datei lässt sich nicht schreiben (Dort liegt ein Ordner, keine Datei) – "
        "prüfen Sie Schreibrechte und Speicherplatz."
    )
    from vorlagen.load.facts import load

    expected = schema_files(load(repo / "data")[0].koerperschaft.hausstil)
    assert {f"schema/{p.name}": p.read_text(encoding="utf-8") for p in (repo / "schema").iterdir() if p.is_file()} == {
        name: text for name, text in expected.items() if name != "schema/vorlage.schema.json"
    }
    assert sorted(p.name for p in (repo / "schema").iterdir() if p.name.startswith(".")) == []  # no temporary file


def test_check_notices_a_stale_schema(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "r"
    run(capsys, "neu", str(repo))
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, "check", "--ohne-satz")
    assert code == 0 and "Hinweis" not in out
    path = repo / "schema" / "vorlage.schema.json"
    path.write_text(path.read_text().replace('"nummer"', '"nr"'), encoding="utf-8")  # an older schema
    code, out, _ = run(capsys, "check", "--ohne-satz")
    assert code == 0 and out.endswith(
        "\nHinweis: Das Schema in schema/ passt nicht zu dieser Programmversion oder "
        "zum Hausstil – „vorlagen schema“ schreibt es neu.\n"
    )
    assert run(capsys, "schema")[0] == 0
    assert "Hinweis" not in run(capsys, "check", "--ohne-satz")[1]
    koerperschaft = repo / "data" / "koerperschaft.yaml"  # the body adds an own header field: the schema is stale
    koerperschaft.write_text(
        koerperschaft.read_text(encoding="utf-8") + "hausstil:\n  kopf: {eigene: {bearbeitung: Bearbeitung}}\n",
        encoding="utf-8",
    )
    assert "„vorlagen schema“ schreibt es neu." in run(capsys, "check", "--ohne-satz")[1]
    assert run(capsys, "schema")[0] == 0
    assert "Hinweis" not in run(capsys, "check", "--ohne-satz")[1]
    assert '"bearbeitung": {' in (repo / "schema" / "vorlage.schema.json").read_text(encoding="utf-8")


def test_new_vorlage_follows_the_hausstil(capsys, tmp_path, monkeypatch):
    """Wiesenbrück: Nummern N/JJJJ, sections of the Hausstil per Art, Klimaschutz required, Ergänzungen numbered
    from their original."""
    repo = tmp_path / "r"
    shutil.copytree(ROOT / "tests" / "fixtures" / "wiesenbrueck", repo / "data")
    monkeypatch.chdir(repo)
    code, _, err = run(capsys, "vorlage", "neu", "--art", "Dringlichkeitsvorlage", "Hitzeschutz")
    assert (code, err) == (0, "")
    folder = repo / "data" / "vorlagen" / f"1-{_heute().year}"
    vorlage = yaml.safe_load((folder / "vorlage.yaml").read_text(encoding="utf-8"))
    assert vorlage["nummer"] == f"1/{_heute().year}" and vorlage["art"] == "Dringlichkeitsvorlage"
    assert vorlage["texte"] == {"dringlichkeit": "dringlichkeit.md", "sachverhalt": "sachverhalt.md"}
    assert vorlage["klimaschutz"] == {"auswirkung": "nein"} and "abschnitte" not in vorlage
    assert sorted(p.name for p in folder.iterdir()) == [
        "beschlussvorschlag.md",
        "dringlichkeit.md",
        "sachverhalt.md",
        "vorlage.yaml",
    ]
    code, _, err = run(capsys, "vorlage", "neu", "--art", "Ergänzungsvorlage", "Mehr Radweg")
    assert code == 1 and err.startswith(
        "data/vorlagen: Eine Ergänzungsvorlage ist eine Ergänzung – nennen Sie mit "
        "--bezug die Nummer der Vorlage, auf die sie sich bezieht.\n"
    )
    code, _, err = run(capsys, "vorlage", "neu", "--art", "Ergänzungsvorlage", "Mehr Radweg", "--bezug", "231/2024")
    assert (code, err) == (0, "")
    vorlage = yaml.safe_load((repo / "data" / "vorlagen" / "231-2024-2" / "vorlage.yaml").read_text(encoding="utf-8"))
    assert vorlage["nummer"] == "231/2024/2"  # 231/2024/1 exists
    assert vorlage["bezug"] == {"vorlage": "231/2024", "art": "Ergänzung"}
    code, out, err = run(capsys, "check", "--ohne-satz", "--stichtag", "2024-01-01")
    assert (code, err) == (0, "") and out.startswith("Geprüft: 6 Vorlagen")
    _validate_all(repo / "data")


@pytest.mark.parametrize(
    "nummer",
    ["2021/0998\noeffentlich: false", '2021/0999"', "１２３/２０２４", "..\\x", "../../etc", "x" * 300, "{{ 1 }}"],
)
def test_new_vorlage_refuses_a_nummer_that_is_no_nummer(capsys, tmp_path, nummer):
    repo = tmp_path / "repo"
    run(capsys, "neu", str(repo))
    code, out, err = run(capsys, "--data", str(repo / "data"), "vorlage", "neu", "X", "--nummer", nummer)
    assert code == 1 and "Traceback" not in err
    assert (
        f"„{nummer[:60]}“ taugt nicht als Nummer – höchstens 40 Zeichen aus Ziffern, Buchstaben und / . _ -, am "
        "Anfang eine Ziffer oder ein Buchstabe, z. B. 2024/0123."
    ) in err
    assert sorted(p.name for p in (repo / "data/vorlagen").iterdir()) == [
        next(iter(p.name for p in (repo / "data/vorlagen").iterdir()))
    ]  # only the scaffolded Vorlage: nothing written


@pytest.mark.parametrize(
    "betreff", ['Erster Satz\nnummer: "9999/1"', 'Ein „Zitat“ mit "Anführung" und {{ x }} und ..\\ und ＡＢＣ１２']
)
def test_a_betreff_reads_back_exactly_or_is_refused(capsys, tmp_path, betreff):
    import yaml

    repo = tmp_path / "repo"
    run(capsys, "neu", str(repo))
    code, out, err = run(capsys, "--data", str(repo / "data"), "vorlage", "neu", betreff, "--nummer", "2099/1")
    if "\n" in betreff:
        assert code == 1
        assert (
            "„Betreff“ muss eine Zeile Text sein, ohne Zeilenumbruch oder Steuerzeichen – geben Sie den Text in "
            "Anführungszeichen in einer Zeile an."
        ) in err
        assert not (repo / "data/vorlagen/2099-1").exists()
    else:
        assert code == 0, err
        written = yaml.safe_load((repo / "data/vorlagen/2099-1/vorlage.yaml").read_text(encoding="utf-8"))
        assert written["betreff"] == betreff and written["nummer"] == "2099/1"
        code, _, err = run(capsys, "check", "--data", str(repo / "data"))
        # the full-width letters read back as typed; the font has no glyphs for them, and check says so
        assert code == 1 and "„Ａ“ (U+FF21)" in err and err.count("\n\n") == 1


@pytest.mark.parametrize("name", ['Stadt "X"\ngremien: []', "S" * 300])
def test_new_repository_refuses_a_name_that_would_break_its_yaml(capsys, tmp_path, name):
    code, out, err = run(capsys, "neu", str(tmp_path / "repo"), "--name", name)
    assert code == 1 and "Traceback" not in err
    assert not (tmp_path / "repo").exists()


def test_a_name_with_quotes_reads_back_exactly(capsys, tmp_path):
    import yaml

    repo = tmp_path / "repo"
    assert run(capsys, "neu", str(repo), "--name", 'Gemeinde „Am See“ {{ x }} "Süd"')[0] == 0
    written = yaml.safe_load((repo / "data/koerperschaft.yaml").read_text(encoding="utf-8"))
    assert written["name"] == 'Gemeinde „Am See“ {{ x }} "Süd"'


def test_new_repository_in_a_file_is_a_german_problem(capsys, tmp_path):
    (tmp_path / "datei").write_text("x", encoding="utf-8")
    code, out, err = run(capsys, "neu", str(tmp_path / "datei"))
    assert code == 1 and "Traceback" not in err
    assert (
        "Das ist eine Datei, kein Ordner – wählen Sie einen neuen Ordnernamen, z. B. vorlagen neu meine-verwaltung."
        in err
    )


def test_schema_with_an_unreadable_koerperschaft_uses_the_standard_words(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "r"
    shutil.copytree(DATA, repo / "data")
    (repo / "data" / "koerperschaft.yaml").write_text("name: [Kreis\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    code, out, err = run(capsys, "schema")
    assert code == 0 and out.startswith("JSON-Schema für ")
    assert err.endswith(
        "\nHinweis: koerperschaft.yaml lässt sich nicht lesen – das Schema enthält die Standardwörter; "
        "schreiben Sie es nach der Korrektur mit „vorlagen schema“ neu.\n"
    )
    assert err.startswith("data/koerperschaft.yaml:2: YAML-Syntaxfehler")
    written = {f"schema/{p.name}": p.read_text(encoding="utf-8") for p in (repo / "schema").iterdir()}
    assert written == schema_files(Hausstil())


def test_the_hint_after_neu_works_as_typed_for_a_folder_with_spaces(capsys, tmp_path, monkeypatch):
    """`Weiter:` shows one command a line – no `&&`, which Windows PowerShell 5.1 lacks – and quotes the folder."""
    import subprocess

    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "neu", "Gemeinde Übach Palenberg")  # relative, as a user types it
    assert code == 0
    weiter = out.split("\nWeiter:\n", 1)[1].splitlines()
    assert weiter == ['  cd "Gemeinde Übach Palenberg"', "  vorlagen"]
    shell = subprocess.run(["bash", "-ec", f"{weiter[0].strip()}\npwd"], cwd=tmp_path, capture_output=True)
    assert shell.returncode == 0 and shell.stdout.decode().strip() == str(tmp_path / "Gemeinde Übach Palenberg")
