"""Sign-offs in the browser: the clerk sends a Vorlage to the roles whose sign-off is missing, each role sees what
waits for it, opens the Vorlage's sign-off page (the PDF as it will print, the state of every sign-off as
`vorlagen freigabe` reports it) and signs – what `vorlagen zeichnen` writes (review/zeichnen.py), with the name of
the person signed in, as their commit – or sends it back with a comment. Every write checks the right here."""

from __future__ import annotations

import datetime as dt
import hashlib
import urllib.parse
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask, Response, abort, g, redirect, request
from werkzeug.wrappers.response import Response as Antwort

from vorlagen.building.bearbeiten.routen import STAND, WURZEL
from vorlagen.building.bearbeiten.vorlagenliste import pdf_adresse
from vorlagen.core.problems import BuildFailed, Paths
from vorlagen.load.settings import wurzel_von
from vorlagen.server import gitstand, post, protokoll
from vorlagen.server import mitzeichnungsablauf as ablauf
from vorlagen.server.anmeldung import seite
from vorlagen.server.dienstdaten import Dienst
from vorlagen.server.rechte import darf_bearbeiten, darf_entwurf_sehen, darf_lesen
from vorlagen.server.vorlagenseiten import abgleichen, angaben, ordner_lesen

if TYPE_CHECKING:
    from vorlagen.compute.hauptbuch import Project
    from vorlagen.render.freigabe import Freigabe
    from vorlagen.render.vorlagendokument import VorlageDoc

SEITE = f"{WURZEL}mitzeichnung/"  # + a Vorlage's folder: its sign-off page; alone: what waits for my roles
KEIN_RECHT = (
    "Mitzeichnen oder zurückgeben als „{rolle}“ darf nur, wer dafür das Recht Mitzeichnung hat – Ihr Konto hat es "
    "nicht; nichts eingetragen."
)
NICHT_VERLANGT = (
    "Diese Vorlage braucht keine Mitzeichnung „{rolle}“ (der Hausstil verlangt {verlangt}) – nichts eingetragen."
)
NUR_SACHBEARBEITUNG = (
    "Zur Mitzeichnung senden darf nur die Sachbearbeitung des federführenden Amts dieser Vorlage – Ihr Konto hat "
    "dieses Recht nicht; nichts gesendet."
)
ERLEDIGT = {
    "gesendet": "Zur Mitzeichnung gesandt – die Rollen sehen die Vorlage in ihrer Liste.",
    "zurückgegeben": "Zurückgegeben – Ihr Kommentar steht beim Stand der Vorlage.",
    "gezeichnet": "Mitgezeichnet – eingetragen als Commit unter Ihrem Namen.",
}
GEAENDERT = (
    "Die Vorlage druckt jetzt anderes als auf der Seite, die Sie geöffnet hatten (jemand hat sie inzwischen "
    "geändert) – nichts gezeichnet; laden Sie die Seite neu, prüfen Sie das PDF und zeichnen Sie dann."
)
BERATEN = (
    "Die Vorlage ist schon beraten (die letzte Sitzung ihrer Beratungsfolge war am {tag}) – im Browser wird mit dem "
    "heutigen Tag gezeichnet; wurde vor der Sitzung gezeichnet, trägt das der Sitzungsdienst mit „vorlagen zeichnen "
    "… --datum“ ein. Nichts gezeichnet."
)
OHNE_KOMMENTAR = "Sagen Sie im Kommentar, was sich ändern soll – ohne Kommentar wird nichts zurückgegeben."


def _text(status: int, meldung: str) -> Response:
    return Response(meldung + "\n", status=status, mimetype="text/plain")


def gesehen(doc: VorlageDoc) -> str:
    """What the sign-off page showed, as its form carries it: the digest of the text a sign-off would sign."""
    return hashlib.sha256(_freigabe(doc).text.encode("utf-8")).hexdigest()


def _freigabe(doc: VorlageDoc) -> Freigabe:
    """The sign-off state of a Vorlage composed by `_vorlage_jetzt` (review/zeichnen.freigabe_jetzt gives every one)."""
    assert doc.freigabe is not None
    return doc.freigabe


