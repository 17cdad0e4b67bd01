"""Beschlusskontrolle: the Aufträge of all Niederschriften, open ones per Amt, overdue ones flagged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import PurePosixPath

from vorlagen.compute.beschluss import nicht_festgehalten
from vorlagen.compute.niederschrift import Auftragszeile, auftraege
from vorlagen.core.fmt import Zahlformat, datum
from vorlagen.core.money import exact
from vorlagen.core.problems import Problem, raise_if
from vorlagen.load.beschlossen import Beschlossen
from vorlagen.load.haushaltsposition import Position
from vorlagen.render.document import Composer, slugify
from vorlagen.render.vorlagendokument import INTERNAL

FOLDER = INTERNAL.parent / "beschlusskontrolle"


@dataclass
class Haushaltsstand:
    """A Position a decided Vorlage draws on, as it stands after the decision: the bookings since."""

    vorlage: str  # Bezeichnung
    entschieden: dt.date
    jahr: int
    position: str  # as printed
    betrag: str  # the Vorlage's amount there
    gebucht: str  # bound since the decision: bookings from its day on, or what `gebunden` grew beyond the kept one
    verfuegbar: str  # what is free there now (Ansatz − gebunden with every booking)
    hinweis: str | None = None  # a Deckung the decision relied on that the source no longer has free


def haushalt_nach_beschluss(composer: Composer) -> list[Haushaltsstand]:
    """For each decided Vorlage: the Positionen it spends at or draws its Deckung from that have bookings since its
    decision (dated bookings, or `gebunden` above what beschlossen.yaml kept), and what is free there now – the state
    after the decision, which the decided Vorlage itself does not print (it keeps the state it was decided on). A
    Deckung whose part not yet bound exceeds what its source has free now carries a note (`hinweis`)."""
    project, facts = composer.project, composer.facts
    zahlformat = facts.koerperschaft.zahlformat
    geld = zahlformat.geld
    rows = []
    for source in facts.vorlagen:
        tag, a = project.entschieden.get(source.slug), project.rechnung(source).haushalt
        if tag is None or a is None:
            continue
        stellen = [(z.jahr, z.position, z.betrag, "") for z in a.zeilen]
        stellen += [(d.jahr, d.position, d.betrag, f", {d.art}") for d in a.deckungen if d.position is not None]
        for jahr, position, betrag, art in stellen:
            haushalt = facts.haushalte[jahr]
            index, jetzt = next(
                (i, p)
                for i, p in enumerate(haushalt.positionen)
                if p.konto == position.konto and p.plan == position.plan
            )
            kept = _kept(source.beschlossen, jahr, jetzt)
            seither = (
                sum((exact(b.betrag) for b in jetzt.buchungen if b.datum >= tag), Fraction(0))
                if kept is None
                else exact(haushalt.am(None).positionen[index].gebunden) - exact(kept)
            )
            frei = exact(haushalt.am(None).positionen[index].verfuegbar)
            offen = max(Fraction(0), Fraction(betrag) - seither) if art else Fraction(0)  # a Deckung not yet bound
            if not seither and offen <= frei:
                continue
            stelle = f"{position.art} {position.konto}{art}"
            rows.append(
                Haushaltsstand(
                    source.bezeichnung,
                    tag,
                    jahr,
                    stelle,
                    geld(betrag),
                    geld(exact(seither)),
                    geld(frei),
                    _hinweis(
                        source.bezeichnung,
                        tag,
                        jahr,
                        stelle,
                        betrag,
                        offen,
                        frei,
                        bool(seither) or kept is not None,
                        zahlformat,
                    )
                    if offen > frei
                    else None,
                )
            )
    return rows


def _hinweis(
    vorlage: str,
    tag: dt.date,
    jahr: int,
    stelle: str,
    betrag: Fraction,
    offen: Fraction,
    frei: Fraction,
    seither: bool,
    zahlformat: Zahlformat,
) -> str:
    """Why a decided Deckung does not stand now: more of it is still to be bound than the source has free. `seither`:
    whether anything is known to have changed since the decision (bookings from its day on, or a kept Haushalt to
    compare with) – only then does the note say so."""
    geld = zahlformat.geld
    warum = (
        "reicht nach den Buchungen und Änderungen seit dem Beschluss nicht mehr"
        if seither
        else "reicht nach dem Haushalt, wie er heute steht, nicht – ob sie am Beschlusstag reichte, lässt sich ohne "
        "den festgehaltenen Haushalt des Beschlusses nicht sagen"
    )
    return (
        f"Vorlage {vorlage} (beschlossen am {datum(tag)}) deckt {jahr} {geld(betrag)} aus {stelle}; davon sind "
        f"{geld(offen)} noch nicht gebunden, dort aber nur {geld(frei)} verfügbar – die Deckung des Beschlusses "
        f"{warum}: prüfen Sie sie oder decken Sie den Rest anders. Die beschlossene Vorlage bleibt, wie sie "
        "beschlossen wurde."
    )


def _kept(beschlossen: Beschlossen | None, jahr: int, position: Position) -> Decimal | None:
    """What beschlossen.yaml kept as bound at this Position on the decision day (None: nothing kept)."""
    if beschlossen is None:
        return None
    return next(
        (
            p.gebunden
            for p in beschlossen.positionen
            if (p.jahr, p.konto, p.plan) == (jahr, position.konto, position.plan)
        ),
        None,
    )


@dataclass
class Liste:
    datei: str  # file stem in FOLDER, e.g. beschlusskontrolle or amt-ki
    titel: str
    web: str
    print: str


def listen(composer: Composer, stichtag: dt.date) -> list[Liste]:
    """The overall list and one per Amt that has Aufträge; overdue means open with a Frist before `stichtag`.
    Raises BuildFailed when their template fails."""
    facts = composer.facts
    rows = auftraege(facts)
    aemter = [(a.id, a.name) for a in facts.koerperschaft.aemter]
    gremien = {g.id: g.name for g in facts.koerperschaft.gremien}
    result = [_liste(composer, "beschlusskontrolle", "Beschlusskontrolle", rows, aemter, gremien, stichtag)]
    for amt_id, name in aemter:
        own = [r for r in rows if r.auftrag.amt == amt_id]
        if own:
            result.append(
                _liste(
                    composer,
                    f"amt-{slugify(amt_id)}",
                    f"Beschlusskontrolle: {name}",
                    own,
                    [(amt_id, name)],
                    gremien,
                    stichtag,
                )
            )
    raise_if([p for _, found in result for p in found])
    return [liste for liste, _ in result]


def _liste(
    composer: Composer,
    datei: str,
    titel: str,
    rows: list[Auftragszeile],
    aemter: list[tuple[str, str]],
    gremien: dict[str, str],
    stichtag: dt.date,
) -> tuple[Liste, list[Problem]]:
    gruppen = []
    for amt_id, name in aemter:
        offen = [r for r in rows if r.auftrag.amt == amt_id and r.auftrag.erledigt is None]
        if offen:
            gruppen.append((name, offen))
    erledigt = sorted(
        (r for r in rows if r.auftrag.erledigt is not None),
        key=lambda r: (r.auftrag.erledigt.datum if r.auftrag.erledigt else dt.date.min, r.sitzung_id, r.top),
    )
    ueberfaellig = sum(1 for r in rows if r.ueberfaellig(stichtag))
    html = {
        web: composer.templates.render(
            "beschlusskontrolle.html.j2",
            koerperschaft=composer.facts.koerperschaft,
            titel=titel,
            gruppen=gruppen,
            erledigt=erledigt,
            stichtag=stichtag,
            ueberfaellig=ueberfaellig,
            gremien=gremien,
            aemter={a.id: a.name for a in composer.facts.koerperschaft.aemter},
            offen=sum(len(g[1]) for g in gruppen),
            haushalt=haushalt_nach_beschluss(composer) if datei == "beschlusskontrolle" else [],
            nicht_festgehalten=list(nicht_festgehalten(composer.project).values())
            if datei == "beschlusskontrolle"
            else [],
            beschreibung=titel,
            erstellt=stichtag,
            **composer.assets(FOLDER, web),
        )
        for web in (True, False)
    }
    (web, found), (druck, more) = html[True], html[False]
    return Liste(datei, titel, web, druck), found + more


def path(liste: Liste, suffix: str) -> PurePosixPath:
    return FOLDER / f"{liste.datei}{suffix}"
