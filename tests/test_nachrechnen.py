"""`nachrechnen`: recomputing Vorlagen typed in Word — seeds, invented documents in several layouts, errors.

Every expected figure here is computed by hand in the comment beside it (or printed in a seed), never
taken from the tool's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import ROOT, run

SEEDS = ROOT.parent / "shared" / "seeds"
SEED_000 = SEEDS / "000_fede07582fed2c00.txt"
needs_seeds = pytest.mark.skipif(not SEED_000.is_file(), reason=f"Seeds fehlen: {SEEDS} liegt nicht neben dem Repo")


def check(capsys, path: Path, *extra: str) -> tuple[int, dict, str]:
    """Runs `nachrechnen --json` on one file; returns exit code, the file's report, stderr."""
    code, out, err = run(capsys, "nachrechnen", str(path), "--json", *extra)
    report = json.loads(out)["dateien"]
    return code, (report[0] if report else {}), err


def by_status(report: dict, status: str) -> list[dict]:
    return [b for b in report["befunde"] if b["status"] == status]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the seeds -----------------------------------------------------------------------------------------------

@needs_seeds
def test_seed_000_gives_exactly_its_two_slips_and_their_consequences(capsys):
    code, report, _ = check(capsys, SEED_000)
    assert code == 1
    slips = by_status(report, "Fehler")
    # 0,5 x 79.928 = 39.964 (printed 39.946); 7 x 103.328 = 723.296 (printed 723.298)
    assert [(s["rechnung"], s["getippt"], s["nachgerechnet"], s["differenz"]) for s in slips] == [
        ("0,5 x 79.928\u00a0€", "39.946\u00a0€", "39.964\u00a0€", "\u221218\u00a0€"),
        ("7 x 103.328\u00a0€", "723.298\u00a0€", "723.296\u00a0€", "+2\u00a0€")]
    # 39.964 − 29.629 = 10.335; 723.296 − 417.081 − 47.397 = 258.818
    assert [[(f["getippt"], f["richtig"]) for f in s["folgen"]] for s in slips] == [
        [("10.317\u00a0€", "10.335\u00a0€")], [("258.820\u00a0€", "258.818\u00a0€")]]
    follow = by_status(report, "Folgefehler")
    assert [(f["getippt"], f["nachgerechnet"]) for f in follow] == [("10.317\u00a0€", "10.335\u00a0€"),
                                                                   ("258.820\u00a0€", "258.818\u00a0€")]
    # both wrong Eigenanteile are also quoted in the prose of section III
    assert all(f["auch_genannt"] for f in follow)


@needs_seeds
def test_seed_000_confirms_every_other_row_and_the_35_days(capsys):
    _, report, _ = check(capsys, SEED_000)
    confirmed = {(b["rechnung"], b["getippt"]) for b in by_status(report, "stimmt")}
    expected_rows = [  # the rows of the five tables in section III, as printed
        ("3,5 x 115.418", "403.963"), ("3,5 x 70.091", "245.319"), ("1 x 29.629", "29.629"),
        ("7 x 59.583", "417.081"), ("7 x 6.771", "47.397"), ("3 x 68.136", "204.408"),
        ("3 x 40.625", "121.875"), ("3 x 90.848", "272.544")]
    for calculation, typed in expected_rows:
        assert (calculation + "\u00a0€", typed + "\u00a0€") in confirmed
    for typed in ("158.644", "82.533", "150.669", "70.091", "29.629"):  # Eigenanteile and (PK + SK) breakdowns
        assert any(t == typed + "\u00a0€" for _, t in confirmed), typed
    days = [b for b in by_status(report, "stimmt") if b["getippt"] == "35,00"]
    assert days and days[0]["erkannt"] == "Summe der Liste darüber"
    assert report["zusammenfassung"]["fehler"] == 2 and report["zusammenfassung"]["rundung"] == 0


@needs_seeds
@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_no_false_alarm_on_any_seed(capsys, seed):
    code, report, _ = check(capsys, SEEDS / seed)
    slips = by_status(report, "Fehler") + by_status(report, "Rundung")
    if seed == SEED_000.name:
        assert len(slips) == 2
    else:
        assert slips == [] and code == 0


def test_text_output_names_place_figures_and_summary(capsys, tmp_path):
    path = write(tmp_path, "vorlage.txt", "Kosten\n0,5 x 79.928€ (E5 für 13 Monate)\t39.946€\tGesamtkosten\n"
                                          "- 1 x 29.629€ (PK)\t- 29.629€\tFörderung\n\t= 10.317€\tEigenanteil\n")
    code, out, _ = run(capsys, "nachrechnen", str(path))
    assert code == 1
    assert "Z. 2           FEHLER       getippt 39.946\u00a0€, nachgerechnet 39.964\u00a0€ (Differenz \u221218\u00a0€)" in out
    assert "Folge: Z. 4 getippt 10.317\u00a0€" in out and "wird damit 10.335\u00a0€" in out
    assert out.rstrip().endswith("3 Rechnungen erkannt: 1 stimmt, 1 Fehler, 1 Folgefehler; 0 Zahlen nicht geprüft.")
