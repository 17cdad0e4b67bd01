"""A future result is listed with the Vorlage's other problems, not alone (issue 34 point 4, probe F8).

A result dated after today is an error, never a decision: until it is taken the Vorlage counts as open, so its
budget checks run and their errors come in the same run as the error about the result.
"""

from __future__ import annotations

import datetime as dt

from tests.hilfen import DATA, copy_data, edit, problems_of, vor_dem_beschluss

VORLAGE = "vorlagen/2021-0123/vorlage.yaml"
ANSATZ = 15_100_000  # haushalt/2022.yaml, Produkt 05.02.01
ZU_KNAPP = (
    "ist mehr, als dort verfügbar ist (0 € = Ansatz 15.100.000 € − gebunden 15.100.000 €) – verringern Sie sie "
    "oder decken Sie den Rest anders."
).replace(" €", "\u00a0€")  # amounts print with a no-break space


def _ohne_mittel(tmp_path, entscheidung: str):
    """The example before its decision, Produkt 05.02.01 bound in full in 2022 (nothing left for the Einsparung),
    2021/0123 decided as `entscheidung` says."""
    data = vor_dem_beschluss(copy_data(DATA, tmp_path))
    edit(data / "haushalt" / "2022.yaml", "gebunden: 14420000", f"gebunden: {ANSATZ}")
    edit(data / VORLAGE, "- {sitzung: KA-2021-06-21, rolle: Entscheidung}", entscheidung)
    return data


def _einsparung_2022(problems: list[str]) -> list[str]:
    return [p for p in problems if "Die Einsparung 2022 bei „05.02.01“" in p]


def test_a_future_result_is_listed_with_the_other_problems(tmp_path):
    data = _ohne_mittel(
        tmp_path,
        "- {sitzung: KA-2021-06-21, rolle: Vorberatung}\n"
        "  - {gremium: KT, rolle: Entscheidung, datum: 2099-01-15, ergebnis: ungeändert beschlossen, "
        "abstimmung: {ja: 12}}",
    )
    problems = problems_of(data)
    heute = dt.date.today().strftime("%d.%m.%Y")
    assert any(
        p.endswith(
            "Hier steht das Ergebnis „ungeändert beschlossen“, aber die Beratung ist erst am 15.01.2099 "
            f"(heute ist der {heute}) – ein Ergebnis gibt es erst nach der Sitzung: entfernen Sie „ergebnis“, "
            "bis es gefasst ist."
        )
        for p in problems
    ), problems
    assert len(_einsparung_2022(problems)) == 1, problems


def test_a_decision_dated_before_its_vorberatung_names_both_lines(tmp_path):
    data = vor_dem_beschluss(copy_data(DATA, tmp_path))
    edit(
        data / VORLAGE,
        "- {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "- {sitzung: KA-2021-06-21, rolle: Vorberatung}\n"
        "  - {gremium: KT, rolle: Entscheidung, datum: 2021-06-15, ergebnis: ungeändert beschlossen, "
        "abstimmung: {ja: 12}}",
    )
    assert (
        "data/vorlagen/2021-0123/vorlage.yaml:10: Diese Beratung ist am 15.06.2021, steht in der Beratungsfolge aber "
        "nach der Beratung vom 21.06.2021 (data/vorlagen/2021-0123/vorlage.yaml:9) – ein späterer Schritt kann nicht "
        "vor einem früheren liegen: prüfen Sie beide Tage."
    ) in problems_of(data)
