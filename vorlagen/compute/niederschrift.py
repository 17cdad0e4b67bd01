"""After the meeting: the votes in words, the results recorded per TOP and Vorlage, Beratungen still without a
result, and the Aufträge given; the checks of a Niederschrift are in compute/niederschriftpruefung."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vorlagen.compute.sitzungen import tops
from vorlagen.core.fmt import anzahl
from vorlagen.load.abstimmung import Abstimmung, nullenthaltungen
from vorlagen.load.facts import Facts
from vorlagen.load.hausstil import Hausstil
from vorlagen.load.niederschrift import Auftrag, Niederschrift
from vorlagen.load.sitzungen import Top


def stimmberechtigt(niederschrift: Niederschrift) -> int:
    """How many members present may vote: counted from their names, or as the Niederschrift states the number."""
    anwesend = niederschrift.anwesend
    return anwesend.anzahl if anwesend.anzahl is not None else sum(1 for m in anwesend.mitglieder if m.stimmberechtigt)


def abstimmung_text(abstimmung: Abstimmung, enthaltungen: bool = False) -> str:
    """'einstimmig angenommen', 'einstimmig mit 35 Stimmen angenommen', 'mehrheitlich abgelehnt' or 'mit 12
    Ja-Stimmen, 2 Nein-Stimmen und 1 Enthaltung angenommen' – only the numbers the source gives, and „0 Enthaltungen“
    where the Hausstil asks for it (`enthaltungen`), by the same rule as the Beratungsfolge."""
    a = abstimmung
    enthaltung = 0 if nullenthaltungen(a, enthaltungen) else a.enthaltung
    if a.einstimmig or a.mehrheitlich:
        zahl = (a.ja if a.ergebnis == "angenommen" else a.nein) if a.einstimmig else None
        mit = f" mit {anzahl(zahl, 'Stimme', 'Stimmen')}" if zahl is not None else ""
        bei = f" bei {anzahl(enthaltung, 'Enthaltung', 'Enthaltungen')}" if enthaltung is not None else ""
        return f"{'einstimmig' if a.einstimmig else 'mehrheitlich'}{mit}{bei} {a.ergebnis}"
    parts = [
        f"{n} {wort}-{'Stimme' if n == 1 else 'Stimmen'}"
        for n, wort in ((a.ja, "Ja"), (a.nein, "Nein"))
        if n is not None
    ]
    if enthaltung is not None:
        parts.append(anzahl(enthaltung, "Enthaltung", "Enthaltungen"))
    if not parts:
        return a.ergebnis
    return f"mit {', '.join(parts[:-1])}{' und ' if len(parts) > 1 else ''}{parts[-1]} {a.ergebnis}"


def abstimmung_niederschrift(abstimmung: Abstimmung, stil: Hausstil) -> str:
    """The vote as the Niederschrift prints it: the Hausstil's `abstimmung: niederschrift`, else the sentence."""
    return stil.abstimmung.satz(abstimmung, stil.enthaltungen) or abstimmung_text(abstimmung, stil.enthaltungen)


def abstimmung_kurz(abstimmung: Abstimmung, stil: Hausstil) -> str:
    """The vote as the Hausstil prints it ('einstimmig', '14 Ja, 0 Nein, 2 Enthaltungen', 'Ja: 12'): only numbers
    the source gives, and „0 Enthaltungen“ only where the Hausstil asks for it (`enthaltungen`)."""
    return stil.abstimmung.kurz(abstimmung, stil.enthaltungen)


@dataclass
class Beratungsergebnis:
    """The recorded result of one TOP in one Sitzung (with or without a Vorlage)."""

    sitzung_id: str
    top: str
    ergebnis: str  # Beschluss, Kenntnisnahme or a word of the body's list (vertagt, abgesetzt …)
    geaendert: bool  # the Beschluss differs from the Vorlage's Beschlussvorschlag
    abstimmung: str | None  # e.g. '14 Ja, 0 Nein, 2 Enthaltungen'
    oeffentlich: bool

    angenommen: bool = True  # for a Beschluss: the vote's result
    vorlage: str | None = None  # Nummer of the TOP's Vorlage
    stand: str | None = None  # the body's own word for it, as the Niederschrift states it

    @property
    def wort(self) -> str:
        """In the words of the Beratungsfolge (hausstil: beratungsergebnisse): the stated `stand`, else derived:
        'ungeändert beschlossen', 'abgelehnt', …"""
        return self.stand or self.abgeleitet

    @property
    def abgeleitet(self) -> str:
        """The word derived from the recorded result and vote."""
        if self.ergebnis != "Beschluss":
            return "zur Kenntnis genommen" if self.ergebnis == "Kenntnisnahme" else self.ergebnis
        if not self.angenommen:
            return "abgelehnt"
        if self.vorlage is None:
            return "beschlossen"  # no Beschlussvorschlag to keep or change
        return "geändert beschlossen" if self.geaendert else "ungeändert beschlossen"

    @property
    def kurz(self) -> str:
        """The word with the vote: 'ungeändert beschlossen (einstimmig)', 'abgelehnt (6 Ja, 8 Nein, 2 Enthaltungen)'."""
        return f"{self.wort} ({self.abstimmung})" if self.abstimmung else self.wort


