"""File names every system can hold: Windows reserves the names of its devices (CON, NUL, COM1 …) in every
folder, with any extension, drops a dot or space at a name's end, forbids the characters <>:"|?* and control
characters, and holds two names that differ only in upper and lower case as one. A data repository made on Linux is
checked out on Windows too, so such a name is refused everywhere – the rule of Python's ntpath.isreserved (3.13),
and git for Windows' refusal to check out such a tree."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from vorlagen.core.limits import MAX_NAMEN

DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789\u00b9\u00b2\u00b3"}
)
NAMES = "CON, PRN, AUX, NUL, COM0 bis COM9, LPT0 bis LPT9"
VERBOTEN = frozenset('<>:"|?*' + "".join(map(chr, range(32))))


def _gezeigt(zeichen: str) -> str:
    return f"„{zeichen}“" if zeichen.isprintable() else f"das Steuerzeichen U+{ord(zeichen):04X}"


def _ohne_verbotene(name: str) -> str:
    """`name` with each character Windows forbids made a dash, and then everything else it cannot hold mended."""
    name = "".join("-" if c in VERBOTEN else c for c in name).rstrip(". ") or "name"
    stem, dot, rest = name.partition(".")
    return f"{stem}-1{dot}{rest}" if stem.rstrip(" ").upper() in DEVICES else name


def windows_problem(name: str) -> str | None:
    """Why Windows cannot hold a file or folder of this name (one part of a path), or None when it can."""
    if name in ("", ".", ".."):
        return None
    verboten = sorted({c for c in name if c in VERBOTEN})
    if verboten:
        welche = ", ".join(_gezeigt(c) for c in verboten)
        return (
            f"Der Name „{name}“ enthält {welche} – Windows erlaubt in Datei- und Ordnernamen keines der Zeichen "
            f'< > : " | ? * und keine Steuerzeichen; benennen Sie ihn um, z. B. in „{_ohne_verbotene(name)}“.'
        )
    if name.endswith((".", " ")):
        return (
            f"Der Name „{name}“ endet auf einen Punkt oder ein Leerzeichen, die Windows stillschweigend weglässt "
            f"– benennen Sie ihn um, z. B. in „{name.rstrip('. ') or 'name'}“."
        )
    device = name.partition(".")[0].rstrip(" ").upper()
    if device in DEVICES:
        stem, dot, rest = name.partition(".")
        return (
            f"„{name}“ ist unter Windows der Name eines Geräts ({NAMES}) und kann dort weder Datei noch Ordner "
            f"sein – benennen Sie es um, z. B. in „{stem}-1{dot}{rest}“."
        )
    return None


def windows_problems(relative: str) -> str | None:
    """The first part of a relative path (separated by /) that Windows cannot hold, as windows_problem says."""
    for part in relative.split("/"):
        found = windows_problem(part)
        if found:
            return found
    return None


def gross_klein(names: list[str]) -> list[tuple[str, str]]:
    """Pairs (earlier, later in name order) of names of one folder that differ only in upper and lower case: Windows
    and macOS hold them as one file, git for Windows checks out only one of them."""
    seen: dict[str, str] = {}
    pairs = []
    for name in sorted(names):
        key = name.lower()
        if key in seen:
            pairs.append((seen[key], name))
        else:
            seen[key] = name
    return pairs


def _anderer_name(name: str, vergeben: set[str]) -> str:
    """A name for the later of two that differ only in case: `-2` (or the next free number) before its extension."""
    stem, dot, rest = name.partition(".")
    number = 2
    while f"{stem}-{number}{dot}{rest}".lower() in vergeben:
        number += 1
    return f"{stem}-{number}{dot}{rest}"


def im_ordner(root: Path) -> Iterator[tuple[Path, str]]:
    """(path, why) for every file or folder below `root` whose name Windows cannot hold, and for the later of two
    names in one folder that differ only in case; folders whose name starts with a dot (.git) are not entered. At
    most MAX_NAMEN names are looked at."""
    gesehen = 0
    folders = [root]
    while folders and gesehen < MAX_NAMEN:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                eintraege = sorted(entries, key=lambda e: e.name)[: MAX_NAMEN - gesehen]
        except OSError:  # not readable: what reads it says so
            continue
        gesehen += len(eintraege)
        names = [entry.name for entry in eintraege]
        for entry in eintraege:
            why = windows_problem(entry.name)
            if why:
                yield Path(entry.path), why
            if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                folders.append(Path(entry.path))
        vergeben = {name.lower() for name in names}
        for earlier, later in gross_klein(names):
            anders = _anderer_name(later, vergeben)
            vergeben.add(anders.lower())
            yield (
                folder / later,
                f"„{later}“ und „{earlier}“ unterscheiden sich nur in Groß- und Kleinschreibung – Windows hält sie "
                f"für denselben Namen und git für Windows legt nur einen an; benennen Sie einen um, z. B. in "
                f"„{anders}“.",
            )
