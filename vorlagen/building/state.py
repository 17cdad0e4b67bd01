"""The build's own bookkeeping, outside the public tree: one hidden state folder per output folder.

`<Projekt>/.vorlagen/<Ausgabeordner>/` beside the output holds the manifest of the last build, the
staging folder of a running build and the build lock. It carries its own `.gitignore`, so `git add -A`
never picks it up, and it is on the output's file system, so the new output is swapped in whole.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from filelock import FileLock, Timeout

from vorlagen.core.problems import BuildFailed, Paths, Problem, os_error_reason
from vorlagen.core.speichern import nicht_einchecken

STATE = ".vorlagen"  # the hidden folder beside the output folder (others, e.g. an OParl ledger, reuse it)
MANIFEST = "manifest.json"
OPARL_LEDGER = "oparl-ledger.json"  # created/modified and content hash of every published OParl object
OWNED = "ausgabe"  # exists while the output folder is ours
LEFTOVER = ("neu-", "alt-")  # staging and swap folders a killed build may have left


def state_dir(out: Path) -> Path:
    """`.vorlagen/<name of the output folder>/` beside the output folder."""
    out = out.resolve()
    return out.parent / STATE / out.name


class BuildLock:
    """`with BuildLock(out, paths) as state:` – one build per output folder at a time.

    On entry it creates the state folder, takes the lock (a second build is told in German), puts back
    an output a killed build left moved aside, and removes leftover staging folders.
    """

    def __init__(self, out: Path, paths: Paths):
        self.out, self.paths = out.resolve(), paths
        self.dir = state_dir(out)
        self.lock: FileLock | None = None

    def __enter__(self) -> Path:
        # filelock: the operating system's own lock (flock on POSIX, msvcrt on Windows, each tested by its
        # maintainers on that system), freed when the process ends however it ends; never a lock file that a
        # killed build would leave standing
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            nicht_einchecken(self.dir.parent)
            self.lock = FileLock(
                self.dir / "lock", timeout=0, thread_local=False, fallback_to_soft=False, preserve_lock_file=True
            )
            self.lock.acquire()
        except Timeout:
            raise BuildFailed(
                [
                    Problem(
                        self.paths.where(self.out),
                        "Gerade baut ein anderer Lauf in diesen "
                        "Ausgabeordner – warten Sie, bis er fertig ist, und starten Sie dann neu.",
                    )
                ]
            ) from None
        except OSError as error:
            raise BuildFailed(
                [
                    Problem(
                        self.paths.where(self.dir),
                        f"Der Ordner für Arbeitsdateien lässt sich nicht "
                        f"anlegen ({os_error_reason(error)}) – prüfen Sie die Schreibrechte.",
                    )
                ]
            ) from None
        self._recover()
        return self.dir

    def _recover(self) -> None:
        for folder in sorted(self.dir.iterdir()):
            if not folder.name.startswith(LEFTOVER):
                continue
            if folder.name.startswith("alt-") and (folder / "out").is_dir() and not self.out.exists():
                os.replace(folder / "out", self.out)  # killed between moving the old output aside and the new in
            shutil.rmtree(folder, ignore_errors=True)

    def __exit__(self, *exc: object) -> None:
        if self.lock is not None:
            self.lock.release()
