"""erkennen/vergleich.py for itself: a comparison table whose last column is the difference of two others."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl


def test_the_difference_column_of_a_comparison(tmp_path):
    text = (
        "\tBezeichnung\tAnsatz 2023\tSoll 30.06.2023\tHochrechnung 31.12.2023\tVergleich +/- Hochrechnung ./. Ansatz\n"
        "HGr. 0\tSteuern\t60.200\t41.000\t64.450\t4.250\n"
    )
    (reading,) = [r for r in erkannt(tmp_path, "vergleich", text) if r.typ == "vergleich_differenz"]
    parts, result = werte(reading)
    assert sorted(parts) == [Fraction(60200), Fraction(64450)]
    assert result == Fraction(4250) == Fraction(64450) - Fraction(60200)


# An apl's Deckung a council information system stored one cell per line (r07 of the corpus's Zusatz, Wernigerode
# 2012): „HHST | Plan | Sollstellung | Mehreinnahmen“ – the last column the Sollstellung less the Plan.
DECKUNG = {
    "46401.1720": (Fraction(809_000), Fraction(856_600)),
    "8170.2100": (Fraction(2_609_000), Fraction(2_784_000)),
}


def _deckung(mehr: dict[str, Fraction]) -> str:
    cells = ["Deckung der Mehrausgabe:", "HHST", "Plan", "Sollstellung", "Mehreinnahmen"]
    for stelle, (plan, soll) in DECKUNG.items():
        cells += [stelle, f"   {zahl(plan, 2)} €", f"   {zahl(soll, 2)} €", f"  {zahl(mehr[stelle], 2)} €"]
    return "\n\n".join(cells) + "\n"


def test_a_column_of_mehreinnahmen_is_the_difference_of_the_two_before(tmp_path, capsys):
    richtig = {stelle: soll - plan for stelle, (plan, soll) in DECKUNG.items()}
    readings = erkannt(tmp_path, "vergleich", _deckung(richtig))
    assert sorted(werte(r)[1] for r in readings) == sorted(richtig.values())
    falsch = dict(richtig, **{"8170.2100": richtig["8170.2100"] + 1000})
    code, report, _ = check(capsys, write(tmp_path, "d.txt", _deckung(falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["nachgerechnet"] == euro(richtig["8170.2100"], cent=True)


def test_a_change_given_in_percent_only_is_no_column_of_differences(tmp_path, capsys):
    """„2025 | 2026 | Veränderung in %“ over rows without %-signs: the last column is the change in percent, not the
    difference of the two before it (read so, every row was a FEHLER of a false difference)."""
    zeilen = {
        "Innere Verwaltung": (Fraction(4_812_300), Fraction(5_020_150)),
        "Schulen": (Fraction(2_960_000), Fraction(3_105_500)),
        "Kultur": (Fraction(745_200), Fraction(760_900)),
    }
    for kopf in ("Veränderung in %", "Veränderung (%)", "Abweichung in Prozent"):
        text = f"| Bereich | 2025 | 2026 | {kopf} |\n|---|---|---|---|\n" + "".join(
            f"| {name} | {zahl(a)} | {zahl(n)} | {zahl((n - a) / a * 100, 1)} |\n" for name, (a, n) in zeilen.items()
        )
        flat = "\n".join(
            " ".join(c.strip() for c in line.strip("|").split("|")) for line in text.splitlines() if "---" not in line
        )
        for typed in (text, flat + "\n"):  # in cells, and flattened by a PDF („… 2026 Veränderung in %“)
            assert erkannt(tmp_path, "vergleich", typed) == [], kopf
            code, report, _ = check(capsys, write(tmp_path, "t.txt", typed))
            assert code == 0 and by_status(report, "Fehler") == [], kopf
    # „Veränderung absolut | Veränderung in %“: the first names a column of amounts – still read
    text = "| Bereich | 2025 | 2026 | Veränderung absolut | Veränderung in % |\n|---|---|---|---|---|\n" + "".join(
        f"| {name} | {zahl(a)} | {zahl(n)} | {zahl(n - a)} | {zahl((n - a) / a * 100, 1)} % |\n"
        for name, (a, n) in zeilen.items()
    )
    assert [r for r in erkannt(tmp_path, "vergleich", text) if r.typ == "vergleich_differenz"] != []
