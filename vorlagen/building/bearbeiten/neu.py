"""A new Vorlage from the overview's form, written as `vorlagen vorlage neu` writes it (load/neue_vorlage.py): the same
files, byte for byte, for the same Art, Betreff, Amt, Sitzung and Nummer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from vorlagen.core.problems import BuildFailed


@dataclass
class Angelegt:
    """The folder made (its name under vorlagen/), or the German messages why none was."""

    ordner: str | None = None
    meldungen: list[str] = field(default_factory=list)


def auswahl(data: Path) -> dict[str, list[tuple[str, str]]]:
    """What the form offers: the Vorlagenarten of the Hausstil, the Ämter and the coming Sitzungen (first the next)."""
    from vorlagen.load.facts import load

    facts, _ = load(data)
    if facts is None:
        return {"art": [], "amt": [], "sitzung": []}
    k = facts.koerperschaft
    heute = dt.date.today()
    sitzungen = sorted(facts.sitzungen.items(), key=lambda item: (item[1].datum < heute, item[1].datum, item[0]))
    return {
        "art": [(name, art.ueberschrift or name) for name, art in k.hausstil.arten.items()],
        "amt": [(a.id, f"{a.id} – {a.name}") for a in k.aemter],
        "sitzung": [(key, f"{key} ({s.datum:%d.%m.%Y})") for key, s in sitzungen],
    }


def anlegen(data: Path, felder: dict[str, str]) -> Angelegt:
    """Makes the Vorlage the form asks for; what is wrong in the words of `vorlage neu`."""
    from vorlagen.load.facts import load
    from vorlagen.load.neue_vorlage import new_vorlage

    facts, problems = load(data)
    if facts is None:
        return Angelegt(meldungen=[str(p) for p in problems])
    k = facts.koerperschaft
    art, betreff = felder.get("art", "").strip(), felder.get("betreff", "")
    amt, sitzung = felder.get("amt", "").strip() or None, felder.get("sitzung", "").strip() or None
    nummer = felder.get("nummer", "").strip() or None
    meldungen = []
    if art not in k.hausstil.arten:
        meldungen.append(f"Wählen Sie eine Art: {', '.join(k.hausstil.arten)}.")
    if amt is not None and amt not in {a.id for a in k.aemter}:
        meldungen.append(f"Unbekanntes Amt „{amt}“ – wählen Sie eines aus der Liste.")
    if sitzung is not None and sitzung not in facts.sitzungen:
        meldungen.append(f"Unbekannte Sitzung „{sitzung}“ – wählen Sie eine aus der Liste.")
    if meldungen:
        return Angelegt(meldungen=meldungen)
    try:
        written = new_vorlage(data, k.hausstil, art, betreff, dt.date.today(), sitzung, amt, nummer)
    except BuildFailed as failed:
        return Angelegt(meldungen=[p.message for p in failed.problems])
    return Angelegt(ordner=Path(written[0]).parent.name)
