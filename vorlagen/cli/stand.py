"""What `pruefen` and `bauen` report besides problems: a summary of what was computed, the deadlines of coming
Sitzungen, Beratungen without a recorded result, the facts the Vorlagen do not state yet, and what the budget-law
checks could not check."""

from __future__ import annotations

import datetime as dt

from vorlagen.compute.anfragen import offene_anfragen
from vorlagen.compute.hauptbuch import Project
from vorlagen.compute.niederschrift import offene_beratungen
from vorlagen.compute.offen import OFFEN, TERMIN_OFFEN, offen
from vorlagen.compute.sitzungen import fristen
from vorlagen.core.fmt import anzahl, datum, gekuerzt
from vorlagen.load.facts import Facts
from vorlagen.load.vorlage import Vorlage


def summary(project: Project) -> str:
    """'2 Vorlagen, 5 Berechnungen' – for the closing line of a command."""
    vorlagen = len(project.facts.vorlagen)
    tabellen = sum(len(r.tabellen) for r in project.rechnungen.values())
    return f"{anzahl(vorlagen, 'Vorlage', 'Vorlagen')}, {anzahl(tabellen, 'Berechnung', 'Berechnungen')}"


def vom(vorlage: Vorlage) -> str:
    """' vom 27.05.2021' – or nothing for a Vorlage without a Datum."""
    return f" vom {datum(vorlage.datum)}" if vorlage.datum else ""


def render_fristen(facts: Facts, stichtag: dt.date) -> str:
    """The deadline list as German text."""
    listing = fristen(facts, stichtag)
    if not listing:
        return f"Keine Sitzungen ab dem {datum(stichtag)}.\n"
    gremien = {g.id: g.name for g in facts.koerperschaft.gremien}
    lines = [f"Sitzungen ab dem {datum(stichtag)}:"]
    for sitzung_id, sitzung, last_day, zeilen in listing:
        lines.append(
            f"  {sitzung_id} – {gremien[sitzung.gremium]} am {datum(sitzung.datum)}, "
            f"Frist für Vorlagen: {datum(last_day)}"
        )
        if not zeilen:
            lines.append("    (noch keine Vorlagen)")
        for z in zeilen:
            top = f"TOP {z.top}" if z.top else "ohne TOP"
            status = "; ".join(z.hinweise) if z.hinweise else "rechtzeitig"
            name = z.vorlage.nummer or f"(Nummer offen) {gekuerzt(z.vorlage.betreff, 40)}"
            lines.append(f"    {top:<9} {name}{vom(z.vorlage)}: {status}")
    # the Vorlagen that need attention, each once however many Sitzungen name it, and those Sitzungen
    flagged = {id(z.vorlage) for *_, zeilen in listing for z in zeilen if z.hinweise}
    sitzungen = sum(1 for *_, zeilen in listing if any(z.hinweise for z in zeilen))
    wo = f" (in {anzahl(sitzungen, 'Sitzung', 'Sitzungen')})" if sitzungen > len(flagged) else ""
    lines.append(
        f"{anzahl(len(flagged), 'Vorlage braucht', 'Vorlagen brauchen')} Aufmerksamkeit{wo}."
        if flagged
        else "Alle Vorlagen sind rechtzeitig und in der Beratungsfolge."
    )
    return "\n".join(lines) + "\n"


def render_offene(facts: Facts, stichtag: dt.date) -> str:
    """For `check`: each past Beratung without a recorded result; empty when there is none."""
    missing = offene_beratungen(facts, stichtag)
    if not missing:
        return ""
    gremien = {g.id: g.name for g in facts.koerperschaft.gremien}
    rollen = {(s.vorlage.nummer, b.sitzung): b.rolle for s in facts.vorlagen for b in s.vorlage.beratungsfolge}
    lines = [f"Beratungsergebnisse fehlen (Sitzungen vor dem {datum(stichtag)}):"]
    for nummer, sitzung_id in missing:
        sitzung, rolle = facts.sitzungen[sitzung_id], rollen[(nummer, sitzung_id)]
        lines.append(
            f"  {sitzung_id} – {gremien[sitzung.gremium]} am {datum(sitzung.datum)}: Vorlage {nummer} "
            + (f"({rolle}) " if rolle else "")
            + f"– tragen Sie das Ergebnis in sitzungen/{sitzung_id}/niederschrift.yaml ein."
        )
    return "\n".join(lines) + "\n"


def render_offen(facts: Facts, haushalte: dict | None = None) -> str:
    """For `check`: per Vorlage what is still open; empty when every fact is stated. `haushalte`: slug → the
    computed Finanzielle Auswirkungen of each Vorlage (their open facts are listed too)."""
    lines = []
    for source in facts.vorlagen:
        fehlt = offen(facts, source, (haushalte or {}).get(source.slug))
        if fehlt:
            lines.append(f"  {source.folder.name}: {gekuerzt(source.vorlage.betreff, 60)} – {', '.join(fehlt)}")
    if not lines:
        return ""
    needs = "Nummer und federführendem Amt" if facts.koerperschaft.aemter else "einer Nummer"
    return (
        f"Noch offen (gedruckt als „{OFFEN}“ bzw. „{TERMIN_OFFEN}“; in eine Sitzungsmappe und nach OParl kommt "
        f"eine Vorlage erst mit {needs} und allem anderen, was hier steht, außer den Terminen):\n"
        + "\n".join(lines)
        + "\n"
    )


def render_ungeprueft(facts: Facts, haushalte: dict | None = None) -> str:
    """For `check`: per Vorlage what the budget-law checks could not check because the data do not state what they
    need (a stated overrun without Ansatz and whole amount, a source of a Deckung without its Ansatz, an open
    threshold); empty when everything was checked. `haushalte`: slug → the computed Finanzielle Auswirkungen."""
    lines = []
    for source in facts.vorlagen:
        a = (haushalte or {}).get(source.slug)
        for was in dict.fromkeys(a.ungeprueft if a is not None else []):
            lines.append(f"  {source.folder.name}: {was}")
    if not lines:
        return ""
    return (
        "Nicht geprüft (die Daten nennen nicht, was die Prüfung braucht; gedruckt wird, was die Vorlage nennt):\n"
        + "\n".join(lines)
        + "\n"
    )


def render_anfragen(facts: Facts, stichtag: dt.date) -> str:
    """For `check`: each Anfrage not answered yet, with the day it is due (overdue before `stichtag`); empty when
    every Anfrage has its Beantwortung."""
    offen = offene_anfragen(facts)
    if not offen:
        return ""
    lines = ["Unbeantwortete Anfragen:"]
    for a in offen:
        eingereicht = f", eingereicht am {datum(a.eingereicht)}" if a.eingereicht else ""
        if a.faellig is None:
            frist = "ohne Frist (weder „antwort_bis“ noch „geschaeftsordnung: antwortfrist_tage“)"
        else:
            frist = f"zu beantworten bis {datum(a.faellig)}" + (" (überfällig)" if a.faellig < stichtag else "")
        lines.append(f"  {a.source.bezeichnung}: {gekuerzt(a.source.vorlage.betreff, 60)}{eingereicht}, {frist}")
    return "\n".join(lines) + "\n"
