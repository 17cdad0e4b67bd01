"""How our processes run: settings of the Python runtime that the command and the render service make."""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Python looks for reference cycles after every 700 new objects. A build makes millions of small objects
# (YAML nodes, records, template output) that nearly all live until it ends, so most of those searches find
# nothing and walk the same young objects again: a fifth of an unchanged build of a year. Looking after
# 10,000 objects finds the same cycles, a little later. The render workers keep Python's rhythm: WeasyPrint
# leaves much cyclic garbage, and collecting it later made the workers hold more memory (benchmark: the
# year's peak rose from 333 to 366 MB) for 6 % less time per PDF.
YOUNG_OBJECTS_BEFORE_COLLECTING = 10_000


def collect_less_often() -> None:
    """Searches for reference cycles less often (the older generations keep Python's own rhythm)."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS_BEFORE_COLLECTING, middle, old)


BEFEHLSORDNER = "vorlagen-befehl-"  # prefix of a command's own temporary folder


@contextmanager
def eigener_tempordner() -> Iterator[None]:
    """Every temporary file of this process goes into one folder of the command's own, removed however the command
    ends (a SIGTERM that arrived while WeasyPrint held a copy of a font left that copy in the system's folder); a
    render worker removes it when the command dies under it (kill -9, see building/satzprozess.py)."""
    frueher = tempfile.tempdir
    with tempfile.TemporaryDirectory(prefix=BEFEHLSORDNER, ignore_cleanup_errors=True) as eigener:
        tempfile.tempdir = eigener
        try:
            yield
        finally:
            tempfile.tempdir = frueher


def befehlsordner() -> Path | None:
    """The command's own temporary folder, while one is set (None: the system's is used)."""
    ordner = Path(tempfile.gettempdir())
    return ordner if ordner.name.startswith(BEFEHLSORDNER) else None
