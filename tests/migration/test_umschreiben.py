"""What `aktualisieren` says this version prints differently on purpose: a percentage an earlier 0.2.0 printed with
two places where the Körperschaft names another number of places (tester's finding W6) – only that, rounded right."""

from __future__ import annotations

import pytest

from vorlagen.migration.aktualisieren import TEXTAENDERUNGEN
from vorlagen.migration.erklaerungen import Erklaerung, Textaenderung
from vorlagen.migration.gedruckt import Abweichung, Fund

DATEI = "vorlagen/023-2025/023-2025.txt"


def abweichung(vorher: str, nachher: str) -> Abweichung:
    return Abweichung(DATEI, Fund(vorher, 40, vorher), Fund(nachher, 40, nachher))


@pytest.mark.parametrize(
    ("vorher", "nachher", "erklaert"),
    [
        ("13,83 %", "13,8 %", True),
        ("54,26 %", "54,3 %", True),  # 54,26 rounds half-up to 54,3
        ("100,00 %", "100,0 %", True),
        ("−55,75 %", "−55,8 %", True),
        ("13,83 %", "13,9 %", False),  # another value
        ("13,8 %", "13,83 %", False),  # more places now: not this change
        ("13,83 €", "13,8 €", False),  # no percentage
        ("+13,83 %", "−13,8 %", False),  # another sign
    ],
)
def test_a_percentage_printed_with_the_koerperschaft_s_places_is_explained_only_when_it_is_the_same_value(
    vorher, nachher, erklaert
):
    grund = Erklaerung("023-2025", "Prozentstellen", bewahrbar=False, prozent=1)
    assert grund.erklaert(abweichung(vorher, nachher)) is erklaert
    assert not Erklaerung("031-2025", "Prozentstellen", bewahrbar=False, prozent=1).erklaert(
        abweichung("13,83 %", "13,8 %")
    )


@pytest.mark.parametrize(
    ("vorher", "nachher", "erklaert"),
    [
        ("114", "113.700 €", True),  # 113,7 T€ shows as 114
        ("0", "380 €", True),  # 0,38 T€ showed as 0: the earlier print's flaw
        ("129", "128.880 €", True),
        ("−15", "−14.800 €", True),
        ("114,5", "114.500 €", True),  # the places of the earlier print count
        ("114", "114.600 €", True),  # 114,6 T€ rounded down: a table rounds a row so that the rows add up
        ("114,5", "114.560 €", True),
        ("114,5", "114.600 €", False),  # 114,6 T€ is printed 114,6, not 114,5: another amount
        ("114", "115.000 €", False),
        ("114", "113.000 €", False),
        ("114", "−113.700 €", False),  # another sign
        ("114 €", "113.700 €", False),  # an amount with its unit was no figure of the table in T€
        ("114", "113.700 T€", False),
        ("2024", "2.024.000 €", True),  # the amount may be any: what counts is only that it rounds so
    ],
)
def test_a_table_now_shown_in_euros_explains_only_a_figure_that_rounds_to_what_it_printed_in_teur(
    vorher, nachher, erklaert
):
    grund = Erklaerung("023-2025", "anzeige", bewahrbar=False, anzeige=("T€", "€"))
    assert grund.erklaert(abweichung(vorher, nachher)) is erklaert


def test_a_table_shown_in_teur_instead_of_mio_compares_the_amounts_in_their_units():
    grund = Erklaerung("023-2025", "anzeige", bewahrbar=False, anzeige=("Mio. €", "T€"))
    assert grund.erklaert(abweichung("1,2", "1.234"))  # 1.234 T€ = 1,234 Mio. €, shown with one place: 1,2
    assert not grund.erklaert(abweichung("1,2", "1.300"))  # 1,3 Mio. €: another amount
    assert not grund.erklaert(abweichung("1,2", "1.234 €"))  # in €, not in T€: a thousandth of the amount


def textabweichung(vorher: str, nachher: str | None, datei: str = DATEI) -> Abweichung:
    return Abweichung(datei, Fund(vorher, 25, vorher), Fund(nachher, 25, nachher) if nachher is not None else None)


@pytest.mark.parametrize(
    ("vorher", "nachher", "erklaert"),
    [
        ("(einstimmig (# Ja))", "(einstimmig, # Ja)", True),
        ("einstimmig (# Ja), # Enthaltung)", "einstimmig, # Ja, # Enthaltung)", True),
        ("(einstimmig (# Ja))", "(einstimmig, # Nein)", False),  # more changed than the release's words
        ("(einstimmig (# Ja))", "(mehrheitlich, # Ja)", False),
        ("(einstimmig (# Ja))", None, False),  # a vote no longer printed is lost, not reworded
        ("(Einstimmig (# Ja))", "(Einstimmig, # Ja)", False),  # another word: the Hausstil's, not the release's
        ("(nicht einstimmig (# Ja))", "(nicht einstimmig, # Ja)", True),  # the same words in a longer change
    ],
)
def test_a_release_s_change_of_words_explains_only_those_words(vorher, nachher, erklaert):
    abweichung_ = textabweichung(vorher, nachher)
    assert any(a.erklaert(abweichung_) for a in TEXTAENDERUNGEN) is erklaert


def test_a_vorlage_s_change_of_words_explains_nothing_in_another_vorlage():
    land = Textaenderung("023-2025", "dem Haushaltsrecht Ihres Landes", "§ # Abs. # Satz # GO NRW", "Land")
    assert land.erklaert(textabweichung("dem Haushaltsrecht Ihres Landes", "§ # Abs. # Satz # GO NRW"))
    assert land.erklaert(
        textabweichung("dem Haushaltsrecht Ihres Landes", "§ # Abs. # Satz # GO NRW", "intern/vorlagen/023-2025/x.txt")
    )
    assert not land.erklaert(
        textabweichung("dem Haushaltsrecht Ihres Landes", "§ # Abs. # Satz # GO NRW", "vorlagen/031-2025/031-2025.txt")
    )
    assert not land.erklaert(textabweichung("dem Haushaltsrecht Ihres Landes", "Art. # GO"))  # another Land's rule
    assert not land.erklaert(textabweichung("dem Haushaltsrecht Ihres Landes", None))
    # a figure in the words is „#“ on both sides: the proof of the figures compares the figures themselves
    assert land.erklaert(textabweichung("dem Haushaltsrecht Ihres Landes", "§ 85 Abs. 1 Satz 2 GO NRW"))
