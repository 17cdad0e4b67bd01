"""Haushalt facts and Finanzielle Auswirkungen as data: Mehrbedarf per year, Deckung, the budget-law checks.

Expected amounts are computed here with Fractions from the seed's Eigenanteile (seed 000, section III, the paper's
slips corrected) and the Ansätze of data/haushalt/, apart from the engine. Every message is asserted exactly.
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import DATA, copy_data, edit, line_of, problems_of, vor_dem_beschluss
from tests.referenz.beispiel import EIGENANTEILE, je_jahr
from tests.referenz.rechnen import euro, ganz
from vorlagen.cli import main
from vorlagen.compute.mitzeichnung import finanzielle_auswirkungen
from vorlagen.compute.project import prepare

NBSP = "\u00a0"
VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")
H2021, H2022 = Path("haushalt/2021.yaml"), Path("haushalt/2022.yaml")
RECHT = "§ 83 GO NRW"  # the Hausstil's default


NIEDERSCHRIFT = Path("sitzungen/KA-2021-06-21/niederschrift.yaml")  # records the Kreisausschuss' decision on 2021/0123


@pytest.fixture
def data(data: Path) -> Path:
    """The example before the Kreisausschuss decided 2021/0123 (its Niederschrift removed): the budget checks hold
    only for an open Vorlage."""
    vor_dem_beschluss(data)
    return data


@pytest.fixture
def beschlossen(tmp_path: Path) -> Path:
    """The example as it is: 2021/0123 decided by the Kreisausschuss."""
    return copy_data(DATA, tmp_path)


def auswirkungen(data: Path):
    return prepare(data).rechnungen["2021-0123"].haushalt


def at(data: Path, path: Path, needle: str, after: str | None = None) -> str:
    """'data/<path>:<line>' of the first line with `needle` (below the first line with `after`)."""
    lines = (data / path).read_text(encoding="utf-8").splitlines()
    start = 0 if after is None else next(i for i, line in enumerate(lines) if after in line)
    number = next(i for i, line in enumerate(lines) if i >= start and needle in line) + 1
    return f"data/{path.as_posix()}:{number}"


# --- the example ---------------------------------------------------------------------------------------------


def test_the_example_computes_the_ueberplanmaessige_amount_per_year_from_the_haushalt(data):
    a = auswirkungen(data)
    betrag = je_jahr(EIGENANTEILE)
    assert betrag == {2021: 12203 + 795 + 19909 + 11590, 2022: 146441 + 9540 + 238909 + 139079}
    # Ansatz − gebunden of Produkt 05.06.01 (haushalt/2021.yaml, 2022.yaml)
    frei = {2021: Fraction(1284300) - 1284300, 2022: Fraction(1310000) - 1310000}
    assert [(z.jahr, z.betrag, z.verfuegbar, z.mehrbedarf, z.art) for z in a.zeilen] == [
        (jahr, betrag[jahr], frei[jahr], betrag[jahr] - frei[jahr], "überplanmäßig") for jahr in (2021, 2022)
    ]
    assert a.mehrbedarf == {2021: 44497, 2022: 533969} and not a.mittel_vorhanden
    assert [(d.jahr, d.betrag, d.verfuegbar) for d in a.deckungen] == [
        (2021, betrag[2021], Fraction(14650000) - 13980000),
        (2022, betrag[2022], Fraction(15100000) - 14420000),
    ]


def test_part_of_the_ansatz_is_free_then_only_the_rest_is_ueberplanmaessig(data):
    edit(data / H2022, "gebunden: 1310000", "gebunden: 1200000")
    a = auswirkungen(data)
    amount = je_jahr(EIGENANTEILE)[2022]
    assert a.mehrbedarf[2022] == amount - (Fraction(1310000) - 1200000) == 423969


def test_enough_free_funds_mean_mittel_vorhanden(data):
    edit(data / H2021, "gebunden: 1284300", "gebunden: 1200000")  # 84.300 € free ≥ 44.497 €
    a = auswirkungen(data)
    zeile = next(z for z in a.zeilen if z.jahr == 2021)
    assert zeile.mittel_vorhanden and zeile.art is None and zeile.mehrbedarf == 0
    assert 2021 not in a.mehrbedarf and not a.mittel_vorhanden  # 2022 still lacks


def test_no_ansatz_makes_it_ausserplanmaessig(data):
    edit(data / H2021, "ansatz: 1284300\n    gebunden: 1284300", "ansatz: 0\n    gebunden: 0")
    a = auswirkungen(data)
    assert [z.art for z in a.zeilen] == ["außerplanmäßig", "überplanmäßig"]
    assert a.wort(2021) == "außerplanmäßige" and a.wort(2022) == "überplanmäßige"


def test_the_function_sign_offs_ask(data):
    project = prepare(data)
    source = next(s for s in project.facts.vorlagen if s.slug == "2021-0123")
    haushalt = project.rechnung(source).haushalt
    assert finanzielle_auswirkungen(source, haushalt) == (True, []) and haushalt.mehrbedarf
    mitteilung = next(s for s in project.facts.vorlagen if s.slug == "2021-0130")
    haushalt = project.rechnung(mitteilung).haushalt
    assert finanzielle_auswirkungen(mitteilung, haushalt) == (False, []) and not (haushalt and haushalt.mehrbedarf)


def test_free_funds_are_no_ueberplanmaessige_amount_for_sign_offs(data):
    edit(data / H2021, "gebunden: 1284300", "gebunden: 0")
    edit(data / H2022, "gebunden: 1310000", "gebunden: 0")
    project = prepare(data)
    source = next(s for s in project.facts.vorlagen if s.slug == "2021-0123")
    haushalt = project.rechnung(source).haushalt
    assert finanzielle_auswirkungen(source, haushalt) == (True, []) and not haushalt.mehrbedarf


# --- the deciding Gremium above the threshold -----------------------------------------------------------------


def raise_e11(data: Path) -> int:
    """E11 at 150.000 € a year: the Eigenanteil of Modul 1 grows; returns the new 2022 amount (computed here)."""
    edit(data / "kostensaetze/kgst-2020.yaml", "E11: 106540", "E11: 150000")
    edit(data / VORLAGE, "    erwartet: {eigenanteil: 158644}\n", "")
    edit(data / H2022, "ansatz: 15100000", "ansatz: 16100000")  # the Einsparung still fits
    kosten = ganz(Fraction(7, 2) * ganz(Fraction(150000 * 13, 12)))
    steuerung = kosten - 245319  # its Abzüge are unchanged
    return je_jahr([steuerung, *EIGENANTEILE[1:]])[2022]


def test_raising_the_eigenanteil_above_the_threshold_demands_the_kreistag(data):
    amount = raise_e11(data)
    assert amount == 686080 > 600000
    assert problems_of(data) == [
        f"{at(data, VORLAGE, 'beratungsfolge:')}: Der überplanmäßige Betrag 2022 ({euro(amount)}) liegt über der "
        f"Erheblichkeitsgrenze von {euro(600000)} (haushalt/2022.yaml, Haushaltssatzung 2021/2022, § 8) – darüber muss "
        f"nach {RECHT} vorher das Gremium „Kreistag“ entscheiden; die Beratungsfolge endet aber mit „Kreisausschuss“ "
        "(Sitzung KA-2021-06-21). Nehmen Sie eine Sitzung dieses Gremiums als letzte in die Beratungsfolge auf."
    ]


def test_with_the_kreistag_last_in_the_beratungsfolge_it_builds(data):
    amount = raise_e11(data)
    add_kreistag(data, "Entscheidung")
    assert auswirkungen(data).mehrbedarf[2022] == amount


def add_kreistag(data: Path, rolle: str) -> None:
    """A Kreistag Sitzung after the Kreisausschuss, last in the Beratungsfolge in the given role."""
    (data / "sitzungen/KT-2021-07-01.yaml").write_text(
        'gremium: KT\ndatum: 2021-07-01\ntagesordnung:\n  oeffentlich:\n    - {top: "1", vorlage: "2021/0123"}\n',
        encoding="utf-8",
    )
    edit(
        data / VORLAGE,
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        f"  - {{sitzung: KA-2021-06-21, rolle: Vorberatung}}\n  - {{sitzung: KT-2021-07-01, rolle: {rolle}}}",
    )


def test_a_kreistag_that_only_takes_note_does_not_decide(data):
    amount = raise_e11(data)
    add_kreistag(data, "Kenntnisnahme")
    assert problems_of(data) == [
        f"{at(data, VORLAGE, 'beratungsfolge:')}: Der überplanmäßige Betrag 2022 ({euro(amount)}) liegt über der "
        f"Erheblichkeitsgrenze von {euro(600000)} (haushalt/2022.yaml, Haushaltssatzung 2021/2022, § 8) – darüber muss "
        f"nach {RECHT} vorher das Gremium „Kreistag“ entscheiden; die Beratungsfolge endet zwar mit „Kreistag“ "
        "(Sitzung KT-2021-07-01), aber in der Rolle „Kenntnisnahme“, die nicht entscheidet. Geben Sie dieser Beratung "
        "eine Rolle, die entscheidet: „Entscheidung“."
    ]


def test_the_hausstils_own_deciding_roles_count(data):
    amount = raise_e11(data)
    edit(
        data / "koerperschaft.yaml",
        "hausstil:\n",
        "hausstil:\n  rollen:\n    Vorberatung: {}\n    Beschluss: {entscheidet: true}\n    Kenntnisnahme: {}\n",
    )
    add_kreistag(data, "Beschluss")
    assert auswirkungen(data).mehrbedarf[2022] == amount


def test_a_kreistag_with_its_termin_open_decides(data):
    """A Beratung without Sitzung (Termin offen) once made every command fail (KeyError: None)."""
    amount = raise_e11(data)
    edit(
        data / VORLAGE,
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "  - {sitzung: KA-2021-06-21, rolle: Vorberatung}\n  - {gremium: KT, rolle: Entscheidung}",
    )
    assert auswirkungen(data).mehrbedarf[2022] == amount


def test_a_kreisausschuss_with_its_termin_open_is_named_so(data):
    edit(data / H2022, "erheblich: 600000", "erheblich: 500000")
    edit(data / VORLAGE, "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}", "  - {gremium: KA, rolle: Entscheidung}")
    found = [p for p in problems_of(data) if "Erheblichkeitsgrenze" in p]
    assert len(found) == 1 and found[0].endswith(
        "die Beratungsfolge endet aber mit „Kreisausschuss“ (Termin offen). Nehmen Sie eine Sitzung dieses Gremiums "
        "als letzte in die Beratungsfolge auf."
    )


def test_every_budget_problem_at_once(data):
    """The handbook's example: E11 at 150.000 € without touching anything else reports all three problems."""
    edit(data / "kostensaetze/kgst-2020.yaml", "E11: 106540", "E11: 150000")
    kosten = ganz(Fraction(7, 2) * ganz(Fraction(150000 * 13, 12)))
    steuerung = kosten - 245319
    amount = je_jahr([steuerung, *EIGENANTEILE[1:]])[2022]
    assert problems_of(data) == [
        f"{at(data, VORLAGE, 'beratungsfolge:')}: Der überplanmäßige Betrag 2022 ({euro(amount)}) liegt über der "
        f"Erheblichkeitsgrenze von {euro(600000)} (haushalt/2022.yaml, Haushaltssatzung 2021/2022, § 8) – darüber muss "
        f"nach {RECHT} vorher das Gremium „Kreistag“ entscheiden; die Beratungsfolge endet aber mit „Kreisausschuss“ "
        "(Sitzung KA-2021-06-21). Nehmen Sie eine Sitzung dieses Gremiums als letzte in die Beratungsfolge auf.",
        f"{at(data, VORLAGE, 'erwartet: {eigenanteil: 158644}')}: Berechnung „m1-steuerung“, Eigenanteil: berechnet "
        f"{euro(steuerung)}, erwartet {euro(158644)}, Differenz +{euro(steuerung - 158644)} – prüfen Sie den erwarteten "
        "Wert und die Eingangswerte.",
        f"{at(data, VORLAGE, '2022: uebersicht', after='  deckung:')}: Die Einsparung 2022 bei „05.02.01“ "
        f"({euro(amount)}) ist mehr, als dort verfügbar ist ({euro(15100000 - 14420000)} = Ansatz {euro(15100000)} − "
        f"gebunden {euro(14420000)}) – verringern Sie sie oder decken Sie den Rest anders.",
    ]


