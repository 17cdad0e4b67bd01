"""What `vorlagen aktualisieren` rewrites in a data folder of an earlier version, line by line in the files as they
are (comments and layout stay), what it cannot rewrite, and which printed figures this version changes on purpose."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vorlagen.core.problems import Where


@dataclass(frozen=True)
class Umschreibung:
    """One rewrite: in `datei` (relative to the data folder), line `zeile`, `vorher` became `nachher`, because …"""

    datei: str
    zeile: int
    vorher: str
    nachher: str
    grund: str

    def __str__(self) -> str:
        return f"{self.datei}:{self.zeile}: „{self.vorher}“ → „{self.nachher}“ – {self.grund}"


@dataclass(frozen=True)
class Offen:
    """Something of the earlier version this one reads differently that could not be rewritten: where, and what to do."""

    where: Where
    was: str

    def __str__(self) -> str:
        return f"{self.where}: {self.was}"


@dataclass(frozen=True)
class Erklaerung:
    """A figure this version prints differently on purpose: as printed before, as printed now, and why."""

    vorher: str
    nachher: str
    grund: str


def umschreiben(data: Path) -> tuple[list[Umschreibung], list[Offen], list[Erklaerung]]:
    """Rewrites the data folder `data` (a copy) in place; returns what it rewrote, what it could not, and the
    figures that change on purpose."""
    return [], [], []
