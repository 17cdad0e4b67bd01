"""The reminder a day before a deadline: the clerks whose Vorlagen for a Sitzung are not yet released get one e-mail
the day before the Gremium's deadline for that Sitzung (compute/sitzungen.frist) – or on the day itself, when the
run of the day before did not happen –, once per Vorlage and deadline: what was sent is kept in the server's state
file. Run by `vorlagen server erinnern --config FILE`, which IT starts daily from a systemd timer
(templates/server/vorlagen-erinnern.timer): a command rather than a thread of the server, because a timer with
`Persistent=true` catches up a run missed while the machine was down, a restart of the server never skips or repeats a
day, and the reminder needs no server running. Released or not as the server's last build saw it (the start page's
word); only with [post] in the configuration."""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from vorlagen.building.bearbeiten.routen import WURZEL
from vorlagen.building.cache import Manifest
from vorlagen.building.state import state_dir
from vorlagen.compute.sitzungen import frist, tops
from vorlagen.core.fmt import anzahl, datum
from vorlagen.load import facts as fakten
from vorlagen.load.facts import Facts
from vorlagen.server import post
from vorlagen.server.konfiguration import Konfiguration
from vorlagen.server.rechte import darf_bearbeiten
from vorlagen.server.zustand import verbunden

TABELLE = """CREATE TABLE IF NOT EXISTS erinnerungen (
    vorlage TEXT NOT NULL, sitzung TEXT NOT NULL, frist TEXT NOT NULL, zeit TEXT NOT NULL,
    PRIMARY KEY (vorlage, sitzung, frist))"""
OHNE_POST = "Ohne [post] in der Konfiguration verschickt der Server keine E-Mail – keine Erinnerung versandt."


@dataclass(frozen=True)
class Faellig:
    """A Vorlage not released whose Sitzung's deadline is tomorrow (or today)."""

    ordner: str
    bezeichnung: str
    betreff: str
    federfuehrend: str | None
    sitzung_id: str
    sitzung: str  # „Kreisausschuss am 01.07.2027“
    frist: dt.date
    tage: int  # 1: tomorrow, 0: today


def gesendet(zustand: Path) -> set[tuple[str, str, str]]:
    """(Vorlage folder, Sitzung, deadline as ISO date) of every reminder sent."""
    with verbunden(zustand) as db:
        db.execute(TABELLE)
        return {(v, s, f) for v, s, f in db.execute("SELECT vorlage, sitzung, frist FROM erinnerungen")}


def _merken(zustand: Path, faellige: list[Faellig]) -> None:
    zeit = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with verbunden(zustand) as db:
        db.execute(TABELLE)
        db.executemany(
            "INSERT OR IGNORE INTO erinnerungen VALUES (?, ?, ?, ?)",
            [(f.ordner, f.sitzung_id, f.frist.isoformat(), zeit) for f in faellige],
        )


def faellig(facts: Facts, ausgabe: Path, heute: dt.date) -> list[Faellig]:
    """The Vorlagen not released (by the last build) of each Sitzung whose deadline is tomorrow or today."""
    manifest = Manifest.load(ausgabe.resolve(), state_dir(ausgabe))
    ergebnis = []
    for sitzung_id, sitzung in sorted(facts.sitzungen.items()):
        letzter = frist(facts, sitzung)
        tage = (letzter - heute).days
        if tage not in (0, 1) or sitzung.datum < heute:
            continue
        auf_tagesordnung = {top.vorlage for _, top in tops(sitzung) if top.vorlage}
        titel = f"{facts.gremium(sitzung.gremium).name} am {datum(sitzung.datum)}"
        for source in facts.vorlagen:
            beraten = any(b.sitzung == sitzung_id for b in source.vorlage.beratungsfolge)
            if not beraten and (source.vorlage.nummer is None or source.vorlage.nummer not in auf_tagesordnung):
                continue
            eintrag = manifest.entries.get(f"vorlage:{source.slug}")
            if eintrag is not None and eintrag.entwurf == []:  # released as the last build saw it
                continue
            vorlage = source.vorlage
            ergebnis.append(
                Faellig(
                    source.folder.name,
                    source.bezeichnung,
                    vorlage.betreff,
                    vorlage.federfuehrend,
                    sitzung_id,
                    titel,
                    letzter,
                    tage,
                )
            )
    return ergebnis


