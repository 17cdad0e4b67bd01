"""Images of the print (the logo, images of a text) inline in the Word file, as large as the PDF sets them. An SVG
image goes in as SVG (Word since 2016 shows it); older programs see the transparent stand-in beside it."""

from __future__ import annotations

import base64
from typing import Any
from xml.etree.ElementTree import Element

from vorlagen.render.word.wml import esc

EMU_PX = 9525  # English Metric Units per CSS pixel
ART = {b"\x89PNG": "png", b"\xff\xd8\xff": "jpeg", b"GIF8": "gif"}
SVG_ERWEITERUNG = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"  # Office's extension for an SVG beside its raster image
# a transparent PNG of one pixel: the raster image beside an SVG for programs that cannot draw SVG
LEER = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
OHNE_SATZ = (150.0, 150.0)  # CSS pixels of an image where no layout gives its size


def art(data: bytes) -> str | None:
    """png, jpeg, gif or svg by the file's first bytes; None for anything else."""
    for magic, name in ART.items():
        if data.startswith(magic):
            return name
    head = data[:1000].lstrip().lower()
    return "svg" if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in data[:4000].lower() else None


def bild(dokument: Any, element: Element) -> str:
    """A w:drawing of the image (the content of a run), or nothing where it cannot be read."""
    src = element.get("src") or ""
    data = dokument.lesen(src) if dokument.lesen is not None and src else None
    kind = art(data) if data else None
    if data is None or kind is None:
        return ""
    _, width, height = dokument.bild.masse.get(element, (0.0, *OHNE_SATZ))
    cx, cy = round(width * EMU_PX), round(height * EMU_PX)
    if kind == "svg":
        raster, vektor = dokument.beziehungen.bild(LEER, "png"), dokument.beziehungen.bild(data, "svg")
        blip = (
            f'<a:blip r:embed="{raster}"><a:extLst><a:ext uri="{SVG_ERWEITERUNG}">'
            '<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" '
            f'r:embed="{vektor}"/></a:ext></a:extLst></a:blip>'
        )
    else:
        blip = f'<a:blip r:embed="{dokument.beziehungen.bild(data, kind)}"/>'
    number = dokument.zeichnung()
    alt = esc(element.get("alt") or "")
    return (
        f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:docPr id="{number}" name="Bild {number}" descr="{alt}"/><wp:cNvGraphicFramePr>'
        '<a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="Bild {number}" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f"<pic:blipFill>{blip}<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing>"
    )
