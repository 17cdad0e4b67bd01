"""A new Vorlage from the overview's form, written as `vorlagen vorlage neu` writes it (load/neue_vorlage.py): the same
files, byte for byte, for the same Art, Betreff, Amt, Beratungsfolge and Nummer. The Beratungsfolge is chosen step by
step – a Sitzung of a Gremium, or the Gremium while its date is open – with its Zuständigkeit; what is wrong is said
in the words of `vorlage neu` and `pruefen`, and nothing is written until all is right."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from vorlagen.core.fmt import datum
from vorlagen.core.problems import BuildFailed

SCHRITTE = 4  # Beratungen the form offers; more are added in the form of the Vorlage


@dataclass
class Angelegt:
    """The folder made (its name under vorlagen/), or the German messages why none was."""

    ordner: str | None = None
    meldungen: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Gremium:
    """A Gremium as the form offers it: its choice „Termin offen“ and its Sitzungen (value, text), by date."""

    id: str
    name: str
    sitzungen: list[tuple[str, str]]


def auswahl(data: Path) -> dict:
    """What the form offers: the Vorlagenarten of the Hausstil, the Ämter, the Gremien with their Sitzungen, the
    Zuständigkeiten, and the next coming Sitzung (chosen for the first Beratung, as `vorlage neu` does)."""
    from vorlagen.load.facts import load

    facts, _ = load(data)
    if facts is None:
        return {"art": [], "amt": [], "gremien": [], "rollen": [], "naechste": ""}
    k = facts.koerperschaft
    heute = dt.date.today()
    kommende = sorted((s.datum, key) for key, s in facts.sitzungen.items() if s.datum >= heute)
    gremien = [
        Gremium(
            g.id,
            g.name,
            [
                (f"sitzung:{key}", f"{datum(s.datum)} ({key})")
                for key, s in sorted(facts.sitzungen.items(), key=lambda item: (item[1].datum, item[0]))
                if s.gremium == g.id
            ],
        )
        for g in k.gremien
    ]
    return {
        "art": [(name, art.ueberschrift or name) for name, art in k.hausstil.arten.items()],
        "amt": [(a.id, f"{a.id} – {a.name}") for a in k.aemter],
        "gremien": gremien,
        "rollen": list(k.hausstil.rollen),
        "naechste": f"sitzung:{kommende[0][1]}" if kommende else "",
    }


def anlegen(data: Path, felder: dict[str, str]) -> Angelegt:
    """Makes the Vorlage the form asks for; what is wrong in the words of `vorlage neu` and `pruefen`."""
    from vorlagen.load.facts import load
    from vorlagen.load.neue_vorlage import Auftrag, new_vorlage

    facts, problems = load(data)
    if facts is None:
        return Angelegt(meldungen=[str(p) for p in problems])
    k = facts.koerperschaft
    art, betreff = felder.get("art", "").strip(), felder.get("betreff", "")
    amt, nummer = felder.get("amt", "").strip() or None, felder.get("nummer", "").strip() or None
    meldungen = []
    if art not in k.hausstil.arten:
        meldungen.append(f"Wählen Sie eine Art: {', '.join(k.hausstil.arten)}.")
    if amt is not None and amt not in {a.id for a in k.aemter}:
        meldungen.append(f"Unbekanntes Amt „{amt}“ – wählen Sie eines aus der Liste.")
    folge, falsch = beratungsfolge(facts, felder)
    meldungen += falsch
    if meldungen:
        return Angelegt(meldungen=meldungen)
    try:
        written = new_vorlage(data, k.hausstil, Auftrag(art, betreff, dt.date.today(), folge, amt, nummer))
    except BuildFailed as failed:
        return Angelegt(meldungen=[p.message for p in failed.problems])
    return Angelegt(ordner=Path(written[0]).parent.name)


def beratungsfolge(facts, felder: dict[str, str]):
    """The Beratungen the form names (fields schritt-1 … and rolle-1 …, empty ones left out; an empty Rolle: as
    usual), and what is wrong with them: a Sitzung or Gremium the data does not know, a Zuständigkeit the Hausstil
    does not know, an order that is not the order of the dates (in the words of `pruefen`)."""
    from vorlagen.load.beratungsfolge import ungeordnet
    from vorlagen.load.neue_vorlage import Schritt

    rollen, gremien = facts.koerperschaft.hausstil.rollen, {g.id for g in facts.koerperschaft.gremien}
    folge: list[Schritt] = []
    meldungen: list[str] = []
    for nummer in range(1, SCHRITTE + 1):
        wahl, rolle = felder.get(f"schritt-{nummer}", "").strip(), felder.get(f"rolle-{nummer}", "").strip()
        if not wahl:
            continue
        art, _, name = wahl.partition(":")
        if art == "sitzung" and name in facts.sitzungen:
            folge.append(Schritt(sitzung=name, rolle=rolle or None))
        elif art == "gremium" and name in gremien:
            folge.append(Schritt(gremium=name, rolle=rolle or None))
        else:
            meldungen.append(f"Beratung {nummer}: Unbekannte Sitzung „{wahl}“ – wählen Sie eine aus der Liste.")
            continue
        if rolle and rolle not in rollen:
            meldungen.append(
                f"Beratung {nummer}: Unbekannte Zuständigkeit „{rolle}“ – wählen Sie eine aus der Liste: "
                f"{', '.join(rollen)}."
            )
    sitzungen = [s.sitzung for s in folge if s.sitzung is not None]
    for earlier, later in zip(sitzungen, sitzungen[1:]):
        meldungen += ungeordnet(facts, earlier, later)
    return folge, meldungen
