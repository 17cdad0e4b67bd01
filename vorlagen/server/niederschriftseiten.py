"""After the meeting, in the browser: the Sitzungsdienst enters each TOP's result (the decision as recorded, the votes
counted, a changed Beschluss) into the Niederschrift's files – niederschrifteintrag.py makes and checks the change,
written through the one safe way and committed as the person signed in –, builds the Niederschrift and the Auszüge
with the server's build queue (the build of `vorlagen bauen`) and opens them; and sees the Beschlusskontrolle: the
Aufträge still open and the Beratungen without a result. Every page and write is the Sitzungsdienst's alone."""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path

from flask import Flask, Response, abort, g, redirect, request
from werkzeug.wrappers.response import Response as Antwort

from vorlagen.building.bearbeiten.routen import WURZEL
from vorlagen.compute.sitzungen import tops
from vorlagen.core.fmt import datum
from vorlagen.core.schreibvorgang import Aenderung, schreiben, stand_der_datei, stand_von
from vorlagen.load import facts as fakten
from vorlagen.load.facts import Facts
from vorlagen.load.niederschrift import Protokollpunkt
from vorlagen.load.settings import wurzel_von
from vorlagen.load.sitzungen import Sitzung
from vorlagen.server import gitstand, protokoll
from vorlagen.server import niederschrifteintrag as eintrag
from vorlagen.server.anmeldung import seite
from vorlagen.server.dienstdaten import Dienst
from vorlagen.server.vorlagenseiten import abgleichen

SEITE = f"{WURZEL}niederschrift/"  # alone: the Sitzungen held; + a Sitzung's id: its results
KONTROLLE = f"{WURZEL}beschlusskontrolle"
BAUZEIT = 600  # seconds the build button waits for the build queue
NUR_LESEN = (
    "Niederschriften und Beschlusskontrolle sind Seiten des Sitzungsdienstes – Ihr Konto hat dieses Recht nicht."
)
KEIN_RECHT = (
    "Ergebnisse in die Niederschrift eintragen darf nur der Sitzungsdienst – Ihr Konto hat dieses Recht nicht; "
    "nichts gespeichert."
)
KEIN_BAU = (
    "Niederschrift und Auszüge bauen darf nur der Sitzungsdienst – Ihr Konto hat dieses Recht nicht; nichts gebaut."
)
NOCH_NICHT = (
    "Die Sitzung am {tag} hat noch nicht stattgefunden – Ergebnisse trägt der Sitzungsdienst nach der Sitzung ein; "
    "nichts gespeichert."
)
GEAENDERT = (
    "Das Ergebnis von TOP {top} hat inzwischen jemand anderes geändert – laden Sie die Seite neu und prüfen Sie es; "
    "Ihre Eingaben sind nicht gespeichert."
)
OHNE_KOPF = "Legen Sie zuerst den Kopf der Niederschrift an (Beginn, Ende, Vorsitz, Anwesende) – nichts gespeichert."
SCHON_DA = "Diese Sitzung hat schon eine Niederschrift – nichts angelegt; laden Sie die Seite neu."
ERLEDIGT = {
    "eingetragen": "Eingetragen – als Commit unter Ihrem Namen. Bauen Sie die Niederschrift, wenn alle TOPs stehen.",
    "angelegt": "Die Niederschrift ist angelegt – tragen Sie jetzt die Ergebnisse der TOPs ein.",
    "gebaut": "Gebaut – Niederschrift und Auszüge unten sind auf dem Stand der Daten.",
}
NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,120}")
DATEIEN = re.compile(r"(niederschrift|auszug-top-[0-9A-Za-z._-]{1,60})\.(pdf|txt)")
LISTEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,120}\.(pdf|txt)")


def _text(status: int, meldung: str) -> Response:
    return Response(meldung + "\n", status=status, mimetype="text/plain")


def _sitzungsdienst(meldung: str = NUR_LESEN) -> None:
    if "Sitzungsdienst" not in g.person.rollen():
        abort(_text(HTTPStatus.FORBIDDEN, meldung))


def _facts(dienst: Dienst) -> Facts:
    facts, probleme = fakten.load(dienst.data)
    if facts is None:
        meldungen = "\n".join(p.message for p in probleme[:5])
        abort(_text(HTTPStatus.INTERNAL_SERVER_ERROR, f"Die Daten lassen sich nicht lesen:\n{meldungen}"))
    return facts


def _sitzung(facts: Facts, name: str) -> Sitzung:
    if not NAME.fullmatch(name) or name not in facts.sitzungen:
        abort(HTTPStatus.NOT_FOUND)
    return facts.sitzungen[name]


