"""Writing files whole or not at all: a file (of the data repository, of the user's cache), or a new folder with
its files (a new data repository) – a reader, a killed command or a full disk never leaves half of one."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

from vorlagen.core.problems import Paths, Problem, os_error_reason


def ganz(path: Path, content: bytes) -> None:
    """Writes `content` to `path` through a temporary file of its own beside it (another process may write the same
    file meanwhile), then renamed: a reader sees the old file or the new one. Raises OSError and leaves the old
    file as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".neu", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, _mode(path, 0o666))  # mkstemp makes it for the owner only
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def speichern(path: Path, content: bytes, paths: Paths) -> list[Problem]:
    """Writes `content` to `path` whole or not at all; the German problem when it cannot be written."""
    try:
        ganz(path, content)
    except OSError as error:
        return [
            Problem(
                paths.where(path),
                f"Die Datei lässt sich nicht schreiben ({os_error_reason(error)}) "
                "– prüfen Sie Schreibrechte und Speicherplatz.",
            )
        ]
    return []


def ordner_anlegen(folder: Path, files: dict[str, bytes]) -> None:
    """Makes `folder` (absent or empty) with these files, whole or not at all: they are written into a temporary
    folder beside it, which then takes its name. Raises OSError and leaves nothing behind."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", suffix=".neu", dir=folder.parent))
    try:
        for name, content in files.items():
            path = temporary / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        temporary.chmod(_mode(folder, 0o777))  # mkdtemp makes it for the owner only
        if folder.is_dir():
            folder.rmdir()  # empty (checked by the caller): renaming onto a folder is not portable
        os.rename(temporary, folder)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def nicht_einchecken(ordner: Path) -> None:
    """Marks a folder of the program's working files (`.vorlagen/`) for git: a .gitignore that ignores all of it,
    written once and whole (a killed command never leaves an empty one that is then kept)."""
    ignore = ordner / ".gitignore"
    if not ignore.exists():
        ganz(ignore, "# Arbeitsdateien von vorlagen – nicht einchecken\n*\n".encode())


def _mode(path: Path, new: int) -> int:
    """The permissions of what is at `path` now, or those the system gives a `new` file or folder there."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(os.stat(path).st_mode)
    mask = os.umask(0)
    os.umask(mask)
    return new & ~mask
