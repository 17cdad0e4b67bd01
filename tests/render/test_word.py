"""The Word file of a Vorlage (render/word/, issue 48), read back by python-docx: the same text and figures as the text
rendition and the PDF, every table a Word table with the print's cells, Word's own styles with the Hausstil's look,
the PDF's pages, German and hyphenated, byte-identical for the same print."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pypdf
import pytest
import tinyhtml5
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from tests.hilfen import DATA, WIESENBRUECK, composed
from tests.hilfen.word import falten, gelesen, tabellen, zeilen
from tests.referenz.beispiel import EIGENANTEILE
from tests.referenz.rechnen import euro
from vorlagen.load.satz import Satz
from vorlagen.migration.gedruckt import figures
from vorlagen.render.word import ohne_satz, worddatei

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def beispiel(built):
    """The example's Vorlage 2021/0123: its document, and the PDF and Word file of the session's build."""
    folder = built / "vorlagen" / "2021-0123"
    return composed(DATA), (folder / "2021-0123.pdf").read_bytes(), (folder / "2021-0123.docx").read_bytes()


def _zahlen(lines) -> list[str]:
    return [f.text for line in lines for f in figures(line)]


def test_the_word_file_prints_every_figure_of_the_text_rendition_and_the_pdf(beispiel):
    doc, pdf, data = beispiel
    im_word = _zahlen(zeilen(data))
    assert im_word == _zahlen(doc.text.splitlines())
    pdf_text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    betraege = [z for z in im_word if z.endswith(("€", "%"))]  # every amount and share (the PDF's text has page
    assert len(betraege) == 87  # numbers and running headers between them, and its list numbers are no text)
    assert betraege == [z for z in _zahlen(pdf_text.replace("\u00a0", " ").splitlines()) if z.endswith(("€", "%"))]
    for eigenanteil in EIGENANTEILE:  # seed 000, the paper's slips corrected
        assert f"= {euro(eigenanteil)}" in {cell for t in tabellen(data) for r in t for cell in r}


def _html_tabellen(html: str) -> list[list[list[str]]]:
    """Every table of the print HTML: its rows of cells, each cell's text with its white space folded."""
    root = tinyhtml5.parse(html, namespace_html_elements=False)
    for br in root.iter("br"):
        br.tail = " " + (br.tail or "")
    found = []
    for table in root.iter("table"):
        rows = [tr for tr in table.iter("tr")]
        found.append([[falten("".join(c.itertext())) for c in tr if c.tag in ("td", "th")] for tr in rows])
    return found


def test_every_table_of_the_print_is_a_word_table_with_its_cells(beispiel):
    doc, _, data = beispiel
    expected = _html_tabellen(doc.print_html)
    assert len(expected) == 11  # Kopfdaten, Beratungsfolge, Verteilung, five Berechnungen, Übersicht, Haushalt, Deckung
    assert tabellen(data) == expected


def _tabelle(document, first_cell: str):
    return next(t for t in document.tables if t.rows[0].cells[0].text == first_cell)


def test_amounts_stand_right_the_head_repeats_and_the_sum_is_set_apart(beispiel):
    document = gelesen(beispiel[2])
    table = _tabelle(document, "Berechnung")
    head, first, *_, summe = table.rows
    assert head._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert first._tr.find(f"{W}trPr/{W}tblHeader") is None
    assert [c.text for c in first.cells] == [
        "3,5 x 115.418\u00a0€ (E11 für 13 Monate)",
        "403.963\u00a0€",
        "Gesamtkosten",
    ]
    assert [c.paragraphs[0].alignment for c in first.cells] == [None, WD_ALIGN_PARAGRAPH.RIGHT, None]
    assert summe.cells[1].text == "= 158.644\u00a0€"
    assert all(run.bold for run in summe.cells[1].paragraphs[0].runs)
    assert not any(run.bold for run in first.cells[1].paragraphs[0].runs)
    top = summe.cells[1]._tc.find(f"{W}tcPr/{W}tcBorders/{W}top")
    assert top.get(f"{W}val") == "single" and top.get(f"{W}sz") == "8"  # 1 pt, as vorlage.css draws it
    # no row breaks over two pages, and the row before a sum stays with it
    assert all(row._tr.find(f"{W}trPr/{W}cantSplit") is not None for row in table.rows)
    assert table.rows[-2].cells[0].paragraphs[0].paragraph_format.keep_with_next


