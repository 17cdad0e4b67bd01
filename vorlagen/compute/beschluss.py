"""Whether and when a Vorlage was decided, and whether a recorded result can be one at all.

A Beratung in a deciding role settles a Vorlage with a result recorded in a Niederschrift (other than a
Kenntnisnahme) or stated in the Beratungsfolge; vertagt, zurückgestellt and abgesetzt settle nothing. A result is a
fact of the past: one dated after today, or before the Vorlage itself, is an error, never a decision (it would
skip every budget check). A decided Vorlage prints the Haushalt it was decided on: kept in its beschlossen.yaml
(`vorlagen beschluss`), else the Haushalt as of its decision day (bookings from that day on left out).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from vorlagen.compute.hauptbuch import Project
from vorlagen.core.befehlszeile import befehlszeile
from vorlagen.core.fmt import datum as datum_text
from vorlagen.core.problems import Paths, Problem, ordered
from vorlagen.load.beschlossen import DATEI as BESCHLOSSEN
from vorlagen.load.beschlossen import Beschlossen, FestePosition
from vorlagen.load.facts import Facts
from vorlagen.load.haushalt import Haushalt
from vorlagen.load.records import changed
from vorlagen.load.vorlage import Beratung
from vorlagen.load.vorlagenordner import VorlageSource

OFFEN_WORTE = ("vertagt", "zurückgestellt", "abgesetzt")  # results that leave a Vorlage open


def tag(facts: Facts, beratung: Beratung) -> dt.date | None:
    """The day of a Beratung: its Sitzung's, or the day its result was taken (no Sitzung file); None while open."""
    if beratung.sitzung is not None:
        sitzung = facts.sitzungen.get(beratung.sitzung)
        return sitzung.datum if sitzung is not None else None
    return beratung.datum


def entschieden_am(facts: Facts, source: VorlageSource, ergebnisse: dict) -> dt.date | None:
    """The day a Beratung in a deciding role settled the Vorlage, None while it is open."""
    rollen = facts.koerperschaft.hausstil.rollen
    for b in source.vorlage.beratungsfolge:
        if b.rolle not in rollen or not rollen[b.rolle].entscheidet:
            continue
        recorded = ergebnisse.get((source.vorlage.nummer, b.sitzung)) if b.sitzung is not None else None
        if (recorded is not None and recorded.ergebnis not in ("Kenntnisnahme", *OFFEN_WORTE)) or (
            b.ergebnis and b.ergebnis not in OFFEN_WORTE
        ):
            return tag(facts, b)
    return None


def check_ergebnisse_vergangen(facts: Facts, heute: dt.date) -> list[Problem]:
    """A result – stated in a Beratungsfolge or recorded in a Niederschrift – belongs to a Sitzung that has taken
    place: one dated after `heute` is an error (it would count as a decision before it is one)."""
    problems = []
    for source in facts.vorlagen:
        for b in source.vorlage.beratungsfolge:
            tag_der_beratung = tag(facts, b)
            if b.ergebnis is None or tag_der_beratung is None:
                continue
            vom = source.vorlage.datum
            if vom is not None and tag_der_beratung < vom:
                problems.append(
                    Problem(
                        b.where("ergebnis"),
                        f"Hier steht das Ergebnis „{b.ergebnis}“ vom {datum_text(tag_der_beratung)}, aber die Vorlage "
                        f"ist vom {datum_text(vom)} – beraten wird eine Vorlage erst, wenn es sie gibt: prüfen Sie den "
                        "Tag der Beratung und das Datum der Vorlage.",
                    )
                )
                continue
            if tag_der_beratung <= heute:
                continue
            wo = f"die Sitzung {b.sitzung}" if b.sitzung is not None else "die Beratung"
            problems.append(
                Problem(
                    b.where("ergebnis"),
                    f"Hier steht das Ergebnis „{b.ergebnis}“, aber {wo} ist erst am {datum_text(tag_der_beratung)} "
                    f"(heute ist der {datum_text(heute)}) – ein Ergebnis gibt es erst nach der Sitzung: entfernen "
                    "Sie „ergebnis“, bis es gefasst ist.",
                )
            )
    for sitzung_id, niederschrift in sorted(facts.niederschriften.items()):
        sitzung = facts.sitzungen.get(sitzung_id)
        if sitzung is None or sitzung.datum <= heute:
            continue
        problems.append(
            Problem(
                niederschrift.niederschrift.where(),
                f"Die Niederschrift gehört zur Sitzung {sitzung_id} am {datum_text(sitzung.datum)}, die noch nicht "
                f"stattgefunden hat (heute ist der {datum_text(heute)}) – prüfen Sie das Datum der Sitzung; eine "
                "Niederschrift entsteht nach der Sitzung.",
            )
        )
    return problems


