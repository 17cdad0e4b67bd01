"""Who submitted a Drucksache and what it is bound to, as its document prints it (render/drucksachen.py,
render/angaben.py): the Einreicher in the head where the Amt would stand and under the text, the Änderungsantrag and
its Vorlage naming each other, the Anfrage with its questions and its Beantwortung; a public document names no
non-public Drucksache."""

from __future__ import annotations

import pytest

from tests.hilfen import FIXTURES, composed, copy_data, edit


@pytest.fixture
def rostock(aus_dem_repository):
    return copy_data(FIXTURES / "rostock", aus_dem_repository)


def test_the_einreicher_stands_where_the_amt_would_and_signs(rostock):
    text = composed(rostock, "2020/DV/0662-01").text
    assert "Eingereicht von: Fraktion Am Strom, 17.01.2020" in text
    assert "Federführend" not in text
    assert "Der Oberbürgermeister" not in text  # neither in the head nor under the text: the Fraktion's Antrag
    assert text.rstrip().endswith("Fraktion Am Strom")
    antrag = composed(rostock, "2020/AN/0700").text
    assert "Eingereicht von: Tom Muster und Ella Probst, 10.01.2020" in antrag


def test_the_hausstil_names_the_label(rostock):
    edit(
        rostock / "koerperschaft.yaml",
        "hausstil:\n",
        "hausstil:\n  kopf: {beschriftung: {einreicher: Antragsteller}}\n",
    )
    assert "Antragsteller: Fraktion Am Strom, 17.01.2020" in composed(rostock, "2020/DV/0662-01").text


def test_the_vorlage_of_the_administration_keeps_its_amt(rostock):
    text = composed(rostock, "2020/DV/0662").text
    assert "Federführend: Amt für Finanzverwaltung" in text
    assert "Eingereicht von" not in text


def test_aenderungsantrag_and_vorlage_show_each_other(rostock):
    assert (
        "Änderungsantrag zur Vorlage 2020/DV/0662, Punkt 2 des Beschlussvorschlags"
        in composed(rostock, "2020/DV/0662-01").text
    )
    assert (
        "Änderungsantrag 2020/DV/0662-01 (Fraktion Am Strom), Punkt 2 des Beschlussvorschlags"
        in composed(rostock, "2020/DV/0662").text
    )


def test_anfrage_and_beantwortung_show_each_other_and_the_questions(rostock):
    anfrage = composed(rostock, "2020/AF/0701").text
    assert "Beantwortet mit Vorlage 2020/MV/0702" in anfrage
    assert (
        "Fragen\n------\n1. Wie viele Träger erhielten 2019 Zuschüsse?\n2. Wie hoch waren die Zuschüsse insgesamt?"
        in anfrage
    )
    assert "Beantwortung der Anfrage 2020/AF/0701 (Fraktion Am Strom)" in composed(rostock, "2020/MV/0702").text


def test_a_public_vorlage_names_no_non_public_aenderungsantrag(rostock):
    edit(rostock / "vorlagen/2020-DV-0662-01/vorlage.yaml", "oeffentlich: true", "oeffentlich: false")
    sitzung = rostock / "sitzungen/BS-2020-01-22.yaml"
    edit(sitzung, '    - {top: "9.1.1", vorlage: "2020/DV/0662-01"}\n', "")
    edit(
        sitzung,
        '    - {top: "11.2", vorlage: "2020/MV/0702"}\n',
        '    - {top: "11.2", vorlage: "2020/MV/0702"}\n'
        '  nichtoeffentlich:\n    - {top: "9.1.1", vorlage: "2020/DV/0662-01"}\n',
    )
    vorlage = composed(rostock, "2020/DV/0662")
    assert "0662-01" not in vorlage.text and "0662-01" not in vorlage.web_html
    # the non-public Änderungsantrag itself names its public Vorlage
    assert "Änderungsantrag zur Vorlage 2020/DV/0662" in composed(rostock, "2020/DV/0662-01").text
