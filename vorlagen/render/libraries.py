"""Imports WeasyPrint without asking the system for its text libraries anew in every process.

WeasyPrint looks for Pango, HarfBuzz and fontconfig under several names; each name it cannot load directly
goes to ctypes.util.find_library, which on Linux runs `ldconfig -p` (and more) as a subprocess: 22 lookups,
about 0,13 s of every render worker's start. The answers are kept in the user's cache folder and given back
while the system's library list (/etc/ld.so.cache) is unchanged. Only bare library names are kept (such as
libpango-1.0.so.0), never paths: the loader resolves them the way it always does, so the file cannot make the
program load a library from anywhere else. A kept name that no longer loads only makes WeasyPrint try its next
name; should none load, the system is asked again.
"""

from __future__ import annotations

import os
import sys
import threading

from vorlagen.core.usercache import keep, read_kept

FILE = "bibliotheken.txt"
_NOT_FOUND = "-"


_EINER = threading.Lock()  # one thread imports it: two at once deadlock in WeasyPrint's own imports


def import_weasyprint() -> None:
    """Imports WeasyPrint, with the kept library lookups when they still fit this system; from any thread (the
    preview's saves check in threads of their own), one at a time."""
    with _EINER:
        _importieren()


def _importieren() -> None:
    if "weasyprint" in sys.modules:
        return
    import ctypes.util

    stamp = _stamp()
    kept = _answers(read_kept(FILE, stamp, 100_000)) if stamp else None
    asked: dict[str, str | None] = {}
    original = ctypes.util.find_library

    def find_library(name: str) -> str | None:
        asked[name] = kept[name] if kept and name in kept else original(name)
        return asked[name]

    ctypes.util.find_library = find_library
    try:
        try:
            import weasyprint  # noqa: F401
        except OSError:  # a kept library no longer loads: ask the system for every one
            if not kept:
                raise
            kept, asked = None, {}
            import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = original
    if stamp and asked != kept and all(map(_bare, asked.values())):
        keep(FILE, stamp, [f"{name}\t{_NOT_FOUND if value is None else value}" for name, value in asked.items()])


def _stamp() -> str | None:
    """What the answers depend on: the system's library list and this Python; None where there is no such list."""
    try:
        status = os.stat("/etc/ld.so.cache")
    except OSError:
        return None
    return f"{sys.platform} {sys.version.split()[0]} {status.st_size} {status.st_mtime_ns}"


def _bare(value: str | None) -> bool:
    """A library's file name without any folder, or None (not found)."""
    return value is None or (
        value not in ("", _NOT_FOUND) and value.strip() == value and not any(c in value for c in "/\\\t\n")
    )


def _answers(lines: list[str] | None) -> dict[str, str | None] | None:
    if not lines:
        return None
    kept = {}
    for line in lines:
        name, tab, value = line.partition("\t")
        answer = None if value == _NOT_FOUND else value
        if not name or not tab or not _bare(answer):
            return None
        kept[name] = answer
    return kept
