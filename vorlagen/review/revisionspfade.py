"""The paths of a git revision are untrusted input (issue 54): each is checked before anything is written, and a link
of the revision is resolved by its text alone – to a file of the same revision, or refused. Nothing here touches
the disk."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping

from vorlagen.core.dateinamen import windows_problem

MAX_KETTE = 40  # links one after the other (as the systems allow)
# a name no system may be given from a revision: git's own folder (also as Windows and macOS spell it: .GIT, .git.,
# GIT~1), a separator of Windows; what else Windows cannot hold (a drive or stream „a:b“, NUL) core/dateinamen says
_VERBOTEN = re.compile(r"^\.git[. ]*$|^git~\d+$|\\", re.IGNORECASE)
_LAUFWERK = re.compile(r"^[A-Za-z]:")


class Unlesbar(Exception):
    """Why the data folder of a revision is not read: the German message."""


def pruefen(rev: str, namen: Iterable[str]) -> None:
    """Unlesbar when a path of the revision could be written anywhere but where it says below the folder it is
    written to: absolute, with `..`, `.` or an empty part, git's folder in any spelling, a backslash, a name Windows
    takes for a device, drive or stream (core/dateinamen) – or when two paths differ only in upper and lower case
    (Windows and macOS write them to one file)."""
    gefaltet: dict[str, str] = {}
    for name in namen:
        teile = name.split("/")
        if name.startswith("/") or any(t in ("", ".", "..") or _VERBOTEN.search(t) for t in teile):
            raise Unlesbar(
                f"In Revision „{rev}“ hat „{name}“ einen Pfad, der aus dem Datenordner führen kann (.., /, .git oder "
                "\\ in einem Namen) – „vergleichen“ liest solche Fassungen nicht; benennen Sie die Datei in git um."
            )
        for teil in teile:
            if (problem := windows_problem(teil)) is not None:  # a device, a drive, a stream: refused everywhere
                raise Unlesbar(f"In Revision „{rev}“, „{name}“: {problem}")
        for ende in range(1, len(teile) + 1):
            pfad = "/".join(teile[:ende])
            frueher = gefaltet.setdefault(pfad.casefold(), pfad)
            if frueher != pfad:
                raise Unlesbar(
                    f"In Revision „{rev}“ unterscheiden sich „{frueher}“ und „{pfad}“ nur in Groß- und "
                    "Kleinschreibung – Windows und macOS halten sie für dieselbe Datei; benennen Sie eine davon in "
                    "git um."
                )


def ziel(rev: str, name: str, verweise: Mapping[str, str], dateien: Container[str]) -> str:
    """The file of the revision (one of `dateien`) the link `name` names, following links of the revision
    (`verweise`: path → the text of its link) by their text alone, part by part; Unlesbar when the chain leaves the
    project (an absolute path, more `..` than folders), passes through a link or a file as if it were a folder, ends
    at no file of the data folder (a folder, nothing), or goes round."""
    aktuell, gesehen = name, set[str]()
    while aktuell in verweise:
        text = verweise[aktuell]
        if aktuell in gesehen or len(gesehen) >= MAX_KETTE:
            raise Unlesbar(_ins_leere(rev, name))
        gesehen.add(aktuell)
        if text.startswith(("/", "\\")) or _LAUFWERK.match(text):
            raise Unlesbar(_hinaus(rev, name))
        teile: list[str] = aktuell.split("/")[:-1]
        for teil in text.split("/"):
            if teil in ("", "."):
                continue
            ordner = "/".join(teile)
            if ordner in verweise or ordner in dateien:  # a link or a file read as a folder: no lexical `..`
                raise Unlesbar(_ins_leere(rev, name))
            if teil != "..":
                teile.append(teil)
            elif teile:
                teile.pop()
            else:
                raise Unlesbar(_hinaus(rev, name))
        aktuell = "/".join(teile)
    if aktuell not in dateien:
        raise Unlesbar(_ins_leere(rev, name))
    return aktuell


def _hinaus(rev: str, name: str) -> str:
    return (
        f"In Revision „{rev}“ zeigt „{name}“ außerhalb des Projekts (Verknüpfung mit absolutem Pfad oder ../) – "
        "„vergleichen“ liest solche Fassungen nicht; entfernen Sie die Verknüpfung in git."
    )


def _ins_leere(rev: str, name: str) -> str:
    return (
        f"In Revision „{rev}“ ist „{name}“ eine Verknüpfung, die auf keine Datei des Datenordners zeigt (auf einen "
        "Ordner, ins Leere oder im Kreis) – „vergleichen“ liest solche Fassungen nicht; ersetzen Sie die Verknüpfung "
        "in git durch die Datei selbst."
    )
