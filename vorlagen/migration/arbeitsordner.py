"""The temporary work folders of `aktualisieren` (`vorlagen-aktualisieren-…` in the system's temporary folder) do
not outlive a killed run for long: each is held by a lock of the operating system (filelock: flock, msvcrt) while
its run lives – freed however the run ends – and a later run removes those whose lock is free and that are older
than its own start."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from pathlib import Path

from filelock import FileLock, Timeout

PRAEFIX = "vorlagen-aktualisieren-"  # the name aktualisieren gives its work folder (migration/aktualisieren.py)
SPERRE = ".sperre"  # beside the folder, named like it: held while its run lives
OHNE_SPERRE = 24 * 60 * 60  # seconds after which a work folder without a lock file is left over (killed at once)
BEGINN = time.time()  # this run's start, as far as these folders go (they are made after this module is imported)

_gehalten: dict[Path, FileLock] = {}  # every work folder this process holds, until it is gone


def halten(ordner: Path) -> None:
    """Holds the work folder `ordner` for this process (once; a folder of another name is not held) and removes
    the work folders of earlier runs that were killed."""
    ordner = Path(ordner)
    if ordner in _gehalten or not ordner.name.startswith(PRAEFIX):
        return
    for frueher in [f for f in _gehalten if not f.exists()]:  # this process's earlier runs, ended: given back
        _gehalten.pop(frueher).release()
        with contextlib.suppress(OSError):
            _sperre(frueher).unlink()
    sperre = _lock(_sperre(ordner))
    with contextlib.suppress(Timeout, OSError):
        sperre.acquire()
        _gehalten[ordner] = sperre
    aufraeumen(ordner.parent)


def aufraeumen(temp: Path | None = None) -> list[Path]:
    """Removes the work folders in `temp` (the system's temporary folder) older than this run whose run has ended,
    and the lock files of ended runs; returns the folders."""
    temp = Path(temp or tempfile.gettempdir())
    entfernt = []
    with contextlib.suppress(OSError):
        for path in sorted(temp.glob(f"{PRAEFIX}*")):
            if path.is_symlink() or path in _gehalten:
                continue
            if path.is_dir() and _verlassen(path):
                shutil.rmtree(path, ignore_errors=True)
                entfernt.append(path)
                with contextlib.suppress(OSError):
                    _sperre(path).unlink()
            elif path.name.endswith(SPERRE) and _zurueckgelassen(path):
                with contextlib.suppress(OSError):
                    path.unlink()
    return entfernt


def _zurueckgelassen(sperre: Path) -> bool:
    """Whether a lock file is that of a run that ended, its folder removed as it ended."""
    ordner = sperre.with_name(sperre.name.removesuffix(SPERRE))
    return not ordner.exists() and _verlassen(ordner)


def _verlassen(ordner: Path) -> bool:
    """Whether the run of a work folder has ended: its lock free, and the folder (or where it is gone, its lock
    file) older than this run – or no lock was ever taken, a long time ago."""
    sperre = _sperre(ordner)
    try:
        alter = (ordner if ordner.exists() else sperre).lstat().st_mtime
    except OSError:
        return False
    if alter >= BEGINN:
        return False
    if not sperre.exists():
        return alter < BEGINN - OHNE_SPERRE
    probe = _lock(sperre)
    try:
        probe.acquire()
    except (Timeout, OSError):
        return False
    probe.release()
    return True


def _lock(path: Path) -> FileLock:
    """The operating system's lock on `path`, not waiting; the file stays when it is given back (removed here)."""
    return FileLock(path, timeout=0, thread_local=False, fallback_to_soft=False, preserve_lock_file=True)


def _sperre(ordner: Path) -> Path:
    return ordner.with_name(ordner.name + SPERRE)
