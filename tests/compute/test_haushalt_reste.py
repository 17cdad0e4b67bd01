"""Haushaltsreste (Ermächtigungsübertragungen) and earlier Bereitstellungen at a Position, and the form Braunschweig
prints an außerplanmäßige Aufwendung in (issue 34, point 2): Haushaltsansatz, außerplanmäßig bereits
bereitgestellt, außerplanmäßig beantragt, „(neu) zur Verfügung stehende Haushaltsmittel“.

The figures are the source's (tests/fixtures/braunschweig/ names it), typed as Fractions and summed apart from the
engine. The source names no Haushaltsreste for this project: the cases with Reste are edited copies.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen import ROOT, copy_data, edit, line_of, problems_of
from tests.referenz.rechnen import euro
from vorlagen.cli import main
from vorlagen.compute.project import prepare

FIXTURES = ROOT / "tests" / "fixtures"
NBSP = "\u00a0"
SLUG = "mensa-heinrichstrasse"

# Vorlage 19-11844, Punkt 1, as printed
BS_ANSATZ = Fraction("0.00")  # „Haushaltsansatz 2019: 0,00“
BS_BEREITGESTELLT = Fraction("0.00")  # „außerplanmäßig bereits bereitgestellt: 0,00 €“
BS_BEANTRAGT = Fraction("181800.00")  # „außerplanmäßig beantragt: 181.800,00“
BS_NEU = Fraction("181800.00")  # „(neu) zur Verfügung stehende Haushaltsmittel: 181.800,00“


def _flat(out, slug: str = SLUG) -> str:
    text = (out / f"intern/vorlagen/{slug}/{slug}.txt").read_text(encoding="utf-8")  # ENTWÜRFE: in intern/
    return " ".join(text.split()).replace(NBSP, " ")


def test_braunschweig_the_form_adds_up():
    assert BS_ANSATZ + BS_BEREITGESTELLT + BS_BEANTRAGT == BS_NEU
    a = prepare(FIXTURES / "braunschweig").rechnungen[SLUG].haushalt
    assert a.mehrbedarf == {2019: BS_BEANTRAGT} and a.arten(2019) == {"außerplanmäßig"}
    assert a.bereitgestellt == {2019: BS_BEREITGESTELLT} and a.mittel_neu == {2019: BS_NEU}
    assert a.reste == {}  # the source names none: no line, no figure
    assert a.rechtsgrundlage == "§ 117 NKomVG"


def test_braunschweig_prints_the_form_as_the_city_does(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["--data", str(FIXTURES / "braunschweig"), "--out", str(out)]) == 0
    flat = _flat(out)
    assert (
        "Projekt 4E.210270 GS Heinrichstraße / Ausbau Mensa - Haushaltsansatz 2019: 0,00 € - außerplanmäßig bereits "
        "bereitgestellt: 0,00 € - außerplanmäßig beantragt: 181.800,00 € - (neu) zur Verfügung stehende "
        "Haushaltsmittel: 181.800,00 €" in flat
    )
    assert "Bei dem o. g. Projekt wird ein außerplanmäßiger Aufwand in Höhe von 181.800,00 € beantragt." in flat
    assert "Außerplanmäßige Bereitstellung 2019 nach § 117 NKomVG: 181.800,00 €" in flat
    assert "Haushaltsreste" not in flat and "Ermächtigungsübertragungen" not in flat and "NRW" not in flat
    capsys.readouterr()


def test_braunschweig_the_form_lines_are_figures_with_erwartet_and_a_herleitung(tmp_path, capsys):
    args = ["--data", str(FIXTURES / "braunschweig"), "zahlen", SLUG]
    assert main(args) == 0
    listing = [" ".join(z.replace(NBSP, " ").split()) for z in capsys.readouterr().out.splitlines()]
    assert "{{ haushalt.mittel_neu[2019] | eur_cent }} 181.800,00 €" in listing
    assert "{{ haushalt.bereitgestellt[2019] | eur_cent }} 0,00 €" in listing
    assert main([*args, "haushalt.mittel_neu.2019"]) == 0
    herleitung = capsys.readouterr().out.replace(NBSP, " ")
    assert (
        "„4E.210270“: Ansatz 0 € + bereitgestellt 0 € + außerplanmäßig beantragt 181.800 € (aufwand-2019) = 181.800 €"
        in herleitung
    )
    data = copy_data(FIXTURES / "braunschweig", tmp_path)
    vorlage = data / f"vorlagen/{SLUG}/vorlage.yaml"
    edit(
        vorlage,
        'mittel_neu.2019, einheit: "€", erwartet: "181800,00"',
        'mittel_neu.2019, einheit: "€", erwartet: "180000,00"',
    )
    assert problems_of(data) == [
        f"data/vorlagen/{SLUG}/vorlage.yaml:{line_of(vorlage, '180000,00')}: Zahl „mittel-neu“: berechnet "
        f"{euro(BS_NEU)}, erwartet 180.000{NBSP}€ – prüfen Sie den erwarteten Wert und die Formel."
    ]


RESTE = Fraction(30000)


def _mit_resten(tmp_path):
    """Braunschweig with 30.000 € carried over from 2018 (edited: the source names none)."""
    data = copy_data(FIXTURES / "braunschweig", tmp_path)
    edit(data / "haushalt/2019.yaml", "    bereitgestellt: 0 ", "    reste: 30000\n    bereitgestellt: 0 ")
    vorlage = data / f"vorlagen/{SLUG}/vorlage.yaml"
    for figur in ("181800,00", "0,00"):
        edit(vorlage, f', erwartet: "{figur}"}}', "}")
    return data


def test_reste_raise_what_is_available_and_make_the_amount_ueberplanmaessig(tmp_path, capsys):
    data = _mit_resten(tmp_path)
    a = prepare(data).rechnungen[SLUG].haushalt
    beantragt = BS_BEANTRAGT - RESTE
    assert a.mehrbedarf == {2019: beantragt} and a.arten(2019) == {"überplanmäßig"}
    assert a.reste == {2019: RESTE} and a.mittel_neu == {2019: BS_ANSATZ + RESTE + BS_BEREITGESTELLT + beantragt}
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    flat = _flat(out)
    assert (
        "Haushaltsansatz 2019: 0,00 € - Ermächtigungsübertragungen: 30.000,00 € - überplanmäßig bereits "
        "bereitgestellt: 0,00 € - überplanmäßig beantragt: 151.800,00 € - (neu) zur Verfügung stehende "
        "Haushaltsmittel: 181.800,00 €" in flat
    )
    assert main(["--data", str(data), "zahlen", SLUG, "haushalt.mehrbedarf.2019"]) == 0
    herleitung = capsys.readouterr().out.replace(NBSP, " ")
    assert "− verfügbar 30.000 € (Ansatz 0 € + Reste 30.000 € + bereitgestellt 0 € − gebunden 0 €) = 151.800 €" in (
        herleitung
    )
    # the Hausstil names them as the body does (Braunschweig: Haushaltsreste)
    edit(
        data / "koerperschaft.yaml",
        "finanzen: {cent: true}",
        "finanzen: {cent: true, beschriftung: {reste: Haushaltsreste}}",
    )
    assert main(["--data", str(data), "--out", str(out)]) == 0
    assert "Haushaltsansatz 2019: 0,00 € - Haushaltsreste: 30.000,00 €" in _flat(out)
    capsys.readouterr()


def test_kameral_reste_are_haushaltsreste(tmp_path, capsys):
    data = copy_data(FIXTURES / "schwaebisch-hall", tmp_path)
    edit(data / "haushalt/2008.yaml", "    ve: 0 ", "    reste: 100000\n    ve: 0 ")
    vorlage = data / "vorlagen/kinderhaus-kreuzaecker/vorlage.yaml"
    edit(vorlage, ", erwartet: 170000}", "}")
    edit(vorlage, ", erwartet: 600000}", "}")
    a = prepare(data).rechnungen["kinderhaus-kreuzaecker"].haushalt
    assert a.mehrbedarf == {2008: Fraction(770000) - Fraction(600000) - Fraction(100000)}
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    assert (
        "Haushaltsansatz 2008: 600.000 € - Haushaltsreste: 100.000 € - überplanmäßig beantragt: 70.000 € - (neu) zur "
        "Verfügung stehende Haushaltsmittel: 770.000 €" in _flat(out, "kinderhaus-kreuzaecker")
    )
    capsys.readouterr()


@pytest.mark.parametrize(
    ("zeile", "meldung"),
    [
        (
            "    reste: -5",
            "„reste“ ist negativ (−5{NBSP}€) – tragen Sie den Betrag ohne Minus ein; Erträge und Einzahlungen gehören "
            "in eine eigene Position mit „ertrag: true“.",
        ),
        (
            "    reste: 4\n    gebunden: 10",
            "Gebunden (10{NBSP}€) ist mehr als Ansatz, Reste und bereitgestellt zusammen (4{NBSP}€) – prüfen Sie die "
            "Beträge.",
        ),
    ],
)
def test_reste_refuse_what_cannot_be(tmp_path, zeile, meldung):
    data = copy_data(FIXTURES / "braunschweig", tmp_path)
    haushalt = data / "haushalt/2019.yaml"
    edit(haushalt, "    bereitgestellt: 0 ", f"{zeile}\n    bereitgestellt: 0 ")
    schluessel = "gebunden" if "gebunden" in zeile else "reste"
    assert problems_of(data) == [
        f"data/haushalt/2019.yaml:{line_of(haushalt, schluessel + ':')}: {meldung.replace('{NBSP}', NBSP)}"
    ]


def test_reste_only_at_an_aufwand_position_outside_a_deckungskreis(tmp_path):
    data = copy_data(FIXTURES / "braunschweig", tmp_path)
    haushalt = data / "haushalt/2019.yaml"
    haushalt.write_text(
        haushalt.read_text(encoding="utf-8")
        + "  - {konto: '41.00', ertrag: true, ansatz: 100, reste: 10}\n"
        + "deckungskreise:\n  - {id: B1, bezeichnung: Budget 1}\n"
        + "  # ein Kreis\n",
        encoding="utf-8",
    )
    edit(haushalt, "    bereitgestellt: 0 ", "    deckungskreis: B1\n    bereitgestellt: 0 ")
    found = problems_of(data)
    assert (
        f"data/haushalt/2019.yaml:{line_of(haushalt, 'reste: 10')}: „reste“ gilt nur für Aufwands- und "
        "Auszahlungspositionen – bei einer Ertragsposition („ertrag: true“) streichen Sie die Zeile."
    ) in found
    assert (
        f"data/haushalt/2019.yaml:{line_of(haushalt, 'bereitgestellt: 0 ')}: „bereitgestellt“ bei einer Position im "
        "Deckungskreis „B1“ rechnet vorlagen noch nicht – der Kreis zählt nur die Ansätze: rechnen Sie die Mittel in "
        "den Ansatz ein und streichen Sie die Zeile."
    ) in found
