"""Amounts typed in a notation that is no German one: „37,085.971 EUR“ (a comma before a dot, as English groups
thousands), „1,234,567 €“. Such a figure is read as none – which of 37.085,971 or 37.085.971 is meant is a guess, and
„5,834.400 Mio. EUR“ means neither (5,8344 Mio.) – but it is named in the report, without a reading proposed, so that
no amount of a document is neither checked nor listed. Linear in a line's length."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.lesen.zeile import Zeile

_ENGLISH = re.compile(r"(?<![\w.,])\d{1,3}(?:(?:,\d{3})+\.\d+|(?:,\d{3}){2,})(?!\d|[.,]\d)")


def unreadable(zeilen: list[Zeile]) -> list[tuple[Zeile, str]]:
    """Each amount of the lines in a notation that is no German one, with its line, in order."""
    return [(zeile, match.group()) for zeile in zeilen for match in _ENGLISH.finditer(zeile.text)]
