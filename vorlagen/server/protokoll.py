"""The audit log: every sign-in, sign-out and save with person, time (UTC) and commit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vorlagen.server.zustand import verbunden


def eintragen(zustand: Path, person: str, ereignis: str, vorlage: str = "", commit: str = "") -> None:
    with verbunden(zustand) as db:
        db.execute(
            "INSERT INTO protokoll VALUES (?, ?, ?, ?, ?)",
            (dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), person, ereignis, vorlage, commit),
        )


def eintraege(zustand: Path) -> list[tuple[str, str, str, str, str]]:
    with verbunden(zustand) as db:
        return list(db.execute("SELECT * FROM protokoll ORDER BY rowid"))
