"""The Vorlagen in the server: the list a person may see, a Vorlage's form (the editing side's page), its save
(speichern.py: merged, committed by the person) and the decision where two people changed the same field. Every
page checks the person's right first (rechte.py)."""

from __future__ import annotations

import base64
import sys
import urllib.parse
from http import HTTPStatus
from pathlib import Path

from flask import Flask, Response, abort, g, redirect, request
from werkzeug.wrappers.response import Response as Antwort

from vorlagen.building.bearbeiten import bearbeitung, formularseiten, routen
from vorlagen.building.bearbeiten.bearbeitung import YAML, lesen
from vorlagen.building.bearbeiten.entwurf import Eingabe
from vorlagen.building.bearbeiten.routen import WURZEL, Bearbeiten
from vorlagen.core.problems import Paths
from vorlagen.load.settings import wurzel_von
from vorlagen.load.yamlfile import Mapping, Scalar
from vorlagen.server import entwuerfe, gitstand, protokoll, speichern, verlauf
from vorlagen.server.anmeldung import mit_konto, seite
from vorlagen.server.dienstdaten import Dienst
from vorlagen.server.rechte import darf_bearbeiten, darf_entwurf_sehen, darf_lesen
from vorlagen.server.staende import Staende

KEIN_RECHT = (
    "Diese Vorlage darf nur die Sachbearbeitung ihres federführenden Amts ändern – Ihr Konto hat dieses "
    "Recht nicht; nichts gespeichert."
)
FREMDES_AMT = "Federführend kann nur ein Amt sein, für das Sie Sachbearbeitung haben ({aemter}) – nichts gespeichert."


def angaben(ordner: Path) -> tuple[str | None, bool]:
    """(federführendes Amt, öffentlich) of a Vorlage as its vorlage.yaml says now."""
    node = bearbeitung.knoten(ordner / YAML, lesen(ordner / YAML) or "", Paths())[0]
    eintraege = node.entries if isinstance(node, Mapping) else {}

    def wert(key: str) -> str | None:
        value = eintraege.get(key, (None, None))[1]
        return value.text if isinstance(value, Scalar) and not value.is_null else None

    return wert("federfuehrend"), wert("oeffentlich") != "false"


def _staende(dienst: Dienst) -> Staende:
    return Staende(dienst.konfiguration.zustand, g.sitzung.csrf)


def _bearbeiten(dienst: Dienst) -> Bearbeiten:
    return Bearbeiten(dienst.data, lambda: dienst.bauschlange.stand.version, _staende(dienst))


def ordner_lesen(dienst: Dienst, name: str, schreiben: bool = False) -> Path:
    """The folder of a Vorlage the person may see (and change); 404 for one they may not see, 403 for a write they
    may not make."""
    gefunden = bearbeitung.vorlagenordner(dienst.data, name)
    if gefunden is None:
        abort(HTTPStatus.NOT_FOUND)
    federfuehrend, oeffentlich = angaben(gefunden)
    if not darf_lesen(g.person, federfuehrend, oeffentlich):
        abort(HTTPStatus.NOT_FOUND)
    if schreiben and not darf_bearbeiten(g.person, federfuehrend):
        abort(Response(KEIN_RECHT + "\n", HTTPStatus.FORBIDDEN, mimetype="text/plain"))
    amt = request.form.get("f:federfuehrend") if schreiben else None
    if amt is not None and amt not in g.person.aemter():
        aemter = ", ".join(sorted(g.person.aemter()))
        abort(Response(FREMDES_AMT.format(aemter=aemter) + "\n", HTTPStatus.FORBIDDEN, mimetype="text/plain"))
    return gefunden


def abgleichen(dienst: Dienst, holen: bool = False, senden: bool = False) -> None:
    """With a remote in the configuration: its new commits brought in, or this server's pushed; what did not work
    goes to the service's log (the save itself stands). A HEAD that moved since the last look (a save, a pull, a
    commit made in the repository by hand) asks the build queue for a build."""
    remote = dienst.konfiguration.remote
    wurzel = wurzel_von(dienst.data)
    if remote and (holen or senden):
        try:
            meldung = gitstand.holen(wurzel, remote, g.person) if holen else gitstand.senden(wurzel, remote)
        except gitstand.GitFehler as fehler:
            meldung = str(fehler)
        if meldung:
            print(meldung, file=sys.stderr, flush=True)
    kopf = gitstand.kopf(wurzel)
    if kopf != dienst.kopf:
        dienst.kopf = kopf
        dienst.bauschlange.anstossen()


