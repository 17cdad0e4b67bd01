"""How deep a text's Markdown nests, bounded below what the parser and the layout can take.

markdown-it stops reading blocks once its own nesting bound (`maxNesting`) is reached and drops the rest of the
text without a word; WeasyPrint ends a deep nesting of elements in a RecursionError. Both bounds lie far above
what a text needs: a text that nests lists and quotes more than MAX_EBENEN levels deep, or marks (emphasis,
links, images) more than MAX_AUSZEICHNUNGEN inside each other, is refused with its line before anything is set.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from vorlagen.core.fmt import zahl
from vorlagen.core.limits import MAX_AUSZEICHNUNGEN, MAX_EBENEN
from vorlagen.core.problems import Problem, Where

_BEHAELTER = ("bullet_list", "ordered_list", "blockquote")  # the blocks that hold blocks
# markdown-it counts two levels for a list (list and item), one for a quote, and drops the rest of a text once its
# `maxNesting` (20 for CommonMark) is reached: MAX_EBENEN levels of lists and quotes stay below it (2 × 8 < 20), so a
# text it cut short opened more than MAX_EBENEN of them first and is refused here

EBENEN = (
    f"Listen und Zitate stehen hier mehr als {zahl(MAX_EBENEN)} Ebenen tief ineinander – so tief setzt vorlagen "
    "nicht, der Rest des Textes ginge verloren; ziehen Sie Ebenen zusammen oder gliedern Sie mit Überschriften."
)
AUSZEICHNUNGEN = (
    f"Hervorhebungen und Verweise (*, **, _, [ … ]) stehen hier mehr als {zahl(MAX_AUSZEICHNUNGEN)}-fach "
    "ineinander – so tief setzt vorlagen nicht; prüfen Sie die Sternchen, Unterstriche und eckigen Klammern dieser "
    "Zeile."
)


def pruefen(tokens: Sequence[Token], path: str) -> list[Problem]:
    """One problem for each place where the text nests deeper than its bounds, at its line."""
    problems: list[Problem] = []
    ebenen = 0
    for token in tokens:
        if token.type.removesuffix("_open") in _BEHAELTER and token.nesting == 1:
            ebenen += 1
            if ebenen == MAX_EBENEN + 1:
                problems.append(Problem(_zeile(token, path, 0), EBENEN))
        elif token.type.removesuffix("_close") in _BEHAELTER and token.nesting == -1:
            ebenen -= 1
        elif token.type == "inline" and token.children:
            zeile = _zu_tief(token.children, 0)
            if zeile is not None:
                problems.append(Problem(_zeile(token, path, zeile), AUSZEICHNUNGEN))
    return problems


def _zu_tief(children: Sequence[Token], tiefe: int) -> int | None:
    """The number of line breaks before the first mark that opens deeper than MAX_AUSZEICHNUNGEN, or None.
    An image's description is a nesting of its own (its children)."""
    umbrueche = 0
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            umbrueche += 1
        tiefe += child.nesting
        innen = tiefe + 1 if child.children else tiefe
        if tiefe > MAX_AUSZEICHNUNGEN or innen > MAX_AUSZEICHNUNGEN:
            return umbrueche
        if child.children:
            tiefer = _zu_tief(child.children, innen)
            if tiefer is not None:
                return umbrueche + tiefer
    return None


def _zeile(token: Token, path: str, umbrueche: int) -> Where:
    return Where(path, token.map[0] + 1 + umbrueche) if token.map else Where(path)
