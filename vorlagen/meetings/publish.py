"""The publish bundle of a Sitzung: public PDFs under safe names, oparl.json and SHA256SUMS."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import PurePosixPath

from vorlagen.meetings.tagesordnung import SitzungDoc

CHECKSUMS = "SHA256SUMS"
OPARL = "oparl.json"


def bundle(
    doc: SitzungDoc,
    agenda_pdf: bytes,
    packet_pdf: bytes,
    read: Callable[[PurePosixPath], bytes],
    minutes_pdf: bytes | None = None,
) -> dict[str, bytes]:
    """File name → content of the bundle's PDFs: only public documents; `read` gives an output file of this build,
    `minutes_pdf` the public Niederschrift once there is one (the Meeting's resultsProtocol).

    The names are the `fileName`s of the same files in the OParl endpoint (see oparl.py).
    """
    files: dict[str, bytes] = {"tagesordnung.pdf": agenda_pdf, "sitzungsmappe.pdf": packet_pdf}
    if minutes_pdf is not None:
        files["niederschrift.pdf"] = minutes_pdf
    for punkt in doc.teil(intern=False):
        if punkt.doc is None or not punkt.doc.oeffentlich:
            continue
        base = f"vorlage-{punkt.doc.source.slug}"
        files[f"{base}.pdf"] = read(punkt.doc.folder / f"{punkt.doc.source.slug}.pdf")
        for anlage in punkt.doc.anlagen:
            if anlage.oeffentlich:
                files[f"{base}-anlage-{anlage.nummer}.pdf"] = read(anlage.datei)
    return files


def checksums(files: dict[str, bytes]) -> bytes:
    """SHA256SUMS over the bundle's other files, for `sha256sum -c`."""
    return "".join(
        f"{hashlib.sha256(content).hexdigest()}  {name}\n"
        for name, content in sorted(files.items())
        if name != CHECKSUMS
    ).encode()
