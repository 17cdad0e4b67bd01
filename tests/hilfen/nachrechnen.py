"""`nachrechnen` from a test: one file checked with `--json`, its findings by status, a typed document written."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from tests.hilfen import ROOT, run


def check(capsys, path: Path, *extra: str) -> tuple[int, dict, str]:
    """Runs `nachrechnen --json` on one file; returns exit code, the file's report, stderr."""
    code, out, err = run(capsys, "nachrechnen", str(path), "--json", *extra)
    report = json.loads(out)["dateien"]
    return code, (report[0] if report else {}), err


def papers(folder: str) -> list[Path]:
    """The papers of a folder of cases under tests/nachrechnen (an adversary's right papers), in order."""
    return sorted((ROOT / "tests" / "nachrechnen" / folder).glob("*.txt"))


def check_paper(capsys, tmp_path: Path, paper: Path) -> tuple[int, dict]:
    """`check` on a copy of a case's paper; returns exit code and the report."""
    code, report, _ = check(capsys, write(tmp_path, paper.name, paper.read_text(encoding="utf-8")))
    return code, report


def by_status(report: dict, status: str) -> list[dict]:
    return [b for b in report["befunde"] if b["status"] == status]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def erkannt(tmp_path: Path, name: str, text: str) -> list:
    """The readings the recogniser `name` of the registry (erkennen/register.py) returns for a typed text, given
    the readings of the recognisers before it – its function called as the pipeline calls it."""
    from vorlagen.nachrechnen.aufbau.dokument import aufbauen
    from vorlagen.nachrechnen.erkennen import inzeile, register
    from vorlagen.nachrechnen.lesen import einheitzeile
    from vorlagen.nachrechnen.lesen.datei import read

    zeilen = einheitzeile.join(read(write(tmp_path, "v.txt", text)))
    dokument = aufbauen(zeilen, [inzeile.recognise(zeile) for zeile in zeilen])
    prior: tuple = ()
    for erkenner in register.in_order():
        if erkenner.name == name:
            return erkenner.erkenne(dokument, prior)
        prior += tuple(erkenner.erkenne(dokument, prior))
    raise AssertionError(f"kein Erkenner {name}")


def werte(rechnung) -> tuple[list[Fraction], Fraction]:
    """The typed values of a reading's parts and of its result, exact."""
    return [Fraction(t.zahl.wert) for t in rechnung.teile], Fraction(rechnung.ergebnis.zahl.wert)
