"""Paths: whether one lies inside a folder – the one check for every file the data names, the preview serves, a git
revision writes or WeasyPrint fetches –, and how a message names a file (`gezeigt`)."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def innerhalb(path: Path, *folders: Path) -> bool:
    """True when `path`, every link followed, lies in one of `folders` (a folder lies in itself). A link loop or a
    name the system cannot resolve is not inside."""
    try:
        resolved = Path(path).resolve()
        return any(resolved.is_relative_to(Path(folder).resolve()) for folder in folders)
    except (OSError, RuntimeError):  # a link loop (RuntimeError before Python 3.13), a name too long
        return False


def schleife(path: Path) -> bool:
    """True when following the links of `path` never ends (a link to itself, or round through others)."""
    try:
        Path(path).resolve()
        os.stat(path)
    except RuntimeError:  # Python before 3.13 names a loop so
        return True
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def schleife_text(path: Path) -> str:
    """The German message for a link loop at `path` (what is wrong – what to do)."""
    return (
        f"„{Path(path).name}“ ist eine Verknüpfung, die im Kreis verweist (auf sich selbst oder über andere "
        "zurück) – ersetzen Sie sie durch die Datei selbst."
    )


def gezeigt(path: Path | str, hier: Path | None = None) -> str:
    """How a message names a file or folder, so that it opens as printed from the folder the command runs in (`hier`,
    by default the working folder): relative when it lies below it, else absolute; forward slashes on every system.
    The one place that makes this choice (issue 47, point 4)."""
    hier = Path.cwd() if hier is None else hier
    absolut = Path(os.path.abspath(path))
    try:
        return absolut.relative_to(hier).as_posix()
    except ValueError:
        return absolut.as_posix()


def genannte_datei(gezeigter_pfad: str) -> Path:
    """The file a message names (`gezeigt`'s text) as an absolute path, read from the working folder: the way back."""
    return Path.cwd() / gezeigter_pfad
