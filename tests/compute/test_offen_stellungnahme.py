"""An Antrag of an Art that asks for the administration's Stellungnahme („stellungnahme: true“) is open until a
Vorlage of the administration gives it („stellungnahme_zu“, compute/offen.py): listed by `pruefen`, kept out of the
Sitzungsmappe; the Stellungnahme is a linked document both sides name."""

from __future__ import annotations

import pytest

from tests.hilfen import FIXTURES, composed, copy_data, edit, line_of, problems_of, run

AN = "vorlagen/2020-AN-0700/vorlage.yaml"


@pytest.fixture
def mit_stellungnahme(aus_dem_repository):
    data = copy_data(FIXTURES / "rostock", aus_dem_repository)
    edit(data / "koerperschaft.yaml", "drucksache: antrag}", "drucksache: antrag, stellungnahme: true}")
    return data


def _stellungnahme(data) -> None:
    folder = data / "vorlagen" / "2020-MV-0703"
    folder.mkdir()
    (folder / "vorlage.yaml").write_text(
        'nummer: "2020/MV/0703"\nart: Mitteilungsvorlage\noeffentlich: true\ndatum: 2020-01-14\nfederfuehrend: "20"\n'
        'stellungnahme_zu: "2020/AN/0700"\nbetreff: Stellungnahme zum Antrag 2020/AN/0700\n',
        encoding="utf-8",
    )


def test_without_stellungnahme_the_antrag_is_open_and_stays_out_of_the_mappe(capsys, mit_stellungnahme, tmp_path):
    _, out, _ = run(capsys, "pruefen", "--data", str(mit_stellungnahme), "--ohne-satz")
    assert "  2020-AN-0700: Sitzbänke am Stadthafen – Stellungnahme der Verwaltung\n" in out
    code, _, err = run(capsys, "bauen", "--data", str(mit_stellungnahme), "--out", str(tmp_path / "output"), "--mappen")
    assert code == 1
    assert (
        f"data/{AN}:1: Die Vorlage 2020/AN/0700 geht in die Sitzungsmappe BS-2020-01-22 (TOP 10.1), aber noch "
        'offen ist: Stellungnahme der Verwaltung (eine eigene vorlage.yaml mit stellungnahme_zu: "2020/AN/0700") – '
        "ergänzen Sie dies in den genannten Dateien."
    ) in err


def test_the_stellungnahme_closes_it_and_both_name_each_other(capsys, mit_stellungnahme):
    _stellungnahme(mit_stellungnahme)
    _, out, _ = run(capsys, "pruefen", "--data", str(mit_stellungnahme), "--ohne-satz")
    assert "Stellungnahme der Verwaltung" not in out
    assert "Stellungnahme der Verwaltung: Vorlage 2020/MV/0703" in composed(mit_stellungnahme, "2020/AN/0700").text
    assert (
        "Stellungnahme zum Antrag 2020/AN/0700 (Tom Muster und Ella Probst)"
        in composed(mit_stellungnahme, "2020/MV/0703").text
    )


def test_a_stellungnahme_names_an_antrag(mit_stellungnahme):
    _stellungnahme(mit_stellungnahme)
    datei = mit_stellungnahme / "vorlagen" / "2020-MV-0703" / "vorlage.yaml"
    edit(datei, 'stellungnahme_zu: "2020/AN/0700"', 'stellungnahme_zu: "2020/AF/0701"')
    assert problems_of(mit_stellungnahme) == [
        f"data/vorlagen/2020-MV-0703/vorlage.yaml:{line_of(datei, 'stellungnahme_zu')}: „stellungnahme_zu“ nennt "
        "einen Antrag, die Vorlage 2020/AF/0701 hat aber die Art „Anfrage“ – nennen Sie die Nummer der richtigen "
        "Drucksache."
    ]
