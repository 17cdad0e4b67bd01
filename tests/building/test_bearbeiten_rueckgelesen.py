"""Whatever the form writes, the loader reads back as the same value (issue 57, point 2): the editing side wrote a
typed `NO` and `18:30` without quotes (YAML 1.2 rules), and the loader (which refuses what YAML 1.1 tools read
otherwise) then rejected the file the form had just written. Random values of every kind of field – texts with the
YAML 1.1 specials (yes/no/on/off, sexagesimal times, dates, leading zeros, „~“, „null“), whole numbers, numbers,
amounts, counts and sums of counts, shares, dates, yes/no, numbers as formulas write them, percentages – go through
the form's writing (bearbeiten/werte.geschrieben, load/yamlschreiben) and are read back by the loader
(load/yamlfile, load/werte) on a line of their own and inside `{…}`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagen.building.bearbeiten.werte import geschrieben
from vorlagen.load.werte import Anzahl, Betrag, Formelzahl, Prozentsatz, read_value
from vorlagen.load.yamlfile import _compose, _convert
from vorlagen.load.yamlschreiben import YamlDatei

YAML11 = [
    *("y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"),
    *("true", "False", "TRUE", "~", "null", "Null", "NULL", "18:30", "1:30:00", "190:20:30.15", "2021-06-10"),
    *("2021-6-1", "0815", "007", "-012", "0o17", "0x1F", "0b101", "1e3", "1_000", ".inf", "-.Inf", ".NaN", "12.5"),
    *("- x", "a: b", "#x", "x #y", "@x", "`x", "!x", "&x", "*x", "%x", "|", ">", "'x'", '"x"', "[x]", "{x}", "?"),
    *("x,y", "ja", "nein", "=", "<<", "3,5", "1.000", "05.06.01", "2021/0123"),
]
TEXTE = st.one_of(
    st.sampled_from(YAML11),
    st.builds(lambda a, b: f"{a} {b}", st.sampled_from(YAML11), st.sampled_from(YAML11)),
    st.text(st.sampled_from("aäß Z09:-#,.~'\"{}[]%&*!?|>@`"), min_size=1, max_size=12),
).filter(lambda t: t.strip())


def zurueck(wert: object, typ: object, im_fluss: bool) -> tuple[object, list]:
    """What the loader reads at the key the form wrote `wert` to (on a line of its own, or inside `{…}`)."""
    datei = YamlDatei("zeile: {a: 1, x: alt}\n" if im_fluss else "x: alt\n")
    datei.setzen(("zeile", "x") if im_fluss else ("x",), wert)
    node, problems = _convert(_compose(datei.text()), "probe.yaml")
    assert problems == []
    if im_fluss:
        node = node.entries["zeile"][1]
    return read_value(node.entries["x"][1], typ, "x")


def gleich(text: str, typ: object, erwartet: object, im_fluss: bool) -> None:
    value, problems = zurueck(geschrieben(text, typ, "x"), typ, im_fluss)
    assert [p.message for p in problems] == []
    assert value == erwartet and type(value) is type(erwartet) or (typ in (Betrag, Formelzahl, Prozentsatz, Anzahl))
    assert value == erwartet


@given(text=TEXTE, im_fluss=st.booleans())
def test_a_text_reads_back_as_typed(text, im_fluss):
    gleich(text, str, text.strip(), im_fluss)


@pytest.mark.parametrize("text", ["NO", "18:30", "yes", "~", "null", "0815", "on"])
def test_the_issue_cases_read_back_as_typed(text):
    for im_fluss in (False, True):
        gleich(text, str, text, im_fluss)


def komma(wert: Decimal) -> str:
    return format(wert, "f").replace(".", ",")


stellen = st.integers(0, 4)
dezimal = st.builds(lambda n, s: Decimal(n).scaleb(-s), st.integers(-(10**9), 10**9), stellen)


@given(n=st.integers(-(10**9), 10**9), im_fluss=st.booleans())
def test_a_whole_number_reads_back(n, im_fluss):
    gleich(str(n), int, n, im_fluss)


@given(wert=dezimal, im_fluss=st.booleans())
def test_a_number_reads_back(wert, im_fluss):
    gleich(komma(wert), Decimal, wert, im_fluss)


@given(n=st.integers(0, 10**9), s=st.integers(0, 2), im_fluss=st.booleans())
def test_an_amount_reads_back(n, s, im_fluss):
    wert = Decimal(n).scaleb(-s)
    gleich(komma(wert), Betrag, wert, im_fluss)


@given(
    teile=st.lists(
        st.builds(lambda n, s: Decimal(n).scaleb(-s), st.integers(0, 10**4), st.integers(0, 2)), min_size=1, max_size=3
    ),
    im_fluss=st.booleans(),
)
def test_a_count_and_a_sum_of_counts_read_back(teile, im_fluss):
    gleich(" + ".join(komma(t) for t in teile), Anzahl, sum(teile, Decimal(0)), im_fluss)


@given(z=st.integers(1, 999), n=st.integers(1, 999), im_fluss=st.booleans())
def test_a_share_reads_back(z, n, im_fluss):
    gleich(f"{z}/{n}", Fraction, Fraction(z, n), im_fluss)


@given(tag=st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)), deutsch=st.booleans(), im_fluss=st.booleans())
def test_a_date_reads_back(tag, deutsch, im_fluss):
    gleich(tag.strftime("%d.%m.%Y") if deutsch else tag.isoformat(), dt.date, tag, im_fluss)


@given(ja=st.booleans(), im_fluss=st.booleans())
def test_yes_and_no_read_back(ja, im_fluss):
    gleich("true" if ja else "false", bool, ja, im_fluss)


@given(wert=dezimal, im_fluss=st.booleans())
def test_a_number_as_a_formula_writes_it_reads_back(wert, im_fluss):
    gleich(komma(wert), Formelzahl, wert, im_fluss)


@given(
    wert=dezimal.filter(lambda d: abs(d) >= 1 or d == 0),
    zeichen=st.sampled_from(("", " %", "%")),
    im_fluss=st.booleans(),
)
def test_a_percentage_reads_back(wert, zeichen, im_fluss):
    gleich(komma(wert) + zeichen, Prozentsatz, wert, im_fluss)


@given(wert=dezimal.filter(lambda d: 0 < abs(d) < 1), im_fluss=st.booleans())
def test_a_percentage_below_one_reads_back_with_its_sign(wert, im_fluss):
    gleich(komma(wert) + " %", Prozentsatz, wert, im_fluss)
