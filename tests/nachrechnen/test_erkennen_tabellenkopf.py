"""erkennen/tabellenkopf.py for itself: a table whose head names a total column, and a total in brackets
followed by its year columns."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import check, erkannt, werte, write
from tests.referenz.rechnen import euro


def test_the_total_column_a_head_names(tmp_path):
    text = (
        "\t2016 EUR\t2017 EUR\t2018 EUR\tSumme EUR\nBundesmittel\t600.000,00\t2.500.000,50\t300.000,25\t3.400.000,75\n"
    )
    (reading,) = erkannt(tmp_path, "tabellenkopf", text)
    parts, result = werte(reading)
    assert parts == [Fraction(600000), Fraction(250000050, 100), Fraction(30000025, 100)]
    assert result == Fraction(340000075, 100) == sum(parts)


def test_a_total_in_brackets_over_its_year_columns(tmp_path):
    text = (
        "\t2011\t2012\t2013\t2014\n3. Konversion von Militärflächen (900.000 €)\t500.000\t150.000\t150.000\t100.000\n"
    )
    (reading,) = erkannt(tmp_path, "tabellenkopf_klammern", text)
    parts, result = werte(reading)
    assert parts == [Fraction(500000), Fraction(150000), Fraction(150000), Fraction(100000)]
    assert result == Fraction(900000) == sum(parts)


def test_part_columns_named_von_summe_in_a_table_stored_one_cell_per_line(capsys, tmp_path):
    # a Hamburg Förderfonds paper: the head „Summe | von Summe konsumtiv | von Summe investiv“, each cell on a line
    rows = [
        ("Förderfonds |", Fraction(120_000), Fraction(80_000)),
        ("Gestaltungsfonds 2020 |", Fraction(50_000), Fraction(150_000)),
    ]
    for slip in (0, 1):
        lines = ["Für beide Programme standen diese Mittel zur Verfügung:", "|", "Summe |"]
        lines += ["von Summe konsumtiv |", "von Summe investiv |"]
        for label, konsumtiv, investiv in rows:
            lines += [label, f"{euro(konsumtiv + investiv + slip * 1000, cent=True)} |"]
            lines += [f"{euro(konsumtiv, cent=True)} |", f"{euro(investiv, cent=True)} |"]
        code, report, _ = check(capsys, write(tmp_path, "a.txt", "\n".join(lines) + "\n"))
        davon = [(b["getippt"], b["status"]) for b in report["befunde"] if b["art"] == "davon_spalten"]
        assert davon == [(euro(k + i + slip * 1000, cent=True), "Fehler" if slip else "stimmt") for _, k, i in rows]
        assert code == slip


# c13 of the corpus's Zusatz (Landesrechnungshof NRW, Entgelte der Untersuchungsämter): a Markdown table whose head
# names the last column „Summe“, the rule „|---|“ under the head
_ENTGELTE = {
    "CVUA-MEL": (Fraction(10_779_511), Fraction(5_038_025)),
    "CVUA-OWL": (Fraction(5_346_000), Fraction(3_318_000)),
    "CVUA Rheinland": (Fraction(1_150_000), Fraction(8_262_361)),
}


def _markdown(summen: dict[str, Fraction]) -> str:
    rows = "".join(f"| {name} | {euro(a)} | {euro(b)} | {euro(summen[name])} |\n" for name, (a, b) in _ENTGELTE.items())
    head = "|                | Entgelte des<br>Landes | Entgelte der<br>kommunalen<br>Träger | Summe |\n"
    return "Tabelle 1\n\n" + head + "|---|---|---|---|\n" + rows


def test_the_rule_under_the_head_of_a_markdown_table_does_not_end_it(tmp_path, capsys):
    summen = {name: a + b for name, (a, b) in _ENTGELTE.items()}
    readings = erkannt(tmp_path, "tabellenkopf", _markdown(summen))
    assert [werte(r) for r in readings] == [([a, b], a + b) for a, b in _ENTGELTE.values()]
    falsch = {**summen, "CVUA-OWL": summen["CVUA-OWL"] + 1_000}
    code, report, _ = check(capsys, write(tmp_path, "f.txt", _markdown(falsch)))
    fehler = [b for b in report["befunde"] if b["status"] == "Fehler"]
    assert code == 1 and [(b["zeile"], b["nachgerechnet"]) for b in fehler] == [(6, euro(summen["CVUA-OWL"]))]
