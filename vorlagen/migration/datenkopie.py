"""The copy of a data folder that `aktualisieren` rewrites and builds for its proof, made by the build's own rules
for links (core/reads.read_file, core/pfade.innerhalb): everything is looked at before anything is opened, and a
link out of the data folder, a named pipe, a device, a socket, a link into nothing or round in a circle is refused
with the user's file named – nothing outside the data folder is read, nothing waits on a pipe, and a link loop is
not copied again and again. The files and their total are bounded (core/limits.py).

The copy holds files only, each written new (no link, no mode of the original: a read-only data file is a writable
copy, the user's file is the one a message names)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from vorlagen.core.fmt import speichergroesse, zahl
from vorlagen.core.limits import MAX_DATENORDNER, MAX_NAMEN
from vorlagen.core.pfade import gezeigt, innerhalb, schleife, schleife_text
from vorlagen.core.problems import BuildFailed, Problem, Where, os_error_reason, raise_if
from vorlagen.core.reads import MAX_DATEI, NotReadable, hinaus_text, keine_datei_text, read_file, zu_gross_text
from vorlagen.migration import arbeitsordner

# a new file, never through a name that is there already, never following a link
NEU = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


@dataclass
class _Plan:
    """What the copy of `data` will hold – folders and files by their parts below it – and why it cannot be."""

    data: Path
    ordner: list[tuple[str, ...]] = field(default_factory=list)
    dateien: list[tuple[Path, tuple[str, ...]]] = field(default_factory=list)
    probleme: list[Problem] = field(default_factory=list)
    eintraege: int = 0
    bytes: int = 0


def kopieren(data: Path, folder: Path) -> Path:
    """A copy of the data folder `data` under the same name in `folder` (new, inside a work folder of this run:
    held while it runs, removed by a later run when this one is killed). BuildFailed naming the user's files when
    one of them is not for the build."""
    arbeitsordner.halten(folder.parent)
    plan = _Plan(Path(data))
    _ansehen(plan, plan.data, (), frozenset())
    raise_if(plan.probleme)
    copy = folder / Path(data).name
    copy.mkdir(parents=True)
    for teile in plan.ordner:
        copy.joinpath(*teile).mkdir()
    for quelle, teile in plan.dateien:
        try:
            inhalt = read_file(quelle, within=Path(data), noted=False)
        except NotReadable as error:
            raise BuildFailed([Problem(_wo(quelle), str(error))]) from None
        except OSError as error:
            raise BuildFailed([_unlesbar(quelle, error)]) from None
        handle = os.open(copy.joinpath(*teile), NEU, 0o666)
        with os.fdopen(handle, "wb") as out:
            out.write(inhalt)
    return copy


def _ansehen(plan: _Plan, ordner: Path, teile: tuple[str, ...], oben: frozenset[str]) -> None:
    """Looks at every entry below `ordner` (the data folder, or a folder in it at `teile`) without opening one;
    `oben`: the folders (every link followed) this one lies in, where a link back is a loop."""
    try:
        eintraege = sorted(os.scandir(ordner), key=lambda e: e.name)
    except OSError as error:
        plan.probleme.append(_unlesbar(ordner, error))
        return
    hier = oben | {os.path.realpath(ordner)}
    for eintrag in eintraege:
        plan.eintraege += 1
        if plan.eintraege > MAX_NAMEN:
            plan.probleme.append(Problem(_wo(plan.data), _zu_viele()))
            return
        path, weiter = Path(eintrag.path), (*teile, eintrag.name)
        info = _gesehen(plan, path, eintrag.is_symlink())
        if info is None:
            continue
        if stat.S_ISDIR(info.st_mode):
            if os.path.realpath(path) in hier:
                plan.probleme.append(Problem(_wo(path), schleife_text(path)))
                continue
            plan.ordner.append(weiter)
            _ansehen(plan, path, weiter, hier)
        elif not stat.S_ISREG(info.st_mode):
            plan.probleme.append(Problem(_wo(path), keine_datei_text(path)))
        elif info.st_size > MAX_DATEI:
            plan.probleme.append(Problem(_wo(path), zu_gross_text(path, MAX_DATEI)))
        else:
            plan.bytes += info.st_size
            if plan.bytes > MAX_DATENORDNER:
                plan.probleme.append(Problem(_wo(plan.data), _zu_gross()))
                plan.eintraege = MAX_NAMEN  # nothing more is looked at
                return
            plan.dateien.append((path, weiter))


def _gesehen(plan: _Plan, path: Path, link: bool) -> os.stat_result | None:
    """The entry as the build would read it (a link followed); None, with the problem noted, where it may not."""
    if link and schleife(path):
        plan.probleme.append(Problem(_wo(path), schleife_text(path)))
        return None
    if link and not innerhalb(path, plan.data):
        plan.probleme.append(Problem(_wo(path), hinaus_text(path)))
        return None
    try:
        return os.stat(path)
    except FileNotFoundError:
        plan.probleme.append(Problem(_wo(path), _ins_leere(path)))
    except OSError as error:
        plan.probleme.append(_unlesbar(path, error))
    return None


def _wo(path: Path) -> Where:
    """Where a message names a file: the user's path as given, not where its links lead (core/pfade.gezeigt)."""
    return Where(gezeigt(path))


def _unlesbar(path: Path, error: OSError) -> Problem:
    return Problem(
        _wo(path),
        f"Die Datei lässt sich nicht lesen ({os_error_reason(error)}) – prüfen Sie, ob Sie sie öffnen dürfen.",
    )


def _ins_leere(path: Path) -> str:
    return (
        f"„{path.name}“ ist eine Verknüpfung, die ins Leere zeigt (die Datei, auf die sie verweist, gibt es nicht) – "
        "ersetzen Sie sie durch die Datei selbst oder entfernen Sie sie."
    )


def _zu_gross() -> str:
    return (
        f"Der Datenordner ist zusammen größer als {speichergroesse(MAX_DATENORDNER)} – so viel kopiert "
        "„aktualisieren“ für seinen Beweis nicht; legen Sie große Dateien (Anlagen, Bilder) außerhalb ab."
    )


def _zu_viele() -> str:
    return (
        f"Der Datenordner hat mehr als {zahl(MAX_NAMEN)} Dateien und Ordner – so viele kopiert „aktualisieren“ für "
        "seinen Beweis nicht; teilen Sie die Daten auf mehrere Datenrepositorys auf."
    )
