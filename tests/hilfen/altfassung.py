"""The program of an earlier commit as the oracle of what a data repository printed before (issue 32, point 10).

`programm(rev)` unpacks that commit's tree (git archive: the same files a worktree of it has, without adding one to
the repository) into a folder kept for the session – in pytest's folder of the run (tests/conftest.py sets it), never
in the system's temporary folder, where it once stayed behind after every run; `bauen(rev, repo, out)` builds a data repository with it in a
process of its own. Without git or without that commit in the history the tests that need it are skipped, naming
why.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.hilfen import ROOT

LETZTE = "f1df33e"  # the last landed version before issue 32: the data repositories of tests/fixtures/altbestand
_ordner: list[Path] = []  # where the trees are unpacked: set once per session by setze_ordner


def setze_ordner(ordner: Path) -> None:
    """Unpack the trees of earlier commits below `ordner` (a folder of pytest's run)."""
    _ordner[:] = [ordner]


def programm(rev: str = LETZTE) -> Path:
    """The tree of commit `rev`, unpacked once."""
    assert _ordner, "tests/conftest.py setzt den Ordner der früheren Programme (altfassung.setze_ordner)"
    target = _ordner[0] / rev
    if (target / "build.py").is_file():
        return target
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", rev],
            capture_output=True,
            timeout=120,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"das Programm von {rev} lässt sich nicht aus git holen ({error})")
    partial = _ordner[0] / f"{rev}.teil-{os.getpid()}"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(partial, filter="data")
    partial.rename(target) if not target.exists() else None
    return target


def bauen(repo: Path, out: Path, rev: str = LETZTE) -> subprocess.CompletedProcess:
    """Builds the data repository `repo` into `out` with the program of `rev` (its own modules, this interpreter)."""
    tree = programm(rev)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run(
        [sys.executable, str(tree / "build.py"), "--data", str(repo), "--out", str(out)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"{rev} baut {repo.name} nicht:\n{done.stdout}\n{done.stderr}"
    return done


def zahlen(repo: Path, nummer: str, rev: str = LETZTE) -> dict[str, str]:
    """`vorlagen zahlen NUMMER` of the program of `rev`: every name a text could quote → the value it printed."""
    tree = programm(rev)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run(
        [sys.executable, "-m", "vorlagen", "zahlen", nummer, "--data", str(repo)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return liste(done.stdout)


def liste(text: str) -> dict[str, str]:
    """The lines of a `zahlen` listing: `{{ expression }}` → value."""
    found = {}
    for line in text.splitlines():
        if line.startswith("  {{ "):
            expression, _, value = line.strip().partition(" }}")
            found[expression.removeprefix("{{ ").strip()] = value.strip()
    return found
