"""The figures `vergleichen` compares of a table, by its kind: a Matrix compared nothing but ended in an error – its
rows have cells, not the `betrag` of a row of count × rate."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from tests.hilfen import ROOT
from vorlagen.compute.project import prepare
from vorlagen.review.tabellenarten import PRUEFUNG


def test_a_matrix_compares_each_filled_cell_and_every_sum():
    """The fixture's Matrix as its vorlage.yaml writes it (the cell 2025 of „gemeinden“ is a formula, its expected
    value 64000); the sums added here."""
    project = prepare(ROOT / "tests" / "fixtures" / "rechenwege")
    source = next(s for s in project.facts.vorlagen if s.folder.name == "kitaausbau")
    t = project.rechnung(source).tabellen["zuschuesse"]
    zahlen: dict = {}
    PRUEFUNG[t.art].zahlen(t, "„Kita“", zahlen, project.facts.koerperschaft.zahlformat)
    zellen = {
        1: {"Vorjahre": Fraction(148920), "2025": Fraction(212500), "Folgejahre": Fraction(96000)},
        2: {"2025": Fraction(8725050, 100), "Folgejahre": Fraction(130000)},
        3: {"Vorjahre": Fraction(51080), "2025": Fraction(64000)},
    }
    erwartet = {f"zuschuesse/zeile/{n}/{spalte}": wert for n, row in zellen.items() for spalte, wert in row.items()}
    erwartet |= {f"zuschuesse/zeile/{n}/summe": sum(row.values(), Fraction(0)) for n, row in zellen.items()}
    for spalte in ("Vorjahre", "2025", "Folgejahre"):
        erwartet[f"zuschuesse/summe/{spalte}"] = sum(
            (row.get(spalte, Fraction(0)) for row in zellen.values()), Fraction(0)
        )
    erwartet["zuschuesse/summe"] = sum((sum(row.values(), Fraction(0)) for row in zellen.values()), Fraction(0))
    assert {key: Fraction(z.value) for key, z in zahlen.items()} == erwartet
    assert erwartet["zuschuesse/summe"] == Fraction(78975050, 100)  # as the fixture expects it
    assert all(z.money and z.quantum in (Decimal(1), Decimal("0.01")) for z in zahlen.values())
