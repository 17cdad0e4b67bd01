"""A Position that is not where the Vorlage looks for it (issue 46, point 4): the message names where it is – the
other plan of that year's Haushalt, other years' Haushalte – and proposes only what would be right: never to add a
Finanzplan position to the Ergebnisplan with „ansatz: 0“, never „ansatz: 0“ for a position that is to bring an
Einsparung. Each proposal is applied here and must make the problem go."""

from __future__ import annotations

from pathlib import Path

from tests.hilfen import ROOT, copy_data, edit, line_of, problems_of
from vorlagen.compute.project import prepare

MAINZ = ROOT / "tests" / "fixtures" / "mainz"
PRAEPARATION = Path("vorlagen/praeparation/vorlage.yaml")
KONTO = "Naturhistorisches Museum, Auslagerung der Präparation"
VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")


def test_a_finanzplan_position_named_without_plan_is_named_in_the_finanzplan_and_plan_is_proposed(tmp_path):
    data = copy_data(MAINZ, tmp_path)
    edit(data / PRAEPARATION, f'{{konto: "{KONTO}", plan: Finanzplan, jahre', f'{{konto: "{KONTO}", jahre')
    zeile = line_of(data / PRAEPARATION, f'{{konto: "{KONTO}", jahre')
    found = problems_of(data)
    assert (
        f"data/{PRAEPARATION}:{zeile}: „{KONTO}“ steht nicht im Ergebnisplan des Haushalts 2023, sondern im "
        "Finanzplan (haushalt/2023.yaml) – ohne „plan“ liest die Vorlage den Ergebnisplan: schreiben Sie „plan: "
        "Finanzplan“ zur Position der Vorlage, wenn der Betrag dort gebucht wird."
    ) in found, found
    assert all("ansatz: 0" not in p for p in found)  # the advice of before: it would create a wrong Position
    edit(data / PRAEPARATION, f'{{konto: "{KONTO}", jahre', f'{{konto: "{KONTO}", plan: Finanzplan, jahre')
    assert prepare(data).rechnungen["praeparation"].haushalt.mehrbedarf == {2023: 647_800}  # the proposal, applied


def test_a_position_only_in_another_years_haushalt_is_named_with_that_year(data):
    edit(data / "haushalt/2022.yaml", '  - konto: "05.06.01"', '  - konto: "05.06.09"')  # 2022 lists it no more
    found = problems_of(data)
    zeile = line_of(data / VORLAGE, "2022: uebersicht.jahre_max.2022")
    assert (
        f"data/{VORLAGE}:{zeile}: „05.06.01“ steht nicht im Haushalt 2022 (haushalt/2022.yaml), aber im Haushalt "
        "2021 (Ergebnisplan) – prüfen Sie das Jahr; gilt der Betrag 2022, tragen Sie die Position in den Haushalt des "
        "Jahres ein: mit ihrem Ansatz, oder mit „ansatz: 0“, wenn dort nichts veranschlagt ist (dann ist der Betrag "
        "außerplanmäßig)."
    ) in found, found


def test_a_source_of_an_einsparung_is_never_proposed_with_ansatz_0(data):
    edit(data / VORLAGE, '      konto: "05.02.01"', '      konto: "05.02.09"')
    found = problems_of(data)
    zeile = line_of(data / VORLAGE, "2021: uebersicht.jahre_max.2021")
    deckung = [p for p in found if "05.02.09" in p]
    assert deckung and all("ansatz: 0" not in p for p in deckung)
    assert deckung[0].endswith(
        "„05.02.09“ steht nicht im Ergebnisplan des Haushalts 2021 (haushalt/2021.yaml) und in keinem anderen "
        "Haushalt – meinten Sie „05.02.01“? Prüfen Sie die Nummer; eine Einsparung braucht Mittel, die der Haushalt des "
        "Jahres dort veranschlagt: tragen Sie die Position mit ihrem Ansatz und dem schon Gebundenen ein."
    ), deckung
    assert zeile < int(deckung[0].split(":")[1])  # at the Deckung's own line, after the Position's
