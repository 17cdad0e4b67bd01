"""The text of a PDF for `git diff`: the embedded Textfassung, or else the text pypdf extracts."""

from __future__ import annotations

from pathlib import Path

import pypdf

from vorlagen.core.problems import BuildFailed, Problem, Where

TEXT_ATTACHMENT = "textfassung.txt"  # the name render_pdf gives the embedded plain-text rendition


def pdf_text(path: Path) -> str:
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted:
            raise BuildFailed([Problem(Where(str(path)), "Die PDF-Datei ist verschlüsselt (Kennwortschutz) – ihr Text "
                                                         "lässt sich nicht lesen; speichern Sie sie ohne Kennwort.")])
        embedded = reader.attachments.get(TEXT_ATTACHMENT)
        if embedded:
            return embedded[0].decode("utf-8")
        return "\n".join(page.extract_text() for page in reader.pages) + "\n"
    except (OSError, pypdf.errors.PdfReadError) as error:
        raise BuildFailed([Problem(Where(str(path)), f"Die PDF-Datei lässt sich nicht lesen ({error}).")]) from None
