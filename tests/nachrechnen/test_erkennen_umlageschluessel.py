"""erkennen/umlageschluessel.py for itself: a whole split by a key (an Umlage by Einwohner, k11 of the Zusatz) –
each share is the whole times its key over all keys. Read only where the keys, the shares and their total stand
one after the other and all shares but one hold. Every expected share is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, rund, zahl

EINWOHNER = {"Stadt Sulzbach": 16_353, "Stadt Friedrichsthal": 9_958, "Gemeinde Spiesen-Elversberg": 12_797}
UMLAGE = Fraction(2_698_201, 100)  # 26.982,01 €: shares in cents that add up exactly (checked below)
ALLE = sum(EINWOHNER.values())


def _anteile(ganzes: Fraction, schritt: Fraction) -> list[Fraction]:
    return [rund(ganzes * n / ALLE, schritt) for n in EINWOHNER.values()]


def _text(anteile: list[Fraction], insgesamt: Fraction, summe: str = "insgesamt:") -> str:
    zeilen = ["Für 2024 haben die Verbandsmitglieder eine Umlage zu zahlen.", "Einwohner zum 31.12.2022:"]
    zeilen += [f"die {name} — {zahl(Fraction(n))} Personen," for name, n in EINWOHNER.items()]
    zeilen += ["Daraus ergibt sich die Umlage"]
    zeilen += [f"für die {name} — {zahl(a, 2)} €," for name, a in zip(EINWOHNER, anteile, strict=True)]
    zeilen += [f"{summe} — {zahl(insgesamt, 2)} €."]
    return "\n".join(zeilen) + "\n"


def test_each_share_is_the_whole_times_its_key_over_all_keys(tmp_path, capsys):
    anteile = _anteile(UMLAGE, Fraction(1, 100))
    assert sum(anteile) == UMLAGE
    readings = erkannt(tmp_path, "umlageschluessel", _text(anteile, UMLAGE))
    assert len(readings) == 3
    for reading, n, anteil in zip(readings, EINWOHNER.values(), anteile, strict=True):
        parts, result = werte(reading)
        assert parts[:2] == [UMLAGE, n] and sum(parts[2:]) == ALLE and result == anteil
        assert rund(parts[0] * parts[1] / sum(parts[2:]), Fraction(1, 100)) == result
    code, report, _ = check(capsys, write(tmp_path, "u.txt", _text(anteile, UMLAGE)))
    assert code == 0 and len([b for b in by_status(report, "stimmt") if b["art"] == "umlageschluessel"]) == 3


def test_shares_rounded_to_whole_euros_and_typed_with_cents_are_a_rounding(tmp_path, capsys):
    ganzes = Fraction(26_982)
    anteile = _anteile(ganzes, Fraction(1))  # 11.283 + 6.870 + 8.829
    assert anteile == [11_283, 6_870, 8_829] and sum(anteile) == ganzes
    code, report, _ = check(capsys, write(tmp_path, "u.txt", _text(anteile, ganzes)))
    gerundet = [b for b in by_status(report, "Rundung") if b["art"] == "umlageschluessel"]
    assert code == 0 and len(gerundet) == 3 and by_status(report, "Fehler") == []
    genau = [rund(ganzes * n / ALLE, Fraction(1, 100)) for n in EINWOHNER.values()]
    assert [Fraction(b["werte"]["nachgerechnet"]) for b in gerundet] == genau


def test_a_share_that_misses_is_a_slip(tmp_path, capsys):
    anteile = _anteile(UMLAGE, Fraction(1, 100))
    falsch = [anteile[0], anteile[1] + 10, anteile[2]]
    code, report, _ = check(capsys, write(tmp_path, "u.txt", _text(falsch, UMLAGE)))
    (slip,) = [b for b in by_status(report, "Fehler") if b["art"] == "umlageschluessel"]
    assert code == 1 and slip["zeile"] == 8 and slip["nachgerechnet"] == euro(anteile[1], cent=True)


def test_what_is_no_split_by_a_key_is_left_alone(tmp_path):
    anteile = _anteile(UMLAGE, Fraction(1, 100))
    # no total named below the shares
    assert erkannt(tmp_path, "umlageschluessel", _text(anteile, UMLAGE, summe="Hinweis:")) == []
    # two shares that miss: a list of something else
    zwei = [anteile[0] + 5, anteile[1] - 5, anteile[2]]
    assert erkannt(tmp_path, "umlageschluessel", _text(zwei, UMLAGE)) == []
    # fewer shares than keys
    text = _text(anteile, UMLAGE).replace(f"für die Stadt Friedrichsthal — {zahl(anteile[1], 2)} €,\n", "")
    assert erkannt(tmp_path, "umlageschluessel", text) == []


def test_each_line_is_looked_at_a_bounded_number_of_times(tmp_path):
    """A long stretch of blank lines (before: walked again from each of its lines, 30.000 of them took 71 s): the
    looks at the lines are counted, not timed, and stay within a few per line."""
    from vorlagen.nachrechnen.erkennen import umlageschluessel
    from vorlagen.nachrechnen.lesen import einheitzeile
    from vorlagen.nachrechnen.lesen.datei import read

    class Gezaehlt(list):
        looks = 0

        def __getitem__(self, index):  # type: ignore[no-untyped-def]
            Gezaehlt.looks += 1
            return super().__getitem__(index)

    text = "Anfang 1 €\n" + "\n" * 5_000 + "die Stadt — 16.353 Personen,\nEnde\n"
    zeilen = Gezaehlt(einheitzeile.join(read(write(tmp_path, "leer.txt", text))))
    assert umlageschluessel.recognise(zeilen, ()) == []
    assert 0 < Gezaehlt.looks <= 4 * len(zeilen)


def _vorab(anteile: list[Fraction], ganzes: Fraction, summe_genannt: bool = True) -> str:
    """The whole above the keys, the keys' total and the amount per head between keys and shares, no total below
    (a Verwaltungsumlage by Einwohner as a new user lists it)."""
    zeilen = [f"Umlagebedarf: {zahl(ganzes, 2)} €", "", "Maßgebend ist die Einwohnerzahl am 30.06.2024:"]
    zeilen += [f"{name}: {zahl(Fraction(n))} Einwohner" for name, n in EINWOHNER.items()]
    if summe_genannt:
        zeilen += [f"Einwohner gesamt: {zahl(Fraction(ALLE))}"]
    zeilen += [f"Umlage je Einwohner (gerundet): {zahl(rund(ganzes / ALLE, Fraction(1, 100)), 2)} €", ""]
    zeilen += ["Auf die Mitgliedsgemeinden entfallen:"]
    zeilen += [f"{name}: {zahl(a, 2)} €" for name, a in zip(EINWOHNER, anteile, strict=True)]
    return "\n".join(zeilen) + "\n\nDie Anteile sind nach dem Einwohnerverhältnis berechnet.\n"


def test_the_whole_may_stand_above_the_keys(tmp_path, capsys):
    anteile = _anteile(UMLAGE, Fraction(1, 100))
    readings = erkannt(tmp_path, "umlageschluessel", _vorab(anteile, UMLAGE))
    assert [werte(r)[1] for r in readings] == anteile and all(r.sicher for r in readings)
    # a digit slipped in one share: with the keys' total named, two shares that hold make it a slip
    slip = anteile[:1] + [anteile[1] + 90] + anteile[2:]
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _vorab(slip, UMLAGE)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == anteile[1]
    # without it: „nicht eindeutig“
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _vorab(slip, UMLAGE, summe_genannt=False)))
    assert code == 0 and [b["hinweis"] for b in by_status(report, "nicht eindeutig")] == [
        "die Verteilung ist aus zu wenigen Zeilen erschlossen"
    ]
    # an amount above that gives no share is no whole of them
    assert (
        erkannt(tmp_path, "umlageschluessel", _vorab(anteile, UMLAGE).replace("Umlagebedarf: 26", "Umlagebedarf: 36"))
        == []
    )
