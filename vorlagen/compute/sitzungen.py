"""Sitzungen: agenda consistency and the deadline list for the Sitzungsdienst."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vorlagen.core.fmt import anzahl, datum
from vorlagen.core.problems import Problem
from vorlagen.load.facts import Facts
from vorlagen.load.references import unknown
from vorlagen.load.sitzungen import Sitzung, Top
from vorlagen.load.vorlage import Vorlage


def check_tagesordnungen(facts: Facts) -> list[Problem]:
    """TOP numbers are unique, TOPs name existing Vorlagen, and no non-public Vorlage is in the public part."""
    problems = []
    vorlagen = {s.vorlage.nummer: s.vorlage for s in facts.vorlagen if s.vorlage.nummer is not None}
    for sitzung_id, sitzung in facts.sitzungen.items():
        seen: set[str] = set()
        for public, top in tops(sitzung):
            if top.top in seen:
                problems.append(
                    Problem(
                        top.where("top"),
                        f"TOP {top.top} steht zweimal in der Tagesordnung von "
                        f"„{sitzung_id}“ – nummerieren Sie eindeutig.",
                    )
                )
            seen.add(top.top)
            if top.vorlage is None:
                continue
            if top.vorlage not in vorlagen and not facts.is_unreadable("vorlagen", top.vorlage):
                problems.append(
                    unknown(
                        top.where("vorlage"),
                        " Vorlage",
                        top.vorlage,
                        vorlagen,
                        "nennen Sie die Nummer einer Vorlage aus vorlagen/.",
                    )
                )
            elif top.vorlage in vorlagen and public and not vorlagen[top.vorlage].oeffentlich:
                problems.append(
                    Problem(
                        top.where("vorlage"),
                        f"TOP {top.top}: Die Vorlage {top.vorlage} ist "
                        "nichtöffentlich und darf nicht im öffentlichen Teil "
                        "stehen – verschieben Sie den TOP unter „nichtoeffentlich“.",
                    )
                )
    return problems


def tops(sitzung: Sitzung) -> list[tuple[bool, Top]]:
    """(public, TOP) in agenda order: public part first."""
    if sitzung.tagesordnung is None:
        return []
    return [(True, t) for t in sitzung.tagesordnung.oeffentlich] + [
        (False, t) for t in sitzung.tagesordnung.nichtoeffentlich
    ]


def frist(facts: Facts, sitzung: Sitzung) -> dt.date:
    """The last day a Vorlage for this Sitzung may be dated."""
    return sitzung.datum - dt.timedelta(days=facts.gremium(sitzung.gremium).frist_tage)


@dataclass
class Fristzeile:
    top: str | None  # None: in the Beratungsfolge, but on no TOP
    vorlage: Vorlage
    hinweise: list[str] = field(default_factory=list)  # empty: in time and consistent


def fristen(facts: Facts, stichtag: dt.date) -> list[tuple[str, Sitzung, dt.date, list[Fristzeile]]]:
    """For each Sitzung from `stichtag` on: its deadline and its Vorlagen, with what is wrong."""
    vorlagen = {s.vorlage.nummer: s.vorlage for s in facts.vorlagen if s.vorlage.nummer is not None}
    result = []
    for sitzung_id, sitzung in sorted(facts.sitzungen.items(), key=lambda item: (item[1].datum, item[0])):
        if sitzung.datum < stichtag:
            continue
        last_day = frist(facts, sitzung)
        zeilen = []
        on_agenda = set()
        for _, top in tops(sitzung):
            if top.vorlage in vorlagen:
                on_agenda.add(top.vorlage)
                zeilen.append(_zeile(top.top, vorlagen[top.vorlage], sitzung_id, last_day, sitzung.gremium))
        for vorlage in (s.vorlage for s in facts.vorlagen):
            if vorlage.nummer not in on_agenda and any(b.sitzung == sitzung_id for b in vorlage.beratungsfolge):
                zeile = _zeile(None, vorlage, sitzung_id, last_day, sitzung.gremium)
                zeile.hinweise.append("steht in der Beratungsfolge, aber auf keinem TOP")
                zeilen.append(zeile)
        result.append((sitzung_id, sitzung, last_day, zeilen))
    return result


def _zeile(top: str | None, vorlage: Vorlage, sitzung_id: str, last_day: dt.date, gremium: str) -> Fristzeile:
    zeile = Fristzeile(top, vorlage)
    if vorlage.datum is None:  # nothing is known of its timeliness: it is not called „rechtzeitig“
        zeile.hinweise.append(f"ohne Datum – ob sie die Frist ({datum(last_day)}) hält, ist offen")
    elif vorlage.datum > last_day:
        days = (vorlage.datum - last_day).days
        zeile.hinweise.append(f"ZU SPÄT: {anzahl(days, 'Tag', 'Tage')} nach der Frist")
    if not any(b.sitzung == sitzung_id for b in vorlage.beratungsfolge):
        if any(b.sitzung is None and b.gremium == gremium for b in vorlage.beratungsfolge):
            zeile.hinweise.append(
                f"Termin in der Beratungsfolge noch offen – tragen Sie „sitzung: {sitzung_id}“ statt „gremium“ ein"
            )
        else:
            zeile.hinweise.append("FEHLT in der Beratungsfolge der Vorlage")
    return zeile
