"""erkennen/zusammensetzung.py for itself: an amount and, in the next sentence, what it „setzt sich zusammen aus“. The
sentences and figures are those of m03 of the corpus's Zusatz (Bad Lausick, Jahresabschluss 2018, whose parts add
to one cent less than the amount); every expected figure is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, erkannt, werte, write
from tests.referenz.rechnen import euro, zahl

TEILE = (Fraction("96487.62"), Fraction("18417.83"))


def _satz(betrag: Fraction, schluss: str = "") -> str:
    a, b = (zahl(t, 2) for t in TEILE)
    return (
        f"Die mit dem Basiskapital verrechneten {zahl(betrag, 2)} € gehen in die Rücklage aus Überschüssen des "
        f"Sonderergebnisses. Sie setzen sich zusammen aus {a} € (Verrechnungen nach § 72 SächsGemO) und {b} € "
        f"(Verrechnungen nach § 24 SächsKomHVO){schluss}.\n"
    )


def test_the_parts_it_is_made_of_add_up_to_the_amount(tmp_path):
    (reading,) = erkannt(tmp_path, "zusammensetzung", _satz(sum(TEILE)))
    assert werte(reading) == (list(TEILE), sum(TEILE)) and reading.sicher


def test_an_amount_its_parts_miss_is_a_slip(tmp_path, capsys):
    getippt = sum(TEILE) + Fraction(1, 100)  # the page's 114.905,46 for 114.905,45
    code, report, _ = check(capsys, write(tmp_path, "z.txt", _satz(getippt)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (fehler["getippt"], fehler["nachgerechnet"]) == (
        euro(getippt, cent=True),
        euro(sum(TEILE), cent=True),
    )


def test_a_sentence_that_goes_on_after_the_last_part_is_only_confirmed(tmp_path, capsys):
    text = _satz(sum(TEILE) + 1000, " sowie weiteren Verrechnungen aus Vorjahren")
    (reading,) = erkannt(tmp_path, "zusammensetzung", text)
    assert not reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "z.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert zweifel["hinweis"] == "der Satz nennt nach dem letzten Betrag noch etwas, das dazugehören kann"


def test_an_amount_two_sentences_back_or_parts_apart_by_a_clause_are_no_composition(tmp_path):
    far = _satz(sum(TEILE)).replace("Sonderergebnisses. Sie", "Sonderergebnisses. Das ist so beschlossen. Sie")
    assert erkannt(tmp_path, "zusammensetzung", far) == []
    apart = _satz(sum(TEILE)).replace(") und", "), die im Jahr 2018 gebucht wurden, und")
    assert erkannt(tmp_path, "zusammensetzung", apart) == []


# y04 of the Zusatz (Kaiserslautern, Bäder 2009): a total, a colon, its parts each named by the words after it
BAEDER = (Fraction(278_000), Fraction(261_000), Fraction(85_000))


def _doppelpunkt(gesamt: Fraction, schluss: str = ".") -> str:
    a, b, c = (zahl(t) for t in BAEDER)
    return (
        f"Die Personalkosten 2009 betragen {zahl(gesamt)} Euro: {a} Euro für das Warmfreibad, {b} Euro für die "
        f"Waschmühle und {c} Euro für den Gelterswoog{schluss} Weitere Aufwendungen kommen hinzu.\n"
    )


def test_a_total_and_its_parts_after_a_colon(tmp_path, capsys):
    gesamt = sum(BAEDER)
    assert gesamt == Fraction(624_000)  # the page's total
    (reading,) = erkannt(tmp_path, "zusammensetzung", _doppelpunkt(gesamt))
    assert werte(reading) == (list(BAEDER), gesamt) and reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "b.txt", _doppelpunkt(gesamt + 10_000)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["differenz"]) == 10_000


def test_parts_after_a_colon_that_name_more_after_the_last_are_only_a_doubt(tmp_path, capsys):
    text = _doppelpunkt(sum(BAEDER) + 10_000, " sowie weitere Kräfte.")
    code, report, _ = check(capsys, write(tmp_path, "b.txt", text))
    assert code == 0 and not by_status(report, "Fehler") and by_status(report, "nicht eindeutig")


def test_amounts_after_a_colon_larger_than_the_one_before_are_no_parts(tmp_path):
    text = "Der Zuschuss beträgt 85.000 Euro: 278.000 Euro für das Bad und 261.000 Euro für die Halle.\n"
    assert erkannt(tmp_path, "zusammensetzung", text) == []


def test_two_amounts_after_a_colon_are_only_a_doubt(tmp_path, capsys):
    # „entfallen auf“ two of the parts: the largest of several, maybe – a miss is no Fehler
    a, b = (zahl(t) for t in BAEDER[:2])
    text = (
        f"Die Personalkosten betragen 624.000 Euro: {a} Euro entfallen auf das Warmfreibad, {b} Euro auf die Halle.\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "z.txt", text))
    assert code == 0 and not by_status(report, "Fehler")
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert Fraction(zweifel["werte"]["nachgerechnet"]) == sum(BAEDER[:2])


# a total and how it is financed or split, as new users write it (no council page of the corpora has the form)
FINANZIERUNG = (Fraction(186_480), Fraction(24_160), Fraction(38_000))  # Fördermittel, Eigenmittel, Rücklage


def _finanziert(gesamt: Fraction, teile=FINANZIERUNG, schluss: str = "") -> str:
    a, b, c = (zahl(t) for t in teile)
    return (
        f"Die Gesamtkosten von {zahl(gesamt)} € werden finanziert durch Fördermittel von {a} €, Eigenmittel von {b} € "
        f"und eine Entnahme aus der Rücklage von {c} €{schluss}.\n"
    )


def test_a_total_financed_by_parts_named_before_their_amounts(tmp_path, capsys):
    gesamt = sum(FINANZIERUNG)
    (reading,) = erkannt(tmp_path, "zusammensetzung", _finanziert(gesamt))
    assert werte(reading) == (list(FINANZIERUNG), gesamt) and reading.sicher
    falsch = (FINANZIERUNG[0], FINANZIERUNG[1] + 1_000, FINANZIERUNG[2])  # a part not updated
    code, report, _ = check(capsys, write(tmp_path, "f.txt", _finanziert(gesamt, falsch)))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and (Fraction(fehler["werte"]["getippt"]), Fraction(fehler["werte"]["nachgerechnet"])) == (
        gesamt,
        sum(falsch),
    )


def test_the_financing_erfolgt_mit_and_a_split_with_und_zwar_or_verteilen_sich_auf(tmp_path, capsys):
    a, b = Fraction(60_000), Fraction("38250.50")
    texte = (
        f"Die Finanzierung der Gesamtkosten in Höhe von {zahl(a + b, 2)} € erfolgt mit {zahl(a, 2)} € aus "
        f"Fördermitteln und {zahl(b, 2)} € aus Eigenmitteln.\n",
        f"Für die Maßnahme stehen {zahl(a + b, 2)} € zur Verfügung, und zwar {zahl(a, 2)} € im Ergebnishaushalt und "
        f"{zahl(b, 2)} € im Finanzhaushalt.\n",
        f"Die Kosten von {zahl(a + b, 2)} € verteilen sich auf {zahl(a, 2)} € für Personal und {zahl(b, 2)} € für "
        f"Sachkosten.\n",
    )
    for text in texte:
        (reading,) = erkannt(tmp_path, "zusammensetzung", text)
        assert werte(reading) == ([a, b], a + b) and reading.sicher
        code, report, _ = check(capsys, write(tmp_path, "s.txt", text.replace(zahl(b, 2), zahl(b + 10, 2))))
        (fehler,) = by_status(report, "Fehler")
        assert code == 1 and Fraction(fehler["werte"]["differenz"]) == -10


def test_a_sentence_that_refers_back_to_the_total_and_ends_with_finanziert(tmp_path, capsys):
    a, b = FINANZIERUNG[0], FINANZIERUNG[1] + FINANZIERUNG[2]
    text = (
        f"Die Gesamtkosten belaufen sich auf {zahl(a + b)} €. Sie werden mit {zahl(a)} € aus Fördermitteln und "
        f"{zahl(b)} € aus Eigenmitteln finanziert.\n"
    )
    (reading,) = erkannt(tmp_path, "zusammensetzung", text)
    assert werte(reading) == ([a, b], a + b) and reading.sicher
    code, report, _ = check(capsys, write(tmp_path, "r.txt", text.replace(zahl(b), zahl(b - 100))))
    (fehler,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(fehler["werte"]["differenz"]) == 100
    # the sentence before names two amounts: which is the total, the words do not say
    zwei = text.replace("belaufen sich auf", "belaufen sich nach Abzug von 5.000 € auf")
    assert erkannt(tmp_path, "zusammensetzung", zwei) == []


def test_a_hedged_financing_is_only_a_doubt(tmp_path, capsys):
    gesamt = sum(FINANZIERUNG) + 500
    for text in (
        _finanziert(gesamt).replace("finanziert durch", "u. a. finanziert durch"),
        _finanziert(gesamt).replace("Fördermittel von", "Fördermittel von rund"),
        _finanziert(gesamt).replace("Eigenmittel von", "Eigenmittel von jährlich"),
    ):
        code, report, _ = check(capsys, write(tmp_path, "h.txt", text))
        (zweifel,) = by_status(report, "nicht eindeutig")
        assert code == 0 and zweifel["hinweis"] == (
            "der Satz schränkt ein („rund“, „u. a.“, „teilweise“, „jährlich“): die Teile müssen nicht genau den Betrag ergeben"
        )
    code, report, _ = check(capsys, write(tmp_path, "g.txt", _finanziert(gesamt, schluss=" sowie Spenden")))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and zweifel["hinweis"] == "der Satz nennt nach dem letzten Betrag noch etwas, das dazugehören kann"


def test_financing_sentences_that_cannot_be_read_one_way_are_not_read(tmp_path):
    gesamt = sum(FINANZIERUNG)
    texte = (
        # two amounts before the words: which is financed?
        _finanziert(gesamt).replace("Die Gesamtkosten von", "Von den 900.000 € werden die Gesamtkosten von"),
        # a part without its amount between two with one
        _finanziert(gesamt).replace(f"Eigenmittel von {zahl(FINANZIERUNG[1])} € und", "Eigenmittel und"),
        # a figure after the last part that is no amount as read („123T€“ typed without a space)
        _finanziert(gesamt).replace(".\n", " und mit 12T€ aus Spenden.\n"),
        # a part as large as the total
        _finanziert(FINANZIERUNG[0]),
        # „erfolgt mit“ about anything but a Finanzierung or Deckung
        "Die Auszahlung von 98.000 € erfolgt mit 60.000 € im Mai und 38.000 € im Juni.\n",
    )
    for text in texte:
        assert erkannt(tmp_path, "zusammensetzung", text) == [], text
