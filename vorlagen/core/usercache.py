"""The per-user folder where the program keeps what it would otherwise work out anew in every process (parsed
hyphenation patterns, where the system's text libraries are). Never inside a project: a git branch can put files
into a project, and nothing a branch brings may change how the program runs or sets type.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from vorlagen.core.reads import read_file
from vorlagen.core.speichern import ganz


def user_cache() -> Path | None:
    """The folder (made on first use by the writer), or None when the system names none: platformdirs' cache folder
    of the system (Windows: %LOCALAPPDATA%\\vorlagen\\Cache, macOS: ~/Library/Caches/vorlagen, else
    $XDG_CACHE_HOME/vorlagen or ~/.cache/vorlagen). A relative XDG_CACHE_HOME is ignored, as the XDG rules say; a
    relative answer is none: it would lie in whatever folder the command runs in, a project perhaps."""
    import platformdirs  # only when a cache is read or written: start-up time counts

    folder = Path(platformdirs.user_cache_dir("vorlagen", appauthor=False))
    if not folder.is_absolute() and os.environ.get("XDG_CACHE_HOME"):
        folder = Path(os.path.expanduser("~/.cache/vorlagen"))
    return folder if folder.is_absolute() else None


def handbuch(sources: Path) -> Path | None:
    """The folder where `vorlagen hilfe` builds the handbook of the docs/ folder `sources` (its HTML in html/), one
    per checkout; None when the system names no cache folder. Not made here."""
    cache = user_cache()
    if cache is None:
        return None
    return cache / "handbuch" / hashlib.sha256(str(sources.resolve()).encode()).hexdigest()[:16]


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
    head, _, rest = content.partition(b"\n")
    checksum, newline, kept = rest.partition(b"\n")
    if not newline or head != stamp.encode("utf-8") or checksum != _checksum(kept):
        return None  # another program version's, or damaged in any way: made anew, without a word
    return kept


def keep(name: str, stamp: str, lines: list[str]) -> None:
    """Keeps `lines` under `name` (see keep_bytes)."""
    keep_bytes(name, stamp, "".join(f"{line}\n" for line in lines).encode("utf-8"))


def keep_bytes(name: str, stamp: str, content: bytes) -> None:
    """Keeps `content` under `name`, whole or not at all (another process may read or write it meanwhile), after
    its stamp and its checksum; a failure only costs time at the next start."""
    folder = user_cache()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        ganz(folder / name, stamp.encode("utf-8") + b"\n" + _checksum(content) + b"\n" + content)


def _checksum(content: bytes) -> bytes:
    return b"sha256:" + hashlib.sha256(content).hexdigest().encode()