def mit_stand(dienst: Dienst, ordner: Path, html: bytes) -> bytes:
    """A Vorlage's page with the state of its sign-offs under its heading and the way to its sign-off page."""
    from markupsafe import escape

    from vorlagen.server import mitzeichnungsablauf as ablauf

    schritte = list(ablauf.letzte(dienst.konfiguration.zustand, ordner.name).values())
    stand = ablauf.beschreibung(schritte) or "noch nicht zur Mitzeichnung gesandt"
    adresse = f"{WURZEL}mitzeichnung/{urllib.parse.quote(ordner.name)}"
    verweis = f' – <a href="{escape(adresse)}">Mitzeichnung: senden, zeichnen, zurückgeben</a>'
    if not darf_entwurf_sehen(g.person, angaben(ordner)[0]):  # its page is for those who work on the draft
        verweis = ""
    kasten = f'<p class="mitzeichnungsstand" id="mitzeichnungsstand">Mitzeichnung: {escape(stand)}{verweis}</p>'
    return html.replace(b"</h1>", b"</h1>" + kasten.encode("utf-8"), 1)


def einrichten(app: Flask, dienst: Dienst) -> None:
    _lesen(app, dienst)
    _schreiben(app, dienst)


def _lesen(app: Flask, dienst: Dienst) -> None:
    """The pages that read: the list, a Vorlage's form, a formula's value."""
    data = dienst.data

    @app.get("/")
    def start() -> Antwort:  # the person's start page (startseite.py)
        return redirect(f"{WURZEL}start", HTTPStatus.SEE_OTHER)

    @app.get(f"{WURZEL}statisch/<name>")
    def statisch(name: str) -> Response:
        datei = formularseiten.statisch(name)
        if datei is None:
            abort(HTTPStatus.NOT_FOUND)
        return Response(datei[0], mimetype=datei[1].split(";")[0])

    @app.get(WURZEL)
    def uebersicht() -> Response:
        from vorlagen.building.bearbeiten.neu import SCHRITTE, auswahl
        from vorlagen.building.bearbeiten.vorlagenliste import eintraege

        sichtbar = [e for e in eintraege(data) if darf_lesen(g.person, *angaben(data / "vorlagen" / e.ordner))]
        return seite(
            "uebersicht.html.j2",
            vorlagen=sichtbar,
            token=g.sitzung.csrf,
            token_im_feld=True,
            auswahl=auswahl(data),
            schritte=SCHRITTE,
            meldungen=[],
            werte={},
        )

    @app.get(f"{WURZEL}vorlage/<name>")
    def vorlage(name: str) -> Response:
        gefunden = ordner_lesen(dienst, name)
        with dienst.speichern:
            abgleichen(dienst, holen=True)
        aufbewahrt = entwuerfe.nehmen(dienst.konfiguration.zustand, request.cookies.get(entwuerfe.COOKIE), request.path)
        if aufbewahrt is not None:  # the input of an expired session, shown again – nothing written
            offen = bearbeitung.entwurf(data, gefunden, Eingabe(aufbewahrt), _staende(dienst))
            offen.allgemein.insert(0, entwuerfe.WIEDER)
        else:
            offen = bearbeitung.oeffnen(data, gefunden, _staende(dienst))
            gespeichert = request.args.get("gespeichert", "")
            offen.gespeichert = [n for n in gespeichert.split(",") if n]
        html = mit_stand(dienst, gefunden, mit_konto(routen.vorlage_seite(_bearbeiten(dienst), offen)))
        html = verlauf.verweis(html, gefunden.name, darf_entwurf_sehen(g.person, angaben(gefunden)[0]))
        antwort = Response(html, mimetype="text/html")
        antwort.delete_cookie(entwuerfe.COOKIE)
        return antwort

    @app.post(f"{WURZEL}formel/<name>")
    def formel(name: str) -> Response:
        gefunden = ordner_lesen(dienst, name)
        return Response(routen.formel_text(_bearbeiten(dienst), gefunden, _eingabe()), mimetype="text/plain")


