"""`vergleichen` names the pages that print differently: a PDF whose text stays the same is compared page by page
over everything each page draws with (its content and every font, image and pattern it uses); a Sitzungsmappe,
which has no text rendition, by the text of its pages (issue 33, point 3)."""

from __future__ import annotations

import re
from pathlib import Path

from weasyprint import HTML

from vorlagen.review.druckvergleich import Dokumentaenderung, vergleichen

SEITEN = ["Erste Seite", "Zweite Seite", "Dritte Seite"]


def pdf(folder: Path, name: str, farben: list[str], texte: list[str] = SEITEN) -> None:
    """A PDF of three pages, each a paragraph in its colour, written to folder/name."""
    body = "".join(
        f'<p style="color: {farbe}; page-break-after: always">{text}</p>' for farbe, text in zip(farben, texte)
    )
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    HTML(string=f"<html><body>{body}</body></html>").write_pdf(folder / name)


def unterschied(tmp_path: Path, alt: list[str], neu: list[str], texte_neu: list[str] = SEITEN) -> Dokumentaenderung:
    """Two builds with one Sitzungsmappe each (no text rendition), compared."""
    a, b, daten = tmp_path / "alt", tmp_path / "neu", tmp_path / "daten"
    daten.mkdir()
    pdf(a, "sitzungen/S/sitzungsmappe.pdf", alt)
    pdf(b, "sitzungen/S/sitzungsmappe.pdf", neu, texte_neu)
    [change] = vergleichen(a, b, daten, daten, set()).dokumente
    return change


def test_one_page_in_another_colour_is_named_and_only_that_page(tmp_path):
    change = unterschied(tmp_path, ["black", "black", "black"], ["black", "red", "black"])
    assert change.zeile() == "sitzungen/S/sitzungsmappe.pdf: gleicher Text, anders gedruckt auf Seite 2"
    assert change.text == []


def test_a_changed_word_is_shown_with_the_page_it_stands_on(tmp_path):
    change = unterschied(
        tmp_path, ["black"] * 3, ["black"] * 3, ["Erste Seite", "Zweite Seite", "Dritte und letzte Seite"]
    )
    assert change.zeile() == "sitzungen/S/sitzungsmappe.pdf: geändert, Text auf Seite 3"
    [(mark, line)] = change.text  # the line word by word: without the insertions the old one, with them the new
    assert mark == "~" and "{+" in line
    assert re.sub(r"\{\+.*?\+\}", "", line).replace("[-", "").replace("-]", "") == "Dritte Seite"
    assert re.sub(r"\[-.*?-\]", "", line).replace("{+", "").replace("+}", "") == "Dritte und letzte Seite"


def test_a_published_copy_is_named_by_the_file_it_copies(tmp_path):
    a, b, daten = tmp_path / "alt", tmp_path / "neu", tmp_path / "daten"
    daten.mkdir()
    for folder, farbe in ((a, "black"), (b, "red")):
        for name in ("publish/S/sitzungsmappe.pdf", "sitzungen/S/sitzungsmappe.pdf"):
            pdf(folder, name, ["black", farbe, "black"])
    zeilen = [change.zeile() for change in vergleichen(a, b, daten, daten, set()).dokumente]
    assert zeilen == [
        "publish/S/sitzungsmappe.pdf: gleicher Text, anders gedruckt auf Seite 2",
        "sitzungen/S/sitzungsmappe.pdf: geändert wie publish/S/sitzungsmappe.pdf",
    ]
