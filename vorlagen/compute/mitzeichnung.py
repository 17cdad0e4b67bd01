"""Which roles must sign a Vorlage before it goes out: per Vorlagenart, and by condition (financial effect)."""

from __future__ import annotations

import re

from vorlagen.compute.haushalt import Auswirkungen, geld
from vorlagen.load.facts import VorlageSource
from vorlagen.load.hausstil import Hausstil

KEINE = (["keine"], ["nein"], ["keine", "finanziellen", "auswirkungen"])  # texts that state no financial effect


def finanzielle_auswirkungen(source: VorlageSource, haushalt: Auswirkungen | None) -> bool:
    """True when a Vorlage has financial effect – the one place that decides it. Given as data, the computed
    Finanzielle Auswirkungen say so; otherwise a financing table, or a Finanzielle-Auswirkungen text other than
    „Keine.“"""
    vorlage = source.vorlage
    if haushalt is not None:
        return not haushalt.keine
    if vorlage.finanzierung:
        return True
    text = vorlage.finanzen_text
    if text is None or text not in source.texts:
        return False
    return re.findall(r"\w+", source.texts[text].content.lower()) not in KEINE


def erforderlich(stil: Hausstil, source: VorlageSource, haushalt: Auswirkungen | None) -> list[str]:
    """The roles that must sign this Vorlage, in the Hausstil's order: its Art's, then the financial ones."""
    art = stil.arten.get(source.vorlage.art)
    rollen = list(art.mitzeichnung) if art is not None else []
    if stil.mitzeichnung.finanzielle_auswirkungen and finanzielle_auswirkungen(source, haushalt):
        rollen += stil.mitzeichnung.finanzielle_auswirkungen
    if haushaltsrecht(haushalt) is not None:
        rollen.append(stil.mitzeichnung.kaemmerei)
    return list(dict.fromkeys(rollen))


def haushaltsrecht(haushalt: Auswirkungen | None) -> str | None:
    """Why the Kämmerei must sign whatever the Hausstil asks: the Vorlage's über-/außerplanmäßige amounts need the
    decision the Land's law asks (NRW: the Kämmerer's consent, § 83 GO NRW); None without such amounts."""
    if haushalt is None or not haushalt.mehrbedarf:
        return None
    betraege = [
        f"der {haushalt.wort(jahr)} Betrag {jahr} ({geld(betrag)})" for jahr, betrag in haushalt.mehrbedarf.items()
    ]
    verb = "braucht" if len(betraege) == 1 else "brauchen"
    return f"{' und '.join(betraege)} {verb} nach {haushalt.rechtsgrundlage} {haushalt.entscheidung}"
