"""erkennen/ergebnissatz.py for itself: „Die Erträge … 905.564 Euro …, Aufwendungen von 918.632 Euro … Das Defizit
beträgt somit 13.068 Euro.“ – the Defizit or Überschuss is the difference of the two. Every expected figure is worked
out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from vorlagen.nachrechnen.erkennen import ergebnissatz
from vorlagen.nachrechnen.lesen.zeile import Zeile

SATZ = (
    "Auch 2018 muss die Ortsgemeinde mit einem Minus rechnen. Die Erträge des Ergebnishaushalts sind mit insgesamt "
    "905.564 Euro geplant, ihnen stehen Aufwendungen von 918.632 Euro gegenüber. Das Defizit beträgt somit {d} Euro. "
    "Investiert werden 400.000 Euro.\n"
)


def test_a_defizit_drawn_from_ertraege_and_aufwendungen(tmp_path):
    (reading,) = erkannt(tmp_path, "ergebnissatz", SATZ.format(d="13.068"))
    parts, result = werte(reading)
    assert parts == [Fraction(918632), Fraction(905564)] and result == Fraction(13068) == parts[0] - parts[1]
    assert reading.sicher


def test_a_defizit_that_slipped_is_a_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "v.txt", SATZ.format(d="13.086")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["art"] == "ergebnissatz"
    assert Fraction(fehler["werte"]["nachgerechnet"]) == Fraction(918632) - Fraction(905564) == Fraction(13068)


def test_an_ueberschuss_with_the_amounts_the_other_way_round(tmp_path, capsys):
    text = (
        "Den Aufwendungen von 1.200.000,50 € stehen Erträge von 1.250.000,75 € gegenüber. Der Überschuss liegt "
        "somit bei 50.000,25 €.\n"
    )
    # another recogniser reads this one first; the module by itself reads it as well, the right way round
    (reading,) = ergebnissatz.recognise([Zeile(None, 1, text.strip())], ())
    parts, result = werte(reading)
    assert result == Fraction(5000025, 100) == Fraction(125000075, 100) - Fraction(120000050, 100)
    assert parts == [Fraction(125000075, 100), Fraction(120000050, 100)] and reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "v.txt", text))
    assert code == 0 and [b["status"] for b in report["befunde"]] == ["stimmt"]


def test_without_somit_or_with_the_wrong_word_it_is_unsure(tmp_path, capsys):
    for text in (
        SATZ.format(d="13.086").replace("beträgt somit", "beträgt"),
        SATZ.format(d="13.086").replace("Das Defizit", "Der Überschuss"),
    ):
        code, report, _ = check(capsys, write(tmp_path, "v.txt", text))
        assert code == 0 and by_status(report, "Fehler") == [], text
        assert [b["art"] for b in by_status(report, "nicht eindeutig")] == ["ergebnissatz"], text


def test_figures_that_are_no_ergebnis(tmp_path, capsys):
    cases = [
        # changes, not totals
        "Die Erträge steigen um 5.000 €, die Aufwendungen um 8.000 €; das Defizit beträgt somit 120.000 €.\n",
        # a change of the Defizit, not the Defizit
        "Die Erträge sinken auf 5.000 €, die Aufwendungen steigen auf 8.000 €; das Defizit wächst somit um 1.000 €.\n",
        "Die Erträge liegen bei 5.000 €, die Aufwendungen bei 8.000 €; damit ist das Defizit um 1.000 € höher.\n",
        # something between the Aufwendungen and the Defizit
        "Erträge von 905.564 Euro, Aufwendungen von 918.632 Euro und ein Finanzergebnis von 2.000 Euro; das Defizit "
        "beträgt somit 11.068 Euro.\n",
        # no Erträge: a year, a Haushaltsstelle and a page number around two amounts
        "Im Jahr 2018 sind bei 2141.54001 Ausgaben von 918.632 Euro und 905.564 Euro geplant (Seite 12); das Defizit "
        "beträgt somit 13.068 Euro.\n",
    ]
    for text in cases:
        assert erkannt(tmp_path, "ergebnissatz", text) == [], text
        code, report, _ = check(capsys, write(tmp_path, "v.txt", text))
        assert code == 0 and by_status(report, "Fehler") == [], text


def test_a_plus_in_the_finanzhaushalt_drawn_unterm_strich(tmp_path, capsys):
    text = (
        "Den Einzahlungen aus der laufenden Verwaltungstätigkeit in Höhe von 6.999.700 Euro stehen Auszahlungen in "
        "Höhe von 6.750.200 Euro gegenüber. Unterm Strich bleibt ein Plus von {p} Euro.\n"
    )
    (reading,) = erkannt(tmp_path, "ergebnissatz", text.format(p="249.500"))
    parts, result = werte(reading)
    assert parts == [Fraction(6999700), Fraction(6750200)] and result == Fraction(249500) == parts[0] - parts[1]
    code, report, _ = check(capsys, write(tmp_path, "v.txt", text.format(p="249.600")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == Fraction(6999700) - Fraction(6750200)


def test_parts_rounded_coarser_than_the_result_are_no_slip(tmp_path, capsys):
    # rund 119 and rund 136 may each be off by 0,5 Mio.: 136 − 119 = 17 says nothing against 17,5
    text = (
        "Den ordentlichen Erträgen von rund 119 Mio. Euro stehen Aufwendungen von rund 136 Mio. Euro gegenüber. "
        "Somit ergibt sich ein Defizit von 17,5 Mio. Euro, das Ergebnis liegt bei minus 17,5 Mio. Euro.\n"
    )
    assert Fraction(136) - Fraction(119) == Fraction(17) != Fraction(35, 2)
    (reading,) = erkannt(tmp_path, "ergebnissatz", text)
    assert not reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "v.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []


PRESSE = (
    "{e} Millionen Euro Gesamterträgen stehen Gesamtaufwendungen in Höhe von {a} Millionen Euro gegenüber. Im "
    "Ergebnisplan bleibt dem Kreis 2020 damit ein Jahresüberschuss von {u} Millionen Euro.\n"
)


def test_an_amount_named_by_the_noun_after_it_and_totals_called_gesamt(tmp_path):
    # „391,65 Millionen Euro Gesamterträgen stehen …“: the word after the amount names it (h09 of the Zusatz)
    ertraege, aufwendungen = Fraction(39165, 100), Fraction(38826, 100)
    text = PRESSE.format(e="391,65", a="388,26", u="3,39")
    (reading,) = erkannt(tmp_path, "ergebnissatz", text)
    parts, result = werte(reading)
    assert parts == [ertraege * 10**6, aufwendungen * 10**6] and result == (ertraege - aufwendungen) * 10**6
    assert reading.sicher


def test_a_slipped_ueberschuss_named_so_is_a_slip(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "v.txt", PRESSE.format(e="391,65", a="388,26", u="3,49")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and fehler["art"] == "ergebnissatz"
    assert Fraction(fehler["werte"]["nachgerechnet"]) == (Fraction(39165, 100) - Fraction(38826, 100)) * 10**6


def _sonderergebnis(ergebnis: str, drawn: str = "") -> str:
    # ab03 of the corpus's Zusatz (Stadt Leipzig, Jahresabschluss 2015): a word without a direction for the result
    return (
        "Summe der außerordentlichen Erträge 72.421.469,95 EUR Summe der außerordentlichen Aufwendungen "
        f"53.741.649,08- EUR {drawn}Sonderergebnis {ergebnis} EUR\n"
    )


def test_a_result_named_without_its_direction_takes_the_sign_it_is_typed_with(tmp_path, capsys):
    ertraege, aufwendungen = Fraction(7_242_146_995, 100), Fraction(5_374_164_908, 100)
    assert ertraege - aufwendungen == Fraction(1_867_982_087, 100)  # the seed's 18.679.820,87 EUR
    (reading,) = erkannt(tmp_path, "ergebnissatz", _sonderergebnis("18.679.820,87"))
    assert werte(reading) == ([ertraege, -aufwendungen], ertraege - aufwendungen) and not reading.sicher
    # drawn („somit“) and typed with the sign the amounts give: a slip is a slip
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _sonderergebnis("18.679.280,87", "somit ")))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["nachgerechnet"]) == ertraege - aufwendungen
    # typed negative, where the Erträge are larger: the word and the amounts disagree – a doubt, no slip
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _sonderergebnis("-18.679.280,87", "somit ")))
    assert code == 0 and by_status(report, "Fehler") == []