def _titel(facts: Facts, sitzung: Sitzung) -> str:
    return f"{facts.gremium(sitzung.gremium).name} am {datum(sitzung.datum)}"


def _stand(punkt: Protokollpunkt | None, beschluss: str) -> str:
    """What a TOP's result is now, as its form carries it: a digest of its values (another's entry since: stale)."""
    abstimmung = punkt.abstimmung if punkt is not None else None
    werte = (
        punkt.ergebnis if punkt else None,
        None if abstimmung is None else (abstimmung.einstimmig, abstimmung.mehrheitlich, abstimmung.ja),
        None if abstimmung is None else (abstimmung.nein, abstimmung.enthaltung, abstimmung.ergebnis),
        beschluss,
    )
    return eintrag.pruefsumme(repr(werte).encode("utf-8"))


def _zeilen(facts: Facts, sitzung_id: str) -> list[dict]:
    """Each TOP of the agenda with its result as the Niederschrift records it now."""
    quelle = facts.niederschriften.get(sitzung_id)
    punkte = {p.top: p for p in quelle.niederschrift.punkte} if quelle else {}
    vorlagen = {s.vorlage.nummer: s for s in facts.vorlagen if s.vorlage.nummer}
    zeilen = []
    for oeffentlich, top in tops(facts.sitzungen[sitzung_id]):
        punkt = punkte.get(top.top)
        source = vorlagen.get(top.vorlage) if top.vorlage else None
        titel = top.titel or (source.vorlage.betreff if source else "") or ""
        beschluss = ""
        if punkt is not None and punkt.beschluss and quelle is not None:
            datei = quelle.folder / punkt.beschluss
            beschluss = datei.read_text("utf-8") if datei.is_file() else ""
        zeilen.append(
            {
                "top": top.top,
                "titel": titel,
                "vorlage": source.bezeichnung if source else top.vorlage,
                "oeffentlich": oeffentlich,
                "punkt": punkt,
                "beschluss": beschluss,
                "stand": _stand(punkt, beschluss),
            }
        )
    return zeilen


def _dateien(dienst: Dienst, sitzung_id: str) -> list[tuple[str, str]]:
    """(address, label) of the built Niederschrift and Auszüge of the Sitzung."""
    ausgabe: Path = dienst.bauschlange.ausgabe
    adresse = f"{SEITE}{urllib.parse.quote(sitzung_id)}/datei/"
    gefunden = []
    if (ausgabe / "sitzungen" / sitzung_id / "niederschrift.pdf").is_file():
        gefunden.append((f"{adresse}oeffentlich/niederschrift.pdf", "Niederschrift, öffentlicher Teil (PDF)"))
    intern = ausgabe / "intern" / "sitzungen" / sitzung_id
    if (intern / "niederschrift.pdf").is_file():
        gefunden.append((f"{adresse}niederschrift.pdf", "Niederschrift, vollständig (PDF)"))
        gefunden.append((f"{adresse}niederschrift.txt", "Niederschrift, vollständig (Text)"))
    for auszug in sorted(intern.glob("auszug-top-*.pdf")) if intern.is_dir() else []:
        top = auszug.stem.removeprefix("auszug-top-")
        gefunden.append((f"{adresse}{auszug.name}", f"Auszug zu TOP {top} (PDF)"))
    return gefunden


def einrichten(app: Flask, dienst: Dienst) -> None:
    _seiten(app, dienst)
    _schreiben(app, dienst)
    _kontrolle(app, dienst)


def _seiten(app: Flask, dienst: Dienst) -> None:
    @app.get(SEITE)
    def niederschrift_sitzungen() -> Response:
        _sitzungsdienst()
        facts, heute = _facts(dienst), dt.date.today()
        gehalten = sorted(
            ((sid, s) for sid, s in facts.sitzungen.items() if s.datum <= heute), key=lambda x: (x[1].datum, x[0])
        )
        liste = [(sid, _titel(facts, s), sid in facts.niederschriften) for sid, s in reversed(gehalten)]
        return seite("niederschriften.html.j2", liste=liste, seite_adresse=SEITE, kontrolle=KONTROLLE)

    @app.get(f"{SEITE}<name>")
    def niederschrift_seite(name: str) -> Response:
        _sitzungsdienst()
        facts = _facts(dienst)
        sitzung = _sitzung(facts, name)
        woerter = facts.koerperschaft.hausstil.angenommene_ergebnisse()
        return seite(
            "niederschrift.html.j2",
            sitzung_id=name,
            titel=_titel(facts, sitzung),
            gehalten=sitzung.datum <= dt.date.today(),
            vorhanden=name in facts.niederschriften,
            zeilen=_zeilen(facts, name),
            woerter=woerter,
            dateien=_dateien(dienst, name),
            token=g.sitzung.csrf,
            seite_adresse=SEITE,
            kontrolle=KONTROLLE,
            erledigt=ERLEDIGT.get(request.args.get("erledigt", ""), ""),
        )

    @app.get(f"{SEITE}<name>/datei/<datei>")
    @app.get(f"{SEITE}<name>/datei/oeffentlich/<datei>")
    def niederschrift_datei(name: str, datei: str) -> Response:
        _sitzungsdienst()
        oeffentlich = "/datei/oeffentlich/" in request.path
        if not NAME.fullmatch(name) or not DATEIEN.fullmatch(datei) or (oeffentlich and datei != "niederschrift.pdf"):
            abort(HTTPStatus.NOT_FOUND)
        ordner = dienst.bauschlange.ausgabe / ("sitzungen" if oeffentlich else "intern/sitzungen") / name
        return _senden(ordner / datei)