def test_an_unreadable_deckung_does_not_hide_the_threshold(data):
    edit(data / H2022, "erheblich: 600000", "erheblich: 500000")
    edit(
        data / VORLAGE,
        DECKUNG_2022,
        "        2021: uebersicht.jahre_max.2021\n        2022: finanzierung.m1-steuerung.vzae\n  dauer",
    )
    found = problems_of(data)
    assert found == [
        f"{at(data, VORLAGE, 'beratungsfolge:')}: Der überplanmäßige Betrag 2022 ({euro(533969)}) liegt über der "
        f"Erheblichkeitsgrenze von {euro(500000)} (haushalt/2022.yaml, Haushaltssatzung 2021/2022, § 8) – darüber muss "
        f"nach {RECHT} vorher das Gremium „Kreistag“ entscheiden; die Beratungsfolge endet aber mit „Kreisausschuss“ "
        "(Sitzung KA-2021-06-21). Nehmen Sie eine Sitzung dieses Gremiums als letzte in die Beratungsfolge auf.",
        f"{at(data, VORLAGE, '2022: finanzierung')}: Deckung 2022 durch „05.02.01“: „finanzierung.m1-steuerung.vzae“ "
        "ist VZÄ, kein Betrag in Euro – nennen Sie eine Zahl in €.",
    ]


def test_a_threshold_not_exceeded_needs_no_kreistag(data):
    edit(data / H2022, "erheblich: 600000", "erheblich: 533969")  # equal is not above
    assert auswirkungen(data).mehrbedarf[2022] == 533969


def test_without_a_beratungsfolge_the_message_says_so(data):
    edit(data / H2022, "erheblich: 600000", "erheblich: 500000")
    edit(
        data / VORLAGE,
        "  - {sitzung: ASI-2021-06-10, rolle: Vorberatung}\n  - {sitzung: KA-2021-06-21, rolle: Entscheidung}\n",
        "",
    )
    edit(data / VORLAGE, "beratungsfolge:\n", "beratungsfolge: []\n")
    found = [p for p in problems_of(data) if "Erheblichkeitsgrenze" in p]
    assert found == [
        f"{at(data, VORLAGE, 'beratungsfolge:')}: Der überplanmäßige Betrag 2022 ({euro(533969)}) liegt über der "
        f"Erheblichkeitsgrenze von {euro(500000)} (haushalt/2022.yaml, Haushaltssatzung 2021/2022, § 8) – darüber muss "
        f"nach {RECHT} vorher das Gremium „Kreistag“ entscheiden; die Vorlage hat aber keine Beratungsfolge. Nehmen "
        "Sie eine Sitzung dieses Gremiums als letzte in die Beratungsfolge auf."
    ]


# --- Deckung ----------------------------------------------------------------------------------------------------

DECKUNG_2022 = "        2021: uebersicht.jahre_max.2021\n        2022: uebersicht.jahre_max.2022\n  dauer"


def test_a_deckung_that_does_not_cover(data):
    edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n  - id: deckung-2022\n    formel: 500000\nverteilungen:\n")
    edit(data / VORLAGE, DECKUNG_2022, "        2021: uebersicht.jahre_max.2021\n        2022: deckung-2022\n  dauer")
    assert problems_of(data) == [
        f"{at(data, VORLAGE, '  deckung:')}: Die Deckung 2022 ({euro(500000)}) reicht nicht für den überplanmäßigen "
        f"Betrag ({euro(533969)}) – es fehlen {euro(533969 - 500000)}; ergänzen Sie unter „deckung“ Einsparungen oder "
        "Mehrerträge."
    ]


