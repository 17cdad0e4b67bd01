"""A new Vorlage from the form of the editing side's overview: its Beratungsfolge chosen step by step (a Gremium's
Sitzung, or the Gremium while its date is open, with the Zuständigkeit), written as `vorlage neu` writes it; a choice
the data does not know or an order against the dates is refused in the words of `pruefen`, and nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.hilfen import tree
from vorlagen.building.bearbeiten.neu import anlegen, auswahl

FORMULAR = {
    "art": "Beschlussvorlage",
    "betreff": "Zuschuss für die Stadtbibliothek",
    "amt": "KI",
    "nummer": "2021/0200",
}


def test_the_form_offers_each_gremium_with_its_sitzungen_by_date_and_the_date_left_open(data):
    angebot = auswahl(data)
    assert [(g.id, g.sitzungen) for g in angebot["gremien"]] == [
        (
            "ASI",
            [
                ("sitzung:ASI-2021-06-10", "10.06.2021 (ASI-2021-06-10)"),
                ("sitzung:ASI-2023-11-30", "30.11.2023 (ASI-2023-11-30)"),
            ],
        ),
        ("KA", [("sitzung:KA-2021-06-21", "21.06.2021 (KA-2021-06-21)")]),
        ("KT", []),
    ]
    assert angebot["rollen"][:3] == ["Vorberatung", "Entscheidung", "Kenntnisnahme"]
    assert angebot["naechste"] == ""  # every Sitzung of the example lies in the past: none is chosen for the clerk


def test_a_beratungsfolge_of_three_steps_is_written_as_the_handbook_writes_it(data):
    angelegt = anlegen(
        data,
        FORMULAR
        | {"schritt-1": "sitzung:ASI-2021-06-10", "schritt-2": "sitzung:KA-2021-06-21", "schritt-3": "gremium:KT"},
    )
    assert angelegt.meldungen == [] and angelegt.ordner == "2021-0200"
    yaml = (data / "vorlagen/2021-0200/vorlage.yaml").read_text(encoding="utf-8")
    assert yaml.splitlines()[1:12] == [
        'nummer: "2021/0200"',
        'art: "Beschlussvorlage"',
        "oeffentlich: true",
        "platzhalter: true  # ein Gerüst: ersetzen Sie Texte und Angaben durch Ihre, dann entfernen Sie diese Zeile",
        f"datum: {dt.date.today().isoformat()}",
        'federfuehrend: "KI"',
        'betreff: "Zuschuss für die Stadtbibliothek"',
        "beratungsfolge:",
        "  - {sitzung: ASI-2021-06-10, rolle: Vorberatung}",
        "  - {sitzung: KA-2021-06-21, rolle: Vorberatung}",
        "  - {gremium: KT, rolle: Entscheidung}",
    ]


def test_a_chosen_zustaendigkeit_and_a_gap_between_the_steps(data):
    angelegt = anlegen(
        data, FORMULAR | {"schritt-2": "sitzung:KA-2021-06-21", "rolle-2": "Kenntnisnahme", "art": "Mitteilungsvorlage"}
    )
    assert angelegt.meldungen == []
    yaml = (data / "vorlagen/2021-0200/vorlage.yaml").read_text(encoding="utf-8")
    assert "beratungsfolge:\n  - {sitzung: KA-2021-06-21, rolle: Kenntnisnahme}\n" in yaml


def test_without_a_beratung_the_list_stays_empty_as_vorlage_neu_writes_it(data):
    assert anlegen(data, FORMULAR).meldungen == []
    assert "\nberatungsfolge: []\n" in (data / "vorlagen/2021-0200/vorlage.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "felder,meldungen",
    [
        (
            {"schritt-1": "sitzung:KA-2021-06-21", "schritt-2": "sitzung:ASI-2021-06-10"},
            [
                "Die Beratungsfolge ist nicht nach Datum geordnet: „ASI-2021-06-10“ (10.06.2021) steht nach "
                "„KA-2021-06-21“ (21.06.2021) – ordnen Sie die Sitzungen nach ihrem Datum."
            ],
        ),
        (
            {"schritt-1": "sitzung:ASI-2021-06-10", "schritt-3": "sitzung:ASI-2021-06-10"},
            [
                "Die Sitzung „ASI-2021-06-10“ steht zweimal hintereinander in der Beratungsfolge – streichen Sie einen "
                "der Einträge."
            ],
        ),
        (
            {"schritt-1": "sitzung:../../koerperschaft", "schritt-2": "gremium:XY", "schritt-4": "KA-2021-06-21"},
            [
                "Beratung 1: Unbekannte Sitzung „sitzung:../../koerperschaft“ – wählen Sie eine aus der Liste.",
                "Beratung 2: Unbekannte Sitzung „gremium:XY“ – wählen Sie eine aus der Liste.",
                "Beratung 4: Unbekannte Sitzung „KA-2021-06-21“ – wählen Sie eine aus der Liste.",
            ],
        ),
        (
            {"schritt-1": "sitzung:ASI-2021-06-10", "rolle-1": "Entscheidung}, x: {y"},
            [
                "Beratung 1: Unbekannte Zuständigkeit „Entscheidung}, x: {y“ – wählen Sie eine aus der Liste: "
                "Vorberatung, Entscheidung, Kenntnisnahme, Beratung, Anhörung."
            ],
        ),
        (
            {"art": "Vorlage", "amt": "XX"},
            [
                "Wählen Sie eine Art: Beschlussvorlage, Mitteilungsvorlage, Berichtsvorlage, Antrag, Änderungsantrag, "
                "Anfrage.",
                "Unbekanntes Amt „XX“ – wählen Sie eines aus der Liste.",
            ],
        ),
        (
            {"nummer": "2021/0123"},
            ["Die Vorlage 2021/0123 (data/vorlagen/2021-0123) gibt es schon – wählen Sie eine andere Nummer."],
        ),
    ],
)
def test_a_wrong_choice_is_refused_in_the_words_of_pruefen_and_nothing_is_written(data, felder, meldungen):
    vorher = tree(data)
    assert anlegen(data, FORMULAR | felder).meldungen == meldungen
    assert tree(data) == vorher
