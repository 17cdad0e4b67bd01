"""A Vorlage's history and the comparison of two of its versions in the server: {WURZEL}verlauf/<ordner> lists the
commits that touched its folder (verlauf.py), {WURZEL}vergleich/<ordner>?alt=<commit>&neu=<commit> shows what
changed between two of them as `vergleichen` computes it (review/vorlagenvergleich, run by vergleichslauf.py) – an address
that can be sent to a colleague. Both only for those who may see the Vorlage's drafts (rechte.darf_entwurf_sehen):
the history holds every unreleased state; everyone else gets 404, as for any page they may not see. A commit named
in the address reaches git only as a full commit id of HEAD's history."""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path

from flask import Flask, Response, abort, g, request

from vorlagen.building.bearbeiten.routen import WURZEL
from vorlagen.core.engine import TEMPLATES
from vorlagen.core.fmt import gekuerzt
from vorlagen.load.settings import SETTINGS, wurzel_von
from vorlagen.review.vorlagenvergleich import wortteile
from vorlagen.server import vergleichslauf, verlauf
from vorlagen.server.anmeldung import seite
from vorlagen.server.dienstdaten import Dienst
from vorlagen.server.rechte import darf_entwurf_sehen
from vorlagen.server.vorlagenseiten import angaben, ordner_lesen

KEINE_ID = (
    "„{wert}“ ist keine Commit-ID – der Vergleich braucht für „alt“ und „neu“ je die volle Kennung eines Commits "
    "(40 Zeichen 0–9 und a–f); wählen Sie die beiden Fassungen im Verlauf der Vorlage: {adresse}"
)
KEIN_COMMIT = (
    "Den Commit „{wert}“ gibt es im Verlauf dieses Servers nicht – wählen Sie die beiden Fassungen im Verlauf der "
    "Vorlage: {adresse}"
)


def _text(status: int, meldung: str) -> Response:
    return Response(meldung + "\n", status=status, mimetype="text/plain")


def _ordner(dienst: Dienst, name: str) -> Path:
    """The Vorlage's folder, for a person who may see its drafts; 404 for everyone else."""
    gefunden = ordner_lesen(dienst, name)
    if not darf_entwurf_sehen(g.person, angaben(gefunden)[0]):
        abort(HTTPStatus.NOT_FOUND)
    return gefunden


def _commit(wurzel: Path, feld: str, adresse: str) -> str:
    """The commit named by the address's field `feld`: 400 when it is no full commit id, 404 when it is none of
    HEAD's history."""
    wert = request.args.get(feld, "")
    gezeigt = gekuerzt(wert, 70)
    if not verlauf.ist_commit_id(wert):
        abort(_text(HTTPStatus.BAD_REQUEST, KEINE_ID.format(wert=gezeigt, adresse=adresse)))
    if not verlauf.im_verlauf(wurzel, wert):
        abort(_text(HTTPStatus.NOT_FOUND, KEIN_COMMIT.format(wert=gezeigt, adresse=adresse)))
    return wert


def einrichten(app: Flask, dienst: Dienst) -> None:
    data = dienst.data

    @app.get(f"{WURZEL}verlauf.css")
    def verlauf_css() -> Response:
        return Response((TEMPLATES / "server" / "verlauf.css").read_bytes(), mimetype="text/css")

    @app.get(f"{WURZEL}verlauf/<name>")
    def verlauf_(name: str) -> Response:
        gefunden = _ordner(dienst, name)
        try:
            eintraege = verlauf.eintraege(wurzel_von(data), gefunden)
        except verlauf.VerlaufFehlt as fehler:
            return _text(HTTPStatus.INTERNAL_SERVER_ERROR, str(fehler))
        return seite(
            "verlauf.html.j2",
            ordner=gefunden.name,
            eintraege=eintraege,
            grenze=verlauf.MAX_EINTRAEGE,
        )

    @app.get(f"{WURZEL}vergleich/<name>")
    def vergleich(name: str) -> Response:
        gefunden = _ordner(dienst, name)
        wurzel = wurzel_von(data)
        zurueck = dienst.konfiguration.oeffentlich + verlauf.adresse(gefunden.name)
        alt, neu = _commit(wurzel, "alt", zurueck), _commit(wurzel, "neu", zurueck)
        try:
            ergebnis = vergleichslauf.vergleichen(data, alt, neu, gefunden.name, wurzel / SETTINGS)
        except vergleichslauf.Abgebrochen as abbruch:
            antwort = _text(HTTPStatus.SERVICE_UNAVAILABLE, str(abbruch))
            antwort.headers["Retry-After"] = "60"
            return antwort
        return seite(
            "vergleich.html.j2",
            HTTPStatus.UNPROCESSABLE_ENTITY if ergebnis.probleme else HTTPStatus.OK,
            ordner=gefunden.name,
            alt=verlauf.eintrag(wurzel, alt),
            neu=verlauf.eintrag(wurzel, neu),
            ergebnis=ergebnis,
            wortteile=wortteile,
            adresse=dienst.konfiguration.oeffentlich + request.full_path,
            verlauf_adresse=verlauf.adresse(gefunden.name),
        )