def test_no_deckung_at_all(data):
    edit(
        data / VORLAGE,
        '  deckung:\n    - art: Einsparung\n      konto: "05.02.01"\n      jahre:\n' + DECKUNG_2022,
        "  dauer",
    )
    where = at(data, VORLAGE, "  positionen:")
    assert problems_of(data) == [
        f"{where}: Der überplanmäßige Betrag {jahr} ({euro(betrag)}) hat keine Deckung – nach {RECHT} muss sie "
        "gewährleistet sein; nennen Sie unter „deckung“ eine Einsparung bei einer anderen Position oder Mehrerträge (die Quelle darf noch offen sein)."
        for jahr, betrag in sorted(je_jahr(EIGENANTEILE).items())
    ]


def test_zahlen_lists_the_names_while_the_deckung_is_missing(data, capsys):
    """The listing helps exactly while the budget is not right yet: it works, names the problem, writes nothing."""
    edit(
        data / VORLAGE,
        '  deckung:\n    - art: Einsparung\n      konto: "05.02.01"\n      jahre:\n' + DECKUNG_2022,
        "  dauer",
    )
    code = main(["zahlen", "2021/0123", "--data", str(data)])
    out, err = capsys.readouterr()
    assert code == 0 and "{{ haushalt.mehrbedarf[2022] | eur }}" in out and euro(533969) in out
    where = at(data, VORLAGE, "  positionen:")
    assert err.splitlines() == [
        f"{where}: Der überplanmäßige Betrag {jahr} ({euro(betrag)}) hat keine Deckung – nach {RECHT} muss sie "
        "gewährleistet sein; nennen Sie unter „deckung“ eine Einsparung bei einer anderen Position oder Mehrerträge (die Quelle darf noch offen sein)."
        for jahr, betrag in sorted(je_jahr(EIGENANTEILE).items())
    ] + [
        "",
        "2 Probleme der finanziellen Auswirkungen – die Zahlen oben sind trotzdem berechnet; gebaut wird erst, "
        "wenn sie behoben sind.",
    ]


def test_zahlen_lists_the_names_while_a_name_in_the_auswirkungen_is_unknown(data, capsys):
    """The handbook sends a user with an unknown name to `vorlagen zahlen`: it must work then."""
    where = set_amount(data, "2021", "eigenanteil-2021")
    code = main(["zahlen", "2021/0123", "--data", str(data)])
    out, err = capsys.readouterr()
    assert code == 0 and "{{ uebersicht.jahre_max[2021] | eur }}" in out
    assert err.splitlines() == [
        f"{where}: Betrag 2021 für „05.06.01“: „eigenanteil-2021“ gibt es nicht. Formeln lesen andere Zahlen dieser "
        "Vorlage (Abschnitt „zahlen“) und antraege, bescheide, finanzierung, kennzahlen, uebersicht, verteilungen.",
        "",
        "1 Problem der finanziellen Auswirkungen – die Zahlen oben sind trotzdem berechnet; gebaut wird erst, "
        "wenn es behoben ist.",
    ]


def test_zahlen_with_a_problem_of_the_data_says_nothing_about_writing(data, capsys):
    edit(data / H2021, "    ansatz: 1284300", "    ansatz: -1284300")
    code = main(["zahlen", "2021/0123", "--data", str(data)])
    err = capsys.readouterr().err
    assert code == 1 and err.endswith("\n\n1 Problem gefunden.\n") and "geschrieben" not in err


def test_the_legal_basis_is_the_hausstils(data):
    kreis = "§ 53 Abs. 1 KrO NRW i. V. m. § 83 GO NRW"
    edit(data / "koerperschaft.yaml", "hausstil:\n", f"hausstil:\n  finanzen:\n    rechtsgrundlage: {kreis}\n")
    edit(
        data / VORLAGE,
        '  deckung:\n    - art: Einsparung\n      konto: "05.02.01"\n      jahre:\n' + DECKUNG_2022,
        "  dauer",
    )
    found = problems_of(data)
    assert len(found) == 2 and all(f"nach {kreis} muss sie gewährleistet sein" in p for p in found)


def test_an_einsparung_larger_than_what_is_left_there(data):
    edit(data / H2022, "gebunden: 14420000", "gebunden: 14900000")
    assert problems_of(data) == [
        f"{at(data, VORLAGE, '2022: uebersicht', after='  deckung:')}: Die Einsparung 2022 bei „05.02.01“ "
        f"({euro(533969)}) ist mehr, als dort verfügbar ist ({euro(15100000 - 14900000)} = Ansatz {euro(15100000)} "
        f"− gebunden {euro(14900000)}) – verringern Sie sie oder decken Sie den Rest anders."
    ]


def test_an_einsparung_at_the_position_that_lacks_the_funds(data):
    edit(data / VORLAGE, '      konto: "05.02.01"', '      konto: "05.06.01"')
    where = at(data, VORLAGE, 'konto: "05.06.01"', after="  deckung:")
    assert problems_of(data) == [
        f"{where}: „05.06.01“ ist eine Position, die diese Vorlage "
        "selbst belastet – eine Einsparung muss bei einer anderen Position liegen."
    ]


# --- several Vorlagen at the same Position -------------------------------------------------------------------------

MITTEILUNG = Path("vorlagen/2021-0130/vorlage.yaml")


def second_vorlage(data: Path, betrag: int) -> None:
    """Vorlage 2021/0130 spends `betrag` in 2022 at 05.02.01, where 2021/0123 saves its Deckung."""
    edit(
        data / MITTEILUNG,
        "abschnitte: [sachstand.md]\n",
        f"abschnitte: [sachstand.md]\nzahlen:\n  - id: bedarf\n    formel: {betrag}\nfinanzielle_auswirkungen:\n"
        '  positionen:\n    - konto: "05.02.01"\n      jahre: {2022: bedarf}\n',
    )


def test_two_open_vorlagen_at_one_position_are_checked_together(data):
    second_vorlage(data, 200000)
    frei = 15100000 - 14420000
    einsparung = je_jahr(EIGENANTEILE)[2022]
    zusammen = einsparung + 200000
    assert zusammen > frei
    rest = (
        f"– zusammen {euro(zusammen)}, verfügbar {euro(frei)} (Ansatz {euro(15100000)} − gebunden {euro(14420000)}). "
        "Offene Vorlagen zählen zusammen, bis eine entscheidende Beratung sie erledigt hat und die Kämmerei den "
        "Betrag unter „buchungen“ bindet: stimmen Sie die Beträge mit der Kämmerei ab."
    )
    assert problems_of(data) == [
        f"{at(data, VORLAGE, '2022: uebersicht', after='  deckung:')}: „05.02.01“ (Ergebnisplan 2022) reicht nicht für "
        f"alle Vorlagen, die dort Mittel beanspruchen: diese Vorlage {euro(einsparung)}, Vorlage 2021/0130 "
        f"{euro(200000)} {rest}",
        f"{at(data, MITTEILUNG, '2022: bedarf')}: „05.02.01“ (Ergebnisplan 2022) reicht nicht für alle Vorlagen, die "
        f"dort Mittel beanspruchen: diese Vorlage {euro(200000)}, Vorlage 2021/0123 {euro(einsparung)} {rest}",
    ]


def test_two_vorlagen_that_fit_together(data):
    frei = 15100000 - 14420000
    second_vorlage(data, frei - je_jahr(EIGENANTEILE)[2022])  # exactly what is left: not more than verfügbar
    (zeile,) = prepare(data).rechnungen["2021-0130"].haushalt.zeilen
    assert (zeile.jahr, zeile.betrag, zeile.verfuegbar) == (2022, frei - je_jahr(EIGENANTEILE)[2022], frei)


def test_a_decided_vorlage_no_longer_counts(beschlossen):
    """The example's Niederschrift records the Kreisausschuss' decision on 2021/0123: its amount belongs in
    „gebunden“ now, so only the open Vorlage 2021/0130 counts."""
    second_vorlage(beschlossen, 200000)
    (zeile,) = prepare(beschlossen).rechnungen["2021-0130"].haushalt.zeilen
    assert (zeile.jahr, zeile.betrag, zeile.verfuegbar) == (2022, 200000, 15100000 - 14420000)


