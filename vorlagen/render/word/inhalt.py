"""The body of a Word file, walked from the elements of the print HTML: each block a paragraph with the look the
print gives it, inline elements runs, lists Word lists, tables Word tables (tabelle.py). Nothing is written twice:
the text is the print's, character for character (its no-break spaces between amount and unit included)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element

from vorlagen.render.word import bilder, tabelle
from vorlagen.render.word.aussehen import Absatz, Linie, Zeichen, absatz, linie, nach_tag, umrahmt, zeichen
from vorlagen.render.word.bloecke import Teil, Umgebung
from vorlagen.render.word.listen import Liste, nummer
from vorlagen.render.word.satzbild import PX_PT

if TYPE_CHECKING:
    from weasyprint.css import Style

BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    ]
)
WEG = frozenset({"head", "script", "style", "title", "template", "colgroup", "col"})
STILE = {f"h{n}": f"Heading{n}" for n in range(1, 7)} | {"caption": "Caption", "li": "ListParagraph"}
TIEFE = 150  # elements nested in one another that are walked (Markdown nests at most 20; a print, a few more)
_LEERRAUM = re.compile(r"[ \t\n\r\f\v]+")  # HTML's white space (as the text rendition folds it)


@dataclass
class _Segment:
    art: str  # text | br | bild
    wert: str
    zeichen: Zeichen | None = None
    link: str | None = None


class Inhalt:
    """Walks the elements of one document into paragraphs and tables."""

    def __init__(self, dokument: Any) -> None:
        self.dokument = dokument  # what the parts of the file share: styles, lists, relationships, Satzbild
        self.bild = dokument.bild
        self.tiefe = 0  # block elements entered

    def bloecke(self, element: Element, umgebung: Umgebung) -> list[Teil]:
        """The paragraphs and tables of a block element and all it holds; nested deeper than any print (a template's
        own HTML can be), the rest is one paragraph of its text – nothing is lost, nothing runs out of stack."""
        if self.tiefe >= TIEFE:
            text = " ".join("".join(element.itertext()).split())
            return [self._absatz(element, [_Segment("text", text, umgebung.zeichen)], umgebung)] if text else []
        self.tiefe += 1
        try:
            return self._bloecke(element, umgebung)
        finally:
            self.tiefe -= 1

    def _bloecke(self, element: Element, umgebung: Umgebung) -> list[Teil]:
        bild, tag = self.bild, element.tag
        if (
            tag in WEG
            or not isinstance(tag, str)
            or not bild.gezeigt(element)
            or _klasse(element, "laufkopf", "wasserzeichen")
        ):
            return []
        style = bild.stil(element)
        umgebung = replace(
            umgebung, quer=bild.quer(element) if bild.gesetzt and element in bild.seiten else umgebung.quer
        )
        if tag == "table":
            return _aussen(tabelle.tabelle(self, element, umgebung), style, unten=False)
        if style is not None and style["display"][1:2] == ("flex",):
            return tabelle.reihe(self, element, umgebung)
        if tag in ("ul", "ol"):
            return _aussen(self._liste(element, umgebung), style)
        if tag == "img":  # an image standing as a block (a box of a flex row: the logo)
            segmente: list[_Segment] = []
            self._inline(element, umgebung.zeichen, None, segmente)
            return [self._absatz(element, segmente, umgebung)] if segmente else []
        if tag == "hr":
            strich = linie(style, "top") if style is not None else None
            return [Teil(umgebung.quer, absatz=replace(umgebung.absatz, unten=strich or STRICH), basis=umgebung.absatz)]
        if style is not None and tag not in STILE and tag != "p" and umrahmt(style) and not umgebung.in_zelle:
            umgebung = replace(umgebung, rahmen=_rahmen(absatz(style), umgebung.rahmen))
        teile = self._gemischt(element, umgebung)
        return teile if tag in STILE or tag in ("p", "td", "th") or umgebung.in_zelle else _aussen(teile, style)

    def _gemischt(self, element: Element, umgebung: Umgebung) -> list[Teil]:
        """A block's content: its inline content becomes paragraphs of its own look; block children are walked. Only
        the first paragraph of a list item carries its number."""
        teile: list[Teil] = []
        segmente: list[_Segment] = []
        look = self._zeichen(element, umgebung.zeichen)

        def fertig() -> None:
            nonlocal umgebung
            if any(s.art == "bild" or (s.art == "text" and s.wert.strip()) for s in segmente):
                teile.append(self._absatz(element, list(segmente), umgebung))
                umgebung = replace(umgebung, liste=None)
            segmente.clear()

        self._text(element.text, look, None, segmente)
        for child in element:
            if self._ist_block(child):
                fertig()
                found = self.bloecke(child, umgebung)
                umgebung = replace(umgebung, liste=None) if found else umgebung
                teile += found
            else:
                self._inline(child, look, None, segmente)
            self._text(child.tail, look, None, segmente)
        fertig()
        return teile

    def _ist_block(self, element: Element) -> bool:
        style = self.bild.stil(element)
        if style is not None:
            return style["display"][0] == "block" or element.tag == "table"
        return element.tag in BLOCK

    def _zeichen(self, element: Element, eltern: Zeichen) -> Zeichen:
        style = self.bild.stil(element)
        return zeichen(style) if style is not None else nach_tag(element.tag, eltern)

    def _inline(
        self, element: Element, eltern: Zeichen, link: str | None, segmente: list[_Segment], tiefe: int = 0
    ) -> None:
        """An inline element's text and children as segments (nested deeper than any print: its text)."""
        if element.tag in WEG or not isinstance(element.tag, str) or not self.bild.gezeigt(element):
            return
        if tiefe + self.tiefe >= TIEFE:
            self._text("".join(element.itertext()), eltern, link, segmente)
            return
        if element.tag == "br":
            segmente.append(_Segment("br", ""))
            return
        if element.tag == "img":
            drawing = bilder.bild(self.dokument, element)
            segmente += [_Segment("bild", drawing)] if drawing else []  # an unreadable image is left out
            return
        look = self._zeichen(element, eltern)
        href = element.get("href") if element.tag == "a" else None
        link = href if href and href.startswith(("https://", "http://", "mailto:")) else link
        self._text(element.text, look, link, segmente)
        for child in element:
            self._inline(child, look, link, segmente, tiefe + 1)
            self._text(child.tail, look, link, segmente)

    def _text(self, value: str | None, look: Zeichen, link: str | None, segmente: list[_Segment]) -> None:
        if value:
            segmente.append(_Segment("text", value, look, link))

    def _absatz(self, element: Element, segmente: list[_Segment], umgebung: Umgebung) -> Teil:
        """One paragraph of a block element."""
        style = self.bild.stil(element)
        stil = STILE.get(element.tag, "Normal") if not umgebung.in_zelle else "Normal"
        basis = self.dokument.stile[stil].absatz if stil != "Normal" else umgebung.absatz
        eigen = absatz(style) if style is not None else basis
        if element.tag not in STILE and element.tag != "p" and style is not None and umrahmt(style):
            eigen = replace(eigen, oben=None, rechts=None, unten=None, links=None, hintergrund="")  # drawn around
        if umgebung.rahmen is not None:
            eigen = _rahmen(eigen, umgebung.rahmen)
        eigen = replace(
            eigen, einzug=eigen.einzug + umgebung.einzug, einzug_rechts=eigen.einzug_rechts + umgebung.rechts
        )
        if umgebung.liste:  # the marker hangs left of the item's text (listen.py: the list's indent)
            liste = self.dokument.nummern.listen[umgebung.liste - 1]
            eigen = replace(eigen, haengend=liste.haengend)
        basis_zeichen = self.dokument.stile[stil].zeichen if stil != "Normal" else umgebung.zeichen
        laeufe = self._laeufe(
            segmente,
            basis_zeichen,
            style["white_space"] in ("pre", "pre-wrap") if style is not None else element.tag == "pre",
        )
        numpr = nummer(umgebung.liste) if umgebung.liste else ""
        return Teil(umgebung.quer, stil=stil, absatz=eigen, basis=basis, nummer=numpr, laeufe=laeufe)

    def _laeufe(self, segmente: list[_Segment], basis: Zeichen, vorformatiert: bool) -> str:
        """The runs of a paragraph: white space collapsed as HTML does (not in pre), links as Word hyperlinks."""
        stuecke = _leerraum(segmente) if not (vorformatiert and segmente) else segmente
        xml, offen = [], None  # the link being written
        for segment in stuecke:
            if segment.link != offen:
                if offen is not None:
                    xml.append("</w:hyperlink>")
                if segment.link is not None:
                    xml.append(f'<w:hyperlink r:id="{self.dokument.beziehungen.link(segment.link)}">')
                offen = segment.link
            xml.append(self._lauf(segment, basis))
        if offen is not None:
            xml.append("</w:hyperlink>")
        return "".join(xml)

    def _lauf(self, segment: _Segment, basis: Zeichen) -> str:
        if segment.art == "br":
            return "<w:r><w:br/></w:r>"
        if segment.art == "bild":
            return f"<w:r>{segment.wert}</w:r>"
        look = segment.zeichen or basis
        if segment.link:
            link = self.dokument.stile["Hyperlink"].zeichen
            basis = replace(basis, farbe=link.farbe, unterstrichen=link.unterstrichen)
        return self.dokument.silben.laeufe(segment.wert, look, basis, "Hyperlink" if segment.link else "")

    def _liste(self, element: Element, umgebung: Umgebung) -> list[Teil]:
        """A list: each item a paragraph of the list's numbering (an item of several paragraphs: the others indented)."""
        style = self.bild.stil(element)
        art = str(style["list_style_type"]) if style is not None else ("decimal" if element.tag == "ol" else "disc")
        einzug = umgebung.einzug + (float(style["padding_left"].value) * PX_PT if style is not None else 17.0)
        start = int(element.get("start", "1")) if element.get("start", "1").isdigit() else 1
        number = None
        if art != "none":
            marke = (
                min(einzug - umgebung.einzug, 1.2 * umgebung.zeichen.groesse) or 12.0
            )  # CSS sets it just left of the text
            number = self.dokument.nummern.neu(Liste(art, start, einzug, marke))
        teile: list[Teil] = []
        for item in element:
            if item.tag != "li":
                teile += self.bloecke(item, replace(umgebung, einzug=einzug))
                continue
            teile += self.bloecke(item, replace(umgebung, einzug=einzug, liste=number))
        return teile


