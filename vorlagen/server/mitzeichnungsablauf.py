"""The way of a Vorlage's sign-offs through the house, kept in the state file: the clerk asks a role, the role sends
it back with a comment or signs. Each step a row (who, when, which role, what), the last one per role is its state.

Kept in the state file, not in the Vorlage's folder: asking and sending back change nothing the Vorlage prints, and
a file in the folder would make each of them a commit in the data repository that every clone and every build
carries along; the sign-off itself stays what `vorlagen zeichnen` writes (mitzeichnungen.yaml, gezeichnet/), a
commit of the person. Every step is also in the audit log under the person's name (protokoll.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from vorlagen.server.zustand import verbunden

ANGEFRAGT = "angefragt"
ZURUECK = "zurückgegeben"
GEZEICHNET = "gezeichnet"
KOMMENTAR_LAENGE = 2000  # characters of a comment when sending back


@dataclass(frozen=True)
class Schritt:
    vorlage: str  # the Vorlage's folder name
    rolle: str
    zustand: str  # ANGEFRAGT | ZURUECK | GEZEICHNET
    person: str
    anzeigename: str
    zeit: str  # UTC, ISO 8601
    kommentar: str = ""

    def tag(self) -> str:
        """The day and time as a German reader reads them (UTC)."""
        zeit = dt.datetime.fromisoformat(self.zeit)
        return zeit.strftime("%d.%m.%Y, %H:%M Uhr (UTC)")


def eintragen(zustand: Path, schritte: list[Schritt]) -> None:
    with verbunden(zustand) as db:
        db.executemany(
            "INSERT INTO mitzeichnung VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(s.vorlage, s.rolle, s.zustand, s.person, s.anzeigename, s.zeit, s.kommentar) for s in schritte],
        )


def jetzt() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def letzte(zustand: Path, vorlage: str | None = None) -> dict[tuple[str, str], Schritt]:
    """(Vorlage, role) → its last step; of one Vorlage or of all."""
    with verbunden(zustand) as db:
        if vorlage is None:
            zeilen = db.execute("SELECT * FROM mitzeichnung ORDER BY rowid").fetchall()
        else:
            zeilen = db.execute("SELECT * FROM mitzeichnung WHERE vorlage = ? ORDER BY rowid", (vorlage,)).fetchall()
    return {(z[0], z[1]): Schritt(*z) for z in zeilen}


def wartend(zustand: Path, rollen: set[str]) -> list[Schritt]:
    """The requests still open for these roles, the oldest first."""
    offen = [s for s in letzte(zustand).values() if s.zustand == ANGEFRAGT and s.rolle in rollen]
    return sorted(offen, key=lambda s: s.zeit)


def beschreibung(schritte: list[Schritt]) -> str:
    """The Vorlage's state of its sign-offs in words, e.g. „zur Mitzeichnung bei Kämmerei, Rechtsamt“; "" when none
    was asked yet."""
    teile = []
    angefragt = [s.rolle for s in schritte if s.zustand == ANGEFRAGT]
    if angefragt:
        teile.append("zur Mitzeichnung bei " + ", ".join(angefragt))
    teile += [f"zurückgegeben von {s.rolle} ({s.anzeigename})" for s in schritte if s.zustand == ZURUECK]
    gezeichnet = [s.rolle for s in schritte if s.zustand == GEZEICHNET]
    if gezeichnet:
        teile.append("mitgezeichnet von " + ", ".join(gezeichnet))
    return "; ".join(teile)
