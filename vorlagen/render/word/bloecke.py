"""The blocks of a Word file's body as they are collected – a paragraph or a table, with the orientation of its
page – and what a block inherits from the elements around it."""

from __future__ import annotations

from dataclasses import dataclass, field

from vorlagen.render.word.aussehen import Absatz, Zeichen
from vorlagen.render.word.wml import ppr


@dataclass
class Teil:
    """A paragraph or a table of the body, and whether its page is in landscape."""

    quer: bool
    tabelle: str = ""  # a table's XML; else a paragraph:
    stil: str = "Normal"
    absatz: Absatz = field(default_factory=Absatz)
    basis: Absatz = field(default_factory=Absatz)
    nummer: str = ""
    laeufe: str = ""
    marke: str = ""  # the run properties of the paragraph mark (a line drawn by an empty paragraph: a tiny font)

    def xml(self, schluss: str = "") -> str:
        if self.tabelle:
            return self.tabelle
        return f"<w:p>{ppr(self.stil, self.absatz, self.basis, self.nummer, self.marke + schluss)}{self.laeufe}</w:p>"


@dataclass(frozen=True)
class Umgebung:
    """What a block inherits: the look of plain text here (the style's), a box drawn around it, the list it is in."""

    zeichen: Zeichen  # the look of its style's text (Normal, or the table's in a cell)
    absatz: Absatz  # the paragraph look its style gives
    rahmen: Absatz | None = None  # borders and background of an enclosing box
    einzug: float = 0.0  # left indent of enclosing lists, points
    rechts: float = 0.0  # right indent (the gap after a box of a flex row), points
    liste: int | None = None  # the numbering of the list item it begins
    quer: bool = False
    in_zelle: bool = False
