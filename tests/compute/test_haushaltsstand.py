"""The Haushalt facts a Vorlage reads are figures like any other (issue 34, point 2): a Position's Ansatz, gebunden,
verfügbar and Verpflichtungsermächtigung are quotable by name, listed by `vorlagen zahlen`, derived with file and
line, checkable with `erwartet`. Figures typed from the sources (Schwäbisch Hall 2008: „Im Haushaltsplan stehen
jedoch nur 600.000 € zur Verfügung“, „Eine Verpflichtungsermächtigung war nicht vorgesehen“) as Fractions."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen import ROOT, copy_data, edit, line_of, problems_of, run
from tests.referenz.rechnen import euro
from vorlagen.building.vorbereitung import vorbereitet
from vorlagen.cli import main
from vorlagen.compute.names import UnknownName

FIXTURES = ROOT / "tests" / "fixtures"
SH = FIXTURES / "schwaebisch-hall"
SH_VORLAGE = "kinderhaus-kreuzaecker"
KINDERHAUS = "Kinderhaus Kreuzäcker"
SH_ANSATZ, SH_AUSZAHLUNG = Fraction(600000), Fraction(770000)


def test_a_positions_facts_are_figures_of_the_vorlage():
    project = vorbereitet(SH)
    rechnung = project.rechnungen[SH_VORLAGE]
    stand = rechnung.haushalt.positionen[KINDERHAUS]
    assert (stand.ansatz, stand.gebunden, stand.verfuegbar) == ({2008: SH_ANSATZ}, {2008: 0}, {2008: SH_ANSATZ})
    assert (stand.ve, stand.ve_gebunden, stand.prognose) == ({2008: Fraction(0)}, {2008: 0}, {})
    assert rechnung.zahlen["ansatz-2008"] == SH_ANSATZ  # a formula reads it, `erwartet` checks it
    assert rechnung.haushalt.mehrbedarf == {2008: SH_AUSZAHLUNG - SH_ANSATZ}
    with pytest.raises(UnknownName) as error:
        rechnung.haushalt.positionen["Kinderhaus Kreuzacker"]
    assert error.value.message() == (
        "„Kinderhaus Kreuzacker“ gibt es nicht in den Positionen, die diese Vorlage liest (haushalt.positionen) – "
        "meinten Sie „Kinderhaus Kreuzäcker“? Vorhanden: Kinderhaus Kreuzäcker."
    )


def test_a_text_quotes_the_ansatz(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["--data", str(SH), "--out", str(out)]) == 0
    printed = " ".join((out / f"intern/vorlagen/{SH_VORLAGE}/{SH_VORLAGE}.txt").read_text(encoding="utf-8").split())
    assert f"Im Haushaltsplan stehen jedoch nur {euro(SH_ANSATZ)} zur Verfügung." in printed.replace(" €", "\u00a0€")


def test_zahlen_lists_and_derives_them_with_file_and_line(capsys):
    code, stdout, _ = run(capsys, "--data", str(SH), "zahlen", SH_VORLAGE)
    assert code == 0
    zeile = next(z for z in stdout.splitlines() if f'positionen["{KINDERHAUS}"].ansatz[2008]' in z)
    assert " ".join(zeile.split()) == (
        f'{{{{ haushalt.positionen["{KINDERHAUS}"].ansatz[2008] | eur }}}} {euro(SH_ANSATZ)}'.replace("\u00a0", " ")
    )
    name = f'haushalt.positionen["{KINDERHAUS}"].verfuegbar[2008]'
    code, stdout, _ = run(capsys, "--data", str(SH), "zahlen", SH_VORLAGE, name)
    haushalt = SH / "haushalt/2008.yaml"
    shown = f"{SH.name}/haushalt/2008.yaml"
    assert code == 0
    assert stdout == (
        f'haushalt.positionen["{KINDERHAUS}"].verfuegbar.2008 = {euro(SH_ANSATZ)}   („{KINDERHAUS}“ '
        f"(Vermögenshaushalt), Haushalt 2008)\n"
        f"  Ansatz {euro(SH_ANSATZ)} [{shown}:{line_of(haushalt, 'ansatz: 600000')}] − gebunden {euro(Fraction(0))} "
        f"[{shown}:{line_of(haushalt, '- konto: Kinderhaus')}] = {euro(SH_ANSATZ)}\n"
    )


def test_erwartet_checks_a_positions_ansatz(tmp_path):
    data = copy_data(SH, tmp_path)
    vorlage = data / f"vorlagen/{SH_VORLAGE}/vorlage.yaml"
    edit(vorlage, "erwartet: 600000}", "erwartet: 650000}")
    assert problems_of(data) == [
        f"data/vorlagen/{SH_VORLAGE}/vorlage.yaml:{line_of(vorlage, 'erwartet: 650000')}: Zahl „ansatz-2008“: "
        f"berechnet {euro(SH_ANSATZ)}, erwartet {euro(Fraction(650000))} – prüfen Sie den erwarteten Wert und die "
        "Formel."
    ]


def test_an_open_ansatz_is_no_figure(tmp_path):
    """Mainz: the Haushalt does not state the Ansatz of the Projekt 7.000618 – a formula refuses it, the Betreff
    too; a text prints „noch offen“, as for every open fact."""
    data = copy_data(FIXTURES / "mainz", tmp_path)
    vorlage = data / "vorlagen/praeparation/vorlage.yaml"
    edit(
        vorlage,
        '  - {id: mittel-2023, formel: "647800", einheit: "€"}',
        '  - {id: mittel-2023, formel: "647800", einheit: "€"}\n'
        '  - {id: laubenheim, formel: \'haushalt.positionen["7.000618"].ansatz.2023\', einheit: "€"}',
    )
    assert problems_of(data) == [
        f"data/vorlagen/praeparation/vorlage.yaml:{line_of(vorlage, 'id: laubenheim')}: Zahl „laubenheim“: "
        '„haushalt.positionen["7.000618"].ansatz["2023"]“ ist noch offen – der Haushalt nennt den Betrag nicht; '
        "tragen Sie ihn in haushalt/2023.yaml ein."
    ]


def test_verfuegbar_derives_from_ansatz_reste_and_bereitgestellt(tmp_path, capsys):
    """Braunschweig 2019 („Haushaltsansatz 2019: 0,00“, „außerplanmäßig bereits bereitgestellt: 0,00 €“), with
    Haushaltsreste and a bound amount added here to see every part of the sum."""
    import re

    data = copy_data(FIXTURES / "braunschweig", tmp_path)
    haushalt = data / "haushalt/2019.yaml"
    edit(haushalt, "    bereitgestellt: 0 ", "    reste: 250.5\n    gebunden: 100\n    bereitgestellt: 0 ")
    vorlage = data / "vorlagen/mensa-heinrichstrasse/vorlage.yaml"
    vorlage.write_text(re.sub(r", erwartet: [^}]*", "", vorlage.read_text(encoding="utf-8")), encoding="utf-8")
    ansatz, reste, bereit, gebunden = Fraction(0), Fraction("250.5"), Fraction(0), Fraction(100)
    verfuegbar = ansatz + reste + bereit - gebunden

    def geld(x: Fraction) -> str:
        return euro(x, cent=x.denominator != 1)

    code, stdout, _ = run(
        capsys,
        "--data",
        str(data),
        "zahlen",
        "mensa-heinrichstrasse",
        'haushalt.positionen["4E.210270"].verfuegbar[2019]',
    )
    wo = "data/haushalt/2019.yaml:{}"
    assert code == 0, stdout
    assert stdout.splitlines()[1] == (
        f"  Ansatz {geld(ansatz)} [{wo.format(line_of(haushalt, 'ansatz: 0'))}] + Reste {geld(reste)} "
        f"[{wo.format(line_of(haushalt, 'reste:'))}] + bereitgestellt {geld(bereit)} "
        f"[{wo.format(line_of(haushalt, 'bereitgestellt:'))}] − gebunden {geld(gebunden)} "
        f"[{wo.format(line_of(haushalt, 'gebunden:'))}] = {geld(verfuegbar)}"
    )