def book_the_einsparung(data: Path) -> int:
    """The Kämmerei books the decided Einsparung 2022 at 05.02.01 under „gebunden“ (haushalt.md); returns it."""
    einsparung = je_jahr(EIGENANTEILE)[2022]
    edit(data / H2022, "gebunden: 14420000", f"gebunden: {14420000 + einsparung}")
    return einsparung


def test_a_decided_vorlage_is_not_checked_against_later_bookings(beschlossen):
    """Its checks described the Haushalt at its decision; the booked Einsparung must not fail the build."""
    book_the_einsparung(beschlossen)
    assert prepare(beschlossen).haushaltsrecht == []


def test_an_open_vorlage_is_checked_against_the_bookings(data):
    einsparung = book_the_einsparung(data)
    frei = 15100000 - (14420000 + einsparung)
    assert (einsparung, frei) == (533969, 146031)
    assert problems_of(data) == [
        f"{at(data, VORLAGE, '2022: uebersicht', after='  deckung:')}: Die Einsparung 2022 bei „05.02.01“ "
        f"({euro(einsparung)}) ist mehr, als dort verfügbar ist ({euro(frei)} = Ansatz {euro(15100000)} − gebunden "
        f"{euro(14420000 + einsparung)}) – verringern Sie sie oder decken Sie den Rest anders."
    ]


def test_a_postponed_vorlage_still_counts(data):
    second_vorlage(data, 200000)
    edit(
        data / VORLAGE,
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung, ergebnis: vertagt}",
    )
    assert len([p for p in problems_of(data) if "reicht nicht für alle Vorlagen" in p]) == 2


def test_a_result_in_the_vorlage_decides_too(data):
    second_vorlage(data, 200000)
    edit(
        data / VORLAGE,
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung, ergebnis: ungeändert beschlossen}",
    )
    (zeile,) = prepare(data).rechnungen["2021-0130"].haushalt.zeilen  # only this one counts: no problem
    assert (zeile.jahr, zeile.betrag, zeile.verfuegbar) == (2022, 200000, 15100000 - 14420000)


@pytest.mark.parametrize("wort, offen", [("erledigt", False), ("abgesetzt", True), ("vertagt", True)])
def test_a_word_recorded_in_the_niederschrift_decides_unless_it_leaves_the_vorlage_open(beschlossen, wort, offen):
    """A Niederschrift may record the body's word instead of a Beschluss: „erledigt“ settles the Vorlage as a
    Beschluss does; „abgesetzt“ and „vertagt“ leave it open, so it still counts at its position."""
    second_vorlage(beschlossen, 200000)
    edit(
        beschlossen / NIEDERSCHRIFT,
        "    ergebnis: Beschluss\n    abstimmung: {ja: 8, nein: 0, enthaltung: 1, ergebnis: angenommen}\n",
        f"    ergebnis: {wort}\n",
    )
    if offen:
        assert len([p for p in problems_of(beschlossen) if "reicht nicht für alle Vorlagen" in p]) == 2
    else:
        prepare(beschlossen)


# --- Mehrerträge: an Ertrag position of the Haushalt with a prognose -------------------------------------------

ERTRAG = {2021: (88000000, 88050000), 2022: (90000000, 90600000)}  # Schlüsselzuweisungen: Ansatz, Prognose


def konto(nummer: str) -> str:
    return f'konto: "{nummer}"'


def mehrertrag(data: Path, konto: str = "41.00.01", prognose: dict[int, int] | None = None) -> None:
    """Adds the Ertrag position 41.00.01 to both Haushalte and turns the example's Deckung into a Mehrertrag there."""
    for jahr, path in ((2021, H2021), (2022, H2022)):
        ansatz, erwartet = ERTRAG[jahr]
        erwartet = (prognose or {}).get(jahr, erwartet)
        zeile = f"    prognose: {erwartet}\n" if erwartet is not None else ""
        text = (data / path).read_text(encoding="utf-8")
        (data / path).write_text(
            text + f'  - konto: "41.00.01"\n    bezeichnung: Schlüsselzuweisungen\n'
            f"    ertrag: true\n    ansatz: {ansatz}\n{zeile}",
            encoding="utf-8",
        )
    edit(
        data / VORLAGE,
        '    - art: Einsparung\n      konto: "05.02.01"',
        f'    - art: Mehrertrag\n      konto: "{konto}"',
    )


def test_a_mehrertrag_the_haushalt_expects_covers(data):
    mehrertrag(data)
    a = auswirkungen(data)
    betrag = je_jahr(EIGENANTEILE)
    # what is free there: Prognose − Ansatz (nothing gebunden)
    assert [(d.jahr, d.art, d.konto, d.betrag, d.verfuegbar) for d in a.deckungen] == [
        (jahr, "Mehrertrag", "41.00.01", betrag[jahr], Fraction(ERTRAG[jahr][1]) - ERTRAG[jahr][0])
        for jahr in (2021, 2022)
    ]
    assert betrag[2022] <= Fraction(90600000) - 90000000


def test_a_mehrertrag_above_the_prognose(data):
    mehrertrag(data, prognose={2022: 90500000})
    assert problems_of(data) == [
        f"{at(data, VORLAGE, '2022: uebersicht', after='  deckung:')}: Der Mehrertrag 2022 bei „41.00.01“ "
        f"({euro(533969)}) ist mehr, als dort erwartet wird ({euro(90500000 - 90000000)} = Prognose {euro(90500000)} − "
        f"Ansatz {euro(90000000)} − gebunden 0{NBSP}€) – verringern Sie ihn oder decken Sie den Rest anders."
    ]


def test_a_mehrertrag_without_a_prognose_is_the_amount_the_kaemmerei_states(data):
    """Issue 61, point 6: where the Haushalt gives no prognose (`prognose: ~` or none), the Mehrertrag is the amount
    the Vorlage names as the Kämmerei states it – not an error; what could not be checked is said."""
    mehrertrag(data, prognose={2021: None})
    a = auswirkungen(data)
    betrag = je_jahr(EIGENANTEILE)
    assert [(d.jahr, d.art, d.betrag, d.verfuegbar) for d in a.deckungen if d.jahr == 2021] == [
        (2021, "Mehrertrag", betrag[2021], None)
    ]
    assert (
        f"ob bei „41.00.01“ 2021 {euro(betrag[2021])} mehr eingenommen werden – die Vorlage nennt den Betrag, wie die "
        "Kämmerei ihn nennt; eine Prognose nennt der Haushalt nicht (haushalt/2021.yaml: „prognose: ~“)"
    ) in a.ungeprueft


def test_a_mehrertrag_at_a_position_not_in_the_haushalt(data):
    mehrertrag(data, konto="41.00.02")
    lines = [at(data, VORLAGE, f"{jahr}: uebersicht", after="  deckung:") for jahr in (2021, 2022)]
    assert problems_of(data) == [
        f"{where}: „41.00.02“ steht nicht im Ergebnisplan des Haushalts {jahr} (haushalt/{jahr}.yaml) und in keinem "
        "anderen Haushalt – meinten Sie „41.00.01“? Prüfen Sie die Nummer; für Mehrerträge tragen Sie die Ertragsposition dort mit „ertrag: true“ und "
        "ihrer „prognose“ ein."
        for where, jahr in zip(lines, (2021, 2022))
    ]


def test_a_mehrertrag_at_the_position_that_lacks_the_funds(data):
    mehrertrag(data, konto="05.06.01")
    assert problems_of(data) == [
        f"{at(data, VORLAGE, konto('05.06.01'), after='  deckung:')}: „05.06.01“ ist eine Position, die diese "
        "Vorlage selbst belastet – ein Mehrertrag muss bei einer anderen Position liegen."
    ]


