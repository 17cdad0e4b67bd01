"""erkennen/spaltenbeziehung.py with figures typed rounded (aufbau/gerundet.py): a Rechnungshof's table of Personal in
Vollzeitäquivalenten (c09 of the Zusatz) types each figure rounded from fractions of Stellen, and works out the change
and its rate from the figures before rounding – so the typed difference is one off the difference of the typed
figures in many rows. Where the document counts in VZÄ such a row holds as a rounding; a slip beyond it stays one.
So too amounts a head gives in Mio. Euro (d01 of the Zusatz): each rounded to its last place.

The table is made here as such a report makes it: unrounded figures (Fraction), each typed rounded half-up, the
difference and the rate rounded from the unrounded ones."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from tests.hilfen.nachrechnen import by_status, check, erkannt, write
from tests.referenz.rechnen import rund, zahl

ZEHNTEL = F(1, 10)
UNGERUNDET = {  # VZÄ of a year and of the next, before rounding
    "Kernhaushalt": (F("53658.6"), F("54019.4")),
    "Beschäftigte der Verwaltung": (F("3180.4"), F("3075.8")),
    "Kindertageseinrichtungen": (F("9607.6"), F("10000.4")),
    "Eigenbetriebe": (F("7108.2"), F("7177.1")),
    "Kindertageseinrichtungen der Eigenbetriebe": (F("2592.3"), F("2623.2")),
    "Krankenhäuser": (F("3742.4"), F("3769.6")),
}


def _zeile(name: str, alt: F, neu: F, differenz: F | None = None, rate: F | None = None) -> str:
    differenz = rund(neu - alt) if differenz is None else differenz
    rate = rund((neu - alt) / alt * 100, ZEHNTEL) if rate is None else rate
    return f"| {name} | {zahl(rund(alt))} | {zahl(rund(neu))} | {zahl(differenz)} | {zahl(rate, 1)} |"


# a head that names the change (read by erkennen/vergleich.py), and one that names only the years (the rows show
# what the columns are: erkennen/spaltenbeziehung.py)
KOEPFE = ["|  | 2016 | 2017 | Veränderung 2016/2017 |  |", "|  | 2016 | 2017 |  |  |"]


def _tabelle(einheit: str = "VZÄ", kopf: str = KOEPFE[0], **abweichend: tuple[F | None, F | None]) -> str:
    lines = [
        "Übersicht 2: Entwicklung des Personalbestandes",
        "",
        kopf,
        "|---|---|---|---|---|",
        f"|  | {einheit} | {einheit} | {einheit} | % |",
    ]
    for name, (alt, neu) in UNGERUNDET.items():
        lines.append(_zeile(name, alt, neu, *abweichend.get(name, (None, None))))
    return "\n".join(lines) + "\n"


def _getippt(name: str) -> tuple[F, F]:
    alt, neu = UNGERUNDET[name]
    return rund(alt), rund(neu)


@pytest.mark.parametrize("kopf", KOEPFE)
def test_differences_one_off_the_typed_figures_are_roundings_where_it_counts_in_vzae(tmp_path, capsys, kopf):
    eins_daneben = [i for i, (alt, neu) in enumerate(UNGERUNDET.values()) if rund(neu - alt) != rund(neu) - rund(alt)]
    assert len(eins_daneben) >= 3  # the table is what it is meant to be: the relation misses in many rows as typed
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _tabelle(kopf=kopf)))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []
    rundung = {b["zeile"]: b for b in by_status(report, "Rundung") if "/" not in b["rechnung"]}
    assert sorted(rundung) == [6 + i for i in eins_daneben]
    for i in eins_daneben:
        alt, neu = _getippt(list(UNGERUNDET)[i])
        assert abs(F(rundung[6 + i]["werte"]["nachgerechnet"])) == abs(neu - alt)
    if kopf == KOEPFE[1]:
        readings = erkannt(tmp_path, "spaltenbeziehung", _tabelle(kopf=kopf))
        formeln = [r.formel for r in readings]
        assert formeln.count("unterschied") == formeln.count("steigerung") == len(UNGERUNDET) == len(formeln) / 2


@pytest.mark.parametrize("kopf", KOEPFE)
def test_a_slip_beyond_the_rounding_stays_a_slip(tmp_path, capsys, kopf):
    alt, neu = _getippt("Kindertageseinrichtungen")
    falsch = rund(neu - alt) + 10  # ten VZÄ off: no rounding of two figures explains it
    text = _tabelle(kopf=kopf, Kindertageseinrichtungen=(falsch, None))
    code, report, _ = check(capsys, write(tmp_path, "t.txt", text))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 8 and F(slip["werte"]["nachgerechnet"]) == neu - alt
    # a rate six tenths off (−3,9 % where the figures give −3,3 %): beyond any corner of the rounding
    alt, neu = _getippt("Beschäftigte der Verwaltung")
    richtig = rund(abs(neu - alt) / alt * 100, ZEHNTEL)
    rate = -(richtig + 6 * ZEHNTEL)
    text = _tabelle(kopf=kopf, **{"Beschäftigte der Verwaltung": (None, rate)})
    code, report, _ = check(capsys, write(tmp_path, "r.txt", text))
    (slip,) = by_status(report, "Fehler")
    # by its amount, or with its sign where the recogniser reads the column as typing a fall with its minus
    assert code == 1 and slip["zeile"] == 7 and abs(F(slip["werte"]["nachgerechnet"])) == richtig


def test_without_vzae_the_rows_one_off_show_no_relation(tmp_path):
    text = _tabelle(einheit="Beschäftigte", kopf=KOEPFE[1]).replace("Personalbestandes", "Bestandes")
    assert "VZÄ" not in text
    readings = erkannt(tmp_path, "spaltenbeziehung", text)
    assert [r for r in readings if r.formel == "unterschied"] == []


def test_small_whole_counts_in_vzae_keep_their_slips(tmp_path, capsys):
    """„12 | 15 | 3“: a count under 100 typed whole may be exact – one off is a slip there."""
    rows = [(12, 15), (20, 22), (30, 35), (40, 44), (50, 53)]
    lines = ["Stellen in VZÄ", "", "| Amt | 2016 | 2017 | Veränderung |", "|---|---|---|---|"]
    for nr, (alt, neu) in enumerate(rows):
        differenz = neu - alt + (1 if nr == 4 else 0)
        lines.append(f"| Amt {nr + 1} | {alt} | {neu} | {differenz} |")
    code, report, _ = check(capsys, write(tmp_path, "t.txt", "\n".join(lines) + "\n"))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 9 and F(slip["werte"]["nachgerechnet"]) == 53 - 50


# amounts in Mio. Euro with one place, as a report of the Finanzausgleich types them (d01 of the Zusatz): rounded from
# exact euros, the changes worked out before rounding
MILLIONEN = {
    "Lohnsteuer": (F("6220.06"), F("6620.84")),
    "Abgeltungsteuer": (F("457.44"), F("300.46")),
    "Umsatzsteuer": (F("4080.41"), F("4126.37")),
    "Einfuhrumsatzsteuer": (F("1620.24"), F("1634.76")),
    "Grunderwerbsteuer": (F("479.03"), F("653.31")),
}


def _millionen(einheit: str = "Mio. Euro", falsch: dict[str, F] | None = None) -> str:
    lines = ["| Steuer | 2013 | 2014 |  |", "|---|---|---|---|", f"|  | {einheit} | {einheit} | {einheit} |"]
    for name, (alt, neu) in MILLIONEN.items():
        differenz = (falsch or {}).get(name, rund(neu - alt, ZEHNTEL))
        lines.append(f"| {name} | {zahl(alt, 1)} | {zahl(neu, 1)} | {zahl(differenz, 1)} |")
    return "\n".join(lines) + "\n"


def test_amounts_in_millions_are_rounded_to_their_last_place(tmp_path, capsys):
    daneben = [
        i
        for i, (alt, neu) in enumerate(MILLIONEN.values())
        if rund(neu - alt, ZEHNTEL) != rund(neu, ZEHNTEL) - rund(alt, ZEHNTEL)
    ]
    assert len(daneben) >= 2  # two rows or more miss as typed: without the rounding no relation is shown
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _millionen()))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []
    rundung = {b["zeile"]: b for b in by_status(report, "Rundung")}
    assert sorted(rundung) == [4 + i for i in daneben]
    assert all("Tsd. € bzw. Mio. €" in b["hinweis"] for b in rundung.values())
    # the same table without a unit in its head: the relation is not shown
    ohne = _millionen(einheit="").replace("|  |  |  |  |\n", "")
    assert [r for r in erkannt(tmp_path, "spaltenbeziehung", ohne) if r.formel == "unterschied"] == []


def test_in_millions_a_slip_of_more_than_the_rounding_stays_one(tmp_path, capsys):
    alt, neu = MILLIONEN["Umsatzsteuer"]
    falsch = rund(neu - alt, ZEHNTEL) + 3 * ZEHNTEL  # 46,3 for 46,0: three tenths off, the rounding allows one
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _millionen(falsch={"Umsatzsteuer": falsch})))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 6
    assert F(slip["werte"]["nachgerechnet"]) == rund(neu, ZEHNTEL) - rund(alt, ZEHNTEL)