def _text(name: str, faellige: list[Faellig], adresse: str) -> str:
    zeilen = [
        f"Guten Tag {name},",
        "",
        "diese Vorlagen Ihres Amts sind noch nicht freigegeben, und ihre Frist endet bald:",
        "",
    ]
    for f in faellige:
        wann = "morgen" if f.tage == 1 else "heute"
        zeilen += [
            f"- Vorlage {f.bezeichnung}: {f.betreff}",
            f"  für die Sitzung {f.sitzung} – Frist {wann}, am {datum(f.frist)}",
            f"  {adresse}{WURZEL}mitzeichnung/{f.ordner}",
        ]
    zeilen += ["", "Diese Erinnerung kommt einmal je Vorlage und Frist."]
    return "\n".join(zeilen) + "\n"


def erinnern(konfiguration: Konfiguration, data: Path, ausgabe: Path, heute: dt.date) -> list[str]:
    """Sends today's reminders (each Vorlage and deadline once); what was done, in German lines."""
    if konfiguration.post is None:
        return [OHNE_POST]
    facts, probleme = fakten.load(data)
    if facts is None:
        return ["Die Daten lassen sich nicht lesen – keine Erinnerung versandt:", *(p.message for p in probleme[:5])]
    schon = gesendet(konfiguration.zustand)
    offen = [f for f in faellig(facts, ausgabe, heute) if (f.ordner, f.sitzung_id, f.frist.isoformat()) not in schon]
    leute = [p for p in post.personen(konfiguration.zustand, konfiguration.rechte) if "@" in p.email]
    je_person: dict[str, list[Faellig]] = defaultdict(list)
    namen: dict[str, str] = {}
    bericht, fehlgeschlagen = [], set()
    for f in offen:
        an = [p for p in leute if darf_bearbeiten(p, f.federfuehrend)]
        if not an:
            bericht.append(
                f"Vorlage {f.bezeichnung}: niemand der Sachbearbeitung von {f.federfuehrend} hat eine E-Mail-Adresse."
            )
            fehlgeschlagen.add(f)
        for p in an:
            je_person[p.email].append(f)
            namen[p.email] = p.anzeigename
    for email, liste in sorted(je_person.items()):
        betreff = f"Frist für Vorlagen: {anzahl(len(liste), 'Vorlage', 'Vorlagen')} noch nicht freigegeben"
        meldung = post.senden(
            konfiguration.post, [email], betreff, _text(namen[email], liste, konfiguration.oeffentlich)
        )
        if meldung:
            bericht.append(meldung)
            fehlgeschlagen.update(liste)
        else:
            bericht.append(f"Erinnerung an {email}: " + ", ".join(f.bezeichnung for f in liste))
    _merken(konfiguration.zustand, [f for f in offen if f not in fehlgeschlagen])
    return bericht or [f"Keine Erinnerung fällig am {datum(heute)}."]


def ausfuehren(konfiguration: Konfiguration, heute: dt.date | None = None) -> int:
    """`vorlagen server erinnern`: today's reminders; 1 when a mail could not be sent (the next run tries again)."""
    from vorlagen.load.settings import locate

    repository, probleme = locate(None, None, start=konfiguration.datenrepository)
    if repository is None:
        print("\n".join(str(p) for p in probleme), file=sys.stderr)
        return 1
    bericht = erinnern(konfiguration, repository.data, repository.root / "output", heute or dt.date.today())
    print("\n".join(bericht))
    return 1 if any("nicht versandt" in z for z in bericht) else 0
