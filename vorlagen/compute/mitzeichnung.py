"""Which roles must sign a Vorlage before it goes out: per Vorlagenart, and by condition (financial effect)."""

from __future__ import annotations

import re

from vorlagen.compute.haushalt import Auswirkungen
from vorlagen.core.fmt import Zahlformat, numerus
from vorlagen.core.problems import Problem
from vorlagen.load.hausstil import Hausstil
from vorlagen.load.vorlagenordner import VorlageSource

KEINE = (["keine"], ["nein"], ["keine", "finanziellen", "auswirkungen"])  # texts that state no financial effect


def finanzielle_auswirkungen(source: VorlageSource, haushalt: Auswirkungen | None) -> tuple[bool, list[Problem]]:
    """Whether a Vorlage has financial effect – the one place that decides it. Given as data, the computed
    Finanzielle Auswirkungen say so; otherwise a financing table, or a Finanzielle-Auswirkungen text other than
    „Keine.“ (a text changed since it was read is a problem)."""
    vorlage = source.vorlage
    if haushalt is not None:
        return not haushalt.keine, []
    if vorlage.finanzierung:
        return True, []
    text = vorlage.finanzen_text
    if text is None or text not in source.texts:
        return False, []
    content, problems = source.texts[text].read()
    return content is None or re.findall(r"\w+", content.lower()) not in KEINE, problems


def erforderlich(
    stil: Hausstil, source: VorlageSource, haushalt: Auswirkungen | None
) -> tuple[list[str], list[Problem]]:
    """The roles that must sign this Vorlage, in the Hausstil's order: its Art's, then the financial ones. An Antrag
    or Anfrage is the Einreicher's: the administration signs only what its Art names, its view is a Stellungnahme."""
    art = stil.arten.get(source.vorlage.art) if source.vorlage.art is not None else None
    rollen = list(art.mitzeichnung) if art is not None else []
    if art is not None and art.eingereicht:
        return rollen, []
    problems: list[Problem] = []
    if stil.mitzeichnung.finanzielle_auswirkungen:
        auswirkungen, problems = finanzielle_auswirkungen(source, haushalt)
        rollen += stil.mitzeichnung.finanzielle_auswirkungen if auswirkungen else []
    if haushaltsrecht(haushalt, stil.zahlformat) is not None:
        rollen.append(stil.mitzeichnung.kaemmerei)
    return list(dict.fromkeys(rollen)), problems


def haushaltsrecht(haushalt: Auswirkungen | None, zahlformat: Zahlformat) -> str | None:
    """Why the Kämmerei must sign whatever the Hausstil asks: the Vorlage's über-/außerplanmäßige amounts need the
    decision the Land's law asks (NRW: the Kämmerer's consent, § 83 GO NRW); None without such amounts. Above the
    threshold the deciding Gremium consents first; while a year's threshold is open, so is who decides: no claim."""
    if haushalt is None or not haushalt.mehrbedarf:
        return None
    recht = haushalt.rechtsgrundlage
    gruppen: dict[str, list[int]] = {}
    for jahr in haushalt.mehrbedarf:
        if jahr in haushalt.grenze_offen:
            wer = "eine Entscheidung, aber wer entscheidet, ist noch offen (die Erheblichkeitsgrenze {jahre} fehlt)"
        elif jahr in haushalt.ueber_grenze:
            gremium = haushalt.ueber_grenze[jahr]
            wer = (
                f"über der Erheblichkeitsgrenze die vorherige Zustimmung des Gremiums „{gremium}“"
                if gremium is not None
                else "über der Erheblichkeitsgrenze die vorherige Zustimmung eines Gremiums, das noch offen ist"
            )
            if jahr in haushalt.zustaendig:  # no threshold: the Gremium decides every amount, by its own law
                wer = f"nach {haushalt.zustaendig[jahr]} die vorherige Entscheidung des Gremiums „{gremium}“"
        else:
            wer = haushalt.entscheidung
        gruppen.setdefault(wer, []).append(jahr)
    teile = []
    for wer, jahre in gruppen.items():
        betraege = [f"der {haushalt.wort(j)} Betrag {j} ({zahlformat.geld(haushalt.mehrbedarf[j])})" for j in jahre]
        verb = numerus(len(betraege), "braucht", "brauchen")
        teile.append(f"{' und '.join(betraege)} {verb} nach {recht} {wer.format(jahre=', '.join(map(str, jahre)))}")
    return "; ".join(teile)
