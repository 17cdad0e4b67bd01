"""Pages of the Word file as the PDF's: page size and margins, a section in landscape for what the PDF sets on
landscape pages, the running header from the second page on, the page numbers in the footer, the ENTWURF watermark
on every page, and the settings: German, hyphenated."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from xml.etree.ElementTree import Element

from vorlagen.render.word.aussehen import absatz, farbe, linie
from vorlagen.render.word.formatvorlagen import SPRACHE, Formatvorlage
from vorlagen.render.word.satzbild import Satzbild
from vorlagen.render.word.trennung import Silben
from vorlagen.render.word.wml import W, esc, ppr, text, twips

MM = 72 / 25.4  # points per millimetre
NAMESPACES = (
    f'xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
TEILER = '<w:rPr><w:sz w:val="2"/></w:rPr>'  # the mark of an empty paragraph that only separates two tables
KOPF, KOPF_ERSTE, FUSS = "kopf", "kopf1", "fuss"  # relationship ids of the header and footer parts


def abschnitt(bild: Satzbild, quer: bool, erster: bool, titelseite: bool) -> str:
    """A w:sectPr: the size and margins of the pages of one orientation; the first section begins with the title
    page, which has its own top margin and no running header."""
    seite = bild.seite(quer)
    oben = bild.erste_oben if erster and titelseite and bild.erste_oben is not None else seite.oben
    kopf = max(seite.oben - 3 * MM - 16.0, 12.0)  # the header ends 3 mm above the text (vorlage.css @top-center)
    fuss = max(seite.unten / 2 - 6.0, 12.0)  # the page number in the middle of the bottom margin
    refs = f'<w:headerReference w:type="default" r:id="{KOPF}"/>'
    refs += f'<w:headerReference w:type="first" r:id="{KOPF_ERSTE}"/>' if titelseite else ""
    refs += f'<w:footerReference w:type="default" r:id="{FUSS}"/>'
    refs += f'<w:footerReference w:type="first" r:id="{FUSS}"/>' if titelseite else ""
    orient = ' w:orient="landscape"' if quer else ""
    return (
        f"<w:sectPr>{refs}"
        + ('<w:type w:val="nextPage"/>' if not erster else "")
        + f'<w:pgSz w:w="{twips(seite.breite)}" w:h="{twips(seite.hoehe)}"{orient}/>'
        f'<w:pgMar w:top="{twips(oben)}" w:right="{twips(seite.rechts)}" w:bottom="{twips(seite.unten)}" '
        f'w:left="{twips(seite.links)}" w:header="{twips(kopf)}" w:footer="{twips(fuss)}" w:gutter="0"/>'
        + ("<w:titlePg/>" if erster and titelseite else "")
        + "</w:sectPr>"
    )


def abstaende(teile: list) -> list:
    """The space between blocks as CSS gives it – the larger of the margins that meet, where Word would add them: a
    paragraph's space before less the space after the paragraph above, at least a table's margin below it."""
    result: list = []
    vorher = None
    for teil in teile:
        if teil.tabelle and vorher is not None and vorher.tabelle:  # Word would join two tables that touch
            hoehe = max(vorher.absatz.nach, teil.absatz.vor, 1.0)
            fuge = replace(vorher.absatz, vor=0.0, nach=0.0, hoehe=hoehe, oben=None, unten=None)
            result.append(replace(teil, tabelle="", absatz=fuge, basis=vorher.basis, marke=TEILER, laeufe=""))
        elif teil.tabelle and result and teil.absatz.vor > result[-1].absatz.nach:  # a table's margin above it
            result[-1] = replace(result[-1], absatz=replace(result[-1].absatz, nach=teil.absatz.vor))
        if not teil.tabelle and vorher is not None:
            vor = (
                max(teil.absatz.vor, vorher.absatz.nach)
                if vorher.tabelle
                else max(0.0, teil.absatz.vor - vorher.absatz.nach)
            )
            teil = replace(teil, absatz=replace(teil.absatz, vor=round(vor, 1)))
        result.append(teil)
        vorher = teil
    return result


def koerper(bild: Satzbild, teile: list, titelseite: bool) -> str:
    """The body: the blocks with a section break wherever the orientation of the pages changes."""
    teile = abstaende(teile)
    xml, erster = [], True
    for index, teil in enumerate(teile):
        last = index + 1 == len(teile)
        if last or teile[index + 1].quer == teil.quer:
            xml.append(teil.xml())
            continue
        schluss = abschnitt(bild, teil.quer, erster, titelseite)
        xml.append(teil.xml(schluss) if not teil.tabelle else teil.xml() + f"<w:p><w:pPr>{schluss}</w:pPr></w:p>")
        erster = False
    quer = teile[-1].quer if teile else False
    return "".join(xml) + abschnitt(bild, quer, erster, titelseite)


def _teil(inhalt: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {NAMESPACES}>{inhalt}</w:hdr>'.encode()


def kopfzeilen(bild: Satzbild, stile: dict[str, Formatvorlage], silben: Silben) -> tuple[bytes, bytes]:
    """The running header (from the second page on) and the title page's header; both carry the watermark."""
    element = next((e for e in bild.root.iter() if "laufkopf" in (e.get("class") or "").split()), None)
    zeichen = next((e for e in bild.root.iter() if "wasserzeichen" in (e.get("class") or "").split()), None)
    marke = _wasserzeichen(bild, zeichen, stile) if zeichen is not None else ""
    header = stile["Header"]
    laeufe = ""
    if element is not None:
        value = " ".join("".join(element.itertext()).split())
        laeufe = silben.laeufe(value, header.zeichen, header.zeichen)
    style = bild.stil(element) if element is not None else None
    look = absatz(style) if style is not None else header.absatz
    rule = linie(style, "bottom") if style is not None else None
    form = type(header.absatz)(ausrichtung=look.ausrichtung, nach=3 * MM, unten=rule, innen=0.0)
    laufkopf = f"<w:p>{ppr('Header', form, header.absatz)}{marke}{laeufe}</w:p>"
    leer = '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr>'
    erste = f'<w:p><w:pPr><w:pStyle w:val="Header"/>{leer}</w:pPr>{marke}</w:p>'  # nothing pushes the text down
    return _teil(laufkopf), _teil(erste)


