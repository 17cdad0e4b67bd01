"""The build's own bookkeeping, outside the public tree: one hidden state folder per output folder.

`<Projekt>/.vorlagen/<Ausgabeordner>/` beside the output holds the manifest of the last build, the
staging folder of a running build and the build lock. It carries its own `.gitignore`, so `git add -A`
never picks it up, and it is on the output's file system, so the new output is swapped in whole.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from vorlagen.core.problems import BuildFailed, Paths, Problem

STATE = ".vorlagen"  # the hidden folder beside the output folder (others, e.g. an OParl ledger, reuse it)
MANIFEST = "manifest.json"
OPARL_LEDGER = "oparl-ledger.json"  # created/modified and content hash of every published OParl object
OWNED = "ausgabe"  # exists while the output folder is ours
LEFTOVER = ("neu-", "alt-")  # staging and swap folders a killed build may have left


def state_dir(out: Path) -> Path:
    """`.vorlagen/<name of the output folder>/` beside the output folder."""
    out = out.resolve()
    return out.parent / STATE / out.name


def _try_lock(handle) -> bool:
    """Takes the lock of an open file without waiting; False when another process holds it. The operating
    system frees it when the process ends, however it ends. POSIX: flock; Windows: msvcrt.locking (untested here)."""
    if os.name == "nt":
        import msvcrt
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as error:
        if error.errno not in (errno.EAGAIN, errno.EACCES):
            raise
        return False


class BuildLock:
    """`with BuildLock(out, paths) as state:` – one build per output folder at a time.

    On entry it creates the state folder, takes the lock (a second build is told in German), puts back
    an output a killed build left moved aside, and removes leftover staging folders.
    """

    def __init__(self, out: Path, paths: Paths):
        self.out, self.paths = out.resolve(), paths
        self.dir = state_dir(out)
        self.handle = None

    def __enter__(self) -> Path:
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            ignore = self.dir.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Arbeitsdateien von vorlagen – nicht einchecken\n*\n", encoding="utf-8")
            self.handle = open(self.dir / "lock", "a+")
        except OSError as error:
            raise BuildFailed([Problem(self.paths.where(self.dir), f"Der Ordner für Arbeitsdateien lässt sich nicht "
                                       f"anlegen ({error.strerror}) – prüfen Sie die Schreibrechte.")]) from None
        if not _try_lock(self.handle):
            self.handle.close()
            raise BuildFailed([Problem(self.paths.where(self.out), "Gerade baut ein anderer Lauf in diesen "
                                       "Ausgabeordner – warten Sie, bis er fertig ist, und starten Sie dann neu.")])
        self._recover()
        return self.dir

    def _recover(self) -> None:
        for folder in sorted(self.dir.iterdir()):
            if not folder.name.startswith(LEFTOVER):
                continue
            if folder.name.startswith("alt-") and (folder / "out").is_dir() and not self.out.exists():
                os.replace(folder / "out", self.out)  # killed between moving the old output aside and the new in
            shutil.rmtree(folder, ignore_errors=True)

    def __exit__(self, *exc) -> None:
        self.handle.close()
