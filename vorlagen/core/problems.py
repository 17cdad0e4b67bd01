"""Problem records: what went wrong, where, and what to do — for people, in German.

The one error contract of the pipeline (as in beancount):
- a check is a plain function that returns list[Problem] and never raises; the checks of a run stand in one
  registered list (compute/checks.py), a record's own rules in its check() method;
- a step that makes something returns (result, problems) – the result None where it cannot be made;
- BuildFailed is raised only where a stage hands over and cannot (prepare: loading and computing; composing one
  document; a render job in a worker process; writing the output) and in the CLI, which prints every problem.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vorlagen.core.pfade import gezeigt

# What the operating system refused, in German: the machine's failures (disk full, no permission, a file open in
# another program) are not bugs of the program, and none of them may reach the user as a traceback or in English.
USER_ERRORS = {
    errno.ENOSPC: "Der Speicherplatz ist voll",
    errno.EDQUOT: "Das Speicherkontingent ist erschöpft",
    errno.EACCES: "Keine Berechtigung",
    errno.EPERM: "Keine Berechtigung",
    errno.EROFS: "Das Laufwerk ist schreibgeschützt",
    errno.EFBIG: "Die Datei überschreitet die Größe, die das System erlaubt",
    errno.EIO: "Das Laufwerk meldet einen Lese- oder Schreibfehler",
    errno.ENAMETOOLONG: "Der Pfad ist zu lang",
    errno.EMFILE: "Zu viele Dateien sind gleichzeitig offen",
    errno.ENFILE: "Zu viele Dateien sind gleichzeitig offen",
    errno.EBUSY: "Die Datei ist in Benutzung (z. B. in einem anderen Programm geöffnet)",
    errno.ENOENT: "Die Datei oder der Ordner fehlt",
    errno.ENOTDIR: "Ein Teil des Pfads ist kein Ordner",
    errno.EISDIR: "Dort liegt ein Ordner, keine Datei",
    errno.EEXIST: "Dort liegt schon etwas",
    errno.ENOTEMPTY: "Der Ordner ist nicht leer",
    errno.EXDEV: "Der Ordner liegt auf einem anderen Laufwerk",
    errno.ELOOP: "Verknüpfungen verweisen im Kreis",
    errno.ENOMEM: "Der Arbeitsspeicher reicht nicht",
}


def os_error_reason(error: OSError) -> str:
    """What the operating system refused, in German; unknown errors by their number."""
    return USER_ERRORS.get(error.errno or 0, f"Das Betriebssystem meldet den Fehler Nr. {error.errno}")


def os_error_text(error: OSError, paths: Paths | None = None) -> str:
    """`path: reason` for an error of the operating system, the file named from the folder the command runs in
    (core/pfade.gezeigt; with `paths`, as that load names its files)."""
    if not error.filename:
        return os_error_reason(error)
    path = Path(os.fsdecode(error.filename))
    shown = paths.show(path) if paths is not None else gezeigt(path)
    return f"{shown}: {os_error_reason(error)}"


@dataclass(frozen=True, order=True)
class Where:
    """A place in a source file; `line` is 1-based, None when the whole file is meant."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, order=True)
class Problem:
    """One user-facing problem: `datei:zeile: was ist falsch – was zu tun ist`."""

    where: Where
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class BuildFailed(Exception):
    """Raised when user input has problems; carries all of them, none is an internal bug."""

    def __init__(self, problems: list[Problem]):
        self.problems = ordered(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[BuildFailed], tuple[list[Problem]]]:  # travels back from worker processes intact
        return BuildFailed, (self.problems,)


class FehltHier(Exception):
    """This machine lacks what the command needs (git): its one German line is the message; the command ends with
    exit code 2 and no document is blamed (docs/entwicklung/grundsaetze.md, Grundsatz 20)."""


def ordered(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once, by file, line and message: the order every command reports them in."""
    return sorted(set(problems), key=lambda p: (p.where.path, p.where.line or 0, p.message))


def raise_if(problems: list[Problem]) -> None:
    """Stop the build when any problem was collected."""
    if problems:
        raise BuildFailed(problems)


class Paths:
    """Names files in messages (core/pfade.gezeigt: from the folder the command runs in), each folder resolved once.
    With `basis`: the files of a git revision checked out in a temporary folder, named as in the repository – relative
    to `basis` – since no such file exists where the user is."""

    def __init__(self, basis: Path | None = None):
        self.basis = basis.resolve() if basis is not None else None
        self.hier = Path.cwd()  # once per load: a load names thousands of files
        self._folders: dict[Path, Path] = {}  # folder → resolved, for this Paths (one load) only

    def show(self, path: Path) -> str:
        try:
            resolved = self.resolve(path)
        except (OSError, RuntimeError):  # a link loop (RuntimeError before Python 3.13): shown as named
            resolved = Path(os.path.abspath(path))
        if self.basis is not None and resolved.is_relative_to(self.basis):
            return resolved.relative_to(self.basis).as_posix()
        return gezeigt(resolved, self.hier)

    def resolve(self, path: Path) -> Path:
        """path.resolve(), each folder resolved once: resolve() asks the file system about every part of the
        path, and a load resolves thousands of files in the same folders. Same result: a part that is not a
        link is appended to its resolved folder; one that is a link is resolved as resolve() does."""
        path = Path(path)
        if path.name in ("", ".", ".."):
            return path.resolve()
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = self.resolve(path.parent)
        return path.resolve() if path.is_symlink() else folder / path.name

    def where(self, path: Path, line: int | None = None) -> Where:
        return Where(self.show(path), line)
