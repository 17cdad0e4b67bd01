"""erkennen/anteilsliste.py for itself: a list of amounts, each with its share of the whole in percent – read only
where it is one (three pairs or more, shares adding up to 100 as their rounding allows, all but one at most
holding); then the one that misses is a slip, or „nicht eindeutig“ where it misses by one step of its rounding.
Every expected share is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

# a budget's earnings per 1.000 € (as a council's budget page shows them: the name, below it amount and share)
POSTEN = {
    "01 Steuern und ähnliche Abgaben": Fraction(63055, 100),
    "02 Zuwendungen und allgemeine Umlagen": Fraction(17771, 100),
    "23 Außerordentliche Erträge": Fraction(3882, 100),
    "07 Sonstige ordentliche Erträge": Fraction(3639, 100),
    "06 Kostenerstattungen und Kostenumlagen": Fraction(3492, 100),
    "04 Öffentlich-rechtliche Leistungsentgelte": Fraction(2953, 100),
    "19 Finanzerträge": Fraction(2923, 100),
    "08 Aktivierte Eigenleistungen": Fraction(1168, 100),
    "05 Privatrechtliche Leistungsentgelte": Fraction(843, 100),
    "03 Sonstige Transfererträge": Fraction(274, 100),
}
GANZES = sum(POSTEN.values())


def _anteile() -> list[Fraction]:
    return [rund(betrag / GANZES * 100, Fraction(1, 100)) for betrag in POSTEN.values()]


def _verteilung(anteile: list[Fraction], form: str = "liste") -> str:
    zeilen = ["Ordentliche Erträge", "", "VERTEILUNG PRO 1.000 €"]
    for (name, betrag), anteil in zip(POSTEN.items(), anteile, strict=True):
        if form == "liste":
            zeilen += [f"  • {name}", f"    {zahl(betrag, 2)} € ({zahl(anteil, 2)}%)"]
        elif form == "zeilen":  # a chart's legend: the amount on one line, its share on the next
            zeilen += [name, f"{zahl(betrag, 2)} €", f"{zahl(anteil, 2)}%"]
        else:  # words between the amount and its share: no pair
            zeilen += [f"{name}: {zahl(betrag, 2)} € sind {zahl(anteil, 2)} %"]
    return "\n".join(zeilen) + "\n"


def test_every_share_of_the_list_is_its_amount_in_percent_of_all_together(tmp_path, capsys):
    anteile = _anteile()
    assert GANZES == 1000 and abs(sum(anteile) - 100) <= Fraction(1, 100)  # per 1.000 €, 99,99 % together
    for form in ("liste", "zeilen"):
        readings = erkannt(tmp_path, "anteilsliste", _verteilung(anteile, form))
        assert len(readings) == len(POSTEN), form
        for reading, betrag, anteil in zip(readings, POSTEN.values(), anteile, strict=True):
            parts, result = werte(reading)
            assert parts[0] == betrag and sum(parts[1:]) == GANZES and result == anteil, form
    code, report, _ = check(capsys, write(tmp_path, "v.txt", _verteilung(anteile)))
    assert code == 0 and len(by_status(report, "stimmt")) == len(POSTEN)


def test_a_share_that_misses_is_a_slip_and_one_a_step_off_a_doubt(tmp_path, capsys):
    anteile = _anteile()
    falsch = list(anteile)
    falsch[2] = anteile[2] + Fraction(30, 100)  # 3,88 % typed as 4,18 %
    code, report, _ = check(capsys, write(tmp_path, "v.txt", _verteilung(falsch)))
    (slip,) = by_status(report, "Fehler")
    assert (
        code == 1 and slip["zeile"] == 9 and slip["getippt"] == "4,18\u00a0%" and slip["nachgerechnet"] == "3,88\u00a0%"
    )
    assert len(by_status(report, "stimmt")) == len(POSTEN) - 1
    # one step: a list may round one share the other way – rounded up (3,882 % as 3,89 %) it is a rounding,
    # below (3,87 %) a doubt; neither a slip
    genau = POSTEN["23 Außerordentliche Erträge"] / GANZES * 100
    assert genau == Fraction(3882, 1000) and anteile[2] == Fraction(388, 100)
    for knapp, status in (
        (anteile[2] + Fraction(1, 100), "Rundung"),
        (anteile[2] - Fraction(1, 100), "nicht eindeutig"),
    ):
        typed = [*anteile[:2], knapp, *anteile[3:]]
        code, report, _ = check(capsys, write(tmp_path, "k.txt", _verteilung(typed)))
        (found,) = by_status(report, status)
        assert code == 0 and found["zeile"] == 9 and by_status(report, "Fehler") == [], status


def test_what_is_no_list_of_shares_is_left_alone(tmp_path):
    anteile = _anteile()
    # words between an amount and its share: the share may be of anything
    assert erkannt(tmp_path, "anteilsliste", _verteilung(anteile, "saetze")) == []
    # the shares of some of the items only (they do not make up 100 %)
    teil = _verteilung(anteile).split("  • 19")[0]
    assert erkannt(tmp_path, "anteilsliste", teil) == []
    # two shares that miss: a list of something else
    zwei = list(anteile)
    zwei[1], zwei[2] = anteile[2], anteile[1]
    assert erkannt(tmp_path, "anteilsliste", _verteilung(zwei)) == []


# a key of three members for an Umlage, in a table with its total row at 100 %
EINWOHNER = {"Stadt Sulzbach": 16_353, "Stadt Friedrichsthal": 9_958, "Gemeinde Spiesen-Elversberg": 12_797}


def test_a_table_whose_total_row_is_100_percent(tmp_path, capsys):
    gesamt = sum(EINWOHNER.values())
    zeilen = ["| Mitglied | Einwohner | Anteil |", "| --- | --- | --- |"]
    anteile = [rund(Fraction(n, gesamt) * 100, Fraction(1, 100)) for n in EINWOHNER.values()]
    for (name, n), anteil in zip(EINWOHNER.items(), anteile, strict=True):
        zeilen.append(f"| {name} | {zahl(n)} | {zahl(anteil, 2)} % |")
    zeilen.append(f"| Summe | {zahl(gesamt)} | 100,00 % |")
    readings = erkannt(tmp_path, "anteilsliste", "\n".join(zeilen) + "\n")
    assert [werte(r) for r in readings] == [
        ([n, gesamt], anteil) for n, anteil in zip(EINWOHNER.values(), anteile, strict=True)
    ]
    assert abs(sum(anteile) - 100) <= Fraction(3, 200)  # 99,99 %: within the rounding of three shares


def test_a_row_that_opens_with_its_share_pairs_it_with_the_amount_after_it(tmp_path, capsys):
    """„Stadt Sulzbach | 30,89 % | 11.283,00 €“: the Umlage of each member after its share, the shares of the Umlage
    together; a share typed wrong is a slip."""
    umlage = {"Stadt Sulzbach": Fraction(1_128_300, 100), "Stadt Friedrichsthal": Fraction(687_000, 100)}
    umlage["Gemeinde Spiesen-Elversberg"] = Fraction(882_900, 100)
    umlage["Gemeinde Quierschied"] = Fraction(954_100, 100)  # four: a slip needs three shares that hold
    gesamt = sum(umlage.values())
    anteile = [rund(b / gesamt * 100, Fraction(1, 100)) for b in umlage.values()]

    def tabelle(anteile: list[Fraction]) -> str:
        zeilen = [
            f"| {n} | {zahl(a, 2)} % | {zahl(b, 2)} € |" for (n, b), a in zip(umlage.items(), anteile, strict=True)
        ]
        return "| Mitglied | Anteil | Umlage |\n" + "\n".join(zeilen) + "\n"

    readings = erkannt(tmp_path, "anteilsliste", tabelle(anteile))
    assert [werte(r)[1] for r in readings] == anteile and [werte(r)[0][0] for r in readings] == list(umlage.values())
    falsch = [anteile[0], anteile[1] + 1, *anteile[2:]]
    code, report, _ = check(capsys, write(tmp_path, "u.txt", tabelle(falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 3


def test_a_list_of_expenses_typed_with_their_minus_is_a_list_of_shares(tmp_path, capsys):
    """A budget page's chart of expenses: „-630,55 €“ over „63,06%“ – each share of all the list's expenses; a
    share typed wrong is a slip."""
    anteile = _anteile()

    def ausgaben(anteile: list[Fraction]) -> str:
        zeilen = ["Ordentliche Aufwendungen", ""]
        for (name, betrag), anteil in zip(POSTEN.items(), anteile, strict=True):
            zeilen += [name, f"-{zahl(betrag, 2)} €", f"{zahl(anteil, 2)}%"]
        return "\n".join(zeilen) + "\n"

    readings = erkannt(tmp_path, "anteilsliste", ausgaben(anteile))
    assert len(readings) == len(POSTEN)
    for reading, betrag, anteil in zip(readings, POSTEN.values(), anteile, strict=True):
        parts, result = werte(reading)
        assert parts[0] == -betrag and sum(parts[1:]) == -GANZES and result == anteil
    falsch = list(anteile)
    falsch[0] = anteile[0] + 1  # 63,06 % typed as 64,06 %
    code, report, _ = check(capsys, write(tmp_path, "a.txt", ausgaben(falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 5 and slip["nachgerechnet"] == f"{zahl(anteile[0], 2)}\u00a0%"


def test_a_list_that_mixes_signs_is_no_list_of_shares(tmp_path):
    """Expenses with a refund among them, each share typed without its sign as a part of the net sum: the
    expenses' shares hold, the refund's (of the signed sum a negative share) would miss – it is no slip claimed, a
    list of amounts of both signs is not read as one of shares."""
    betraege = [-b for b in POSTEN.values()] + [Fraction(2_500, 100)]
    netto = sum(betraege)
    anteile = [rund(abs(b / netto) * 100, Fraction(1, 100)) for b in betraege]
    assert rund(betraege[-1] / netto * 100, Fraction(1, 100)) == -anteile[-1] != 0  # the trap: its sign
    zeilen = ["Ordentliche Aufwendungen", ""]
    for name, betrag, anteil in zip([*POSTEN, "Erstattung"], betraege, anteile, strict=True):
        zeilen += [name, f"{'-' if betrag < 0 else ''}{zahl(abs(betrag), 2)} €", f"{zahl(anteil, 2)}%"]
    assert erkannt(tmp_path, "anteilsliste", "\n".join(zeilen) + "\n") == []


# a town's costs as a page stores its table one cell per line (y03 of the Zusatz): „in %“ over the shares, typed
# without their unit, a blank line between cells; the total row calls its amount 100,0
FREIBAD_EINNAHMEN = {"Benutzungsgebühren": Fraction(9091), "Pachteinnahmen": Fraction(449), "vermischte": Fraction(72)}
FREIBAD_AUSGABEN = {
    "Innere Verrechnungen": Fraction(46845),
    "Personalaufwand": Fraction(27075),
    "Wasser und Energie": Fraction(8588),
    "Unterhaltung": Fraction(5648),
    "Versicherungen": Fraction(5100),
}


def _zellen(posten: dict[str, Fraction], gesamt: str, anteile: list[Fraction] | None = None) -> str:
    summe = sum(posten.values())
    anteile = anteile or [rund(b / summe * 100, Fraction(1, 10)) for b in posten.values()]
    zellen = [c for (name, b), a in zip(posten.items(), anteile) for c in (name, zahl(b), zahl(a, 1))]
    return "\n\n".join([*zellen, gesamt, zahl(summe), "100,0"])


def _freibad(ausgaben_anteile: list[Fraction] | None = None, kopf: str = "in %") -> str:
    return (
        "Kosten und Erlöse 2009 (alle Angaben in Euro):\n\nEinnahmen\n\n"
        f"{kopf}\n\n{_zellen(FREIBAD_EINNAHMEN, 'Einnahmen gesamt:')}\n\nAusgaben\n"
        f"{_zellen(FREIBAD_AUSGABEN, 'Ausgaben gesamt:', ausgaben_anteile)}\n"
    )


def test_shares_typed_without_their_unit_under_a_head_in_percent(tmp_path, capsys):
    readings = [r for r in erkannt(tmp_path, "anteilsliste", _freibad())]
    einnahmen, ausgaben = sum(FREIBAD_EINNAHMEN.values()), sum(FREIBAD_AUSGABEN.values())
    expected = [(b, einnahmen) for b in FREIBAD_EINNAHMEN.values()] + [(b, ausgaben) for b in FREIBAD_AUSGABEN.values()]
    assert [tuple(werte(r)[0]) for r in readings] == expected
    assert [werte(r)[1] for r in readings] == [rund(b / g * 100, Fraction(1, 10)) for b, g in expected]
    # a share two steps off (50,0 for 46.845 of 93.256 = 50,23… % → 50,2): a slip in its line, exit 1
    anteile = [rund(b / ausgaben * 100, Fraction(1, 10)) for b in FREIBAD_AUSGABEN.values()]
    falsch = [anteile[0] - Fraction(2, 10), *anteile[1:]]
    code, report, _ = check(capsys, write(tmp_path, "f.txt", _freibad(falsch)))
    fehler = [b for b in by_status(report, "Fehler") if b["erkannt"].startswith("Anteil an der Summe")]
    assert code == 1 and len(fehler) == 1 and Fraction(fehler[0]["werte"]["nachgerechnet"]) == anteile[0]


def test_figures_with_decimals_under_no_head_in_percent_are_no_shares(tmp_path):
    assert erkannt(tmp_path, "anteilsliste", _freibad(kopf="in Euro")) == []


# --- the total a budget page sets over its list, glued to its word in capitals (w02 and w03 of the Zusatz) -------


def _mit_gesamt(gesamt: Fraction, kopf: str = "ERTRÄGE GESAMT{} €") -> str:
    return _verteilung(_anteile()).replace("VERTEILUNG PRO 1.000 €", kopf.format(zahl(gesamt, 2)))


def test_a_word_in_capitals_glued_to_an_amount_leaves_it_an_amount():
    from vorlagen.nachrechnen.lesen.zahlenlesen import figures

    (gesamt,) = figures("ERTRÄGE GESAMT252.737.843 €")
    assert (gesamt.wert, gesamt.einheit) == (252_737_843, "€")
    # one capital before digits names a grade or a row („A13“), no word: nothing glued is read there
    assert [z.text for z in figures("Besoldung A13.000 €")] == []


def test_the_total_over_a_list_of_shares_is_the_sum_of_its_items(tmp_path, capsys):
    assert GANZES == sum(POSTEN.values()) == 1000
    readings = erkannt(tmp_path, "anteilsliste", _mit_gesamt(GANZES))
    (summe,) = [r for r in readings if r.formel == "summe"]
    parts, result = werte(summe)
    assert parts == list(POSTEN.values()) and result == sum(parts) == GANZES and summe.ergebnis.zeile.nr == 3
    # typed 1.010,00: a slip in that line, the shares (of the items' sum) still hold
    code, report, _ = check(capsys, write(tmp_path, "g.txt", _mit_gesamt(Fraction(1010))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["zeile"] == 3 and Fraction(fehler["werte"]["nachgerechnet"]) == GANZES


def test_a_line_above_that_is_no_total_of_the_list_is_left_alone(tmp_path):
    for kopf in ("VERTEILUNG PRO {} €", "ERTRÄGE GESAMT {} € und 2.000,00 €", "ERTRÄGE GESAMT {} T€"):
        readings = erkannt(tmp_path, "anteilsliste", _mit_gesamt(Fraction(1010), kopf))
        assert [r for r in readings if r.formel == "summe"] == [], kopf


# a table typed in cells (d04 of the Zusatz): the amounts of 2016 and their shares „in %“ without the sign, beside
# them the growth since 2010 and its rate, also „in %“ – two columns headed „in %“ in the same rows
ZUWEISUNGEN = {
    "Schlüsselzuweisungen": (1300, 400),
    "Familienleistungsausgleich": (110, 18),
    "Sondervermögen": (210, 105),
}
ZUWEISUNGEN |= {"Konsolidierungshilfen": (90, 41)}


def _zuweisungen(verschoben: int = 0) -> str:
    ganzes = sum(stand for stand, _ in ZUWEISUNGEN.values())
    zeilen = ["| Zuweisungen | 2016 | | Zuwachs seit 2010 | |", "|---|---|---|---|---|"]
    zeilen.append("| Finanzwirtschaft | in Mio. € | in % | in Mio. € | in % |")
    for i, (name, (stand, zuwachs)) in enumerate(ZUWEISUNGEN.items()):
        anteil = rund(Fraction(stand * 100, ganzes)) + (verschoben if i == 1 else 0)
        rate = rund(Fraction(zuwachs * 100, stand - zuwachs), Fraction(1, 10))
        zeilen.append(f"| {name} | {zahl(stand)} | {zahl(anteil)} | +{zahl(zuwachs)} | {zahl(rate, 1)} |")
    zuwachs = sum(z for _, z in ZUWEISUNGEN.values())
    zeilen.append(
        f"| Summe | {zahl(ganzes)} | 100 | {zahl(zuwachs)} | {zahl(rund(Fraction(zuwachs * 100, ganzes - zuwachs)))} |"
    )
    return "\n".join(zeilen) + "\n"


def test_shares_typed_without_their_sign_in_a_cell_headed_in_percent_are_a_list(tmp_path, capsys):
    ganzes = sum(stand for stand, _ in ZUWEISUNGEN.values())
    code, report, _ = check(capsys, write(tmp_path, "z.txt", _zuweisungen()))
    shares = [b for b in by_status(report, "stimmt") if b["erkannt"] == "Anteil an der Summe einer Liste"]
    assert code == 0 and [Fraction(b["werte"]["nachgerechnet"]) for b in shares] == [
        rund(Fraction(stand * 100, ganzes)) for stand, _ in ZUWEISUNGEN.values()
    ]  # the growth rates in the other column „in %“ are no shares of one whole: not read as a list
    code, report, _ = check(capsys, write(tmp_path, "z.txt", _zuweisungen(verschoben=3)))
    (befund,) = by_status(report, "Fehler")  # three steps of its rounding off, the others holding: a slip
    assert code == 1 and Fraction(befund["werte"]["nachgerechnet"]) == rund(Fraction(110 * 100, ganzes))


# a Finanzierungsplan as an HTML page (set 12's paper 17, NRW): the share column's head says „… in %“ at its end, its
# figures plain; three sources, so a slip leaves two shares that hold
FINANZIERUNG = {"Landesmittel": Fraction(70_152), "Kreis": Fraction(17_538), "Eigenmittel": Fraction(43_510)}


def _finanzierung(typed: dict[str, Fraction]) -> str:
    gesamt = sum(FINANZIERUNG.values())
    text = "<table>\n<tr><th>Finanzierung</th><th>Euro</th><th>Anteil an den Gesamtausgaben in %</th></tr>\n"
    for name, betrag in FINANZIERUNG.items():
        anteil = typed.get(name, rund(betrag / gesamt * 100, Fraction(1, 10)))
        text += f"<tr><td>{name}</td><td>{zahl(betrag, 2)}</td><td>{zahl(anteil, 1)}</td></tr>\n"
    return text + f"<tr><td>Summe Finanzierung</td><td>{zahl(gesamt, 2)}</td><td></td></tr>\n</table>\n"


def test_a_head_ending_in_percent_over_plain_shares_and_a_slip_among_three_is_a_doubt(tmp_path, capsys):
    gesamt = sum(FINANZIERUNG.values())
    code, report, _ = check(capsys, write(tmp_path, "r.html", _finanzierung({})))
    shares = [b for b in report["befunde"] if b["art"] == "anteilsliste"]
    assert code == 0 and len(shares) == 3 and all(b["status"] == "stimmt" for b in shares)
    right = rund(FINANZIERUNG["Kreis"] / gesamt * 100, Fraction(1, 10))
    code, report, _ = check(capsys, write(tmp_path, "f.html", _finanzierung({"Kreis": right + 1})))
    (doubt,) = [b for b in by_status(report, "nicht eindeutig") if b["art"] == "anteilsliste"]
    assert code == 0 and doubt["zeile"] == 4 and Fraction(doubt["werte"]["nachgerechnet"]) == right
