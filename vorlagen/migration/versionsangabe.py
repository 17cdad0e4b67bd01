"""The format a data repository is in: the version its vorlagen.toml names, and the line `aktualisieren` writes
there once the data are in this version's format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vorlagen.core.schreibvorgang import Aenderung


def format_dieser_version() -> str:
    """This program's version as major.minor: the format its data are in."""
    import vorlagen

    return ".".join(vorlagen.__version__.split(".")[:2])


def geschrieben_fuer(root: Path) -> str | None:
    """The version the data repository's vorlagen.toml names; None without one."""
    from vorlagen.load.settings import SETTINGS, declared_version

    path = root / SETTINGS
    return declared_version(path.read_bytes().decode("utf-8-sig", "replace")) if path.is_file() else None


def versionsangabe(root: Path) -> Aenderung | None:
    """vorlagen.toml that names this program's version (major.minor) – the data are in its format now, and a later
    `aktualisieren` or `vergleichen` reads them so –, when it names another or none; else None. Without a
    vorlagen.toml, one with just that line."""
    import re

    import vorlagen
    from vorlagen.core.reads import ABSENT
    from vorlagen.core.schreibvorgang import Aenderung, stand_von
    from vorlagen.load.settings import SETTINGS, version_matches

    path = root / SETTINGS
    wanted = format_dieser_version()
    line = f'version = "{wanted}"  # das Format der Daten: von „vorlagen aktualisieren“ eingetragen'
    if not path.is_file():
        return Aenderung(path, f"{line}\n".encode(), ABSENT)
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    match = re.search(r'(?m)^(\s*version\s*=\s*)"([^"]*)"', text)
    if match is None:
        ending = "\r\n" if "\r\n" in text else "\n"
        return Aenderung(path, f"{line}{ending}{text}".encode(), stand_von(raw))
    if version_matches(match.group(2), vorlagen.__version__):
        return None
    return Aenderung(path, (text[: match.start(2)] + wanted + text[match.end(2) :]).encode("utf-8"), stand_von(raw))
