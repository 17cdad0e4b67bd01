"""Finding 2 of the new-user tryout: a Vorlage with data-form Finanzielle Auswirkungen and a Beratung without Sitzung
made every command fail (`KeyError: None`). The budget-law messages for an open Termin are in tests/compute/test_haushalt.py; here
the command a user runs first."""

from __future__ import annotations

from pathlib import Path

from tests.hilfen import edit, run

VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")

KA_LAST = "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}"


def test_pruefen_with_an_open_termin_below_the_threshold_is_no_traceback(capsys, data):
    edit(data / VORLAGE, KA_LAST, KA_LAST + "\n  - {gremium: KT, rolle: Kenntnisnahme}")
    code, out, err = run(capsys, "pruefen", "--ohne-satz", "--data", str(data), "--stichtag", "2021-06-01")
    assert (code, err) == (0, "") and "Sitzungstermin Kreistag (Kenntnisnahme)" in out, (out, err)