def test_a_mehrertrag_at_a_spending_position(data):
    mehrertrag(data, konto="05.02.01")
    assert problems_of(data) == [
        f"{at(data, VORLAGE, konto('05.02.01'), after='  deckung:')}: „05.02.01“ ist im Haushalt 2021 keine "
        "Ertragsposition – Mehrerträge bringt nur eine Position mit „ertrag: true“ (haushalt/2021.yaml); bei einer "
        "Aufwandsposition schreiben Sie „art: Einsparung“."
    ]


def test_an_einsparung_at_an_ertrag_position(data):
    mehrertrag(data)
    edit(data / VORLAGE, "    - art: Mehrertrag", "    - art: Einsparung")
    assert problems_of(data) == [
        f"{at(data, VORLAGE, konto('41.00.01'))}: „41.00.01“ ist im Haushalt 2021 eine Ertragsposition "
        "(haushalt/2021.yaml: „ertrag: true“) – dort kann nichts eingespart werden; schreiben Sie „art: Mehrertrag“, "
        "wenn die Erträge dort höher ausfallen."
    ]


def test_spending_at_an_ertrag_position(data):
    mehrertrag(data)
    edit(data / VORLAGE, '    - konto: "05.06.01"', '    - konto: "41.00.01"')
    found = problems_of(data)
    assert found[0] == (
        f"{at(data, VORLAGE, '2021: uebersicht')}: „41.00.01“ ist im Haushalt 2021 eine Ertragsposition "
        "(haushalt/2021.yaml: „ertrag: true“) – Aufwendungen und Auszahlungen stehen bei einer Position ohne "
        "„ertrag“; Mehrerträge nennen Sie unter „deckung“ mit „art: Mehrertrag“."
    )


def test_a_prognose_needs_an_ertrag_position_and_no_minus(data):
    edit(data / H2021, "    gebunden: 13980000", "    gebunden: 13980000\n    prognose: 14000000")
    edit(data / H2022, "    gebunden: 1310000", "    gebunden: 1310000\n    ertrag: true\n    prognose: -5")
    found = problems_of(data)
    assert found[:2] == [
        f"{at(data, H2021, 'prognose')}: „prognose“ gilt nur für eine Ertragsposition – schreiben Sie „ertrag: true“ "
        "dazu, wenn die Position Erträge oder Einzahlungen plant, sonst streichen Sie „prognose“.",
        f"{at(data, H2022, 'prognose')}: „prognose“ ist negativ (−5{NBSP}€) – tragen Sie den Betrag ohne Minus ein; "
        "Erträge und Einzahlungen gehören in eine eigene Position mit „ertrag: true“.",
    ]


def test_an_unknown_name_and_a_year_without_haushalt_are_both_reported(data):
    """A tester's `deckung: [{art: Mehrertrag, konto: x, jahre: {2030: riesig}}]` covered anything."""
    edit(
        data / VORLAGE,
        "  dauer: laufend",
        "    - art: Mehrertrag\n      konto: x\n      jahre: {2030: riesig}\n  dauer: laufend",
    )
    where = at(data, VORLAGE, "2030: riesig")
    assert problems_of(data) == [
        f"{where}: Deckung 2030 durch „x“: „riesig“ gibt es nicht. Formeln lesen andere Zahlen dieser Vorlage "
        "(Abschnitt „zahlen“) und antraege, bescheide, finanzierung, haushalt, kennzahlen, uebersicht, verteilungen.",
        f"{where}: Für 2030 gibt es keinen Haushalt (haushalt/2030.yaml; vorhanden: 2021, 2022) – Verpflichtungen zu "
        "Lasten späterer Jahre brauchen eine Verpflichtungsermächtigung im Haushalt des laufenden Jahres: prüfen Sie, "
        "ob er eine ausweist, und legen Sie haushalt/2030.yaml mit den Ansätzen der Finanzplanung an.",
    ]


# --- what careless users write -----------------------------------------------------------------------------------


def set_amount(data: Path, jahr: str, text: str) -> str:
    """Writes `text` as the amount of a year in the Positionen; returns where that line stands."""
    edit(
        data / VORLAGE,
        "        2021: uebersicht.jahre_max.2021\n        2022: uebersicht.jahre_max.2022\n  deckung",
        f"        {jahr}: {text}\n        2022: uebersicht.jahre_max.2022\n  deckung",
    )
    return at(data, VORLAGE, f"{jahr}: {text}")


_GETIPPT = (
    "ist eine getippte Zahl – Beträge sind Zahlen des Hauptbuchs: legen Sie unter „zahlen“ eine Zahl mit Formel an "
    "und nennen Sie hier ihren Namen."
)


@pytest.mark.parametrize(
    "jahr, betrag, meldung",
    [
        *[
            pytest.param("2021", typed, f"Betrag 2021 für „05.06.01“: „{typed}“ {_GETIPPT}", id=f"getippt {typed}")
            for typed in ["44497", "44.497", "44497.00 €", "-44497"]
        ],
        pytest.param(
            "2021",
            "uebersicht.jahre_max.2021 * 2",
            "Betrag 2021 für „05.06.01“: „uebersicht.jahre_max.2021 * 2“ ist eine Rechnung – legen Sie sie unter "
            "„zahlen“ als Formel an und nennen Sie hier ihren Namen.",
            id="a calculation instead of a figure name",
        ),
        pytest.param(
            "2021",
            "eigenanteil-2021",
            "Betrag 2021 für „05.06.01“: „eigenanteil-2021“ gibt es nicht. Formeln lesen andere Zahlen dieser "
            "Vorlage (Abschnitt „zahlen“) und antraege, bescheide, finanzierung, kennzahlen, uebersicht, verteilungen.",
            id="an unknown figure name",
        ),
        pytest.param(
            "2021",
            "finanzierung.m1-steuerung.vzae",
            "Betrag 2021 für „05.06.01“: „finanzierung.m1-steuerung.vzae“ ist VZÄ, kein Betrag in Euro – nennen "
            "Sie eine Zahl in €.",
            id="a figure that is no money",
        ),
        pytest.param(
            "2023",
            "uebersicht.jahre_max.2021",
            "Für 2023 gibt es keinen Haushalt (haushalt/2023.yaml; vorhanden: 2021, 2022) – Verpflichtungen zu "
            "Lasten späterer Jahre brauchen eine Verpflichtungsermächtigung im Haushalt des laufenden Jahres: prüfen "
            "Sie, ob er eine ausweist, und legen Sie haushalt/2023.yaml mit den Ansätzen der Finanzplanung an.",
            id="a year without haushalt hints at Verpflichtungsermächtigungen",
        ),
        pytest.param(
            "1999",
            "uebersicht.jahre_max.2021",
            "Für 1999 gibt es keinen Haushalt (haushalt/1999.yaml; vorhanden: 2021, 2022) – 1999 liegt vor dem "
            "ersten Haushalt; ein vergangenes Jahr kann eine Vorlage nicht mehr belasten: prüfen Sie das Jahr.",
            id="a past year is no Verpflichtung for later years",
        ),
        *[
            pytest.param(
                jahr,
                "uebersicht.jahre_max.2021",
                f"„{jahr}“ ist kein Haushaltsjahr – schreiben Sie das Jahr mit vier Ziffern, z. B. 2022.",
                id=f"unknown year {jahr}",
            )
            for jahr in ["20222", "zwei"]
        ],
    ],
)
def test_an_amount_of_the_positionen_that_the_ledger_cannot_take(data, jahr, betrag, meldung):
    """Each amount of a Position names a figure of the ledger for a year that has a Haushalt: one exact problem."""
    where = set_amount(data, jahr, betrag)
    assert problems_of(data) == [f"{where}: {meldung}"]


def test_a_figure_that_failed_is_not_reported_again(data):
    edit(
        data / VORLAGE,
        "verteilungen:\n",
        "zahlen:\n  - id: kaputt\n    formel: uebersicht.jahre_max.2021 + 1 VZÄ\nverteilungen:\n",
    )
    set_amount(data, "2021", "kaputt")
    found = problems_of(data)
    assert len(found) == 1 and found[0].startswith(f"{at(data, VORLAGE, 'formel: uebersicht')}: Zahl „kaputt“:")


