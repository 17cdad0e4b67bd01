"""The text of a PDF for `git diff`: the Textfassung we stored in it, or else the text pypdf extracts."""

from __future__ import annotations

import logging
from pathlib import Path

import pypdf
from pypdf.generic import DictionaryObject, StreamObject

from vorlagen.core.problems import Problem, Where, os_error_reason
from vorlagen.render.conformance import TEXT_PIECE

TEXT_ATTACHMENT = "textfassung.txt"  # where PDFs built before PDF/A-2 (as PDF/A-3) carried it: an attached file


def _stored(reader: pypdf.PdfReader) -> str | None:
    """The Textfassung from the first page's piece dictionary or, in older PDFs, the attached file."""
    private = reader.pages[0] if reader.pages else None
    for key in ("/PieceInfo", "/" + TEXT_PIECE, "/Private"):
        private = private.get(key) if isinstance(private, DictionaryObject) else None
        private = private.get_object() if private is not None else None
    if isinstance(private, StreamObject):
        return private.get_data().decode("utf-8", errors="replace")
    embedded = reader.attachments.get(TEXT_ATTACHMENT)
    return embedded[0].decode("utf-8") if embedded else None


def pdf_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of the PDF at `path` (for `git diff`), or None and why it cannot be read."""
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its English warnings ("EOF marker not found") stay out
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted:
            return None, [
                Problem(
                    Where(str(path)),
                    "Die PDF-Datei ist verschlüsselt (Kennwortschutz) – ihr Text "
                    "lässt sich nicht lesen; speichern Sie sie ohne Kennwort.",
                )
            ]
        stored = _stored(reader)
        if stored is not None:
            return stored, []
        return "\n".join(page.extract_text() for page in reader.pages) + "\n", []
    except OSError as error:  # German, never the library's English text
        return None, [Problem(Where(str(path)), f"{os_error_reason(error)} – prüfen Sie den Pfad der PDF-Datei.")]
    except pypdf.errors.PyPdfError:
        return None, [
            Problem(
                Where(str(path)),
                "Die Datei ist keine lesbare PDF-Datei – ist sie beschädigt? Speichern oder exportieren Sie sie neu.",
            )
        ]
