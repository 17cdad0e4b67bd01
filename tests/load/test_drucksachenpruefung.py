"""Anträge, Änderungsanträge and Anfragen against their Art and the Vertretung (load/drucksachenpruefung.py, the
records' own rules in load/vorlage.py, load/drucksache.py and load/vertretung.py): every bad input is refused with
its German message at its line."""

from __future__ import annotations

import pytest

from tests.hilfen import FIXTURES, copy_data, edit, line_of, problems_of

ROSTOCK = FIXTURES / "rostock"
AA = "vorlagen/2020-DV-0662-01/vorlage.yaml"  # the Änderungsantrag
AN = "vorlagen/2020-AN-0700/vorlage.yaml"  # the members' Antrag
AF = "vorlagen/2020-AF-0701/vorlage.yaml"  # the Anfrage
MV = "vorlagen/2020-MV-0702/vorlage.yaml"  # its Beantwortung
DV = "vorlagen/2020-DV-0662/vorlage.yaml"  # the Vorlage the Änderungsantrag changes


@pytest.fixture
def rostock(aus_dem_repository):
    return copy_data(ROSTOCK, aus_dem_repository)


def _at(data, datei: str, needle: str, meldung: str) -> str:
    return f"data/{datei}:{line_of(data / datei, needle)}: {meldung}"


def test_an_einreicher_not_in_the_vertretung(rostock):
    edit(rostock / AA, "fraktion: STROM", "fraktion: STRÖM")
    edit(rostock / AN, "mitglieder: [muster, probst]", "mitglieder: [muster, propst]")
    assert problems_of(rostock) == [
        _at(
            rostock,
            AN,
            "mitglieder:",
            "Unbekanntes Mitglied „propst“ – meinten Sie „probst“? Tragen Sie es in vertretung.yaml unter "
            "„mitglieder“ ein.",
        ),
        _at(
            rostock,
            AA,
            "einreicher:",
            "Unbekannte Fraktion „STRÖM“ – meinten Sie „STROM“? Tragen Sie sie in vertretung.yaml unter "
            "„fraktionen“ ein.",
        ),
    ]


def test_an_einreicher_without_a_vertretung(rostock):
    (rostock / "vertretung.yaml").unlink()
    problems = problems_of(rostock)
    meldung = (
        "Der Einreicher steht in keiner vertretung.yaml – legen Sie die Datei im Datenordner an, mit den Fraktionen "
        "und Gruppen unter „fraktionen“ und den Mitgliedern unter „mitglieder“."
    )
    assert _at(rostock, AA, "einreicher:", meldung) in problems
    assert _at(rostock, AN, "einreicher:", meldung) in problems


def test_both_amt_and_einreicher(rostock):
    edit(rostock / AA, "einreicher:", 'federfuehrend: "20"\neinreicher:')
    assert problems_of(rostock) == [
        _at(
            rostock,
            AA,
            "federfuehrend:",
            "Die Vorlage nennt „federfuehrend: 20“ und einen Einreicher – ein Antrag oder eine Anfrage wird "
            "eingereicht, nicht von einem Amt eingebracht: entfernen Sie eines von beiden (die Stellungnahme der "
            "Verwaltung ist eine eigene Vorlage mit „stellungnahme_zu“).",
        )
    ]


def test_an_antrag_without_einreicher_and_a_vorlage_with_one(rostock):
    edit(rostock / AN, "einreicher: {mitglieder: [muster, probst], datum: 2020-01-10}\n", "")
    edit(rostock / DV, 'federfuehrend: "20"', "einreicher: {fraktion: STROM, datum: 2020-01-13}")
    assert problems_of(rostock) == [
        _at(
            rostock,
            AN,
            "art:",
            "Die Vorlagenart „Antrag“ wird eingereicht – nennen Sie den Einreicher statt eines Amts, z. B. "
            "einreicher: {fraktion: STROM, datum: 2020-01-10}.",
        ),
        _at(
            rostock,
            DV,
            "einreicher:",
            "Die Vorlagenart „Dringlichkeitsvorlage“ bringt die Verwaltung ein – „einreicher“ gilt nur für Arten, "
            "die eine Fraktion oder Mitglieder einreichen (hausstil: arten: …: drucksache: antrag): entfernen Sie "
            "ihn oder wählen Sie eine solche Art, z. B. „art: Antrag“.",
        ),
    ]


def test_an_einreicher_names_a_fraktion_or_members(rostock):
    edit(rostock / AN, "{mitglieder: [muster, probst],", "{fraktion: STROM, mitglieder: [muster, probst],")
    assert problems_of(rostock) == [
        _at(
            rostock,
            AN,
            "einreicher:",
            "Der Einreicher nennt „fraktion“ und „mitglieder“ – eingereicht hat entweder eine Fraktion oder Gruppe "
            "(fraktion: GRUENE) oder eines oder mehrere Mitglieder (mitglieder: [mueller]).",
        )
    ]


