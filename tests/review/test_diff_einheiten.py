"""Every change `vergleichen` prints is the exact difference of the two printed figures, in their unit and with
their places (issue 57, point 1): a percentage's change in Prozentpunkte („88,98 % → 88,80 % (−0,18
Prozentpunkte)“, printed as „(0,00)“ before), money in its house's sign, T€, Mio. € and Mrd. € in their unit, VZÄ
and counts with the places they print. The expected change is read from the two printed texts and subtracted as
Fractions here – never taken from the program's own delta."""

from __future__ import annotations

import shutil
from decimal import Decimal
from fractions import Fraction
from types import SimpleNamespace

from hypothesis import example, given
from hypothesis import strategies as st

from tests.hilfen import edit
from tests.referenz.rechnen import MINUS, NBSP, zahl
from vorlagen.compute.darstellung import Darstellung
from vorlagen.compute.zahlwert import Groesse
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.money import CENT, EURO, exact, round_half_up
from vorlagen.review.diff import compare, compare_one, render_text
from vorlagen.review.fassung import Fassung, benannt
from vorlagen.review.fassungszahl import Zahl
from vorlagen.review.revisionsvergleich import fassungen as _fassungen

VORLAGE = "vorlagen/2021-0123/vorlage.yaml"
EINHEITEN = ("€", "T€", "Mio. €", "Mrd. €", "%", "VZÄ", "Anzahl")
# the unit word a change prints in, by the figure's unit (a house that prints „EUR“ in brackets)
WORT = {"€": "€", "T€": "T€", "Mio. €": f"Mio.{NBSP}€", "Mrd. €": f"Mrd.{NBSP}€", "%": "Prozentpunkte", "VZÄ": "VZÄ"}
WORT_EUR = {"€": "EUR", "T€": "TEUR", "Mio. €": f"Mio.{NBSP}EUR", "Mrd. €": f"Mrd.{NBSP}EUR"}


def gelesen(text: str) -> tuple[Fraction, int]:
    """A printed figure as a number in its unit and the places it shows: '−1.234,50 T€' → (−1234,5, 2)."""
    number = text.split(NBSP)[0].replace(".", "").replace(MINUS, "-")
    places = len(number.split(",")[1]) if "," in number else 0
    return Fraction(number.replace(",", ".")), places


def erwartet(alt: str, neu: str, einheit: str, zeichen: str) -> str:
    """The change from one printed figure to the other, computed here: the difference of the two printed values,
    with the more places of the two, in the unit's word."""
    (a, stellen_a), (b, stellen_b) = gelesen(alt), gelesen(neu)
    wert = b - a
    text = ("+" if wert > 0 else "±" if wert == 0 else "") + zahl(wert, max(stellen_a, stellen_b))
    wort = (WORT_EUR if zeichen == "EUR" else {}).get(einheit) or WORT.get(einheit)
    return text if wort is None else f"{text}{NBSP}{wort}"


def figur(einheit: str, wert: Fraction, form: Darstellung):
    """A named figure as compute/kennzahlen makes it (the fields fassung reads), printed by its Darstellung."""
    stufe = form.stufe
    gerundet = wert if stufe is None else exact(round_half_up(wert, stufe))
    return SimpleNamespace(
        id="quote",
        titel=None,
        einheit=einheit,
        stufe=stufe,
        schritte=[],
        wert=Groesse(gerundet, form.text(gerundet), einheit),
        form=form,
        gezeigt=gerundet,
    )


def fassung(zahl_: Zahl, zahlformat: Zahlformat) -> Fassung:
    return Fassung("2021/0123", "Betreff", {}, zahlformat, {"x": zahl_})


werte = st.fractions(min_value=-(10**10), max_value=10**10, max_denominator=10**6)


