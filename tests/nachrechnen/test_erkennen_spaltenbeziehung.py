"""erkennen/spaltenbeziehung.py for itself: a table whose head does not name how its columns relate („1 2 3 4“ over
Ansatz, Ergebnis, Abweichung, Abweichung in %) – a column the rows show to be the difference of two others, or that
difference in percent, is read so in every row. Every expected value is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import rund, zahl

ZEILEN = {  # Ansatz, Ergebnis of a Jahresabschluss's Erträge (w04 of the Zusatz)
    "Steuern und ähnliche Abgaben": (Fraction(80_980_000), Fraction(91_982_785)),
    "Zuwendungen und allgemeine Umlagen": (Fraction(44_764_709), Fraction(46_289_573)),
    "Sonstige Transfererträge": (Fraction(895_310), Fraction(1_219_250)),
    "Kostenerstattungen und Kostenumlagen": (Fraction(5_337_910), Fraction(6_394_581)),
    "Sonstige ordentliche Erträge": (Fraction(7_268_486), Fraction(10_392_375)),
}
HUNDERTSTEL = Fraction(1, 100)


def _prozent(plan: Fraction, ist: Fraction) -> Fraction:
    return rund((ist - plan) / plan * 100, HUNDERTSTEL)


def _tabelle(abweichung: dict[int, Fraction] | None = None, prozent: dict[int, Fraction] | None = None) -> str:
    lines = ["1 2 3 4", ""]
    for nr, (name, (plan, ist)) in enumerate(ZEILEN.items()):
        ab = (abweichung or {}).get(nr, ist - plan)
        pr = (prozent or {}).get(nr, _prozent(plan, ist))
        lines += [f"{name} {zahl(plan)} {zahl(ist)} {zahl(ab)} {zahl(pr, 2)}", ""]
    return "\n".join(lines)


def test_a_column_the_rows_show_to_be_a_difference_and_one_its_percent(tmp_path, capsys):
    readings = erkannt(tmp_path, "spaltenbeziehung", _tabelle())
    assert len(readings) == 2 * len(ZEILEN)
    differenzen = [werte(r) for r in readings if r.formel == "unterschied"]
    prozente = [werte(r) for r in readings if r.formel == "steigerung"]
    assert differenzen == [([ist, plan], ist - plan) for plan, ist in ZEILEN.values()]
    assert prozente == [([plan, ist], _prozent(plan, ist)) for plan, ist in ZEILEN.values()]
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _tabelle()))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []


def test_the_one_row_that_misses_is_a_slip_where_four_hold(tmp_path, capsys):
    plan, ist = ZEILEN["Sonstige Transfererträge"]
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _tabelle(abweichung={2: ist - plan + 1_000})))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 7 and Fraction(slip["werte"]["nachgerechnet"]) == ist - plan
    # a percentage one step of its rounding below (36,17 % for 36,18…): „nicht eindeutig“, no slip (one step above
    # is rounded up, 36,1818… as 36,19: a „Rundung“)
    knapp = _prozent(plan, ist) - HUNDERTSTEL
    code, report, _ = check(capsys, write(tmp_path, "p.txt", _tabelle(prozent={2: knapp})))
    (zweifel,) = [b for b in by_status(report, "nicht eindeutig") if b["zeile"] == 7]
    assert (
        code == 0
        and by_status(report, "Fehler") == []
        and Fraction(zweifel["werte"]["nachgerechnet"]) == knapp + HUNDERTSTEL
    )


def test_with_three_rows_that_hold_the_one_that_misses_is_a_doubt(tmp_path, capsys):
    text = "\n".join(_tabelle(abweichung={2: Fraction(1)}).splitlines()[:-2]) + "\n"  # four rows, one misses
    code, report, _ = check(capsys, write(tmp_path, "t.txt", text))
    zweifel = [b for b in by_status(report, "nicht eindeutig") if b["zeile"] == 7]
    assert code == 0 and by_status(report, "Fehler") == [] and len(zweifel) == 1
    # a row of zeros holds any difference and counts for nothing: still three rows that show it, still a doubt
    nullen = text + "Außerordentliche Erträge 0 0 0 0,00\n"
    code, report, _ = check(capsys, write(tmp_path, "n.txt", nullen))
    zweifel = [b for b in by_status(report, "nicht eindeutig") if b["zeile"] == 7]
    assert code == 0 and by_status(report, "Fehler") == [] and len(zweifel) == 1


def test_what_the_rows_do_not_show_is_left_alone(tmp_path):
    # two rows that miss: the column is something else
    zwei = _tabelle(abweichung={1: Fraction(5), 3: Fraction(7)})
    assert [r for r in erkannt(tmp_path, "spaltenbeziehung", zwei) if r.formel == "unterschied"] == []
    # rows of zeros show nothing: two rows with figures and three of zeros are no evidence
    nullen = (
        "1 2 3 4\n\n"
        + "".join(
            f"{n} {zahl(p)} {zahl(i)} {zahl(i - p)} {zahl(_prozent(p, i), 2)}\n\n"
            for n, (p, i) in list(ZEILEN.items())[:2]
        )
        + "".join(f"Leer {k} 0 0 0 0,00\n\n" for k in range(3))
    )
    assert [r for r in erkannt(tmp_path, "spaltenbeziehung", nullen) if r.formel == "unterschied"] == []


def test_the_work_in_a_document_is_bounded(tmp_path, monkeypatch):
    """The worst table for the search: eight columns, rows of zeros and of „1 2 1 2 …“, where many relations hold
    and no row ends a look early. The looks at a row are counted (not timed): a document gets a fixed budget, runs
    beyond it are not read."""
    from vorlagen.nachrechnen.erkennen import spaltenbeziehung

    looks = 0
    holds = spaltenbeziehung._holds

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal looks
        looks += 1
        return holds(*args, **kwargs)

    monkeypatch.setattr(spaltenbeziehung, "_holds", counted)
    rows = "\n".join("Zeile 1 2 1 2 1 2 1 2" if i % 2 else "Zeile 0 0 0 0 0 0 0 0" for i in range(20_000))
    readings = erkannt(tmp_path, "spaltenbeziehung", rows + "\n")
    assert 0 < looks <= spaltenbeziehung._BUDGET and readings == []  # many relations shown: chance, none read


# a Haushaltsvollzug as a pipe table (set 12's paper 09, Hessen): the rate column's head says „(%)“, its figures are
# typed plain – Ist in percent of the Ansatz, rounded to a tenth
VOLLZUG = {  # Ansatz, Ist
    "01 Innere Verwaltung": (Fraction(6_418_200), Fraction(3_087_415)),
    "02 Sicherheit und Ordnung": (Fraction(2_934_600), Fraction(1_512_308)),
    "03 Schulträgeraufgaben": (Fraction(4_105_900), Fraction(1_688_740)),
    "05 Soziale Leistungen": (Fraction(3_276_400), Fraction(1_921_055)),
    "12 Verkehrsflächen": (Fraction(2_618_000), Fraction(905_277)),
}
ZEHNTEL = Fraction(1, 10)


def _vollzug(head: str, quote: dict[str, Fraction]) -> str:
    text = f"| Produktbereich | Ansatz 2024 (€) | Ist 30.06.2024 (€) | {head} | noch verfügbar (€) |\n|:---|---:|---:|---:|---:|\n"
    for name, (ansatz, ist) in VOLLZUG.items():
        q = quote.get(name, rund(ist / ansatz * 100, ZEHNTEL))
        text += f"| {name} | {zahl(ansatz)} | {zahl(ist)} | {zahl(q, 1)} | {zahl(ansatz - ist)} |\n"
    return text


def test_a_rate_column_whose_head_gives_it_in_percent_is_read_as_a_share(tmp_path, capsys):
    # before, only a column typed with „%“ in every row was read as a share: „48,1“ under „(%)“ was left unchecked
    readings = [
        r for r in erkannt(tmp_path, "spaltenbeziehung", _vollzug("Inanspruchnahme (%)", {})) if r.formel == "quote"
    ]
    assert [werte(r) for r in readings] == [
        ([ist, ansatz], rund(ist / ansatz * 100, ZEHNTEL)) for ansatz, ist in VOLLZUG.values()
    ]
    ansatz, ist = VOLLZUG["05 Soziale Leistungen"]
    falsch = rund(Fraction(205_500) / ansatz * 100, ZEHNTEL)  # the paper's slip: a share of another amount (6,3)
    code, report, _ = check(
        capsys, write(tmp_path, "v.md", _vollzug("Inanspruchnahme (%)", {"05 Soziale Leistungen": falsch}))
    )
    (slip,) = by_status(report, "Fehler")
    assert (
        code == 1
        and slip["zeile"] == 6
        and Fraction(slip["werte"]["nachgerechnet"]) == rund(ist / ansatz * 100, ZEHNTEL)
    )


def test_a_column_of_plain_figures_under_a_head_without_percent_is_no_share(tmp_path):
    # the same figures under „Kennzahl“: they may be anything – not read as a share
    readings = erkannt(tmp_path, "spaltenbeziehung", _vollzug("Kennzahl", {}))
    assert [r for r in readings if r.formel == "quote"] == []
