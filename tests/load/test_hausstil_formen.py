"""Forms as each body keeps them (issue 34, point 7): the Vorlagenart may stay open until publishing, every fixed
heading is the Hausstil's, Nummer patterns carry literal text, `verwaltungschef` is needed only where something
prints it, and `vorlagen neu` writes no fact it does not know. Each rule failed on the code before issue 34."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.hilfen import DATA, copy_data, edit, line_of, problems_of, run
from vorlagen.compute.offen import ART_OFFEN, OFFEN, check_veroeffentlichung, offen
from vorlagen.compute.project import prepare
from vorlagen.load.vorlagenart import fremdes_zeichen, muster_problem, nummer_beispiel, nummer_regex
from vorlagen.render.document import Composer

# messages name files from where the command ran: as users, the tests run from the repository (tmp_path)
pytestmark = pytest.mark.usefixtures("aus_dem_repository")

KOERPERSCHAFT = Path("koerperschaft.yaml")
VORLAGE_0123 = Path("vorlagen/2021-0123/vorlage.yaml")
MITTEILUNG = Path("vorlagen/2021-0130/vorlage.yaml")
BESCHLUSS = Path("vorlagen/2021-0123/vorlage.yaml")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(DATA, tmp_path)


def doc_of(data: Path, nummer: str):
    project = prepare(data)
    return project, next(d for d in Composer(project).compose_all() if d.source.vorlage.nummer == nummer)


# --- the Vorlagenart may stay open ---------------------------------------------------------------------------------


def test_an_open_vorlagenart_prints_as_open_is_listed_and_refused_for_publishing(data, capsys):
    edit(data / MITTEILUNG, "art: Mitteilungsvorlage\n", "")
    project, doc = doc_of(data, "2021/0130")
    assert ART_OFFEN in doc.text
    source = doc.source
    assert "Vorlagenart" in offen(project.facts, source)
    assert [str(p) for p in check_veroeffentlichung(project.facts, source, "die Sitzungsmappe KA-2021-06-21")] == [
        f"data/{MITTEILUNG.as_posix()}:1: Die Vorlage 2021/0130 geht in die Sitzungsmappe KA-2021-06-21, aber noch "
        "offen ist: Vorlagenart („art“) – ergänzen Sie dies in vorlage.yaml."
    ]
    code, out, _ = run(capsys, "--data", str(data), "pruefen", "--ohne-satz")
    assert code == 0 and "Vorlagenart" in out


# --- every fixed heading is the Hausstil's ----------------------------------------------------------------------------


def test_every_fixed_heading_can_be_named_by_the_hausstil(data):
    edit(
        data / KOERPERSCHAFT,
        "hausstil:\n",
        "hausstil:\n  ueberschriften: {beschlussvorschlag: Beschlussempfehlung, anlagen: Anlagenverzeichnis, "
        "haushalt: Mittelbedarf nach Jahren, deckung: Finanzierung des Mehrbedarfs}\n"
        "  finanzen: {ueberschrift: Auswirkungen auf den Haushalt}\n",
    )
    _, doc = doc_of(data, "2021/0123")
    zeilen = [line.strip() for line in doc.text.splitlines()]
    for neu in (
        "Beschlussempfehlung",
        "Anlagenverzeichnis",
        "Mittelbedarf nach Jahren",
        "Finanzierung des Mehrbedarfs",
        "Auswirkungen auf den Haushalt",
    ):
        assert neu in zeilen, neu
    for alt in (
        "Beschlussvorschlag",
        "Anlagen",
        "Haushaltsmittel je Haushaltsjahr",
        "Deckung",
        "Finanzielle Auswirkungen",
    ):
        assert alt not in zeilen, alt


def test_the_remaining_fixed_headings_can_be_named_too(data):
    """Issue 34 point 7, probe F10: the Eigenanteil overview, the Ja/Nein line of the Haushalt block, and the
    headings of Tagesordnung, Niederschrift (with „Anwesend“) and Auszug were fixed text before."""
    from vorlagen.meetings.niederschrift import Minutes
    from vorlagen.meetings.tagesordnung import Meetings

    edit(
        data / KOERPERSCHAFT,
        "hausstil:\n",
        "hausstil:\n  ueberschriften: {eigenanteile: Eigenmittel je Jahr, mittel_vorhanden: Mittel vorhanden, "
        "tagesordnung: Einladung und Tagesordnung, niederschrift: Protokoll, anwesend: Teilnehmende, "
        "auszug: Protokollauszug}\n",
    )
    project, doc = doc_of(data, "2021/0123")
    zeilen = [line.strip() for line in doc.text.splitlines()]
    assert "Eigenmittel je Jahr" in zeilen and "Eigenanteile nach Haushaltsjahren" not in zeilen
    assert any(z.startswith("Mittel vorhanden:") for z in zeilen)
    assert "Haushaltsmittel stehen zur Verfügung" not in doc.text
    composer = Composer(project)
    plans = {d.source.vorlage.nummer: d for d in composer.compose_all()}
    agenda = Meetings(composer).compose("KA-2021-06-21", plans).html[True][1]
    assert "<h1>Einladung und Tagesordnung</h1>" in agenda
    minutes = Minutes(composer).compose("KA-2021-06-21", plans)
    assert "<h1>Protokoll</h1>" in minutes.html[True][1] and "<h2>Teilnehmende</h2>" in minutes.html[True][1]
    assert all("<h1>Protokollauszug</h1>" in html for html in minutes.auszuege.values()) and minutes.auszuege


@pytest.mark.parametrize("leer", ['""', '"   "'])
def test_an_empty_heading_is_refused_like_a_missing_one(data, leer):
    edit(data / KOERPERSCHAFT, "hausstil:\n", f"hausstil:\n  ueberschriften: {{beschlussvorschlag: {leer}}}\n")
    assert problems_of(data) == [
        f"data/{KOERPERSCHAFT.as_posix()}:{line_of(data / KOERPERSCHAFT, 'ueberschriften:')}: „ueberschriften: "
        "beschlussvorschlag“ ist leer – schreiben Sie die Überschrift oder lassen Sie die Zeile weg (dann gilt "
        "„Beschlussvorschlag“)."
    ]


# --- Nummer patterns with literal text --------------------------------------------------------------------------------


def test_a_kreis_pattern_does_not_read_its_r_as_a_roman_numeral(data):
    edit(data / KOERPERSCHAFT, "hausstil:\n", 'hausstil:\n  nummer: "NNNN/JJJJ/KREIS"\n')
    vorschlag = "NNNN/JJJJ/'KREIS'"
    assert problems_of(data) == [
        f"data/koerperschaft.yaml:{line_of(data / KOERPERSCHAFT, 'nummer:')}: Im Muster „NNNN/JJJJ/KREIS“ steht "
        "„KREIS“: J, N und R sind Platzhalter (Jahr, Zahl, römische Zahl), mitten in einem Wort lässt sich das nicht "
        f"sicher lesen – setzen Sie Text, der so gedruckt wird, in Hochkommas: {vorschlag}"
    ]
    # the proposed pattern parses and reads the Kreis's Nummern literally
    assert muster_problem(vorschlag) is None
    regex = nummer_regex(vorschlag)
    assert regex is not None
    assert re.fullmatch(regex, "0123/2018/KREIS") and not re.fullmatch(regex, "0123/2018/KIXEIS")
    assert nummer_beispiel(vorschlag) == "0123/2021/KREIS"


@pytest.mark.parametrize(
    "muster, nummer, gilt",
    [
        ("R/N/N", "IX/416/1", True),
        ("'Drs.'NNNN/JJ", "Drs.0012/21", True),
        ("'Drs.'NNNN/JJ", "Dzs.0012/21", False),
        ("JJJJ/NNNN", "2021/0123", True),
    ],
)
def test_literal_text_and_placeholders_side_by_side(muster, nummer, gilt):
    assert muster_problem(muster) is None
    regex = nummer_regex(muster)
    assert regex is not None and bool(re.fullmatch(regex, nummer)) is gilt


@pytest.mark.parametrize(
    "muster, was, vorschlag, nummer",
    [
        (
            "'Drucksache 'JJJJ/NNNN/'KREIS'",
            "ein Leerzeichen",
            "'Drucksache-'JJJJ/NNNN/'KREIS'",
            "Drucksache-2018/0123/KREIS",
        ),
        ("JJJJ/NNNN/Ä", "„Ä“", "JJJJ/NNNN/AE", "2018/0123/AE"),
        ("JJJJ\u2013NNNN", "„\u2013“", "JJJJ-NNNN", "2018-0123"),
        ("'Straße'/NNNN", "„ß“", "'Strasse'/NNNN", "Strasse/0123"),
    ],
)
def test_a_pattern_with_text_no_nummer_may_carry_is_refused_at_its_line(data, muster, was, vorschlag, nummer):
    """Probe F5: such a pattern was accepted, and every Nummer written after it was then refused. The pattern is
    refused where it stands; the pattern it proposes is accepted and its Nummern build."""
    edit(data / KOERPERSCHAFT, "hausstil:\n", f'hausstil:\n  nummer: "{muster}"\n')
    assert problems_of(data) == [
        f"data/koerperschaft.yaml:{line_of(data / KOERPERSCHAFT, 'nummer:')}: Im Muster „{muster}“ steht {was} – "
        "eine Nummer darf nur Ziffern, Buchstaben A–Z ohne Umlaute und ß und / . _ - enthalten (sie wird Ordnername "
        f"und Teil der Adresse im Netz): schreiben Sie das Muster z. B. als {vorschlag}"
    ]
    assert muster_problem(vorschlag) is None
    regex = nummer_regex(vorschlag)
    assert regex is not None and re.fullmatch(regex, nummer)
    assert fremdes_zeichen(nummer) is None and fremdes_zeichen(nummer_beispiel(vorschlag)) is None


@pytest.mark.parametrize(
    "nummer, was",
    [("Drucksache 2021/0123", "ein Leerzeichen (Zeichen 11)"), ("2021/0123/Ä", "„Ä“ (Zeichen 11)")],
)
def test_a_nummer_names_the_character_it_may_not_have(data, nummer, was):
    edit(data / VORLAGE_0123, 'nummer: "2021/0123"', f'nummer: "{nummer}"')
    assert (
        f"data/{VORLAGE_0123.as_posix()}:{line_of(data / VORLAGE_0123, 'nummer:')}: Die Nummer „{nummer}“ darf nur "
        f"Ziffern, Buchstaben A–Z ohne Umlaute und ß und / . _ - enthalten; hier steht {was} – sie wird Ordnername "
        "und Teil der Adresse im Netz."
    ) in problems_of(data)


def test_a_new_vorlage_is_never_made_under_a_refused_pattern(capsys, data):
    edit(data / KOERPERSCHAFT, "hausstil:\n", "hausstil:\n  nummer: \"'Drucksache 'JJJJ/NNNN\"\n")
    vorher = sorted(p.name for p in (data / "vorlagen").iterdir())
    code, _, err = run(capsys, "--data", str(data), "vorlage", "neu", "Neubau der Kita")
    assert code == 1 and "Im Muster „'Drucksache 'JJJJ/NNNN“ steht ein Leerzeichen" in " ".join(err.split())
    assert sorted(p.name for p in (data / "vorlagen").iterdir()) == vorher


def test_an_unclosed_quote_in_a_pattern():
    assert muster_problem("NNNN/'KREIS") == (
        "Im Muster „NNNN/'KREIS“ fehlt ein schließendes Hochkomma – Text in Hochkommas ('KREIS') gilt wörtlich."
    )


# --- verwaltungschef only where something prints it -----------------------------------------------------------------


def test_without_verwaltungschef_the_head_omits_it_and_the_signature_is_open(data):
    """The example's head prints the Landrat, and 2021/0123 signs as him (the Hausstil's form „verwaltungschef“);
    2021/0130 signs with its own name and needs him nowhere."""
    edit(data / KOERPERSCHAFT, "verwaltungschef: Der Landrat\n", "")
    project, doc = doc_of(data, "2021/0123")
    zeilen = [line.strip() for line in doc.text.splitlines()]
    assert "Der Landrat" not in zeilen
    assert zeilen[zeilen.index("- Anlage 1: Handlungskonzept Kommunales Integrationsmanagement") + 1] == OFFEN
    assert "Verwaltungschef (Unterschrift)" in offen(project.facts, doc.source)
    mitteilung = next(s for s in project.facts.vorlagen if s.vorlage.nummer == "2021/0130")
    assert "Verwaltungschef (Unterschrift)" not in offen(project.facts, mitteilung)


# --- vorlagen neu writes no fact it does not know ----------------------------------------------------------------------


def test_a_new_repository_invents_no_address_and_marks_its_examples(capsys, tmp_path):
    repo = tmp_path / "r"
    assert run(capsys, "neu", str(repo), "--name", "Gemeinde Musterdorf", "--land", "Niedersachsen")[0] == 0
    text = (repo / "data" / "koerperschaft.yaml").read_text(encoding="utf-8")
    assert "Rathausplatz" not in text and "12345" not in text
    assert not re.search(r"^anschrift:", text, re.M) and not re.search(r"^verwaltungschef:", text, re.M)
    assert re.search(r"^land: Niedersachsen$", text, re.M)
    project = prepare(repo / "data")
    source = project.facts.vorlagen[0]
    needs = offen(project.facts, source)
    assert [n for n in needs if "Platzhalter" in n], needs
    problems = check_veroeffentlichung(project.facts, source, "die Sitzungsmappe")
    assert problems and "Platzhalter" in str(problems[0])


def _ohne_marken(repo: Path) -> None:
    """What a user does who replaces the marked Amt, Gremium and Sitzung of `vorlagen neu` (probe F2): the marks go,
    a head of administration is entered – the name and the sample Vorlage stay as written."""
    data = repo / "data"
    edit(data / KOERPERSCHAFT, "{id: HA, name: Hauptamt, platzhalter: true}", "{id: HA, name: Hauptamt}")
    edit(
        data / KOERPERSCHAFT,
        "{id: AS, name: Ausschuss für Soziales, frist_tage: 14, platzhalter: true}",
        "{id: AS, name: Ausschuss für Soziales, frist_tage: 14}",
    )
    with (data / KOERPERSCHAFT).open("a", encoding="utf-8") as f:
        f.write("verwaltungschef: Der Bürgermeister\n")
    [sitzung] = (data / "sitzungen").glob("*.yaml")
    edit(
        sitzung,
        "platzhalter: true  # ein Beispiel: ersetzen Sie Tag, Zeit und Ort, und entfernen Sie diese Zeile\n",
        "",
    )


def test_a_new_repository_marks_the_name_it_made_up_and_its_sample_vorlage(capsys, tmp_path):
    """Without --name the body is „Musterstadt“ – marked, like the sample Vorlage: once the other marks are gone, the
    Sitzungsmappe is still refused, naming both (before, it went out with them)."""
    repo = tmp_path / "r"
    assert run(capsys, "neu", str(repo))[0] == 0
    text = (repo / "data" / "koerperschaft.yaml").read_text(encoding="utf-8")
    assert re.search(r'^name: "Musterstadt"\nplatzhalter: true  # der Name ist ein Beispiel', text, re.M), text
    _ohne_marken(repo)
    [vorlage] = (repo / "data" / "vorlagen").glob("*/vorlage.yaml")
    assert re.search(r"^platzhalter: true  # ein Gerüst: ", vorlage.read_text(encoding="utf-8"), re.M)
    nummer = f"{dt.date.today().year}/0001"
    [sitzung] = (repo / "data" / "sitzungen").glob("*.yaml")
    code, out, err = run(capsys, "--data", str(repo / "data"), "sitzung", sitzung.stem, "--out", str(tmp_path / "o"))
    assert code == 1 and not (tmp_path / "o").exists()
    assert (
        f"Die Vorlage {nummer} geht in die Sitzungsmappe {sitzung.stem} (TOP 2), aber noch offen sind: Name der "
        "Körperschaft „Musterstadt“ (Platzhalter) (koerperschaft.yaml: name) und Texte und Angaben des Gerüsts "
        f"(Platzhalter) (vorlagen/{nummer.replace('/', '-')}/vorlage.yaml: platzhalter) – ergänzen Sie dies in den "
        "genannten Dateien."
    ) in " ".join(err.split())


def test_a_name_given_is_a_fact_and_a_new_vorlage_is_a_scaffold(capsys, tmp_path):
    """--name is the user's word: not marked. `vorlage neu` writes texts of its own („Beschlussvorschlag hier
    eintragen“): the Vorlage is marked until its author removes the line, and its mark alone refuses the Mappe."""
    repo = tmp_path / "r"
    assert run(capsys, "neu", str(repo), "--name", "Gemeinde Musterdorf")[0] == 0
    text = (repo / "data" / "koerperschaft.yaml").read_text(encoding="utf-8")
    assert not re.search(r"^platzhalter:", text, re.M)
    _ohne_marken(repo)
    data = repo / "data"
    [beispiel] = data.glob("vorlagen/*/vorlage.yaml")
    edit(
        beispiel,
        "platzhalter: true  # ein Gerüst: ersetzen Sie Texte und Angaben durch Ihre, dann entfernen Sie diese Zeile\n",
        "",
    )
    assert run(capsys, "--data", str(data), "vorlage", "neu", "Neubau der Kita Am Hang")[0] == 0
    neue = sorted(data.glob("vorlagen/*/vorlage.yaml"))[-1]
    assert "platzhalter: true" in neue.read_text(encoding="utf-8")
    project = prepare(data)
    source = next(s for s in project.facts.vorlagen if s.folder == neue.parent)
    assert offen(project.facts, source) == ["Texte und Angaben des Gerüsts (Platzhalter)"]
    [problem] = check_veroeffentlichung(project.facts, source, "die Sitzungsmappe")
    assert "Texte und Angaben des Gerüsts (Platzhalter)" in problem.message
    edit(
        neue,
        "platzhalter: true  # ein Gerüst: ersetzen Sie Texte und Angaben durch Ihre, dann entfernen Sie diese Zeile\n",
        "",
    )
    project = prepare(data)
    source = next(s for s in project.facts.vorlagen if s.folder == neue.parent)
    assert check_veroeffentlichung(project.facts, source, "die Sitzungsmappe") == []


def test_a_mark_that_is_no_yes_or_no_is_refused(capsys, tmp_path):
    repo = tmp_path / "r"
    assert run(capsys, "neu", str(repo))[0] == 0
    edit(repo / "data" / KOERPERSCHAFT, "platzhalter: true  # der Name", "platzhalter: vielleicht  # der Name")
    zeile = line_of(repo / "data" / KOERPERSCHAFT, "platzhalter: vielleicht")
    assert problems_of(repo / "data") == [
        f"data/koerperschaft.yaml:{zeile}: „platzhalter“: „vielleicht“ ist weder ja noch nein – schreiben Sie true "
        "oder false."
    ]


def test_a_new_repository_without_land_names_none(capsys, tmp_path):
    repo = tmp_path / "r"
    assert run(capsys, "neu", str(repo), "--name", "Gemeinde Musterdorf")[0] == 0
    text = (repo / "data" / "koerperschaft.yaml").read_text(encoding="utf-8")
    assert not re.search(r"^land:", text, re.M) and "# land: NRW" in text
    assert prepare(repo / "data").facts.koerperschaft.land is None


def test_an_unknown_land_is_refused(capsys, tmp_path):
    code, _, err = run(capsys, "neu", str(tmp_path / "r"), "--name", "Gemeinde Musterdorf", "--land", "Bayernn")
    assert code == 1
    assert err.startswith("--land: ")
    assert "Bayern" in err
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize(
    "zeile, name",
    [
        ("  ueberschriften: {{beschlussvorschlag: {text}}}\n", "ueberschriften: beschlussvorschlag"),
        ("  beratungsfolge: {{ueberschrift: {text}}}\n", "beratungsfolge: ueberschrift"),
    ],
)
def test_a_heading_longer_than_a_heading_can_be_is_refused_at_its_line(data, zeile, name):
    """Probe F10: a 2.400-character heading only gave a warning that it ran over the page edge."""
    edit(data / KOERPERSCHAFT, "hausstil:\n", "hausstil:\n" + zeile.format(text="Beschluss" * 267))
    assert problems_of(data) == [
        f"data/koerperschaft.yaml:{line_of(data / KOERPERSCHAFT, 'BeschlussBeschluss')}: „{name}“ hat 2403 Zeichen – "
        "eine Überschrift hat höchstens 200: kürzen Sie sie."
    ]
    edit(data / KOERPERSCHAFT, "Beschluss" * 267, "B" * 200)  # the bound itself is a heading
    assert prepare(data) is not None
