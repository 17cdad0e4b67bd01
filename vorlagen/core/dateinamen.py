"""File names every system can hold: Windows reserves the names of its devices (CON, NUL, COM1 …) in every
folder, with any extension, and drops a dot or space at a name's end. A data repository made on Linux is opened on
Windows too, so such a name is refused everywhere – the rule of Python's ntpath.isreserved (3.13)."""

from __future__ import annotations

DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789\u00b9\u00b2\u00b3"}
)
NAMES = "CON, PRN, AUX, NUL, COM0 bis COM9, LPT0 bis LPT9"


def windows_problem(name: str) -> str | None:
    """Why Windows cannot hold a file or folder of this name (one part of a path), or None when it can."""
    if name in ("", ".", ".."):
        return None
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
