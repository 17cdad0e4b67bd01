"""Header fields in rows that fit the page: a body's header may have any number of fields."""

from __future__ import annotations

from collections.abc import Iterable

# Estimates in mm: a label is 8 pt capitals with letter spacing and never wraps; a value is 9.5 pt bold and
# wraps inside its cell (the table shares the row's width out), but not narrower than its longest word.
_BREITE = 162  # text width of an A4 page between the margins (165 mm), with a little room to spare
_ABSTAND = 10  # padding right of each field (vorlage.css: table.metadaten th, td)
_BUCHSTABE = 2.05  # one capital of a label
_ZEICHEN = 1.85  # one character of a value
_WERT_SCHMAL = 45  # a value wraps rather than take more than this, as long as the row is full


def _breite(label: str, wert: object) -> float:
    """The least width a field should have."""
    text = str(wert)
    wort = max((len(w) for w in text.split()), default=0)
    wert_breite = max(wort * _ZEICHEN, min(len(text) * _ZEICHEN, _WERT_SCHMAL))
    return max(len(str(label)) * _BUCHSTABE, wert_breite) + _ABSTAND


def kopfzeilen(felder: Iterable[tuple[str, object]]) -> list[list[tuple[str, object]]]:
    """(label, value) pairs split into rows, in their order, each row as wide as the page allows."""
    zeilen: list[list[tuple[str, object]]] = []
    frei = 0.0
    for label, wert in felder:
        breite = _breite(label, wert)
        if not zeilen or breite > frei:
            zeilen.append([])
            frei = _BREITE
        zeilen[-1].append((label, wert))
        frei -= breite
    return zeilen
