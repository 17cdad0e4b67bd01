"""`vergleichen` compares the Word files too, by their own text (issue 48): a Word file whose text changed as its
PDF's did names that PDF; one whose text is the same is „anders formatiert“; one whose text changed otherwise shows
its lines; a published copy names the file it copies. Two output folders made here, no build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vorlagen.render.word import ohne_satz, worddatei
from vorlagen.review.druckvergleich import vergleichen, zeilen

HTML = "<html><body><main><h1>Betreff</h1><p>{satz}</p><table><tr><th>Posten</th><th>Betrag</th></tr>" \
    "<tr><td>Miete</td><td>{betrag}</td></tr></table></main></body></html>"  # fmt: skip


def _ausgabe(
    root: Path, satz: str, betrag: str, pdf: bytes, datum=dt.date(2021, 5, 27), txt: str | None = None
) -> Path:
    folder = root / "vorlagen" / "2021-0123"
    folder.mkdir(parents=True)
    docx = worddatei(ohne_satz(HTML.format(satz=satz, betrag=betrag)), datum)
    (folder / "2021-0123.docx").write_bytes(docx)
    (folder / "2021-0123.pdf").write_bytes(pdf)
    (folder / "2021-0123.txt").write_text(txt if txt is not None else f"Betreff\n{satz}\nMiete  {betrag}\n", "utf-8")
    return root


def _vergleich(tmp_path: Path, alt: Path, neu: Path) -> list[str]:
    daten = tmp_path / "daten"
    daten.mkdir(exist_ok=True)
    return zeilen(vergleichen(alt, neu, daten, daten, set()))


def test_a_word_file_whose_text_changed_as_its_pdfs_names_the_pdf(tmp_path):
    # the text rendition underlines the heading, aligns the table's columns: the words count, not the spaces
    txt = "Betreff\n=======\n\nDer Kreis zahlt.\n\nPosten   Betrag\nMiete    {}\u00a0€\n"
    alt = _ausgabe(tmp_path / "alt", "Der Kreis zahlt.", "1.200\u00a0€", b"%PDF-alt", txt=txt.format("1.200"))
    neu = _ausgabe(tmp_path / "neu", "Der Kreis zahlt.", "1.300\u00a0€", b"%PDF-neu", txt=txt.format("1.300"))
    assert _vergleich(tmp_path, alt, neu) == [
        "Gedruckte Dokumente:",
        "  vorlagen/2021-0123/2021-0123.pdf: geändert",
        "    ~ Miete    [-1.200-]{+1.300+}\u00a0€",
        "  vorlagen/2021-0123/2021-0123.docx: Text geändert wie in vorlagen/2021-0123/2021-0123.pdf",
        "",
    ]


def test_the_same_text_otherwise_formatted_and_a_text_only_the_word_file_changed(tmp_path):
    alt = _ausgabe(tmp_path / "alt", "Der Kreis zahlt.", "1.200\u00a0€", b"%PDF-gleich")
    neu = _ausgabe(tmp_path / "neu", "Der Kreis zahlt.", "1.200\u00a0€", b"%PDF-gleich", dt.date(2021, 6, 1))
    assert _vergleich(tmp_path, alt, neu) == [
        "Gedruckte Dokumente:",
        "  vorlagen/2021-0123/2021-0123.docx: gleicher Text, anders formatiert",
        "",
    ]
    txt = "Betreff\nDer Kreis zahlt.\nMiete  1.200\u00a0€\n"  # the PDF's text the same: only the Word file changed
    anders = _ausgabe(tmp_path / "anders", "Der Kreis zahlt nicht.", "1.200\u00a0€", b"%PDF-gleich", txt=txt)
    assert _vergleich(tmp_path, alt, anders) == [
        "Gedruckte Dokumente:",
        "  vorlagen/2021-0123/2021-0123.docx: geändert",
        "    ~ Der Kreis [-zahlt.-]{+zahlt nicht.+}",
        "",
    ]


def test_a_new_word_file_and_a_published_copy(tmp_path):
    alt = _ausgabe(tmp_path / "alt", "Der Kreis zahlt.", "1.200\u00a0€", b"%PDF-a")
    (alt / "vorlagen/2021-0123/2021-0123.docx").unlink()
    neu = _ausgabe(tmp_path / "neu", "Der Kreis zahlt.", "1.200\u00a0€", b"%PDF-a")
    assert _vergleich(tmp_path, alt, neu) == ["Gedruckte Dokumente:", "  vorlagen/2021-0123/2021-0123.docx: neu", ""]
    for root, satz in ((alt, "Der Kreis zahlt."), (neu, "Der Kreis zahlt bald.")):
        docx = worddatei(ohne_satz(HTML.format(satz=satz, betrag="1")), dt.date(2021, 5, 27))
        (root / "vorlagen/2021-0123/2021-0123.docx").write_bytes(docx)
        (root / "publish/ASI").mkdir(parents=True)
        (root / "publish/ASI/vorlage-2021-0123.docx").write_bytes(docx)
    assert _vergleich(tmp_path, alt, neu) == [
        "Gedruckte Dokumente:",
        "  publish/ASI/vorlage-2021-0123.docx: geändert wie vorlagen/2021-0123/2021-0123.docx",
        "  vorlagen/2021-0123/2021-0123.docx: geändert",
        "    ~ Der Kreis [-zahlt.-]{+zahlt bald.+}",
        "",
    ]


def test_a_damaged_word_file_is_named_without_its_text(tmp_path):
    alt = _ausgabe(tmp_path / "alt", "Der Kreis zahlt.", "1.200\u00a0€", b"%PDF-a")
    neu = _ausgabe(tmp_path / "neu", "Der Kreis zahlt.", "1.200\u00a0€", b"%PDF-a")
    (neu / "vorlagen/2021-0123/2021-0123.docx").write_bytes(b"PK\x03\x04 kein Archiv")
    assert _vergleich(tmp_path, alt, neu) == [
        "Gedruckte Dokumente:",
        "  vorlagen/2021-0123/2021-0123.docx: geändert",
        "    - Betreff",
        "    - Der Kreis zahlt.",
        "    - Posten  Betrag",
        "    - Miete  1.200\u00a0€",
        "",
    ]
