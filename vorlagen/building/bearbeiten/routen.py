"""The addresses of the editing side, below /__vorlagen/bearbeiten/, and what each answers.

Every write is a POST that carries the session's token in its address (`?token=…`, checked from the request head
before a byte of the body is read) and comes from a page of the preview itself (Origin), on top of the server's own
checks (this machine, its host names, a deadline for the whole request). A form is taken as
application/x-www-form-urlencoded only, at most 4 MB, with at most 5.000 fields.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.building.bearbeiten import bearbeitung, formularseiten
from vorlagen.building.bearbeiten.entwurf import Eingabe
from vorlagen.building.bearbeiten.sitzung import Sitzung

if TYPE_CHECKING:
    from vorlagen.building.lokalanfrage import LocalHandler

WURZEL = "/__vorlagen/bearbeiten/"
MAX_FELDER = 5000
ABGELAUFEN = (
    "Dieses Formular gehört zu einer früheren Vorschau (oder zu keiner) – laden Sie die Seite neu; Ihre Eingaben "
    "sind nicht gespeichert."
)
FREMD = "Gespeichert wird nur aus den Seiten der Vorschau selbst – öffnen Sie http://127.0.0.1:{port}/__vorlagen/bearbeiten/."
FORMAT = (
    "Die Vorschau nimmt Formulare nur als application/x-www-form-urlencoded an – senden Sie das Formular aus der Seite."
)


STAND = "/__vorlagen/stand/"  # + a Vorlage's folder: how far the builds are, as its page asks for it every second


@dataclass
class Bearbeiten:
    """What the editing side knows: the data folder, the session, and how far the preview has built."""

    data: Path
    version: Callable[[], int]  # the number of the latest successful build
    sitzung: Sitzung = field(default_factory=Sitzung)


def get(handler: LocalHandler, bearbeiten: Bearbeiten) -> None:
    pfad, _, abfrage = handler.path.partition("?")
    rest = pfad[len(WURZEL) :] if pfad.startswith(WURZEL) else None
    if rest == "":
        return _antwort(handler, HTTPStatus.OK, _uebersicht(bearbeiten))
    if rest is not None and rest.startswith("statisch/"):
        datei = formularseiten.statisch(rest[len("statisch/") :])
        if datei is None:
            return handler.send_error(HTTPStatus.NOT_FOUND)
        return _antwort(handler, HTTPStatus.OK, datei[0], datei[1])
    ordner = _ordner(bearbeiten, rest)
    if ordner is None:
        return handler.send_error(HTTPStatus.NOT_FOUND)
    seite = bearbeitung.oeffnen(bearbeiten.data, ordner, bearbeiten.sitzung)
    gespeichert = urllib.parse.parse_qs(abfrage).get("gespeichert", [])
    seite.gespeichert = [name for name in gespeichert[0].split(",") if name] if gespeichert else []
    return _antwort(handler, HTTPStatus.OK, _vorlage(bearbeiten, seite))


def post(handler: LocalHandler, bearbeiten: Bearbeiten) -> None:
    if not _eigene_seite(handler):
        return handler.answer(HTTPStatus.FORBIDDEN, FREMD.format(port=handler.server.port))
    pfad, _, abfrage = handler.path.partition("?")
    if not bearbeiten.sitzung.echt(urllib.parse.parse_qs(abfrage).get("token", [None])[-1]):
        return handler.answer(HTTPStatus.FORBIDDEN, ABGELAUFEN)  # before the body: a stranger holds no thread
    if handler.headers.get("Content-Type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        return handler.answer(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, FORMAT)
    body = handler.read_body()
    if body is None:
        return None
    try:
        felder = urllib.parse.parse_qs(
            body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FELDER, errors="strict"
        )
    except (UnicodeDecodeError, ValueError):
        return handler.send_error(HTTPStatus.BAD_REQUEST)
    eingabe = Eingabe({key: values[-1] for key, values in felder.items()}, felder.get("aktion", ["speichern"])[-1])
    rest = pfad[len(WURZEL) :] if pfad.startswith(WURZEL) else ""
    if rest == "neu":
        return _neu(handler, bearbeiten, eingabe)
    if rest.startswith("formel/"):
        ordner = _ordner(bearbeiten, "vorlage/" + rest[len("formel/") :])
        if ordner is None:
            return handler.send_error(HTTPStatus.NOT_FOUND)
        text = _formel(bearbeiten, ordner, eingabe)
        return _antwort(handler, HTTPStatus.OK, text.encode("utf-8"), "text/plain; charset=utf-8")
    ordner = _ordner(bearbeiten, rest)
    if ordner is None:
        return handler.send_error(HTTPStatus.NOT_FOUND)
    seite = bearbeitung.bearbeiten(bearbeiten.data, ordner, eingabe, bearbeiten.sitzung)
    if seite.gespeichert and eingabe.aktion == "speichern":
        ziel = f"{WURZEL}vorlage/{ordner.name}?gespeichert={urllib.parse.quote(','.join(seite.gespeichert))}"
        return _weiter(handler, ziel)
    status = HTTPStatus.CONFLICT if seite.konflikte else HTTPStatus.OK
    if seite.meldungen or seite.allgemein:
        status = HTTPStatus.UNPROCESSABLE_ENTITY
    return _antwort(handler, status, _vorlage(bearbeiten, seite))


def _formel(bearbeiten: Bearbeiten, ordner: Path, eingabe: Eingabe) -> str:
    """The value and Herleitung of the figure whose formula field sent the form (aktion „formel:zahlen.N.formel“)."""
    from vorlagen.building.bearbeiten.auswahl import formel
    from vorlagen.building.bearbeiten.felder import alle, felder

    seite = bearbeitung.entwurf(bearbeiten.data, ordner, eingabe, bearbeiten.sitzung)
    teile = eingabe.aktion.removeprefix("formel:").split(".")
    if seite.unlesbar:  # a file of the Vorlage is no UTF-8: say which
        return "\n".join(seite.allgemein)
    if seite.konflikte or seite.modell is None or len(teile) != 3 or teile[0] != "zahlen" or not teile[1].isdigit():
        return "Die Vorschau der Formel gibt es nur für die benannten Zahlen dieser Vorlage."
    if seite.meldungen:
        return "\n".join(m for ms in seite.meldungen.values() for m in ms)
    gruppe = next(
        (e for e in alle(seite.modell) if e.pfad == ("zahlen", int(teile[1])) and hasattr(e, "weitere")), None
    )
    if gruppe is None:
        return "Die Zahl steht noch nicht in der Vorlage."
    ids = [f.wert for f in felder(gruppe) if f.key == "id"]
    zeilen = [z for z in (getattr(e, "zeile", None) for e in alle(gruppe)) if z]
    dateien = {ordner / name: text for name, text in seite.texte.items()} | {ordner / "vorlage.yaml": seite.yaml}
    bereich = (min(zeilen, default=0), max(zeilen, default=0))
    return formel(bearbeiten.data, ordner, dateien, ids[0] if ids else "", bereich)


def _eigene_seite(handler: LocalHandler) -> bool:
    """A write comes from a page of the preview: the browser names it in Origin (the server refuses any other)."""
    origins = handler.headers.get_all("Origin") or []
    return len(origins) == 1 and origins[0].strip().lower() in handler.server.origins


def stand(handler: LocalHandler, bearbeiten: Bearbeiten, probleme: list[str], word: Callable[[str], bool]) -> None:
    """How far the preview has built, for the page of the Vorlage the address names (STAND + its folder): the
    preview's problems above the form; `word(pdf address)`: whether its Word file was made."""
    name = urllib.parse.unquote(urllib.parse.urlsplit(handler.path).path[len(STAND) :])
    ordner = bearbeitung.vorlagenordner(bearbeiten.data, name)
    if ordner is None:
        return handler.send_error(HTTPStatus.NOT_FOUND)
    from vorlagen.building.bearbeiten.vorlagenliste import pdf_adresse

    zustand = {"version": bearbeiten.version(), "laeuft": False, "probleme": probleme, "felder": {}}
    zustand["word"] = word(pdf_adresse(bearbeiten.data, ordner))
    body = json.dumps(zustand, ensure_ascii=False).encode("utf-8")
    return _antwort(handler, HTTPStatus.OK, body, "application/json")


