"""Every answer in German, also those the server's stack gives on its own. waitress answers a request it cannot read
(a broken start line, a head over its limit, a wrong Content-Length or chunk) before the application sees it, and
Flask answers an HTTP error the pages do not handle themselves and an exception of the program – by default in
English, with the library's name. Here both answer with a German line that says what to do; an exception of the
program goes with its traceback to the service's log (journalctl), never to the page."""

from __future__ import annotations

import sys
import traceback
from http import HTTPStatus

from flask import Flask, Response
from waitress.channel import HTTPChannel
from waitress.task import ErrorTask
from werkzeug.exceptions import HTTPException

TEXTE = {
    HTTPStatus.BAD_REQUEST: (
        "Diese Anfrage kann der Server nicht lesen – öffnen Sie die Seite neu aus dem Browser; nichts ist gespeichert."
    ),
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE: "Die Anfrage ist größer, als der Server annimmt – nichts ist gespeichert.",
    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE: (
        "Die Kopfzeilen der Anfrage sind zu lang – löschen Sie die Cookies dieser Seite im Browser und melden Sie sich "
        "neu an."
    ),
    HTTPStatus.INTERNAL_SERVER_ERROR: (
        "Ein interner Fehler des Servers – Ihre Eingaben sind nicht gespeichert. Versuchen Sie es noch einmal; bleibt "
        "der Fehler, nennen Sie der IT die Uhrzeit (das Protokoll des Dienstes sagt, was geschah)."
    ),
    HTTPStatus.NOT_IMPLEMENTED: "Diese Art Anfrage nimmt der Server nicht an.",
}


def text(code: int) -> str:
    """The German line for an HTTP error the pages do not answer themselves."""
    try:
        status = HTTPStatus(code)
    except ValueError:
        status = HTTPStatus.BAD_REQUEST
    return TEXTE.get(status, f"Diese Anfrage lässt sich nicht bearbeiten (HTTP {code}) – öffnen Sie die Seite neu.")


def _antwort(code: int) -> Response:
    return Response(text(code) + "\n", status=code, mimetype="text/plain")


class _Fehlerseite(ErrorTask):
    """waitress's answer to a request it could not read, in German (its own is English and names the library)."""

    def execute(self) -> None:
        code = self.request.error.code
        body = (text(code) + "\n").encode("utf-8")
        self.status = f"{code} {HTTPStatus(code).phrase}"
        self.response_headers.append(("Content-Type", "text/plain; charset=utf-8"))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class Kanal(HTTPChannel):
    """waitress's connection, answering what it cannot read in German."""

    error_task_class = _Fehlerseite


def einrichten(app: Flask) -> None:
    """Flask's answers to HTTP errors and exceptions that no page answers itself, in German."""

    @app.errorhandler(HTTPException)
    def http_fehler(fehler: HTTPException) -> Response:
        return _antwort(fehler.code or HTTPStatus.BAD_REQUEST)

    @app.errorhandler(Exception)
    def programmfehler(fehler: Exception) -> Response:
        print(
            "Interner Fehler beim Beantworten einer Anfrage – bitte mit diesem Protokoll melden:\n"
            + "".join(traceback.format_exception(fehler)),
            file=sys.stderr,
            flush=True,
        )
        return _antwort(HTTPStatus.INTERNAL_SERVER_ERROR)
