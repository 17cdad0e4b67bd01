"""A Niederschrift checked against its Sitzung and the facts: agenda TOPs, results in the body's words, known Ämter,
votes against those present, and no Beratungsfolge stating a result the Niederschrift contradicts."""

from __future__ import annotations

from vorlagen.compute.niederschrift import Beratungsergebnis, beratungsergebnisse, ergebnisse, stimmberechtigt, top_of
from vorlagen.compute.sitzungen import tops
from vorlagen.core.fmt import anzahl, numerus
from vorlagen.core.problems import Problem
from vorlagen.load.abstimmung import Abstimmung
from vorlagen.load.facts import Facts
from vorlagen.load.niederschrift import Niederschrift, Protokollpunkt
from vorlagen.load.records import defined_at, unknown_word
from vorlagen.load.references import unknown
from vorlagen.load.sitzungen import Top


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