STRICH = Linie(0.5, "9AA5B1")  # a rule (hr) where no layout gives one


def _rahmen(eigen: Absatz, rahmen: Absatz | None) -> Absatz:
    """A paragraph inside a box: the box's left and right borders, its background and its padding as indent."""
    if rahmen is None:
        return eigen
    return replace(
        eigen,
        oben=eigen.oben or rahmen.oben,
        links=eigen.links or rahmen.links,
        unten=eigen.unten or rahmen.unten,
        rechts=eigen.rechts or rahmen.rechts,
        hintergrund=eigen.hintergrund or rahmen.hintergrund,
        innen=max(eigen.innen, rahmen.innen),
        innen_oben=max(eigen.innen_oben, rahmen.innen_oben),
        einzug=eigen.einzug + rahmen.innen + (rahmen.links.breite if rahmen.links else 0.0),
        einzug_rechts=eigen.einzug_rechts + rahmen.innen + (rahmen.rechts.breite if rahmen.rechts else 0.0),
    )


def _aussen(teile: list[Teil], style: Style | None, unten: bool = True) -> list[Teil]:
    """A container's margins on its first and last paragraph (Word has no boxes around paragraphs to hold them)."""
    if style is None or not teile:
        return teile
    oben, nach = absatz(style).vor, absatz(style).nach
    erster = teile[0]
    if oben > erster.absatz.vor and not erster.tabelle:
        teile[0] = replace(erster, absatz=replace(erster.absatz, vor=oben))
    if unten and nach > teile[-1].absatz.nach:
        teile[-1] = replace(teile[-1], absatz=replace(teile[-1].absatz, nach=nach))
    return teile


def _klasse(element: Element, *namen: str) -> bool:
    return bool(set((element.get("class") or "").split()) & set(namen))


def _leerraum(segmente: list[_Segment]) -> list[_Segment]:
    """HTML's white space: runs of it as one space, none at the start or end of a line."""
    result: list[_Segment] = []
    space = True  # a space before here is dropped
    for segment in segmente:
        if segment.art != "text":
            if segment.art == "br" and result and result[-1].art == "text":
                result[-1] = replace(result[-1], wert=result[-1].wert.rstrip(" "))
            result.append(segment)
            space = segment.art == "br"
            continue
        value = _LEERRAUM.sub(" ", segment.wert)
        if space:
            value = value.lstrip(" ")
        if value:
            result.append(replace(segment, wert=value))
            space = value.endswith(" ")
    while result and result[-1].art == "text" and result[-1].wert.endswith(" "):
        last = replace(result[-1], wert=result[-1].wert.rstrip(" "))
        result[-1:] = [last] if last.wert else []
    return result
