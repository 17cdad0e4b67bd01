"""The lists of a document as Word numbering (numbering.xml): each list of the print its own, numbered from its
start, indented as the print indents it, with the print's marker."""

from __future__ import annotations

from dataclasses import dataclass

from vorlagen.render.word.wml import W, esc, twips

# CSS list-style-type → Word number format (the rest: a bullet)
FORMATE = {
    "decimal": "decimal",
    "lower-alpha": "lowerLetter",
    "lower-latin": "lowerLetter",
    "upper-alpha": "upperLetter",
    "upper-latin": "upperLetter",
    "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman",
}
ZEICHEN = {"disc": "•", "circle": "◦", "square": "▪"}
EBENEN = 9  # Word's levels of a list


@dataclass(frozen=True)
class Liste:
    art: str  # a CSS list-style-type: decimal, disc, none …
    start: int
    einzug: float  # left indent of the items' text, points
    haengend: float  # the marker's room left of it, points


class Nummern:
    """The lists of one document: each gets the next id."""

    def __init__(self) -> None:
        self.listen: list[Liste] = []

    def neu(self, liste: Liste) -> int:
        self.listen.append(liste)
        return len(self.listen)

    def xml(self) -> bytes | None:
        """numbering.xml, or None when the document has no list."""
        if not self.listen:
            return None
        abstract = "".join(_abstract(number, liste) for number, liste in enumerate(self.listen, start=1))
        nums = "".join(
            f'<w:num w:numId="{number}"><w:abstractNumId w:val="{number}"/></w:num>'
            for number in range(1, len(self.listen) + 1)
        )
        head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
        return (head + abstract + nums + "</w:numbering>").encode("utf-8")


def nummer(number: int) -> str:
    """The w:numPr of an item of list `number` (its first level)."""
    return f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{number}"/></w:numPr>'


def _abstract(number: int, liste: Liste) -> str:
    kind = "singleLevel" if liste.art == "none" else "hybridMultilevel"
    levels = "".join(_level(level, liste) for level in range(EBENEN))
    return f'<w:abstractNum w:abstractNumId="{number}"><w:multiLevelType w:val="{kind}"/>{levels}</w:abstractNum>'


def _level(level: int, liste: Liste) -> str:
    """One level: the first as the print sets it, the deeper ones (Word's Tab in a list) further in."""
    fmt = FORMATE.get(liste.art)
    if fmt is not None:
        number, text = fmt, f"%{level + 1}."
    elif liste.art == "none":
        number, text = "none", ""
    else:
        number, text = "bullet", ZEICHEN.get(liste.art, "•")
    left = liste.einzug + level * max(liste.haengend, 12.0)
    start = liste.start if level == 0 else 1
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{number}"/>'
        f'<w:lvlText w:val="{esc(text)}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{twips(left)}" w:hanging="{twips(liste.haengend)}"/></w:pPr></w:lvl>'
    )
