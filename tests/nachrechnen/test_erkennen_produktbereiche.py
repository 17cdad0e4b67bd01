"""erkennen/produktbereiche.py for itself: a table by the Produktbereiche of the kommunale Doppik (d07 of the Zusatz)
– each Hauptproduktbereich the sum of its Produktbereiche under it, a row „Insgesamt“ the sum of the main rows.
Every expected sum is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction as F

from tests.hilfen.nachrechnen import by_status, check, erkannt, write
from tests.referenz.rechnen import zahl

# Produktbereich → (Ansatz 2025, Ansatz 2026) in €, the main rows' figures worked out below
BEREICHE = {
    1: {
        "11 Innere Verwaltung": (F(4_812_300), F(5_020_150)),
        "12 Sicherheit und Ordnung": (F(1_204_900), F(1_188_400)),
    },
    2: {
        "21 - 24 Schulträgeraufgaben": (F(2_960_000), F(3_105_500)),
        "25 - 29 Kultur und Wissenschaft": (F(745_200), F(760_900)),
    },
    3: {
        "31 - 35 Soziale Hilfen": (F(9_480_000), F(9_922_300)),
        "36 Kinder-, Jugend- und Familienhilfe": (F(14_310_750), F(15_002_000)),
    },
    5: {
        "51 Räumliche Planung": (F(612_400), F(598_000)),
        "54 Verkehrsflächen": (F(3_411_000), F(3_702_800)),
        "57 Wirtschaft und Tourismus": (F(288_300), F(301_000)),
    },
}
NAMEN = {1: "1 Zentrale Verwaltung", 2: "2 Schule und Kultur", 3: "3 Soziales und Jugend", 5: "5 Gestaltung der Umwelt"}


def _summe(haupt: int, spalte: int) -> F:
    return sum((werte[spalte] for werte in BEREICHE[haupt].values()), F(0))


def _tabelle(
    falsch: dict[str, F] | None = None, kopf: str = "| | Produktbereich | 2025 | 2026 |", nur: tuple[int, ...] = ()
) -> str:
    """The table of BEREICHE (or of the main rows `nur`), `falsch` replacing a main row's first figure."""
    falsch = falsch or {}
    gewaehlt = {h: b for h, b in BEREICHE.items() if not nur or h in nur}
    gesamt = [sum((_summe(h, s) for h in gewaehlt), F(0)) for s in (0, 1)]
    lines = [kopf, "|---|---|---|---|", f"| Insgesamt | | {zahl(gesamt[0])} | {zahl(gesamt[1])} |"]
    for haupt, bereiche in gewaehlt.items():
        alt, neu = (falsch.get(NAMEN[haupt], _summe(haupt, 0)), _summe(haupt, 1))
        lines.append(f"| | {NAMEN[haupt]} | {zahl(alt)} | {zahl(neu)} |")
        for name, (a, n) in bereiche.items():
            lines.append(f"| | {name} | {zahl(a)} | {zahl(n)} |")
    return "\n".join(lines) + "\n"


def _zeile(name: str) -> int:
    return next(i for i, line in enumerate(_tabelle().splitlines(), 1) if f"| {name} |" in line)


def test_each_main_row_is_the_sum_of_its_produktbereiche(tmp_path, capsys):
    readings = erkannt(tmp_path, "produktbereiche", _tabelle())
    # four main rows and the total, in two columns each
    assert len(readings) == 2 * (len(BEREICHE) + 1)
    for r in readings:
        teile = [F(t.zahl.wert) for t in r.teile]
        assert sum(teile, F(0)) == F(r.ergebnis.zahl.wert)
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _tabelle()))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "nicht eindeutig") == []


def test_a_main_row_that_does_not_add_up_is_a_slip(tmp_path, capsys):
    """The slip shows twice – in the main row's sum and in the total's; the total holds once the main row is mended:
    one FEHLER, the total confirmed as holding once the slip is corrected."""
    richtig = _summe(3, 0)
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _tabelle(falsch={NAMEN[3]: richtig + 10_000})))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == _zeile(NAMEN[3]) and F(slip["werte"]["nachgerechnet"]) == richtig


def test_a_column_in_percent_is_never_summed(tmp_path, capsys):
    """A third column of each row's change in percent: its head says so – no sum of rates is read."""
    lines = _tabelle(kopf="| | Produktbereich | 2025 | 2026 | Veränderung in % |").splitlines()
    rows = []
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        alt, neu = (F(int(c.replace(".", ""))) for c in cells[2:4])
        rows.append(line + f" {zahl((neu - alt) / alt * 100, 1)} |")
    text = "\n".join([lines[0], "|---|---|---|---|---|", *rows]) + "\n"
    readings = erkannt(tmp_path, "produktbereiche", text)
    assert len(readings) == 2 * (len(BEREICHE) + 1)  # the two columns of amounts only
    code, report, _ = check(capsys, write(tmp_path, "t.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []


def test_what_is_no_table_of_produktbereiche_is_left_alone(tmp_path):
    # a numbered list 1 … 12: after „1“ comes „2“, no row of its Produktbereiche
    liste = "| Nr. | Posten | Betrag |\n|---|---|---|\n" + "".join(
        f"| | {n} Posten | {n * 1000} |\n" for n in range(1, 13)
    )
    assert erkannt(tmp_path, "produktbereiche", liste) == []
    # the same table as plain text, not in cells: the numbers could be figures
    plain = "\n".join(line.replace("|", " ") for line in _tabelle().splitlines()) + "\n"
    assert erkannt(tmp_path, "produktbereiche", plain) == []
    # numbers that do not go up („12“ before „11“) are not read as one Hauptproduktbereich's rows
    durcheinander = _tabelle().replace("| 11 Innere", "| 13 Innere")
    assert [r for r in erkannt(tmp_path, "produktbereiche", durcheinander) if r.ergebnis.zeile.nr == 4] == []


def test_with_two_sums_that_hold_the_one_that_misses_is_a_doubt(tmp_path, capsys):
    """A table of three Hauptproduktbereiche and no total: two sums of a column hold, the third misses – which the
    column is, three sums do not show surely."""
    text = _tabelle(falsch={NAMEN[2]: _summe(2, 0) + 1}, nur=(1, 2, 3))
    text = "\n".join(line for line in text.splitlines() if "Insgesamt" not in line) + "\n"
    code, report, _ = check(capsys, write(tmp_path, "t.txt", text))
    erste = zahl(BEREICHE[2]["21 - 24 Schulträgeraufgaben"][0])
    zweifel = [b for b in by_status(report, "nicht eindeutig") if b["rechnung"].startswith(erste)]
    assert code == 0 and by_status(report, "Fehler") == [] and len(zweifel) == 1
    assert F(zweifel[0]["werte"]["nachgerechnet"]) == _summe(2, 0)
