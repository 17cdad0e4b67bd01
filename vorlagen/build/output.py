"""The only writer: builds the new output in a staging folder and swaps it in whole.

A failed build leaves the previous output exactly as it was and no staging folder behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from vorlagen.core.problems import BuildFailed, Paths, Problem

MARKER = ".vorlagen-ausgabe"


class Staging:
    """`with Staging(out) as stage: stage.write(...)` — swapped into place when the block succeeds."""

    def __init__(self, out: Path, paths: Paths):
        self.out = out.resolve()
        if self.out.exists() and any(self.out.iterdir()) and not (self.out / MARKER).exists():
            raise BuildFailed([Problem(paths.where(self.out),
                                       "Dieser Ausgabeordner enthält Dateien, die nicht von vorlagen stammen – "
                                       "wählen Sie mit --out einen leeren oder eigenen Ordner.")])
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.tmp: Path | None = None

    def __enter__(self) -> Staging:
        self.tmp = Path(tempfile.mkdtemp(prefix=".vorlagen-neu-", dir=self.out.parent))
        self.write(PurePosixPath(MARKER), b"Von vorlagen erzeugt; wird bei jedem Lauf ersetzt.\n")
        return self

    def write(self, relative: PurePosixPath, data: bytes) -> None:
        path = self.tmp / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)  # never write through a link into the previous output
        path.write_bytes(data)

    def reuse(self, relative: PurePosixPath) -> None:
        """Takes a file unchanged from the previous output (a hard link where the file system allows)."""
        source, path = self.out / relative, self.tmp / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, path)
        except OSError:
            shutil.copy2(source, path)

    def read(self, relative: PurePosixPath) -> bytes:
        """A file written earlier in this build."""
        return (self.tmp / relative).read_bytes()

    def __exit__(self, kind, error, trace) -> None:
        if kind is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            return
        os.chmod(self.tmp, 0o755)
        old = None
        if self.out.exists():
            old = Path(tempfile.mkdtemp(prefix=".vorlagen-alt-", dir=self.out.parent))
            os.replace(self.out, old / "out")
        try:
            os.replace(self.tmp, self.out)
        except BaseException:
            if old is not None:
                os.replace(old / "out", self.out)
            shutil.rmtree(self.tmp, ignore_errors=True)
            raise
        finally:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