def test_an_aenderungsantrag_naming_a_vorlage_that_does_not_exist(rostock):
    edit(rostock / AA, 'vorlage: "2020/DV/0662"', 'vorlage: "2020/DV/0626"')
    problems = problems_of(rostock)
    assert (
        _at(
            rostock,
            AA,
            "aendert:",
            "Unbekannte Vorlage „2020/DV/0626“ – meinten Sie „2020/DV/0662“? „aendert“ nennt eine Vorlage aus "
            "vorlagen/.",
        )
        in problems
    )


def test_an_aenderungsantrag_naming_a_point_the_beschlussvorschlag_does_not_have(rostock):
    edit(rostock / AA, "punkt: 2}", "punkt: 3}")
    assert problems_of(rostock) == [
        _at(
            rostock,
            AA,
            "aendert:",
            "Der Beschlussvorschlag der Vorlage 2020/DV/0662 hat keinen Punkt 3 (er hat: 1, 2) – nennen Sie einen "
            "seiner Punkte oder lassen Sie „punkt“ weg, wenn der Antrag ihn im Ganzen ändert.",
        )
    ]


def test_an_aenderungsantrag_without_aendert_and_aendert_elsewhere(rostock):
    edit(rostock / AA, 'aendert: {vorlage: "2020/DV/0662", punkt: 2}\n', "")
    edit(rostock / AN, "betreff:", 'aendert: {vorlage: "2020/DV/0662"}\nbetreff:')
    problems = problems_of(rostock)
    assert (
        _at(
            rostock,
            AA,
            "art:",
            "Ein Änderungsantrag („Änderungsantrag“) nennt die Vorlage, die er ändert – ergänzen Sie z. B. "
            'aendert: {vorlage: "2020/DV/0662", punkt: 2}.',
        )
        in problems
    )
    assert (
        _at(
            rostock,
            AN,
            "aendert:",
            "„aendert“ gehört zu einem Änderungsantrag, die Vorlagenart „Antrag“ ist keiner – entfernen Sie den Eintrag "
            "oder wählen Sie eine Art mit „drucksache: aenderungsantrag“.",
        )
        in problems
    )


def test_an_aenderungsantrag_stands_under_its_vorlage_on_the_agenda(rostock):
    sitzung = "sitzungen/BS-2020-01-22.yaml"
    edit(rostock / sitzung, '{top: "9.1.1", vorlage: "2020/DV/0662-01"}', '{top: "9.2", vorlage: "2020/DV/0662-01"}')
    edit(rostock / "sitzungen/BS-2020-01-22/niederschrift.yaml", 'top: "9.1.1"', 'top: "9.2"')
    assert problems_of(rostock) == [
        _at(
            rostock,
            sitzung,
            '"9.2"',
            "TOP 9.2: Der Änderungsantrag 2020/DV/0662-01 steht unter seiner Vorlage 2020/DV/0662 (TOP 9.1) – "
            "geben Sie ihm eine Nummer unter deren TOP, z. B. 9.1.1.",
        )
    ]


def test_an_anfrage_due_before_its_submission(rostock):
    edit(rostock / AF, "betreff:", "antwort_bis: 2020-01-05\nbetreff:")
    assert problems_of(rostock) == [
        _at(
            rostock,
            AF,
            "antwort_bis:",
            "Die Anfrage ist bis zum 05.01.2020 zu beantworten, aber erst am 06.01.2020 eingereicht – die Frist kann "
            "nicht vor der Einreichung enden: prüfen Sie beide Daten.",
        )
    ]


def test_an_anfrage_due_after_the_deadline_of_the_geschaeftsordnung(rostock):
    # eingereicht 06.01.2020, 28 Tage: bis zum 03.02.2020
    edit(rostock / AF, "betreff:", "antwort_bis: 2020-02-04\nbetreff:")
    assert problems_of(rostock) == [
        _at(
            rostock,
            AF,
            "antwort_bis:",
            "Die Geschäftsordnung gibt 28 Tage für die Antwort: eingereicht am 06.01.2020, ist die Anfrage bis zum "
            "03.02.2020 zu beantworten, nicht erst bis zum 04.02.2020 – tragen Sie ein früheres Datum ein oder "
            "lassen Sie „antwort_bis“ weg.",
        )
    ]


def test_an_anfrage_without_questions_and_questions_elsewhere(rostock):
    edit(
        rostock / AF,
        "fragen:\n  - Wie viele Träger erhielten 2019 Zuschüsse?\n  - Wie hoch waren die Zuschüsse insgesamt?\n",
        "",
    )
    edit(rostock / AN, "betreff:", "fragen: [Warum?]\nbetreff:")
    assert problems_of(rostock) == [
        _at(
            rostock, AF, "art:", "Eine Anfrage stellt Fragen – tragen Sie sie unter „fragen“ ein, je Frage eine Zeile."
        ),
        _at(
            rostock,
            AN,
            "fragen:",
            "„fragen“ gehört zu einer Anfrage, die Vorlagenart „Antrag“ ist keine – entfernen Sie den Eintrag oder "
            "wählen Sie eine Art mit „drucksache: anfrage“.",
        ),
    ]


