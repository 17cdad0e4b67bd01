"""After the meeting: Niederschriften checked against their Sitzung, votes against those present, results per Vorlage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vorlagen.compute.sitzungen import tops
from vorlagen.core.fmt import anzahl, numerus
from vorlagen.core.problems import Problem
from vorlagen.load.abstimmung import Abstimmung, nullenthaltungen
from vorlagen.load.facts import Facts
from vorlagen.load.hausstil import Hausstil
from vorlagen.load.niederschrift import Auftrag, Niederschrift, Protokollpunkt
from vorlagen.load.records import defined_at, unknown_word
from vorlagen.load.references import unknown
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


def check_widersprueche(facts: Facts) -> list[Problem]:
    """A Beratungsfolge may state a result itself only while no Niederschrift records a different one."""
    problems = []
    recorded = beratungsergebnisse(facts)
    for source in facts.vorlagen:
        for beratung in source.vorlage.beratungsfolge:
            if source.vorlage.nummer is None or beratung.sitzung is None:  # on no agenda yet: in no Niederschrift
                continue
            found = recorded.get((source.vorlage.nummer, beratung.sitzung))
            if (
                found is not None
                and beratung.ergebnis is not None
                and beratung.ergebnis != found.wort
                and beratung.ergebnis in facts.koerperschaft.hausstil.beratungsergebnisse
            ):  # else: not a word of the list
                problems.append(
                    Problem(
                        beratung.where("ergebnis"),
                        f"Hier steht „{beratung.ergebnis}“, die Niederschrift von "
                        f"„{beratung.sitzung}“ hält unter TOP {found.top} „{found.wort}“ fest – "
                        "entfernen Sie „ergebnis“ hier; das Ergebnis kommt aus der Niederschrift.",
                    )
                )
    return problems


def check_niederschriften(facts: Facts) -> list[Problem]:
    """Every Niederschrift names its Sitzung and agenda TOPs, results in the body's words, known Ämter, and votes
    that add up."""
    problems = []
    vorlagen = {s.vorlage.nummer: s.vorlage for s in facts.vorlagen if s.vorlage.nummer is not None}
    recorded = ergebnisse(facts)
    aemter = {a.id for a in facts.koerperschaft.aemter}
    stil = facts.koerperschaft.hausstil
    for sitzung_id, source in sorted(facts.niederschriften.items()):
        niederschrift = source.niederschrift
        if sitzung_id not in facts.sitzungen:
            if not facts.is_unreadable("sitzungen", sitzung_id):
                problems.append(
                    unknown(
                        niederschrift.where(),
                        " Sitzung",
                        sitzung_id,
                        facts.sitzungen,
                        "der Ordner der Niederschrift heißt wie die Sitzungsdatei unter sitzungen/.",
                    )
                )
            continue
        seen = set()
        for punkt in niederschrift.punkte:
            if punkt.top in seen:
                problems.append(
                    Problem(
                        punkt.where("top"),
                        f"TOP {punkt.top} steht zweimal in der Niederschrift – fassen Sie beide Einträge zusammen.",
                    )
                )
            seen.add(punkt.top)
            bekannt = punkt.ergebnis is None or stil.ergebnis_erlaubt(punkt.ergebnis)
            if punkt.ergebnis is not None and not bekannt:
                problems.append(
                    unknown_word(
                        punkt.where("ergebnis"),
                        "ergebnis",
                        punkt.ergebnis,
                        stil.niederschrift_ergebnisse(),
                        "beratungsergebnisse",
                        defined_at(stil, "beratungsergebnisse"),
                    )
                )
            found = top_of(facts, sitzung_id, punkt.top)
            if found is None:
                known = [t.top for _, t in tops(facts.sitzungen[sitzung_id])]
                problems.append(
                    unknown(
                        punkt.where("top"),
                        "r TOP",
                        punkt.top,
                        known,
                        f"die Niederschrift nennt nur TOPs aus der Tagesordnung von „{sitzung_id}“.",
                    )
                )
                continue
            if not bekannt:  # no second message on the word it would show as
                continue
            problems += _check_punkt(punkt, found[1], vorlagen, niederschrift, facts)
            problems += _check_stand(facts, recorded.get((sitzung_id, punkt.top)), punkt, found[1])
            for auftrag in punkt.auftraege:
                if auftrag.amt not in aemter:
                    problems.append(
                        unknown(
                            auftrag.where("amt"),
                            "s Amt",
                            auftrag.amt,
                            aemter,
                            "tragen Sie es in koerperschaft.yaml unter „aemter“ ein.",
                        )
                    )
    return problems + check_widersprueche(facts)


def _check_stand(facts: Facts, found: Beratungsergebnis | None, punkt: Protokollpunkt, top: Top) -> list[Problem]:
    """The word a Vorlage's Beratungsfolge shows for a recorded result is one of the body's words: stated under
    `stand`, or derived from the result where the body's list holds the derived word."""
    stil = facts.koerperschaft.hausstil
    woerter = stil.beratungsergebnisse
    if punkt.stand is not None:
        if punkt.ergebnis is None:
            return [
                Problem(
                    punkt.where("stand"),
                    f"TOP {punkt.top}: „stand“ gehört zu einem „ergebnis“ – tragen Sie "
                    "das Ergebnis ein oder entfernen Sie „stand“.",
                )
            ]
        if punkt.stand not in woerter:
            return [
                unknown_word(
                    punkt.where("stand"),
                    "stand",
                    punkt.stand,
                    woerter,
                    "beratungsergebnisse",
                    defined_at(stil, "beratungsergebnisse"),
                )
            ]
        return []
    if top.vorlage is not None and found is not None and found.abgeleitet not in woerter:
        return [
            Problem(
                punkt.where("ergebnis"),
                f"TOP {punkt.top}: Die Beratungsfolge der Vorlage {top.vorlage} "
                f"zeigte „{found.abgeleitet}“, ein Wort, das nicht in der Liste "
                "„hausstil: beratungsergebnisse“ der Körperschaft steht – nennen Sie "
                "unter „stand“ das eigene Wort, eines von: "
                f"{', '.join(woerter)}.",
            )
        ]
    return []


