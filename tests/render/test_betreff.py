"""A Betreff that quotes figures (issue 34, point 2): Mainz prints its three amounts in the Betreff. The figures are
the city's own, typed from the source as Fractions; the Betreff is rendered once, with the texts' allow-list, and
every place that prints it prints the same."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import ROOT, copy_data, edit, line_of, problems_of, run
from tests.referenz.rechnen import euro
from vorlagen.building.vorbereitung import vorbereitet

FIXTURES = ROOT / "tests" / "fixtures"
NBSP = "\u00a0"
# „… in Höhe von 1.383.750 EUR - 647.800 EUR im Haushaltsjahr 2023 und eine Verpflichtungsermächtigung (VE) in Höhe
# von 735.950 EUR …“ (bi.mainz.de, __kvonr=31555)
MZ_2023, MZ_VE = Fraction(647800), Fraction(735950)
EIGENANTEIL = Fraction(158644)  # the example's Eigenanteil of M1 (docs/anleitungen/zahlen-im-text.md)
BETREFF_ZUSATZ = 'Finanzierung bis Ende 2022 (Eigenanteil {{ finanzierung["m1-steuerung"].eigenanteil | eur }})'


def eur(value: Fraction) -> str:
    """An amount as Mainz prints it (hausstil: waehrung: EUR)."""
    return euro(value, zeichen="EUR")


MZ_BETREFF = (
    "Naturhistorisches Museum, Auslagerung der Präparation; hier: Bereitstellung außerplanmäßiger Mittel in Höhe von "
    f"{eur(MZ_2023 + MZ_VE)} – {eur(MZ_2023)} im Haushaltsjahr 2023 und eine Verpflichtungsermächtigung (VE) in "
    f"Höhe von {eur(MZ_VE)} im Haushaltsjahr 2023 und Mittelbereitstellung im Haushaltsjahr 2024"
)


def test_mainz_prints_its_figures_in_the_betreff(tmp_path, capsys):
    project = vorbereitet(FIXTURES / "mainz")
    assert project.facts.vorlagen[0].vorlage.betreff == MZ_BETREFF
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "--data", str(FIXTURES / "mainz"), "--out", str(out))
    assert code == 0, stdout
    text = (out / "intern/vorlagen/praeparation/praeparation.txt").read_text(encoding="utf-8")
    assert MZ_BETREFF.replace(NBSP, " ") in " ".join(text.split()).replace(NBSP, " ")
    for seite in ("intern/vorlagen/praeparation/praeparation.html", "intern/index.html"):  # an ENTWURF: intern
        html = (out / seite).read_text(encoding="utf-8")
        assert MZ_BETREFF in html.replace("&nbsp;", NBSP) and "{{" not in html, seite
    code, stdout, _ = run(capsys, "--data", str(FIXTURES / "mainz"), "zahlen", "praeparation")
    assert stdout.startswith(f"Vorlage ohne Nummer (Ordner praeparation): {MZ_BETREFF}\n")


def test_every_document_reads_the_betreff_as_printed(tmp_path):
    """Tagesordnung, Mappe, Niederschrift, Beschlusskontrolle, OParl and `vergleichen` take the Betreff of the
    Vorlage's record: it is the printed one, and asking for the Vorlage notes what its figures were computed from."""
    from vorlagen.core.reads import recording

    data = copy_data(ROOT / "data", tmp_path)
    vorlage = data / "vorlagen/2021-0123/vorlage.yaml"
    edit(vorlage, "Finanzierung bis Ende 2022", "Finanzierung bis Ende 2022 ({{ uebersicht.eigenanteil | eur }})")
    project = vorbereitet(data)
    with recording() as reads:
        source = project.facts.vorlage("2021/0123")
    assert source is not None
    assert "{{" not in source.vorlage.betreff and source.vorlage.betreff.endswith(NBSP + "€)")
    assert project.rechnungen[source.slug].reads.items() <= reads.items()


