"""erkennen/prozentbezug.py, the base its own paragraph names: a Haushaltsvollzug where every paragraph names an
Ansatz of its own („… ist ein Ansatz von 8,4 Mio. € veranschlagt. … gebucht; das entspricht 82,7 % des Ansatzes.“)
and an Ansatz named by the verb only („… sind mit 24,35 Mio. € veranschlagt“). Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import zahl

GEWST, GEBUCHT = Fraction(84, 10), Fraction(695, 100)  # Mio. €
EST, EINGANG = Fraction(1126, 100), Fraction(802, 100)
PERSONAL, VERAUSGABT = Fraction(2435, 100), Fraction(1804, 100)


def _quote(teil: Fraction, basis: Fraction, places: int = 1) -> str:
    return zahl(teil / basis * 100, places)


def _vollzug(gewst: str | None = None, est: str | None = None, personal: str | None = None) -> str:
    gewst = gewst or _quote(GEBUCHT, GEWST)
    est = est or _quote(EINGANG, EST)
    personal = personal or _quote(VERAUSGABT, PERSONAL)
    return (
        f"Bei der Gewerbesteuer ist ein Ansatz von {zahl(GEWST, 1)} Mio. € veranschlagt. Zum 30.09. sind Erträge von "
        f"{zahl(GEBUCHT, 2)} Mio. € gebucht; das entspricht {gewst} % des Ansatzes.\n"
        "\n"
        f"Beim Gemeindeanteil an der Einkommensteuer ist ein Ansatz von {zahl(EST, 2)} Mio. € veranschlagt. Bis zum "
        f"Stichtag sind {zahl(EINGANG, 2)} Mio. € eingegangen, also {est} % des Ansatzes.\n"
        "\n"
        f"Die Personalaufwendungen sind mit {zahl(PERSONAL, 2)} Mio. € veranschlagt. Bis zum 30.09. wurden "
        f"{zahl(VERAUSGABT, 2)} Mio. € verausgabt; das sind {personal} % des Ansatzes.\n"
    )


def test_each_paragraph_s_own_ansatz(tmp_path):
    readings = erkannt(tmp_path, "prozentbezug", _vollzug())
    mio = 10**6
    assert sorted(werte(r)[0] for r in readings) == sorted(
        [[GEBUCHT * mio, GEWST * mio], [EINGANG * mio, EST * mio], [VERAUSGABT * mio, PERSONAL * mio]]
    )
    assert all(r.sicher for r in readings)


def test_a_slip_in_one_paragraph_is_found(tmp_path, capsys):
    falsch = zahl(GEBUCHT / GEWST * 100 + Fraction(1), 1)  # 83,7 for 82,7
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _vollzug(gewst=falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 1
    assert Fraction(fehler["werte"]["nachgerechnet"]) == Fraction(str(_quote(GEBUCHT, GEWST)).replace(",", "."))


def test_bis_zum_stichtag_is_no_bound(tmp_path):
    """„Bis zum Stichtag“ is a date, not „bis zu“ a cap: the rate is read."""
    readings = erkannt(tmp_path, "prozentbezug", _vollzug())
    assert any(r.ergebnis.zeile.nr == 3 for r in readings)
    capped = _vollzug().replace("Bis zum Stichtag sind", "Bis zu")
    assert not any(r.ergebnis.zeile.nr == 3 for r in erkannt(tmp_path, "prozentbezug", capped))


def test_two_ansaetze_in_one_paragraph_give_no_base(tmp_path):
    text = (
        f"Der Ansatz von {zahl(EST, 2)} Mio. € des Vorjahres wurde auf einen Ansatz von {zahl(GEWST, 1)} Mio. € "
        f"gesenkt. Bis zum Stichtag sind {zahl(GEBUCHT, 2)} Mio. € eingegangen, also "
        f"{_quote(GEBUCHT, GEWST)} % des Ansatzes.\n"
    )
    assert erkannt(tmp_path, "prozentbezug", text) == []