def _senden(pfad: Path) -> Response:
    if not pfad.is_file():
        abort(HTTPStatus.NOT_FOUND)
    art = "application/pdf" if pfad.suffix == ".pdf" else "text/plain; charset=utf-8"
    antwort = Response(pfad.read_bytes(), mimetype=art)
    antwort.headers["Cache-Control"] = "no-store"
    return antwort


def _zurueck(name: str, was: str) -> Antwort:
    return redirect(f"{SEITE}{urllib.parse.quote(name)}?erledigt={was}", HTTPStatus.SEE_OTHER)


def _schreiben(app: Flask, dienst: Dienst) -> None:
    def unter_dem_schloss(name: str, schreiben: Callable[[Dienst, str], Response | None], erledigt: str) -> Antwort:
        """One write of the Sitzungsdienst under the save lock, between fetching and sending the repository's
        commits; the page with its message when `schreiben` refuses, else back to the Niederschrift."""
        _sitzungsdienst(KEIN_RECHT)
        with dienst.speichern:
            abgleichen(dienst, holen=True)
            antwort = schreiben(dienst, name)
            if antwort is not None:
                return antwort
            abgleichen(dienst, senden=True)
        return _zurueck(name, erledigt)

    @app.post(f"{SEITE}<name>/eintragen")
    def niederschrift_eintragen(name: str) -> Antwort:
        return unter_dem_schloss(name, _eintragen, "eingetragen")

    @app.post(f"{SEITE}<name>/kopf")
    def niederschrift_anlegen(name: str) -> Antwort:
        return unter_dem_schloss(name, _anlegen, "angelegt")

    @app.post(f"{SEITE}<name>/bauen")
    def niederschrift_bauen(name: str) -> Antwort:
        _sitzungsdienst(KEIN_BAU)
        _sitzung(_facts(dienst), name)
        with dienst.speichern:
            abgleichen(dienst)
        stand = dienst.bauschlange.warten(dienst.bauschlange.anstossen(), BAUZEIT)
        if stand.probleme or stand.fehler:
            meldungen = [p.message for p in stand.probleme[:10]] + list(stand.fehler)
            return _text(
                HTTPStatus.UNPROCESSABLE_ENTITY,
                "Der Bau ist fehlgeschlagen – die bisherigen Dateien bleiben:\n" + "\n".join(meldungen),
            )
        return _zurueck(name, "gebaut")


def _vorher(facts: Facts, name: str) -> Sitzung:
    """The Sitzung, refused when it has not taken place yet."""
    sitzung = _sitzung(facts, name)
    if sitzung.datum > dt.date.today():
        abort(_text(HTTPStatus.CONFLICT, NOCH_NICHT.format(tag=datum(sitzung.datum))))
    return sitzung