def _schreiben(app: Flask, dienst: Dienst) -> None:
    """The writes: a save, and the decision where two people changed the same field."""
    data = dienst.data

    @app.post(f"{WURZEL}vorlage/<name>")
    def speichern_(name: str) -> Antwort:
        gefunden, eingabe = ordner_lesen(dienst, name, schreiben=True), _eingabe()
        with dienst.speichern:
            if eingabe.aktion != "speichern":
                offen = bearbeitung.bearbeiten(data, gefunden, eingabe, _staende(dienst))
                return Response(mit_konto(routen.vorlage_seite(_bearbeiten(dienst), offen)), mimetype="text/html")
            try:
                abgleichen(dienst, holen=True)
                ergebnis = speichern.speichern(data, gefunden, eingabe, _staende(dienst), g.person)
                abgleichen(dienst, senden=bool(ergebnis.commit))
            except gitstand.GitFehler as fehler:
                return Response(str(fehler) + "\n", HTTPStatus.INTERNAL_SERVER_ERROR, mimetype="text/plain")
        return _antwort(gefunden, ergebnis)

    @app.post(f"{WURZEL}entscheiden/<name>")
    def entscheiden(name: str) -> Antwort:
        gefunden = ordner_lesen(dienst, name, schreiben=True)
        meins, basis, anderer, wahl = speichern.entschieden({k: v[-1] for k, v in request.form.lists()})
        erlaubt = {
            YAML,
            *bearbeitung.textnamen(gefunden, bearbeitung.knoten(gefunden / YAML, meins.get(YAML, ""), Paths())[0]),
        }
        meins = {n: t for n, t in meins.items() if n in erlaubt}
        if YAML not in meins:
            abort(HTTPStatus.BAD_REQUEST)
        with dienst.speichern:
            eigene = _staende(dienst)
            if any(eigene.merken(lesen(gefunden / n)) != anderer.get(n) for n in meins):
                wahl = {}  # changed again since the question: asked anew, with the values now
            try:
                ergebnis = speichern.zusammen(data, gefunden, meins, basis, eigene, g.person, wahl)
                abgleichen(dienst, senden=bool(ergebnis.commit))
            except gitstand.GitFehler as fehler:
                return Response(str(fehler) + "\n", HTTPStatus.INTERNAL_SERVER_ERROR, mimetype="text/plain")
        return _antwort(gefunden, ergebnis)

    def _antwort(gefunden: Path, ergebnis: speichern.Ergebnis) -> Antwort:
        if ergebnis.fragen:
            return seite(
                "konflikt.html.j2",
                HTTPStatus.CONFLICT,
                ordner=gefunden.name,
                ergebnis=ergebnis,
                token=g.sitzung.csrf,
                b64=lambda t: base64.b64encode(t.encode("utf-8")).decode("ascii"),
            )
        offen = ergebnis.seite
        if offen.gespeichert:
            protokoll.eintragen(
                dienst.konfiguration.zustand, g.person.name, "Speichern", gefunden.name, ergebnis.commit
            )
            ziel = f"{WURZEL}vorlage/{gefunden.name}?gespeichert={urllib.parse.quote(','.join(offen.gespeichert))}"
            return redirect(ziel, HTTPStatus.SEE_OTHER)
        status = HTTPStatus.CONFLICT if offen.konflikte else HTTPStatus.OK
        if offen.meldungen or offen.allgemein:
            status = HTTPStatus.UNPROCESSABLE_ENTITY
        return Response(mit_konto(routen.vorlage_seite(_bearbeiten(dienst), offen)), status, mimetype="text/html")


def _eingabe() -> Eingabe:
    felder = {key: werte[-1] for key, werte in request.form.lists()}
    return Eingabe(felder, request.form.getlist("aktion")[-1] if "aktion" in request.form else "speichern")
