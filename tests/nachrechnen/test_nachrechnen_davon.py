"""A whole split with „davon“ in a sentence (erkennen/prosa.py): before, every such split was a guess that only
confirms – „Die Kosten betragen 100.000 €, davon 60.000 € für den Bau und 50.000 € für die Ausstattung“ passed with
exit 0, its three figures merely „nicht geprüft“, and so did „davon sind 640.000 € förderfähig. Nicht förderfähig
sind 90.000 €“ (the rest of 720.000 € is 80.000 €). Now parts that exceed their whole are a slip, parts that fall
short a doubt (a part may be unnamed), and the rest a next sentence names as „nicht förderfähig“ is the whole less
the part. Every expected value is worked out here with Fraction; the hostile cases are splits that name only some
parts („u. a.“) and two ways of parting one whole (by funding and by year)."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

GANZ, BAU, AUSSTATTUNG = Fraction(100_000), Fraction(60_000), Fraction(40_000)


def _satz(ganz: Fraction, bau: Fraction, ausstattung: Fraction, vor: str = "") -> str:
    return (
        f"Die Kosten betragen {zahl(ganz)} €, davon {vor}{zahl(bau)} € für den Bau und {zahl(ausstattung)} € für "
        "die Ausstattung.\n"
    )


def test_a_split_that_adds_up_holds(tmp_path, capsys):
    assert BAU + AUSSTATTUNG == GANZ
    code, report, _ = check(capsys, write(tmp_path, "a.md", _satz(GANZ, BAU, AUSSTATTUNG)))
    (stimmt,) = by_status(report, "stimmt")
    assert code == 0 and Fraction(stimmt["werte"]["nachgerechnet"]) == GANZ


def test_parts_that_exceed_their_whole_are_a_slip(tmp_path, capsys):
    falsch = AUSSTATTUNG + 10_000
    code, report, _ = check(capsys, write(tmp_path, "a.md", _satz(GANZ, BAU, falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == BAU + falsch


def test_parts_that_fall_short_are_a_doubt(tmp_path, capsys):
    falsch = AUSSTATTUNG - 10_000
    code, report, _ = check(capsys, write(tmp_path, "a.md", _satz(GANZ, BAU, falsch)))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and by_status(report, "Fehler") == []
    assert "die Sätze nennen nicht ausdrücklich alle Teile" in zweifel["hinweis"]


def test_a_split_that_names_only_some_parts_is_no_doubt(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _satz(GANZ, BAU, AUSSTATTUNG - 10_000, "u. a. ")))
    assert code == 0 and by_status(report, "nicht eindeutig") == [] and by_status(report, "Fehler") == []


def test_two_ways_of_parting_one_whole_are_no_slip(tmp_path, capsys):
    text = "Die Investitionen betragen 10.000.000 €, davon 6.000.000 € gefördert und 8.000.000 € im Jahr 2026.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    assert code == 0 and by_status(report, "Fehler") == []


def test_parts_named_by_years_that_exceed_their_whole_are_a_slip(tmp_path, capsys):
    ganz, a, b = Fraction(1_200_000), Fraction(800_000), Fraction(500_000)  # 1.300.000 named
    text = f"Der Zuschuss wird auf {zahl(ganz)} € festgesetzt, davon entfallen auf 2025 {zahl(a)} € und auf 2026 {zahl(b)} €.\n"
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == a + b


FOERDERFAEHIG_GANZ, FOERDERFAEHIG = Fraction(720_000), Fraction(640_000)


def _rest(rest: Fraction) -> str:
    return (
        f"Die Gesamtkosten der Sanierung betragen {zahl(FOERDERFAEHIG_GANZ)} €, davon sind {zahl(FOERDERFAEHIG)} € "
        f"förderfähig. Nicht förderfähig sind {zahl(rest)} €.\n"
    )


def test_the_rest_the_next_sentence_names_is_the_whole_less_the_part(tmp_path, capsys):
    richtig = FOERDERFAEHIG_GANZ - FOERDERFAEHIG
    code, report, _ = check(capsys, write(tmp_path, "a.md", _rest(richtig)))
    assert code == 0 and [Fraction(b["werte"]["getippt"]) for b in by_status(report, "stimmt")] == [richtig]
    code, report, _ = check(capsys, write(tmp_path, "b.md", _rest(richtig + 10_000)))
    (slip,) = by_status(report, "Fehler")
    # the rest is the figure worked out: it is named the slip, the whole stays as typed
    assert code == 1 and Fraction(slip["werte"]["getippt"]) == richtig + 10_000
    assert Fraction(slip["werte"]["nachgerechnet"]) == richtig


def test_a_next_sentence_that_names_another_quality_is_no_rest(tmp_path, capsys):
    text = _rest(Fraction(90_000)).replace("Nicht förderfähig sind", "Nicht zuwendungsfähig sind")
    code, report, _ = check(capsys, write(tmp_path, "a.md", text))
    assert code == 0 and by_status(report, "Fehler") == []


# „davon“ over a list of bullets, as a Mitteilungsvorlage of a Kämmerei writes its Investitionsprogramm in Markdown
PROGRAMM = {
    "Neubau Feuerwehrgerätehaus": Fraction(1_420_000),
    "Sanierung Rathausdach": Fraction(985_000),
    "Ausbau Lindenweg": Fraction(760_000),
    "Digitalisierung der Schulen": Fraction(700_000),
}


def _programm(teile: dict[str, Fraction], ganz: Fraction | None = None) -> str:
    ganz = sum(PROGRAMM.values()) if ganz is None else ganz
    text = f"Im Haushalt 2025 sind Auszahlungen für Investitionen von insgesamt {zahl(ganz)} € vorgesehen, davon\n\n"
    return text + "".join(f"- {zahl(betrag)} € {name}\n" for name, betrag in teile.items())


def test_a_bullet_of_markdown_is_no_minus(tmp_path, capsys):
    # before, „- 1.420.000 € Neubau …“ in a .md file was read as −1.420.000 €
    code, report, _ = check(capsys, write(tmp_path, "a.md", "Die Kosten:\n\n- 1.420.000 € Neubau\n"))
    assert [z["zahl"] for z in report["nicht_geprueft"]] == ["1.420.000\u00a0€"]
    # in a text file a dash at the start of a line stays what it may be there: a deduction
    code, report, _ = check(capsys, write(tmp_path, "a.txt", "Die Kosten:\n\n- 1.420.000 € Neubau\n"))
    assert [z["zahl"] for z in report["nicht_geprueft"]] == ["−1.420.000\u00a0€"]


def test_a_davon_over_a_list_of_bullets(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.md", _programm(PROGRAMM)))
    (stimmt,) = [b for b in report["befunde"] if b["art"] == "aufzaehlung_summe"]
    assert (
        code == 0
        and stimmt["status"] == "stimmt"
        and Fraction(stimmt["werte"]["nachgerechnet"]) == sum(PROGRAMM.values())
    )
    # a part typed too low (958.000 for 985.000): the list may leave a part out – a doubt at the total
    falsch = {**PROGRAMM, "Sanierung Rathausdach": Fraction(958_000)}
    code, report, _ = check(capsys, write(tmp_path, "b.md", _programm(falsch, sum(PROGRAMM.values()))))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and zweifel["zeile"] == 1 and Fraction(zweifel["werte"]["nachgerechnet"]) == sum(falsch.values())
    # a part typed too high: the parts exceed their whole – a slip
    falsch = {**PROGRAMM, "Sanierung Rathausdach": Fraction(995_000)}
    code, report, _ = check(capsys, write(tmp_path, "c.md", _programm(falsch, sum(PROGRAMM.values()))))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == sum(falsch.values())


# a Mitteilung on Kita costs (set 12's paper 08, Sachsen-Anhalt): the whole ends its sentence, the next opens with
# „Davon entfielen“ (past tense, figures with dots before „auf“), names two parts and then the rest („; die
# verbleibenden …“) – the three parts split the whole
KITA = (Fraction(8_742_310), Fraction(6_915_480), Fraction(1_108_640))  # Gesamtkosten, Personal, Sachkosten


def _kita(rest: Fraction) -> str:
    ganz, personal, sach = KITA
    return (
        f"Die Gesamtkosten beliefen sich im Jahr 2023 auf {zahl(ganz)} Euro. Davon entfielen {zahl(personal)} Euro "
        f"auf Personalkosten und {zahl(sach)} Euro auf Sachkosten; die verbleibenden {zahl(rest)} Euro betreffen die "
        "Bewirtschaftung.\n"
    )


def test_a_davon_entfielen_opening_the_next_sentence_splits_the_whole(tmp_path, capsys):
    # before, „entfielen“ opened no split and a figure's dots ended the look for „auf“: the figures were unread
    ganz, personal, sach = KITA
    rest = ganz - personal - sach
    code, report, _ = check(capsys, write(tmp_path, "k.txt", _kita(rest)))
    assert code == 0 and any(
        b["status"] == "stimmt" and Fraction(b["werte"]["getippt"]) == ganz and b["art"] == "verteilung"
        for b in report["befunde"]
    )
    falsch = Fraction(718_910)  # two digits of the rest swapped
    code, report, _ = check(capsys, write(tmp_path, "f.txt", _kita(falsch)))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and Fraction(slip["werte"]["nachgerechnet"]) == personal + sach + falsch


def test_a_davon_after_a_sentence_of_two_amounts_splits_neither(tmp_path, capsys):
    text = (
        "Die Kosten betragen 500.000 € für den Bau und für die Planung 80.000 €. Davon entfallen auf das Land "
        "50.000 € und auf den Kreis 40.000 €.\n"  # of the 580.000 €: read as parts of the 80.000 €, they would exceed it
    )
    code, report, _ = check(capsys, write(tmp_path, "z.txt", text))
    assert code == 0 and by_status(report, "Fehler") == []
