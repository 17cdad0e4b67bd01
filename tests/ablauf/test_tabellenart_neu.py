"""The recipe „Eine Tabellenart“ of docs/entwicklung/architektur.md, followed step by step: a made-up kind „Umlage“
(cost rows, their sum, and the sum shared out equally among the `spalten`) is added to each stage's registry – in
this test only, the package's files stay as they are – and a Vorlage with such a table is built; every figure it
prints is worked out here with Fractions (tests/referenz/rechnen.py), none is taken from the program."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import pytest

from tests.hilfen import composed, edit
from tests.referenz.rechnen import euro, rund, verteilen
from vorlagen.building.bearbeiten import tabellenarten as formular
from vorlagen.compute import tabellenarten as rechnen
from vorlagen.compute.hauptbuch import Rechnung
from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.compute.namensliste import Liste
from vorlagen.compute.tabelle import Tabelle, Zeilen, periode_of, ueberschrift_von
from vorlagen.compute.tabellennamen import kostenzeilen
from vorlagen.compute.tabellenzeilen import zeilen
from vorlagen.core.engine import TEMPLATES
from vorlagen.core.money import split_largest_remainder
from vorlagen.load import records
from vorlagen.load import tabellenarten as laden
from vorlagen.migration import tabellenarten as umstellen
from vorlagen.render import tabellenarten as setzen
from vorlagen.render.raster import Raster
from vorlagen.render.raster.vorlage import raster
from vorlagen.review import tabellenarten as pruefen
from vorlagen.review.fassungszahl import Zahl

# --- the new kind, as its modules in vorlagen/ would hold it ---------------------------------------------------


@dataclass
class Umlage(Tabelle):
    """Cost rows, their sum, and each payer's equal share of it."""

    summe: Decimal
    anteile: dict[str, Decimal]


def umlage(berechnung, saetze, rundung, zahlformat, auswerten=None):
    """Step 2, its computation: the rows as every kind with cost rows computes them, the sum split equally."""
    periode_, problems = periode_of(berechnung)
    if periode_ is None:
        return None, problems
    rows, found = zeilen(berechnung, berechnung.kosten, lambda p: p.als, False, saetze, periode_, rundung, zahlformat)
    if found:
        return None, problems + found
    summe = sum((z.betrag for z in rows), Decimal(0))
    anteile = split_largest_remainder(summe, {s: Decimal(1) for s in berechnung.spalten}, rundung.quantum)
    return Umlage(
        berechnung.id,
        berechnung.art,
        berechnung.titel,
        ueberschrift_von(berechnung),
        berechnung.zeitraum,
        periode_,
        Zeilen(rows),
        berechnung,
        rundung.quantum,
        zahlformat,
        summe,
        anteile,
    ), problems


def umlage_namen(out: Liste, base: str, t) -> None:
    """Step 2, its names for texts."""
    kostenzeilen(out, base, t)
    out.add(f"{base}.summe", t.summe, "geld", t.quantum)
    for name, anteil in t.anteile.items():
        out.add(f'{base}.anteile["{name}"]', anteil, "geld", t.quantum)


def umlage_raster(k: Kontext, t) -> list[Raster]:
    """Step 3, its printed table cell by cell."""
    r = Raster(t.id, t.ueberschrift, [["Posten", "Betrag"]])
    for z in t.zeilen:
        r.zeile(z.als, [z.als, k.geld(z.betrag, t.quantum)])
    r.zeile("Summe", ["Summe", k.geld(t.summe, t.quantum)])
    for name, anteil in t.anteile.items():
        r.zeile(name, [name, k.geld(anteil, t.quantum)])
    return [r]


MAKRO = """
{% macro umlage(t) %}
<table class="berechnung">
  <caption>{{ t.ueberschrift }}</caption>
  <thead><tr><th scope="col">Posten</th><th scope="col" class="betrag">Betrag</th></tr></thead>
  <tbody>
  {% for z in t.zeilen %}<tr><td>{{ z.als }}</td><td class="betrag">{{ z.betrag | eur }}</td></tr>{% endfor %}
    <tr class="summe"><th scope="row">Summe</th><td class="betrag">{{ t.summe | eur }}</td></tr>
  {% for name, anteil in t.anteile.items() %}<tr><td>Anteil {{ name }}</td><td class="betrag">{{ anteil | eur }}</td></tr>{% endfor %}
  </tbody>
</table>
{% endmacro %}
"""


def umlage_zahlen(t, name: str, zahlen: dict[str, Zahl], zahlformat) -> None:
    """Step 5, the figures `vergleichen` compares: the sum and each share."""
    zahlen[f"{t.id}/summe"] = Zahl(f"Summe {name}", t.summe, True, t.quantum)
    for anteil, betrag in t.anteile.items():
        zahlen[f"{t.id}/anteil/{anteil}"] = Zahl(f"Anteil {anteil} {name}", betrag, True, t.quantum)


