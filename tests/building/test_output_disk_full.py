"""A disk that is really full – not a mocked write – through every writer of a build: the Vorlagen, the
Sitzungsmappen, the publish bundles and the state files. The output lies on a small tmpfs (mounted in a user
namespace of its own, so no root is needed and the machine is not touched); before each build the disk is
filled up to a little less free space than the build needs, step by step. Every build either succeeds or
fails with one German line naming the file, and the previous output stays exactly as it was (issue 25)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hilfen import ROOT, can_mount, ohne_mitzeichnung

V = Path("vorlagen/2021-0123/beschlussvorschlag.md")
FREE_KB = [*range(0, 1200, 120), None]  # free space left before each build; None: the disk as it is
FULL = re.compile(
    r"^(.+): Der Speicherplatz ist voll – prüfen Sie freien Speicherplatz und Schreibrechte; "
    r"die bisherige Ausgabe ist unverändert\.$"
)


@pytest.mark.langsam
@pytest.mark.skipif(
    sys.platform != "linux" or not can_mount(),
    reason="braucht Linux mit unshare (Benutzer- und Mount-Namensraum) für ein kleines tmpfs",
)
def test_a_really_full_disk_ends_every_writer_in_one_german_line_and_keeps_the_output(tmp_path):
    data = ohne_mitzeichnung(shutil.copytree(ROOT / "data", tmp_path / "data"))  # every build changes the text
    disk, report = tmp_path / "platte", tmp_path / "bericht.json"
    disk.mkdir()
    script = f'mount -t tmpfs -o size=24m tmpfs "$1" && d="$1" && c="$2" && shift 2 && exec "{sys.executable}" -c "$c" "$d" "$@"'
    code = "import sys; from tests.building.test_output_disk_full import drive; drive(*sys.argv[1:])"
    result = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            script,
            "sh",
            str(disk),
            code,
            str(data),
            str(report),
            str(tmp_path / "tmp"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    runs = json.loads(report.read_text(encoding="utf-8"))
    failed = [r for r in runs if r["code"] != 0]
    for run in runs:
        assert "Traceback" not in run["err"] and "Error" not in run["err"], run
        if run["code"] != 0:
            assert run["code"] == 1 and FULL.match(run["err"].strip()), run
            assert run["unchanged"], run  # the previous output, byte for byte
    named = [FULL.match(r["err"].strip())[1] for r in failed]
    # the sweep reached every writer: a Vorlage, a Sitzungsmappe, a publish bundle – and with the disk as it is,
    # the build succeeds
    assert any("/vorlagen/" in n for n in named), named
    assert any("sitzungsmappe" in n and "/publish/" not in n for n in named), named
    assert any("/publish/" in n for n in named), named
    assert runs[-1]["code"] == 0, runs[-1]


def drive(disk: str, data: str, report: str, temporary: str) -> None:
    """Runs inside the namespace with the tmpfs mounted at `disk`: a first build, then for each amount of free
    space an edit and a build on a disk filled up to that."""
    disk, data, temporary = Path(disk), Path(data), Path(temporary)
    temporary.mkdir(exist_ok=True)
    out = disk / "ausgabe"
    env = dict(os.environ, TMPDIR=str(temporary), CI="1")  # the workers' temporary files are not on the small disk

    def build() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(ROOT / "build.py"), "--data", str(data), "--out", str(out), "--mappen"],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )

    first = build()
    assert first.returncode == 0, first.stderr
    runs = []
    for number, free in enumerate(FREE_KB):
        text = data / V
        content = text.read_text(encoding="utf-8")
        text.write_text(
            re.sub(r"(Die Verwaltung)( \(Fassung \d+\))?", rf"\1 (Fassung {number})", content, count=1),
            encoding="utf-8",
        )
        before = _hashes(out)
        filler = _fill(disk, free * 1024) if free is not None else None
        result = build()
        if filler is not None:
            filler.unlink()
        runs.append(
            {"free_kb": free, "code": result.returncode, "err": result.stderr, "unchanged": _hashes(out) == before}
        )
    Path(report).write_text(json.dumps(runs, ensure_ascii=False, indent=1), encoding="utf-8")


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _fill(disk: Path, free: int) -> Path:
    """A file that leaves `free` bytes of the disk (or nothing, if less is left already)."""
    status = os.statvfs(disk)
    filler = disk / "fuellung"
    with open(filler, "wb") as handle:
        handle.truncate(0)
        remaining = max(0, status.f_bavail * status.f_frsize - free)
        block = b"\0" * (1 << 20)
        while remaining > 0:
            remaining -= handle.write(block[: min(len(block), remaining)])
    return filler
