"""The example built once per test process, for tests whose subject is not the first build: its output/ and the
build's record (.vorlagen/output/, building/state.py) copied beside a test's data folder, so that the next build
there – the server's first, or the older side of `vergleichen` – reuses every document whose data did not change,
as the build cache does for any user (building/cache.py), instead of setting all of the example's PDFs anew for
each test. Tests of the first build itself (a cold cache, a clean output) do not use it."""

from __future__ import annotations

import atexit
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.hilfen import DATA, ROOT

_gebaut: list[Path] = []


def _beispiel() -> Path:
    """The folder of this process's build: data/ (the example), output/ and .vorlagen/ made by `vorlagen bauen`."""
    if not _gebaut:
        ordner = Path(tempfile.mkdtemp(prefix="vorlagen-test-vorgebaut-"))
        _gebaut.append(ordner)
        atexit.register(aufraeumen)
        shutil.copytree(DATA, ordner / "data")
        lauf = subprocess.run(
            [sys.executable, str(ROOT / "build.py"), "bauen"],
            cwd=ordner,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert lauf.returncode == 0, lauf.stdout + lauf.stderr
    return _gebaut[0]


def ordner() -> Path:
    """This process's folder of the built example, removed with it: what a helper makes once per process from the
    example (the server tests' repository) goes here beside data/ and output/."""
    return _beispiel()


def ausgabe() -> Path:
    """The example's built output folder itself, to be read only (the seed of `vergleichen --out`, which copies it)."""
    return _beispiel() / "output"


def ausgabe_dazu(projekt: Path) -> None:
    """Puts the example's built output and its record beside `projekt`/data (which holds the example's data)."""
    gebaut = _beispiel()
    shutil.copytree(gebaut / "output", projekt / "output", symlinks=True)
    shutil.copytree(gebaut / ".vorlagen", projekt / ".vorlagen", symlinks=True)


def aufraeumen() -> None:
    """Removes this process's build (when it ends; tests/conftest.py before it checks the temporary folder)."""
    while _gebaut:
        shutil.rmtree(_gebaut.pop(), ignore_errors=True)