def _betreff(data, neu: str) -> list[str]:
    """The problems of the Mainz Vorlage with this Betreff, each without its place (asserted here)."""
    vorlage = data / "vorlagen/praeparation/vorlage.yaml"
    text = vorlage.read_text(encoding="utf-8")
    start, ende = text.index("betreff: >-"), text.index("\nberatungsfolge")
    vorlage.write_text(text[:start] + f"betreff: '{neu}'" + text[ende:], encoding="utf-8")
    ort = f"data/vorlagen/praeparation/vorlage.yaml:{line_of(vorlage, 'betreff:')}: "
    found = problems_of(data)
    assert all(p.startswith(ort) for p in found), found
    return [p.removeprefix(ort) for p in found]


def test_an_unknown_name_in_the_betreff(tmp_path):
    data = copy_data(FIXTURES / "mainz", tmp_path)
    assert _betreff(data, 'Mittel von {{ zahlen["ausserplanmässig"] }}') == [
        'Betreff: {{ zahlen["ausserplanmässig"] }}: „ausserplanmässig“ '
        "gibt es nicht in den Zahlen dieser Vorlage (Abschnitt „zahlen“ in vorlage.yaml) – meinten Sie „ausserplanmaessig“? "
        "Vorhanden: ausserplanmaessig, mittel-2023, ve-praeparation."
    ]


def test_the_betreff_does_not_compute(tmp_path):
    data = copy_data(FIXTURES / "mainz", tmp_path)
    assert _betreff(data, 'Mittel von {{ (zahlen["mittel-2023"] + zahlen["ve-praeparation"]) | eur }}') == [
        'Betreff: {{ (zahlen["mittel-2023"] + zahlen["ve-praeparation"]) '
        "| eur }}: In Texten wird nicht gerechnet („+“ im Ausdruck) – legen Sie die Zahl in vorlage.yaml unter "
        "„zahlen“ an, mit Formel, Einheit und Rundung (z. B. „- id: gebuehr“ und „formel: mittel-2023 + "
        've-praeparation“), und zitieren Sie sie im Text mit {{ zahlen["gebuehr"] }}; Tausender und Millionen '
        "zeigen „| teur“ und „| mio“."
    ]


def test_a_betreff_too_long_once_its_figures_are_in(tmp_path):
    data = copy_data(FIXTURES / "mainz", tmp_path)
    typed = "x" * 988 + ' {{ zahlen["ausserplanmaessig"] }}'  # 988 + 1 + 13 characters printed
    assert len(typed) > 1000 and len("x" * 988 + " " + eur(MZ_2023 + MZ_VE)) == 1002
    assert _betreff(data, typed) == [
        "Der Betreff hat gedruckt 1.002 Zeichen, mehr als 1.000 – kürzen "
        "Sie ihn; Beträge und Einzelheiten stehen im Beschlussvorschlag."
    ]
    assert vorbereitet(FIXTURES / "mainz") is not None  # 256 characters printed: fine


def test_a_figure_still_open_is_refused_in_the_betreff(tmp_path):
    data = copy_data(FIXTURES / "mainz", tmp_path)
    assert _betreff(data, "Vorlage {{ vorlage.nummer }}") == [
        "Betreff: {{ vorlage.nummer }} ist noch offen – ein Betreff "
        "druckt nur Zahlen, die feststehen; tragen Sie den Wert in den Daten ein oder nehmen Sie ihn aus dem Betreff."
    ]


def test_statements_and_open_braces_in_the_betreff(tmp_path):
    data = copy_data(FIXTURES / "mainz", tmp_path)
    found = _betreff(data, "Mittel {% if true %}x{% endif %} und {{ zahlen")
    assert found == [
        "Betreff: „Mittel {% if true %}x{% endif %} und {{ zahlen“: „{{“ wird nicht mit „}}“ geschlossen – ergänzen "
        "Sie „}}“ am Ende des Ausdrucks, z. B. {{ vorlage.nummer }}.",
        "Betreff: „{% endif %}“: In Texten sind nur Ausdrücke in {{ … }} erlaubt, keine Anweisungen {% … %} oder "
        "Kommentare {# … #} – entfernen Sie sie.",
        "Betreff: „{% if true %}“: In Texten sind nur Ausdrücke in {{ … }} erlaubt, keine Anweisungen {% … %} oder "
        "Kommentare {# … #} – entfernen Sie sie.",
    ]