def _ordner(bearbeiten: Bearbeiten, rest: str | None) -> Path | None:
    if rest is None or not rest.startswith("vorlage/"):
        return None
    return bearbeitung.vorlagenordner(bearbeiten.data, urllib.parse.unquote(rest[len("vorlage/") :]))


def _neu(handler: LocalHandler, bearbeiten: Bearbeiten, eingabe: Eingabe) -> None:
    from vorlagen.building.bearbeiten.neu import anlegen

    angelegt = anlegen(bearbeiten.data, eingabe.felder)
    if angelegt.ordner is not None:
        return _weiter(handler, f"{WURZEL}vorlage/{urllib.parse.quote(angelegt.ordner)}")
    body = _uebersicht(bearbeiten, angelegt.meldungen, eingabe.felder)
    return _antwort(handler, HTTPStatus.UNPROCESSABLE_ENTITY, body)


def _uebersicht(bearbeiten: Bearbeiten, meldungen: list[str] | None = None, werte: dict | None = None) -> bytes:
    from vorlagen.building.bearbeiten.neu import SCHRITTE, auswahl
    from vorlagen.building.bearbeiten.vorlagenliste import eintraege

    return formularseiten.seite(
        "uebersicht.html.j2",
        vorlagen=eintraege(bearbeiten.data),
        wurzel=WURZEL,
        token=bearbeiten.sitzung.token,
        token_im_feld=bearbeiten.sitzung.token_im_feld,
        auswahl=auswahl(bearbeiten.data),
        schritte=SCHRITTE,
        meldungen=meldungen or [],
        werte=werte or {},
    )


