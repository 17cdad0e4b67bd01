"""What the build queue made, as the server shows it: a Vorlage's PDF, Word and text files (to those who may read
the Vorlage) and the state of the builds for the page of one Vorlage – its problems at the fields they concern,
which the page asks for every second and shows without reloading."""

from __future__ import annotations

import json
import mimetypes
import re
from http import HTTPStatus
from pathlib import Path

from flask import Flask, Response, abort, g

from vorlagen.building.bearbeiten.routen import STAND
from vorlagen.building.bearbeiten.vorlagenliste import pdf_adresse
from vorlagen.server.baumeldungen import stand_der_seite
from vorlagen.server.dienstdaten import Dienst
from vorlagen.server.rechte import darf_entwurf_sehen, darf_lesen
from vorlagen.server.vorlagenseiten import angaben, ordner_lesen

DATEI = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,200}\.(pdf|docx|txt)")  # the files of a Vorlage the server shows


def einrichten(app: Flask, dienst: Dienst) -> None:
    data = dienst.data

    @app.get(f"{STAND}<name>")
    def stand(name: str) -> Response:
        ordner = ordner_lesen(dienst, name)
        antwort = stand_der_seite(data, ordner, dienst.bauschlange.stand)
        slug = _slug(data, ordner)
        antwort["word"] = _gebaut(dienst, ordner, slug, f"{slug}.docx") is not None
        return Response(json.dumps(antwort, ensure_ascii=False), mimetype="application/json")

    @app.get("/vorlagen/<slug>/<datei>")
    @app.get("/intern/vorlagen/<slug>/<datei>")
    def datei(slug: str, datei: str) -> Response:
        ordner = _ordner_des_slugs(data, slug) if DATEI.fullmatch(datei) else None
        pfad = _gebaut(dienst, ordner, slug, datei) if ordner is not None else None
        if pfad is None:
            abort(HTTPStatus.NOT_FOUND)
        antwort = Response(pfad.read_bytes(), mimetype=mimetypes.guess_type(datei)[0] or "application/octet-stream")
        antwort.headers["Cache-Control"] = "no-store"
        return antwort


def _gebaut(dienst: Dienst, ordner: Path, slug: str, datei: str) -> Path | None:
    """The file `datei` the builds made for the Vorlage in `ordner` (output folder `slug`), as the person signed in
    may see it: a draft (kept in intern/ beside a public Vorlage's released state) only by those who may change,
    sign or schedule it; None when there is none or the person may not read the Vorlage."""
    federfuehrend, oeffentlich = angaben(ordner)
    if not darf_lesen(g.person, federfuehrend, oeffentlich):
        return None
    intern = dienst.bauschlange.ausgabe / "intern" / "vorlagen" / slug / datei
    kandidaten = [intern] if not oeffentlich or darf_entwurf_sehen(g.person, federfuehrend) else []
    if oeffentlich:
        kandidaten.append(dienst.bauschlange.ausgabe / "vorlagen" / slug / datei)
    return next((pfad for pfad in kandidaten if pfad.is_file()), None)


def _ordner_des_slugs(data: Path, slug: str) -> Path | None:
    """The folder of the Vorlage whose output is `slug` (its Nummer, or else its folder name)."""
    for ordner in sorted((data / "vorlagen").iterdir()) if (data / "vorlagen").is_dir() else []:
        if ordner.is_dir() and _slug(data, ordner) == slug:
            return ordner
    return None


def _slug(data: Path, ordner: Path) -> str:
    """The name of the Vorlage's output folder, as the build names it (its Nummer, or else its folder name)."""
    return pdf_adresse(data, ordner).split("/")[-2]
