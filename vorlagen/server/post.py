"""E-mail to the people a Vorlage waits for: the roles it is sent to for their sign-off, the clerk who sent it
when it comes back, and the clerks a day before a deadline (erinnerung.py). Through the town's mail server named in
[post] of the configuration (SMTP, optionally with STARTTLS and a login); a page's mail is sent in the background, so
that a slow or absent mail server never holds up a page – what fails goes to the service's log, without the
password."""

from __future__ import annotations

import json
import smtplib
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from vorlagen.server.rechte import Person, Recht, mit_konfiguration
from vorlagen.server.zustand import verbunden

POST = {"server", "port", "absender", "starttls", "benutzer", "kennwort"}
ZEIT = 20  # seconds a mail server may take to answer


@dataclass(frozen=True)
class Post:
    server: str
    port: int
    absender: str
    starttls: bool = False
    benutzer: str = ""
    kennwort: str = ""


def lesen(abschnitt: dict | None, fehler: Callable[[str, str | None, str], Exception]) -> Post | None:
    """[post] of the configuration, None without it; `fehler(abschnitt, key, meldung)` makes the refusal."""
    if abschnitt is None:
        return None
    if not isinstance(abschnitt, dict):
        raise fehler("", "post", "[post] ist ein Abschnitt mit server, port und absender, kein einzelner Wert.")
    unbekannt = sorted(set(abschnitt) - POST)
    if unbekannt:
        raise fehler(
            "post",
            unbekannt[0],
            f"Unbekannte Angabe „{unbekannt[0]}“ in [post] – erlaubt sind: {', '.join(sorted(POST))}.",
        )
    for key in ("server", "absender"):
        if not isinstance(abschnitt.get(key), str) or not abschnitt[key].strip():
            raise fehler(
                "post",
                key if key in abschnitt else None,
                f"„{key}“ fehlt in [post] oder ist kein Text in Anführungszeichen – z. B. "
                + ('server = "mail.stadt.example"' if key == "server" else 'absender = "vorlagen@stadt.example"')
                + ".",
            )
    port = abschnitt.get("port", 25)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise fehler("post", "port", "„port“ ist eine Zahl von 1 bis 65535 (ohne Anführungszeichen), z. B. 587.")
    if not isinstance(abschnitt.get("starttls", False), bool):
        raise fehler("post", "starttls", "„starttls“ ist true oder false (ohne Anführungszeichen).")
    benutzer, kennwort = abschnitt.get("benutzer", ""), abschnitt.get("kennwort", "")
    if not isinstance(benutzer, str) or not isinstance(kennwort, str) or bool(benutzer) != bool(kennwort):
        raise fehler(
            "post",
            "benutzer" if "benutzer" in abschnitt else "kennwort",
            "„benutzer“ und „kennwort“ des Mailservers stehen beide in [post] (als Text) oder keins von beiden.",
        )
    return Post(abschnitt["server"], port, abschnitt["absender"], abschnitt.get("starttls", False), benutzer, kennwort)


def personen(zustand: Path, rechte: tuple[Recht, ...]) -> list[Person]:
    """Everyone the server knows: the local accounts and the people the identity provider named, with their rights."""
    with verbunden(zustand) as db:
        konten = db.execute("SELECT name, anzeigename, email, rolle, amt FROM konten").fetchall()
        genannt = db.execute("SELECT name, anzeigename, email, gruppen FROM personen").fetchall()
    leute = [Person(n, a, e, (Recht(n, "", r, amt),)) for n, a, e, r, amt in konten]
    leute += [Person(n, a, e, (), tuple(json.loads(g))) for n, a, e, g in genannt]
    return [mit_konfiguration(p, rechte) for p in leute]


def _nachricht(post: Post, an: list[str], betreff: str, text: str) -> EmailMessage:
    nachricht = EmailMessage()
    nachricht["From"], nachricht["To"], nachricht["Subject"] = post.absender, ", ".join(an), betreff
    nachricht.set_content(text)
    return nachricht


def senden(post: Post, an: list[str], betreff: str, text: str) -> str:
    """Sends one mail now and waits for the mail server: "" when it took it, else why not (German, without the
    password) – for the reminders, which remember only what was sent."""
    an = sorted({a for a in an if "@" in a})
    if not an:
        return "keine E-Mail-Adresse"
    try:
        with smtplib.SMTP(post.server, post.port, timeout=ZEIT) as smtp:
            if post.starttls:
                smtp.starttls()
            if post.benutzer:
                smtp.login(post.benutzer, post.kennwort)
            smtp.send_message(_nachricht(post, an, betreff, text))
    except (OSError, smtplib.SMTPException) as fehler:
        return (
            f"E-Mail „{betreff}“ an {', '.join(an)} nicht versandt: {type(fehler).__name__} – prüfen Sie [post] der "
            "Konfiguration und den Mailserver."
        )
    return ""


def verschicken(post: Post | None, an: list[str], betreff: str, text: str) -> threading.Thread | None:
    """Sends one mail to these addresses in the background (nothing without [post] or without an address)."""
    an = sorted({a for a in an if "@" in a})
    if post is None or not an:
        return None

    def im_hintergrund() -> None:
        meldung = senden(post, an, betreff, text)
        if meldung:
            print(meldung, file=sys.stderr, flush=True)

    faden = threading.Thread(target=im_hintergrund, name="vorlagen-post", daemon=True)
    faden.start()
    return faden