KOPFFELDER = ("nummer", "art", "oeffentlich", "datum", "aktenzeichen", "federfuehrend", "betreff")
HAUPTTEILE = ("beratungsfolge", "finanzierung", "zahlen", "finanzielle_auswirkungen", "anlagen")  # always in view


def vorlage_seite(bearbeiten: Bearbeiten, seite: bearbeitung.Seite) -> bytes:
    """The editing page of a Vorlage (the server shows the same page)."""
    return _vorlage(bearbeiten, seite)


def formel_text(bearbeiten: Bearbeiten, ordner: Path, eingabe: Eingabe) -> str:
    """The value and Herleitung of a formula being typed (the server answers the same)."""
    return _formel(bearbeiten, ordner, eingabe)


def _vorlage(bearbeiten: Bearbeiten, seite: bearbeitung.Seite) -> bytes:
    from vorlagen.building.bearbeiten import auswahl
    from vorlagen.building.bearbeiten.vorlagenliste import pdf_adresse

    project = auswahl.projekt(bearbeiten.data)
    return formularseiten.seite(
        "vorlage.html.j2",
        seite=seite,
        token=bearbeiten.sitzung.token,
        token_im_feld=bearbeiten.sitzung.token_im_feld,
        wurzel=WURZEL,
        pdf=pdf_adresse(bearbeiten.data, seite.ordner),
        abfrage=STAND + urllib.parse.quote(seite.ordner.name),
        version=bearbeiten.version(),
        vorschlaege=auswahl.vorschlaege(project),
        zahlen=auswahl.liste(project, seite.ordner),
        formelwerte={},
        kopffelder=KOPFFELDER,
        hauptteile=HAUPTTEILE,
    )


def _antwort(handler: LocalHandler, status: HTTPStatus, body: bytes, art: str = "text/html; charset=utf-8") -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", art)
    handler.send_header("Content-Length", str(len(body)))
    handler.send_header("Cache-Control", "no-store")
    handler.send_header("Referrer-Policy", "same-origin")
    handler.send_header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; frame-src 'self'; form-action 'self'",
    )
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(body)


def _weiter(handler: LocalHandler, ziel: str) -> None:
    """After a save: the page again by GET, so that reloading it sends nothing twice."""
    handler.send_response(HTTPStatus.SEE_OTHER)
    handler.send_header("Location", ziel)
    handler.send_header("Content-Length", "0")
    handler.send_header("Cache-Control", "no-store")
    handler.end_headers()