def test_a_beantwortung_names_an_anfrage(rostock):
    edit(rostock / MV, 'beantwortet: "2020/AF/0701"', 'beantwortet: "2020/AN/0700"')
    assert problems_of(rostock) == [
        _at(
            rostock,
            MV,
            "beantwortet:",
            "„beantwortet“ nennt eine Anfrage, die Vorlage 2020/AN/0700 hat aber die Art „Antrag“ – nennen Sie die "
            "Nummer der richtigen Drucksache.",
        )
    ]


def test_an_anfrage_has_one_beantwortung(rostock):
    edit(rostock / DV, "betreff:", 'beantwortet: "2020/AF/0701"\nbetreff:')
    assert problems_of(rostock) == [
        _at(
            rostock,
            MV,
            "beantwortet:",
            "Die Anfrage 2020/AF/0701 beantwortet schon die Vorlage 2020/DV/0662 – eine Anfrage hat eine "
            "Beantwortung; ergänzen Sie jene oder entfernen Sie „beantwortet“ hier.",
        )
    ]


def test_the_vertretung_refuses_a_member_of_an_unknown_fraktion_and_twice_the_same_id(rostock):
    edit(rostock / "vertretung.yaml", "fraktion: HAFEN}", "fraktion: HAFN}")
    edit(rostock / "vertretung.yaml", "{id: probst,", "{id: muster,")
    v = "vertretung.yaml"
    assert problems_of(rostock) == [
        _at(
            rostock,
            v,
            "HAFN",
            "Das Mitglied „Tom Muster“ gehört zur Fraktion „HAFN“, die unter „fraktionen“ fehlt (bekannt: „STROM“, "
            "„HAFEN“) – tragen Sie sie dort ein oder korrigieren Sie das Kürzel.",
        ),
        _at(
            rostock,
            v,
            "Ella Probst",
            "Das Kürzel „muster“ steht in „mitglieder“ doppelt – vergeben Sie eindeutige Kürzel.",
        ),
    ]


def test_the_attendance_names_a_fraktion_of_the_vertretung(rostock):
    niederschrift = "sitzungen/BS-2020-01-22/niederschrift.yaml"
    edit(rostock / niederschrift, "fraktion: Gruppe Hafenliste}", "fraktion: Hafenliste}")
    assert problems_of(rostock) == [
        _at(
            rostock,
            niederschrift,
            "Hafenliste}",
            "Unbekannte Fraktion „Hafenliste“ – meinten Sie „Gruppe Hafenliste“? Nennen Sie sie mit ihrem Kürzel oder "
            "Namen aus vertretung.yaml („fraktionen“).",
        )
    ]


def test_the_attendance_names_a_members_own_fraktion(rostock):
    niederschrift = "sitzungen/BS-2020-01-22/niederschrift.yaml"
    edit(
        rostock / niederschrift,
        "{name: Tom Muster, fraktion: Gruppe Hafenliste}",
        "{name: Tom Muster, fraktion: STROM}",
    )
    assert problems_of(rostock) == [
        _at(
            rostock,
            niederschrift,
            "Tom Muster",
            "„Tom Muster“ gehört laut vertretung.yaml zur Gruppe „Gruppe Hafenliste“ (HAFEN), nicht zu „STROM“ – "
            "korrigieren Sie die Angabe hier oder in vertretung.yaml, oder lassen Sie „fraktion“ weg: dann gilt die "
            "aus vertretung.yaml.",
        )
    ]


def test_a_public_aenderungsantrag_to_a_non_public_vorlage(rostock):
    edit(rostock / DV, "oeffentlich: true", "oeffentlich: false")
    sitzung = rostock / "sitzungen/BS-2020-01-22.yaml"
    edit(sitzung, '    - {top: "9.1", vorlage: "2020/DV/0662"}\n', "")
    edit(sitzung, '    - {top: "9.1.1", vorlage: "2020/DV/0662-01"}\n', "")
    edit(rostock / "sitzungen/BS-2020-01-22/niederschrift.yaml", '  - {top: "9.1", ', '  - {top: "9.0", ')
    problems = problems_of(rostock)
    assert (
        _at(
            rostock,
            AA,
            "oeffentlich:",
            "Der Änderungsantrag ist öffentlich, die Vorlage 2020/DV/0662, die er ändert, nicht – er liest und zitiert "
            "ihre Zahlen: setzen Sie „oeffentlich: false“.",
        )
        in problems
    )
