"""Our own checks from the Matterhorn protocol (PDF/UA-1), read with pypdf: a second opinion beside veraPDF."""

from __future__ import annotations

from pathlib import Path

import pypdf
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, IndirectObject, NullObject

TEXT_OPERATORS = {b"Tj", b"TJ", b"'", b'"'}


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _elements(root) -> list[DictionaryObject]:
    """Every structure element below the StructTreeRoot, parents before children."""
    found, stack = [], [root]
    while stack:
        node = _resolve(stack.pop())
        kids = node.get("/K")
        if kids is None:
            continue
        for kid in reversed(kids if isinstance(kids, ArrayObject) else [kids]):
            kid = _resolve(kid)
            if isinstance(kid, DictionaryObject) and kid.get("/Type", "/StructElem") == "/StructElem" and "/S" in kid:
                found.append(kid)
                stack.append(kid)
    return found


def _kids(element) -> list[DictionaryObject]:
    kids = element.get("/K")
    kids = kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []
    return [k for k in (_resolve(k) for k in kids) if isinstance(k, DictionaryObject) and "/S" in k]


def problems(path: Path) -> list[str]:
    """Matterhorn failures of one PDF as 'checkpoint: what' strings; empty when it passes."""
    reader = pypdf.PdfReader(path)
    root = reader.trailer["/Root"]
    found = []
    if not bool(root.get("/MarkInfo", {}).get("/Marked")):
        found.append("01-002: nicht als getaggt markiert (MarkInfo/Marked)")
    if "/StructTreeRoot" not in root:
        return found + ["01-003: kein Strukturbaum"]
    if str(root.get("/Lang", "")) == "":
        found.append("11-006: keine Sprache (Lang)")
    if not (reader.metadata or {}).get("/Title"):
        found.append("06-003: kein Titel")
    if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle")):
        found.append("07-001: DisplayDocTitle fehlt")
    xmp = reader.xmp_metadata.stream.get_data().decode() if reader.xmp_metadata else ""
    if "pdfuaid:part" not in xmp:
        found.append("06-002: keine PDF/UA-Kennung im XMP")
    elements = _elements(root["/StructTreeRoot"])
    for element in elements:
        tag, kids = element["/S"], [k["/S"] for k in _kids(element)]
        if tag == "/L" and any(k not in ("/LI", "/Caption", "/L") for k in kids):
            found.append(f"09-005: Liste enthält {sorted(set(kids))}")
        if tag == "/LI" and any(k not in ("/Lbl", "/LBody") for k in kids):
            found.append(f"09-005: Listenpunkt enthält {sorted(set(kids))}")
        if tag == "/Table" and {"/THead", "/TFoot"} & set(kids) and "/TBody" not in kids:
            found.append("15-000: Tabelle mit Kopf oder Fuß, aber ohne Rumpf (TBody)")  # veraPDF 7.2-13/14
        if tag == "/TH":
            attributes = _resolve(element.get("/A", DictionaryObject()))
            attributes = attributes if isinstance(attributes, DictionaryObject) else DictionaryObject()
            if "/Scope" not in attributes and "/Headers" not in element:
                found.append("15-003: Tabellenkopf ohne Scope")
    linked = {id(element) for element in elements}
    parents = _parent_tree(root["/StructTreeRoot"])
    fonts = set()
    for number, page in enumerate(reader.pages, start=1):
        found += _page(page, number)
        orphans = [
            mcid
            for mcid, element in enumerate(parents.get(page.get("/StructParents"), []))
            if element is not None and id(_resolve(element)) not in linked
        ]
        if orphans:
            found.append(f"01-005: Inhalt mit MCID {orphans} auf Seite {number} hängt nicht im Strukturbaum")
        for annotation in page.get("/Annots", []) or []:
            annotation = _resolve(annotation)
            if annotation.get("/Subtype") not in ("/Popup",) and "/StructParent" not in annotation:
                found.append(f"28-002: Annotation ohne Tag auf Seite {number}")
        fonts |= _fonts(page)
    found += [f"31-001: Schrift {name} nicht eingebettet" for name in sorted(fonts)]
    return found


def _parent_tree(tree_root) -> dict[int, list]:
    """ParentTree: StructParents number → the elements of a page's MCIDs (flat Nums only, as WeasyPrint writes)."""
    nums = _resolve(_resolve(tree_root["/ParentTree"]).get("/Nums", ArrayObject()))
    result = {}
    for index in range(0, len(nums), 2):
        value = _resolve(nums[index + 1])
        if isinstance(value, ArrayObject):
            result[int(nums[index])] = [None if isinstance(_resolve(v), NullObject) else _resolve(v) for v in value]
    return result


def _page(page, number: int) -> list[str]:
    """Text outside marked content or an Artifact (Matterhorn 01-005)."""
    contents = page.get_contents()
    if contents is None:
        return []
    stack, loose = [], 0
    for operands, operator in ContentStream(contents, page.pdf).operations:
        if operator in (b"BDC", b"BMC"):
            tag = operands[0]
            props = operands[1] if len(operands) > 1 else {}
            marked = tag == "/Artifact" or (isinstance(props, dict) and "/MCID" in props)
            stack.append(marked or (bool(stack) and stack[-1]))
        elif operator == b"EMC":
            if stack:
                stack.pop()
        elif operator in TEXT_OPERATORS and not (stack and stack[-1]):
            loose += 1
    return [f"01-005: {loose} Textstücke auf Seite {number} weder getaggt noch Artefakt"] if loose else []


def _fonts(page) -> set[str]:
    missing = set()
    resources = _resolve(page.get("/Resources", DictionaryObject()))
    for font in _resolve(resources.get("/Font", DictionaryObject())).values():
        font = _resolve(font)
        descriptors = [font]
        if font.get("/Subtype") == "/Type0":
            descriptors = [_resolve(d) for d in font["/DescendantFonts"]]
        for descriptor_font in descriptors:
            descriptor = _resolve(descriptor_font.get("/FontDescriptor", DictionaryObject()))
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont")))
    return missing
