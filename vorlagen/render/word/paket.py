"""The package of a Word file: its parts in a ZIP archive in a fixed order with a fixed time stamp (the document's
date, as the PDF's SOURCE_DATE_EPOCH), the relationships between them, the content types and the document's
properties – the same sources give the same bytes, wherever and whenever built."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from io import BytesIO

from vorlagen.render.word.wml import esc

PAKET = "http://schemas.openxmlformats.org/package/2006/relationships"
DOKUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml"
MIME = WORD + ".document"  # the .docx file itself (OParl File.mimeType)
ARTEN = {  # part name → content type (the media by their ending, see _content_types)
    "word/document.xml": WORD + ".document.main+xml",
    "word/styles.xml": WORD + ".styles+xml",
    "word/settings.xml": WORD + ".settings+xml",
    "word/numbering.xml": WORD + ".numbering+xml",
    "word/fontTable.xml": WORD + ".fontTable+xml",
    "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
}
MEDIEN = {"png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml"}
ERSTES_DATUM = dt.date(1980, 1, 1)  # ZIP cannot stamp an earlier day


class Beziehungen:
    """The relationships of word/document.xml: the fixed parts, each link target and each image, with ids that
    follow the order in which the document names them."""

    def __init__(self) -> None:
        self.feste: list[tuple[str, str, str]] = []  # (id, type, target)
        self.links: dict[str, str] = {}  # URL → id
        self.medien: dict[str, tuple[str, str, bytes]] = {}  # digest → (id, part name, content)

    def fest(self, rid: str, art: str, ziel: str) -> None:
        self.feste.append((rid, art, ziel))

    def link(self, url: str) -> str:
        return self.links.setdefault(url, f"link{len(self.links) + 1}")

    def bild(self, data: bytes, endung: str) -> str:
        key = hashlib.sha256(data).hexdigest()
        if key not in self.medien:
            number = len(self.medien) + 1
            self.medien[key] = (f"bild{number}", f"word/media/bild{number}.{endung}", data)
        return self.medien[key][0]

    def xml(self) -> bytes:
        rows = [f'<Relationship Id="{rid}" Type="{DOKUMENT}/{art}" Target="{ziel}"/>' for rid, art, ziel in self.feste]
        rows += [
            f'<Relationship Id="{rid}" Type="{DOKUMENT}/hyperlink" Target="{esc(url)}" TargetMode="External"/>'
            for url, rid in self.links.items()
        ]
        rows += [
            f'<Relationship Id="{rid}" Type="{DOKUMENT}/image" Target="{name.removeprefix("word/")}"/>'
            for rid, name, _ in self.medien.values()
        ]
        return _rels(rows)


def _rels(rows: list[str]) -> bytes:
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PAKET}">'
    return (head + "".join(rows) + "</Relationships>").encode("utf-8")


def paket_rels() -> bytes:
    return _rels(
        [
            f'<Relationship Id="dokument" Type="{DOKUMENT}/officeDocument" Target="word/document.xml"/>',
            f'<Relationship Id="kern" Type="{PAKET}/metadata/core-properties" Target="docProps/core.xml"/>',
            f'<Relationship Id="programm" Type="{DOKUMENT}/extended-properties" Target="docProps/app.xml"/>',
        ]
    )


def kern(titel: str, autor: str, beschreibung: str, datum: dt.date) -> bytes:
    """docProps/core.xml: title, author, subject, language and the document's date as created and modified."""
    stamp = f"{datum.isoformat()}T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(titel)}</dc:title><dc:subject>{esc(beschreibung)}</dc:subject>"
        f"<dc:creator>{esc(autor)}</dc:creator><dc:language>de-DE</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def programm() -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        b"<Application>vorlagen</Application></Properties>"
    )


def _content_types(names: list[str]) -> bytes:
    endungen = sorted({name.rsplit(".", 1)[1] for name in names if name.startswith("word/media/")})
    rows = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>']
    rows += ['<Default Extension="xml" ContentType="application/xml"/>']
    rows += [f'<Default Extension="{e}" ContentType="{MEDIEN[e]}"/>' for e in endungen]
    for name in names:
        art = ARTEN.get(name) or (
            f"{WORD}.{'header' if 'header' in name else 'footer'}+xml"
            if name.startswith(("word/header", "word/footer"))
            else None
        )
        if art:
            rows.append(f'<Override PartName="/{name}" ContentType="{art}"/>')
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    return (head + "".join(rows) + "</Types>").encode("utf-8")


def zip_bytes(teile: list[tuple[str, bytes]], datum: dt.date) -> bytes:
    """The archive: [Content_Types].xml first, then the parts in the order given, each stamped with `datum`."""
    stamp = max(datum, ERSTES_DATUM)
    buffer = BytesIO()
    parts = [("[Content_Types].xml", _content_types([name for name, _ in teile])), *teile]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts:
            info = zipfile.ZipInfo(name, date_time=(stamp.year, stamp.month, stamp.day, 0, 0, 0))
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0o644 << 16
            archive.writestr(info, content, compresslevel=6)
    return buffer.getvalue()
