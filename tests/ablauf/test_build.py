"""Whole builds: golden HTML, figures in the PDF text, byte-identical rebuilds, both Körperschaften."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pypdf
import pytest

from tests.hilfen import AACHEN, DATA, GOLDEN, edit, run, tree
from tests.hilfen.pdf import pdf_text
from vorlagen.cli import main

RSK = Path("vorlagen/2021-0123")
AC = Path("vorlagen/2021-0207")


@pytest.mark.parametrize(
    "name, out_fixture, page",
    [
        ("rhein-sieg-kreis", "built", RSK / "2021-0123.html"),
        ("aachen", "built_aachen", AC / "2021-0207.html"),
        ("wiesenbrueck", "built_wiesenbrueck", Path("vorlagen/231-2024/231-2024.html")),
    ],
)
def test_golden_html(request, update_golden, name, out_fixture, page):
    """The HTML of each example equals its reviewed golden copy (`pytest --update-golden` rewrites it)."""
    html = (request.getfixturevalue(out_fixture) / page).read_text(encoding="utf-8")
    golden = GOLDEN / f"{name}.html"
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_pdf_shows_every_computed_figure(built):
    text = pdf_text(built / RSK / "2021-0123.pdf")
    for figure in [
        "3,5 x 115.418 € (E11 für 13 Monate)",
        "403.963 €",
        "− 245.319 €",
        "= 158.644 €",
        "0,5 x 79.928 € (E5 für 13 Monate)",
        "39.964 €",
        "= 10.335 €",
        "7 x 103.328 € (S12 für 13 Monate)",
        "723.296 €",
        "− 417.081 €",
        "− 47.397 €",
        "= 258.818 €",
        "3 x 68.136 € (0,75 x E9a für 13 Monate)",
        "= 82.533 €",
        "3 x 90.848 € (E9a für 13 Monate)",
        "= 150.669 €",
        "510.330 €",
        "578.466 €",
        "35,00",
        "= 7 VZÄ x 5 Tage",
        "605.000 €",
        "Seite 1 von 5",
    ]:
        assert figure in text, figure
    # the typed slips of the seed never appear
    for slip in ["10.317", "258.820", "39.946", "723.298"]:
        assert slip not in text


def test_pdf_has_the_structure_of_a_beschlussvorlage(built):
    text = pdf_text(built / RSK / "2021-0123.pdf")
    for part in [
        "Rhein-Sieg-Kreis",
        "Der Landrat",
        "Beschlussvorlage",
        "öffentlich",
        "2021/0123",
        "27.05.2021",
        "Kommunales Integrationszentrum",
        "Beratungsfolge",
        "10.06.2021",
        "Ausschuss für Soziales und Integration",
        "Vorberatung",
        "21.06.2021",
        "Kreisausschuss",
        "Entscheidung",
        "Beschlussvorschlag",
        "Finanzielle Auswirkungen",
        "Anlage 1: Handlungskonzept Kommunales Integrationsmanagement",
    ]:
        assert part in text, part
    assert text.index("Beschlussvorschlag") < text.index("Vorbemerkungen") < text.index("Finanzielle Auswirkungen")


def test_markdown_anlage_becomes_its_own_pdf(built):
    (anlage,) = (built / RSK).glob("anlage-*.pdf")
    assert anlage.name == "anlage-1-handlungskonzept-kommunales-integrationsmanagement.pdf"
    text = pdf_text(anlage)
    assert "Anlage 1" in text and "zur Beschlussvorlage 2021/0123 vom 27.05.2021" in text
    assert "Handlungskonzept Kommunales Integrationsmanagement" in text
    assert "je 55.000 € im Jahr" in text  # read from the KIM rates, not typed


@pytest.mark.langsam  # builds whole repositories
def test_rebuild_is_byte_identical(built, tmp_path):
    again = tmp_path / "output"
    assert main(["--data", str(DATA), "--out", str(again), "--mappen"]) == 0
    assert tree(again) == tree(built)


def test_pdf_metadata_comes_from_the_data(built):
    reader = pypdf.PdfReader(built / RSK / "2021-0123.pdf")
    assert reader.metadata["/CreationDate"] == "D:20210527"
    assert reader.metadata["/Title"].startswith("Beschlussvorlage 2021/0123: Kommunales Integrationsmanagement")
    assert reader.metadata["/Author"] == "Rhein-Sieg-Kreis"


def test_aachen_mitteilungsvorlage(built_aachen):
    text = pdf_text(built_aachen / AC / "2021-0207.pdf")
    assert "StädteRegion Aachen" in text and "Der Städteregionsrat" in text and "Mitteilungsvorlage" in text
    assert "Beschlussvorschlag" not in text
    assert "Im Auftrag gez. Dr. Ziemons Dezernentin für Soziales, Integration und Gesundheit" in text
    assert "Kenntnisnahme" in text and "16.06.2021" in text
    assert "Die 3,5 geförderten Koordinationsstellen" in text
    assert "das 522.500 € im Jahr" in text  # 3,5 × 55.000 + 6 × 55.000, from the Bescheid
    assert "Rhein-Sieg" not in text


def test_aachen_pdf_anlage_is_passed_through_unchanged(built_aachen):
    (anlage,) = (built_aachen / AC).glob("anlage-*.pdf")
    assert anlage.name == "anlage-1-antrag-der-spd-staedteregionstagsfraktion-vom-15-04-2021.pdf"
    assert anlage.read_bytes() == (AACHEN / AC / "anlagen" / "antrag.pdf").read_bytes()


def test_logo_is_embedded_from_the_data(built_aachen):
    html = (built_aachen / AC / "2021-0207.html").read_text(encoding="utf-8")
    assert '<img class="logo" src="../../assets/logo.svg" alt="Wappen StädteRegion Aachen">' in html
    assert (built_aachen / "assets" / "logo.svg").read_bytes() == (AACHEN / "stil" / "logo.svg").read_bytes()


def test_index_links_every_public_document(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    for link in [
        "vorlagen/2021-0123/2021-0123.html",
        "vorlagen/2021-0123/2021-0123.pdf",
        "vorlagen/2021-0123/anlage-1-handlungskonzept-kommunales-integrationsmanagement.pdf",
    ]:
        assert f'href="{link}"' in index
        assert (built / link).is_file()


def test_check_writes_nothing(capsys, tmp_path):
    code, out, _ = run(capsys, "check", "--data", str(DATA), "--out", str(tmp_path / "output"))
    assert code == 0
    assert out.startswith("Geprüft: 2 Vorlagen, 5 Berechnungen – keine Probleme.\n\n")
    assert list(tmp_path.iterdir()) == []


def test_weasyprint_is_at_least_69():
    import weasyprint

    assert tuple(int(part) for part in weasyprint.__version__.split(".")[:2]) >= (69, 0)


def test_berichtsvorlage_invents_no_beschlussvorschlag(tmp_path, aachen):
    edit(aachen / AC / "vorlage.yaml", "art: Mitteilungsvorlage", "art: Berichtsvorlage")
    out = tmp_path / "output"
    assert main(["--data", str(aachen), "--out", str(out)]) == 0
    html = (out / AC / "2021-0207.html").read_text(encoding="utf-8")
    assert "Beschlussvorschlag" not in html and "zur Kenntnis genommen" not in html
    assert '<p class="art">Berichtsvorlage</p>' in html


def test_berichtsvorlage_takes_note_where_the_hausstil_states_it(tmp_path, aachen):
    edit(aachen / AC / "vorlage.yaml", "art: Mitteilungsvorlage", "art: Berichtsvorlage")
    edit(
        aachen / "koerperschaft.yaml",
        "hausstil:\n",
        "hausstil:\n  arten:\n    Mitteilungsvorlage: {}\n"
        "    Berichtsvorlage: {ohne_beschlussvorschlag: Der Bericht wird zur Kenntnis genommen.}\n",
    )
    out = tmp_path / "output"
    assert main(["--data", str(aachen), "--out", str(out)]) == 0
    html = (out / AC / "2021-0207.html").read_text(encoding="utf-8")
    assert "<h2>Beschlussvorschlag</h2>\n  <p>Der Bericht wird zur Kenntnis genommen.</p>" in html


def test_non_public_vorlage_goes_only_to_the_internal_folder(tmp_path, aachen):
    edit(aachen / AC / "vorlage.yaml", "oeffentlich: true", "oeffentlich: false")
    out = tmp_path / "output"
    assert main(["--data", str(aachen), "--out", str(out)]) == 0
    assert not (out / "vorlagen").exists()
    assert (out / "intern" / AC / "2021-0207.pdf").is_file()
    assert "Sachstandsbericht" not in (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="vorlagen/2021-0207/2021-0207.html">Sachstandsbericht' in (out / "intern" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "nichtöffentlich" in pdf_text(out / "intern" / AC / "2021-0207.pdf")


def test_day_exact_period_when_asked_for(capsys, data):
    vorlage = data / "vorlagen" / "2021-0123" / "vorlage.yaml"
    text = vorlage.read_text(encoding="utf-8")
    text = text.replace(
        """  - id: m1-steuerung
    titel: Strategische Steuerung im KI
    zeitraum: {von: 2021-12-01, bis: 2022-12-31}""",
        """  - id: m1-steuerung
    titel: Strategische Steuerung im KI
    zeitraum: {von: 2021-12-16, bis: 2022-12-31}""",
    )
    vorlage.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    assert (
        "Der Zeitraum 16.12.2021–31.12.2022 umfasst keine ganzen Monate – beginnen Sie am Monatsersten und "
        "enden Sie am Monatsletzten, oder setzen Sie „tagesgenau: true“."
    ) in err
    vorlage.write_text(
        text.replace(
            "zeitraum: {von: 2021-12-16, bis: 2022-12-31}",
            "zeitraum: {von: 2021-12-16, bis: 2022-12-31}\n    tagesgenau: true",
        ).replace("    erwartet: {eigenanteil: 158644}\n", ""),
        encoding="utf-8",
    )
    from vorlagen.compute.project import prepare

    table = prepare(data).rechnungen["2021-0123"].tabellen["m1-steuerung"]
    # 16 days of 2021 (of 365) and all of 2022: E11 106.540 × (16/365 + 1) = 111.210,30 → 111.210
    assert table.zeilen[0].einheit == 111210
    assert table.zeilen[0].text == "3,5 x 111.210\u00a0€ (E11 für 381 Tage)"
    # the years are weighted by what each is charged: 16/365 of a year, then a whole year
    assert table.periode.gewichte == {2021: Fraction(16, 365), 2022: 1}
