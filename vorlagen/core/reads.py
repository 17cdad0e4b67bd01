"""Files a document reads, recorded where they are read (path → content hash), for cache keys.

`with recording() as reads:` collects every `record(path, data)` made inside the block, also in
nested blocks; reads by WeasyPrint in worker processes travel back with the PDF.
"""

from __future__ import annotations

import hashlib
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
def recording():
    """Yields a dict that fills with path → hash of every file read inside the block."""
    reads: dict[Path, str] = {}
    token = _active.set(_active.get() + (reads,))
    try:
        yield reads
    finally:
        _active.reset(token)
