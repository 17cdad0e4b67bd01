"""The Word styles of a document (styles.xml) and its lists (numbering.xml).

The styles are Word's built-in ones by their built-in ids and names, which Word shows in its own language – Normal
as „Standard“, heading 1 as „Überschrift 1“, caption as „Beschriftung“, Table Grid as „Tabellenraster“ – carrying the
look the print gives the first element of each kind: the Hausstil's font, colours and sizes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from vorlagen.render.word.aussehen import Absatz, Linie, Zeichen, absatz, zeichen
from vorlagen.render.word.satzbild import Satzbild

if TYPE_CHECKING:
    from weasyprint.css import Style
from vorlagen.render.word.wml import EINZEILIG, W, abstand, esc, twips, zeichen_voll

SPRACHE = "de-DE"


@dataclass(frozen=True)
class Formatvorlage:
    id: str  # Word's built-in style id
    name: str  # Word's built-in name (shown translated)
    zeichen: Zeichen
    absatz: Absatz
    art: str = "paragraph"
    ebene: int | None = None  # outline level of a heading


# the look of templates/vorlage.css, for a document without a layout
_AKZENT = "1F4E79"
_STANDARD = Zeichen()
_UEBERSCHRIFTEN = {
    1: (replace(_STANDARD, groesse=14, fett=True), Absatz(nach=17.0, zeile=1.3, trennen=False)),
    2: (replace(_STANDARD, groesse=11.5, fett=True, farbe=_AKZENT), Absatz(vor=19.8, nach=5.7, zeile=1.42)),
    3: (replace(_STANDARD, fett=True), Absatz(vor=14.2, nach=5.7, zeile=1.42)),
}
_TIEFER = (replace(_STANDARD, fett=True, kursiv=True), Absatz(vor=11.3, nach=2.8, zeile=1.42))


def _erstes(bild: Satzbild, tag: str, frei: bool = False) -> Style | None:
    """The computed style of the first element of `tag` the print shows (`frei`: in the running text, without a
    class of its own)."""
    for element in bild.root.iter(tag):
        style = bild.stil(element)
        if style is not None and (not frei or (not element.get("class") and bild.im_text(element))):
            return style
    return None


def formatvorlagen(bild: Satzbild) -> dict[str, Formatvorlage]:
    """Style id → style, each with the look of its first element in the print (else the shipped look)."""
    p, table, caption, li = (_erstes(bild, t, frei=t == "p") for t in ("p", "table", "caption", "li"))
    text = (
        (zeichen(p), replace(absatz(p), mit_naechstem=False))
        if p is not None
        else (_STANDARD, Absatz(nach=7.1, zeile=1.42))
    )
    styles = [Formatvorlage("Normal", "Normal", *text)]
    for level in range(1, 7):
        h = _erstes(bild, f"h{level}")
        fallback = _UEBERSCHRIFTEN.get(level, _TIEFER)
        look = (zeichen(h), replace(absatz(h), mit_naechstem=True)) if h is not None else fallback
        styles.append(Formatvorlage(f"Heading{level}", f"heading {level}", *look, ebene=level - 1))
    cap = (
        (zeichen(caption), absatz(caption))
        if caption is not None
        else (replace(_STANDARD, groesse=9.5, fett=True), Absatz(nach=4.3))
    )
    styles.append(Formatvorlage("Caption", "caption", cap[0], replace(cap[1], mit_naechstem=True)))
    item = absatz(li) if li is not None else Absatz(nach=2.8, zeile=1.42)
    styles.append(Formatvorlage("ListParagraph", "List Paragraph", text[0], replace(item, vor=0.0)))
    tabelle = zeichen(table) if table is not None else replace(_STANDARD, groesse=9.5)
    styles.append(Formatvorlage("TableGrid", "Table Grid", tabelle, Absatz(zeile=text[1].zeile), "table"))
    kopf = bild.laufkopf_stil
    styles.append(
        Formatvorlage("Header", "header", zeichen(kopf) if kopf else replace(_STANDARD, groesse=8.5), Absatz())
    )
    fuss = zeichen(bild.fuss_stil) if bild.fuss_stil is not None else replace(_STANDARD, groesse=8.5, farbe="333333")
    styles.append(Formatvorlage("Footer", "footer", fuss, Absatz(ausrichtung="right")))
    a = _erstes(bild, "a")
    link = zeichen(a) if a is not None else replace(_STANDARD, farbe=_AKZENT, unterstrichen=True)
    styles.append(Formatvorlage("Hyperlink", "Hyperlink", link, Absatz(), "character"))
    return {s.id: s for s in styles}


def styles_xml(styles: dict[str, Formatvorlage], linie: Linie) -> bytes:
    """styles.xml: the defaults are the running text's look; `linie` the rule between table rows."""
    normal = styles["Normal"]
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">',
        f'<w:docDefaults><w:rPrDefault><w:rPr>{zeichen_voll(normal.zeichen)}<w:lang w:val="{SPRACHE}" '
        f'w:eastAsia="{SPRACHE}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        f"<w:pPrDefault><w:pPr>{abstand(normal.absatz)}</w:pPr></w:pPrDefault></w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f"<w:pPr>{_trennen(normal.absatz)}</w:pPr></w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    ]
    for style in styles.values():
        if style.id != "Normal":
            parts.append(_style(style, normal, linie))
    parts.append("</w:styles>")
    return "".join(parts).encode("utf-8")


