"""erkennen/satzzeilen.py for itself: a base row, a rate row and the row they give, column by column – a Kreisumlage
of two years as a new user types it, with a column of changes (the rates' change in points). Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

CENT = Fraction(1, 100)
GRUNDLAGEN = (Fraction(179_233_600), Fraction(187_654_320))
SAETZE = (Fraction("43.10"), Fraction("42.45"))


def _tabelle(umlage: tuple[Fraction, Fraction] | None = None, satz_name: str = "Hebesatz") -> str:
    umlage = umlage or tuple(rund(g * s / 100, CENT) for g, s in zip(GRUNDLAGEN, SAETZE, strict=True))
    g, s, u = GRUNDLAGEN, SAETZE, umlage
    return (
        "                          2024                2025             Veränderung\n"
        f"Umlagegrundlagen   {zahl(g[0], 2)} €   {zahl(g[1], 2)} €   +{zahl(g[1] - g[0], 2)} €\n"
        f"{satz_name:<18} {zahl(s[0], 2)} %   {zahl(s[1], 2)} %   {zahl(s[1] - s[0], 2)} %-Pkt.\n"
        f"Kreisumlage   {zahl(u[0], 2)} €   {zahl(u[1], 2)} €   +{zahl(u[1] - u[0], 2)} €\n"
    )


def test_the_umlage_is_the_base_times_the_rate_in_each_year(tmp_path, capsys):
    readings = erkannt(tmp_path, "satzzeilen", _tabelle())
    assert [werte(r) for r in readings] == [
        ([g, s], rund(g * s / 100, CENT)) for g, s in zip(GRUNDLAGEN, SAETZE, strict=True)
    ]
    alt = rund(GRUNDLAGEN[1] * SAETZE[0] / 100, CENT)  # the year before's rate
    code, report, _ = check(
        capsys, write(tmp_path, "u.txt", _tabelle((rund(GRUNDLAGEN[0] * SAETZE[0] / 100, CENT), alt)))
    )
    fehler = [f for f in by_status(report, "Fehler") if f["art"] == "satzzeilen"]
    assert (
        code == 1
        and len(fehler) == 1
        and Fraction(fehler[0]["werte"]["nachgerechnet"]) == rund(GRUNDLAGEN[1] * SAETZE[1] / 100, CENT)
    )


def test_a_middle_row_that_names_no_rate_is_no_such_table(tmp_path):
    assert erkannt(tmp_path, "satzzeilen", _tabelle(satz_name="Anteil")) == []


def test_a_change_of_the_rates_typed_with_a_plus_is_no_rate_level(tmp_path):
    # „+0,65 %-Pkt.“ (a fifth helper's slipped sign) was read as a third year's rate: „8.420.720 € × 0,65 %“ a FEHLER
    text = _tabelle().replace(f"{zahl(SAETZE[1] - SAETZE[0], 2)} %-Pkt.", f"+{zahl(SAETZE[0] - SAETZE[1], 2)} %-Pkt.")
    assert "+0,65 %-Pkt." in text
    assert len(erkannt(tmp_path, "satzzeilen", text)) == 2
