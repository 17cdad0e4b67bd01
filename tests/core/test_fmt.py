"""German formatting: babel de_DE, rounded half-up first (babel alone would round half-even)."""

import datetime as dt
from decimal import Decimal

import pytest

from vorlagen.core.fmt import Zahlformat, datum, datum_lang, gekuerzt, prozent, zahl

eur, eur_cent = Zahlformat("€").eur, Zahlformat("€").eur_cent  # the default house's sign

NB = "\u00a0"


@pytest.mark.parametrize(
    "value, text",
    [
        (Decimal("403963"), f"403.963{NB}€"),
        (Decimal("0.5"), f"1{NB}€"),  # half-up; half-even would give 0
        (Decimal("2.5"), f"3{NB}€"),  # half-up; half-even would give 2
        (Decimal("1234567.49"), f"1.234.567{NB}€"),
        (Decimal("-2"), f"\u22122{NB}€"),  # a real minus sign
    ],
)
def test_eur(value, text):
    assert eur(value) == text


@pytest.mark.parametrize(
    "value, text",
    [
        (Decimal("1234.56"), f"1.234,56{NB}€"),
        (Decimal("0.125"), f"0,13{NB}€"),
        (Decimal("7"), f"7,00{NB}€"),
    ],
)
def test_eur_cent(value, text):
    assert eur_cent(value) == text


@pytest.mark.parametrize(
    "value, places, text",
    [
        (Decimal("3.5"), None, "3,5"),
        (Decimal("0.75"), None, "0,75"),
        (Decimal("35"), 2, "35,00"),
        (Decimal("11"), None, "11"),
        (Decimal("2.50"), None, "2,5"),
        (15, None, "15"),
        (Decimal("1234.5"), None, "1.234,5"),
    ],
)
def test_zahl(value, places, text):
    assert zahl(value, places) == text


def test_prozent_from_a_ratio():
    # Seed 004: 194 Stellen, 79,35 % besetzt.
    assert prozent(Decimal("0.7935")) == f"79,35{NB}%"
    assert prozent(Decimal("0.82745")) == f"82,75{NB}%"  # half-up at the second place


def test_dates():
    assert datum(dt.date(2021, 4, 22)) == "22.04.2021"
    assert datum_lang(dt.date(2021, 4, 22)) == "22. April 2021"
    assert datum_lang(dt.date(2021, 3, 4)) == "4. März 2021"


@pytest.mark.parametrize(
    "text, laenge, gekuerzt_erwartet",
    [
        # the probe's Betreff (F9) was cut to „… Stellenbesetzung u – …“
        (
            "Kommunales Integrationsmanagement (KIM) – Stellenbesetzung und Finanzierung",
            60,
            "Kommunales Integrationsmanagement (KIM) – Stellenbesetzung…",
        ),
        ("Kurz", 60, "Kurz"),
        ("Donaudampfschifffahrtsgesellschaftskapitänsmütze", 10, "Donaudamp…"),
        ("Umbuchung  einer\nVerpflichtungsermächtigung", 60, "Umbuchung einer Verpflichtungsermächtigung"),
        ("Haushalt 2024 – Nachtrag", 12, "Haushalt…"),
    ],
)
def test_a_listing_cuts_a_text_after_a_whole_word(text, laenge, gekuerzt_erwartet):
    ergebnis = gekuerzt(text, laenge)
    assert ergebnis == gekuerzt_erwartet and len(ergebnis) <= laenge
