"""`nachrechnen` from a test: one file checked with `--json`, its findings by status, a typed document written."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hilfen import run


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
