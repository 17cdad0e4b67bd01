"""Signing in and out with a local account: the form at /anmelden (fields `benutzer` and `kennwort`), a new
session id at every sign-in, the same answer for an unknown name and a wrong password, failures slowed."""

from __future__ import annotations

import functools
import secrets
from http import HTTPStatus
from pathlib import Path

import jinja2
from flask import Flask, Response, g, redirect, request
from markupsafe import Markup
from werkzeug.wrappers.response import Response as Antwort

from vorlagen.building.bearbeiten import formularseiten
from vorlagen.building.bearbeiten.routen import WURZEL
from vorlagen.core.engine import TEMPLATES
from vorlagen.server import konten, oidc, protokoll, zugaenge
from vorlagen.server.dienstdaten import Dienst
from vorlagen.server.konfiguration import Konfiguration
from vorlagen.server.rechte import Person

COOKIE = "vorlagen_sitzung"
OIDC = "oidc:"  # the beginning of the session name of a person signed in at the identity provider
VOR = "vorlagen_anmeldung"  # the sign-in form's own token (a cookie and the same value in the form)
FALSCH = "Benutzername oder Kennwort stimmen nicht – prüfen Sie beide und versuchen Sie es noch einmal."
WARTEN = "Zu viele Fehlversuche – melden Sie sich in {sekunden} Sekunden wieder an."
NEU_LADEN = "Das Anmeldeformular ist abgelaufen – laden Sie die Seite neu und melden Sie sich an."


@functools.cache
def umgebung() -> jinja2.Environment:
    """The server's pages: its own templates (templates/server/) beside those of the editing side."""
    return formularseiten.umgebung().overlay(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(str(TEMPLATES / "server")), jinja2.FileSystemLoader(str(formularseiten.ORDNER))]
        )
    )


def seite(name: str, status: int = HTTPStatus.OK, **werte: object) -> Response:
    html = umgebung().get_template(name).render(wurzel=WURZEL, **werte)
    return Response(mit_konto(html.encode("utf-8")), status=status, mimetype="text/html")


def mit_konto(html: bytes) -> bytes:
    """A page with the signed-in person and the logout button in its head (none before signing in)."""
    person, sitzung = g.get("person"), g.get("sitzung")
    if person is None or sitzung is None:
        return html
    konto = umgebung().get_template("konto.html.j2").module.konto(person, sitzung.csrf)  # type: ignore[attr-defined]
    return html.replace(b'<header class="kopf">', b'<header class="kopf">' + str(Markup(konto)).encode(), 1)


def anmeldeseite(dienst: Dienst, status: int = HTTPStatus.OK, meldung: str = "", weiter: str | None = None) -> Response:
    """The login form (every page answers with it without a session); its own token in a cookie and the form."""
    vor = request.cookies.get(VOR) or secrets.token_urlsafe(24)
    if weiter is None:
        # after signing in: the page asked for, else "/" – the person's start page (startseite.py)
        weiter = request.path if request.method == "GET" and request.path != "/anmelden" else "/"
    antwort = seite(
        "anmelden.html.j2",
        status,
        meldung=meldung,
        vor=vor,
        weiter=weiter,
        lokal=dienst.konfiguration.lokal,
        oidc=dienst.konfiguration.oidc is not None,
    )
    antwort.set_cookie(VOR, vor, httponly=True, samesite="Strict", secure=dienst.konfiguration.tls, path="/")
    return antwort


