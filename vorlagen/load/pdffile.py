"""Checks a PDF Anlage when it is read, so that a broken one fails the build, not the packet on meeting day."""

from __future__ import annotations

import io
import logging

from vorlagen.core.problems import Problem, Where


def check_pdf(content: bytes, name: str, where: Where) -> list[Problem]:
    """Why the PDF `name` (named at `where`) cannot be passed through."""
    reason = _reason(content)
    return [Problem(where, f"„{name}“ {reason}")] if reason else []


def _reason(content: bytes) -> str | None:
    """Why a PDF cannot be passed through (German, ends with what to do), or None."""
    if not content.startswith(b"%PDF-"):
        return "ist keine PDF-Datei – speichern Sie die Anlage als PDF."
    if b"%%EOF" not in content[-2048:]:
        return "ist unvollständig (das Dateiende fehlt) – speichern oder kopieren Sie die PDF-Datei neu."
    import pypdf  # only when there are PDF Anlagen

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            return (
                "ist verschlüsselt (Kennwortschutz) – speichern Sie sie ohne Kennwort und ohne "
                "Einschränkungen, z. B. über „Drucken als PDF“."
            )
        pages = len(reader.pages)
    except Exception:  # noqa: BLE001 – any failure to read it is a broken file
        return "ist beschädigt und lässt sich nicht lesen – speichern oder exportieren Sie die PDF-Datei neu."
    if pages == 0:
        return "hat keine Seiten – exportieren Sie das Dokument neu als PDF."
    return None
