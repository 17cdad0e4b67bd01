"""The Sitzungsdienst's page of one Sitzung: its agenda – a released Vorlage put on it (public or non-public part, at
a chosen place), a TOP moved or removed, each a commit by the person (tagesordnungsdatei.py) –, the agenda,
Sitzungsmappen and publish bundle built with one click (the build queue builds them as `vorlagen sitzung` does, under
the same rules: building/freigaben.py), the bundle's contents shown before it is published, and the bundle handed on
as one ZIP, recorded in the audit log. Only the Sitzungsdienst sees or does any of it."""

from __future__ import annotations

import hashlib
import urllib.parse
from http import HTTPStatus
from pathlib import Path

from flask import Flask, Response, abort, g, redirect, request
from werkzeug.wrappers.response import Response as Antwort

from vorlagen.building.bearbeiten.routen import WURZEL
from vorlagen.core.problems import BuildFailed
from vorlagen.core.schreibvorgang import stand_von
from vorlagen.meetings.publish import CHECKSUMS
from vorlagen.server import gitstand, protokoll, veroeffentlichungspaket
from vorlagen.server import tagesordnungsdatei as datei
from vorlagen.server.anmeldung import seite
from vorlagen.server.sitzungsseite import werte
from vorlagen.server.vorlagenseiten import abgleichen

SEITE = f"{WURZEL}sitzung/"  # + the Sitzung's id
KEIN_RECHT = (
    "Tagesordnung, Sitzungsmappe und Veröffentlichung bearbeitet nur der Sitzungsdienst – Ihr Konto hat dieses Recht "
    "nicht; nichts geändert."
)
ENTWURF = (
    "Die Vorlage {bezeichnung} ist noch ein ENTWURF – offen ist die Mitzeichnung: {wer}. Auf eine Tagesordnung kommt "
    "sie erst, wenn alle verlangten Mitzeichnungen gelten; nichts geändert."
)
VERALTET = (
    "Die Tagesordnung wurde geändert, seit Sie die Seite geöffnet haben – laden Sie die Seite neu und versuchen Sie es "
    "dann noch einmal; nichts geändert."
)
PAKET_GEAENDERT = (
    "Das Veröffentlichungspaket ist neu gebaut worden, seit Sie die Seite geöffnet haben – prüfen Sie seinen Inhalt "
    "neu; nichts veröffentlicht."
)
ERLEDIGT = {
    "gesetzt": "Auf die Tagesordnung gesetzt – eingetragen als Commit unter Ihrem Namen.",
    "entfernt": "Von der Tagesordnung genommen – eingetragen als Commit unter Ihrem Namen.",
    "verschoben": "Verschoben – eingetragen als Commit unter Ihrem Namen.",
}


def _text(status: int, meldung: str) -> Response:
    return Response(meldung + "\n", status=status, mimetype="text/plain")


def _pfad(dienst, kennung: str) -> Path:
    """The Sitzung's file, for the Sitzungsdienst only: 403 for everyone else, 404 for a Sitzung that is not there."""
    if "Sitzungsdienst" not in g.person.rollen():
        abort(_text(HTTPStatus.FORBIDDEN, KEIN_RECHT))
    pfad = datei.datei(dienst.data, kennung)
    if pfad is None:
        abort(HTTPStatus.NOT_FOUND)
    return pfad


def _zurueck(kennung: str, **anfrage: str | int) -> Antwort:
    ziel = SEITE + urllib.parse.quote(kennung) + ("?" + urllib.parse.urlencode(anfrage) if anfrage else "")
    return redirect(ziel, HTTPStatus.SEE_OTHER)


def summe(ausgabe: Path, kennung: str) -> str:
    """The digest of the bundle's SHA256SUMS: which bundle the page showed ("" when there is none)."""
    try:
        return hashlib.sha256((veroeffentlichungspaket.ordner(ausgabe, kennung) / CHECKSUMS).read_bytes()).hexdigest()
    except OSError:
        return ""


def einrichten(app: Flask, dienst) -> None:
    _seiten(app, dienst)
    _tagesordnung(app, dienst)
    _bauen(app, dienst)


