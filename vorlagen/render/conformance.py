"""What WeasyPrint leaves undone for PDF/A-2u and PDF/UA-1 together, done before the PDF is written.

WeasyPrint writes one conformance claim (`pdf_variant`); we render PDF/A-2u and add the PDF/UA-1
identification (with the extension schema PDF/A requires for it) to the XMP. Its tagging leaves the
content of page margin boxes (running header, "Seite x von y") marked but outside the structure
tree; here it becomes an Artifact. Table header cells get their /Scope. The plain-text rendition
goes into the first page's piece dictionary (ISO 32000-1 §14.5), which PDF/A-2 allows where it
forbids an embedded text file.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pydyf

if TYPE_CHECKING:
    from weasyprint.document import Document

TEXT_PIECE = "Vorlagen"  # our entry in the first page's /PieceInfo; its /Private stream is the Textfassung


PDFUA_XMP = b"""<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
"""
# PDF/A-2u, not A-3u: the plain-text rendition is application data of the page, not an attached file.
PDF_OPTIONS = dict(pdf_tags=True, pdf_variant="pdf/a-2u")


def _get(pdf: pydyf.PDF, value: Any) -> Any:  # a reference ('12 0 R') or any other value of the PDF
    """The object a reference ('12 0 R') points to; other values as they are."""
    if isinstance(value, (str, bytes)):
        text = value.decode() if isinstance(value, bytes) else value
        parts = text.split()
        if len(parts) == 3 and parts[2] == "R" and parts[0].isdigit():
            return pdf.objects[int(parts[0])]
    return value


def finish(document: Document, pdf: pydyf.PDF, text: str | None = None, modified: dt.date | None = None) -> None:
    """The `finisher` of write_pdf: PDF/UA identification, artifacts, header scopes, the Textfassung."""
    _identify(pdf)
    if text is not None:
        assert modified is not None  # render_pdf passes the text with the document's date
        _text_piece(pdf, text, modified)
    root = _get(pdf, pdf.catalog["StructTreeRoot"])
    linked: set[int] = set()
    _walk(pdf, _get(pdf, root["K"][0]), linked)
    nums = _get(pdf, root["ParentTree"])["Nums"]
    orphans: dict[int, set[int]] = {}
    for index in range(0, len(nums), 2):
        page_number, refs = nums[index], nums[index + 1]
        if isinstance(refs, pydyf.Array):
            orphans[page_number] = {mcid for mcid, ref in enumerate(refs) if _number(ref) not in linked}
            for mcid in orphans[page_number]:
                refs[mcid] = "null"  # an Artifact belongs to no structure element
    for page_number, page in enumerate(_pages(pdf)):
        if orphans.get(page_number):
            _artifacts(pdf, page, orphans[page_number])


def _identify(pdf: pydyf.PDF) -> None:
    metadata = _get(pdf, pdf.catalog["Metadata"])
    data = b"".join(part if isinstance(part, bytes) else part.encode() for part in metadata.stream)
    metadata.stream = [data.replace(b"</rdf:RDF>", PDFUA_XMP + b"</rdf:RDF>", 1)]


def _text_piece(pdf: pydyf.PDF, text: str, modified: dt.date) -> None:
    """`text` as the private data of our piece on the first page, stamped with the document's date."""
    stamp = pydyf.String(f"D:{modified:%Y%m%d}000000Z")
    private = pydyf.Stream([text.encode("utf-8")], compress=True)
    pdf.add_object(private)
    page = _pages(pdf)[0]
    page["LastModified"] = stamp  # required beside PieceInfo
    page["PieceInfo"] = pydyf.Dictionary(
        {TEXT_PIECE: pydyf.Dictionary({"LastModified": stamp, "Private": private.reference})}
    )


def _number(reference: object) -> int | None:
    text = reference.decode() if isinstance(reference, bytes) else str(reference)
    parts = text.split()
    return int(parts[0]) if len(parts) == 3 and parts[0].isdigit() else None


def _walk(pdf: pydyf.PDF, element: pydyf.Dictionary, linked: set[int]) -> None:
    """Notes every structure element reachable from the Document element; sets TH /Scope on the way."""
    kids = element.get("K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pydyf.Array) else [kids]:
        number = _number(kid)
        if number is None:
            continue
        child = pdf.objects[number]
        if not isinstance(child, pydyf.Dictionary) or child.get("Type") != "/StructElem":
            continue
        linked.add(number)
        if child.get("S") == "/TH":
            scope = "/Column" if _in_head(pdf, element) else "/Row"
            child["A"] = pydyf.Dictionary({"O": "/Table", "Scope": scope})
        _walk(pdf, child, linked)


def _in_head(pdf: pydyf.PDF, row: pydyf.Dictionary) -> bool:
    """A TR whose parent is THead: its TH head columns; any other TH heads its row."""
    parent = _get(pdf, row.get("P"))
    return isinstance(parent, pydyf.Dictionary) and parent.get("S") == "/THead"


def _pages(pdf: pydyf.PDF) -> list[pydyf.Dictionary]:
    """The page dictionaries in order (pydyf keeps Kids flat as number, 0, 'R', …)."""
    kids = pdf.pages["Kids"]
    return [pdf.objects[kids[index]] for index in range(0, len(kids), 3)]


def _artifacts(pdf: pydyf.PDF, page: pydyf.Dictionary, mcids: set[int]) -> None:
    """Marks the content of `mcids` on this page as pagination artifacts instead of tagged content."""
    contents = page["Contents"]
    for reference in contents if isinstance(contents, pydyf.Array) else [contents]:
        stream = _get(pdf, reference)
        items = stream.stream
        for index, item in enumerate(items):
            if (
                isinstance(item, pydyf.Dictionary)
                and item.get("MCID") in mcids
                and index > 0
                and index + 1 < len(items)
                and items[index + 1] == b"BDC"
            ):
                items[index - 1] = "/Artifact"
                items[index] = pydyf.Dictionary({"Type": "/Pagination"})
