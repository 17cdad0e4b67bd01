"""A build through the Builder itself (to read what it rendered and what it reused), and the files of the example's
output the cache tests watch."""

from __future__ import annotations

from pathlib import Path

from vorlagen.building.builder import Builder
from vorlagen.building.vorbereitung import vorbereitet

RSK = "vorlagen/2021-0123/2021-0123.pdf"  # the public Vorlage of the example
SECRET = "intern/vorlagen/2021-0130/2021-0130.pdf"  # its non-public one


def build(data: Path, out: Path, mappen=frozenset()) -> Builder:
    """Builds `data` into `out`; the Builder tells what it rendered."""
    builder = Builder(vorbereitet(data))
    builder.build(out, mappen)
    return builder


def inode(path: Path) -> int:
    """The file's inode: unchanged when the build kept the file instead of writing it anew."""
    return path.stat().st_ino
