"""The look of a text and of a paragraph as Word knows it, read from the computed style the PDF was set with: font,
size, colour, weight; alignment, spacing, hyphenation, borders, shading. Without a layout, the tags say what they
mean (strong is bold, th is a table head)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from vorlagen.render.word.satzbild import PX_PT

if TYPE_CHECKING:
    from weasyprint.css import Style

# the templates' own names of the fonts they ship (templates/base.html.j2, vorlage.css) and CSS's generic families
SCHRIFTEN = {
    "Vorlage Sans": "Liberation Sans",
    "sans-serif": "Liberation Sans",
    "serif": "Liberation Serif",
    "monospace": "Liberation Mono",
}
FETT = 600  # a CSS weight from which Word sets bold


@dataclass(frozen=True)
class Linie:
    """One border: width in points and colour (RRGGBB)."""

    breite: float
    farbe: str


@dataclass(frozen=True)
class Zeichen:
    """What a run of text looks like."""

    schrift: str = "Liberation Sans"
    groesse: float = 10.5  # pt
    farbe: str = "111111"
    fett: bool = False
    kursiv: bool = False
    unterstrichen: bool = False
    durchgestrichen: bool = False
    versal: bool = False  # text-transform: uppercase
    sperrung: float = 0.0  # letter-spacing in points
    lage: str = ""  # superscript | subscript


@dataclass(frozen=True)
class Absatz:
    """What a paragraph looks like besides its text."""

    ausrichtung: str = "left"  # left | right | center | both
    vor: float = 0.0  # space before, points
    nach: float = 0.0  # space after, points
    zeile: float = 0.0  # line height as a multiple of the font size (0: the font's own)
    hoehe: float = 0.0  # a line height in points, exactly (an empty paragraph between two tables)
    trennen: bool = True  # hyphenated automatically
    mit_naechstem: bool = False  # kept on the page of the next paragraph
    oben: Linie | None = None
    rechts: Linie | None = None
    unten: Linie | None = None
    links: Linie | None = None
    innen: float = 0.0  # space between text and a left or right border (padding), points
    innen_oben: float = 0.0  # space between text and a top or bottom border, points
    hintergrund: str = ""  # RRGGBB
    einzug: float = 0.0  # left indent, points
    haengend: float = 0.0  # the first line this much further left (a list item's marker), points
    einzug_rechts: float = 0.0  # right indent, points


def farbe(color: Any, current: Any = None) -> str | None:  # a tinycss2 colour, 'currentcolor' or None
    """RRGGBB of a computed colour, blended onto white by its opacity; None where it is fully transparent."""
    if color == "currentcolor" or color is None:
        color = current
    if color is None or not hasattr(color, "to"):
        return None
    alpha = float(color.alpha)
    if alpha <= 0:
        return None
    parts = color.to("srgb").coordinates
    return "".join(f"{round(255 * (1 - alpha + alpha * min(max(float(c), 0.0), 1.0))):02X}" for c in parts)


def schrift(families: Iterable[str] | None) -> str:
    """The Word name of the first font of a CSS font-family list."""
    for name in families or ():
        return SCHRIFTEN.get(name, name.removeprefix("Vorlage "))
    return "Liberation Sans"


def _px(value: Any) -> float:  # a computed length: a Dimension, a number or a keyword
    """A computed length in CSS pixels (a Dimension, a number, or 0 for 'auto' and 'normal')."""
    if hasattr(value, "value"):
        return float(value.value) if value.unit in ("px", None) else 0.0
    return float(value) if isinstance(value, (int, float)) else 0.0


def zeichen(style: Style) -> Zeichen:
    """The look of the text of an element with the computed `style`."""
    lines = style["text_decoration_line"]
    lines = lines if isinstance(lines, (set, frozenset, tuple)) else ()
    lage = {"super": "superscript", "sub": "subscript"}.get(str(style["vertical_align"]), "")
    return Zeichen(
        schrift=schrift(style["font_family"]),
        groesse=round(style["font_size"] * PX_PT * 2) / 2,
        farbe=farbe(style["color"]) or "000000",
        fett=int(style["font_weight"]) >= FETT,
        kursiv=style["font_style"] in ("italic", "oblique"),
        unterstrichen="underline" in lines,
        durchgestrichen="line-through" in lines,
        versal=style["text_transform"] == "uppercase",
        sperrung=round(_px(style["letter_spacing"]) * PX_PT, 1),
        lage=lage,
    )


def linie(style: Style, side: str) -> Linie | None:
    width = float(style[f"border_{side}_width"] or 0)
    if style[f"border_{side}_style"] in ("none", "hidden") or width <= 0:
        return None
    color = farbe(style[f"border_{side}_color"], style["color"])
    return Linie(round(width * PX_PT, 2), color) if color else None


AUSRICHTUNG = {"right": "right", "end": "right", "center": "center", "justify": "both"}


def absatz(style: Style) -> Absatz:
    """The look of a paragraph made of an element with the computed `style` (its own borders and background)."""
    line_height = style["line_height"]
    zeile = float(line_height) if isinstance(line_height, (int, float)) else 0.0
    if hasattr(line_height, "unit") and line_height.unit in ("px", None) and style["font_size"]:
        zeile = float(line_height.value) / style["font_size"] if line_height.unit == "px" else float(line_height.value)
    return Absatz(
        ausrichtung=AUSRICHTUNG.get(style["text_align_all"], "left"),
        vor=round(_px(style["margin_top"]) * PX_PT, 1),
        nach=round(_px(style["margin_bottom"]) * PX_PT, 1),
        zeile=round(zeile, 3),
        trennen=style["hyphens"] == "auto",
        mit_naechstem=style["break_after"] in ("avoid", "avoid-page"),
        oben=linie(style, "top"),
        rechts=linie(style, "right"),
        unten=linie(style, "bottom"),
        links=linie(style, "left"),
        innen=round(_px(style["padding_left"]) * PX_PT, 1),
        innen_oben=round(_px(style["padding_top"]) * PX_PT, 1),
        hintergrund=farbe(style["background_color"]) or "",
    )


def umrahmt(style: Style) -> bool:
    """Whether a container draws a box around what it holds (a background or a border)."""
    return bool(farbe(style["background_color"])) or any(linie(style, s) for s in ("top", "right", "bottom", "left"))


# what a tag means where no layout says how it looks
_FETT = {"strong", "b", "th"}
_KURSIV = {"em", "i", "cite"}


def nach_tag(tag: str, eltern: Zeichen) -> Zeichen:
    """The look of an element's text without a layout: its parent's, bold or italic as its tag says."""
    if tag in _FETT:
        return replace(eltern, fett=True)
    if tag in _KURSIV:
        return replace(eltern, kursiv=True)
    if tag in ("code", "kbd", "samp", "pre"):
        return replace(eltern, schrift="Liberation Mono")
    if tag in ("sup", "sub"):
        return replace(eltern, lage="superscript" if tag == "sup" else "subscript")
    if tag in ("s", "del"):
        return replace(eltern, durchgestrichen=True)
    return eltern