def _seiten(app: Flask, dienst) -> None:
    @app.get(f"{SEITE}<kennung>")
    def sitzung(kennung: str):
        pfad = _pfad(dienst, kennung)
        auftrag = request.args.get("bau", "")
        ergebnis = werte(dienst, kennung, pfad, int(auftrag) if auftrag.isdigit() else 0)
        antwort = seite(
            "sitzung.html.j2",
            kennung=kennung,
            token=g.sitzung.csrf,
            seite_adresse=SEITE + urllib.parse.quote(kennung),
            erledigt=ERLEDIGT.get(request.args.get("erledigt", ""), ""),
            summe=summe(dienst.bauschlange.ausgabe, kennung),
            **ergebnis,
        )
        if ergebnis["bau_laeuft"]:
            antwort.headers["Refresh"] = "3"  # until the build asked for is done
        return antwort

    @app.get(f"{SEITE}<kennung>/paket/<name>")
    def paketdatei(kennung: str, name: str):
        _pfad(dienst, kennung)
        wo = veroeffentlichungspaket.ordner(dienst.bauschlange.ausgabe, kennung) / name
        if not veroeffentlichungspaket.NAME.fullmatch(name) or not wo.is_file() or wo.is_symlink():
            abort(HTTPStatus.NOT_FOUND)
        art = {"pdf": "application/pdf", "json": "application/json"}.get(name.rpartition(".")[2], "text/plain")
        antwort = Response(wo.read_bytes(), mimetype=art)
        antwort.headers["Cache-Control"] = "no-store"
        return antwort


def _aendern(dienst, kennung: str, machen, erledigt: str, pruefen_vorher=None) -> Antwort:
    """One change of the agenda under the server's lock: based on what the page showed, checked like `pruefen`,
    written and committed as the person; `machen(text)` gives the new text and the commit's message. Back to the
    page when done, else why not (nothing written)."""
    pfad = _pfad(dienst, kennung)
    with dienst.speichern:
        abgleichen(dienst, holen=True)
        try:
            if pruefen_vorher is not None:
                pruefen_vorher()
            gelesen = pfad.read_bytes()
            if request.form.get("stand") != stand_von(gelesen):
                return _text(HTTPStatus.CONFLICT, VERALTET)
            try:
                text = gelesen.decode("utf-8-sig")
            except UnicodeDecodeError:
                return _text(HTTPStatus.CONFLICT, f"sitzungen/{kennung}.yaml ist nicht in UTF-8 – nichts geändert.")
            neu, nachricht = machen(text)
            probleme = datei.pruefen(dienst.data, pfad, neu)
            if probleme:
                return _text(HTTPStatus.UNPROCESSABLE_ENTITY, "Nichts geändert:\n" + "\n".join(probleme))
            commit = datei.schreiben_und_einchecken(dienst.data, pfad, gelesen, neu, g.person, nachricht)
        except datei.Abgelehnt as fehler:
            return _text(fehler.status, str(fehler))
        except gitstand.GitFehler as fehler:
            return _text(HTTPStatus.INTERNAL_SERVER_ERROR, str(fehler))
        abgleichen(dienst, senden=True)
    protokoll.eintragen(
        dienst.konfiguration.zustand, g.person.name, nachricht.removesuffix(" (im Browser)"), "", commit
    )
    return _zurueck(kennung, erledigt=erledigt)


