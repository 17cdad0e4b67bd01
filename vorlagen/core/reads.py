"""The one reader of project files, and the record of what each document read.

`read_file` is the only way the program reads a file of the project: it checks in one place that the file is a
regular file, not larger than a bound, and (with `within`) that it lies inside the allowed folders once every
link is followed; and it notes what it read in every recording that is open.

`with recording() as reads:` collects path → content hash of every read inside the block, also in nested
blocks; reads by WeasyPrint in worker processes travel back with the PDF. Facts read once at load carry their
hashes and are noted again when a document asks for them (`note`), so that a document's record names every
file it depends on – taken at the read, not listed by hand.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vorlagen.core.pfade import innerhalb, schleife, schleife_text

if TYPE_CHECKING:
    from _collections_abc import dict_items, dict_keys, dict_values

_active: ContextVar[tuple[dict, ...]] = ContextVar("reads", default=())
_allowed: ContextVar[tuple[Path, ...] | None] = ContextVar("allowed", default=None)
_overlay: ContextVar[Mapping[Path, bytes] | None] = ContextVar("overlay", default=None)

ABSENT = "-"  # the recorded value of a file that was looked for and is not there


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record(path: Path, data: bytes) -> None:
    """Notes that `data` was read from `path`, in every recording that is open."""
    if _active.get():
        note(Path(path), digest(data))


def note(name: Path | str, value: str) -> None:
    """Notes a read whose hash is known already: a file by its Path, or a fact by a name of its own ('@…')."""
    for reads in _active.get():
        reads[name] = value


def note_all(reads: Mapping[Path | str, str]) -> None:
    """Notes every read of an earlier recording again (a result computed once and used by many documents)."""
    for current in _active.get():
        current.update(reads)


def absent(path: Path) -> None:
    """Notes that a file was looked for and is missing: when it appears, what read this is stale."""
    note(Path(path), ABSENT)


def exists(path: Path) -> bool:
    """Whether a file is there; its absence is noted (its content is noted where it is read)."""
    if Path(path).is_file():
        return True
    absent(path)
    return False


@contextmanager
def recording() -> Iterator[dict[Path | str, str]]:
    """Yields a dict that fills with path → hash of every file read inside the block."""
    reads: dict[Path | str, str] = {}
    token = _active.set(_active.get() + (reads,))
    try:
        yield reads
    finally:
        _active.reset(token)


@contextmanager
def reading_within(*folders: Path) -> Iterator[None]:
    """Inside the block, `read_file` reads only files that lie in these folders once every link is followed (the
    data folder while it is loaded and built: a link out of it is refused, not followed)."""
    token = _allowed.set(tuple(Path(folder).resolve() for folder in folders))
    try:
        yield
    finally:
        _allowed.reset(token)


@contextmanager
def ueberlagert(files: Mapping[Path, bytes]) -> Iterator[None]:
    """Inside the block (this thread only), `read_file` reads these bytes for these files instead of the disk's: a
    change the browser proposes is loaded and checked before anything is written."""
    token = _overlay.set({Path(path).resolve(): content for path, content in files.items()})
    try:
        yield
    finally:
        _overlay.reset(token)


def vorgeschlagen(path: Path) -> bool:
    """Whether the change being checked (`ueberlagert`) proposes this file – one it would write anew counts as there."""
    overlay = _overlay.get()
    return overlay is not None and Path(path).resolve() in overlay


MAX_DATEI = 200 * 1024 * 1024  # bytes of one file the build reads (a year's largest PDF Anlage is a few MB)


class NotReadable(OSError):
    """A file the build must not read: no regular file (a named pipe, a device, a socket), too large, or reached
    through a link out of the allowed folders."""


def hinaus_text(path: Path) -> str:
    """The German message for a file reached through a link out of the data folder."""
    return (
        f"„{Path(path).name}“ liegt außerhalb des Datenordners (eine Verknüpfung zeigt hinaus) – "
        "vorlagen liest nur Dateien im Datenordner; legen Sie die Datei selbst dorthin."
    )


def keine_datei_text(path: Path) -> str:
    """The German message for a named pipe, a device or a socket where a file belongs."""
    return (
        f"„{Path(path).name}“ ist keine gewöhnliche Datei (sondern z. B. eine benannte Pipe "
        "oder ein Gerät) – legen Sie dort eine echte Datei ab."
    )


def zu_gross_text(path: Path, limit: int) -> str:
    """The German message for a file larger than `limit` bytes."""
    return (
        f"„{Path(path).name}“ ist größer als {limit // (1024 * 1024)} MB – so große Dateien "
        "liest vorlagen nicht; verkleinern Sie die Datei."
    )


def read_file(
    path: Path, limit: int = MAX_DATEI, *, within: Path | Iterable[Path] | None = None, noted: bool = True
) -> bytes:
    """The bytes of a regular file, at most `limit` of them, noted in every open recording (unless `noted` is
    False: a check whether a recorded file still is what was read). A named pipe or device is never opened for
    reading (it could block forever). With `within`, the file must lie inside one of these folders after every
    link is followed (default: the folders of the enclosing `reading_within` block). NotReadable says in German what is
    wrong."""
    if within is None:
        folders = _allowed.get()
    else:
        folders = tuple(Path(folder).resolve() for folder in ([within] if isinstance(within, Path) else within))
    if folders is not None and not innerhalb(path, *folders):
        if schleife(path):
            raise NotReadable(schleife_text(path))
        raise NotReadable(hinaus_text(path))
    overlay = _overlay.get()
    if overlay and (proposed := overlay.get(Path(path).resolve())) is not None:
        if noted:
            record(path, proposed)
        return proposed
    try:
        art = os.stat(path).st_mode
    except OSError:  # what cannot be looked at is said by the open below
        art = stat.S_IFREG
    if not stat.S_ISREG(art) and not stat.S_ISDIR(art):
        raise NotReadable(keine_datei_text(path))  # by its type, before it is opened
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        opened = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotReadable(schleife_text(path)) from None
        raise
    handle: int | None = opened  # None once the stream owns it
    try:
        info = os.fstat(opened)
        if stat.S_ISDIR(info.st_mode):
            raise NotReadable(
                f"„{Path(path).name}“ ist ein Ordner, keine Datei – nennen Sie eine Datei darin, z. B. stil/bild.png."
            )
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(keine_datei_text(path))
        if info.st_size > limit:
            raise NotReadable(zu_gross_text(path, limit))
        with os.fdopen(opened, "rb", closefd=True) as stream:
            handle = None
            data = stream.read(limit + 1)
    finally:
        if handle is not None:
            os.close(handle)
    if len(data) > limit:  # it grew while it was read
        raise NotReadable(zu_gross_text(path, limit))
    if noted:
        record(path, data)
    return data


def hash_of(path: Path, limit: int = MAX_DATEI) -> str:
    """The recorded value of a file as it is now: its content hash, or ABSENT when it cannot be read."""
    try:
        return digest(read_file(path, limit, noted=False))
    except OSError:
        return ABSENT


class Recorded(dict):
    """A mapping of things read once (facts of the data folder, results computed from them) that notes, when a
    document asks for an item, the reads that made it – also for an item that is not there, so that the document
    is stale when it appears – and, when a document lists them all, every item's reads and the list itself.

    `reads_of(key)` names the reads behind an item (for a missing key: where it would come from); `listing` is
    the name and value of the list (its keys), noted when the mapping is iterated or its length asked."""

    def __init__(
        self,
        items: Iterable[tuple[Any, Any]] | Mapping[Any, Any] = (),
        reads_of: Callable[[Any], dict[Path | str, str]] | None = None,
        listing: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(items)
        self.reads_of = reads_of
        self.listing = listing

    def _note(self, key: Any) -> None:
        if self.reads_of is not None and _active.get():
            note_all(self.reads_of(key))

    def _note_all(self) -> None:
        if _active.get():
            if self.listing is not None:
                note(*self.listing)
            for key in dict.keys(self):
                self._note(key)

    def __getitem__(self, key: Any) -> Any:
        self._note(key)
        return super().__getitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        self._note(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self._note(key)
        return super().__contains__(key)

    def __iter__(self) -> Iterator[Any]:
        self._note_all()
        return super().__iter__()

    def __len__(self) -> int:
        self._note_all()
        return super().__len__()

    def keys(self) -> dict_keys[Any, Any]:
        self._note_all()
        return super().keys()

    def values(self) -> dict_values[Any, Any]:
        self._note_all()
        return super().values()

    def items(self) -> dict_items[Any, Any]:
        self._note_all()
        return super().items()


def listing(name: str, keys: Iterable) -> tuple[str, str]:
    """The recorded name and value of a list of keys: '@liste:<name>' and the hash of the sorted keys."""
    return f"@liste:{name}", digest("\n".join(sorted(map(str, keys))).encode())
