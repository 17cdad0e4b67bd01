"""Numbers of the data files that read two ways (issue 32; docs/entwicklung/grundsaetze.md, Grundsatz 15): `1.500` is
1500 with a thousands point and 1,5 with a decimal point, `142,600` is 142600 with a thousands comma and 142,6 with a
decimal comma. Each is refused in every kind of number field, naming both readings and how to write each one; every
spelling proposed reads as the value it stands for; a number written one way only reads back exactly."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from vorlagen.core.problems import Paths, Where
from vorlagen.load.bescheide import Bescheidposition
from vorlagen.load.finanzen import Kostenposition
from vorlagen.load.finanzierungsquellen import Quelle
from vorlagen.load.haushaltsposition import Position
from vorlagen.load.records import read_record
from vorlagen.load.saetze import Kostensaetze
from vorlagen.load.schreibweise import altlesungen, datenzahl
from vorlagen.load.stellen import Baustein
from vorlagen.load.vergleichszeilen import Vergleichszeile
from vorlagen.load.werte import Anzahl, Betrag, read_value
from vorlagen.load.yamlfile import Scalar, read_yaml

NBSP = "\u00a0"


def problems(tmp_path: Path, cls, yaml_text: str) -> list[str]:
    path = tmp_path / "daten.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    node, found = read_yaml(path, Paths(tmp_path))
    assert node is not None, found
    _, found = read_record(node, cls, "daten.yaml")
    return [str(p) for p in found]


def zweifach(name: str, text: str, tausend: str, dezimal: str, punkt: str, vierte: bool = False) -> str:
    """The message on a number with one group of three digits after a point, written out apart from the program."""
    hinweis = " (die vierte Nachkommastelle macht den Dezimalpunkt eindeutig)" if vierte else ""
    return (
        f"„{name}“: „{text}“ lässt sich zweifach lesen: mit Tausenderpunkt als {tausend}, mit Dezimalpunkt als "
        f"{dezimal}; gemeint ist nur eines – schreiben Sie {tausend.removesuffix(NBSP + '€')}, wenn der Punkt ein "
        f"Tausenderpunkt ist, oder {punkt}, wenn er ein Dezimalpunkt ist{hinweis}."
    )


# --- each shape in each kind of number field, with its line -----------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "yaml_text", "line", "message"),
    [
        # a Stelle's anzahl (VZÄ, a count, also a sum), its anteil
        (Kostenposition, "anzahl: 1.500\n", 1, zweifach("anzahl", "1.500", "1500", "1,5", "1.5")),
        (Kostenposition, "als: x\nanzahl: 142.600\n", 2, zweifach("anzahl", "142.600", "142600", "142,6", "142.6")),
        (
            Kostenposition,
            'anzahl: "1.500 + 3"\n',
            1,
            "„anzahl“: „1.500“ lässt sich zweifach lesen: mit Tausenderpunkt als 1500, mit Dezimalpunkt als 1,5; "
            'gemeint ist nur eines – schreiben Sie "1500 + 3", wenn der Punkt ein Tausenderpunkt ist, oder '
            '"1.5 + 3", wenn er ein Dezimalpunkt ist.',
        ),
        (Kostenposition, "anteil: 1.250\n", 1, zweifach("anteil", "1.250", "1250", "1,25", "1.25")),
        # a Bescheid's position, its Betrag
        (
            Bescheidposition,
            "satz: a\nanzahl: 528.266\n",
            2,
            zweifach("anzahl", "528.266", "528266", "528,266", "528.2660", vierte=True),
        ),
        (
            Kostenposition,
            "betrag: 1.500\n",
            1,
            zweifach("betrag", "1.500", f"1500{NBSP}€", f"1,50{NBSP}€", "1.50"),
        ),
        (Kostenposition, "betrag: 12.000\n", 1, zweifach("betrag", "12.000", f"12000{NBSP}€", f"12{NBSP}€", "12")),
        # a Vergleich's werte, a Matrix cell
        (
            Vergleichszeile,
            "als: Beamte\nwerte: [142.600, 141.6]\n",
            2,
            zweifach("werte", "142.600", "142600", "142,6", "142.6"),
        ),
        (
            Vergleichszeile,
            "als: Amt 20\nzellen: {Beamte: 12.5, Tarif: 30.750}\n",
            2,
            zweifach("Tarif", "30.750", "30750", "30,75", "30.75"),
        ),
        # a Kostensatz and the VZÄ of a Kostensatz file
        (
            Kostensaetze,
            "titel: KGSt\nvzae: 1.000\nsaetze: {E11: 80000}\n",
            2,
            zweifach("vzae", "1.000", "1000", "1", "1"),
        ),
        (
            Kostensaetze,
            "titel: KGSt\nsaetze:\n  E11: 106.540\n",
            3,
            zweifach("E11", "106.540", f"106540{NBSP}€", f"106,54{NBSP}€", "106.54"),
        ),
        # a Haushalt ansatz, Stellen of a Baustein, an Anteil
        (
            Position,
            "konto: 1.05\nansatz: 600.000\n",
            2,
            zweifach("ansatz", "600.000", f"600000{NBSP}€", f"600{NBSP}€", "600"),
        ),
        (Baustein, "name: B1\nstellen: 2.500\nbesetzt: 2\n", 2, zweifach("stellen", "2.500", "2500", "2,5", "2.5")),
        (Quelle, "als: Land\nanteil: 1.500\n", 2, zweifach("anteil", "1.500", "1500", "1,5", "1.5")),
        # a negative number
        (
            Kostenposition,
            "betrag: -2.500\n",
            1,
            zweifach("betrag", "-2.500", f"-2500{NBSP}€", f"-2,50{NBSP}€", "-2.50"),
        ),
    ],
)
def test_a_number_with_three_digits_after_one_point_is_refused_naming_both_readings(
    tmp_path, cls, yaml_text, line, message
):
    assert f"daten.yaml:{line}: {message}" in problems(tmp_path, cls, yaml_text)


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        (
            'anzahl: "142,600"\n',
            "„anzahl“: „142,600“ lässt sich zweifach lesen: mit Tausenderkomma als 142600, mit Dezimalkomma als "
            "142,6; gemeint ist nur eines – schreiben Sie 142600, wenn das Komma ein Tausenderkomma ist, oder 142.6, "
            "wenn es ein Dezimalkomma ist.",
        ),
        (
            "anzahl: 142,600\n",  # in a block YAML keeps the comma in the value
            "„anzahl“: „142,600“ lässt sich zweifach lesen: mit Tausenderkomma als 142600, mit Dezimalkomma als "
            "142,6; gemeint ist nur eines – schreiben Sie 142600, wenn das Komma ein Tausenderkomma ist, oder 142.6, "
            "wenn es ein Dezimalkomma ist.",
        ),
        (
            "anzahl: 0,5\n",
            "„anzahl“: „0,5“ hat ein Dezimalkomma; Zahlen der Datendateien haben einen Dezimalpunkt – schreiben Sie "
            "0.5.",
        ),
        (
            "anzahl: 1.500.000\n",
            "„anzahl“: „1.500.000“ hat Tausendertrennzeichen; Zahlen der Datendateien stehen ohne sie und mit "
            "Dezimalpunkt – schreiben Sie 1500000.",
        ),
        (
            "anzahl: 1,500,000\n",
            "„anzahl“: „1,500,000“ hat Tausendertrennzeichen; Zahlen der Datendateien stehen ohne sie und mit "
            "Dezimalpunkt – schreiben Sie 1500000.",
        ),
        (
            "betrag: 1.500,50\n",
            "„betrag“: „1.500,50“ hat Tausendertrennzeichen; Zahlen der Datendateien stehen ohne sie und mit "
            "Dezimalpunkt – schreiben Sie 1500.50.",
        ),
        (
            "betrag: 1.505\n",  # 1,505 € is no amount: only the thousands reading is proposed
            "„betrag“: „1.505“ lässt sich zweifach lesen: mit Tausenderpunkt als 1505\u00a0€, mit Dezimalpunkt als "
            "1,505\u00a0€; gemeint ist nur eines – schreiben Sie 1505, wenn der Punkt ein Tausenderpunkt ist.",
        ),
    ],
)
def test_commas_and_several_groups_are_refused_with_the_spelling_of_each_reading(tmp_path, yaml_text, message):
    assert f"daten.yaml:1: {message}" in problems(tmp_path, Kostenposition, yaml_text)


def test_a_number_cut_at_its_comma_in_braces_names_both_readings(tmp_path):
    found = problems(tmp_path, Vergleichszeile, "{als: Beamte, werte: [1], erwartet: {alt: 142,600}}\n")
    assert any(
        "Steht hier die Zahl „142,600“? In „{…}“ trennt das Komma Einträge. „142,600“ lässt sich zweifach lesen: "
        "mit Tausenderkomma als 142600, mit Dezimalkomma als 142,6; gemeint ist nur eines – schreiben Sie 142600, "
        "wenn das Komma ein Tausenderkomma ist, oder 142.6, wenn es ein Dezimalkomma ist." in p
        for p in found
    ), found


@pytest.mark.parametrize("text", ["0.500", "1.50", "1.5", "1500", "0.875", "1234.567", "12.5000", "-0.125", "7"])
def test_what_reads_one_way_only_is_taken(tmp_path, text):
    assert problems(tmp_path, Vergleichszeile, f"als: Beamte\nwerte: [{text}, {text}]\n") == []


# --- every proposal reads as the value it stands for --------------------------------------------------------------


def _read(text: str, typ) -> object:
    value, found = read_value(Scalar(Where("daten.yaml", 1), text, True), typ, "x")
    assert found == [], (text, [p.message for p in found])
    return value


def _proposals(message: str) -> list[tuple[str, str]]:
    """(spelling, which reading) of each proposal of a message."""
    return re.findall(
        r'(?:Sie|oder) ("[^"]+"|\S+), wenn (?:der Punkt|er|das Komma|es) ein (Tausender|Dezimal)', message
    )


SHAPES = ["1.500", "142.600", "528.266", "12.000", "1.005", "999.999", "-3.250", "142,600", "1,050", "-7,125"]


@pytest.mark.parametrize("typ", [Decimal, Anzahl, Fraction, Betrag, int])
@pytest.mark.parametrize("text", SHAPES)
def test_each_spelling_a_message_proposes_reads_as_the_reading_it_names(typ, text):
    digits = text.replace("-", "")
    sign = -1 if text.startswith("-") else 1
    meant = {  # independently: the two readings of the text
        "Tausender": sign * Fraction(int(re.sub(r"[.,]", "", digits))),
        "Dezimal": sign * Fraction(int(re.sub(r"[.,]", "", digits)), 1000),
    }
    value, found = read_value(Scalar(Where("daten.yaml", 1), text, True), typ, "x")
    assert value is None and len(found) == 1
    proposals = _proposals(found[0].message)
    expected = {k for k, v in meant.items() if not (typ is int and v.denominator != 1)}
    expected -= {"Dezimal"} if typ is Betrag and (meant["Dezimal"] * 100).denominator != 1 else set()
    assert {reading for _, reading in proposals} == expected, found[0].message
    for spelling, reading in proposals:
        assert Fraction(_read(spelling, typ)) == meant[reading]


def test_each_sum_a_message_proposes_reads_as_its_reading():
    value, found = read_value(Scalar(Where("daten.yaml", 1), "2 + 1.500 + 0.5", False), Anzahl, "anzahl")
    assert value is None
    proposals = dict((r, s.strip('"')) for s, r in _proposals(found[0].message))
    assert _read(proposals["Tausender"], Anzahl) == Fraction(1502) + Fraction(1, 2)
    assert _read(proposals["Dezimal"], Anzahl) == Fraction(4)


@pytest.mark.parametrize("seed", range(20))
def test_a_number_written_one_way_only_reads_back_exactly(seed):
    """Random numbers as a data field writes them: every text reads as the exact value of its digits, unless it is
    one group of three digits after one point (the group before it not zero) – then it is refused, and the spelling
    proposed for the decimal reading reads back exactly."""
    rng = random.Random(seed)
    for _ in range(300):
        whole = str(rng.choice([0, rng.randrange(1, 10), rng.randrange(10, 1000), rng.randrange(1000, 10**9)]))
        places = rng.choice([0, 1, 2, 3, 3, 4, 6])
        fraction = "".join(rng.choice("0123456789") for _ in range(places))
        sign = rng.choice(["", "-"])
        text = sign + whole + (f".{fraction}" if places else "")
        exact = (-1 if sign else 1) * Fraction(int(whole + fraction), 10**places)
        zweideutig = places == 3 and whole != "0" and len(whole) <= 3
        if not zweideutig:
            assert Fraction(datenzahl(text)) == exact, text
            assert _read(text, Fraction) == exact
            continue
        value, found = read_value(Scalar(Where("daten.yaml", 1), text, True), Decimal, "x")
        assert value is None, text
        dezimal = dict((r, s) for s, r in _proposals(found[0].message))["Dezimal"]
        assert Fraction(_read(dezimal, Decimal)) == exact, (text, dezimal)


# --- what the previous version read -------------------------------------------------------------------------------


def test_the_readers_note_what_the_previous_version_read_with_a_decimal_point():
    with altlesungen() as found:
        for text, typ in [("1.500", Decimal), ("528.266", Anzahl), ("0.875", Decimal), ("1.500", Betrag)]:
            read_value(Scalar(Where("daten.yaml", 4), text, True), typ, "x")
    # 0.875 reads one way; a Betrag of 1.500 was refused before already
    assert [(a.text, a.eindeutig) for a in found] == [("1.500", "1.5"), ("528.266", "528.2660")]


# --- a comma in […] ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("werte", "message"),
    [
        (
            "[142,600, 141.6]",
            "„werte“: In „[…]“ trennt das Komma Einträge – YAML läse „142,600“ als zwei Zahlen, 142 und 600. "
            "„142,600“ lässt sich zweifach lesen: mit Tausenderkomma als 142600, mit Dezimalkomma als 142,6; gemeint "
            "ist nur eines – schreiben Sie 142600, wenn das Komma ein Tausenderkomma ist, oder 142.6, wenn es ein "
            "Dezimalkomma ist; für zwei Zahlen schreiben Sie [142, 600] (mit Leerzeichen).",
        ),
        (
            "[1,5]",  # two numbers to YAML, as a Vergleich wants them – read silently as 1 and 5 before
            "„werte“: In „[…]“ trennt das Komma Einträge – YAML läse „1,5“ als zwei Zahlen, 1 und 5. „1,5“ hat ein "
            "Dezimalkomma; Zahlen der Datendateien haben einen Dezimalpunkt – schreiben Sie 1.5; für zwei Zahlen "
            "schreiben Sie [1, 5] (mit Leerzeichen).",
        ),
        (
            "[1.500,50, 2]",  # one message on the number, none on its cut-off first part
            "„werte“: In „[…]“ trennt das Komma Einträge – YAML läse „1.500,50“ als zwei Zahlen, 1.500 und 50. "
            "„1.500,50“ hat Tausendertrennzeichen; Zahlen der Datendateien stehen ohne sie und mit Dezimalpunkt – "
            "schreiben Sie 1500.5.",
        ),
    ],
)
def test_a_number_with_a_comma_in_brackets_is_never_read_as_two(tmp_path, werte, message):
    assert problems(tmp_path, Vergleichszeile, f"als: Beamte\nwerte: {werte}\n") == [f"daten.yaml:2: {message}"]


@pytest.mark.parametrize(
    ("werte", "meant"),
    [("[142600, 1]", [142600, 1]), ("[142.6, 1]", [Fraction(1426, 10), 1]), ("[142, 600]", [142, 600])],
)
def test_the_spellings_proposed_for_a_comma_in_brackets_read_as_meant(tmp_path, werte, meant):
    path = tmp_path / "daten.yaml"
    path.write_text(f"als: Beamte\nwerte: {werte}\n", encoding="utf-8")
    node, _ = read_yaml(path, Paths(tmp_path))
    zeile, found = read_record(node, Vergleichszeile, "daten.yaml")
    assert found == [] and [Fraction(w) for w in zeile.werte] == meant
