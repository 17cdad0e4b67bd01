"""erkennen/schluesselganzes.py for itself: a Kita's Restdefizit split by the children of each Wohnsitzgemeinde, the
whole named in the sentence above the table, the table stored one cell per line as a council information system
keeps it, no total row. Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

GANZES = Fraction(53271250, 100)  # 532.712,50 €
KINDER = [("Lindwerder", 58), ("Kranichsee", 17), ("Bergholz", 9)]
CENT = Fraction(1, 100)


def _anteil(kinder: int) -> Fraction:
    return rund(GANZES * kinder / sum(k for _, k in KINDER), CENT)


def _papier(slip: Fraction = Fraction(0), summe_genannt: bool = True, zeilen: list | None = None) -> str:
    zeilen = KINDER if zeilen is None else zeilen
    genannt = f" Am Stichtag wurden {sum(k for _, k in zeilen)} Kinder betreut." if summe_genannt else ""
    text = (
        f"Das Restdefizit von {zahl(GANZES, 2)} € ist nach der Zahl der betreuten Kinder auf die Wohnsitzgemeinden "
        f"zu verteilen.{genannt}\n\nWohnsitzgemeinde\nKinder\nAnteil in €\n"
    )
    for i, (name, kinder) in enumerate(zeilen):
        text += f"{name}\n{kinder}\n{zahl(_anteil(kinder) + (slip if i == 1 else 0), 2)}\n"
    return text


def test_each_share_is_the_whole_named_above_times_its_key_over_all_keys(tmp_path, capsys):
    readings = erkannt(tmp_path, "schluesselganzes", _papier())
    assert [werte(r)[1] for r in readings] == [_anteil(k) for _, k in KINDER]
    assert all(r.sicher and werte(r)[0][0] == GANZES for r in readings)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier()))
    assert code == 0 and not by_status(report, "Fehler")


def test_a_share_of_another_whole_is_a_slip_where_the_keys_total_is_named(tmp_path, capsys):
    # Kranichsee's share worked out from the whole Defizit before the Träger's part: 560.750 € × 17 / 84
    falsch = rund(Fraction(560750) * 17 / 84, CENT)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier(slip=falsch - _anteil(17))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 11 and Fraction(fehler["werte"]["nachgerechnet"]) == _anteil(17)
    # without „84 Kinder“ two rows that hold are too few for a slip: „nicht eindeutig“ with the reason
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _papier(falsch - _anteil(17), summe_genannt=False)))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and zweifel["hinweis"] == "die Verteilung ist aus zu wenigen Zeilen erschlossen"


def test_one_cent_off_is_no_slip(tmp_path, capsys):
    # rounded up instead of half up: a Rundung; one cent off the other way a doubt (a distribution rounds a share
    # the other way so that all add up)
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _papier(slip=CENT)))
    (rundung,) = [b for b in report["befunde"] if b["zeile"] == 11]
    assert code == 0 and rundung["status"] == "Rundung" and "aufgerundet" in rundung["hinweis"]
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _papier(slip=-CENT)))
    (zweifel,) = [b for b in report["befunde"] if b["zeile"] == 11]
    assert code == 0 and zweifel["status"] == "nicht eindeutig" and "andersherum gerundet" in zweifel["hinweis"]


def test_what_is_no_such_distribution_is_not_read(tmp_path):
    # a total row under the rows: schluesseltabelle's
    gesamt = _papier() + f"Summe\n84\n{zahl(sum(_anteil(k) for _, k in KINDER), 2)}\n"
    assert erkannt(tmp_path, "schluesselganzes", gesamt) == []
    # two rows hold, two miss: no reading
    vier = KINDER + [("Seefeld", 5)]
    text = _papier(zeilen=vier).replace(zahl(_anteil(58), 2), zahl(_anteil(58) + 1, 2))
    assert erkannt(tmp_path, "schluesselganzes", text) == []
    # no amount above the table gives the shares
    anders = _papier().replace(zahl(GANZES, 2), zahl(GANZES + 1000, 2))
    assert erkannt(tmp_path, "schluesselganzes", anders) == []