def _trennen(a: Absatz) -> str:
    return "" if a.trennen else "<w:suppressAutoHyphens/>"


def _style(style: Formatvorlage, normal: Formatvorlage, linie: Linie) -> str:
    """One style's XML, its run properties complete (so that it holds wherever it is used)."""
    head = f'<w:style w:type="{style.art}" w:styleId="{style.id}"><w:name w:val="{esc(style.name)}"/>'
    if style.art == "character":
        rpr = f'<w:color w:val="{style.zeichen.farbe}"/>' + (
            '<w:u w:val="single"/>' if style.zeichen.unterstrichen else ""
        )
        return (
            head
            + f'<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr>{rpr}</w:rPr></w:style>'
        )
    if style.art == "table":
        rule = f'w:val="single" w:sz="{max(2, round(linie.breite * 8))}" w:space="0" w:color="{linie.farbe}"'
        return (
            head + '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>'
            f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="{round(240 * (style.absatz.zeile or EINZEILIG) / EINZEILIG)}" w:lineRule="auto"/></w:pPr>'
            f"<w:rPr>{zeichen_voll(style.zeichen)}</w:rPr>"
            f'<w:tblPr><w:tblBorders><w:insideH {rule}/></w:tblBorders><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="113" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="113" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr></w:style>"
        )
    a = style.absatz
    ppr = (
        ("<w:keepNext/><w:keepLines/>" if a.mit_naechstem else "")
        + _trennen(a)
        + abstand(a)
        + (f'<w:jc w:val="{a.ausrichtung}"/>' if a.ausrichtung != "left" else "")
        + (f'<w:outlineLvl w:val="{style.ebene}"/>' if style.ebene is not None else "")
    )
    if style.id in ("Header", "Footer"):
        ppr = (
            f'<w:tabs><w:tab w:val="center" w:pos="{twips(240)}"/><w:tab w:val="right" w:pos="{twips(480)}"/></w:tabs>'
            + ppr
        )
    priority = {"caption": 35, "List Paragraph": 34}.get(style.name, 9 if style.ebene is not None else 99)
    gallery = "<w:qFormat/>" if style.ebene is not None or style.id in ("Caption", "ListParagraph") else ""
    return (
        head + f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="{priority}"/>{gallery}'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{zeichen_voll(style.zeichen)}</w:rPr></w:style>"
    )


# the shipped fonts and the fonts with the same widths that Windows has: where a computer lacks the Liberation fonts,
# Word takes the one named here and breaks every line as the print does
ERSATZ = {
    "Liberation Sans": ("Arial", "020B0604020202020204", "swiss"),
    "Liberation Serif": ("Times New Roman", "02020603050405020304", "roman"),
    "Liberation Mono": ("Courier New", "02070309020205020404", "modern"),
}


def schriften_xml(styles: dict[str, Formatvorlage]) -> bytes:
    """fontTable.xml: each font of the styles (and the monospaced one of code), with its Windows twin."""
    names = dict.fromkeys([*(s.zeichen.schrift for s in styles.values()), "Liberation Mono"])
    rows = []
    for name in names:
        alt, panose, family = ERSATZ.get(name, ("", "", "auto"))
        rows.append(
            f'<w:font w:name="{esc(name)}">'
            + (f'<w:altName w:val="{alt}"/><w:panose1 w:val="{panose}"/>' if alt else "")
            + f'<w:charset w:val="00"/><w:family w:val="{family}"/><w:pitch w:val="{"fixed" if family == "modern" else "variable"}"/></w:font>'
        )
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W}">'
    return (head + "".join(rows) + "</w:fonts>").encode("utf-8")
