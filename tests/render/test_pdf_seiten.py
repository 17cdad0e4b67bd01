"""Many Haushaltsjahre on an A4 page: rendered and measured, not assumed."""

from __future__ import annotations

from weasyprint import HTML

from tests.hilfen import ERLENBRUCH, copy_data
from vorlagen.compute.project import prepare
from vorlagen.render.document import Composer
from vorlagen.render.pdf import ProjectFetcher
from vorlagen.render.templates import TEMPLATES

SIX_YEARS = """
  - id: digital
    titel: Projektstellen Digitalisierung
    zeitraum: {von: 2024-07-01, bis: 2029-12-31}
    kosten:
      - {anzahl: 2.5, saetze: [t/E11]}
    abzuege:
      - {betrag: 300000, als: Landesförderung}
  - id: verwaltung
    titel: Projektstellen Verwaltung
    alternative: Verwaltung
    zeitraum: {von: 2024-07-01, bis: 2029-12-31}
    kosten:
      - {anzahl: 1.5, saetze: [t/E9a]}
    abzuege:
      - {betrag: 100000, als: Landesförderung}
  - id: verwaltung-voll
    titel: Projektstellen Verwaltung (voll)
    alternative: Verwaltung
    zeitraum: {von: 2024-07-01, bis: 2029-12-31}
    kosten:
      - {anzahl: 2, saetze: [t/E9a]}
    abzuege:
      - {betrag: 100000, als: Landesförderung}
  - id: kreishaus
    art: Finanzierungsplan
    titel: Sanierung Kreishaus
    kosten:
      - {als: Bau, betrag: 12400000}
      - {als: Planung, betrag: 1860000}
    quellen:
      - {id: land, als: Land (Städtebauförderung), foerdersatz: 60, hoechstbetrag: 8000000}
      - {id: bund, als: Bund, festbetrag: 2500000}
      - {id: kreis, als: Kreis Erlenbruch, art: Eigenmittel, rest: true}
    haushaltsjahre: {2025: 5, 2026: 15, 2027: 25, 2028: 25, 2029: 20, 2030: 10}
"""


def _boxes(box):
    yield box
    for child in getattr(box, "children", []):
        yield from _boxes(child)


def test_six_haushaltsjahre_stay_inside_the_page(tmp_path):
    data = copy_data(ERLENBRUCH, tmp_path)
    (data / "kostensaetze").mkdir()
    (data / "kostensaetze/t.yaml").write_text("titel: Test\nsaetze:\n  E11: 80000\n  E9a: 70000\n", encoding="utf-8")
    path = data / "vorlagen/2024-0063/vorlage.yaml"
    path.write_text(path.read_text(encoding="utf-8") + SIX_YEARS, encoding="utf-8")
    project = prepare(data)
    assert list(project.rechnungen["2024-0063"].uebersicht.jahre_max) == [2024, 2025, 2026, 2027, 2028, 2029]
    source = next(s for s in project.facts.vorlagen if s.slug == "2024-0063")
    doc = Composer(project).compose(source)
    fetcher = ProjectFetcher([TEMPLATES, data])
    rendered = HTML(string=doc.print_html, base_url=data.as_uri() + "/", url_fetcher=fetcher).render()
    tables = 0
    for page in rendered.pages:
        root = page._page_box
        right = root.content_box_x() + root.width
        for box in _boxes(root):
            if type(box).__name__ == "TableBox":
                tables += 1
                assert box.position_x + box.margin_width() <= right + 0.5, "a table runs off the right edge"
    assert tables >= 8  # both Vergleiche, the overview (two tables), four Eigenanteil tables, the plan
    text = doc.text
    assert text.count("teuerste Alternative") == 2  # once in the amounts, once in the years: never repeated
