"""Reading a PDF as a person reads it: its text with line breaks, hyphenation and non-breaking spaces folded."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf


def pdf_text(path: Path) -> str:
    """The text of a PDF with line breaks, hyphenation and non-breaking spaces folded."""
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    text = text.replace("\u2010\n", "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text)