def test_a_deckung_figure_with_a_unit_error_is_not_reported_again(data):
    """A tester saw a follow-up „deckung-2030“ gibt es nicht after the figure's own unit error."""
    edit(
        data / VORLAGE,
        "verteilungen:\n",
        "zahlen:\n  - id: deckung-2030\n    formel: uebersicht.jahre_max.2021 + "
        "finanzierung.m1-steuerung.vzae\nverteilungen:\n",
    )
    edit(data / VORLAGE, DECKUNG_2022, "        2021: uebersicht.jahre_max.2021\n        2022: deckung-2030\n  dauer")
    found = problems_of(data)
    assert len(found) == 1 and found[0].startswith(f"{at(data, VORLAGE, 'formel: uebersicht')}: Zahl „deckung-2030“:")
    assert "verbindet € und VZÄ" in found[0]


def test_a_negative_amount(data):
    edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n  - id: minus\n    formel: 0 - 5000\nverteilungen:\n")
    where = set_amount(data, "2021", "minus")
    assert problems_of(data) == [
        f"{where}: Betrag 2021 für „05.06.01“: „minus“ ist negativ (−5.000{NBSP}€) – Beträge stehen hier ohne Minus; "
        "Einsparungen und Mehrerträge gehören unter „deckung“."
    ]


def test_a_negative_deckung_is_told_what_a_deckung_is(data):
    """Probe F9: the message said a Deckung „gehört unter deckung“ – where it already stood."""
    edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n  - id: minus\n    formel: 0 - 200000\nverteilungen:\n")
    edit(data / VORLAGE, DECKUNG_2022, "        2021: uebersicht.jahre_max.2021\n        2022: minus\n  dauer")
    where = at(data, VORLAGE, "2022: minus")
    assert problems_of(data) == [
        f"{where}: Deckung 2022 durch „05.02.01“: „minus“ ist negativ (−200.000{NBSP}€) – eine Deckung nennt die "
        f"Einsparung oder den Mehrertrag selbst, ohne Minus (200.000{NBSP}€, nicht −200.000{NBSP}€): ändern Sie die "
        "Formel von „minus“."
    ]


def test_a_missing_year_between_two_haushalte(data):
    (data / "haushalt/2023.yaml").write_text((data / H2022).read_text(encoding="utf-8"), encoding="utf-8")
    (data / H2022).unlink()
    found = problems_of(data)
    assert found[0] == (
        f"{at(data, VORLAGE, '2022: uebersicht')}: Für 2022 gibt es keinen Haushalt (haushalt/2022.yaml; vorhanden: "
        "2021, 2023) – legen Sie haushalt/2022.yaml mit den Ansätzen dieses Jahres an."
    )


def test_no_haushalt_folder_at_all(data):
    for path in (data / "haushalt").iterdir():
        path.unlink()
    found = problems_of(data)
    assert found[0] == (
        f"{at(data, VORLAGE, '2021: uebersicht')}: Für 2021 gibt es keinen Haushalt (haushalt/2021.yaml; es gibt noch "
        "keinen) – Verpflichtungen zu Lasten späterer Jahre brauchen eine Verpflichtungsermächtigung im Haushalt des "
        "laufenden Jahres: prüfen Sie, ob er eine ausweist, und legen Sie haushalt/2021.yaml mit den Ansätzen der "
        "Finanzplanung an."
    )
    assert len(found) == 4  # two years of the Positionen, two of the Deckung


def test_a_produkt_not_in_the_haushalt(data):
    edit(data / VORLAGE, '    - konto: "05.06.01"', '    - konto: "05.06.02"')
    lines = [at(data, VORLAGE, f"{jahr}: uebersicht") for jahr in (2021, 2022)]
    assert problems_of(data) == [
        f"{where}: „05.06.02“ steht nicht im Ergebnisplan des Haushalts {jahr} (haushalt/{jahr}.yaml) und in keinem "
        "anderen Haushalt – meinten Sie „05.06.01“? Prüfen Sie die Nummer; tragen Sie die Position in den Haushalt des "
        "Jahres ein: mit ihrem Ansatz, oder mit „ansatz: 0“, wenn dort nichts veranschlagt ist (dann ist der Betrag "
        "außerplanmäßig)."
        for where, jahr in zip(lines, (2021, 2022))
    ]


def test_a_produkt_in_the_other_plan(data):
    edit(data / VORLAGE, '    - konto: "05.06.01"', '    - konto: "05.06.01"\n      plan: Finanzplan')
    found = problems_of(data)
    assert found[0].endswith(
        ": „05.06.01“ steht nicht im Finanzplan des Haushalts 2021, sondern im Ergebnisplan (haushalt/2021.yaml) – "
        "die Vorlage nennt „plan: Finanzplan“: schreiben Sie „plan: Ergebnisplan“ zur Position der Vorlage, wenn der "
        "Betrag dort gebucht wird."
    )


def test_the_same_produkt_twice(data):
    edit(
        data / VORLAGE,
        "  deckung:\n",
        '    - konto: "05.06.01"\n      jahre: {2022: uebersicht.jahre_max.2022}\n  deckung:\n',
    )
    second = (
        (data / VORLAGE)
        .read_text(encoding="utf-8")
        .splitlines()
        .index('    - konto: "05.06.01"', line_of(data / VORLAGE, "05.06.01"))
    )
    assert problems_of(data) == [
        f"data/{VORLAGE.as_posix()}:{second + 1}: Die Position „05.06.01“ (Ergebnisplan) steht doppelt – nennen Sie "
        "jedes Jahr einer Position einmal, mit einer Zahl für seinen ganzen Betrag."
    ]


def test_keine_together_with_amounts(data):
    edit(data / VORLAGE, "  dauer: laufend\n", "  dauer: laufend\n  keine: true\n")
    assert problems_of(data) == [
        f"{at(data, VORLAGE, 'keine: true')}: „keine: true“ und Angaben zu Beträgen widersprechen sich – streichen "
        "Sie „keine“ oder die Angaben."
    ]


def keine_statt_angaben(data: Path) -> None:
    """2021/0123 says it has no financial effect, its Eigenanteil Berechnungen stay."""
    text = (data / VORLAGE).read_text(encoding="utf-8")
    (data / VORLAGE).write_text(
        text[: text.index("finanzielle_auswirkungen:")] + "finanzielle_auswirkungen: {keine: true}\n", encoding="utf-8"
    )


def test_keine_beside_eigenanteil_berechnungen(data):
    keine_statt_angaben(data)
    assert problems_of(data) == [
        f"{at(data, VORLAGE, 'keine: true')}: „keine: true“ widerspricht den Berechnungen dieser Vorlage in Euro "
        "(„finanzierung“: „m1-steuerung“, „m1-assistenz“, „m2-case-management“ …) – wer Eigenanteile oder Kosten "
        "berechnet, hat finanzielle Auswirkungen: streichen Sie „keine“ und nennen Sie unter „positionen“ die "
        "Beträge je Haushaltsjahr."
    ]


def test_keine_beside_a_comparison_of_stellen_is_no_contradiction(data):
    edit(
        data / "vorlagen/2021-0130/vorlage.yaml",
        "abschnitte: [sachstand.md]\n",
        "abschnitte: [sachstand.md]\nfinanzielle_auswirkungen: {keine: true}\nfinanzierung:\n  - id: stellen\n"
        "    art: Vergleich\n    titel: Stellen\n    einheit: Stellen\n    spalten: [2021, 2022]\n"
        "    zeilen:\n      - {als: KI, werte: [3, 4]}\n",
    )
    project = prepare(data)
    source = next(s for s in project.facts.vorlagen if s.slug == "2021-0130")
    assert finanzielle_auswirkungen(source, project.rechnung(source).haushalt) == (False, [])


