"""What `aktualisieren` says this version prints differently on purpose: a percentage an earlier 0.2.0 printed with
two places where the Körperschaft names another number of places (tester's finding W6) – only that, rounded right."""

from __future__ import annotations

import pytest

from vorlagen.review.gedruckt import Abweichung, Fund
from vorlagen.review.umschreiben import Erklaerung

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