def am_beschlusstag(
    source: VorlageSource, paths: Paths, tag: dt.date, beschlossen: Beschlossen | None, pruefungen: list[Problem]
) -> tuple[list[Problem], list[Problem]]:
    """The budget-law checks of a decided Vorlage, made on the Haushalt it prints: (errors, unclear ones). With the
    Haushalt of its decision kept (beschlossen.yaml) what fails failed on the decision day – an error as for an open
    Vorlage, saying so. Without it the Haushalt printed is today's without the bookings from that day on: an undated
    `gebunden` raised after the decision (the Kämmerei binding the decided amount) cannot be told from one that
    stood before, so what fails is unclear, never an error and never silent (`nicht_festgehalten` names it)."""
    if beschlossen is None or beschlossen.stand is None:  # kept by 0.3.2 or earlier: maybe after the decision
        return [], pruefungen
    zusatz = (
        f" Die Vorlage ist als am {datum_text(tag)} beschlossen eingetragen; geprüft ist der Haushalt ihres "
        f"Beschlusstags, festgehalten in {paths.show(source.folder / BESCHLOSSEN)}: das galt also schon, als sie "
        "beschlossen wurde – prüfen Sie das eingetragene Ergebnis und den festgehaltenen Haushalt."
    )
    return [dataclasses.replace(p, message=p.message + zusatz) for p in pruefungen], []


def festgehalten(haushalt: Haushalt, jahr: int, beschlossen: Beschlossen | None) -> Haushalt:
    """The Haushalt of `jahr` with the amounts beschlossen.yaml kept for its Positionen (None: as given)."""
    fest: dict[tuple[str, str | None], FestePosition] = (
        {(p.konto, p.plan): p for p in beschlossen.positionen if p.jahr == jahr} if beschlossen else {}
    )
    if not fest:
        return haushalt
    positionen = [fest[(p.konto, p.plan)].auf(p) if (p.konto, p.plan) in fest else p for p in haushalt.positionen]
    return changed(haushalt, positionen=positionen)


def check_beschlossen(
    source: VorlageSource, tag: dt.date | None, haushalte: dict[int, Haushalt]
) -> tuple[Beschlossen | None, list[Problem]]:
    """The kept Haushalt of a decision, if it belongs to the decision the results record, and the problems of one
    that does not (the Vorlage is open, or decided on another day) or that names a Position the Haushalt lacks."""
    beschlossen = source.beschlossen
    if beschlossen is None:
        return None, []
    nummer = source.auswahl
    if tag is None or tag != beschlossen.datum:
        wie = "ist nicht beschlossen" if tag is None else f"ist laut ihrem Ergebnis am {datum_text(tag)} beschlossen"
        return None, [
            Problem(
                beschlossen.where("datum"),
                f"{BESCHLOSSEN} hält den Haushalt eines Beschlusses vom {datum_text(beschlossen.datum)} fest, aber "
                f"die Vorlage {wie} – ist das Ergebnis richtig erfasst, löschen Sie {BESCHLOSSEN} und halten Sie den "
                f"Haushalt des Beschlusses neu fest: vorlagen beschluss {nummer}.",
            )
        ]
    problems = []
    for p in beschlossen.positionen:
        haushalt = haushalte.get(p.jahr)
        if haushalt is None or not any((q.konto, q.plan) == (p.konto, p.plan) for q in haushalt.positionen):
            wo = f"haushalt/{p.jahr}.yaml" if haushalt is not None else f"dem Haushalt (haushalt/{p.jahr}.yaml fehlt)"
            problems.append(
                Problem(
                    p.where("konto"),
                    f"„{p.konto}“ ({p.plan} {p.jahr}) steht nicht in {wo} – die Vorlage wurde auf dieser Position "
                    "beschlossen: stellen Sie sie im Haushalt wieder her (mit ihrem heutigen Stand).",
                )
            )
    return beschlossen, problems


