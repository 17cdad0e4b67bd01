"""No arithmetic in texts, by construction (issue 32, points 2 and 4): a text expression names figures, reads their
fields and applies the documented filters – an allow-list, tested here with every bypass the issue lists and more.

Figures come from seed 000 (Eigenanteil Modul 1: 158.644 €, KIM-Förderung 245.319 €), never from the program."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import edit, run
from vorlagen.compute.formel import lesen
from vorlagen.compute.project import prepare

TEXT = Path("vorlagen/2021-0123/vorbemerkungen.md")
VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")
WO = "data/vorlagen/2021-0123/vorbemerkungen.md"
E = 'finanzierung["m1-steuerung"].eigenanteil'  # 158.644 € (seed 000)
EIGENANTEIL = 158_644
ERLAUBT = (
    " ist in Texten nicht erlaubt – dort stehen nur Namen, ihre Felder und die Filter eur, eur_cent, teur, mio, mrd, "
    "zahl, vzae, prozent, datum, datum_lang, monat, monate; eine berechnete Zahl legen Sie unter „zahlen“ an, alle "
    "Namen mit Werten zeigt „vorlagen zahlen NUMMER“."
)


def messages(data: Path, capsys, *expressions: str) -> list[str]:
    """The problems of a text of one expression per paragraph, line by line (exit code 1, no traceback)."""
    (data / TEXT).write_text(
        "# Vorbemerkungen\n\n" + "\n\n".join(f"{{{{ {e} }}}}" for e in expressions) + "\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "pruefen", "--data", str(data))
    assert code == 1 and "Traceback" not in out + err
    return [line for line in err.splitlines() if line.startswith(WO)]


BYPASSES = [  # the six, then more of the same kinds
    (
        f'{E} | zahl(finanzierung["m1-steuerung"].vzae)',
        "der Filter „zahl“ mit etwas anderem als einer Zahl von Stellen",
    ),
    (f"{E} | prozent(-1)", "der Filter „prozent“ mit etwas anderem als einer Zahl von Stellen"),
    (f"{E}.scaleb(3) | eur", "die Methode „.scaleb(…)“"),
    (f"{E}.fma(2, 0) | eur", "die Methode „.fma(…)“"),
    (f"{E}.copy_negate() | eur", "die Methode „.copy_negate(…)“"),
    (f'[[{E}, finanzierung["m1-assistenz"].eigenanteil]] | map("sum") | first | eur', "der Filter „first“"),
    (f'"{{:,.2f}}".format({E})', "die Methode „.format(…)“"),
    (f"{E}.as_integer_ratio()", "die Methode „.as_integer_ratio(…)“"),
    (f"{E}.quantize(1000)", "die Methode „.quantize(…)“"),
    (f'"%.2f" | format({E})', "der Filter „format“"),
    (f"{E} | string", "der Filter „string“"),
    (f'{E} | eur | replace("1", "2")', "der Filter „replace“"),
    (f"[{E}] | sum | eur", "eine Liste oder Gruppe von Werten"),
    (f'{E} | eur ~ " (gerundet)"', "„~“ (Texte zusammensetzen)"),
    ('finanzierung["m1-steuerung"].zeilen[0:1]', "ein Ausschnitt [von:bis]"),
    (
        f'finanzierung["m1-steuerung"].zeilen[{E}]',
        "„[…]“ mit etwas anderem als einem Namen in Anführungszeichen oder einer Jahreszahl",
    ),
    (f"{E} is defined", "der Test „is defined“"),
    (f'"5" in {E} | eur', "der Vergleich „in“ (Vergleiche: ==, !=, <, <=, >, >=)"),
    ("range(3)", 'ein Aufruf (aufrufen lassen sich nur tabelle("id"), verteilung("id") und anmerkung("datei.md"))'),
    (
        "tabelle(vorlage.nummer)",
        'ein Aufruf (aufrufen lassen sich nur tabelle("id"), verteilung("id") und anmerkung("datei.md"))',
    ),
    (f"{E} | attr('numerator') | zahl", "der Filter „attr“"),
    (f"{E} | batch(2) | list", "der Filter „list“"),
    (f"dict(a={E})", 'ein Aufruf (aufrufen lassen sich nur tabelle("id"), verteilung("id") und anmerkung("datei.md"))'),
]


@pytest.mark.parametrize(("expression", "was"), BYPASSES, ids=[b[0][:40] for b in BYPASSES])
def test_every_bypass_is_refused_by_the_allow_list(data, capsys, expression, was):
    assert messages(data, capsys, expression) == [f"{WO}:3: {{{{ {expression} }}}}: {was}{ERLAUBT}"]


def test_numbers_texts_and_dates_have_no_fields(data, capsys):
    found = messages(data, capsys, f"{E}.real | eur", "vorlage.datum.year | zahl", "vorlage.betreff.upper")
    tail = (
        " hat in Texten keine Felder und keine Methoden – zeigen Sie den Wert mit einem Filter („| eur“, „| zahl“, "
        "„| datum“ …); eine berechnete Zahl legen Sie unter „zahlen“ an."
    )
    assert found == [
        f"{WO}:3: {{{{ {E}.real | eur }}}}: „.real“: Eine Zahl{tail}",
        f"{WO}:5: {{{{ vorlage.datum.year | zahl }}}}: „.year“: Ein Datum{tail}",
        f"{WO}:7: {{{{ vorlage.betreff.upper }}}}: „.upper“: Ein Text{tail}",
    ]


def test_a_group_is_read_by_its_keys_never_by_its_methods(data, capsys):
    assert messages(data, capsys, "finanzierung.items") == [
        f"{WO}:3: {{{{ finanzierung.items }}}}: „items“ gibt es nicht in „finanzierung“ dieser Vorlage. Vorhanden: "
        "m1-assistenz, m1-steuerung, m2-case-management, m3-berechnung-1, m3-berechnung-2."
    ]


def test_a_row_by_position_is_refused_with_its_name(data, capsys):
    row = 'finanzierung["m1-steuerung"].zeilen'
    found = messages(data, capsys, f"{row}[1].betrag | eur", f"{row}[-1].betrag | eur", f"{row}.1.betrag | eur")
    assert found == [
        f"{WO}:3: {{{{ {row}[1].betrag | eur }}}}: „[1]“: Zeilen heißen nach ihrer id oder Bezeichnung, nicht nach "
        'ihrer Stelle – schreiben Sie ["KIM-Förderung"] (die Zeile an Stelle 1, gezählt ab 0).',
        f"{WO}:5: {{{{ {row}[-1].betrag | eur }}}}: „[…]“ mit etwas anderem als einem Namen in Anführungszeichen "
        f"oder einer Jahreszahl{ERLAUBT}",
        f"{WO}:7: {{{{ {row}.1.betrag | eur }}}}: „[1]“: Zeilen heißen nach ihrer id oder Bezeichnung, nicht nach "
        'ihrer Stelle – schreiben Sie ["KIM-Förderung"] (die Zeile an Stelle 1, gezählt ab 0).',
    ]


@pytest.mark.langsam  # builds whole repositories
def test_the_proposed_name_prints_what_the_position_read(data, capsys, tmp_path):
    (data / TEXT).write_text(
        '# V\n\nFörderung: {{ finanzierung["m1-steuerung"].zeilen["KIM-Förderung"].betrag | eur }}\n', encoding="utf-8"
    )
    out = tmp_path / "out"
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    text = (out / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8")
    assert "Förderung: 245.319\u00a0€" in text  # seed 000: 3,5 × 70.091 € = 245.318,5 → 245.319 €


def test_lists_without_names_are_not_read_in_texts(data, capsys):
    expression = 'bescheide["2021-02-22-kim-modul-1"].bescheid.positionen[0].anzahl | vzae'
    assert messages(data, capsys, expression, "vorlage.anlagen[0].titel") == [
        f"{WO}:3: {{{{ {expression} }}}}: „[0]“: Einträge dieser Liste haben keine Namen, und nach ihrer Stelle liest "
        "ein Text nichts – alle Namen mit Werten zeigt „vorlagen zahlen NUMMER“.",
        f"{WO}:5: {{{{ vorlage.anlagen[0].titel }}}}: „[0]“: Einträge dieser Liste haben keine Namen, und nach ihrer "
        "Stelle liest ein Text nichts – alle Namen mit Werten zeigt „vorlagen zahlen NUMMER“.",
    ]


ARITHMETIK = [  # text expression, the operators named, the formula proposed, its value (seed 000)
    (f"{E} * 2 | eur", "„*“", "finanzierung.m1-steuerung.eigenanteil * 2", Fraction(2 * EIGENANTEIL)),
    (f"-{E} | eur", "„-“", "-finanzierung.m1-steuerung.eigenanteil", Fraction(-EIGENANTEIL)),
    (
        f'({E} - finanzierung["m1-steuerung"].zeilen["KIM-Förderung"].betrag) / 2 | eur',
        "„-“ und „/“",
        "(finanzierung.m1-steuerung.eigenanteil - finanzierung.m1-steuerung.zeilen.KIM-Förderung.betrag) / 2",
        Fraction(EIGENANTEIL - 245_319, 2),
    ),
    (
        f"{E} * 1.75 / 100 | eur",
        "„*“ und „/“",
        "finanzierung.m1-steuerung.eigenanteil * 1,75 / 100",
        Fraction(EIGENANTEIL) * Fraction(175, 10000),
    ),
    (
        'finanzierung["m2-case-management"].zeilen["SK in Kommunen"].betrag + finanzierung["m1-steuerung"].jahre[2022].eigenanteil | eur',
        "„+“",
        'finanzierung.m2-case-management.zeilen["SK in Kommunen"].betrag + finanzierung.m1-steuerung.jahre["2022"].eigenanteil',
        None,  # checked against the engine's own table values below: the proposal reads the same two names
    ),
]


@pytest.mark.parametrize(("expression", "was", "formel", "wert"), ARITHMETIK, ids=[a[2][:40] for a in ARITHMETIK])
def test_arithmetic_proposes_a_formula_that_parses_and_gives_the_same_value(
    data, capsys, expression, was, formel, wert
):
    (found,) = messages(data, capsys, expression)
    assert found == (
        f"{WO}:3: {{{{ {expression} }}}}: In Texten wird nicht gerechnet ({was} im Ausdruck) – legen Sie die Zahl in "
        f"vorlage.yaml unter „zahlen“ an, mit Formel, Einheit und Rundung (z. B. „- id: gebuehr“ und „formel: "
        f'{formel}“), und zitieren Sie sie im Text mit {{{{ zahlen["gebuehr"] }}}}; Tausender und Millionen zeigen '
        "„| teur“ und „| mio“."
    )
    lesen(formel)  # parses
    (data / TEXT).write_text("# Vorbemerkungen\n", encoding="utf-8")
    quoted = formel.replace("'", "''")
    edit(
        data / VORLAGE,
        "verteilungen:\n",
        f"zahlen:\n  - id: gebuehr\n    formel: '{quoted}'\n    rundung: keine\n    runden: am_ende\nverteilungen:\n",
    )
    rechnung = prepare(data).rechnungen["2021-0123"]
    value = rechnung.zahlen.herleitung["gebuehr"].genau
    if wert is None:
        t = rechnung.tabellen
        wert = Fraction(t["m2-case-management"].zeilen["SK in Kommunen"].betrag) + Fraction(
            t["m1-steuerung"].jahre[2022].eigenanteil
        )
    assert value == wert


def test_what_cannot_be_a_formula_is_not_proposed(data, capsys):
    # a formula of + - * / alone would not round, cut or add up: the proposal would print another value
    for rechnet in (f"({E} / 1000) | round | zahl", f"{E} | round(-3) | eur", f"({E} / 7) | int | eur"):
        (found,) = messages(data, capsys, rechnet)
        assert "„- id: gebuehr“)" in found and "formel:" not in found, found
        assert "„-“" not in found  # round(-3): a sign, no subtraction
    (found,) = messages(data, capsys, "9 ** 99 | zahl")
    assert "„- id: gebuehr“)" in found and "formel:" not in found
    (found,) = messages(data, capsys, "vorlage.datum.year - 1")
    assert re.search(r"„- id: gebuehr“\), und zitieren", found)  # `vorlage` is no name of the ledger


@pytest.mark.langsam  # builds whole repositories
def test_what_texts_may_do_still_works(data, capsys, tmp_path):
    (data / TEXT).write_text(
        "# Vorbemerkungen\n\n"
        f"A {{{{ {E} | eur }}}} B {{{{ {E} | teur(1) }}}} C {{{{ {E} | mio(3) }}}} D {{{{ {E} | mrd(4) }}}}\n\n"
        f'E {{{{ "mehr" if {E} > 100000 and not {E} == 0 else "weniger" }}}} F {{{{ vorlage.datum | datum_lang }}}}\n\n'
        'G {{ finanzierung["m1-steuerung"].jahre[2022].eigenanteil | eur }} '
        'H {{ finanzierung["m1-steuerung"].zeitraum | monate }}\n\n{{ tabelle("m1-steuerung") }}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    text = (out / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8")
    nb = "\u00a0"
    assert f"A 158.644{nb}€ B 158,6{nb}T€ C 0,159{nb}Mio.{nb}€ D 0,0002{nb}Mrd.{nb}€" in text
    assert "E mehr F 27. Mai 2021" in text
    assert "H Dezember 2021 bis Dezember 2022" in text


def test_every_proposed_formula_computes_what_its_expression_computes():
    """Random arithmetic of names and numbers: the proposal parses, and the formula engine gives exactly the value
    the expression has when evaluated with the same exact values (operator order and signs kept)."""
    import random

    from jinja2 import Environment

    from vorlagen.compute.einheiten import Wert, rechnen
    from vorlagen.render.ausdrucksformel import formel_von as _formel

    werte = {"a": Fraction(158644), "b": Fraction(245319, 7), "c": Fraction(-3, 4)}
    rng = random.Random(32)

    def term(depth: int) -> str:
        if depth == 0 or rng.random() < 0.3:
            return rng.choice([f'zahlen["{n}"]' for n in werte] + ["2", "1.75", "1000", "0.5"])
        if rng.random() < 0.15:
            return f"-({term(depth - 1)})"
        return f"({term(depth - 1)} {rng.choice('+-*/')} {term(depth - 1)})"

    env = Environment()
    checked = 0
    for _ in range(300):
        expression = term(4)
        python = re.sub(r'zahlen\["(\w)"\]', r'werte["\1"]', expression)
        python = re.sub(r"(?<![\w\"])(\d+(?:\.\d+)?)", r'Fraction("\1")', python)
        try:
            expected = eval(python, {"werte": werte, "Fraction": Fraction})  # noqa: S307 – the test's own text
        except ZeroDivisionError:
            continue
        formel = _formel(env.parse(f"{{{{ {expression} | eur }}}}"))
        assert formel is not None, expression
        value = rechnen(lesen(formel), lambda name: Wert(werte[name.pfad[-1]], ""))
        assert value.genau == expected, (expression, formel)
        checked += 1
    assert checked > 250
