"""The only writer: builds the new output in a hidden staging folder and swaps it in whole.

A complete output folder exists at every instant: the new one replaces the old in one atomic exchange
(renameat2 on Linux; elsewhere two renames, the old output kept aside). A failed build leaves the previous output exactly as it was; a killed one leaves
at most a staging folder in the state folder, which the next build removes (see state.py).
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path, PurePosixPath

from vorlagen.building.state import MANIFEST, OWNED
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
        if self.tmp is None:
            if self._same(relative, data):
                self.planned.append(relative)
                return
            self._stage()
        path = self._staging / relative
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

    def __exit__(self, kind, error, trace) -> None:
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
        try:
            self._keep_modes()
            (self.state / MANIFEST).unlink(missing_ok=True)  # a manifest never describes another output
            if self.out.is_dir():
                self._swap()
            else:
                os.replace(self._staging, self.out)
            (self.state / OWNED).touch()
        except BaseException:
            shutil.rmtree(self._staging, ignore_errors=True)
            raise

    def _keep_modes(self) -> None:
        """Folders keep the permissions the user gave them (e.g. output/intern closed to others)."""
        os.chmod(self._staging, 0o755)
        for folder in [self._staging, *sorted(p for p in self._staging.rglob("*") if p.is_dir())]:
            old = self.out / folder.relative_to(self._staging)
            if old.is_dir() and not old.is_symlink():
                os.chmod(folder, old.stat().st_mode & 0o7777)

    def _swap(self) -> None:
        if _exchange(self._staging, self.out):
            shutil.rmtree(self._staging, ignore_errors=True)  # now holds the previous output
            return
        aside = Path(tempfile.mkdtemp(prefix="alt-", dir=self.state))  # the next build puts it back if killed here
        os.replace(self.out, aside / "out")
        try:
            os.replace(self._staging, self.out)
        except BaseException:
            os.replace(aside / "out", self.out)
            raise
        shutil.rmtree(aside, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swaps two folders atomically where Linux can (renameat2); False elsewhere – Windows, macOS, or when
    VORLAGEN_PORTABEL=1 asks for the portable way on Linux too – and the caller renames twice (os.replace), with
    the old output kept aside in the state folder until the new one is in place."""
    if os.environ.get("VORLAGEN_PORTABEL") == "1" or not sys.platform.startswith("linux"):
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