def top_of(facts: Facts, sitzung_id: str, nummer: str) -> tuple[bool, Top] | None:
    """(public, TOP) of a TOP number in a Sitzung's agenda."""
    return next(((public, t) for public, t in tops(facts.sitzungen[sitzung_id]) if t.top == nummer), None)


def ergebnisse(facts: Facts) -> dict[tuple[str, str], Beratungsergebnis]:
    """(Sitzung id, TOP) → recorded result, for every TOP of an agenda whose Niederschrift records one."""
    result = {}
    for sitzung_id, source in sorted(facts.niederschriften.items()):
        if sitzung_id not in facts.sitzungen:
            continue
        for punkt in source.niederschrift.punkte:
            found = top_of(facts, sitzung_id, punkt.top)
            if punkt.ergebnis is None or found is None:
                continue
            public, top = found
            abstimmung = abstimmung_kurz(punkt.abstimmung, facts.koerperschaft.hausstil) if punkt.abstimmung else None
            angenommen = punkt.abstimmung is None or punkt.abstimmung.ergebnis == "angenommen"
            result[(sitzung_id, punkt.top)] = Beratungsergebnis(
                sitzung_id,
                punkt.top,
                punkt.ergebnis,
                punkt.beschluss is not None and top.vorlage is not None,
                abstimmung,
                public,
                angenommen,
                top.vorlage,
                punkt.stand,
            )
    return result


def beratungsergebnisse(facts: Facts) -> dict[tuple[str, str], Beratungsergebnis]:
    """(Vorlage-Nummer, Sitzung id) → recorded result, for every TOP with a Vorlage in a Niederschrift."""
    return {(e.vorlage, e.sitzung_id): e for e in ergebnisse(facts).values() if e.vorlage is not None}


def offene_beratungen(facts: Facts, stichtag: dt.date) -> list[tuple[str, str]]:
    """(Vorlage-Nummer, Sitzung id) of each Beratung whose Sitzung lies before `stichtag` without a result, neither
    recorded in a Niederschrift nor stated in the Beratungsfolge (`ergebnis:`)."""
    recorded = beratungsergebnisse(facts)
    missing = []
    for source in facts.vorlagen:
        if source.vorlage.nummer is None:  # on no agenda yet, so in no Niederschrift: its open Nummer is listed
            continue
        for beratung in source.vorlage.beratungsfolge:
            if beratung.sitzung is None:  # Termin offen
                continue
            sitzung = facts.sitzungen.get(beratung.sitzung)
            if (
                sitzung is not None
                and sitzung.datum < stichtag
                and beratung.ergebnis is None
                and (source.vorlage.nummer, beratung.sitzung) not in recorded
            ):
                missing.append((source.vorlage.nummer, beratung.sitzung))
    return sorted(missing, key=lambda item: (facts.sitzungen[item[1]].datum, item[1], item[0]))


@dataclass
class Auftragszeile:
    """An Auftrag with where it was given, for the Beschlusskontrolle."""

    sitzung_id: str
    sitzung_datum: dt.date
    gremium: str
    top: str
    vorlage: str | None
    oeffentlich: bool
    auftrag: Auftrag

    def ueberfaellig(self, stichtag: dt.date) -> bool:
        return self.auftrag.erledigt is None and self.auftrag.frist < stichtag


def auftraege(facts: Facts) -> list[Auftragszeile]:
    """Every Auftrag of every Niederschrift, by due date."""
    rows = []
    for sitzung_id, source in facts.niederschriften.items():
        sitzung = facts.sitzungen.get(sitzung_id)
        if sitzung is None:
            continue
        for punkt in source.niederschrift.punkte:
            found = top_of(facts, sitzung_id, punkt.top)
            if found is None:
                continue
            for auftrag in punkt.auftraege:
                rows.append(
                    Auftragszeile(
                        sitzung_id, sitzung.datum, sitzung.gremium, punkt.top, found[1].vorlage, found[0], auftrag
                    )
                )
    return sorted(rows, key=lambda r: (r.auftrag.frist, r.sitzung_datum, r.sitzung_id, r.top))
