"""Facts a Vorlage may not know yet (Nummer, Amt, the Termin of a Beratung): what is open, how it prints, and what
publishing needs before a Sitzungsmappe or publish bundle goes out."""

from __future__ import annotations

from typing import Protocol

from vorlagen.core.fmt import numerus
from vorlagen.core.problems import Problem
from vorlagen.load.facts import Facts
from vorlagen.load.records import changed
from vorlagen.load.vorlage import Vorlage
from vorlagen.load.vorlagenordner import VorlageSource

OFFEN = "noch offen"  # a header field not yet known
TERMIN_OFFEN = "Termin offen"  # a Beratung whose Sitzung is not yet set
ART_OFFEN = "Vorlage (Art noch offen)"  # printed in the Art box while the Vorlagenart is open


class Offen(str):
    """A fact not stated yet, as a text quotes it: a text, so that it reads „noch offen“ whatever the text does
    with it ({{ vorlage.nummer | upper }}, {{ "Nr. " ~ vorlage.nummer }})."""


class _Offen(Protocol):
    """Computed Finanzielle Auswirkungen (compute/haushalt.Auswirkungen, which reads this module): what they
    leave open, (what, where) each."""

    @property
    def offen(self) -> list[tuple[str, str]]: ...


def zitiert(vorlage: Vorlage) -> Vorlage:
    """The Vorlage as its texts quote it: an open Nummer reads „noch offen“ (a copy; the record is kept)."""
    if vorlage.nummer is not None:
        return vorlage
    return changed(vorlage, nummer=Offen(OFFEN))


def offen(facts: Facts, source: VorlageSource, haushalt: _Offen | None = None) -> list[str]:
    """What this Vorlage does not state yet, as `check` lists it (a Datum is not: where a body does not require one,
    a Vorlage may stay without). `haushalt`: its computed Finanzielle Auswirkungen, whose open facts count too."""
    result = [label for label, _ in _publish_needs(facts, source, haushalt)]
    gremien = {g.id: g.name for g in facts.koerperschaft.gremien}
    for beratung in source.vorlage.beratungsfolge:
        if beratung.termin_offen:
            assert beratung.gremium is not None  # Beratung.check: without a Sitzung, the Gremium is given
            rolle = f" ({beratung.rolle})" if beratung.rolle else ""
            result.append(f"Sitzungstermin {gremien.get(beratung.gremium, beratung.gremium)}{rolle}")
    return list(dict.fromkeys(result))  # four open sources of a year's Deckung: one „Quelle der Deckung 2024“


def _publish_needs(facts: Facts, source: VorlageSource, haushalt: _Offen | None = None) -> list[tuple[str, str]]:
    """(what, where to state it) of each open fact a published Vorlage must state: its Nummer, its Art and, where
    the body has Ämter, its Amt; what its Finanzielle Auswirkungen leave open (`haushalt`: computed, with .offen)."""
    result = []
    if source.vorlage.nummer is None:
        result.append(("Nummer", "nummer"))
    if source.vorlage.art is None:
        result.append(("Vorlagenart", "art"))
    k, vorlage = facts.koerperschaft, source.vorlage
    art = k.hausstil.arten.get(vorlage.art) if vorlage.art is not None else None
    eingereicht = art is not None and art.eingereicht  # an Einreicher instead of an Amt, who also signs
    if vorlage.federfuehrend is None and k.aemter and not eingereicht:
        result.append(("federführendes Amt", "federfuehrend"))
    if art is not None and art.stellungnahme and not _mit_stellungnahme(facts, vorlage):
        wo = f'eine eigene vorlage.yaml mit stellungnahme_zu: "{vorlage.nummer}"'  # the administration's Vorlage
        result.append(("Stellungnahme der Verwaltung", wo))
    if (
        k.verwaltungschef is None
        and vorlage.unterschrift is None
        and k.hausstil.unterschrift.form == "verwaltungschef"
        and not eingereicht
    ):
        result.append(("Verwaltungschef (Unterschrift)", "koerperschaft.yaml: verwaltungschef"))
    result += list(getattr(haushalt, "offen", []))
    result += _platzhalter(facts, source)
    return result