def _check_punkt(
    punkt: Protokollpunkt, top: Top, vorlagen: dict, niederschrift: Niederschrift, facts: Facts
) -> list[Problem]:
    problems = []
    if punkt.ergebnis == "Beschluss" and punkt.beschluss is None:
        vorlage = vorlagen.get(top.vorlage) if top.vorlage else None
        unreadable = top.vorlage is not None and vorlage is None  # its own problem is already listed
        arten = facts.koerperschaft.hausstil.arten
        required = vorlage is not None and vorlage.art in arten and arten[vorlage.art].beschlussvorschlag == "pflicht"
        if not unreadable and (vorlage is None or (vorlage.beschlussvorschlag is None and not required)):
            problems.append(
                Problem(
                    punkt.where("ergebnis"),
                    f"TOP {punkt.top}: Für diesen Beschluss gibt es keinen "
                    "Beschlussvorschlag einer Vorlage – tragen Sie den "
                    "Beschlusstext als Markdown-Datei unter „beschluss“ ein.",
                )
            )
    if punkt.abstimmung is not None:
        problems += _check_abstimmung(punkt.abstimmung, punkt.top, stimmberechtigt(niederschrift))
    return problems


def _check_abstimmung(a: Abstimmung, top: str, anwesend: int) -> list[Problem]:
    """The votes do not exceed the members present who may vote, and the stated result is the majority's."""
    if (a.einstimmig or a.mehrheitlich) and anwesend == 0:
        wort = "einstimmig" if a.einstimmig else "mehrheitlich"
        return [
            Problem(
                a.where(wort),
                f"TOP {top}: „{wort}“, aber kein stimmberechtigtes Mitglied "
                "ist unter „anwesend“ eingetragen – ergänzen Sie die Mitglieder "
                "(mit Namen oder als „anzahl“).",
            )
        ]
    gezaehlt = [(n, w) for n, w in ((a.ja, "Ja"), (a.nein, "Nein")) if n is not None]
    abgegeben = sum(n for n, _ in gezaehlt) + (a.enthaltung or 0)
    if abgegeben > anwesend:
        summe = " + ".join(f"{n} {w}" for n, w in gezaehlt)
        if a.enthaltung is not None:
            summe += (" + " if summe else "") + anzahl(a.enthaltung, "Enthaltung", "Enthaltungen")
        mitglieder = numerus(anwesend, "stimmberechtigtes Mitglied ist", "stimmberechtigte Mitglieder sind")
        return [
            Problem(
                a.where("ja"),
                f"TOP {top}: {summe} = {anzahl(abgegeben, 'Stimme', 'Stimmen')}, aber nur "
                f"{anwesend} {mitglieder} anwesend – prüfen Sie die Stimmen und die "
                "Anwesenheit.",
            )
        ]
    if a.ja is None or a.nein is None:  # the source gives no majority to check against
        return []
    mehrheit = "angenommen" if a.ja > a.nein else "abgelehnt"
    if a.ergebnis != mehrheit:
        grund = (
            "mehr Ja- als Nein-Stimmen"
            if a.ja > a.nein
            else ("Stimmengleichheit" if a.ja == a.nein else "mehr Nein- als Ja-Stimmen")
        )
        return [
            Problem(
                a.where("ergebnis"),
                f"TOP {top}: „{a.ergebnis}“ passt nicht zu {a.ja} Ja und {a.nein} Nein "
                f"({grund}: {mehrheit}) – prüfen Sie Ergebnis und Stimmen.",
            )
        ]
    return []


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
