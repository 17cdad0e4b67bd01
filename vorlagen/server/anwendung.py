"""The server's web application (Flask, served by waitress): the checks every request passes before its page –
Host, Origin of a write, a live session (else the login answers), the CSRF token of a write – and the headers
every answer carries. The pages themselves: anmeldung.py (sign-in and out), vorlagenseiten.py (the Vorlagen), mitzeichnen.py (their
sign-offs) and sitzungsdienst.py (a Sitzung's agenda, Mappen and publish bundle)."""

from __future__ import annotations

import threading
from http import HTTPStatus
from pathlib import Path

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException

from vorlagen.building.bearbeiten.routen import MAX_FELDER, WURZEL
from vorlagen.load.settings import wurzel_von
from vorlagen.server import (
    anmeldung,
    ausgabeseiten,
    entwuerfe,
    fehlerseiten,
    gitstand,
    hilfeseiten,
    mitzeichnen,
    niederschriftseiten,
    protokoll,
    proxy,
    schutz,
    sitzungsdienst,
    startseite,
    vergleichsseiten,
    vorlagenseiten,
    zugaenge,
)
from vorlagen.server.bauschlange import Bauschlange
from vorlagen.server.dienstdaten import Dienst
from vorlagen.server.konfiguration import Konfiguration
from vorlagen.server.rechte import mit_konfiguration

MAX_FORMULAR = 4 * 1024 * 1024  # bytes of a sent form, as the preview takes them
OFFEN = ("/anmelden", f"{WURZEL}statisch/", hilfeseiten.PFAD)  # answered without a session
ABGELAUFEN = (
    "Dieses Formular gehört zu einer früheren Anmeldung (oder zu keiner) – laden Sie die Seite neu; "
    "Ihre Eingaben sind nicht gespeichert."
)


def text(status: int, meldung: str) -> Response:
    return Response(meldung + "\n", status=status, mimetype="text/plain")


def _ohne_sitzung(dienst: Dienst) -> Response:
    """The login; a Vorlage's form sent after the session expired is kept and offered again after signing in."""
    formular = request.method == "POST" and request.mimetype == "application/x-www-form-urlencoded"
    if not (formular and request.path.startswith(f"{WURZEL}vorlage/")):
        return anmeldung.anmeldeseite(dienst, HTTPStatus.UNAUTHORIZED)
    felder = {key: werte[-1] for key, werte in request.form.lists() if key != "token"}
    kennung = entwuerfe.aufbewahren(dienst.konfiguration.zustand, request.path, felder)
    antwort = anmeldung.anmeldeseite(dienst, HTTPStatus.UNAUTHORIZED, entwuerfe.AUFBEWAHRT, request.path)
    antwort.set_cookie(entwuerfe.COOKIE, kennung, httponly=True, samesite="Lax", secure=dienst.konfiguration.tls)
    return antwort


def anwendung(konfiguration: Konfiguration, data: Path, bauschlange: Bauschlange) -> Flask:
    app = Flask("vorlagen.server", static_folder=None)
    app.config.update(MAX_CONTENT_LENGTH=MAX_FORMULAR, MAX_FORM_PARTS=MAX_FELDER, MAX_FORM_MEMORY_SIZE=MAX_FORMULAR)
    dienst = Dienst(konfiguration, data, threading.Lock(), bauschlange, gitstand.kopf(wurzel_von(data)))
    adresse = konfiguration.oeffentlich

    @app.before_request
    def pruefen() -> Response | None:
        if not schutz.host_erlaubt(konfiguration, request.host):
            return text(HTTPStatus.BAD_REQUEST, schutz.FREMDER_HOST.format(adresse=adresse))
        if request.method == "POST" and not schutz.origin_erlaubt(konfiguration, request.headers.getlist("Origin")):
            return text(HTTPStatus.FORBIDDEN, schutz.FREMDE_SEITE.format(adresse=adresse))
        if request.path.startswith(OFFEN):
            return None
        sitzung = zugaenge.finden(
            konfiguration.zustand, request.cookies.get(anmeldung.COOKIE), konfiguration.sitzung_minuten
        )
        vom_proxy = proxy.person(konfiguration, request.remote_addr, request.headers)
        if vom_proxy is not None and (sitzung is None or sitzung.name != vom_proxy.name):
            g.neue_kennung = zugaenge.beginnen(konfiguration.zustand, vom_proxy.name)
            sitzung = zugaenge.finden(konfiguration.zustand, g.neue_kennung, konfiguration.sitzung_minuten)
            protokoll.eintragen(konfiguration.zustand, vom_proxy.name, "Anmeldung über den Reverse-Proxy")
        person = vom_proxy or (anmeldung.person(konfiguration.zustand, sitzung.name) if sitzung else None)
        if sitzung is None or person is None:
            return _ohne_sitzung(dienst)
        g.sitzung, g.person = sitzung, mit_konfiguration(person, konfiguration.rechte)
        if request.method == "POST":
            if request.mimetype != "application/x-www-form-urlencoded":
                return text(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Der Server nimmt Formulare nur als "
                    "application/x-www-form-urlencoded an – senden Sie das Formular aus der Seite.",
                )
            # only from the form's body: a token in the address would end up in the logs of a reverse proxy
            if not zugaenge.csrf_echt(sitzung, request.form.get("token")):
                return text(HTTPStatus.FORBIDDEN, ABGELAUFEN)
        return None

    @app.after_request
    def kopf(antwort: Response) -> Response:
        antwort.headers.update(schutz.kopfzeilen(konfiguration))
        if g.get("neue_kennung"):  # a session begun for the reverse proxy's user
            antwort.set_cookie(
                anmeldung.COOKIE, g.neue_kennung, httponly=True, samesite="Lax", secure=konfiguration.tls, path="/"
            )
        return antwort

    @app.errorhandler(HTTPStatus.NOT_FOUND)
    def fehlt(_error: HTTPException) -> Response:
        return text(
            HTTPStatus.NOT_FOUND,
            f"Diese Seite gibt es nicht (oder Sie dürfen sie nicht sehen) – zur Übersicht: {adresse}{WURZEL}",
        )

    @app.errorhandler(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    def zu_gross(_error: HTTPException) -> Response:
        return text(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "Das Formular ist größer als 4 MB – so viel nimmt der Server nicht an."
        )

    @app.errorhandler(HTTPStatus.METHOD_NOT_ALLOWED)
    def methode(_error: HTTPException) -> Response:
        return text(HTTPStatus.METHOD_NOT_ALLOWED, "Diese Adresse nimmt diese Art Anfrage nicht an.")

    fehlerseiten.einrichten(app)
    anmeldung.einrichten(app, dienst)
    vorlagenseiten.einrichten(app, dienst)
    ausgabeseiten.einrichten(app, dienst)
    mitzeichnen.einrichten(app, dienst)
    startseite.einrichten(app, dienst)
    sitzungsdienst.einrichten(app, dienst)
    vergleichsseiten.einrichten(app, dienst)
    niederschriftseiten.einrichten(app, dienst)
    hilfeseiten.einrichten(app)
    return app
