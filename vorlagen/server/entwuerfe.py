"""Unsaved input that meets an expired session: the sent form kept in the state file (for a day, bound to this
browser by a cookie), offered again in the Vorlage's form after signing in – nothing written until the person saves
it. The cookie holds only a random key; what the draft holds stays on the server."""

from __future__ import annotations

import json
import secrets
import time
from pathlib import Path

from vorlagen.server.zustand import verbunden

COOKIE = "vorlagen_entwurf"
AUFBEWAHREN = 24 * 60 * 60  # seconds a draft waits for its person
AUFBEWAHRT = (
    "Ihre Sitzung war abgelaufen – Ihre Eingaben sind aufbewahrt, aber noch nicht gespeichert. Melden Sie "
    "sich an; danach zeigt das Formular sie wieder."
)
WIEDER = (
    "Diese Eingaben stammen aus Ihrer abgelaufenen Sitzung und sind noch nicht gespeichert – prüfen Sie sie "
    "und speichern Sie."
)


def aufbewahren(zustand: Path, pfad: str, felder: dict[str, str]) -> str:
    """Keeps the form sent to `pfad`; the key for the cookie."""
    kennung = secrets.token_urlsafe(32)
    jetzt = time.time()
    with verbunden(zustand) as db:
        db.execute("DELETE FROM entwuerfe WHERE zeit < ?", (jetzt - AUFBEWAHREN,))
        db.execute("INSERT INTO entwuerfe VALUES (?, ?, ?, ?)", (kennung, pfad, json.dumps(felder), jetzt))
    return kennung


def nehmen(zustand: Path, kennung: str | None, pfad: str) -> dict[str, str] | None:
    """The form kept under this key for this page (taken: it is offered once), None when there is none."""
    if not kennung or len(kennung) > 100:
        return None
    with verbunden(zustand) as db:
        zeile = db.execute(
            "SELECT felder, zeit FROM entwuerfe WHERE kennung = ? AND pfad = ?", (kennung, pfad)
        ).fetchone()
        db.execute("DELETE FROM entwuerfe WHERE kennung = ?", (kennung,))
    if zeile is None or zeile[1] < time.time() - AUFBEWAHREN:
        return None
    return json.loads(zeile[0])