@pytest.fixture
def umlage_registriert(monkeypatch):
    """Steps 1 to 6: the kind in each stage's registry (for this test only)."""
    monkeypatch.setitem(laden.ARTEN, "Umlage", laden.Angaben(("kosten", "spalten"), frozenset({"kosten", "spalten"})))
    monkeypatch.setattr(laden, "Art", Literal[tuple(laden.ARTEN)])  # the record's choices, built from the registry
    records._fields.cache_clear()  # the record's fields are read once: read them anew with the new choice
    monkeypatch.setitem(rechnen.KINDS, "Umlage", rechnen.Rechenart(umlage, umlage_namen))
    monkeypatch.setitem(setzen.DRUCK, "Umlage", setzen.Druckart(umlage_raster, lambda t: "umlage"))
    monkeypatch.setitem(formular.ZEILEN, "Umlage", formular.BENANNT)
    monkeypatch.setitem(umstellen.UMSTELLUNG, "Umlage", umstellen.Umstellart())
    monkeypatch.setitem(pruefen.PRUEFUNG, "Umlage", pruefen.Pruefart(umlage_zahlen))
    yield
    monkeypatch.undo()
    records._fields.cache_clear()


BERECHNUNG = """finanzierung:
  - id: umlage
    art: Umlage
    titel: Umlage der Schulbegleitung
    spalten: [Kreisstadt, Gemeinde Nord, Gemeinde Süd]
    kosten:
      - {id: personal, als: Personal, anzahl: 2.5, betrag: 12345}
      - {als: Sachkosten, betrag: 1001}
"""


def _vorlage(data):
    """Step 3 also in the house's templates: its own tabellen.html.j2, the shipped one with the macro added and
    chosen; the Vorlage 2021/0123 of the example with an Umlage and a text that quotes it."""
    shipped = (TEMPLATES / "tabellen.html.j2").read_text(encoding="utf-8")
    assert shipped.count('"matrix": matrix}') == 1
    (data / "templates").mkdir()
    (data / "templates" / "tabellen.html.j2").write_text(
        shipped.replace('"matrix": matrix}', '"matrix": matrix, "umlage": umlage}') + MAKRO, encoding="utf-8"
    )
    folder = data / "vorlagen" / "2021-0123"
    edit(folder / "vorlage.yaml", "finanzierung:\n", BERECHNUNG)
    edit(
        folder / "vorbemerkungen.md",
        "\n",
        '\n\nDie Kreisstadt trägt {{ finanzierung["umlage"].anteile["Kreisstadt"] | eur }} von '
        '{{ finanzierung["umlage"].summe | eur }}.\n\n{{ tabelle("umlage") }}\n\n',
    )


def _erwartet():
    """The figures as the documented rules give them: a row is count × amount rounded half up to the euro, the sum
    is split equally by the largest remainder."""
    personal = rund(Fraction(5, 2) * 12345)
    sachkosten = Fraction(1001)
    summe = personal + sachkosten
    anteile = dict(
        zip(["Kreisstadt", "Gemeinde Nord", "Gemeinde Süd"], verteilen(summe, [Fraction(1)] * 3, Fraction(1)))
    )
    return personal, sachkosten, summe, anteile


def test_a_made_up_kind_added_by_the_recipe_is_computed_printed_named_and_compared(data, umlage_registriert):
    _vorlage(data)
    personal, sachkosten, summe, anteile = _erwartet()
    assert personal == 30863 and summe == 31864  # 2,5 × 12.345 = 30.862,5: the half rounds up
    assert sorted(anteile.values()) == [10621, 10621, 10622]  # 31.864 / 3 leaves two euros to share out

    doc = composed(data)
    text = doc.text
    assert f"Die Kreisstadt trägt {euro(anteile['Kreisstadt'])} von {euro(summe)}." in text
    for label, betrag in (("Personal", personal), ("Sachkosten", sachkosten), ("Summe", summe)):
        assert any(label in line and euro(betrag) in line for line in text.splitlines()), label
    for name, anteil in anteile.items():
        assert any(f"Anteil {name}" in line and euro(anteil) in line for line in text.splitlines()), name

    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.compute.zahlen import zahlen

    project = vorbereitet(data)
    source = next(s for s in project.facts.vorlagen if s.vorlage.nummer == "2021/0123")
    rechnung: Rechnung = project.rechnung(source)
    t = rechnung.tabellen["umlage"]
    zf = project.facts.koerperschaft.zahlformat
    namen = dict(zahlen(rechnung, zf, Decimal(1)))
    assert namen['finanzierung["umlage"].summe | eur'] == euro(summe)
    assert namen['finanzierung["umlage"].zeilen["personal"].betrag | eur'] == euro(personal)
    assert namen['finanzierung["umlage"].anteile["Gemeinde Süd"] | eur'] == euro(anteile["Gemeinde Süd"])

    (gedruckt,) = [r for r in raster(Kontext(project.facts), rechnung) if r.id == "umlage"]
    assert gedruckt.gedruckt()[1:] == [
        ["Personal", euro(personal)],
        ["Sachkosten", euro(sachkosten)],
        ["Summe", euro(summe)],
        *([name, euro(anteil)] for name, anteil in anteile.items()),
    ]

    verglichen: dict[str, Zahl] = {}
    pruefen.PRUEFUNG[t.art].zahlen(t, "„Umlage“", verglichen, zf)
    assert {k: Fraction(z.value) for k, z in verglichen.items()} == {
        "umlage/summe": summe,
        **{f"umlage/anteil/{name}": anteil for name, anteil in anteile.items()},
    }
