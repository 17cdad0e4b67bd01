"""The pages of a Word file as the PDF's: a table the PDF sets on landscape pages (too wide, or marked with
{{ querformat }}) stands in a landscape section, the text around it on upright pages; an Anlage on landscape pages
is landscape throughout; and a Sitzung's Niederschrift and Auszüge come with their Word files."""

from __future__ import annotations

import pypdf
from docx.enum.section import WD_ORIENT
from docx.table import Table

from tests.hilfen.word import W, gelesen, zellen


def _abschnitte(data: bytes) -> list[tuple[bool, list[str]]]:
    """Per section of the body: whether it is landscape, and the first cell of each of its tables."""
    document = gelesen(data)
    quer = [s.orientation == WD_ORIENT.LANDSCAPE for s in document.sections]
    found: list[tuple[bool, list[str]]] = [(quer[0], [])]
    for child in document.element.body:
        if child.tag == f"{W}tbl":
            found[-1][1].append(zellen(Table(child, document))[0][0])
        elif child.tag == f"{W}p" and child.find(f"{W}pPr/{W}sectPr") is not None:
            found.append((quer[len(found)], []))
    return found


def _querseiten(pdf) -> str:
    """The text of the PDF's landscape pages, its lines joined with spaces."""
    pages = pypdf.PdfReader(pdf).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages if p.mediabox.width > p.mediabox.height)


def test_a_table_the_pdf_sets_in_landscape_is_in_a_landscape_section(built_weserbruch):
    folder = built_weserbruch / "vorlagen" / "2023-0232"
    abschnitte = _abschnitte((folder / "2023-0232.docx").read_bytes())
    assert [quer for quer, _ in abschnitte] == [False, True, False]
    quer_pdf = _querseiten(folder / "2023-0232.pdf")
    (_, wide) = abschnitte[1]
    assert wide == ["Lfd. Nr."] and "Lfd. Nr." in quer_pdf  # the PDF's landscape page shows this table
    document = gelesen((folder / "2023-0232.docx").read_bytes())
    upright, landscape = document.sections[0], document.sections[1]
    assert (landscape.page_width, landscape.page_height) == (upright.page_height, upright.page_width)
    assert landscape.left_margin == upright.left_margin and landscape.header.paragraphs[0].text


def test_an_anlage_on_landscape_pages_is_landscape_throughout(built_weserbruch):
    (anlage,) = (built_weserbruch / "vorlagen" / "2023-0232").glob("anlage-1-*.docx")
    abschnitte = _abschnitte(anlage.read_bytes())
    assert [quer for quer, _ in abschnitte] == [True]
    assert all(p.mediabox.width > p.mediabox.height for p in pypdf.PdfReader(anlage.with_suffix(".pdf")).pages)


def test_the_niederschrift_and_every_auszug_come_with_their_word_files(built):
    public = built / "sitzungen" / "ASI-2021-06-10"
    internal = built / "intern" / "sitzungen" / "ASI-2021-06-10"
    assert (public / "niederschrift.docx").is_file() and (internal / "niederschrift.docx").is_file()
    assert sorted(p.stem for p in internal.glob("auszug-*.docx")) == sorted(
        p.stem for p in internal.glob("auszug-*.pdf")
    )
    assert not list(public.glob("auszug-*")) and not list(public.glob("tagesordnung.docx"))  # Auszüge are internal
    text = "\n".join(p.text for p in gelesen((public / "niederschrift.docx").read_bytes()).paragraphs)
    assert "Nichtöffentlicher Teil" in text and "Es folgte ein nichtöffentlicher Teil" in text
    intern = gelesen((internal / "niederschrift.docx").read_bytes())
    assert len(intern.paragraphs) > len(gelesen((public / "niederschrift.docx").read_bytes()).paragraphs)