def _eintragen(dienst: Dienst, name: str) -> Response | None:
    """The TOP's result written and committed as the person (under the server's lock); an answer when refused."""
    facts = _facts(dienst)
    sitzung = _vorher(facts, name)
    top = request.form.get("top", "")
    reihenfolge = [t.top for _, t in tops(sitzung)]
    if top not in reihenfolge:
        return _text(HTTPStatus.NOT_FOUND, f"TOP „{top[:20]}“ steht nicht auf der Tagesordnung – nichts gespeichert.")
    if name not in facts.niederschriften:
        return _text(HTTPStatus.CONFLICT, OHNE_KOPF)
    zeile = next(z for z in _zeilen(facts, name) if z["top"] == top)
    if request.form.get("stand") != zeile["stand"]:
        return _text(HTTPStatus.CONFLICT, GEAENDERT.format(top=top))
    ordner = dienst.data / "sitzungen" / name
    yaml = ordner / eintrag.DATEI
    try:
        neu = eintrag.lesen(request.form, top, facts.koerperschaft.hausstil.angenommene_ergebnisse())
        text, beschlussname, entfernt = eintrag.aendern(yaml.read_text("utf-8"), neu, reihenfolge)
    except eintrag.Abgelehnt as fehler:
        return _text(HTTPStatus.UNPROCESSABLE_ENTITY, str(fehler))
    texte: dict[Path, bytes | None] = {yaml: text.encode("utf-8")}
    if beschlussname is not None:
        texte[ordner / beschlussname] = (neu.beschluss + "\n").encode("utf-8")
    if entfernt is not None and (ordner / entfernt).is_file():  # the Beschluss no longer changed: its file goes
        texte[ordner / entfernt] = None
    return _festhalten(dienst, name, texte, f"Niederschrift {name}: Ergebnis zu TOP {top} eingetragen (im Browser)")


def _anlegen(dienst: Dienst, name: str) -> Response | None:
    facts = _facts(dienst)
    _vorher(facts, name)
    yaml = dienst.data / "sitzungen" / name / eintrag.DATEI
    if name in facts.niederschriften or yaml.exists():
        return _text(HTTPStatus.CONFLICT, SCHON_DA)
    try:
        text = eintrag.kopf(request.form)
    except eintrag.Abgelehnt as fehler:
        return _text(HTTPStatus.UNPROCESSABLE_ENTITY, str(fehler))
    neu: dict[Path, bytes | None] = {yaml: text.encode("utf-8")}
    return _festhalten(dienst, name, neu, f"Niederschrift {name}: angelegt (im Browser)")


def _festhalten(dienst: Dienst, name: str, texte: dict[Path, bytes | None], nachricht: str) -> Response | None:
    """The files checked as `vorlagen pruefen` checks a Niederschrift, written all or none, committed as the
    person; an answer when refused."""
    aenderungen = [Aenderung(pfad, inhalt, stand_der_datei(pfad)) for pfad, inhalt in texte.items()]
    aenderungen = [a for a in aenderungen if a.stand != stand_von(a.inhalt)]  # what is the same stays untouched
    probleme = eintrag.neue_probleme(dienst.data, name, texte)
    if probleme:
        return _text(HTTPStatus.UNPROCESSABLE_ENTITY, "Nicht gespeichert:\n" + "\n".join(probleme))
    wurzel = wurzel_von(dienst.data)
    fehler = schreiben(wurzel, [dienst.data], aenderungen)
    if fehler:
        return _text(HTTPStatus.CONFLICT, "Nicht gespeichert:\n" + "\n".join(p.message for p in fehler))
    if not aenderungen:
        return None
    try:
        commit = gitstand.einchecken(wurzel, [a.ziel for a in aenderungen], g.person, nachricht)
    except gitstand.GitFehler as fehler_git:
        return _text(HTTPStatus.INTERNAL_SERVER_ERROR, str(fehler_git))
    protokoll.eintragen(dienst.konfiguration.zustand, g.person.name, nachricht, "", commit)
    return None


def _kontrolle(app: Flask, dienst: Dienst) -> None:
    @app.get(KONTROLLE)
    def niederschrift_kontrolle() -> Response:
        from vorlagen.compute.niederschrift import auftraege, offene_beratungen

        _sitzungsdienst()
        facts, heute = _facts(dienst), dt.date.today()
        offen = [z for z in auftraege(facts) if z.auftrag.erledigt is None]
        beratungen = [
            (nummer, sid, _titel(facts, facts.sitzungen[sid])) for nummer, sid in offene_beratungen(facts, heute)
        ]
        liste = dienst.bauschlange.ausgabe / "intern" / "beschlusskontrolle" / "beschlusskontrolle.pdf"
        return seite(
            "beschlusskontrolle.html.j2",
            offen=offen,
            heute=heute,
            gremien={g_.id: g_.name for g_ in facts.koerperschaft.gremien},
            beratungen=beratungen,
            pdf=f"{KONTROLLE}/datei/beschlusskontrolle.pdf" if liste.is_file() else "",
            seite_adresse=SEITE,
        )

    @app.get(f"{KONTROLLE}/datei/<datei>")
    def niederschrift_kontrollliste(datei: str) -> Response:
        _sitzungsdienst()
        if not LISTEN.fullmatch(datei):
            abort(HTTPStatus.NOT_FOUND)
        return _senden(dienst.bauschlange.ausgabe / "intern" / "beschlusskontrolle" / datei)