def test_the_styles_are_words_own_with_the_hausstils_font_colour_and_size(beispiel):
    document = gelesen(beispiel[2])
    styles = {s.style_id: s for s in document.styles}
    assert {"Normal", "Heading1", "Heading2", "Heading3", "Caption", "TableGrid", "ListParagraph"} <= set(styles)
    assert styles["Heading2"].name == "Heading 2"  # Word shows „Überschrift 2“
    assert styles["TableGrid"].name == "Table Grid"  # „Tabellenraster“
    assert styles["Heading2"].font.color.rgb == RGBColor(0x00, 0x59, 0x9C)  # data/koerperschaft.yaml: akzentfarbe
    assert styles["Heading2"].font.name == "Liberation Sans"
    assert styles["Heading2"].font.size == Pt(11.5) and styles["Heading1"].font.size == Pt(14)
    assert styles["TableGrid"].font.size == Pt(9.5)
    heading = next(p for p in document.paragraphs if p.text == "Beratungsfolge")
    assert heading.style.style_id == "Heading2"
    titles = [p.text for p in document.paragraphs if p.style.style_id == "Heading1"]
    assert titles == [
        doc_betreff := "Kommunales Integrationsmanagement (KIM) – Stellenbesetzung und Finanzierung bis Ende 2022"
    ]
    assert doc_betreff in beispiel[0].print_html
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}sz").get(f"{W}val") == "21" and defaults.find(f"{W}lang").get(f"{W}val") == "de-DE"


def test_the_pages_are_the_pdfs(beispiel):
    document = gelesen(beispiel[2])
    (section,) = document.sections
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)  # Word's A4
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert abs(section.left_margin - Mm(25)) < Mm(0.1) and abs(section.right_margin - Mm(20)) < Mm(0.1)
    assert abs(section.bottom_margin - Mm(22)) < Mm(0.1)
    assert abs(section.top_margin - Mm(15)) < Mm(0.1)  # the title page's; the header keeps the others' 22 mm
    assert section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == "Rhein-Sieg-Kreis – Vorlage 2021/0123 vom 27.05.2021"
    assert not section.first_page_header.paragraphs[0].text
    fields = [f.get(f"{W}instr").strip() for f in section.footer._element.iter(f"{W}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"] and section.footer.paragraphs[0].text.startswith("Seite ")


def test_german_hyphenated_with_amount_and_unit_kept_together(beispiel):
    data = beispiel[2]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        settings = archive.read("word/settings.xml").decode()
        core = archive.read("docProps/core.xml").decode()
    assert "<w:autoHyphenation/>" in settings
    assert "<dc:language>de-DE</dc:language>" in core
    text = "\n".join(zeilen(data))
    assert "zwischen 510.330\u00a0€ und 578.466\u00a0€" in text and "7\u00a0VZÄ" in text
    assert not re.search(r"\d €", text)  # never an ordinary space between an amount and its unit
    document = gelesen(data)
    heading = next(p for p in document.paragraphs if p.text == "Beratungsfolge")  # headings are not hyphenated
    assert heading.style.element.find(f"{W}pPr/{W}suppressAutoHyphens") is not None


def test_the_same_print_gives_the_same_bytes_stamped_with_the_documents_date(beispiel):
    doc, _, data = beispiel
    bild = ohne_satz(doc.print_html)
    once = worddatei(bild, doc.source.stand, Satz().woerter)
    assert worddatei(ohne_satz(doc.print_html), doc.source.stand, Satz().woerter) == once
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(2021, 5, 27, 0, 0, 0)}  # the Vorlage's date, not the clock
    assert gelesen(data).core_properties.created == dt.datetime(2021, 5, 27, tzinfo=dt.UTC)
    later = worddatei(ohne_satz(doc.print_html), dt.date(2021, 6, 1), Satz().woerter)
    assert later != once
    assert gelesen(data).core_properties.title == "Beschlussvorlage 2021/0123: " + doc.source.vorlage.betreff


