"""The one rounding rule and the exact per-Haushaltsjahr split, against independent calculations."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from tests.hilfen import edit, run
from tests.referenz.rechnen import verteilen_nach
from vorlagen.compute.periode import periode
from vorlagen.compute.project import prepare
from vorlagen.core.fmt import prozent
from vorlagen.core.money import Rundung, percent, split_largest_remainder
from vorlagen.load.zeitraum import Zeitraum


def test_e9a_three_vzae_over_27_months_splits_as_the_rule_says():
    # 83.863 € × 27/12 = 188.691,75 → 188.692 € per VZÄ; × 3 = 566.076 €. Months 12/12/3 of 27:
    # 251.589⅓ / 251.589⅓ / 62.897⅓ – three equal remainders, the earliest year takes the left euro.
    zeitraum = Zeitraum(von=dt.date(2021, 1, 1), bis=dt.date(2023, 3, 31))
    p = periode(zeitraum, tagesgenau=False)
    assert p.gewichte == {2021: 12, 2022: 12, 2023: 3}
    _, unit, row = Rundung().zeile(Decimal(3), [Fraction(83863) * p.jahresanteil])
    assert (unit, row) == (188692, 566076)
    assert split_largest_remainder(row, p.gewichte) == {2021: 251590, 2022: 251589, 2023: 62897}


@given(
    st.integers(min_value=2000, max_value=2030),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=72),
    st.integers(min_value=0, max_value=10**9),
)
def test_split_over_every_month_pattern_matches_the_exact_reference(year, month, months, total):
    end_month = month + months - 1
    end = dt.date(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    last_day = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    p = periode(Zeitraum(von=dt.date(year, month, 1), bis=last_day), tagesgenau=False)
    assert sum(p.gewichte.values()) == months
    assert split_largest_remainder(Decimal(total), p.gewichte) == verteilen_nach(total, p.gewichte)


def test_per_unit_rounding_is_the_default_and_exact_rounding_a_setting():
    # KIM Personalkosten 55.000 € a year, 3,5 VZÄ, 13 months:
    # per unit first: 55.000 × 13/12 = 59.583,33 → 59.583; × 3,5 = 208.540,5 → 208.541 €.
    # exact: 3,5 × 55.000 × 13/12 = 208.541,67 → 208.542 €.
    share = Fraction(13, 12) * 55000
    assert Rundung().zeile(Decimal("3.5"), [share])[2] == 208541
    assert Rundung(je_einheit=False).zeile(Decimal("3.5"), [share])[2] == 208542


def _bescheid_over_13_months(data, betrag: int) -> None:
    path = data / "bescheide" / "2021-02-03-kim-modul-2.yaml"
    path.write_text(
        "datum: 2021-02-03\nbehoerde: Bezirksregierung Arnsberg\n"
        "zeitraum: {von: 2021-12-01, bis: 2022-12-31}\n"
        "positionen:\n  - {satz: kim/modul-1/koordination, anzahl: 3.5}\n"
        f"betrag: {betrag}\n",
        encoding="utf-8",
    )
    edit(
        data / "vorlagen/2021-0123/erlaeuterungen.md",
        '{{ bescheide["2021-02-03-kim-modul-2"].zeilen["Fachbezogene Pauschale Case Management je VZÄ"].anzahl | vzae }}',
        "elf",
    )


def test_bescheid_check_uses_the_same_rule_as_tables(capsys, data):
    _bescheid_over_13_months(data, 208541)
    assert prepare(data).rechnungen["2021-0123"].bescheide["2021-02-03-kim-modul-2"].betrag == 208541


def test_exact_rounding_setting_changes_tables_and_bescheid_checks_alike(capsys, data):
    _bescheid_over_13_months(data, 208541)
    edit(data / "koerperschaft.yaml", "name: Rhein-Sieg-Kreis", "name: Rhein-Sieg-Kreis\nrunden: genau")
    path = data / "vorlagen/2021-0123/vorlage.yaml"
    path.write_text(re.sub(r"(?m)^    erwartet: .*\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    assert "Betrag (Anzahl × Satz): berechnet 208.542\u00a0€, erwartet 208.541\u00a0€" in err


def test_percentages_round_half_up_at_the_chosen_places():
    assert percent(Fraction(7935, 10000)) == Decimal("79.35")
    assert percent(Fraction(79345, 100000)) == Decimal("79.35")  # half-up, not half-even (79,34)
    assert percent(Fraction(1, 3), 1) == Decimal("33.3")
    assert prozent(Fraction(110, 9595)) == "1,15\u00a0%"  # 11 / 959,5 = 1,1464… %
    assert prozent(Fraction(1, 8), 0) == "13\u00a0%"  # 12,5 % → 13 %