def _freigegeben(dienst, nummer: str) -> None:
    """A Vorlage goes on an agenda only released: every sign-off its Hausstil asks for holds for what it prints."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.review.zeichnen import freigabe_jetzt

    project = vorbereitet(dienst.data)
    source = next((s for s in project.facts.vorlagen if s.vorlage.nummer == nummer), None)
    if source is None:
        raise datei.Abgelehnt(
            f"Eine Vorlage mit der Nummer „{nummer[:40]}“ gibt es nicht – wählen Sie eine aus der Liste; nichts geändert."
        )
    try:
        freigabe = freigabe_jetzt(project, source).freigabe
    except BuildFailed as failed:  # the Vorlage does not compose: it is no released one either
        meldungen = "\n".join(p.message for p in failed.problems)
        raise datei.Abgelehnt(
            f"Die Vorlage {source.bezeichnung} lässt sich nicht setzen – nichts geändert:\n{meldungen}"
        ) from None
    assert freigabe is not None  # composed by freigabe_jetzt: every Vorlage has its sign-off state
    if freigabe.entwurf:
        raise datei.Abgelehnt(ENTWURF.format(bezeichnung=source.bezeichnung, wer=freigabe.wer()), HTTPStatus.CONFLICT)


def _tagesordnung(app: Flask, dienst) -> None:
    @app.post(f"{SEITE}<kennung>/setzen")
    def setzen(kennung: str):
        _pfad(dienst, kennung)
        nummer, teil, vor = (request.form.get(k, "").strip() for k in ("vorlage", "teil", "vor"))

        def machen(text: str) -> tuple[str, str]:
            top = datei.nummer_pruefen(request.form.get("top", ""))
            schon = [e for e in datei.eintraege(text) if e.werte.get("vorlage") == nummer]
            if schon:
                raise datei.Abgelehnt(
                    f"Die Vorlage {nummer} steht schon als TOP {schon[0].werte.get('top')} auf dieser Tagesordnung – "
                    "verschieben Sie sie dort; nichts geändert.",
                    HTTPStatus.CONFLICT,
                )
            neu = datei.einfuegen(text, teil, {"top": top, "vorlage": nummer}, vor)
            teilname = datei.TEILE[teil]
            return (
                neu,
                f"Sitzung {kennung}: Vorlage {nummer} als TOP {top} auf die Tagesordnung gesetzt ({teilname}) (im Browser)",
            )

        return _aendern(dienst, kennung, machen, "gesetzt", lambda: _freigegeben(dienst, nummer))

    @app.post(f"{SEITE}<kennung>/entfernen")
    def entfernen(kennung: str):
        top = request.form.get("top", "").strip()

        def machen(text: str) -> tuple[str, str]:
            neu, _ = datei.entfernen(text, top)
            return neu, f"Sitzung {kennung}: TOP {top} von der Tagesordnung genommen (im Browser)"

        return _aendern(dienst, kennung, machen, "entfernt")

    @app.post(f"{SEITE}<kennung>/verschieben")
    def verschieben(kennung: str):
        top, teil, vor = (request.form.get(k, "").strip() for k in ("top", "teil", "vor"))

        def machen(text: str) -> tuple[str, str]:
            neue = datei.nummer_pruefen(request.form.get("neue_nummer", "") or top)
            neu, _ = datei.verschieben(text, top, teil, vor, neue)
            wohin = f"TOP {neue} ({datei.TEILE[teil]})"
            return neu, f"Sitzung {kennung}: TOP {top} verschoben, jetzt {wohin} (im Browser)"

        return _aendern(dienst, kennung, machen, "verschoben")


def _bauen(app: Flask, dienst) -> None:
    @app.post(f"{SEITE}<kennung>/bauen")
    def bauen(kennung: str):
        _pfad(dienst, kennung)
        with dienst.speichern:
            abgleichen(dienst, holen=True)
        auftrag = dienst.bauschlange.anstossen(frozenset({kennung}))
        dienst.bauschlange.warten(auftrag, 60)  # most builds are done by then; else the page waits on
        protokoll.eintragen(dienst.konfiguration.zustand, g.person.name, f"Sitzungsmappen {kennung} gebaut")
        return _zurueck(kennung, bau=auftrag)

    @app.post(f"{SEITE}<kennung>/veroeffentlichen")
    def veroeffentlichen(kennung: str):
        _pfad(dienst, kennung)
        ausgabe = dienst.bauschlange.ausgabe
        jetzt = summe(ausgabe, kennung)
        if not jetzt:
            return _text(
                HTTPStatus.CONFLICT,
                "Für diese Sitzung gibt es noch kein Veröffentlichungspaket – bauen Sie es zuerst; nichts veröffentlicht.",
            )
        if request.form.get("summe") != jetzt:
            return _text(HTTPStatus.CONFLICT, PAKET_GEAENDERT)
        namen = [d.name for d in veroeffentlichungspaket.dateien(ausgabe, kennung, {})]
        inhalt = veroeffentlichungspaket.zip_datei(ausgabe, kennung, namen)
        ereignis = f"Veröffentlichungspaket {kennung} veröffentlicht (SHA256SUMS {jetzt[:16]})"
        protokoll.eintragen(dienst.konfiguration.zustand, g.person.name, ereignis)
        antwort = Response(inhalt, mimetype="application/zip")
        antwort.headers["Content-Disposition"] = f'attachment; filename="veroeffentlichung-{kennung}.zip"'
        antwort.headers["Cache-Control"] = "no-store"
        return antwort
