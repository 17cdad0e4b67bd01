"""The table kinds as the form knows them: in which order a new key of a table's row is written, by the kind of its
table – the order the handbook writes them in (building/bearbeiten/reihenfolge.py). The one place of building/ that
names the kinds (docs/entwicklung/architektur.md, „Eine Tabellenart“)."""

from __future__ import annotations

# fmt: off
# an Eigenanteil names its Sätze first and its label last (`{anzahl: 3.5, saetze: [kim/…], als: KIM-Förderung}`)
SAETZE_ZUERST = (
    "id", "anzahl", "anteil", "saetze", "betrag", "formel", "als", "foerderfaehig", "felder", "gruppe", "hinweis",
    "erwartet", "hoechstens", "mindestens",
)
# the other kinds begin with name and label (`{id: medien, als: Neue Medien, betrag: 12500}`)
BENANNT = (
    "id", "als", "anzahl", "anteil", "saetze", "betrag", "formel", "foerderfaehig", "felder", "gruppe", "hinweis",
    "erwartet", "hoechstens", "mindestens",
)
# fmt: on

ZEILEN: dict[str, tuple[str, ...]] = {  # kind → the keys of its rows in the handbook's order
    "Eigenanteil": SAETZE_ZUERST,
    "Aufstellung": BENANNT,
    "Finanzierungsplan": BENANNT,
    "Vergleich": BENANNT,
    "Matrix": BENANNT,
}
