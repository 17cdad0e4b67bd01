"""Writing a file of the data repository whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

from vorlagen.core.problems import BuildFailed, Paths, Problem, os_error_reason


def ganz_schreiben(path: Path, content: bytes, paths: Paths) -> None:
    """Writes `content` to `path` through a temporary file beside it, then renamed: a reader sees the old file or
    the new one, never half of it; a failure is a German problem and leaves the old file as it was."""
    temporary = path.with_name(f".{path.name}.neu")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise BuildFailed(
            [
                Problem(
                    paths.where(path),
                    f"Die Datei lässt sich nicht schreiben ({os_error_reason(error)}) "
                    "– prüfen Sie Schreibrechte und Speicherplatz.",
                )
            ]
        ) from None
