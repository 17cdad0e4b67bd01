"""Every figure a Finanzierungsplan prints can be checked under the name its row prints (issue 57, point 3): a plan
printing a row „Eigenanteil“ (a source of art Eigenmittel) accepted only `erwartet: {gesamtkosten: …}`, and
`eigenanteil` was refused without saying what to write. Its sources are checked as `quellen: {Name: Betrag}`; a key
the plan has not names that way. Amounts by hand: 80 % of 100.000 € = 80.000 €, the rest 20.000 €."""

from __future__ import annotations

from tests.hilfen import edit, line_of, problems_of
from tests.hilfen.beispielvorlage import VORLAGE
from tests.referenz.rechnen import euro
from vorlagen.compute.project import prepare

WO = "data/vorlagen/2021-0123/vorlage.yaml"
PLAN = (
    "finanzierung:\n  - id: p\n    art: Finanzierungsplan\n    titel: Probe\n"
    "    kosten:\n      - {betrag: 100000, als: Kosten}\n"
    "    quellen:\n      - {als: Bund, foerdersatz: 80}\n"
    "      - {als: Eigenanteil, art: Eigenmittel, rest: true}\n"
)


def plan(data, extra: str) -> None:
    edit(data / VORLAGE, "finanzierung:\n", PLAN + extra)


def test_a_key_the_plan_has_not_names_the_rows_names(data):
    plan(data, "    erwartet: {eigenanteil: 20000}\n")
    assert problems_of(data) == [
        f"{WO}:{line_of(data / VORLAGE, 'erwartet: {eigenanteil')}: Berechnung „p“: Eine Berechnung der Art "
        "„Finanzierungsplan“ hat keinen Wert „eigenanteil“ – die Zeilen der Quellen prüfen Sie unter dem Namen, den "
        "sie drucken, z. B. „erwartet: {quellen: {Eigenanteil: …}}“ (möglich: Bund, Eigenanteil), die Gesamtkosten "
        "mit „gesamtkosten“."
    ]
    edit(data / VORLAGE, "erwartet: {eigenanteil: 20000}", "erwartet: {quellen: {Eigenanteil: 20000}}")  # as proposed
    assert prepare(data).rechnungen["2021-0123"].tabellen["p"].quellen["Eigenanteil"].betrag == 20000


def test_a_source_checked_under_its_printed_name(data):
    plan(data, "    erwartet: {quellen: {Bund: 80000, Eigenanteil: 20001}}\n")
    assert problems_of(data) == [
        f"{WO}:{line_of(data / VORLAGE, 'erwartet: {quellen')}: Berechnung „p“, Eigenanteil: berechnet "
        f"{euro(20000)}, erwartet {euro(20001)}, Differenz −{euro(1)} – prüfen Sie den erwarteten Wert und die "
        "Eingangswerte."
    ]


def test_a_bound_of_a_source_under_its_printed_name(data):
    plan(data, "    hoechstens: {quellen: {Eigenanteil: 19999}}\n")
    (problem,) = problems_of(data)
    assert problem.startswith(
        f"{WO}:{line_of(data / VORLAGE, 'hoechstens: {quellen')}: Berechnung „p“, Quelle „Eigenanteil“: berechnet "
        f"{euro(20000)}, höchstens {euro(19999)}, Differenz +{euro(1)}"
    )
