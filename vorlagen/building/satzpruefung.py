"""The layout check of `pruefen`: every Vorlage and Anlage is set as a build sets it, so that a table too wide for
the page or text running out of its box shows before the deadline, not at the build. A document the last build set
from the same input is not set again: what that build found for it counts. Nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from vorlagen.building import plan
from vorlagen.building.builder import Builder
from vorlagen.building.cache import Manifest, Stand, engine_key, render_key
from vorlagen.building.state import state_dir
from vorlagen.building.workers import Renderer
from vorlagen.compute.project import Project
from vorlagen.core.problems import BuildFailed, Problem
from vorlagen.render.vorlagendokument import VorlageDoc


@dataclass
class Befund:
    """What the layout check found: documents set now and taken from the last build, warnings and problems."""

    gesetzt: int = 0
    uebernommen: int = 0
    warnungen: list[str] = field(default_factory=list)
    probleme: list[Problem] = field(default_factory=list)


def satz_pruefen(project: Project, docs: list[VorlageDoc], out: Path, renderer: Renderer) -> Befund:
    """Sets each changed Vorlage and Markdown Anlage (in the renderer's workers); reuses the findings of the last
    build in `out` for the others."""
    facts = project.facts
    builder = Builder(project)
    engine = engine_key(facts)
    old = Manifest.load(out.resolve(), state_dir(out))
    stand = Stand(facts, engine)
    befund, jobs = Befund(), []
    for doc in docs:
        previous = old.entries.get(f"vorlage:{doc.source.slug}")
        for path, job, _ in builder.vorlage_jobs(doc):
            if plan.pdf_reusable(previous, str(path), render_key(job, engine), stand, old):
                assert previous is not None
                befund.uebernommen += 1
                befund.warnungen += previous.warnungen.get(str(path), [])
                continue
            jobs.append(replace(job, word=False))  # the layout is checked; a Word file is nobody's here
    if len(jobs) > 1:
        renderer.start()
    for future in [renderer.submit(job) for job in jobs]:
        befund.gesetzt += 1
        try:
            befund.warnungen += [str(warning) for warning in future.result().warnings]
        except BuildFailed as failed:
            befund.probleme += failed.problems
    return befund
