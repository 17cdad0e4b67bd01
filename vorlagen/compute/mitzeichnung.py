"""Which roles must sign a Vorlage before it goes out: per Vorlagenart, and by condition (financial effect)."""

from __future__ import annotations

import re

from vorlagen.load.facts import VorlageSource
from vorlagen.load.hausstil import Hausstil

KEINE = (["keine"], ["nein"], ["keine", "finanziellen", "auswirkungen"])  # texts that state no financial effect


def finanzielle_auswirkungen(source: VorlageSource) -> bool:
    """True when a Vorlage has financial effect: a financing table, or a Finanzielle-Auswirkungen text other than
    „Keine.“ – the one place that decides it (the Haushalt's Finanzielle Auswirkungen will answer here)."""
    vorlage = source.vorlage
    if vorlage.finanzierung:
        return True
    if vorlage.finanzielle_auswirkungen is None or vorlage.finanzielle_auswirkungen not in source.texts:
        return False
    return re.findall(r"\w+", source.texts[vorlage.finanzielle_auswirkungen].content.lower()) not in KEINE


def erforderlich(stil: Hausstil, source: VorlageSource) -> list[str]:
    """The roles that must sign this Vorlage, in the Hausstil's order: its Art's, then the financial ones."""
    art = stil.arten.get(source.vorlage.art)
    rollen = list(art.mitzeichnung) if art is not None else []
    if stil.mitzeichnung.finanzielle_auswirkungen and finanzielle_auswirkungen(source):
        rollen += stil.mitzeichnung.finanzielle_auswirkungen
    return list(dict.fromkeys(rollen))