def einrichten(app: Flask, dienst: Dienst) -> None:
    konfiguration = dienst.konfiguration
    zustand = konfiguration.zustand

    @app.get("/anmelden")
    def anmelden_seite() -> Response:
        return anmeldeseite(dienst)

    @app.post("/anmelden")
    def anmelden() -> Antwort:
        vor = request.cookies.get(VOR, "")
        if not konfiguration.lokal:
            return anmeldeseite(dienst, HTTPStatus.FORBIDDEN)
        if not vor or not secrets.compare_digest(vor.encode(), request.form.get("vor", "").encode()):
            return anmeldeseite(dienst, HTTPStatus.FORBIDDEN, NEU_LADEN)
        name, kennwort = request.form.get("benutzer", "")[:200].strip(), request.form.get("kennwort", "")[:1000]
        adresse = request.remote_addr or "-"
        warten = konten.wartezeit(zustand, name, adresse)
        if warten:
            antwort = anmeldeseite(dienst, HTTPStatus.TOO_MANY_REQUESTS, WARTEN.format(sekunden=warten))
            antwort.headers["Retry-After"] = str(warten)
            return antwort
        person = konten.pruefen(zustand, name, kennwort, adresse) if name and kennwort else None
        if person is None:
            return anmeldeseite(dienst, HTTPStatus.UNAUTHORIZED, FALSCH)
        return _angemeldet(dienst, person.name, _weiter(request.form.get("weiter")), "Anmeldung")

    @app.get("/anmelden/oidc")
    def oidc_hin() -> Antwort:
        if konfiguration.oidc is None:
            return anmeldeseite(dienst, HTTPStatus.NOT_FOUND)
        try:
            ziel = oidc.hin(konfiguration.oidc, zustand, _zurueck(konfiguration), _weiter(request.args.get("weiter")))
        except oidc.Abgelehnt as fehler:
            return anmeldeseite(dienst, HTTPStatus.BAD_GATEWAY, str(fehler))
        return redirect(ziel, HTTPStatus.SEE_OTHER)

    @app.get("/anmelden/oidc/zurueck")
    def oidc_zurueck() -> Antwort:
        if konfiguration.oidc is None:
            return anmeldeseite(dienst, HTTPStatus.NOT_FOUND)
        code, state = request.args.get("code", "")[:2000], request.args.get("state", "")[:200]
        try:
            person, weiter = oidc.zurueck(konfiguration.oidc, zustand, _zurueck(konfiguration), code, state)
        except oidc.Abgelehnt as fehler:
            return anmeldeseite(dienst, HTTPStatus.FORBIDDEN, str(fehler))
        return _angemeldet(dienst, OIDC + person.name, weiter, "Anmeldung über OpenID Connect")

    @app.post("/abmelden")
    def abmelden() -> Antwort:
        zugaenge.beenden(zustand, request.cookies.get(COOKIE))
        protokoll.eintragen(zustand, g.person.name, "Abmeldung")
        antwort = redirect("/anmelden", HTTPStatus.SEE_OTHER)
        antwort.delete_cookie(COOKIE, path="/")
        return antwort


def _weiter(weiter: str | None) -> str:
    """Where to go after signing in: a path of this server only."""
    weiter = weiter or ""
    return weiter if weiter.startswith("/") and not weiter.startswith(("//", "/\\")) else WURZEL


def _zurueck(konfiguration: Konfiguration) -> str:
    return f"{konfiguration.oeffentlich}/anmelden/oidc/zurueck"


def _angemeldet(dienst: Dienst, name: str, weiter: str, ereignis: str) -> Antwort:
    """A new session (a session id sent before never becomes it), in the audit log, and on to `weiter`."""
    zustand = dienst.konfiguration.zustand
    zugaenge.beenden(zustand, request.cookies.get(COOKIE))
    kennung = zugaenge.beginnen(zustand, name)
    protokoll.eintragen(zustand, name.removeprefix(OIDC), ereignis)
    antwort = redirect(weiter, HTTPStatus.SEE_OTHER)
    antwort.set_cookie(COOKIE, kennung, httponly=True, samesite="Lax", secure=dienst.konfiguration.tls, path="/")
    antwort.delete_cookie(VOR, path="/")
    return antwort


def person(zustand: Path, name: str) -> Person | None:
    """The person of a session: a local account, or one the identity provider named (their session's name begins
    with OIDC, so that no one signed in there becomes a local account of the same name)."""
    if name.startswith(OIDC):
        return oidc.gemerkt(zustand, name.removeprefix(OIDC))
    return konten.person(zustand, name)
