"""The editing side's session (building/bearbeiten/sitzung.py) for the server: its token is the CSRF token of the
person's session, and the texts the forms were opened on live in the state file – for every person and as long as
a form may stay open, so that a save based on an older version can be merged against what it was based on."""

from __future__ import annotations

import time
from pathlib import Path

from vorlagen.building.bearbeiten.sitzung import Sitzung
from vorlagen.core.reads import digest
from vorlagen.server.zustand import verbunden

AUFBEWAHREN = 30 * 24 * 60 * 60  # seconds a text a form was opened on is kept


class Staende(Sitzung):
    token_im_feld = True  # never in an address: a proxy that logs full URLs would log it

    def __init__(self, zustand: Path, csrf: str) -> None:
        super().__init__()
        self.token = csrf
        self.zustand = zustand

    def merken(self, text: str | None) -> str:
        if text is None:
            return "-"
        stand = digest(text.encode("utf-8"))
        jetzt = time.time()
        with verbunden(self.zustand) as db:
            db.execute("INSERT OR REPLACE INTO texte VALUES (?, ?, ?)", (stand, text, jetzt))
            db.execute("DELETE FROM texte WHERE zeit < ?", (jetzt - AUFBEWAHREN,))
        return stand

    def text(self, stand: str) -> str | None:
        if stand == "-":
            return ""
        with verbunden(self.zustand) as db:
            zeile = db.execute("SELECT text FROM texte WHERE stand = ?", (stand,)).fetchone()
        return zeile[0] if zeile else None
