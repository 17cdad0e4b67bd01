"""The boundary every command starts from: the project loaded, checked and computed (compute/project.py), each
Betreff as printed (render/betreff.py) – in new records, never by changing those the load made."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from vorlagen.compute.hauptbuch import Project
from vorlagen.compute.project import prepare
from vorlagen.core.problems import raise_if
from vorlagen.load.records import changed
from vorlagen.render.betreff import gedruckte_betreffe


def vorbereitet(data_dir: Path, haushaltsrecht: bool = True, heute: dt.date | None = None) -> Project:
    """`prepare` with every Betreff as printed. A Betreff that cannot be printed raises BuildFailed with the rest; for
    read-only listings (`haushaltsrecht=False`) it stays as typed."""
    project = prepare(data_dir, haushaltsrecht, heute)
    betreffe, problems = gedruckte_betreffe(project)
    if haushaltsrecht:
        raise_if(problems)
    return mit_betreffen(project, betreffe)


def mit_betreffen(project: Project, betreffe: dict[str, str]) -> Project:
    """A project whose Vorlagen carry the Betreff printed for them (slug → text), each noting what its figures were
    computed from; the project given and its records stay as they were."""
    vorlagen = [
        dataclasses.replace(
            source,
            vorlage=changed(source.vorlage, betreff=betreffe[source.slug]),
            betreff_liest=dict(project.rechnungen[source.slug].reads),
        )
        if source.slug in betreffe
        else source
        for source in project.facts.vorlagen
    ]
    return dataclasses.replace(project, facts=dataclasses.replace(project.facts, vorlagen=vorlagen))
