"""erkennen/hebesatzspalte.py for itself: a Hebesatz table whose head names the Messbetrag, the Hebesätze and the
Aufkommen – each Aufkommen the Messbetrag times its Hebesatz in percent. Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

MESSBETRAEGE = {"Grundsteuer A": 18420, "Grundsteuer B": 412860, "Gewerbesteuer": 1248300}
HEBESAETZE = {"Grundsteuer A": (340, 360), "Grundsteuer B": (395, 425), "Gewerbesteuer": (370, 380)}
EURO = Fraction(1)


def _aufkommen(art: str, neu: int) -> Fraction:
    return rund(Fraction(MESSBETRAEGE[art]) * HEBESAETZE[art][neu] / 100, EURO)


def _tabelle(
    kopf: str = "Steuerart\tMessbetrag €\tHebesatz bisher %\tAufkommen bisher €\tHebesatz neu %\tAufkommen neu €",
    falsch: int = 0,
) -> str:
    lines = [kopf]
    for art in MESSBETRAEGE:
        neu = _aufkommen(art, 1) + (falsch if art == "Grundsteuer B" else 0)
        cells = [art, zahl(Fraction(MESSBETRAEGE[art]), 0), str(HEBESAETZE[art][0]), zahl(_aufkommen(art, 0), 0)]
        lines.append("\t".join([*cells, str(HEBESAETZE[art][1]), zahl(neu, 0)]))
    return "Nach den Messbescheiden ergibt sich:\n\n" + "\n".join(lines) + "\n"


def test_each_aufkommen_is_the_messbetrag_times_its_hebesatz(tmp_path, capsys):
    readings = erkannt(tmp_path, "hebesatzspalte", _tabelle())
    expected = sorted(_aufkommen(art, neu) for art in MESSBETRAEGE for neu in (0, 1))
    assert sorted(werte(r)[1] for r in readings) == expected and all(r.sicher for r in readings)
    assert werte(readings[0])[0] == [Fraction(18420), Fraction(340)]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle()))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_slip_in_an_aufkommen_is_found(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _tabelle(falsch=9000)))
    (fehler,) = by_status(report, "Fehler")
    assert (
        code == 1
        and fehler["zeile"] == 5
        and Fraction(fehler["werte"]["nachgerechnet"]) == _aufkommen("Grundsteuer B", 1)
    )


def test_what_the_head_does_not_name_is_not_read(tmp_path):
    # no Messbetrag named: which column is multiplied is open
    kopf = "Steuerart\tBetrag €\tHebesatz bisher %\tAufkommen bisher €\tHebesatz neu %\tAufkommen neu €"
    assert erkannt(tmp_path, "hebesatzspalte", _tabelle(kopf)) == []
    # no Hebesatz named
    kopf = "Steuerart\tMessbetrag €\tSatz bisher\tAufkommen bisher €\tSatz neu\tAufkommen neu €"
    assert erkannt(tmp_path, "hebesatzspalte", _tabelle(kopf)) == []


MESS = [
    ("Grundsteuer A", Fraction(4138217, 100), 312),
    ("Grundsteuer B – Wohnen", Fraction(41280655, 100), 598),
    ("Grundsteuer B – Nichtwohnen", Fraction(15824010, 100), 895),
]


def _zellen(falsch: Fraction | None = None) -> str:
    """A pipe table whose rows leave the cells of the year before empty: each row of its own width."""
    head = "| Steuerart | Messbeträge 2025 (€) | Hebesatz 2025 (%) | Aufkommen 2025 (€) | Aufkommen 2024 (€) |\n|---|---:|---:|---:|---:|\n"
    rows = ""
    for k, (name, mess, satz) in enumerate(MESS):
        aufkommen = rund(mess * satz / 100, Fraction(1, 100)) if not (falsch and k == 1) else falsch
        vorjahr = " 118.640,00 |" if k == 0 else " |"
        rows += f"| {name} | {zahl(mess, 2)} | {satz} | {zahl(aufkommen, 2)} |{vorjahr}\n"
    return head + rows


def test_rows_in_cells_of_their_own_width_are_read_by_their_cells(tmp_path, capsys):
    readings = erkannt(tmp_path, "hebesatzspalte", _zellen())
    expected = [([mess, Fraction(satz)], rund(mess * satz / 100, Fraction(1, 100))) for _, mess, satz in MESS]
    assert sorted(werte(r) for r in readings) == sorted(expected)
    falsch = rund(MESS[1][1] * MESS[1][2] / 100, Fraction(1, 100)) + 900
    code, report, _ = check(capsys, write(tmp_path, "a.md", _zellen(falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 4
