"""The German words nachrechnen knows: the words that mark a row or a sentence as a total, a change, a Nachtrag …,
each defined once here and imported where it is used."""

from __future__ import annotations

import re

# „(Saldo aus 2.3 und 2.6)“: a line computed from the rows it names
FROM_ROWS = re.compile(
    r"\b(?:Saldo|Summe|Differenz)\s+(?:aus|der Zeilen|von)\s+(?P<refs>\d{1,2}(?:\.\d{1,2})+"
    r"(?:\s*(?:,|und|\+|-|−)\s*\d{1,2}(?:\.\d{1,2})+)+)"
)


def names_its_rows(text: str) -> bool:
    """„(Saldo aus 2.3 und 2.6)“: the line is computed from the rows it names."""
    return FROM_ROWS.search(text) is not None
