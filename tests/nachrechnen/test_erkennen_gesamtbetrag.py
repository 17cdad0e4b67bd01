"""erkennen/gesamtbetrag.py for itself: „Gesamtbetrag der Einzahlungen/Auszahlungen“ of a Haushaltssatzung's
Finanzhaushalt is the sum of the rows above that name the same flow, not of the Salden between them. The page form –
each label on a line, its amount after a blank line, a Saldo whose amount stands three lines further down – and the
figures are those of i11 of the corpus's Zusatz (Landau 2020, with its slip 184.771.993 for …933); every expected
figure is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl

EIN = {"ordentlichen": 140829354, "außerordentlichen": 0, "Investitionstätigkeit": 17418731, "Finanzierung": 26523848}
AUS = {"ordentlichen": 147848184, "außerordentlichen": 0, "Investitionstätigkeit": 35673749, "Finanzierung": 1250000}


def _betrag(value: Fraction) -> str:
    return ("-" if value < 0 else "") + zahl(abs(value)) + " Euro"


def _satzung(gesamt_ein: Fraction, gesamt_aus: Fraction) -> str:
    lines = ["1. im Finanzhaushalt", ""]

    def row(label: str, value: Fraction, blanks: int = 1) -> None:
        lines.extend([label, *[""] * blanks, _betrag(value), "", " ", ""])

    row("ordentlichen Einzahlungen auf", EIN["ordentlichen"])
    row("ordentlichen Auszahlungen auf", AUS["ordentlichen"])
    row("Saldo der ordentlichen Ein- und Auszahlungen auf", Fraction(EIN["ordentlichen"] - AUS["ordentlichen"]))
    row("außerordentlichen Einzahlungen auf", EIN["außerordentlichen"])
    row("außerordentlichen Auszahlungen auf", AUS["außerordentlichen"])
    row("Einzahlungen aus Investitionstätigkeit auf", EIN["Investitionstätigkeit"])
    row("Auszahlungen aus Investitionstätigkeit auf", AUS["Investitionstätigkeit"])
    row("Einzahlungen aus Finanzierungstätigkeit auf", EIN["Finanzierung"])
    row("Auszahlungen aus Finanzierungstätigkeit auf", AUS["Finanzierung"])
    saldo = Fraction(EIN["Finanzierung"] - AUS["Finanzierung"])
    row("Saldo der Ein- und Auszahlungen aus Finanzierungstätigkeit auf", saldo, blanks=3)
    row("Gesamtbetrag der Einzahlungen auf", gesamt_ein)
    row("Gesamtbetrag der Auszahlungen auf", gesamt_aus)
    return "\n".join(lines) + "\n"


def test_the_totals_are_the_sums_of_the_rows_of_their_own_flow(tmp_path):
    ein, aus = Fraction(sum(EIN.values())), Fraction(sum(AUS.values()))
    readings = erkannt(tmp_path, "gesamtbetrag", _satzung(ein, aus))
    assert [werte(r) for r in readings] == [
        ([Fraction(v) for v in EIN.values()], ein),
        ([Fraction(v) for v in AUS.values()], aus),
    ]
    assert all(r.sicher for r in readings)


def test_a_slipped_total_is_a_slip_with_the_rows_of_its_flow(tmp_path, capsys):
    ein, aus = Fraction(sum(EIN.values())), Fraction(sum(AUS.values()))
    getippt = aus + 60  # the slip of the page: a 3 typed as a 9
    code, report, _ = check(capsys, write(tmp_path, "h.txt", _satzung(ein, getippt)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["art"] == "listensumme"
    assert (fehler["getippt"], fehler["nachgerechnet"]) == (euro(getippt), euro(aus))
    assert fehler["erkannt"].startswith("„Gesamtbetrag der Auszahlungen“")


def test_a_total_naming_more_than_its_flow_is_a_row_of_its_own(tmp_path):
    """Hessen: „Gesamtbetrag der Einzahlungen aus laufender Verwaltungstätigkeit“ is one of the rows."""
    text = _satzung(Fraction(1), Fraction(2)).replace(
        "Gesamtbetrag der Einzahlungen auf", "Gesamtbetrag der Einzahlungen aus laufender Verwaltungstätigkeit auf"
    )
    assert [r.ergebnis.zahl.text for r in erkannt(tmp_path, "gesamtbetrag", text)] == ["2 Euro"]


def test_a_row_between_that_names_no_flow_leaves_the_total_unread(tmp_path):
    text = _satzung(Fraction(1), Fraction(2)).replace("außerordentlichen Auszahlungen auf", "Kredite auf")
    assert erkannt(tmp_path, "gesamtbetrag", text) == []


# j06 of the corpus's Zusatz (a Brandenburg Nachtragssatzung): the totals first, „davon bei den:“, then the rows –
# bisher | erhöht um | vermindert um | nunmehr, with rows of empty cells between
DAVON_EIN = [(57056986, 2355300, 25000), (8626783, 1126000, 864550), (0, 0, 0), (0, 0, 0)]
DAVON_AUS = [(54816048, 6061100, 976320), (12216704, 9472900, 1067300), (349255, 0, 0), (0, 0, 0)]
ARTEN = ["aus laufender Verwaltungstätigkeit", "aus der Investitionstätigkeit", "aus der Finanzierungstätigkeit"]


def _zeile(label: str, bisher: int, plus: int, minus: int) -> str:
    nunmehr = Fraction(bisher + plus - minus)
    return f"{label} | {zahl(Fraction(bisher))} | {zahl(Fraction(plus))} | {zahl(Fraction(minus))} | {zahl(nunmehr)} |"


def _nachtrag(ein: list[Fraction]) -> str:
    aus = [Fraction(sum(r[i] for r in DAVON_AUS)) for i in range(3)]
    lines = [
        "Im Finanzhaushalt |",
        "|",
        "die Einzahlungen | " + " | ".join(zahl(v) for v in ein) + " |",
        _zeile("die Auszahlungen", *(int(v) for v in aus)),
        "|",
        "|",
        "davon bei den: |",
        "|",
    ]
    labels = [*ARTEN, "aus der Auflösung von Liquiditätsreserven"]
    for art, e, a in zip(labels, DAVON_EIN, DAVON_AUS, strict=True):
        lines += [_zeile(f"Einzahlungen {art}", *e), _zeile(f"Auszahlungen {art}", *a), "|", "|", "|"]
    return "\n".join(lines) + "\nAm Gesamtbetrag der Kredite ändert sich nichts.\n"


def test_totals_over_davon_bei_den_are_the_sums_of_their_rows_column_by_column(tmp_path, capsys):
    columns = [Fraction(sum(r[i] for r in DAVON_EIN)) for i in range(3)]
    ein = [*columns, columns[0] + columns[1] - columns[2]]
    readings = erkannt(tmp_path, "gesamtbetrag", _nachtrag(ein))
    assert [werte(r)[1] for r in readings if r.ergebnis.zeile.nr == 3] == ein
    assert all(r.sicher and len(r.teile) == 4 for r in readings) and len(readings) == 8
    falsch = [*ein[:1], ein[1] + 1000, *ein[2:]]
    code, report, _ = check(capsys, write(tmp_path, "d.txt", _nachtrag(falsch)))
    fehler = [b for b in by_status(report, "Fehler") if b["art"] == "listensumme"]
    assert code == 1 and [(b["zeile"], b["nachgerechnet"]) for b in fehler] == [(3, zahl(ein[1]))]


# A Niedersachsen Satzung (NKomVG): the rows „2.1 der Einzahlungen aus laufender Verwaltungstätigkeit“ …, label and
# amount on one line apart by spaces, and under „festgesetzt.“ the totals „Nachrichtlich: Gesamtbetrag“ / „- der
# Einzahlungen des Finanzhaushaltes“ (k16 of the corpus's Zusatz, Wangerland 2024, with its slip …827 for …837).
NDS_EIN = (25972737, 1165100, 6100000)
NDS_AUS = (25702568, 8154000, 581700)


def _nachrichtlich(gesamt_ein: str, gesamt_aus: str) -> str:
    arten = ("aus laufender Verwaltungstätigkeit", "für Investitionstätigkeit", "für Finanzierungstätigkeit")
    lines = ["2. im Finanzhaushalt", "    mit dem jeweiligen Gesamtbetrag", ""]
    for nummer, (art, ein, aus) in enumerate(zip(arten, NDS_EIN, NDS_AUS, strict=True)):
        lines += [f"2.{2 * nummer + 1} der Einzahlungen {art}          {zahl(Fraction(ein))} €", ""]
        lines += [f"2.{2 * nummer + 2} der Auszahlungen {art}          {zahl(Fraction(aus))} €", "", " ", ""]
    lines += ["festgesetzt.", "", " ", "", "Nachrichtlich: Gesamtbetrag", "", " ", ""]
    lines += [f"- der Einzahlungen des Finanzhaushaltes          {gesamt_ein}", ""]
    lines += [f"- der Auszahlungen des Finanzhaushaltes          {gesamt_aus}", ""]
    return "\n".join(lines) + "\n"


def test_the_totals_noted_under_the_satzung_are_the_sums_of_the_rows_of_their_flow(tmp_path, capsys):
    ein, aus = Fraction(sum(NDS_EIN)), Fraction(sum(NDS_AUS))
    readings = erkannt(tmp_path, "gesamtbetrag", _nachrichtlich(zahl(ein) + " €", zahl(aus) + " €"))
    assert [werte(r) for r in readings] == [
        ([Fraction(v) for v in NDS_EIN], ein),
        ([Fraction(v) for v in NDS_AUS], aus),
    ]
    getippt = ein - 10  # the page's slip: …827 for …837
    code, report, _ = check(capsys, write(tmp_path, "n.txt", _nachrichtlich(zahl(getippt) + " €", zahl(aus) + " €")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["getippt"], fehler["nachgerechnet"]) == (euro(getippt), euro(ein))


def test_a_total_the_page_cut_off_or_without_the_line_naming_it_is_no_total(tmp_path):
    ein = Fraction(sum(NDS_EIN))
    cut = _nachrichtlich(zahl(ein) + " €", "34")  # the stored page ends inside the amount
    assert [werte(r)[1] for r in erkannt(tmp_path, "gesamtbetrag", cut)] == [ein]
    unnamed = _nachrichtlich(zahl(ein) + " €", "34").replace("Nachrichtlich: Gesamtbetrag", "Nachrichtlich:")
    assert erkannt(tmp_path, "gesamtbetrag", unnamed) == []


# Brandenburg (q05 of the Zusatz, a Stadt 2024): the two totals first, then „Die Ein- und Auszahlungen des
# Finanzhaushaltes verteilen sich so:“ and the rows of each flow; „f —“ a stray mark of the page before each amount.
BB_EIN = (21_563_600, 6_473_800, 0, 0)
BB_AUS = (22_612_400, 7_044_400, 143_900, 0)


def _brandenburg(ein: Fraction, aus: Fraction) -> str:
    teile = ("laufender Verwaltungstätigkeit", "der Investitionstätigkeit", "der Finanzierungstätigkeit", "sonstigem")
    lines = ["| 2. | im Finanzhaushalt mit dem Gesamtbetrag der |", "|"]
    lines += [f"| Einzahlungen auf f — {zahl(ein)} EUR |", "|", f"| Auszahlungen auf f — {zahl(aus)} EUR |"]
    lines += ["festgesetzt.", "| Die Ein- und Auszahlungen des Finanzhaushaltes verteilen sich so: | |"]
    for teil, e, a in zip(teile, BB_EIN, BB_AUS, strict=True):
        lines += [f"| Einzahlungen aus {teil} auf f — {zahl(Fraction(e))} EUR | |"]
        lines += [f"| Auszahlungen aus {teil} auf f — {zahl(Fraction(a))} EUR | |", "|", "|"]
    return "\n".join(lines) + "\nFür Kredite wird kein Betrag festgesetzt.\n"


def test_totals_before_the_rows_they_split_into(tmp_path, capsys):
    ein, aus = Fraction(sum(BB_EIN)), Fraction(sum(BB_AUS))
    readings = erkannt(tmp_path, "gesamtbetrag", _brandenburg(ein, aus))
    assert [werte(r) for r in readings] == [
        ([Fraction(v) for v in BB_EIN], ein),
        ([Fraction(v) for v in BB_AUS], aus),
    ]
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _brandenburg(ein, aus + 100)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["nachgerechnet"] == euro(aus)


def test_totals_without_the_line_that_splits_them_are_not_read_so(tmp_path):
    text = _brandenburg(Fraction(sum(BB_EIN)), Fraction(sum(BB_AUS))).replace("verteilen sich so:", "lauten:")
    assert erkannt(tmp_path, "gesamtbetrag", text) == []


def test_totals_with_their_saldo_between_and_rows_that_fall_on_each_flow(tmp_path, capsys):
    """q04 and u05 of the Zusatz: the Finanzierungssaldo under the two totals, and „Von den Einzahlungen und
    Auszahlungen des Finanzhaushaltes entfallen auf:“ over the rows – the same sums."""
    ein, aus = Fraction(sum(BB_EIN)), Fraction(sum(BB_AUS))

    def text(ein: Fraction, aus: Fraction) -> str:
        saldo = f"| Finanzierungssaldo: | {zahl(ein - aus)} EUR |"
        out = _brandenburg(ein, aus).replace("festgesetzt.", saldo + "\nfestgesetzt.")
        return out.replace(
            "| Die Ein- und Auszahlungen des Finanzhaushaltes verteilen sich so: | |",
            "Von den Einzahlungen und Auszahlungen des Finanzhaushaltes entfallen auf:",
        )

    assert ein - aus == Fraction(-1_763_300)
    readings = erkannt(tmp_path, "gesamtbetrag", text(ein, aus))
    assert [werte(r) for r in readings] == [
        ([Fraction(v) for v in BB_EIN], ein),
        ([Fraction(v) for v in BB_AUS], aus),
    ]
    code, report, _ = check(capsys, write(tmp_path, "b.txt", text(ein + 1_000, aus)))
    fehler = [f for f in by_status(report, "Fehler") if "die Einzahlungen nennen" in f["erkannt"]]
    assert code == 1 and [f["nachgerechnet"] for f in fehler] == [euro(ein)]
    # „entfallen auf“ in the middle of a sentence is no line that splits the totals
    mitten = text(ein, aus).replace("entfallen auf:", "entfallen auf die Stadt und werden so verteilt.")
    assert erkannt(tmp_path, "gesamtbetrag", mitten) == []
