"""The handbook in the server, read-only and without a session (issue 55, point 3: the help a person needs before
signing in): files only from the handbook's own folder – the one an installed program carries (vorlagen/handbuch/),
in a checkout the one `vorlagen hilfe` built last – never a path outside it, never the listing of a folder."""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path

from flask import Flask, Response, abort, send_from_directory

from vorlagen.core.usercache import handbuch

PFAD = "/hilfe/"
PACKAGED = Path(__file__).resolve().parents[1] / "handbuch"  # as vorlagen/cli/hilfe.py finds it
SOURCES = Path(__file__).resolve().parents[2] / "docs"
FEHLT = (
    "Das Handbuch liegt diesem Server nicht bei – installieren Sie vorlagen als Paket (es bringt das Handbuch mit) "
    "oder bauen Sie es im Repository einmal mit „vorlagen hilfe --nur-bauen“."
)


def ordner() -> Path | None:
    """The folder of the handbook's pages, None when there is none."""
    if (PACKAGED / "index.html").is_file():
        return PACKAGED
    gebaut = handbuch(SOURCES)
    if gebaut is not None and (gebaut / "html" / "index.html").is_file():
        return gebaut / "html"
    return None


def einrichten(app: Flask) -> None:
    @app.get(PFAD, defaults={"pfad": ""})
    @app.get(f"{PFAD}<path:pfad>")
    def hilfe(pfad: str) -> Response:
        wurzel = ordner()
        if wurzel is None:
            return Response(FEHLT + "\n", HTTPStatus.NOT_FOUND, mimetype="text/plain")
        if pfad == "" or pfad.endswith("/"):
            pfad += "index.html"  # a folder is its index page, never a listing
        datei = (wurzel / pfad).resolve()
        if not datei.is_relative_to(wurzel.resolve()):  # a link in the folder that points out of it
            abort(HTTPStatus.NOT_FOUND)
        # send_from_directory refuses „..“, absolute paths and anything that is not a file (404)
        return send_from_directory(wurzel, pfad)
