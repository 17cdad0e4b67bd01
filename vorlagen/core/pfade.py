"""Whether a path lies inside a folder – the one check for every file the data names, the preview serves, a git
revision writes or WeasyPrint fetches."""

from __future__ import annotations

from pathlib import Path


def innerhalb(path: Path, *folders: Path) -> bool:
    """True when `path`, every link followed, lies in one of `folders` (a folder lies in itself). A link loop or a
    name the system cannot resolve is not inside."""
    try:
        resolved = Path(path).resolve()
        return any(resolved.is_relative_to(Path(folder).resolve()) for folder in folders)
    except (OSError, RuntimeError):  # a link loop (RuntimeError before Python 3.13), a name too long
        return False
