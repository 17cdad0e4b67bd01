"""The per-user folder where the program keeps what it would otherwise work out anew in every process (parsed
hyphenation patterns, where the system's text libraries are). Never inside a project: a git branch can put files
into a project, and nothing a branch brings may change how the program runs or sets type.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from vorlagen.core.reads import read_file


def user_cache() -> Path | None:
    """The folder (made on first use by the writer), or None when the system names none."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "vorlagen" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "vorlagen"
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base) / "vorlagen"
    try:
        return Path.home() / ".cache" / "vorlagen"
    except RuntimeError:  # no home folder known
        return None


def read_kept(name: str, stamp: str, limit: int) -> list[str] | None:
    """The lines kept under `name` when they were made under `stamp` and are whole; else None."""
    content = read_kept_bytes(name, stamp, limit)
    if content is None:
        return None
    try:
        lines = content.decode("utf-8").split("\n")
    except ValueError:  # not UTF-8 (UnicodeError is a ValueError)
        return None
    return lines[:-1] if lines[-1] == "" else None


def read_kept_bytes(name: str, stamp: str, limit: int) -> bytes | None:
    """The bytes kept under `name` when they were made under `stamp`; else None (missing, no regular file, larger
    than `limit`, another stamp)."""
    folder = user_cache()
    if folder is None:
        return None
    try:
        content = read_file(folder / name, limit, within=folder, noted=False)
    except (OSError, ValueError):
        return None
    head, newline, rest = content.partition(b"\n")
    return rest if newline and head == stamp.encode("utf-8") else None


def keep(name: str, stamp: str, lines: list[str]) -> None:
    """Keeps `lines` under `name` (see keep_bytes)."""
    keep_bytes(name, stamp, "".join(f"{line}\n" for line in lines).encode("utf-8"))


def keep_bytes(name: str, stamp: str, content: bytes) -> None:
    """Keeps `content` under `name`, whole or not at all (another process may read or write it meanwhile);
    a failure only costs time at the next start."""
    folder = user_cache()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(stamp.encode("utf-8") + b"\n" + content)
        os.replace(temporary, folder / name)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