def test_without_a_layout_the_word_file_has_the_same_figures_and_tables(beispiel):
    """The stand-in renderer of the tests (without a layout: the page head is paragraphs, not boxes side by side)."""
    doc, _, data = beispiel
    plain = worddatei(ohne_satz(doc.print_html), doc.source.stand)
    assert _zahlen(zeilen(plain)) == _zahlen(zeilen(data))
    assert tabellen(plain) == tabellen(data)


def test_a_word_file_of_an_anlage_and_a_vorlage_with_a_pdf_anlage_names_it(beispiel):
    doc, _, data = beispiel
    (anlage,) = doc.anlagen
    assert "Anlage 1: Handlungskonzept Kommunales Integrationsmanagement" in zeilen(data)
    word = worddatei(ohne_satz(anlage.html), doc.source.stand)
    assert _zahlen(zeilen(word)) == _zahlen((anlage.text or "").splitlines())
    assert zeilen(word)[zeilen(word).index("Handlungskonzept Kommunales Integrationsmanagement") - 1].startswith(
        "zur Beschlussvorlage 2021/0123 vom 27.05.2021"
    )


def test_house_words_break_as_the_house_breaks_them():
    html = (
        '<html lang="de"><body><main><p>Die Kreisumlage und die KGSt, Kreisumlagen und Kreisumlagebescheide.</p>'
        "</main></body></html>"
    )
    data = worddatei(ohne_satz(html), dt.date(2021, 5, 27), Satz().woerter)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = re.sub(r"</?w:t\b[^>]*>", "", archive.read("word/document.xml").decode())
    assert "Kreis<w:softHyphen/>um<w:softHyphen/>la<w:softHyphen/>ge" in body  # STANDARD_TRENNEN: Kreis-um-la-ge
    assert "Kreis<w:softHyphen/>um<w:softHyphen/>la<w:softHyphen/>gen" in body  # a form of it
    assert "<w:noProof/></w:rPr>KGSt</w:r>" in body  # never broken: not proofed, not hyphenated
    assert "Kreisumlagebescheide" in body  # a compound the house does not name: Word's own hyphenation
    assert zeilen(data) == ["Die Kreisumlage und die KGSt, Kreisumlagen und Kreisumlagebescheide."]


def test_an_image_of_a_text_is_in_the_word_file(tmp_path):
    from PIL import Image

    bild = tmp_path / "plan.png"
    Image.new("RGB", (40, 20), "red").save(bild)
    html = f'<html><body><main><p>Lageplan: <img src="{bild.as_uri()}" alt="Lageplan"></p></main></body></html>'
    data = worddatei(ohne_satz(html), dt.date(2021, 5, 27), lesen=lambda url: bild.read_bytes())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read("word/media/bild1.png") == bild.read_bytes()
        assert 'descr="Lageplan"' in archive.read("word/document.xml").decode()
    assert gelesen(data).inline_shapes[0].width > 0
    assert zeilen(worddatei(ohne_satz(html), dt.date(2021, 5, 27))) == ["Lageplan:"]  # unreadable: left out


