"""Files a document reads, recorded where they are read (path → content hash), for cache keys.

`with recording() as reads:` collects every `record(path, data)` made inside the block, also in
nested blocks; reads by WeasyPrint in worker processes travel back with the PDF.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

_active: ContextVar[tuple[dict, ...]] = ContextVar("reads", default=())


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record(path: Path, data: bytes) -> None:
    """Notes that `data` was read from `path`, in every recording that is open."""
    recordings = _active.get()
    if recordings:
        value = digest(data)
        for reads in recordings:
            reads[Path(path)] = value


@contextmanager
def recording() -> Iterator[dict[Path, str]]:
    """Yields a dict that fills with path → hash of every file read inside the block."""
    reads: dict[Path, str] = {}
    token = _active.set(_active.get() + (reads,))
    try:
        yield reads
    finally:
        _active.reset(token)


MAX_DATEI = 200 * 1024 * 1024  # bytes of one file the build reads (a year's largest PDF Anlage is a few MB)


class NotReadable(OSError):
    """A file the build must not read: no regular file (a named pipe, a device, a socket) or too large."""


def read_file(path: Path, limit: int = MAX_DATEI) -> bytes:
    """The bytes of a regular file, at most `limit` of them. A named pipe or device is never opened for reading
    (it could block forever); NotReadable says why in German."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    opened = os.open(path, flags)
    handle: int | None = opened  # None once the stream owns it
    try:
        info = os.fstat(opened)
        if stat.S_ISDIR(info.st_mode):
            raise NotReadable(
                f"„{Path(path).name}“ ist ein Ordner, keine Datei – nennen Sie eine Datei darin, z. B. stil/bild.png."
            )
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(
                f"„{Path(path).name}“ ist keine gewöhnliche Datei (sondern z. B. eine benannte Pipe "
                "oder ein Gerät) – legen Sie dort eine echte Datei ab."
            )
        if info.st_size > limit:
            raise NotReadable(
                f"„{Path(path).name}“ ist größer als {limit // (1024 * 1024)} MB – so große Dateien "
                "liest vorlagen nicht; verkleinern Sie die Datei."
            )
        with os.fdopen(opened, "rb", closefd=True) as stream:
            handle = None
            return stream.read(limit)
    finally:
        if handle is not None:
            os.close(handle)