def nicht_festgehalten(project: Project) -> dict[str, str]:
    """VorlageSource.slug → a note, per decided Vorlage that computes its Finanzielle Auswirkungen from the Haushalt
    but whose Haushalt of the decision nobody kept (no beschlossen.yaml): until `vorlagen beschluss` is run, an
    undated raise of `gebunden` would recompute the decided document and stale its sign-off. A note, not an error:
    the decided document went out with its Sitzung; where the Haushalt it prints fails a budget check, the note says
    so and what nobody can tell (`am_beschlusstag`)."""
    facts = project.facts
    notes = {}
    for source in facts.vorlagen:
        tag = project.entschieden.get(source.slug)
        if tag is None or source.vorlage.finanzen_daten is None:
            continue
        if source.beschlossen is not None:
            rechnung = project.rechnungen.get(source.slug)
            if source.beschlossen.stand is None and rechnung is not None and rechnung.ungeklaert:
                notes[source.slug] = _ohne_stand(project, source, tag)
            continue
        notes[source.slug] = (
            f"{facts.paths.show(source.folder)}/: Die Vorlage {source.bezeichnung} ist am {datum_text(tag)} "
            f"beschlossen und rechnet aus dem Haushalt, aber der Haushalt ihres Beschlusses ist nicht festgehalten "
            f"({BESCHLOSSEN} fehlt) – bindet die Kämmerei die beschlossenen Mittel unter „gebunden“, würde die "
            "beschlossene Vorlage neu berechnet und ihre Freigabe veraltete: halten Sie ihn jetzt fest mit "
            f"„{befehlszeile('vorlagen', 'beschluss', source.auswahl)}“."
        ) + _ungeklaert(project.rechnungen[source.slug].ungeklaert, tag)
    return notes


def _ohne_stand(project: Project, source: VorlageSource, tag: dt.date) -> str:
    """A decided Vorlage whose kept Haushalt an earlier version wrote without the day of its state, and which fails
    a budget check on it: whether that state already held on the decision day nobody can tell."""
    pruefungen = ordered(project.rechnungen[source.slug].ungeklaert)
    return (
        f"{project.facts.paths.show(source.folder / BESCHLOSSEN)}: Die Vorlage {source.bezeichnung} ist am "
        f"{datum_text(tag)} beschlossen; ihr Haushalt ist festgehalten, aber von einer früheren Version ohne den Tag "
        "seines Stands – „vorlagen beschluss“ las dort den Haushalt des Tages, an dem er aufgerufen wurde. Nach "
        f"diesem Stand hält sie nicht: {' '.join(f'{p.where}: {p.message}' for p in pruefungen)} Ob das schon am "
        "Beschlusstag so war, lässt sich nicht sagen (hat die Kämmerei die beschlossenen Mittel danach unter "
        "„gebunden“ gebunden, zählen sie hier mit) – prüfen Sie das eingetragene Ergebnis; gilt es, ist nichts zu tun."
    )


def _ungeklaert(pruefungen: list[Problem], tag: dt.date) -> str:
    """What the Haushalt a decided Vorlage prints fails, said as what nobody can tell without the kept Haushalt."""
    if not pruefungen:
        return ""
    return (
        f" Nach dem Haushalt, den sie druckt (die heutigen Beträge ohne die Buchungen ab dem {datum_text(tag)}), "
        f"hält sie nicht: {' '.join(f'{p.where}: {p.message}' for p in ordered(pruefungen))} Ob das schon am "
        "Beschlusstag so war, lässt sich ohne den festgehaltenen Haushalt nicht sagen: hat die Kämmerei die Mittel "
        "erst nach dem Beschluss unter „gebunden“ gebunden, setzen Sie „gebunden“ auf den Stand des Beschlusstags "
        "zurück, bevor Sie ihn festhalten (die Bindung danach gehört unter „buchungen“ mit ihrem Tag); sonst stimmt "
        "das eingetragene Ergebnis nicht – prüfen Sie es."
    )