def test_a_link_of_the_print_is_a_word_hyperlink():
    html = '<html><body><main><p>Siehe <a href="https://example.org/a?b=1&amp;c=2">die Anlage</a>.</p></main></body></html>'
    data = worddatei(ohne_satz(html), dt.date(2021, 5, 27))
    (paragraph,) = gelesen(data).paragraphs
    assert paragraph.text == "Siehe die Anlage."
    (link,) = paragraph.hyperlinks
    assert link.url == "https://example.org/a?b=1&c=2" and link.text == "die Anlage"


def test_text_xml_cannot_hold_is_left_out_and_markup_is_text():
    html = '<html><body><main><p>a &lt;b&gt; &amp; "c" \x0b d</p></main></body></html>'
    data = worddatei(ohne_satz(html), dt.date(2021, 5, 27))
    assert zeilen(data) == ['a <b> & "c" d']


@pytest.mark.parametrize("kaputt", ["<html></html>", "", "<p>ohne Körper</p>"])
def test_a_document_without_a_body_still_gives_a_word_file(kaputt):
    data = worddatei(ohne_satz(kaputt), dt.date(2021, 5, 27))
    assert gelesen(data).sections[0].page_width.twips == 11906
    assert zeilen(data) == ([] if "ohne" not in kaputt else ["ohne Körper"])


def test_the_word_files_of_a_house_style_with_its_own_font(built_wiesenbrueck):
    data = (built_wiesenbrueck / "vorlagen" / "231-2024" / "231-2024.docx").read_bytes()
    document = gelesen(data)
    styles = {s.style_id: s for s in document.styles}
    assert styles["Heading2"].font.name == "Liberation Serif"
    assert styles["Heading2"].font.color.rgb == RGBColor(0x2E, 0x6B, 0x30)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        fonts = archive.read("word/fontTable.xml").decode()
        svg = [n for n in archive.namelist() if n.endswith(".svg")]
        assert svg and archive.read(svg[0]) == Path(WIESENBRUECK / "stil" / "wappen.svg").read_bytes()
    assert '<w:font w:name="Liberation Serif"><w:altName w:val="Times New Roman"/>' in fonts


def test_an_entwurf_says_so_in_word_as_in_the_pdf(data):
    """A sign-off stale: the Word file begins with the ENTWURF line and carries the watermark on every page; signed
    again, neither (the marks come with the print HTML the Word file is made from)."""
    from tests.hilfen import edit, freigeben

    edit(
        data / "vorlagen/2021-0123/erlaeuterungen.md",
        "Feste Wochentage je Kommune",
        "Feste Wochentage in jeder Kommune",
    )
    doc = composed(data)
    assert doc.entwurf
    word = worddatei(ohne_satz(doc.print_html), doc.source.stand)
    assert zeilen(word)[0] == "ENTWURF – noch nicht freigegeben; Mitzeichnung ausstehend: Kämmerei (veraltet)"
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        headers = [archive.read(f"word/header{n}.xml").decode() for n in (1, 2)]
    assert all('string="ENTWURF"' in header for header in headers)  # the running header and the title page's
    freigeben(data)
    signed = worddatei(ohne_satz(composed(data).print_html), doc.source.stand)
    assert not any("ENTWURF" in line for line in zeilen(signed))
    with zipfile.ZipFile(io.BytesIO(signed)) as archive:
        assert "ENTWURF" not in archive.read("word/header1.xml").decode()


@pytest.mark.parametrize("tiefe", [20, 400, 5000])
def test_html_nested_deeper_than_any_print_keeps_its_text(tiefe):
    """A Hausstil's own template can nest as deep as it likes: the Word file keeps every word, without running out
    of stack; an empty table is left out."""
    html = (
        "<html><body><main>" + "<div>" * tiefe + "tief <b>unten</b>" + "</div>" * tiefe
        + "<p>" + "<em>" * tiefe + "kursiv" + "</em>" * tiefe + "</p><table><tr></tr></table></main></body></html>"
    )  # fmt: skip
    assert zeilen(worddatei(ohne_satz(html), dt.date(2021, 5, 27))) == ["tief unten", "kursiv"]
