"""A Sitzung's publish bundle as the Sitzungsdienst sees it before publishing: the files the build put in
publish/<id>/ (meetings/publish.py decides what goes in – only public documents, never an ENTWURF), each with what it
is and to which Vorlage it belongs, the agenda's TOPs that stay out, and the bundle as one ZIP file to hand on."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from vorlagen.meetings.publish import CHECKSUMS, OPARL, PUBLISH

NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,200}")  # the bundle's file names (meetings/publish.py: safe names)
ZEIT = (1980, 1, 1, 0, 0, 0)  # every member of the ZIP: the same bytes for the same bundle
FEST = {
    "tagesordnung.pdf": "Tagesordnung (öffentlicher Teil)",
    "sitzungsmappe.pdf": "Sitzungsmappe (öffentlicher Teil)",
    "niederschrift.pdf": "Niederschrift (öffentlicher Teil)",
    "niederschrift.docx": "Niederschrift als Word-Datei (öffentlicher Teil)",
    OPARL: "OParl: die Sitzung, ihre öffentlichen Vorlagen und die Gremien",
    CHECKSUMS: "Prüfsummen aller Dateien (sha256sum -c SHA256SUMS)",
}


@dataclass(frozen=True)
class Datei:
    name: str
    groesse: int
    inhalt: str  # what it is, in words
    vorlage: str  # the Bezeichnung of its Vorlage, "" for the Sitzung's own files
    oeffentlich: bool  # its Vorlage is public (every file of a bundle the build made is)


def ordner(ausgabe: Path, kennung: str) -> Path:
    return ausgabe / PUBLISH / kennung


def dateien(ausgabe: Path, kennung: str, vorlagen: dict[str, tuple[str, bool]]) -> list[Datei]:
    """The files of the bundle as the last build made it (none when it has none): those its SHA256SUMS names, then
    oparl.json and SHA256SUMS itself. `vorlagen`: output folder (slug) → (Bezeichnung, öffentlich)."""
    wo = ordner(ausgabe, kennung)
    try:
        summen = (wo / CHECKSUMS).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    namen = [z.split("  ", 1)[1] for z in summen.splitlines() if "  " in z]
    namen += [n for n in (OPARL, CHECKSUMS) if n not in namen]
    gefunden = []
    for name in namen:
        pfad = wo / name
        if not NAME.fullmatch(name) or not pfad.is_file() or pfad.is_symlink():
            continue
        gefunden.append(_datei(name, pfad.stat().st_size, vorlagen))
    return gefunden


def _datei(name: str, groesse: int, vorlagen: dict[str, tuple[str, bool]]) -> Datei:
    if name in FEST:
        return Datei(name, groesse, FEST[name], "", True)
    stamm, _, endung = name.rpartition(".")
    art = "Word-Datei" if endung == "docx" else "PDF"
    for slug, (bezeichnung, oeffentlich) in sorted(vorlagen.items(), key=lambda v: -len(v[0])):
        basis = f"vorlage-{slug}"
        if stamm == basis:
            return Datei(name, groesse, f"Vorlage {bezeichnung} ({art})", bezeichnung, oeffentlich)
        anlage = re.fullmatch(rf"{re.escape(basis)}-anlage-(\d+)", stamm)
        if anlage:
            return Datei(
                name, groesse, f"Anlage {anlage[1]} zur Vorlage {bezeichnung} ({art})", bezeichnung, oeffentlich
            )
    return Datei(name, groesse, art, "", True)


def zip_datei(ausgabe: Path, kennung: str, namen: list[str]) -> bytes:
    """The bundle's files as one ZIP in a folder named after the Sitzung, the same bytes for the same files."""
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w", zipfile.ZIP_DEFLATED) as archiv:
        for name in namen:
            info = zipfile.ZipInfo(f"{kennung}/{name}", ZEIT)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archiv.writestr(info, (ordner(ausgabe, kennung) / name).read_bytes())
    return puffer.getvalue()
