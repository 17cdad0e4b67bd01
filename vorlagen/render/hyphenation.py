"""Loads the German hyphenation patterns fast: pyphen parses its dictionary anew in every process (about 0,6 s),
so each render worker would pay that before its first document. The parsed patterns are kept in a plain text
file in the state folder and handed to pyphen's own cache; a missing, foreign or damaged file is parsed anew
and written again. The file holds only words and digits, so nothing in it can run.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from vorlagen.core.reads import read_file

LANGUAGE = "de"  # the documents' lang attribute (templates/base.html.j2)
_DIGITS = bytes.maketrans(b"0123456789", bytes(range(10)))
_MAX_BYTES = 20_000_000  # a pattern file is about 2 MB; anything far larger is not ours


def prime(folder: Path | None) -> None:
    """Puts the patterns of LANGUAGE into pyphen's cache, from `folder`'s file when it fits this dictionary."""
    import pyphen
    path = pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)]
    if path in pyphen.hdcache:
        return
    stamp = _stamp(pyphen, path)
    cached = folder / f"silbentrennung-{LANGUAGE}.txt" if folder is not None else None
    patterns = _read(cached, stamp) if cached is not None else None
    if patterns is None:
        dictionary = pyphen.HyphDict(path)
        pyphen.hdcache[path] = dictionary
        if cached is not None and _plain(dictionary.patterns):
            _write(cached, stamp, dictionary.patterns)
        return
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)
    dictionary.patterns, dictionary.cache = patterns, {}
    dictionary.maxlen = max(len(key) for key in patterns)
    pyphen.hdcache[path] = dictionary


def _stamp(pyphen, path: Path) -> str:
    """What the file must have been made from: pyphen's version and the dictionary's size and time."""
    status = path.stat()
    return f"pyphen {pyphen.__version__} {path.name} {status.st_size} {status.st_mtime_ns}"


def _plain(patterns: dict) -> bool:
    """Only ordinary patterns (no nonstandard hyphenation such as ff=f) fit the file's form."""
    return (all(type(value) is int and 0 <= value <= 9 for _, values in patterns.values() for value in values)
            and not any("\t" in key or "\n" in key for key in patterns))


def _read(file: Path, stamp: str) -> dict[str, tuple[int, bytes]] | None:
    """The patterns of `file`, or None when it is missing, made from another dictionary or damaged."""
    try:
        lines = read_file(file, _MAX_BYTES).decode("utf-8").split("\n")
        if lines[0] != stamp or lines[-1] != "":
            return None
        patterns = {}
        for line in lines[1:-1]:
            key, start, values = line.split("\t")
            if not (values.isascii() and values.isdigit()):
                return None
            # bytes iterate as small ints, which is all pyphen does with a pattern's values
            patterns[key] = int(start), values.encode("ascii").translate(_DIGITS)
        return patterns or None
    except (OSError, ValueError):  # missing, no regular file, too large, or not this form (UnicodeError is a ValueError)
        return None


def _write(file: Path, stamp: str, patterns: dict) -> None:
    """Writes the file whole or not at all, under a name of its own first (another build's worker may write or
    read it at the same time); a failure only costs time at the next start."""
    lines = [stamp] + [f"{key}\t{start}\t{''.join(map(str, values))}" for key, (start, values) in patterns.items()]
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".silben-", dir=file.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write("\n".join(lines) + "\n")
        os.replace(temporary, file)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
