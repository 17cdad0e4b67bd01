"""What the build publishes only when released: a Sitzungsmappe and its bundle refuse an ENTWURF on the agenda,
the OParl endpoint leaves an ENTWURF out and says so."""

from __future__ import annotations

from vorlagen.building.cache import Entry
from vorlagen.compute.hauptbuch import Project
from vorlagen.compute.offen import offen_zur_veroeffentlichung
from vorlagen.core.problems import Problem, Where
from vorlagen.load.facts import Facts
from vorlagen.load.mitzeichnung import DATEI as MITZEICHNUNGEN
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.meetings.tagesordnung import SitzungDoc
from vorlagen.render.document import VorlageDoc


def _where(facts: Facts, source: VorlageSource) -> Where:
    return facts.paths.where(source.folder / (MITZEICHNUNGEN if source.mitzeichnungen else "vorlage.yaml"))


def unreleased(facts: Facts, doc: SitzungDoc, entries: dict[str, Entry]) -> list[Problem]:
    """A Sitzungsmappe and its publish bundle hold no ENTWURF: one problem per open sign-off on its agenda."""
    problems = []
    for punkt in doc.punkte:
        if punkt.doc is None:
            continue
        source = punkt.doc.source
        entry = entries.get(f"vorlage:{source.slug}")  # none when its texts had problems
        for offen in entry.entwurf if entry else []:
            problems.append(
                Problem(
                    _where(facts, source),
                    f"Die Vorlage {source.bezeichnung} ist noch ein ENTWURF – die "
                    f"Sitzungsmappe und das Veröffentlichungspaket der Sitzung {doc.id} "
                    f"entstehen erst, wenn sie freigegeben ist. {offen}",
                )
            )
    return problems


def entwuerfe(project: Project, docs: list[VorlageDoc], entries: dict[str, Entry]) -> tuple[set[str], list[str]]:
    """The public ENTWÜRFE (by kennung), which the OParl endpoint leaves out, and a warning for each; so is a
    released Vorlage that still leaves facts open that publishing needs (its Art, its Haushalt)."""
    facts = project.facts
    found, warnungen = set(), []
    for doc in docs:
        source = doc.source
        entry = entries.get(f"vorlage:{source.slug}")
        if entry is None or not entry.entwurf or not doc.oeffentlich or source.vorlage.nummer is None:
            continue
        found.add(source.kennung)
        warnungen.append(
            f"{_where(facts, source)}: Die Vorlage {source.bezeichnung} ist noch ein ENTWURF – die OParl-Schnittstelle "
            f"veröffentlicht sie erst, wenn sie freigegeben ist. {' '.join(entry.entwurf)}"
        )
    for doc in docs:
        source = doc.source
        if source.kennung in found or not doc.oeffentlich or source.vorlage.nummer is None:
            continue
        fehlt = offen_zur_veroeffentlichung(facts, source, project.rechnung(source).haushalt)
        if fehlt:
            found.add(source.kennung)
            warnungen.append(
                f"{facts.paths.where(source.folder / 'vorlage.yaml')}: Die Vorlage {source.bezeichnung} "
                f"nennt noch nicht alles, was die Veröffentlichung braucht ({', '.join(fehlt)}) – die "
                "OParl-Schnittstelle veröffentlicht sie erst dann."
            )
    return found, warnungen
