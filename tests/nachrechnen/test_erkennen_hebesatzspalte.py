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