def fusszeile(bild: Satzbild, stile: dict[str, Formatvorlage]) -> bytes:
    """The footer with the page numbers as fields (PAGE, NUMPAGES)."""
    footer = stile["Footer"]
    pattern = bild.fusszeile or "Seite {PAGE} von {NUMPAGES}"
    runs = []
    for piece in pattern.replace("{NUMPAGES}", "\0NUMPAGES\0").replace("{PAGE}", "\0PAGE\0").split("\0"):
        if piece in ("PAGE", "NUMPAGES"):
            runs.append(f'<w:fldSimple w:instr=" {piece} "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
        elif piece:
            runs.append(text(piece, ""))
    inner = f"<w:p>{ppr('Footer', footer.absatz, footer.absatz)}{''.join(runs)}</w:p>"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {NAMESPACES}>{inner}</w:ftr>'.encode()


# Word's own shape of a watermark text (VML „text plain“), as Word writes it
_TEXTFORM = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(
        f'<v:f eqn="{eqn}"/>'
        for eqn in (
            "sum #0 0 10800",
            "prod #0 2 1",
            "sum 21600 0 @1",
            "sum 0 0 @2",
            "sum 21600 0 @3",
            "if @0 @3 0",
            "if @0 21600 @1",
            "if @0 0 @2",
            "if @0 @4 21600",
            "mid @5 @6",
            "mid @8 @5",
            "mid @7 @8",
            "mid @6 @7",
            "sum @6 0 @5",
        )
    )
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" '
    'xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
)


def _wasserzeichen(bild: Satzbild, element: Element, stile: dict[str, Formatvorlage]) -> str:
    """The ENTWURF watermark as Word's watermark: a text across the page behind the text, in the print's colour."""
    value = " ".join("".join(element.itertext()).split())
    style = bild.stil(element)
    color, opacity = "#B00000", 0.13  # templates/vorlage.css, where no layout gives them
    if style is not None and hasattr(style["color"], "to"):  # opaque, made lighter by the fill's opacity
        color = "#" + (farbe(replace_alpha(style["color"])) or "B00000")
        opacity = float(style["color"].alpha)
    font = esc(stile["Normal"].zeichen.schrift)
    return (
        f"<w:r><w:pict>{_TEXTFORM}"
        f'<v:shape id="Wasserzeichen" o:spid="_x0000_s2049" type="#_x0000_t136" style="position:absolute;'
        "margin-left:0;margin-top:0;width:440pt;height:110pt;rotation:320;z-index:-251657216;"
        "mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;"
        f'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="{color}" stroked="f">'
        f'<v:fill opacity="{opacity:.2f}"/><v:textpath style="font-family:&quot;{font}&quot;;font-size:1pt" '
        f'string="{esc(value)}"/></v:shape></w:pict></w:r>'
    )


def einstellungen() -> bytes:
    """settings.xml: hyphenated automatically, German, fields updated by Word's own rules, Word 2013's layout."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W}">'
        '<w:defaultTabStop w:val="709"/><w:autoHyphenation/><w:hyphenationZone w:val="284"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        f'</w:compat><w:themeFontLang w:val="{SPRACHE}"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
        "</w:settings>"
    ).encode()


def replace_alpha(color: Any) -> Any:
    """The colour without its opacity."""
    return type(color)(color.space, color.coordinates, 1.0)