def test_an_open_ansatz_is_refused_in_the_betreff_and_printed_open_in_a_text(tmp_path):
    """The Haushalt does not state the Ansatz of the Projekt 7.000618 (Mainz)."""
    data = copy_data(FIXTURES / "mainz", tmp_path)
    ausdruck = '{{ haushalt.positionen["7.000618"].ansatz[2023] | eur }}'
    assert _betreff(data, f"Ansatz {ausdruck}") == [
        f"Betreff: {ausdruck} ist noch offen – ein Betreff druckt nur Zahlen, die feststehen; tragen Sie den Wert "
        "in den Daten ein oder nehmen Sie ihn aus dem Betreff."
    ]
    data = copy_data(FIXTURES / "mainz", tmp_path / "text")
    edit(data / "vorlagen/praeparation/beschlussvorschlag.md", "gesperrt,", f"gesperrt (Ansatz {ausdruck}),")
    project = vorbereitet(data)
    from vorlagen.render.document import Composer

    doc = Composer(project).compose(project.facts.vorlagen[0])
    assert "gesperrt (Ansatz noch offen)," in " ".join(doc.text.split())


@pytest.mark.langsam  # builds the example whole
def test_the_betreff_with_its_figure_is_printed_alike_in_every_document(tmp_path, capsys):
    from tests.hilfen import freigeben

    data = copy_data(ROOT / "data", tmp_path)
    edit(data / "vorlagen/2021-0123/vorlage.yaml", "Finanzierung bis Ende 2022", BETREFF_ZUSATZ)
    freigeben(data)
    betreff = vorbereitet(data).facts.vorlage("2021/0123").vorlage.betreff
    assert betreff.endswith(f"bis Ende 2022 (Eigenanteil {euro(EIGENANTEIL)})")
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 0, stdout
    gefunden = {
        str(p.relative_to(out))
        for p in out.rglob("*")
        if p.suffix in (".txt", ".html", ".json") and betreff in p.read_text(encoding="utf-8").replace("&nbsp;", NBSP)
    }
    json_betreff = json.dumps(betreff)[1:-1]
    gefunden |= {str(p.relative_to(out)) for p in out.rglob("*.json") if json_betreff in p.read_text(encoding="utf-8")}
    arten = {Path(p).parts[0] for p in gefunden} | {Path(p).name for p in gefunden}
    assert {"vorlagen", "sitzungen", "oparl", "index.html"} <= arten, sorted(gefunden)
    assert not [
        p
        for p in out.rglob("*.*")
        if p.suffix in (".txt", ".html", ".json") and "{{ uebersicht" in p.read_text(encoding="utf-8")
    ]


def test_the_boundary_makes_new_records_and_leaves_the_computed_project_as_read():
    """The commands start from building/vorbereitung.vorbereitet (issue 47, point 2): the Betreff as printed comes in
    new records; the project `prepare` computed, its Vorlagen and their records keep the Betreff as typed."""
    from vorlagen.building.vorbereitung import mit_betreffen
    from vorlagen.compute.project import prepare
    from vorlagen.render.betreff import gedruckte_betreffe

    project = prepare(FIXTURES / "mainz")
    source = project.facts.vorlagen[0]
    typed, record, facts = source.vorlage.betreff, source.vorlage, project.facts
    betreffe, problems = gedruckte_betreffe(project)
    assert problems == [] and betreffe == {source.slug: MZ_BETREFF}
    gebaut = mit_betreffen(project, betreffe)
    assert gebaut.facts.vorlagen[0].vorlage.betreff == MZ_BETREFF
    assert gebaut.facts.vorlagen[0].betreff_liest  # what the figures were computed from, noted with the Vorlage
    assert project.facts is facts and project.facts.vorlagen[0] is source and source.vorlage is record
    assert source.vorlage.betreff == typed and "{{" in typed and source.betreff_liest == {}
    assert gebaut.facts.vorlagen[0].vorlage.where("betreff") == record.where("betreff")  # its line stays
    assert gebaut.rechnungen is project.rechnungen  # nothing computed again
