"""What the Sitzungsdienst's page of one Sitzung shows: its agenda as the file has it now, each Vorlage with its state
as the last build saw it (startseite.py), the Vorlagen that may still go on it, how far the build of its Mappen is,
and the publish bundle the last build made – each file with what it is – with the TOPs that stay out of it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vorlagen.building.cache import Manifest
from vorlagen.building.state import state_dir
from vorlagen.core.fmt import datum
from vorlagen.core.schreibvorgang import stand_von
from vorlagen.load import facts as fakten
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.server import mitzeichnungsablauf as ablauf
from vorlagen.server import protokoll, veroeffentlichungspaket
from vorlagen.server import tagesordnungsdatei as datei
from vorlagen.server.dienstdaten import Dienst
from vorlagen.server.startseite import stand_in_worten


@dataclass(frozen=True)
class Top:
    nummer: str
    teil: str  # oeffentlich | nichtoeffentlich
    vorlage: str  # its Vorlage's Nummer, "" for a TOP with a title only
    gegenstand: str
    stand: str  # the Vorlage's state in words, "" without one
    ordner: str  # the Vorlage's folder (for its link), "" without one


@dataclass(frozen=True)
class Wahl:
    """A Vorlage the Sitzungsdienst may put on the agenda."""

    nummer: str
    text: str  # „2021/0130 – Betreff (freigegeben)“
    beratung: bool  # its Beratungsfolge names this Sitzung
    oeffentlich: bool


def werte(dienst: Dienst, kennung: str, pfad: Path, auftrag: int) -> dict:
    """The values of the page (sitzung.html.j2)."""
    gelesen = pfad.read_bytes()
    facts, probleme = fakten.load(dienst.data)
    ergebnis: dict = {"stand": stand_von(gelesen), "fehler": [p.message for p in probleme[:5]] if facts is None else []}
    ergebnis |= _bau(dienst, kennung, auftrag)
    ergebnis["veroeffentlicht"] = [
        (zeit, person)
        for zeit, person, ereignis, _, _ in protokoll.eintraege(dienst.konfiguration.zustand)
        if ereignis.startswith(f"Veröffentlichungspaket {kennung} veröffentlicht")
    ][-5:]
    if facts is None or kennung not in facts.sitzungen:
        return ergebnis | {"titel": kennung, "tops": [], "wahl": [], "dateien": [], "draussen": []}
    sitzung = facts.sitzungen[kennung]
    ergebnis["titel"] = f"{facts.gremium(sitzung.gremium).name} am {datum(sitzung.datum)}"
    ausgabe: Path = dienst.bauschlange.ausgabe
    manifest = Manifest.load(ausgabe.resolve(), state_dir(ausgabe))
    schritte = ablauf.letzte(dienst.konfiguration.zustand)
    quellen = {s.vorlage.nummer: s for s in facts.vorlagen if s.vorlage.nummer is not None}

    def stand(source: VorlageSource) -> str:
        eintrag = manifest.entries.get(f"vorlage:{source.slug}")
        eigene = [s for (vorlage, _), s in schritte.items() if vorlage == source.folder.name]
        return stand_in_worten(eintrag.entwurf if eintrag else None, eigene)

    tops = []
    try:
        gefunden = datei.eintraege(gelesen.decode("utf-8", errors="replace").removeprefix("\ufeff"))
    except datei.Abgelehnt as fehler:  # a file the browser cannot change without rewriting it: said, not shown
        ergebnis["fehler"].append(str(fehler))
        gefunden = []
    for eintrag in gefunden:
        nummer = eintrag.werte.get("vorlage", "")
        source = quellen.get(nummer)
        gegenstand = eintrag.werte.get("titel") or (source.vorlage.betreff if source else "")
        tops.append(Top(eintrag.werte.get("top", ""), eintrag.teil, nummer, gegenstand,
                        stand(source) if source else "", source.folder.name if source else ""))  # fmt: skip
    auf = {t.vorlage for t in tops}
    wahl = [
        Wahl(
            n,
            f"{s.bezeichnung} – {s.vorlage.betreff} ({stand(s)})",
            any(b.sitzung == kennung for b in s.vorlage.beratungsfolge),
            s.vorlage.oeffentlich,
        )  # fmt: skip
        for n, s in quellen.items()
        if n not in auf
    ]
    ergebnis["wahl"] = sorted(wahl, key=lambda w: (not w.beratung, w.nummer))
    ergebnis["tops"] = tops
    slugs = {s.slug: (s.bezeichnung, s.vorlage.oeffentlich) for s in quellen.values()}
    ergebnis["dateien"] = veroeffentlichungspaket.dateien(ausgabe, kennung, slugs)
    drin = {d.vorlage for d in ergebnis["dateien"]}
    ergebnis["draussen"] = [t for t in tops if t.vorlage in quellen and quellen[t.vorlage].bezeichnung not in drin]
    return ergebnis


def _bau(dienst: Dienst, kennung: str, auftrag: int) -> dict:
    """How far the build of this Sitzung's Mappen asked for (`auftrag`, 0: none asked on this page) is."""
    schlange = dienst.bauschlange
    gebaut, probleme = schlange.mappen.get(kennung, (0, ()))
    laeuft = bool(auftrag) and gebaut < auftrag and schlange.stand.gebaut < auftrag
    fertig = bool(auftrag) and gebaut >= auftrag
    return {
        "bau_laeuft": laeuft,
        "bau_fertig": fertig and not probleme,
        "bau_probleme": list(probleme) if fertig else [],
    }
