"""Texts typed in YAML that a table prints keep an amount with its unit, by the rule of the Markdown texts."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from vorlagen.core.fmt import Zahlformat
from vorlagen.core.problems import Paths, Where
from vorlagen.render.templates import Templates

NBSP = "\u00a0"
DEFINIERT = SimpleNamespace(where=lambda: Where("data/vorlagen/x/vorlage.yaml", 7))  # the Verteilung's entry


def test_yaml_text_in_a_table_cell_and_caption_keeps_amount_and_unit_together(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    verteilung = Templates(data, Paths(tmp_path), Zahlformat("€")).macro("tabellen.html.j2", "verteilung")
    v = SimpleNamespace(
        titel="Einsatz der Verwaltungsassistenz (0,5 VZÄ)",
        zeilen=[("Personalkosten bis 100.300 €", Decimal(3), "Anteil 25 % am Tag"), ("Gemeinde § 83 A", None, "")],
        summe=Decimal(3),
        vzae=Decimal("0.5"),
        tage_pro_vzae=Decimal(6),
        verteilung=DEFINIERT,
    )
    html, problems = verteilung(v)
    assert problems == []
    assert f"<caption>Einsatz der Verwaltungsassistenz (0,5{NBSP}VZÄ)</caption>" in html
    assert f'<th scope="row">Personalkosten bis 100.300{NBSP}€</th>' in html
    assert f"<td>Anteil 25{NBSP}% am Tag</td>" in html
    assert f"Gemeinde §{NBSP}83 A" in html
    assert "0,5 VZÄ" not in html and "100.300 €" not in html and "25 %" not in html


def test_yaml_text_is_escaped_and_a_number_without_unit_keeps_its_plain_space(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    verteilung = Templates(data, Paths(tmp_path), Zahlformat("€")).macro("tabellen.html.j2", "verteilung")
    v = SimpleNamespace(
        titel="<b>2 Euro</b>",
        zeilen=[("Ortsteil 3 Nord", None, "10 Eurostücke")],
        summe=Decimal(0),
        vzae=Decimal(1),
        tage_pro_vzae=Decimal(1),
        verteilung=DEFINIERT,
    )
    html, problems = verteilung(v)
    assert problems == []
    assert f"<caption>&lt;b&gt;2{NBSP}Euro&lt;/b&gt;</caption>" in html
    assert "Ortsteil 3 Nord" in html and "10 Eurostücke" in html
