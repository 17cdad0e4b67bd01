"""Server-side sessions: a random id in an HttpOnly cookie, only its hash in the state file; a new id at every
sign-in (no fixation), ended by logout or after the configured minutes without activity; each with its CSRF token."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from vorlagen.server.zustand import verbunden

HOECHSTENS = 12 * 60 * 60  # seconds a session lasts at most, active or not


@dataclass(frozen=True)
class Zugang:
    name: str
    csrf: str


def _hash(kennung: str) -> str:
    return hashlib.sha256(kennung.encode("utf-8")).hexdigest()


def beginnen(zustand: Path, name: str) -> str:
    """A new session for `name`; the id for the cookie (it is never stored)."""
    kennung = secrets.token_urlsafe(32)
    jetzt = time.time()
    with verbunden(zustand) as db:
        db.execute(
            "INSERT INTO sitzungen VALUES (?, ?, ?, ?, ?)",
            (_hash(kennung), name, secrets.token_urlsafe(32), jetzt, jetzt),
        )
    return kennung


def finden(zustand: Path, kennung: str | None, minuten: int) -> Zugang | None:
    """The live session of a cookie (its last activity now), None for an unknown or expired one (removed then)."""
    if not kennung or len(kennung) > 100:
        return None
    jetzt = time.time()
    with verbunden(zustand) as db:
        db.execute(
            "DELETE FROM sitzungen WHERE zuletzt < ? OR angelegt < ?", (jetzt - minuten * 60, jetzt - HOECHSTENS)
        )
        zeile = db.execute("SELECT name, csrf FROM sitzungen WHERE kennung = ?", (_hash(kennung),)).fetchone()
        if zeile is None:
            return None
        db.execute("UPDATE sitzungen SET zuletzt = ? WHERE kennung = ?", (jetzt, _hash(kennung)))
    return Zugang(zeile[0], zeile[1])


def beenden(zustand: Path, kennung: str | None) -> None:
    if kennung:
        with verbunden(zustand) as db:
            db.execute("DELETE FROM sitzungen WHERE kennung = ?", (_hash(kennung),))


def csrf_echt(sitzung: Zugang, token: str | None) -> bool:
    """Whether a write carries the session's CSRF token (compared in constant time)."""
    return token is not None and hmac.compare_digest(token.encode("utf-8"), sitzung.csrf.encode("utf-8"))
