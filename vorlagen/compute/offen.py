"""Facts a Vorlage may not know yet (Nummer, Amt, the Termin of a Beratung): what is open, how it prints, and what
publishing needs before a Sitzungsmappe or publish bundle goes out."""

from __future__ import annotations

from vorlagen.core.fmt import numerus
from vorlagen.core.problems import Problem
from vorlagen.load.facts import Facts
from vorlagen.load.records import changed
from vorlagen.load.vorlagenordner import VorlageSource

OFFEN = "noch offen"  # a header field not yet known
TERMIN_OFFEN = "Termin offen"  # a Beratung whose Sitzung is not yet set


class Offen(str):
    """A fact not stated yet, as a text quotes it: a text, so that it reads „noch offen“ whatever the text does
    with it ({{ vorlage.nummer | upper }}, {{ "Nr. " ~ vorlage.nummer }})."""


def zitiert(vorlage):
    """The Vorlage as its texts quote it: an open Nummer reads „noch offen“ (a copy; the record is kept)."""
    if vorlage.nummer is not None:
        return vorlage
    return changed(vorlage, nummer=Offen(OFFEN))


def offen(facts: Facts, source: VorlageSource) -> list[str]:
    """What this Vorlage does not state yet, as `check` lists it (a Datum is not: where a body does not require one,
    a Vorlage may stay without)."""
    result = [label for label, _ in _publish_needs(facts, source)]
    gremien = {g.id: g.name for g in facts.koerperschaft.gremien}
    for beratung in source.vorlage.beratungsfolge:
        if beratung.sitzung is None:
            assert beratung.gremium is not None  # Beratung.check: without a Sitzung, the Gremium is given
            rolle = f" ({beratung.rolle})" if beratung.rolle else ""
            result.append(f"Sitzungstermin {gremien.get(beratung.gremium, beratung.gremium)}{rolle}")
    return result


def _publish_needs(facts: Facts, source: VorlageSource) -> list[tuple[str, str]]:
    """(what, the key in vorlage.yaml) of each open fact a published Vorlage must state: its Nummer and, where the
    body has Ämter, its Amt."""
    result = []
    if source.vorlage.nummer is None:
        result.append(("Nummer", "nummer"))
    if source.vorlage.federfuehrend is None and facts.koerperschaft.aemter:
        result.append(("federführendes Amt", "federfuehrend"))
    return result


def check_veroeffentlichung(
    facts: Facts, source: VorlageSource, wofuer: str, sitzung_id: str | None = None
) -> list[Problem]:
    """A Vorlage going out in `wofuer` (e.g. 'die Sitzungsmappe ASI-2021-06-10') states what publishing needs; in
    the packet of `sitzung_id` its Beratungsfolge does not print that Sitzung's Termin as open."""
    fehlt = _publish_needs(facts, source)
    if sitzung_id is not None and sitzung_id in facts.sitzungen:
        gremium = facts.sitzungen[sitzung_id].gremium
        offen_hier = [b for b in source.vorlage.beratungsfolge if b.sitzung is None and b.gremium == gremium]
        if offen_hier and not any(b.sitzung == sitzung_id for b in source.vorlage.beratungsfolge):
            fehlt.append((f"der Termin der Beratung im Gremium {gremium}", f"sitzung: {sitzung_id}"))
    if not fehlt:
        return []
    what = " und ".join(f"{label} („{key}“)" for label, key in fehlt)
    return [
        Problem(
            source.vorlage.where(),
            f"Die Vorlage {source.bezeichnung} geht in {wofuer}, aber noch offen "
            f"{numerus(len(fehlt), 'ist', 'sind')}: {what} – ergänzen Sie "
            "dies in vorlage.yaml.",
        )
    ]
