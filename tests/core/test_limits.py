"""Bounded resources (issue 9, point 9): where each bound lies and that the overridable one can be overridden.

The exact messages of the bounds are corpus cases in tests/ablauf/test_corpus.py; these tests pin the edges.
"""

from __future__ import annotations

import datetime as dt

from tests.hilfen import edit, line_of, run
from vorlagen.core.problems import Where
from vorlagen.load.zeitraum import Zeitraum, laenge

M2 = "bescheide/2021-02-03-kim-modul-2.yaml"


def _zeitraum(von: str, bis: str) -> Zeitraum:
    return Zeitraum(von=dt.date.fromisoformat(von), bis=dt.date.fromisoformat(bis))


HIER = Where("bescheide/b.yaml", 4)


def test_six_years_are_plausible_the_seventy_third_month_needs_lang():
    assert laenge(_zeitraum("2021-01-01", "2026-12-31"), False, HIER) == []  # 72 months
    [problem] = laenge(_zeitraum("2021-01-01", "2027-01-31"), False, HIER)  # 73 months
    assert problem.where == HIER and "umfasst 73 Monate" in problem.message
    assert laenge(_zeitraum("2021-01-01", "2027-01-31"), True, HIER) == []


def test_fifty_calendar_years_with_lang_and_not_one_more():
    assert laenge(_zeitraum("2021-12-01", "2070-01-31"), True, HIER) == []  # 2021 … 2070: 50 years
    [problem] = laenge(_zeitraum("2021-12-01", "2071-01-31"), True, HIER)
    assert "erstreckt sich über 51 Kalenderjahre" in problem.message


def test_lang_true_lets_a_long_bewilligungszeitraum_be_computed(capsys, data):
    """With „lang: true“ ten years are computed: 11 VZÄ × 55.000 € × 10 years = 6.050.000 € against 605.000 €."""
    edit(data / M2, "bis: 2021-12-31}", "bis: 2030-12-31}\nlang: true")
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    assert err.splitlines()[0] == (
        f"data/{M2}:{line_of(data / M2, 'betrag')}: Bescheid „2021-02-03-kim-modul-2“, Betrag (Anzahl × Satz): "
        "berechnet 6.050.000\u00a0€, erwartet 605.000\u00a0€, Differenz +5.445.000\u00a0€ – prüfen Sie den erwarteten "
        "Wert und die Eingangswerte."
    )
    assert "Monate, mehr als sechs Jahre" not in err


def test_more_than_fifty_haushaltsjahre(capsys, erlenbruch):  # noqa: F811
    path = erlenbruch / "vorlagen/2024-0057/vorlage.yaml"
    years = ", ".join(f"{year}: 1" for year in range(2025, 2076))  # 51 years
    edit(path, "haushaltsjahre: {2025: 15, 2026: 55, 2027: 30}", f"haushaltsjahre: {{{years}}}")
    code, _, err = run(capsys, "check", "--data", str(erlenbruch))
    assert code == 1
    assert err.splitlines()[0] == (
        f"{erlenbruch.name}/vorlagen/2024-0057/vorlage.yaml:{line_of(path, '2075: 1')}: „haushaltsjahre“ nennt 51 "
        "Jahre – mehr als 50 Haushaltsjahre rechnet vorlagen nicht; prüfen Sie die Angaben."
    )


def test_a_table_of_exactly_one_thousand_rows_is_fine(capsys, data):
    text = data / "vorlagen/2021-0123/vorbemerkungen.md"
    text.write_text("# Liste\n\n| Nr. |\n|---|\n" + "".join(f"| {i} |\n" for i in range(999)), encoding="utf-8")
    code, _, err = run(capsys, "check", "--ohne-satz", "--data", str(data))
    assert code == 0, err
