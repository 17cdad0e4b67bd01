"""Facts a Vorlage may not know yet (Nummer, Amt, Datum, the Termin of a Beratung): what is open, how it prints,
and what publishing needs before a Sitzungsmappe or publish bundle goes out."""

from __future__ import annotations

from vorlagen.core.problems import Problem
from vorlagen.load.facts import Facts, VorlageSource

OFFEN = "noch offen"  # a header field not yet known
TERMIN_OFFEN = "Termin offen"  # a Beratung whose Sitzung is not yet set


def offen(facts: Facts, source: VorlageSource) -> list[str]:
    """What this Vorlage does not state yet, as `check` lists it, in the order of the header."""
    vorlage, stil = source.vorlage, facts.koerperschaft.hausstil
    result = [*_fuer_veroeffentlichung(facts, source)]
    if vorlage.datum is None and "datum" in stil.kopf.felder and stil.datum_pflicht is False:
        result.append("Datum")
    gremien = {g.id: g.name for g in facts.koerperschaft.gremien}
    for beratung in vorlage.beratungsfolge:
        if beratung.sitzung is None:
            result.append(f"Sitzungstermin {gremien.get(beratung.gremium or '', beratung.gremium)} ({beratung.rolle})")
    return result


def _fuer_veroeffentlichung(facts: Facts, source: VorlageSource) -> list[str]:
    """The open facts a published Vorlage must state: its Nummer and, where the body has Ämter, its Amt."""
    return [label for label, _ in _publish_needs(facts, source)]


def _publish_needs(facts: Facts, source: VorlageSource) -> list[tuple[str, str]]:
    """(what, the key in vorlage.yaml) of each open fact that publishing needs."""
    result = []
    if source.vorlage.nummer is None:
        result.append(("Nummer", "nummer"))
    if source.vorlage.federfuehrend is None and facts.koerperschaft.aemter:
        result.append(("federführendes Amt", "federfuehrend"))
    return result


def render_offen(facts: Facts) -> str:
    """For `check`: per Vorlage what is still open; empty when every fact is stated."""
    lines = []
    for source in facts.vorlagen:
        fehlt = offen(facts, source)
        if fehlt:
            lines.append(f"  {source.folder.name}: {source.vorlage.betreff[:60]} – {', '.join(fehlt)}")
    if not lines:
        return ""
    needs = "Nummer und federführendem Amt" if facts.koerperschaft.aemter else "einer Nummer"
    return (f"Noch offen (gedruckt als „{OFFEN}“ bzw. „{TERMIN_OFFEN}“; in eine Sitzungsmappe und nach OParl kommt "
            f"eine Vorlage erst mit {needs}):\n" + "\n".join(lines) + "\n")


def check_veroeffentlichung(facts: Facts, source: VorlageSource, wofuer: str) -> list[Problem]:
    """A Vorlage going out in `wofuer` (e.g. 'die Sitzungsmappe ASI-2021-06-10') states what publishing needs."""
    fehlt = _publish_needs(facts, source)
    if not fehlt:
        return []
    what = " und ".join(f"{label} („{key}“)" for label, key in fehlt)
    return [Problem(source.vorlage.where(), f"Die Vorlage {source.bezeichnung} geht in {wofuer}, aber noch offen "
                                            f"{'ist' if len(fehlt) == 1 else 'sind'}: {what} – ergänzen Sie "
                                            "dies in vorlage.yaml.")]
