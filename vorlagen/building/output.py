"""The only writer: builds the new output in a hidden staging folder and swaps it in whole.

On Linux the new output replaces the old in one atomic exchange of the two folders (renameat2). Windows cannot
rename a folder while a file in it is open (a PDF in a viewer), nor the open file itself; there – and with
VORLAGEN_PORTABEL=1 anywhere – only what changed moves, file by file, each old file kept aside until all new
ones are in place, and an open file that would have to move stops the build with every move undone. A failed build
leaves the previous output exactly as it was; a killed one leaves at most a staging folder in the state folder,
which the next build removes (see state.py).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path, PurePosixPath
from types import TracebackType

from vorlagen.building.state import MANIFEST, OWNED
from vorlagen.core.dateinamen import windows_problems
from vorlagen.core.plattform import portabel
from vorlagen.core.problems import BuildFailed, Paths, Problem

LEGACY_MARKER = ".vorlagen-ausgabe"  # older versions marked their output folder with this file


class Staging:
    """`with Staging(out, paths, state, known) as stage: stage.write(...)` — swapped in when the block succeeds.

    `known` are the files the previous build wrote (None when unknown); any other file in the output
    folder belongs to someone else, and the build refuses rather than delete it. The staging folder is
    made at the first file that differs from the previous output; when none does and the same files
    remain, the previous output already is the new one and stays in place (a no-op build moves nothing).
    """

    def __init__(self, out: Path, paths: Paths, state: Path, known: set[str] | None = None):
        self.out, self.state, self.paths = out.resolve(), state, paths
        self.manifest: bytes | None = None  # written to the state folder once the new output is in place
        self.ledgers: dict[str, bytes] = {}  # further state files (name → content), written after the manifest
        if self.out.is_file():
            raise BuildFailed(
                [
                    Problem(
                        paths.where(self.out), "Der Ausgabeordner ist eine Datei – wählen Sie mit --out einen Ordner."
                    )
                ]
            )
        self.present: set[str] = set()  # files (and links) of the previous output, relative
        self.folders: set[str] = set()  # its folders, relative
        self.other = False  # it holds something that is neither (a socket, a device)
        if self.out.is_dir():
            self._scan()
            if self.present or self.folders or self.other:
                self._check_owner(known)
        self.tmp: Path | None = None
        self.planned: list[PurePosixPath] = []  # files the new output takes unchanged, before the staging folder exists
        self.kept: set[str] = set()  # files of the staging folder that are the previous output's, unchanged

    def _scan(self) -> None:
        stack = [("", str(self.out))]
        while stack:
            prefix, folder = stack.pop()
            with os.scandir(folder) as entries:
                for entry in entries:
                    name = prefix + entry.name
                    if entry.is_dir(follow_symlinks=False):
                        self.folders.add(name)
                        stack.append((name + "/", entry.path))
                    elif entry.is_file() or entry.is_symlink():
                        self.present.add(name)
                    else:
                        self.other = True

    def _check_owner(self, known: set[str] | None) -> None:
        if not (self.state / OWNED).exists() and not (self.out / LEGACY_MARKER).exists():
            raise BuildFailed(
                [
                    Problem(
                        self.paths.where(self.out),
                        "Dieser Ausgabeordner enthält Dateien, die nicht von vorlagen stammen – "
                        "wählen Sie mit --out einen leeren oder eigenen Ordner.",
                    )
                ]
            )
        if known is None:
            return
        foreign = sorted(self.present - known - {LEGACY_MARKER}, key=lambda name: name.split("/"))  # as Path sorts
        if foreign:
            raise BuildFailed(
                [
                    Problem(
                        self.paths.where(self.out / foreign[0]),
                        "Diese Datei stammt nicht von vorlagen – der Ausgabeordner wird bei jedem "
                        "Lauf ganz ersetzt; legen Sie eigene Dateien an einen anderen Ort.",
                    )
                ]
            )

    def __enter__(self) -> Staging:
        return self

    @property
    def _staging(self) -> Path:
        """The staging folder; made by _stage before the first file is written."""
        assert self.tmp is not None
        return self.tmp

    def _stage(self) -> None:
        """Makes the staging folder and links into it what was taken unchanged so far."""
        self.tmp = Path(tempfile.mkdtemp(prefix="neu-", dir=self.state))
        for relative in self.planned:
            self._link(relative)
        self.planned = []

    def write(self, relative: PurePosixPath, data: bytes) -> None:
        windows = windows_problems(relative.as_posix())
        if windows:  # a name from the data that the loader did not see as one (the checks there come first)
            raise BuildFailed([Problem(self.paths.where(self.out / relative), windows)])
        if self.tmp is None:
            if self._same(relative, data):
                self.planned.append(relative)
                return
            self._stage()
        path = self._staging / relative
        self.kept.discard(str(relative))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.unlink(missing_ok=True)  # never write through a link into the previous output
            path.write_bytes(data)
        except OSError as error:
            raise self._named(error, relative) from None

    def _same(self, relative: PurePosixPath, data: bytes) -> bool:
        """True when the previous output has this file, as a plain file with exactly these bytes."""
        if str(relative) not in self.present:
            return False
        path = self.out / relative
        try:
            info = os.lstat(path)
            return stat.S_ISREG(info.st_mode) and info.st_size == len(data) and path.read_bytes() == data
        except OSError:
            return False

    def reuse(self, relative: PurePosixPath) -> None:
        """Takes a file unchanged from the previous output (a hard link where the file system allows)."""
        if self.tmp is None and str(relative) in self.present:
            self.planned.append(relative)
            return
        if self.tmp is None:
            self._stage()
        self._link(relative)

    def _link(self, relative: PurePosixPath) -> None:
        source, path = self.out / relative, self._staging / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, path)
            except OSError:
                shutil.copy2(source, path)
        except OSError as error:
            raise self._named(error, relative) from None
        self.kept.add(str(relative))

    def _named(self, error: OSError, relative: PurePosixPath) -> OSError:
        """The error with the file named as the user knows it (in the output folder, not the staging folder)."""
        return OSError(error.errno, error.strerror, self.paths.show(self.out / relative))

    def read(self, relative: PurePosixPath) -> bytes:
        """A file written earlier in this build."""
        return ((self.out if self.tmp is None else self.tmp) / relative).read_bytes()

    def _unchanged(self) -> bool:
        """True when the new output is the previous one: the same files, the same folders, nothing else."""
        names = {str(relative) for relative in self.planned}
        folders = {parent.as_posix() for relative in self.planned for parent in relative.parents} - {"."}
        return self.out.is_dir() and not self.other and names == self.present and folders == self.folders

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is not None:
            if self.tmp is not None:
                shutil.rmtree(self.tmp, ignore_errors=True)
            return
        if self.tmp is None and not self._unchanged():
            self._stage()
        states = {
            **({MANIFEST: self.manifest} if self.manifest is not None else {}),
            **dict(sorted(self.ledgers.items())),
        }
        parts = []  # the state files, written before anything moves: a full disk fails here, the output as it was
        try:
            for name, content in states.items():
                part = self.state / (name + ".neu")
                parts.append((part, self.state / name))  # listed before writing: a half-written one goes too
                part.write_bytes(content)
            if self.tmp is None:
                (self.state / OWNED).touch()
            else:
                self._swap_in()
        except BaseException:
            if self.tmp is not None:
                shutil.rmtree(self.tmp, ignore_errors=True)
            for part, _ in parts:
                part.unlink(missing_ok=True)
            raise
        for part, target in parts:  # renaming takes no space
            os.replace(part, target)

    def _swap_in(self) -> None:
        manifest, previous = self.state / MANIFEST, self.state / (MANIFEST + ".alt")
        previous.unlink(missing_ok=True)  # a killed build's
        try:
            self._keep_modes()
            if manifest.exists():  # a manifest never describes another output; back in place if nothing moves
                os.replace(manifest, previous)
            if not self.out.is_dir():
                os.replace(self._staging, self.out)
            elif not _exchange(self._staging, self.out):
                self._move_changed()
            (self.state / OWNED).touch()
        except BaseException:
            if previous.exists():
                os.replace(previous, manifest)
            shutil.rmtree(self._staging, ignore_errors=True)
            raise
        previous.unlink(missing_ok=True)
        shutil.rmtree(self._staging, ignore_errors=True)  # after the exchange it holds the previous output

    def _keep_modes(self) -> None:
        """Folders keep the permissions the user gave them (e.g. output/intern closed to others)."""
        os.chmod(self._staging, 0o755)
        for folder in [self._staging, *sorted(p for p in self._staging.rglob("*") if p.is_dir())]:
            old = self.out / folder.relative_to(self._staging)
            if old.is_dir() and not old.is_symlink():
                os.chmod(folder, old.stat().st_mode & 0o7777)

    def _move_changed(self) -> None:
        """The portable way: the previous output's files that go or change move aside, emptied folders go, the
        new files move in; files taken unchanged never move, so they may stay open. An open file that would have
        to move (Windows refuses) undoes every move and stops the build in German."""
        new = {p.relative_to(self._staging).as_posix() for p in self._staging.rglob("*") if not p.is_dir()}
        new_folders = {p.relative_to(self._staging).as_posix() for p in self._staging.rglob("*") if p.is_dir()}
        changed = sorted(new - self.kept)
        going = sorted((self.present & set(changed)) | (self.present - new))
        aside = Path(tempfile.mkdtemp(prefix="alt-", dir=self.state)) / "dateien"
        moves: list[tuple[Path, Path]] = []  # done, in order: undone backwards
        name = ""
        try:
            for name in going:
                _move(self.out / name, aside / name, moves)
            for folder in sorted(self.folders - new_folders, key=lambda f: f.count("/"), reverse=True):
                with contextlib.suppress(OSError):  # emptied by the moves above; a folder left standing is no harm
                    (self.out / folder).rmdir()
            for name in changed:
                _move(self._staging / name, self.out / name, moves)
        except OSError as error:
            for source, target in reversed(moves):
                with contextlib.suppress(OSError):
                    _move(target, source, [])
            if error.errno in (errno.EACCES, errno.EPERM, errno.EBUSY) and name in going:
                raise BuildFailed(
                    [
                        Problem(
                            self.paths.where(self.out / name),
                            "Diese Datei ist in einem anderen Programm geöffnet (etwa einem PDF-Betrachter) und "
                            "lässt sich nicht ersetzen – schließen Sie sie und bauen Sie noch einmal.",
                        )
                    ]
                ) from None
            raise self._named(error, PurePosixPath(name)) from None
        finally:
            shutil.rmtree(aside.parent, ignore_errors=True)


def _move(source: Path, target: Path, moves: list[tuple[Path, Path]]) -> None:
    """Renames one file (making the target's folders) and notes the move."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    moves.append((source, target))


def _exchange(a: Path, b: Path) -> bool:
    """Swaps two folders atomically where Linux can (renameat2); False elsewhere – Windows, macOS, or when
    VORLAGEN_PORTABEL=1 asks for the Windows way on Linux too – and the caller moves what changed file by file."""
    if portabel() or not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if function(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(b))
