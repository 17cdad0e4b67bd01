"""The financing engine against the figures of seed 000 and independent calculations."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction

import pytest

from tests.hilfen import DATA
from tests.referenz.rechnen import ganz, verteilen_nach
from vorlagen.compute.periode import periode
from vorlagen.compute.project import prepare
from vorlagen.core.money import split_largest_remainder
from vorlagen.load.zeitraum import Zeitraum


@pytest.fixture(scope="module")
def rechnung():
    project = prepare(DATA)
    return project.rechnungen["2021-0123"]


def per_13_months(annual: int) -> int:
    return ganz(Fraction(annual * 13, 12))


# Rows as printed in seed 000, section III (the two slips of the typed paper corrected: 0,5 × 79.928 =
# 39.964, not 39.946; 7 × 103.328 = 723.296, not 723.298).
SEED_ROWS = {
    "m1-steuerung": [
        ("3,5 x 115.418 € (E11 für 13 Monate)", 403963),
        ("3,5 x 70.091 € (59.583 € PK + 10.508 € SK für 13 Monate)", 245319),
    ],
    "m1-assistenz": [
        ("0,5 x 79.928 € (E5 für 13 Monate)", 39964),
        ("1 x 29.629 € (24.375 € PK + 5.254 € SK für 13 Monate)", 29629),
    ],
    "m2-case-management": [
        ("7 x 103.328 € (S12 für 13 Monate)", 723296),
        ("7 x 59.583 € (PK für 13 Monate)", 417081),
        ("7 x 6.771 € (SK für 13 Monate) – von den Kommunen getragen", 47397),
    ],
    "m3-berechnung-1": [
        ("3 x 68.136 € (0,75 x E9a für 13 Monate)", 204408),
        ("3 x 40.625 € (0,75 x PK für 13 Monate)", 121875),
    ],
    "m3-berechnung-2": [
        ("3 x 90.848 € (E9a für 13 Monate)", 272544),
        ("3 x 40.625 € (0,75 x PK für 13 Monate)", 121875),
    ],
}
EIGENANTEILE = {
    "m1-steuerung": 158644,
    "m1-assistenz": 10335,
    "m2-case-management": 258818,
    "m3-berechnung-1": 82533,
    "m3-berechnung-2": 150669,
}


def test_unit_amounts_for_13_months_match_the_seed():
    # Seed 000 prints these 13-month figures; the annual KGSt/KIM values reproduce them.
    assert [per_13_months(a) for a in (106540, 73780, 95380, 83860)] == [115418, 79928, 103328, 90848]
    assert [per_13_months(a) for a in (55000, 9700, 22500, 4850)] == [59583, 10508, 24375, 5254]


@pytest.mark.parametrize("table_id", list(SEED_ROWS))
def test_rows_and_labels_match_the_seed(rechnung, table_id):
    table = rechnung.tabellen[table_id]
    # Labels use a non-breaking space before "€" so the sign never starts a line.
    assert [(z.text.replace("\u00a0", " "), z.betrag) for z in table.zeilen] == [
        (t, Decimal(b)) for t, b in SEED_ROWS[table_id]
    ]


@pytest.mark.parametrize("table_id, expected", list(EIGENANTEILE.items()))
def test_eigenanteil_is_gesamtkosten_minus_abzuege(rechnung, table_id, expected):
    table = rechnung.tabellen[table_id]
    rows = SEED_ROWS[table_id]
    assert table.gesamtkosten == rows[0][1]
    assert table.abzuege == sum(b for _, b in rows[1:])
    assert table.eigenanteil == expected


def test_headings_carry_positions_and_period(rechnung):
    assert (
        rechnung.tabellen["m1-steuerung"].ueberschrift
        == "3,5\u00a0VZÄ Strategische Steuerung im KI für 01.12.2021–31.12.2022"
    )
    assert (
        rechnung.tabellen["m3-berechnung-1"].ueberschrift
        == "3 x 0,75\u00a0VZÄ (E9a) in ABH/EBH für 01.12.2021–31.12.2022"
    )


@pytest.mark.parametrize("table_id", list(SEED_ROWS))
def test_per_year_split_adds_up_and_follows_the_months(rechnung, table_id):
    table = rechnung.tabellen[table_id]
    weights = {2021: 1, 2022: 12}  # December 2021, then all of 2022
    assert table.periode.gewichte == weights
    for zeile, (_, amount) in zip(table.zeilen, SEED_ROWS[table_id]):
        assert {y: int(v) for y, v in zeile.jahre.items()} == verteilen_nach(amount, weights)
    assert sum(j.eigenanteil for j in table.jahre.values()) == table.eigenanteil
    assert sum(j.gesamtkosten for j in table.jahre.values()) == table.gesamtkosten


def test_summary_gives_the_range_of_the_modul_3_alternatives(rechnung):
    fixed = 158644 + 10335 + 258818
    summary = rechnung.uebersicht
    assert (summary.eigenanteil_min, summary.eigenanteil_max) == (fixed + 82533, fixed + 150669)
    assert summary.spanne
    assert sum(summary.jahre_min.values()) == summary.eigenanteil_min
    assert sum(summary.jahre_max.values()) == summary.eigenanteil_max


def test_bescheide_equal_vzae_times_rate(rechnung):
    modul_2 = rechnung.bescheide["2021-02-03-kim-modul-2"]
    assert modul_2.betrag == 11 * 55000
    assert [r.betrag for r in modul_2.raten] == [302500, 302500]
    modul_1 = rechnung.bescheide["2021-02-22-kim-modul-1"]
    assert modul_1.betrag == Fraction(7, 2) * (55000 + 9700) + 22500 + 4850 + 10000 + 30000


def test_cm_distribution_adds_up_to_seven_vzae_times_five_days(rechnung):
    cm = rechnung.verteilungen["cm-einsatz"]
    assert cm.summe == 35 and cm.soll == 7 * 5
    assert cm.anzahl == 15  # seed 000: 15 Kommunen with CM days
    assert [name for name, wert, _ in cm.zeilen if wert is None] == ["Eitorf", "Ruppichteroth", "Siegburg", "Troisdorf"]


def test_split_largest_remainder_examples():
    assert split_largest_remainder(Decimal(10), {"a": 1, "b": 1, "c": 1}) == {"a": 4, "b": 3, "c": 3}
    assert split_largest_remainder(Decimal("0.05"), {1: 1, 2: 1}, Decimal("0.01")) == {
        1: Decimal("0.03"),
        2: Decimal("0.02"),
    }
    assert split_largest_remainder(Decimal(-7), {1: 1, 2: 1}) == {1: -4, 2: -3}


def test_periode_whole_months_and_day_exact():
    whole = periode(Zeitraum(von=dt.date(2021, 12, 1), bis=dt.date(2022, 12, 31)), tagesgenau=False)
    assert (whole.text, whole.jahresanteil) == ("13 Monate", Fraction(13, 12))
    half_month = Zeitraum(von=dt.date(2021, 12, 16), bis=dt.date(2021, 12, 31))
    assert periode(half_month, tagesgenau=False) is None
    exact = periode(half_month, tagesgenau=True)
    assert (exact.text, exact.jahresanteil) == ("16 Tage", Fraction(16, 365))


def test_cent_precision_is_a_setting(data):
    text = (data / "koerperschaft.yaml").read_text(encoding="utf-8")
    (data / "koerperschaft.yaml").write_text(
        text.replace("name: Rhein-Sieg-Kreis", "name: Rhein-Sieg-Kreis\nrundung: cent"), encoding="utf-8"
    )
    path = data / "vorlagen" / "2021-0123" / "vorlage.yaml"
    # The whole-euro expectations no longer hold at cent precision: drop them.
    path.write_text(re.sub(r"(?m)^    erwartet: .*\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    table = prepare(data).rechnungen["2021-0123"].tabellen["m1-steuerung"]
    # 106.540 × 13/12 = 115.418,33…; 3,5 × 115.418,33 = 403.964,155 → 403.964,16 (half-up)
    assert table.zeilen[0].einheit == Decimal("115418.33")
    assert table.gesamtkosten == Decimal("403964.16")
    assert table.zeilen[0].text == "3,5 x 115.418,33\u00a0€ (E11 für 13 Monate)"