def test_neither_keine_nor_positionen(data):
    edit(
        data / "vorlagen/2021-0130/vorlage.yaml",
        "abschnitte: [sachstand.md]\n",
        "abschnitte: [sachstand.md]\nfinanzielle_auswirkungen:\n  dauer: einmalig\n",
    )
    assert problems_of(data) == [
        f"{at(data, Path('vorlagen/2021-0130/vorlage.yaml'), 'dauer: einmalig')}: Es fehlen „positionen“ (je Position "
        "des Haushalts die Beträge je Jahr) – oder schreiben Sie „keine: true“, wenn die Vorlage keine finanziellen "
        "Auswirkungen hat."
    ]


def test_a_list_is_neither_a_file_nor_the_data(data):
    edit(
        data / "vorlagen/2021-0130/vorlage.yaml",
        "abschnitte: [sachstand.md]\n",
        "abschnitte: [sachstand.md]\nfinanzielle_auswirkungen: [a.md, b.md]\n",
    )
    assert problems_of(data) == [
        f"{at(data, Path('vorlagen/2021-0130/vorlage.yaml'), 'finanzielle_auswirkungen')}: „finanzielle_auswirkungen“ "
        "ist ein einzelner Wert oder ein Abschnitt mit Einträgen der Form `schlüssel: wert`, keine Liste."
    ]


# --- the Haushalt file -------------------------------------------------------------------------------------------


def test_an_unknown_key_in_the_haushalt(data):
    edit(data / H2021, "    ansatz: 1284300", "    ansatzz: 1284300")
    found = problems_of(data)
    assert found == [
        f"{at(data, H2021, 'ansatzz')}: Unbekannter Schlüssel „ansatzz“ in „positionen“ – meinten Sie „ansatz“? "
        "Erlaubt sind: konto, bezeichnung, art, plan, deckungskreis, ertrag, ansatz, gebunden, buchungen, prognose, reste, "
        "bereitgestellt, ve, ve_gebunden."
    ]


def test_negative_and_overbound_amounts_in_the_haushalt(data):
    edit(data / H2021, "    ansatz: 14650000", "    ansatz: -14650000")
    edit(data / H2022, "    gebunden: 1310000", "    gebunden: 1310001")
    found = problems_of(data)
    assert found[:2] == [
        f"{at(data, H2021, 'ansatz: -14650000')}: „ansatz“ ist negativ (−{euro(14650000)}) – tragen Sie den Betrag ohne "
        "Minus ein; Erträge und Einzahlungen gehören in eine eigene Position mit „ertrag: true“.",
        f"{at(data, H2022, 'gebunden: 1310001')}: Gebunden ({euro(1310001)}) ist mehr als der Ansatz ({euro(1310000)}) – "
        "prüfen Sie beide Beträge; eine schon bewilligte Bereitstellung erhöht den Ansatz.",
    ]


def test_thousands_dots_in_an_ansatz(data):
    edit(data / H2021, "    ansatz: 1284300", "    ansatz: 1.284.300")
    assert problems_of(data)[0] == (
        f"{at(data, H2021, '1.284.300')}: „ansatz“: „1.284.300“ hat Tausendertrennzeichen; "
        "Zahlen der Datendateien stehen ohne sie und mit Dezimalpunkt – schreiben Sie 1284300."
    )


def test_the_same_konto_twice_in_the_haushalt(data):
    edit(data / H2021, '  - konto: "05.02.01"', '  - konto: "05.06.01"')
    assert problems_of(data)[0] == (
        f"data/{H2021.as_posix()}:{line_of(data / H2021, '05.06.01') + 4}: „05.06.01“ "
        "steht im Ergebnisplan doppelt – fassen Sie die Ansätze in einer Position "
        "zusammen."
    )


def test_a_haushalt_file_not_named_after_a_year(data):
    (data / H2021).rename(data / "haushalt/2021-entwurf.yaml")
    assert problems_of(data)[0] == (
        "data/haushalt/2021-entwurf.yaml: „2021-entwurf.yaml“: Der Dateiname ist kein "
        "Haushaltsjahr – benennen Sie die Datei nach ihrem Jahr, z. B. haushalt/2022.yaml."
    )


def test_an_unknown_deciding_gremium(data):
    edit(data / H2021, "entscheidet: KT", "entscheidet: Kreistag")
    assert problems_of(data) == [
        f"{at(data, H2021, 'entscheidet')}: Unbekanntes Gremium „Kreistag“ – nennen Sie das Kürzel eines Gremiums aus "
        "koerperschaft.yaml („gremien“)."
    ]


def test_a_negative_threshold(data):
    edit(data / H2021, "erheblich: 600000", "erheblich: -600000.50")
    assert problems_of(data) == [
        f"{at(data, H2021, 'erheblich')}: „erheblich“ ist negativ (−600.000,50{NBSP}€) – "
        "tragen Sie die Grenze ohne Minus ein."
    ]


def test_a_missing_threshold_stays_open_until_publishing(data):
    """Before issue 34 a missing `erheblich` stopped every build: a source that did not state it forced one."""
    edit(data / H2021, "erheblich: 600000\n", "")
    assert ("Erheblichkeitsgrenze 2021", "haushalt/2021.yaml: „erheblich“") in auswirkungen(data).offen


# --- printed -----------------------------------------------------------------------------------------------------


@pytest.mark.langsam  # builds whole repositories
def test_keine_prints_the_hausstil_sentence_and_nothing_automatic(data, tmp_path):
    edit(
        data / "vorlagen/2021-0130/vorlage.yaml",
        "abschnitte: [sachstand.md]\n",
        "abschnitte: [sachstand.md]\nfinanzielle_auswirkungen: {keine: true}\n",
    )
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    text = (out / "intern/vorlagen/2021-0130/2021-0130.txt").read_text(encoding="utf-8")
    assert "Finanzielle Auswirkungen" in text and "Keine finanziellen Auswirkungen." in text
    assert "Keine.\n" not in text and "Siehe die Berechnungen" not in text
    example = " ".join((out / "vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8").split())
    for line in (
        f"Überplanmäßige Bereitstellung 2021 nach {RECHT}: 44.497 €",
        f"Überplanmäßige Bereitstellung 2022 nach {RECHT}: 533.969 €",
        "Haushaltsmittel stehen zur Verfügung: Nein",
        "Anlagevermögen entsteht: Nein",
        "Folgekosten: keine",
    ):
        assert line in example


