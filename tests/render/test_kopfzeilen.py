"""A body's header with many fields wraps onto further rows instead of running off the page."""

from __future__ import annotations

import re

import pytest

from tests.hilfen import ROOT, copy_data, edit
from tests.hilfen.pdf import pdf_text
from vorlagen.cli import main
from vorlagen.render.kopfzeilen import kopfzeilen

HEIDEMOOR = ROOT / "tests" / "fixtures" / "heidemoor"
KOPF = """    felder: [nummer, datum, fachbereich, bearbeitung, produkt]
    beschriftung: {nummer: Drucksache, datum: Datum}
    eigene:
      fachbereich: Fachbereich
      bearbeitung: Verantwortlich
      produkt: Produkt"""
FUENF = """    felder: [nummer, verantwortlich, fachbereich, bearbeitung, produkt]
    beschriftung: {nummer: Vorlage}
    eigene:
      verantwortlich: Verantwortlich
      fachbereich: Federführender FD
      bearbeitung: Bearbeiter/-in
      produkt: Produkte"""


def test_few_short_fields_stay_in_one_row():
    felder = [("Vorlage", "2024/041"), ("Datum", "08.04.2024"), ("Amt", "32")]
    assert kopfzeilen(felder) == [felder]


def test_fields_go_on_in_a_new_row_in_their_order():
    lang = "Fachbereich 3 – Ordnung, Verkehr und Bevölkerungsschutz"  # wraps in a cell of at most half the page
    felder = [("A", lang), ("B", lang), ("C", lang)]
    assert kopfzeilen(felder) == [[("A", lang), ("B", lang)], [("C", lang)]]
    assert kopfzeilen([]) == []


@pytest.mark.langsam  # builds whole repositories
def test_a_five_field_header_builds_and_wraps_without_breaking_a_label(tmp_path):
    data = copy_data(HEIDEMOOR, tmp_path)
    edit(data / "koerperschaft.yaml", KOPF, FUENF)
    edit(
        data / "vorlagen/2024-041/vorlage.yaml",
        "kopf:\n",
        "kopf:\n  verantwortlich: Fachbereich 3 – Ordnung, Verkehr und Bevölkerungsschutz\n",
    )
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out)]) == 0  # the layout check found nothing too wide
    html = (out / "vorlagen/2024-041/2024-041.html").read_text(encoding="utf-8")
    tabellen = re.findall(r'<table class="metadaten[^"]*">(.*?)</table>', html, re.S)
    labels = [re.findall(r"<th scope=\"col\">(.*?)</th>", t) for t in tabellen]
    assert len(labels) == 2 and sum(labels, []) == [
        "Vorlage",
        "Verantwortlich",
        "Federführender FD",
        "Bearbeiter/-in",
        "Produkte",
    ]
    text = pdf_text(out / "vorlagen/2024-041/2024-041.pdf")
    assert "BEARBEITER/-IN" in text and "BEARBEITER/- IN" not in text
