"""What a part of the Sitzungsmappe lets the whole claim: tags (PDF/UA) and PDF/A, read from the part itself."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

# An external part's PDF/A identification in its XMP, written as attribute or as element.
_PART = re.compile(r"pdfaid:part(?:\s*=\s*[\"']|>)\s*(\d)")
_LEVEL = re.compile(r"pdfaid:conformance(?:\s*=\s*[\"']|>)\s*([A-Za-z])")


@dataclass(frozen=True)
class Anspruch:
    """What one part supports: tagged or not, and the PDF/A level it brings into the Mappe (None: none)."""

    getaggt: bool
    pdfa: str | None  # "U" (Unicode text, level a or u) or "B"; None when the Mappe cannot claim PDF/A with it
    grund: str = ""  # why pdfa is None, for the warning: "ist kein PDF/A", …


def anspruch(reader: PdfReader) -> Anspruch:
    """The claims a part supports in a PDF/A-2 Mappe with an sRGB output intent."""
    root = reader.root_object
    mark = root.get("/MarkInfo")
    getaggt = "/StructTreeRoot" in root and isinstance(mark, DictionaryObject) and bool(mark.get("/Marked"))
    part, level = _identification(root)
    if part not in ("1", "2", "3"):
        return Anspruch(getaggt, None, "ist kein PDF/A")
    if part == "3" and _carries_files(root):
        return Anspruch(getaggt, None, "ist PDF/A-3 mit eingebetteten Dateien, die PDF/A-2 nicht erlaubt")
    if not _screen_colours(root):
        return Anspruch(getaggt, None, "ist PDF/A mit einem Druckfarbprofil (CMYK), die Mappe mit sRGB")
    return Anspruch(getaggt, "U" if level in ("A", "U") else "B")


def stufe(ansprueche: list[Anspruch]) -> str | None:
    """The Mappe's PDF/A level: U when every part has Unicode text, B when some part only claims B, else None."""
    levels = {a.pdfa for a in ansprueche}
    if None in levels:
        return None
    return "B" if "B" in levels else "U"


def _identification(root: DictionaryObject) -> tuple[str | None, str | None]:
    metadata = root.get("/Metadata")
    metadata = metadata.get_object() if metadata is not None else None
    if not isinstance(metadata, StreamObject):
        return None, None
    xmp = metadata.get_data().decode("utf-8", errors="replace")
    part, level = _PART.search(xmp), _LEVEL.search(xmp)
    return (part[1] if part else None), (level[1].upper() if level else None)


def _carries_files(root: DictionaryObject) -> bool:
    """True when an embedded file hangs on a page or structure element, where merging the pages takes it along.

    Files attached to the catalog (as our own PDF/A-3 Textfassung was) stay behind when the pages are merged.
    """
    seen, stack = set(), [root.get("/Pages"), root.get("/StructTreeRoot")]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            if "/EF" in item:
                return True
            stack += [value for key, value in item.items() if key not in ("/Parent", "/P")]
        elif isinstance(item, ArrayObject):
            stack += list(item)
    return False


def _screen_colours(root: DictionaryObject) -> bool:
    """No output intent of the part, or one with a grey or RGB profile: the Mappe's sRGB intent covers its colours."""
    intents = root.get("/OutputIntents")
    for intent in intents.get_object() if intents is not None else []:
        profile = intent.get_object().get("/DestOutputProfile")
        if profile is not None and int(profile.get_object().get("/N", 3)) not in (1, 3):
            return False
    return True


def warnungen(anspruch: Anspruch, source: str, sitzung_id: str) -> list[str]:
    """What a public PDF Anlage handed in as a file costs the public Mappe (PDF/UA, PDF/A), named with the file."""
    found = []
    if not anspruch.getaggt:
        found.append(
            f"{source}: Die PDF-Anlage ist nicht getaggt – die öffentliche Sitzungsmappe "
            f"{sitzung_id} und das Veröffentlichungspaket sind damit nicht barrierefrei "
            "(PDF/UA); ersetzen Sie die Anlage durch ein getaggtes PDF."
        )
    if anspruch.pdfa is None:
        found.append(
            f"{source}: Die PDF-Anlage {anspruch.grund} – die öffentliche Sitzungsmappe "
            f"{sitzung_id} und das Veröffentlichungspaket sind damit nicht archivierbar "
            "(PDF/A); ersetzen Sie die Anlage durch ein PDF/A-2-Dokument (beim Speichern "
            "„PDF/A“ wählen)."
        )
    return found
