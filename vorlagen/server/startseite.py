"""The start page of each person: the Vorlagen of their Ämter with their state – Entwurf, zur Mitzeichnung bei …,
zurückgegeben, freigegeben – and the deadline of the next Sitzung of their Beratungsfolge; for a Mitzeichnung role,
what waits for it; for the Sitzungsdienst, each coming Sitzung with what it still lacks. The state comes from the last build's record (whether a Vorlage is an ENTWURF, building/cache)
and the steps of its sign-offs (mitzeichnungsablauf.py): a page for everyone at once, without composing a Vorlage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, g

from vorlagen.building.bearbeiten.routen import WURZEL
from vorlagen.building.cache import Manifest
from vorlagen.building.state import state_dir
from vorlagen.compute.sitzungen import frist, tops
from vorlagen.core.fmt import datum
from vorlagen.load import facts as fakten
from vorlagen.load.facts import Facts
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.server import mitzeichnungsablauf as ablauf
from vorlagen.server.anmeldung import seite
from vorlagen.server.dienstdaten import Dienst
from vorlagen.server.rechte import Person, darf_bearbeiten

ADRESSE = f"{WURZEL}start"


@dataclass
class Zeile:
    ordner: str
    bezeichnung: str
    betreff: str
    stand: str
    beratung: str  # the next Sitzung of its Beratungsfolge („ASI am 04.01.2027“), "" when none is coming
    frist: str  # its deadline in words, "" when none
    dringend: bool  # the deadline is past or within a week
    tage: int  # days to the deadline (for the order: the most urgent first)


def stand_in_worten(entwurf: list[str] | None, schritte: list[ablauf.Schritt]) -> str:
    """The Vorlage's state in words: the build's record says Entwurf or freigegeben, the steps say to whom it went."""
    grund = "noch nicht gebaut" if entwurf is None else "Entwurf" if entwurf else "freigegeben"
    offen = [s for s in schritte if s.zustand != ablauf.GEZEICHNET] if grund != "freigegeben" else []
    weg = ablauf.beschreibung(offen)
    return f"{grund} – {weg}" if weg else grund


def _frist(facts: Facts, source: VorlageSource, heute: dt.date) -> tuple[str, str, bool, int]:
    kommend = sorted(
        (facts.sitzungen[b.sitzung] for b in source.vorlage.beratungsfolge if b.sitzung in facts.sitzungen),
        key=lambda s: s.datum,
    )
    naechste = next((s for s in kommend if s.datum >= heute), None)
    if naechste is None:
        return "", "", False, 10**6
    gremium = facts.gremium(naechste.gremium)
    letzter = frist(facts, naechste)
    tage = (letzter - heute).days
    if tage < 0:
        wann = f"{datum(letzter)} – seit {-tage} Tagen vorbei"
    else:
        wann = f"{datum(letzter)} – noch {tage} {'Tag' if tage == 1 else 'Tage'}"
    return f"{gremium.name} am {datum(naechste.datum)}", wann, tage <= 7, tage


def zeilen(dienst: Dienst, person: Person, heute: dt.date) -> tuple[list[Zeile], list[str]]:
    """The rows of the person's Vorlagen (those of their Ämter), the most urgent deadline first; and what kept the
    data from being read (German), shown instead of deadlines."""
    facts, probleme = fakten.load(dienst.data)
    if facts is None:
        return [], [p.message for p in probleme[:3]]
    ausgabe: Path = dienst.bauschlange.ausgabe
    manifest = Manifest.load(ausgabe.resolve(), state_dir(ausgabe))
    schritte = ablauf.letzte(dienst.konfiguration.zustand)
    ergebnis = []
    for source in facts.vorlagen:
        if not darf_bearbeiten(person, source.vorlage.federfuehrend):
            continue
        eintrag = manifest.entries.get(f"vorlage:{source.slug}")
        eigene = [s for (vorlage, _), s in schritte.items() if vorlage == source.folder.name]
        stand = stand_in_worten(eintrag.entwurf if eintrag else None, eigene)
        beratung, wann, dringend, tage = _frist(facts, source, heute)
        ergebnis.append(
            Zeile(source.folder.name, source.bezeichnung, source.vorlage.betreff, stand, beratung, wann, dringend, tage)
        )
    return sorted(ergebnis, key=lambda z: (z.tage, z.bezeichnung)), []


@dataclass
class Kommend:
    """A coming Sitzung for the Sitzungsdienst: its deadline and its Vorlagen (Beratungsfolge and agenda), each with
    its state; `offen` those that are no released Vorlage yet."""

    kennung: str  # the Sitzung's file name without .yaml: its page for the Sitzungsdienst (sitzungsdienst.py)
    titel: str  # „Ausschuss für Soziales und Integration am 04.01.2027“
    frist: str
    dringend: bool
    tage: int
    vorlagen: list[tuple[str, str, str]]  # (folder, Bezeichnung, state)
    offen: int


def sitzungen(dienst: Dienst, heute: dt.date) -> list[Kommend]:
    """Each Sitzung from today on with what it still lacks, the nearest deadline first."""
    facts, _ = fakten.load(dienst.data)
    if facts is None:
        return []
    ausgabe: Path = dienst.bauschlange.ausgabe
    manifest = Manifest.load(ausgabe.resolve(), state_dir(ausgabe))
    schritte = ablauf.letzte(dienst.konfiguration.zustand)
    ergebnis = []
    for sitzung_id, sitzung in facts.sitzungen.items():
        if sitzung.datum < heute:
            continue
        auf_tagesordnung = {top.vorlage for _, top in tops(sitzung) if top.vorlage}
        vorlagen = []
        for source in facts.vorlagen:
            beraten = any(b.sitzung == sitzung_id for b in source.vorlage.beratungsfolge)
            if not beraten and source.vorlage.nummer not in auf_tagesordnung:
                continue
            eintrag = manifest.entries.get(f"vorlage:{source.slug}")
            eigene = [s for (vorlage, _), s in schritte.items() if vorlage == source.folder.name]
            vorlagen.append(
                (source.folder.name, source.bezeichnung, stand_in_worten(eintrag.entwurf if eintrag else None, eigene))
            )
        letzter = frist(facts, sitzung)
        tage = (letzter - heute).days
        wann = f"{datum(letzter)} – seit {-tage} Tagen vorbei" if tage < 0 else f"{datum(letzter)} – noch {tage} Tage"
        titel = f"{facts.gremium(sitzung.gremium).name} am {datum(sitzung.datum)}"
        offen = sum(1 for _, _, stand in vorlagen if not stand.startswith("freigegeben"))
        ergebnis.append(Kommend(sitzung_id, titel, wann, tage <= 7 and offen > 0, tage, vorlagen, offen))
    return sorted(ergebnis, key=lambda k: k.tage)


def einrichten(app: Flask, dienst: Dienst) -> None:
    @app.get(ADRESSE)
    def meine() -> Response:
        eigene, fehler = zeilen(dienst, g.person, dt.date.today())
        wartend = ablauf.wartend(dienst.konfiguration.zustand, g.person.mitzeichnungsrollen())
        return seite(
            "start.html.j2",
            person=g.person,
            zeilen=eigene,
            fehler=fehler,
            sachbearbeitung=bool(g.person.aemter()),
            rollen=sorted(g.person.mitzeichnungsrollen()),
            wartend=wartend,
            sitzungen=sitzungen(dienst, dt.date.today()) if "Sitzungsdienst" in g.person.rollen() else None,
        )
