"""How a Drucksache names who submitted it and the Drucksachen it is bound to: the Einreicher as printed in the head,
on the agenda, in the overview and in OParl, and the lines under the head of both sides of a link (an Änderungsantrag
and its Vorlage, an Anfrage and its Beantwortung, an Antrag and the administration's Stellungnahme). A public
document names no non-public Drucksache."""

from __future__ import annotations

from vorlagen.core.fmt import datum
from vorlagen.load.facts import Facts
from vorlagen.load.niederschrift import Niederschrift
from vorlagen.load.records import changed
from vorlagen.load.vorlage import Vorlage


def einreicher(facts: Facts, vorlage: Vorlage) -> str | None:
    """'Fraktion Am Strom' or 'Dr. A. Beispiel und B. Muster'; None where the Vorlage has no Einreicher."""
    e, v = vorlage.einreicher, facts.vertretung
    if e is None or v is None:
        return None  # without vertretung.yaml the check has refused the Einreicher
    if e.fraktion is not None:
        fraktion = v.fraktion(e.fraktion)
        return fraktion.name if fraktion is not None else e.fraktion
    namen = [m.name if (m := v.mitglied(i)) is not None else i for i in e.mitglieder]
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " und " + namen[-1]


def eingereicht(facts: Facts, vorlage: Vorlage) -> str | None:
    """The head's value: 'Fraktion Am Strom, 12.06.2020'."""
    name = einreicher(facts, vorlage)
    if name is None or vorlage.einreicher is None:
        return None
    return f"{name}, {datum(vorlage.einreicher.datum)}"


def _zeigbar(vorlage: Vorlage, andere: Vorlage) -> bool:
    """A public document names only public Drucksachen."""
    return andere.oeffentlich or not vorlage.oeffentlich


def _punkt(punkt: int | None) -> str:
    return f", Punkt {punkt} des Beschlussvorschlags" if punkt is not None else ""


def verweise(facts: Facts, vorlage: Vorlage) -> list[str]:
    """The lines under the head that name the Drucksachen this one is bound to, in both directions."""
    zeilen = []
    a = vorlage.aendert
    if a is not None and (ziel := facts.vorlage(a.vorlage)) is not None and _zeigbar(vorlage, ziel.vorlage):
        zeilen.append(f"Änderungsantrag zur Vorlage {a.vorlage}{_punkt(a.punkt)}")
    for key, text in (("beantwortet", "Beantwortung der Anfrage"), ("stellungnahme_zu", "Stellungnahme zum Antrag")):
        nummer = getattr(vorlage, key)
        if nummer is not None and (ziel := facts.vorlage(nummer)) is not None and _zeigbar(vorlage, ziel.vorlage):
            wer = einreicher(facts, ziel.vorlage)
            zeilen.append(f"{text} {nummer}" + (f" ({wer})" if wer else ""))
    if vorlage.nummer is None:
        return zeilen
    for source in facts.verweise_auf(vorlage.nummer):
        andere = source.vorlage
        if andere.nummer is None or not _zeigbar(vorlage, andere):
            continue
        wer = einreicher(facts, andere)
        von = f" ({wer})" if wer else ""
        if andere.aendert is not None and andere.aendert.vorlage == vorlage.nummer:
            zeilen.append(f"Änderungsantrag {andere.nummer}{von}{_punkt(andere.aendert.punkt)}")
        if andere.beantwortet == vorlage.nummer:
            zeilen.append(f"Beantwortet mit Vorlage {andere.nummer}")
        if andere.stellungnahme_zu == vorlage.nummer:
            zeilen.append(f"Stellungnahme der Verwaltung: Vorlage {andere.nummer}")
    return zeilen


def mit_fraktionen(facts: Facts, niederschrift: Niederschrift) -> Niederschrift:
    """A Niederschrift whose attendance names each member's Fraktion as vertretung.yaml names it: a Kürzel by its
    name, a missing one from the member of the same name (a copy; without vertretung.yaml the record as it is)."""
    v = facts.vertretung
    if v is None or not niederschrift.anwesend.mitglieder:
        return niederschrift
    namen = {f.id: f.name for f in v.fraktionen}
    von = {m.name: m.fraktion for m in v.mitglieder if m.fraktion is not None}
    mitglieder = []
    for m in niederschrift.anwesend.mitglieder:
        fraktion = m.fraktion if m.fraktion is not None else von.get(m.name)
        mitglieder.append(changed(m, fraktion=namen.get(fraktion, fraktion) if fraktion is not None else None))
    return changed(niederschrift, anwesend=changed(niederschrift.anwesend, mitglieder=mitglieder))
