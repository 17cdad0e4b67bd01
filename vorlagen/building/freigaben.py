"""What the build publishes only when released: a requested Sitzungsmappe must exist and have nothing open, it and
its bundle refuse an ENTWURF on the agenda, the OParl endpoint leaves an ENTWURF out and says so; the public part
of the output keeps the last released state of a Vorlage that is an ENTWURF now (its draft goes to intern/)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path, PurePosixPath

from vorlagen.building.cache import Entry, Manifest
from vorlagen.compute.hauptbuch import Project
from vorlagen.compute.offen import check_veroeffentlichung, offen_zur_veroeffentlichung
from vorlagen.compute.sitzungen import tops
from vorlagen.core.fmt import slugify
from vorlagen.core.problems import Problem, Where, raise_if
from vorlagen.core.reads import read_file
from vorlagen.load.facts import Facts
from vorlagen.load.mitzeichnung import DATEI as MITZEICHNUNGEN
from vorlagen.load.records import changed
from vorlagen.load.references import unknown
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.meetings.oparl_graph import Graph, kind, wiederhergestellt
from vorlagen.meetings.tagesordnung import SitzungDoc
from vorlagen.render.document import Composer
from vorlagen.render.vorlagendokument import VorlageDoc


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


FREIGEGEBEN = "freigegeben:"  # the manifest's entry of a Vorlage's last released public state, by its slug


def behalten(
    sources: list[VorlageSource], plans: dict[str, VorlageDoc], old: Manifest, entries: dict[str, Entry]
) -> dict[str, Entry]:
    """Entry name → the last released public state of each public Vorlage that is an ENTWURF now: the public files
    of its previous entry while that one was released, or the state the previous build kept – when every file is
    still in the previous output as it was written (the sign-off bound to what those files print) and every Anlage
    in it is still public where it lies (`plans`: where each Vorlage goes now). A Vorlage never released, whose
    released files are gone or one of whose Anlagen is no longer public there, has none: the public part shows
    nothing of it."""
    found = {}
    for source in sources:
        entry = entries.get(f"vorlage:{source.slug}")
        if entry is None or not entry.entwurf or not source.vorlage.oeffentlich:
            continue
        stand = old.entries.get(FREIGEGEBEN + source.slug)
        previous = old.entries.get(f"vorlage:{source.slug}")
        if stand is None and previous is not None and not previous.entwurf:
            files = [f for f in previous.files if PurePosixPath(f).parts[0] != "intern"]
            stand = Entry(previous.key, files, betreff=previous.betreff, ordner=previous.ordner)
            stand.inhalt = {f: previous.inhalt[f] for f in files if f in previous.inhalt}
        if stand is not None and stand.files and old.present(stand) and _oeffentlich(stand, plans[source.kennung]):
            found[FREIGEGEBEN + source.slug] = stand
    return found


def _oeffentlich(stand: Entry, plan: VorlageDoc) -> bool:
    """Whether every Anlage of a released state is public now, at the same place (its title the same)."""
    public = {str(a.datei.with_suffix(end)) for a in plan.anlagen if a.oeffentlich for end in (".pdf", ".txt", ".docx")}
    return all(f in public for f in stand.files if PurePosixPath(f).name.startswith("anlage-"))


def _wie_freigegeben(doc: VorlageDoc, stand: Entry) -> VorlageDoc:
    """A planned Vorlage as its last released state shows it: its Betreff then, its Anlagen still there."""
    source = replace(doc.source, vorlage=changed(doc.source.vorlage, betreff=stand.betreff))
    return replace(doc, source=source, anlagen=[a for a in doc.anlagen if str(a.datei) in stand.files])


def gezeigt(docs: list[VorlageDoc], entries: dict[str, Entry], kept: dict[str, Entry]) -> list[VorlageDoc]:
    """The public Vorlagen as the public overview lists them: a released one as it is, an ENTWURF by its last
    released state or not at all."""
    found = []
    for doc in docs:
        slug = doc.source.slug
        entry, stand = entries.get(f"vorlage:{slug}"), kept.get(FREIGEGEBEN + slug)
        if not doc.oeffentlich or (entry is not None and entry.entwurf and stand is None):
            continue
        found.append(_wie_freigegeben(doc, stand) if stand is not None else doc)
    return found


def auf_tagesordnungen(
    composer: Composer, plans: dict[str, VorlageDoc], entries: dict[str, Entry], kept: dict[str, Entry]
) -> dict[str, VorlageDoc]:
    """The Vorlagen as the agendas show them: a public ENTWURF by its last released state, or, never released,
    where its draft lies (intern/: the public agenda names it without a link)."""
    docs = dict(plans)
    for kennung, doc in plans.items():
        entry, stand = entries.get(f"vorlage:{doc.source.slug}"), kept.get(FREIGEGEBEN + doc.source.slug)
        if entry is not None and entry.entwurf and doc.oeffentlich:
            docs[kennung] = _wie_freigegeben(doc, stand) if stand is not None else composer.plan(doc.source, True)
    return docs


def papers(out: Path, basis: str, kept: dict[str, Entry]) -> list[dict]:
    """The Paper of each kept released state as the previous output published it (none where it is missing, was
    deleted or cannot be read as an OParl object)."""
    graph, found = Graph(basis), []
    for name in sorted(kept):
        path = out / graph.path(graph.url("paper", slugify(name.removeprefix(FREIGEGEBEN))))
        try:
            paper = json.loads(read_file(path, within=out, noted=False).decode("utf-8"))
            wiederhergestellt(Graph(basis), paper)  # every object in it has an id and a type
        except (OSError, ValueError, TypeError, AttributeError):
            continue
        if kind(paper) == "Paper" and not paper.get("deleted"):
            found.append(paper)
    return found


def entwuerfe(
    project: Project, docs: list[VorlageDoc], entries: dict[str, Entry], kept: dict[str, Entry] | None = None
) -> tuple[set[str], list[str]]:
    """The public ENTWÜRFE (by kennung), which the OParl endpoint leaves out (keeping the Paper of a last released
    state, `kept`), and a warning for each; so is a released Vorlage that still leaves facts open that publishing
    needs (its Art, its Haushalt)."""
    facts = project.facts
    found, warnungen = set(), []
    for doc in docs:
        source = doc.source
        entry = entries.get(f"vorlage:{source.slug}")
        if entry is None or not entry.entwurf or not doc.oeffentlich or source.vorlage.nummer is None:
            continue
        found.add(source.kennung)
        bis = (
            " und zeigt bis dahin den zuletzt freigegebenen Stand" if FREIGEGEBEN + source.slug in (kept or {}) else ""
        )
        warnungen.append(
            f"{_where(facts, source)}: Die Vorlage {source.bezeichnung} ist noch ein ENTWURF – die OParl-Schnittstelle "
            f"veröffentlicht sie erst, wenn sie freigegeben ist{bis}. {' '.join(entry.entwurf)}"
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