def _mit_stellungnahme(facts: Facts, vorlage: Vorlage) -> bool:
    """Whether a Vorlage of the administration gives its Stellungnahme to this Antrag („stellungnahme_zu“)."""
    if vorlage.nummer is None:
        return False
    return any(s.vorlage.stellungnahme_zu == vorlage.nummer for s in facts.verweise_auf(vorlage.nummer))


def _platzhalter(facts: Facts, source: VorlageSource) -> list[tuple[str, str]]:
    """The examples `vorlagen neu` and `vorlage neu` wrote that this Vorlage still relies on (marked `platzhalter:
    true`): the body's name, the Vorlage's own scaffold, its Amt, Sitzungen and Gremien."""
    k, vorlage = facts.koerperschaft, source.vorlage
    result = []
    if k.platzhalter:
        result.append((f"Name der Körperschaft „{k.name}“ (Platzhalter)", "koerperschaft.yaml: name"))
    if vorlage.platzhalter:
        result.append(
            ("Texte und Angaben des Gerüsts (Platzhalter)", f"vorlagen/{source.folder.name}/vorlage.yaml: platzhalter")
        )
    amt = next((a for a in k.aemter if a.id == vorlage.federfuehrend), None)
    if amt is not None and amt.platzhalter:
        result.append((f"Amt „{amt.name}“ (Platzhalter)", "koerperschaft.yaml: aemter"))
    for b in vorlage.beratungsfolge:
        sitzung = facts.sitzungen.get(b.sitzung) if b.sitzung is not None else None
        if sitzung is not None and sitzung.platzhalter:
            result.append((f"Sitzung {b.sitzung} (Platzhalter)", f"sitzungen/{b.sitzung}.yaml"))
        gremium_id = sitzung.gremium if sitzung is not None else b.gremium
        gremium = next((g for g in k.gremien if g.id == gremium_id), None)
        if gremium is not None and gremium.platzhalter:
            result.append((f"Gremium „{gremium.name}“ (Platzhalter)", "koerperschaft.yaml: gremien"))
    return list(dict.fromkeys(result))


def offen_zur_veroeffentlichung(facts: Facts, source: VorlageSource, haushalt: _Offen | None = None) -> list[str]:
    """What the Vorlage still leaves open that publishing needs (the OParl endpoint waits for it)."""
    return [label for label, _ in _publish_needs(facts, source, haushalt)]


def check_veroeffentlichung(
    facts: Facts, source: VorlageSource, wofuer: str, sitzung_id: str | None = None, haushalt: _Offen | None = None
) -> list[Problem]:
    """A Vorlage going out in `wofuer` (e.g. 'die Sitzungsmappe ASI-2021-06-10') states what publishing needs; in
    the packet of `sitzung_id` its Beratungsfolge does not print that Sitzung's Termin as open."""
    fehlt = _publish_needs(facts, source, haushalt)
    if sitzung_id is not None and sitzung_id in facts.sitzungen:
        gremium = facts.sitzungen[sitzung_id].gremium
        offen_hier = [b for b in source.vorlage.beratungsfolge if b.sitzung is None and b.gremium == gremium]
        if offen_hier and not any(b.sitzung == sitzung_id for b in source.vorlage.beratungsfolge):
            fehlt.append((f"der Termin der Beratung im Gremium {gremium}", f"sitzung: {sitzung_id}"))
    if not fehlt:
        return []
    what = " und ".join(f"{label} ({key})" if "yaml" in key else f"{label} („{key}“)" for label, key in fehlt)
    wo = "vorlage.yaml" if not any("yaml" in key for _, key in fehlt) else "den genannten Dateien"
    return [
        Problem(
            source.vorlage.where(),
            f"Die Vorlage {source.bezeichnung} geht in {wofuer}, aber noch offen "
            f"{numerus(len(fehlt), 'ist', 'sind')}: {what} – ergänzen Sie "
            f"dies in {wo}.",
        )
    ]