def _vorlage_jetzt(dienst: Dienst, ordner: Path) -> tuple[Project, VorlageDoc]:
    """The project prepared now and the Vorlage in `ordner` composed with the state of all its sign-offs."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.review.zeichnen import freigabe_jetzt

    project = vorbereitet(dienst.data)
    source = next((s for s in project.facts.vorlagen if s.folder.resolve() == ordner.resolve()), None)
    if source is None:  # a folder the loader does not take as a Vorlage
        abort(HTTPStatus.NOT_FOUND)
    return project, freigabe_jetzt(project, source)


def einrichten(app: Flask, dienst: Dienst) -> None:
    _seiten(app, dienst)
    _schreiben(app, dienst)


def _seiten(app: Flask, dienst: Dienst) -> None:
    zustand = dienst.konfiguration.zustand

    @app.get(SEITE)
    def wartet() -> Response:
        rollen = g.person.mitzeichnungsrollen()
        eintraege = []
        for schritt in ablauf.wartend(zustand, rollen):
            ordner = dienst.data / "vorlagen" / schritt.vorlage
            if ordner.is_dir() and darf_lesen(g.person, *angaben(ordner)):
                eintraege.append(schritt)
        return seite("mitzeichnungen.html.j2", rollen=sorted(rollen), eintraege=eintraege, seite_adresse=SEITE)

    @app.get(f"{SEITE}<name>")
    def mitzeichnung(name: str) -> Response:
        from vorlagen.review.mitzeichnung import bericht
        from vorlagen.review.zeichnen import seiten as seitensatz

        ordner = ordner_lesen(dienst, name)
        if not darf_entwurf_sehen(g.person, angaben(ordner)[0]):  # the report shows the draft's changed lines
            abort(HTTPStatus.NOT_FOUND)
        with dienst.speichern:
            abgleichen(dienst, holen=True)
        project, doc = _vorlage_jetzt(dienst, ordner)
        schritte = ablauf.letzte(zustand, ordner.name)
        freigabe = _freigabe(doc)
        text = bericht([doc], lambda d: seitensatz(project, d.source, freigabe.druck))
        federfuehrend, _ = angaben(ordner)
        eigene = g.person.mitzeichnungsrollen()
        return seite(
            "mitzeichnung.html.j2",
            ordner=ordner.name,
            doc=doc,
            staende=[s for s in freigabe.staende if s.erforderlich],
            schritte={rolle: s for (_, rolle), s in schritte.items()},
            bericht=text.split("\n", 1)[1].rsplit("\nFreigegeben:", 1)[0],  # the lines of the one Vorlage
            eigene=[s for s in freigabe.staende if s.erforderlich and s.rolle in eigene],
            senden=darf_bearbeiten(g.person, federfuehrend),
            fehlend=[s.rolle for s in freigabe.staende if s.erforderlich and s.zustand != "gültig"],
            pdf=pdf_adresse(dienst.data, ordner),
            version=dienst.bauschlange.stand.version,
            abfrage=STAND + urllib.parse.quote(ordner.name),
            token=g.sitzung.csrf,
            seite_adresse=SEITE,
            person=g.person,
            gesehen=gesehen(doc),
            erledigt=ERLEDIGT.get(request.args.get("erledigt", ""), ""),
        )


def _adresse(dienst: Dienst, ordner: Path) -> str:
    return f"{dienst.konfiguration.oeffentlich}{SEITE}{urllib.parse.quote(ordner.name)}"


def _benachrichtigen(dienst: Dienst, ordner: Path, doc: VorlageDoc, rollen: list[str]) -> None:
    """A mail to everyone who signs for one of these roles: the Vorlage waits for them."""
    leute = post.personen(dienst.konfiguration.zustand, dienst.konfiguration.rechte)
    for rolle in rollen:
        text = (
            f"{g.person.anzeigename} sendet Ihnen die Vorlage {doc.source.bezeichnung} zur Mitzeichnung als {rolle}:\n"
            f"{doc.source.vorlage.betreff}\n\n{_adresse(dienst, ordner)}\n"
        )
        an = [p.email for p in leute if rolle in p.mitzeichnungsrollen()]
        post.verschicken(dienst.konfiguration.post, an, f"Zur Mitzeichnung: Vorlage {doc.source.bezeichnung}", text)


def _zurueck(ordner: Path, meldung: str = "") -> Antwort:
    ziel = f"{SEITE}{urllib.parse.quote(ordner.name)}" + (f"?erledigt={urllib.parse.quote(meldung)}" if meldung else "")
    return redirect(ziel, HTTPStatus.SEE_OTHER)


def _rolle_pruefen(rolle: str) -> None:
    if rolle not in g.person.mitzeichnungsrollen():
        abort(_text(HTTPStatus.FORBIDDEN, KEIN_RECHT.format(rolle=rolle[:60])))


def _schreiben(app: Flask, dienst: Dienst) -> None:
    zustand = dienst.konfiguration.zustand

    @app.post(f"{SEITE}<name>/senden")
    def senden(name: str) -> Antwort:
        ordner = ordner_lesen(dienst, name)
        if not darf_bearbeiten(g.person, angaben(ordner)[0]):
            abort(_text(HTTPStatus.FORBIDDEN, NUR_SACHBEARBEITUNG))
        with dienst.speichern:
            abgleichen(dienst, holen=True)
        _, doc = _vorlage_jetzt(dienst, ordner)  # outside the lock: sending writes only the state file
        fehlend = [s.rolle for s in _freigabe(doc).staende if s.erforderlich and s.zustand != "gültig"]
        if not fehlend:
            return _text(HTTPStatus.CONFLICT, "Alle verlangten Mitzeichnungen liegen vor und gelten – nichts gesendet.")
        zeit, person = ablauf.jetzt(), g.person
        ablauf.eintragen(
            zustand,
            [ablauf.Schritt(ordner.name, r, ablauf.ANGEFRAGT, person.name, person.anzeigename, zeit) for r in fehlend],
        )
        protokoll.eintragen(zustand, person.name, "Zur Mitzeichnung gesandt: " + ", ".join(fehlend), ordner.name)
        _benachrichtigen(dienst, ordner, doc, fehlend)
        return _zurueck(ordner, "gesendet")

    @app.post(f"{SEITE}<name>/zurueckgeben")
    def zurueckgeben(name: str) -> Antwort:
        ordner = ordner_lesen(dienst, name)
        rolle, kommentar = request.form.get("rolle", ""), request.form.get("kommentar", "").strip()
        _rolle_pruefen(rolle)
        if not kommentar:
            return _text(HTTPStatus.UNPROCESSABLE_ENTITY, OHNE_KOMMENTAR)
        kommentar = kommentar[: ablauf.KOMMENTAR_LAENGE]
        person = g.person
        gesandt = ablauf.letzte(zustand, ordner.name).get((ordner.name, rolle))
        schritt = ablauf.Schritt(
            ordner.name, rolle, ablauf.ZURUECK, person.name, person.anzeigename, ablauf.jetzt(), kommentar
        )
        ablauf.eintragen(zustand, [schritt])
        protokoll.eintragen(zustand, person.name, f"Zurückgegeben als {rolle}: {kommentar}", ordner.name)
        if gesandt is not None and gesandt.zustand == ablauf.ANGEFRAGT:  # the mail goes to the one who sent it
            an = [p.email for p in post.personen(zustand, dienst.konfiguration.rechte) if p.name == gesandt.person]
            text = f"{person.anzeigename} ({rolle}) gibt die Vorlage zurück:\n\n{kommentar}\n\n{_adresse(dienst, ordner)}\n"
            post.verschicken(dienst.konfiguration.post, an, f"Zurückgegeben: Vorlage {ordner.name} ({rolle})", text)
        return _zurueck(ordner, "zurückgegeben")

    @app.post(f"{SEITE}<name>/zeichnen")
    def zeichnen(name: str) -> Antwort:
        ordner = ordner_lesen(dienst, name)
        rolle = request.form.get("rolle", "")
        _rolle_pruefen(rolle)
        with dienst.speichern:
            abgleichen(dienst, holen=True)
            antwort = _zeichnen(dienst, ordner, rolle)
            if antwort is not None:
                return antwort
            abgleichen(dienst, senden=True)
        return _zurueck(ordner, "gezeichnet")


def _zeichnen(dienst: Dienst, ordner: Path, rolle: str) -> Response | None:
    """The sign-off written and committed as the person (under the server's lock); an answer when it was refused."""
    from vorlagen.review import zeichnen as zeichnung

    project, doc = _vorlage_jetzt(dienst, ordner)
    verlangt = [s.rolle for s in _freigabe(doc).staende if s.erforderlich]
    if rolle not in verlangt:
        liste = ", ".join(verlangt) or "keine"
        return _text(HTTPStatus.FORBIDDEN, NICHT_VERLANGT.format(rolle=rolle[:60], verlangt=liste))
    tage = zeichnung.sitzungstage(project, doc.source)
    if tage and dt.date.today() > tage[-1]:
        return _text(HTTPStatus.CONFLICT, BERATEN.format(tag=tage[-1].strftime("%d.%m.%Y")))
    if request.form.get("gesehen") != gesehen(doc):  # signed is what the page showed, or nothing
        return _text(HTTPStatus.CONFLICT, GEAENDERT)
    person = g.person
    try:
        name = zeichnung.name_pruefen(person.anzeigename, "Name der Anmeldung")
        ergebnis = zeichnung.zeichnen(project, doc.source, rolle, name, dt.date.today(), Paths(), doc)
        commit = gitstand.einchecken(
            wurzel_von(dienst.data),
            ergebnis.dateien,
            person,
            f"Vorlage {ordner.name}: mitgezeichnet als {rolle} (im Browser)",
        )
    except BuildFailed as fehler:
        meldungen = "\n".join(p.message for p in fehler.problems)
        return _text(HTTPStatus.UNPROCESSABLE_ENTITY, f"Nicht gezeichnet:\n{meldungen}")
    except gitstand.GitFehler as fehler:
        return _text(HTTPStatus.INTERNAL_SERVER_ERROR, str(fehler))
    schritt = ablauf.Schritt(ordner.name, rolle, ablauf.GEZEICHNET, person.name, person.anzeigename, ablauf.jetzt())
    ablauf.eintragen(dienst.konfiguration.zustand, [schritt])
    protokoll.eintragen(dienst.konfiguration.zustand, person.name, f"Mitzeichnung als {rolle}", ordner.name, commit)
    return None
