"""Local accounts: made by IT (`vorlagen server konto anlegen`), the password stored only as an Argon2id hash
(argon2-cffi); a sign-in checked the same way whether the name exists or not, and slowed after failures."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from vorlagen.server.rechte import Person, Recht
from vorlagen.server.zustand import verbunden

HASHER = PasswordHasher()
# checked against when the name does not exist: the answer takes as long as for a wrong password
_NIEMAND = HASHER.hash("kein Konto – nur für die gleiche Antwortzeit")
FENSTER = 15 * 60  # seconds over which failed sign-ins count
ERLAUBT_NAME = 5  # failures for one name in the window before it must wait
ERLAUBT_ADRESSE = 20  # failures from one address in the window before it must wait
MIN_LAENGE = 10


def anlegen(zustand: Path, name: str, kennwort: str, rolle: str, amt: str, anzeigename: str, email: str) -> bool:
    """Makes the account or renews it (password, role, Amt); True when it is new."""
    with verbunden(zustand) as db:
        neu = db.execute("SELECT 1 FROM konten WHERE name = ?", (name,)).fetchone() is None
        db.execute(
            "INSERT OR REPLACE INTO konten VALUES (?, ?, ?, ?, ?, ?, ?)",
            (name, anzeigename, email, HASHER.hash(kennwort), rolle, amt, dt.datetime.now(dt.UTC).isoformat()),
        )
    return neu


def person(zustand: Path, name: str) -> Person | None:
    with verbunden(zustand) as db:
        zeile = db.execute("SELECT anzeigename, email, rolle, amt FROM konten WHERE name = ?", (name,)).fetchone()
    if zeile is None:
        return None
    return Person(name, zeile[0], zeile[1], (Recht(name, "", zeile[2], zeile[3]),))


def wartezeit(zustand: Path, name: str, adresse: str) -> int:
    """Seconds until this name (and this address) may try again; 0: now."""
    jetzt = time.time()
    with verbunden(zustand) as db:
        db.execute("DELETE FROM fehlversuche WHERE zeit < ?", (jetzt - FENSTER,))
        warten = 0.0
        for schluessel, erlaubt in ((f"name:{name.casefold()}", ERLAUBT_NAME), (f"adresse:{adresse}", ERLAUBT_ADRESSE)):
            zeiten = [
                z
                for (z,) in db.execute(
                    "SELECT zeit FROM fehlversuche WHERE schluessel = ? ORDER BY zeit DESC", (schluessel,)
                )
            ]
            if len(zeiten) >= erlaubt:
                # each failure beyond the allowed doubles the wait, from 30 seconds to the whole window
                dauer = min(FENSTER, 30 * 2 ** (len(zeiten) - erlaubt))
                warten = max(warten, zeiten[0] + dauer - jetzt)
    return max(0, int(warten + 0.999))


def pruefen(zustand: Path, name: str, kennwort: str, adresse: str) -> Person | None:
    """The person when name and password fit; a failure is counted for the name and the address. Whether the name
    exists cannot be told from the answer or its time."""
    with verbunden(zustand) as db:
        zeile = db.execute("SELECT kennwort FROM konten WHERE name = ?", (name,)).fetchone()
    try:
        ok = HASHER.verify(zeile[0] if zeile else _NIEMAND, kennwort) and zeile is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        with verbunden(zustand) as db:
            jetzt = time.time()
            db.execute("INSERT INTO fehlversuche VALUES (?, ?)", (f"name:{name.casefold()}", jetzt))
            db.execute("INSERT INTO fehlversuche VALUES (?, ?)", (f"adresse:{adresse}", jetzt))
        return None
    with verbunden(zustand) as db:
        db.execute("DELETE FROM fehlversuche WHERE schluessel = ?", (f"name:{name.casefold()}",))
    return person(zustand, name)