@pytest.mark.langsam  # builds whole repositories
def test_ja_nein_follows_the_data(data, tmp_path):
    edit(data / "koerperschaft.yaml", "hausstil:\n", "hausstil:\n  finanzen: {ja_nein: true}\n")
    edit(
        data / "vorlagen/2021-0130/vorlage.yaml",
        "abschnitte: [sachstand.md]\n",
        "abschnitte: [sachstand.md]\nfinanzielle_auswirkungen: {keine: true}\n",
    )
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    keine = (out / "intern/vorlagen/2021-0130/2021-0130.html").read_text(encoding="utf-8")
    assert (
        '<p class="ja-nein">Nein.</p>' in keine
        and '<p class="keine-auswirkungen">Keine finanziellen Auswirkungen.</p>' in keine
    )
    assert '<p class="ja-nein">Ja.</p>' in (out / "intern/vorlagen/2021-0123/2021-0123.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.langsam  # builds whole repositories
def test_a_changed_haushalt_rebuilds_the_vorlage(data, tmp_path):
    """The Haushalt is in the Vorlage's cache key: a changed Ansatz is never served stale."""
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    edit(data / H2022, "gebunden: 1310000", "gebunden: 1300000")
    assert main(["--data", str(data), "--out", str(out)]) == 0
    text = " ".join((out / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8").split())
    assert f"Überplanmäßige Bereitstellung 2022 nach {RECHT}: {euro(533969 - (1310000 - 1300000))}".replace(
        NBSP, " "
    ) in text.replace(NBSP, " ")


def test_texts_quote_the_computed_bereitstellung(data, capsys):
    edit(
        data / "vorlagen/2021-0123/finanzielle-auswirkungen.md",
        "gesondert.",
        "gesondert. Überplanmäßig bereitzustellen sind 2022 {{ haushalt.mehrbedarf[2022] | eur }}.",
    )
    from vorlagen.render.document import Composer

    project = prepare(data)
    source = next(s for s in project.facts.vorlagen if s.slug == "2021-0123")
    html = Composer(project).compose(source).web_html
    assert f"Überplanmäßig bereitzustellen sind 2022 {euro(je_jahr(EIGENANTEILE)[2022])}." in html
    assert main(["zahlen", "2021/0123", "--data", str(data)]) == 0
    listing = capsys.readouterr().out
    assert "{{ haushalt.mehrbedarf[2022] | eur }}" in listing and euro(533969) in listing


def test_a_tables_eigenanteil_per_year_is_referable(data):
    edit(
        data / VORLAGE,
        "        2021: uebersicht.jahre_max.2021\n        2022: uebersicht.jahre_max.2022\n  deckung",
        "        2021: finanzierung.m1-steuerung.jahre.2021.eigenanteil\n"
        "        2022: finanzierung.m1-steuerung.jahre.2022.eigenanteil\n  deckung",
    )
    a = auswirkungen(data)
    steuerung = je_jahr([158644])
    assert [(z.jahr, z.betrag) for z in a.zeilen] == [(2021, steuerung[2021]), (2022, steuerung[2022])]
    assert a.mehrbedarf == steuerung  # nothing free at 05.06.01


def test_amounts_with_cents_are_kept_and_printed_with_cents(data):
    edit(
        data / VORLAGE,
        "verteilungen:\n",
        "zahlen:\n  - id: halber-euro\n    formel: 0,5\n    rundung: cent\n"
        "  - id: mit-cent\n    formel: uebersicht.jahre_max.2021 + halber-euro\n"
        "    rundung: cent\nverteilungen:\n",
    )
    set_amount(data, "2021", "mit-cent")
    # the Deckung 2021 (the Eigenanteil in whole euros) now lacks exactly the 50 Cent
    assert problems_of(data) == [
        f"{at(data, VORLAGE, '  deckung:')}: Die Deckung 2021 ({euro(44497)}) reicht nicht für den überplanmäßigen "
        f"Betrag (44.497,50{NBSP}€) – es fehlen 0,50{NBSP}€; ergänzen Sie unter „deckung“ Einsparungen oder "
        "Mehrerträge."
    ]


def test_folgekosten_as_a_figure_and_as_a_typed_number(data):
    edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n  - id: folgekosten\n    formel: 12000\nverteilungen:\n")
    edit(data / VORLAGE, "  folgekosten: keine", "  folgekosten: folgekosten")
    assert auswirkungen(data).folgekosten == f"{euro(12000)} jährlich"
    edit(data / VORLAGE, "  folgekosten: folgekosten", "  folgekosten: 12000")
    assert problems_of(data) == [
        f"{at(data, VORLAGE, 'folgekosten: 12000')}: Folgekosten: „12000“ ist eine getippte Zahl – Beträge sind Zahlen "
        "des Hauptbuchs: legen Sie unter „zahlen“ eine Zahl mit Formel an und nennen Sie hier ihren Namen."
    ]


def test_empty_jahre(data):
    edit(
        data / VORLAGE,
        "      jahre:\n        2021: uebersicht.jahre_max.2021\n        2022: uebersicht.jahre_max.2022\n  deckung",
        "      jahre: {}\n  deckung",
    )
    assert problems_of(data) == [
        f"{at(data, VORLAGE, 'jahre: {}')}: „jahre“ ist leer – nennen Sie je Haushaltsjahr die Zahl des Betrags (bei "
        "einer Position, wo Ansatz und ganzer Betrag nicht vorliegen, statt dessen unter „ueberplanmaessig“ oder "
        "„ausserplanmaessig“ den Betrag, den die Kämmerei nennt)."
    ]


def test_check_prints_the_problem_with_exit_code_1_and_no_traceback(data, capsys):
    edit(data / H2022, "erheblich: 600000", "erheblich: 500000")
    code = main(["check", "--data", str(data)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert (
        f"{at(data, VORLAGE, 'beratungsfolge:')}: Der überplanmäßige Betrag 2022 ({euro(533969)}) liegt über der "
        f"Erheblichkeitsgrenze von {euro(500000)}"
    ) in err


def test_vergleichen_shows_the_haushalt_figures_old_to_new(data, tmp_path):
    import shutil

    from vorlagen.review.diff import compare, render_text
    from vorlagen.review.revisionsvergleich import fassungen as _fassungen

    neu = tmp_path / "neu"
    shutil.copytree(data, neu)
    edit(neu / H2022, "gebunden: 1310000", "gebunden: 1300000")
    report = render_text(compare(_fassungen(data, "alt"), _fassungen(neu, "neu")), "alt", "neu")
    frei, mehrbedarf = 1310000 - 1300000, 533969 - (1310000 - 1300000)
    figures = report[report.index("  Zahlen:\n") : report.index("  Kopfdaten:\n")].replace(NBSP, " ")
    assert figures == (
        "  Zahlen:\n"
        f"    Gebunden 2022 „05.06.01“: {euro(1310000)} → {euro(1300000)} (−{euro(1310000 - 1300000)})\n"
        f"    Verfügbar 2022 „05.06.01“: 0 € → {euro(frei)} (+{euro(frei)})\n"
        f"      weil: gebunden: {euro(1310000)} → {euro(1300000)}\n"
        f"    Mehrbedarf 2022 „05.06.01“: {euro(533969)} → {euro(mehrbedarf)} (−{euro(533969 - mehrbedarf)})\n"
        f"      weil: verfügbar: 0 € → {euro(frei)}\n"
        f"    Überplanmäßige Bereitstellung 2022: {euro(533969)} → {euro(mehrbedarf)} (−{euro(533969 - mehrbedarf)})\n"
    ).replace(NBSP, " ")
    signoff = r"Erika Mustermann, 26\.05\.2021, sha256:([0-9a-f]{12})…"
    assert re.search(  # the changed block makes the Kämmerei's sign-off stale (the same one), and the review says so
        rf"\n  Kopfdaten:\n    Mitzeichnungen: „Kämmerei: gültig \({signoff}\)“ → „Kämmerei: veraltet \(Erika "
        r"Mustermann, 26\.05\.2021, sha256:\1…\)“\n  Text:\n",
        report.replace(NBSP, " "),
    ), report


def test_two_open_vorlagen_sharing_one_mehrertrag(data):
    mehrertrag(data)
    edit(
        data / MITTEILUNG,
        "abschnitte: [sachstand.md]\n",
        "abschnitte: [sachstand.md]\nzahlen:\n  - id: bedarf\n    formel: 100000\nfinanzielle_auswirkungen:\n"
        '  positionen:\n    - konto: "05.02.01"\n      jahre: {2022: bedarf}\n'
        '  deckung:\n    - art: Mehrertrag\n      konto: "41.00.01"\n      jahre: {2022: bedarf}\n',
    )
    ansatz, prognose = ERTRAG[2022]
    eigener = je_jahr(EIGENANTEILE)[2022]
    zusammen = eigener + 100000
    assert zusammen > prognose - ansatz
    found = [p for p in problems_of(data) if "41.00.01" in p]
    assert found[1] == (
        f"{at(data, MITTEILUNG, '2022: bedarf', after='  deckung:')}: „41.00.01“ (Ergebnisplan 2022) reicht nicht für "
        f"alle Vorlagen, die dort Mittel beanspruchen: diese Vorlage {euro(100000)}, Vorlage 2021/0123 {euro(eigener)} – "
        f"zusammen {euro(zusammen)}, verfügbar {euro(prognose - ansatz)} (Prognose {euro(prognose)} − Ansatz {euro(ansatz)} "
        "− gebunden 0\u00a0€). Offene Vorlagen zählen zusammen, bis eine entscheidende Beratung sie erledigt hat und die "
        "Kämmerei den Betrag unter „buchungen“ bindet: stimmen Sie die Beträge mit der Kämmerei ab."
    )
    assert len(found) == 2 and found[0].startswith(f"{at(data, VORLAGE, '2022: uebersicht', after='  deckung:')}: ")
