"""What the build publishes only when released: a requested Sitzungsmappe must exist and have nothing open, it and
its bundle refuse an ENTWURF on the agenda, the OParl endpoint leaves an ENTWURF out and says so."""

from __future__ import annotations

from vorlagen.building.cache import Entry
from vorlagen.compute.hauptbuch import Project
from vorlagen.compute.offen import check_veroeffentlichung, offen_zur_veroeffentlichung
from vorlagen.compute.sitzungen import tops
from vorlagen.core.problems import Problem, Where, raise_if
from vorlagen.load.facts import Facts
from vorlagen.load.mitzeichnung import DATEI as MITZEICHNUNGEN
from vorlagen.load.references import unknown
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


def mappen(project: Project, mappen: set[str]) -> set[str]:
    """The Sitzungen whose Mappen are requested ('*': every Sitzung with an agenda); a named Sitzung must exist and
    have an agenda, and every Vorlage on it must be ready to publish (nothing open)."""
    facts = project.facts
    sitzungen = facts.sitzungen
    if "*" in mappen:
        mappen = {sid for sid, s in sitzungen.items() if s.tagesordnung is not None}
    problems = []
    where = facts.paths.where(facts.data_dir / "sitzungen")
    vorlagen = {s.vorlage.nummer: s for s in facts.vorlagen if s.vorlage.nummer is not None}
    for sid in sorted(mappen):
        for _, top in tops(sitzungen[sid]) if sid in sitzungen else ():
            if top.vorlage in vorlagen:
                source = vorlagen[top.vorlage]
                problems += check_veroeffentlichung(
                    facts,
                    source,
                    f"die Sitzungsmappe {sid} (TOP {top.top})",
                    sid,
                    project.rechnung(source).haushalt,
                )
    for sid in sorted(mappen):
        if sid not in sitzungen:
            problems.append(
                unknown(where, " Sitzung", sid, sitzungen, "nennen Sie den Dateinamen unter sitzungen/ ohne .yaml.")
            )
        elif sitzungen[sid].tagesordnung is None:
            problems.append(
                Problem(
                    facts.paths.where(facts.data_dir / "sitzungen" / f"{sid}.yaml"),
                    f"Die Sitzung {sid} hat noch keine Tagesordnung – tragen Sie „tagesordnung“ ein.",
                )
            )
    raise_if(problems)
    return mappen
