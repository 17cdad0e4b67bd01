"""Forms as each body keeps them (issue 34, point 7): the Vorlagenart may stay open until publishing, every fixed
heading is the Hausstil's, Nummer patterns carry literal text, `verwaltungschef` is needed only where something
prints it, and `vorlagen neu` writes no fact it does not know. Each rule failed on the code before issue 34."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.hilfen import DATA, copy_data, edit, line_of, problems_of, run
from vorlagen.compute.offen import ART_OFFEN, OFFEN, check_veroeffentlichung, offen
from vorlagen.compute.project import prepare
from vorlagen.load.vorlagenart import muster_problem, nummer_beispiel, nummer_regex
from vorlagen.render.document import Composer

KOERPERSCHAFT = Path("koerperschaft.yaml")
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
        ("'Drs.' NNNN/JJ", "Drs. 0012/21", True),
        ("'Drs.' NNNN/JJ", "Dzs. 0012/21", False),
        ("JJJJ/NNNN", "2021/0123", True),
    ],
)
def test_literal_text_and_placeholders_side_by_side(muster, nummer, gilt):
    assert muster_problem(muster) is None
    regex = nummer_regex(muster)
    assert regex is not None and bool(re.fullmatch(regex, nummer)) is gilt


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
