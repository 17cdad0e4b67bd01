"""A Vorlage with Finanzen-Daten whose Beratungsfolge has a Beratung with open Termin (no Sitzung yet)."""

from __future__ import annotations

from pathlib import Path

from tests.hilfen import edit
from vorlagen.compute.project import prepare

VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")


def test_an_open_termin_does_not_stop_the_haushalt_check(data):
    # a later Kreistag Beratung whose Sitzung is not planned yet: it has no date to order it by
    edit(
        data / VORLAGE,
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}\n  - {gremium: KT, rolle: Kenntnisnahme}",
    )
    auswirkungen = prepare(data).rechnungen["2021-0123"].haushalt
    # 2022's Mehrbedarf as tests/compute/test_haushalt.py derives it from the seed's Eigenanteile (146441 + 9540 + 238909 + 139079)
    assert auswirkungen.mehrbedarf[2022] == 533969
