"""`nachrechnen` on the notations council papers use (issue 24, item 1).

Each form comes in a small document written here, with public figures in our own sentences. The expected
figures are computed in the test with exact Fractions, apart from the engine; every form also has a slip
variant whose German report line is asserted.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from .conftest import run
from .test_nachrechnen import by_status, check, write

NBSP = "\u00a0"


def eur(value: Fraction) -> str:
    """A whole-euro figure as the report prints it ('1.837.500 €'), formatted here, not by the engine."""
    assert value.denominator == 1
    sign = "\u2212" if value < 0 else ""
    return sign + f"{abs(value.numerator):,}".replace(",", ".") + NBSP + "€"


def signed(value: Fraction) -> str:
    return ("+" if value > 0 else "") + eur(value)


# --- amounts typed with ",-", ",--" and ",– €" ----------------------------------------------------------------

BAU = Fraction(2_450_000)
LAND = Fraction(1_837_500)  # 75 % Landesförderung
EIGEN = BAU - LAND


def test_an_amount_typed_with_a_dash_is_never_dropped(capsys, tmp_path):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", "Die Baukosten betragen 2.450.000,- €.\n"))
    assert code == 0 and report["befunde"] == []
    assert report["nicht_geprueft"] == [{"seite": None, "zeile": 1, "zahl": eur(BAU)}]


@pytest.mark.parametrize("dash", [",-", ",--", ",–", ",—"])
def test_dashed_amounts_in_a_block_are_recomputed(capsys, tmp_path, dash):
    text = (f"Baukosten\t2.450.000{dash} €\n"
            f"Zuschuss des Landes\t- 1.837.500{dash} €\n"
            f"Eigenanteil der Stadt\t= 612.500{dash} €\n")
    code, report, _ = check(capsys, write(tmp_path, "a.txt", text))
    assert code == 0, report
    assert [(b["status"], b["getippt"]) for b in report["befunde"]] == [("stimmt", eur(EIGEN))]
    assert report["nicht_geprueft"] == []


def test_dashed_amount_slip_is_reported(capsys, tmp_path):
    typed = Fraction(621_500)
    text = "Baukosten\t2.450.000,- €\nZuschuss des Landes\t- 1.837.500,- €\nEigenanteil der Stadt\t= 621.500,- €\n"
    code, out, _ = run(capsys, "nachrechnen", str(write(tmp_path, "a.txt", text)))
    assert code == 1
    assert (f"Z. 3           FEHLER       getippt {eur(typed)}, nachgerechnet {eur(EIGEN)} "
            f"(Differenz {signed(typed - EIGEN)})") in out


def test_dashed_amount_without_euro_sign_and_euro_before(capsys, tmp_path):
    # 3 x 12.000 = 36.000; a dash alone marks whole euros, "EUR" before the figure too
    code, report, _ = check(capsys, write(tmp_path, "a.txt", "Miete 3 x EUR 12.000,- = 36.000,-\n"))
    assert code == 0
    assert [(b["rechnung"], b["getippt"]) for b in report["befunde"]] == [
        ("3 x " + eur(Fraction(12_000)), eur(3 * Fraction(12_000)))]
