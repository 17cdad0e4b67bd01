"""The Sitzungsmappe's structure tree: the tagged parts' trees under one Document, parent tree renumbered."""

from __future__ import annotations

import html
import re
from typing import Any, cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
)


def _number_tree(node: Any) -> list[tuple[int, object]]:  # a dictionary of the tree or a reference to one
    """The (key, value) pairs of a number tree, its Kids flattened."""
    node = node.get_object()
    pairs = []
    nums = node.get("/Nums")
    if nums is not None:
        pairs += [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]
    for kid in node.get("/Kids", []):
        pairs += _number_tree(kid)
    return pairs


def merge(writer: PdfWriter, readers: list[PdfReader]) -> list[int]:
    """Puts each part's tree under one Document as a Part; returns the indexes of untagged parts.

    The parts' pages must already be in `writer`, in the order of `readers`; their StructParents
    and the annotations' StructParent are renumbered into one parent tree.
    """
    document = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/StructElem"),
            NameObject("/S"): NameObject("/Document"),
            NameObject("/K"): ArrayObject(),
        }
    )
    document_ref = writer._add_object(document)
    nums, next_key, first_page, untagged = ArrayObject(), 0, 0, []
    for index, reader in enumerate(readers):
        pages = writer.pages[first_page : first_page + len(reader.pages)]
        first_page += len(reader.pages)
        found = reader.root_object.get("/StructTreeRoot")
        if found is None:
            untagged.append(index)
            continue
        source = cast(DictionaryObject, found.get_object())
        renumber = {}
        for key, value in sorted(_number_tree(source["/ParentTree"]), key=lambda pair: pair[0]):
            renumber[key] = next_key
            nums += [NumberObject(next_key), cast(PdfObject, value).clone(writer)]
            next_key += 1
        for page, original in zip(pages, reader.pages):  # pypdf leaves StructParents out when it copies pages
            if "/StructParents" in original:
                page[NameObject("/StructParents")] = NumberObject(
                    renumber[int(cast(NumberObject, original["/StructParents"]))]
                )
            originals = [a.get_object() for a in original.get("/Annots", []) or []]
            for annotation, before in zip(page.get("/Annots", []) or [], originals):
                if "/StructParent" in before:
                    annotation.get_object()[NameObject("/StructParent")] = NumberObject(
                        renumber[int(before["/StructParent"])]
                    )
        kids = source["/K"]
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            part = kid.clone(writer)
            element = cast(DictionaryObject, part.get_object())
            if element.get("/S") == "/Document":
                element[NameObject("/S")] = NameObject("/Part")
            element[NameObject("/P")] = document_ref
            cast(ArrayObject, document["/K"]).append(part)
    tree = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/StructTreeRoot"),
            NameObject("/K"): document_ref,
            NameObject("/ParentTree"): writer._add_object(DictionaryObject({NameObject("/Nums"): nums})),
            NameObject("/ParentTreeNextKey"): NumberObject(next_key),
        }
    )
    tree_ref = writer._add_object(tree)
    document[NameObject("/P")] = tree_ref
    root = writer._root_object
    root[NameObject("/StructTreeRoot")] = tree_ref
    root[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    return untagged


def claim(writer: PdfWriter, cover: PdfReader, title: str, pdfua: bool, pdfa: str | None) -> None:
    """The cover's PDF/A and PDF/UA identification, output intent and document info, under the packet's title.

    Without `pdfua` (an untagged part) the packet claims no PDF/UA; `pdfa` is the PDF/A-2 level it
    claims ("U" or "B"), None for no PDF/A claim (a part that is not PDF/A).
    """
    source = cover.root_object
    info: dict[str, Any] = dict(cover.metadata or {})
    info["/Title"] = title
    writer.add_metadata(info)
    xmp = cast(StreamObject, source["/Metadata"].get_object()).get_data().decode()
    xmp = re.sub(
        r"(<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">).*?(</rdf:li>)",
        lambda m: m[1] + html.escape(title, quote=False) + m[2],
        xmp,
        count=1,
    )
    identification = r'<rdf:Description rdf:about="" pdfaid:part="(\d)" pdfaid:conformance="\w" />'
    xmp = re.sub(
        identification,
        lambda m: (
            "" if pdfa is None else f'<rdf:Description rdf:about="" pdfaid:part="{m[1]}" pdfaid:conformance="{pdfa}" />'
        ),
        xmp,
        count=1,
    )
    if not pdfua:
        xmp = re.sub(r'<rdf:Description rdf:about="" xmlns:pdfuaid=.*?</rdf:Description>', "", xmp, flags=re.S)
    metadata = StreamObject()
    metadata.set_data(xmp.encode())
    metadata[NameObject("/Type")] = NameObject("/Metadata")
    metadata[NameObject("/Subtype")] = NameObject("/XML")
    root = writer._root_object
    root[NameObject("/Metadata")] = writer._add_object(metadata)
    root[NameObject("/OutputIntents")] = source["/OutputIntents"].clone(writer)
    root[NameObject("/ViewerPreferences")] = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
