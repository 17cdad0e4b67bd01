"""Signing in with the town's identity provider (OpenID Connect, authorization code flow with PKCE): the way there
(state, nonce and verifier kept in the state file for ten minutes), the way back (the code exchanged at the token
endpoint with the client's secret, the ID token's signature, issuer, audience, expiry and nonce checked with joserfc,
the claims read from the userinfo endpoint), and the person it names with their groups."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
import urllib.parse
import urllib.request
from pathlib import Path

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from vorlagen.server.konfiguration import Oidc
from vorlagen.server.rechte import Person
from vorlagen.server.zustand import verbunden

ZEIT = 10  # seconds an answer of the identity provider may take
GROESSE = 1024 * 1024  # bytes of an answer of the identity provider
GUELTIG = 10 * 60  # seconds between leaving for the provider and coming back
SCOPE = "openid profile email groups"


class Abgelehnt(Exception):
    """The sign-in did not succeed: the German message for the page (never a secret, never the provider's text)."""


def _holen(adresse: str, daten: dict | None = None, kopf: dict | None = None) -> dict:
    body = urllib.parse.urlencode(daten).encode() if daten is not None else None
    anfrage = urllib.request.Request(adresse, data=body, headers={"Accept": "application/json", **(kopf or {})})
    try:
        with urllib.request.urlopen(anfrage, timeout=ZEIT) as antwort:  # the configured provider only
            return json.loads(antwort.read(GROESSE + 1)[:GROESSE])
    except (OSError, ValueError):
        raise Abgelehnt(
            "Der Identitätsanbieter antwortet nicht oder nicht verständlich – versuchen Sie es gleich "
            "noch einmal; bleibt es so, fragen Sie die IT."
        ) from None


def _beschreibung(oidc: Oidc) -> dict:
    return _holen(f"{oidc.anbieter}/.well-known/openid-configuration")


def _challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def hin(oidc: Oidc, zustand: Path, zurueck: str, weiter: str) -> str:
    """The address of the provider's sign-in for this request (its state kept)."""
    state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
    jetzt = time.time()
    with verbunden(zustand) as db:
        db.execute("DELETE FROM oidc_anfragen WHERE zeit < ?", (jetzt - GUELTIG,))
        db.execute("INSERT INTO oidc_anfragen VALUES (?, ?, ?, ?, ?)", (state, nonce, verifier, weiter, jetzt))
    abfrage = {
        "response_type": "code",
        "client_id": oidc.client_id,
        "redirect_uri": zurueck,
        "scope": SCOPE,
        "state": state,
        "nonce": nonce,
        "code_challenge": _challenge(verifier),
        "code_challenge_method": "S256",
    }
    return f"{_beschreibung(oidc)['authorization_endpoint']}?{urllib.parse.urlencode(abfrage)}"


def zurueck(oidc: Oidc, zustand: Path, adresse: str, code: str, state: str) -> tuple[Person, str]:
    """The person the provider signed in, and where they wanted to go; Abgelehnt when anything does not fit."""
    with verbunden(zustand) as db:
        zeile = db.execute(
            "SELECT nonce, verifier, weiter, zeit FROM oidc_anfragen WHERE state = ?", (state,)
        ).fetchone()
        db.execute("DELETE FROM oidc_anfragen WHERE state = ?", (state,))
    if zeile is None or zeile[3] < time.time() - GUELTIG or not code:
        raise Abgelehnt(
            "Diese Anmeldung ist abgelaufen oder gehört nicht zu diesem Browser – melden Sie sich noch einmal an."
        )
    nonce, verifier, weiter, _ = zeile
    beschreibung = _beschreibung(oidc)
    zugang = base64.b64encode(
        f"{urllib.parse.quote(oidc.client_id)}:{urllib.parse.quote(oidc.client_secret)}".encode()
    ).decode()
    token = _holen(
        beschreibung["token_endpoint"],
        {"grant_type": "authorization_code", "code": code, "redirect_uri": adresse, "code_verifier": verifier},
        {"Authorization": f"Basic {zugang}"},
    )
    _pruefen(oidc, beschreibung, str(token.get("id_token", "")), nonce)
    angaben = _holen(beschreibung["userinfo_endpoint"], kopf={"Authorization": f"Bearer {token.get('access_token')}"})
    return _person(oidc, zustand, angaben), weiter


def _pruefen(oidc: Oidc, beschreibung: dict, id_token: str, nonce: str) -> None:
    """The ID token: signed by the provider's keys, for this client, from this issuer, not expired, this nonce."""
    try:
        schluessel = KeySet.import_key_set(_holen(beschreibung["jwks_uri"]))  # type: ignore[arg-type]
        inhalt = jwt.decode(id_token, schluessel).claims
        jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": beschreibung["issuer"]},
            aud={"essential": True, "value": oidc.client_id},
            nonce={"essential": True, "value": nonce},
            exp={"essential": True},
        ).validate(inhalt)
    except (JoseError, ValueError, KeyError, TypeError):
        raise Abgelehnt(
            "Die Antwort des Identitätsanbieters ließ sich nicht bestätigen (Signatur, Empfänger oder "
            "Gültigkeit) – melden Sie sich noch einmal an; bleibt es so, fragen Sie die IT."
        ) from None


def _person(oidc: Oidc, zustand: Path, angaben: dict) -> Person:
    name = str(angaben.get(oidc.benutzer) or angaben.get("sub") or "")
    if not name or len(name) > 200:
        raise Abgelehnt(f"Der Identitätsanbieter nennt keinen Benutzernamen („{oidc.benutzer}“) – fragen Sie die IT.")
    gruppen = angaben.get(oidc.gruppen) or []
    gruppen = tuple(str(g) for g in gruppen) if isinstance(gruppen, list) else ()
    anzeigename, email = str(angaben.get("name") or name), str(angaben.get("email") or "")
    with verbunden(zustand) as db:
        db.execute(
            "INSERT OR REPLACE INTO personen VALUES (?, ?, ?, ?, ?)",
            (name, anzeigename, email, json.dumps(gruppen), time.time()),
        )
    return Person(name, anzeigename, email, (), gruppen)


def gemerkt(zustand: Path, name: str) -> Person | None:
    """A person the provider named at their last sign-in (for the requests of their session)."""
    with verbunden(zustand) as db:
        zeile = db.execute("SELECT anzeigename, email, gruppen FROM personen WHERE name = ?", (name,)).fetchone()
    return None if zeile is None else Person(name, zeile[0], zeile[1], (), tuple(json.loads(zeile[2])))