@given(
    einheit=st.sampled_from(EINHEITEN),
    cent=st.booleans(),
    stellen=st.one_of(st.none(), st.integers(0, 4)),
    getippt=st.integers(0, 3),
    zeichen=st.sampled_from(("€", "EUR")),
    alt=werte,
    neu=werte,
)
# found by a draw in CI: a VZÄ printed with all its 13 places (1/8192) – the change was cut to twelve
@example(einheit="VZÄ", cent=False, stellen=None, getippt=0, zeichen="€", alt=Fraction(0), neu=Fraction(1, 8192))
# a value without an end printed with two places: the change is that of the printed 0,33, not of 1/3
@example(einheit="Anzahl", cent=False, stellen=None, getippt=0, zeichen="€", alt=Fraction(0), neu=Fraction(1, 3))
def test_every_change_of_a_named_figure_is_the_exact_difference_of_the_printed_figures_in_their_unit(
    einheit, cent, stellen, getippt, zeichen, alt, neu
):
    zahlformat = Zahlformat(zeichen)
    stufe = (CENT if cent else EURO) if einheit in ("€", "T€", "Mio. €", "Mrd. €") else None
    form = Darstellung(einheit, stufe, stellen, 2, zahlformat, getippt)
    a, b = benannt(figur(einheit, alt, form)), benannt(figur(einheit, neu, form))
    (change,) = compare_one(fassung(a, zahlformat), fassung(b, zahlformat)).zahlen or [None]
    if change is None:  # the same value
        assert a.value == b.value
        return
    assert change.differenz == erwartet(change.alt, change.neu, einheit, zeichen)


@given(
    quantum=st.sampled_from((Decimal(1), Decimal("0.01"))),
    zeichen=st.sampled_from(("€", "EUR")),
    alt=werte,
    neu=werte,
)
def test_every_change_of_a_tables_amount_is_the_exact_difference_in_euros(quantum, zeichen, alt, neu):
    zahlformat = Zahlformat(zeichen)
    a, b = (Zahl("Eigenanteil", round_half_up(v, quantum), True, quantum) for v in (alt, neu))
    changes = compare_one(fassung(a, zahlformat), fassung(b, zahlformat)).zahlen
    for change in changes:
        assert change.differenz == erwartet(change.alt, change.neu, "€", zeichen)


@given(stellen=st.integers(0, 3), alt=werte, neu=werte)
def test_every_change_of_a_count_or_of_stellen_is_the_exact_difference_with_the_places_it_prints(stellen, alt, neu):
    zahlformat = Zahlformat("€")
    a, b = (Zahl("VZÄ", round_half_up(v, Decimal(1).scaleb(-stellen)), False, stellen=stellen) for v in (alt, neu))
    for change in compare_one(fassung(a, zahlformat), fassung(b, zahlformat)).zahlen:
        assert change.alt == zahl(Fraction(a.value), stellen) and change.neu == zahl(Fraction(b.value), stellen)
        assert change.differenz == erwartet(change.alt, change.neu, "Anzahl", "€")


def test_a_quota_that_changes_prints_its_change_in_prozentpunkte(data, tmp_path):
    """The headline: „Förderquote“ 8.898 € of 10.000 € → 8.880 € of 10.000 €: 88,98 % → 88,80 %, −0,18 points."""
    quote = (
        'zahlen:\n  - id: gefoerdert\n    formel: "8898"\n    einheit: €\n'
        '  - id: kosten\n    formel: "10000"\n    einheit: €\n'
        '  - id: quote\n    titel: Förderquote\n    formel: gefoerdert / kosten\n    einheit: "%"\n'
        '  - id: rest\n    titel: Restquote\n    formel: 1 - quote\n    einheit: "%"\n'
    )
    edit(data / VORLAGE, "verteilungen:\n", quote + "verteilungen:\n")
    alt = tmp_path / "alt"
    shutil.copytree(data, alt)
    edit(data / VORLAGE, 'formel: "8898"', 'formel: "8880"')
    changes = compare(_fassungen(alt, "HEAD"), _fassungen(data, "Arbeitsstand"))
    text = render_text(changes, "HEAD", "Arbeitsstand")
    assert f"    Zahl „Förderquote“: 88,98{NBSP}% → 88,80{NBSP}% ({MINUS}0,18{NBSP}Prozentpunkte)\n" in text
    assert f"    Zahl „Restquote“: 11,02{NBSP}% → 11,20{NBSP}% (+0,18{NBSP}Prozentpunkte)\n" in text
    assert f"    Zahl „gefoerdert“: 8.898{NBSP}€ → 8.880{NBSP}€ ({MINUS}18{NBSP}€)\n" in text
    assert Fraction(8880, 10000) - Fraction(8898, 10000) == Fraction(-18, 10000)  # −0,18 points, by hand
