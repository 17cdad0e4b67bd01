"""LibreOffice, a program we did not write, opens every Word file of the example and of each fixture and converts it to
PDF without an error (slow tier: it builds the fixtures without a session build with their PDFs, and LibreOffice
takes seconds). The pages it sets hold every amount of the document in order, about as many pages as the PDF."""

from __future__ import annotations

import pypdf
import pytest

from tests.hilfen import FIXTURES, OHNE_SITZUNGSBAU, SITZUNGSBAUTEN, main
from tests.hilfen.word import libreoffice, zeilen
from vorlagen.migration.gedruckt import figures

pytestmark = pytest.mark.langsam  # builds repositories with their PDFs, runs LibreOffice


def _betraege(text: str) -> list[str]:
    return [f.text for f in figures(text) if f.text.endswith(("€", "%"))]


def test_libreoffice_converts_every_word_file_with_the_same_amounts(request, tmp_path):
    outs = [request.getfixturevalue(build) for build in SITZUNGSBAUTEN]
    for name in OHNE_SITZUNGSBAU:
        out = tmp_path / name
        assert main(["--data", str(FIXTURES / name), "--out", str(out)]) == 0
        outs.append(out)
    dateien = sorted(p for out in outs for p in out.rglob("*.docx"))
    assert len(dateien) >= 50
    pdfs = libreoffice(dateien, tmp_path / "libreoffice")
    assert sorted(pdfs) == dateien  # every one converted
    for docx, pdf in pdfs.items():
        pages = pypdf.PdfReader(pdf).pages
        text = "\n".join(page.extract_text() for page in pages).replace("\u00a0", " ")
        assert _betraege(text) == _betraege("\n".join(zeilen(docx.read_bytes())).replace("\u00a0", " ")), docx
        ours = len(pypdf.PdfReader(docx.with_suffix(".pdf")).pages)
        assert abs(len(pages) - ours) <= 1, docx  # line breaks differ a little; the pages do not run away
