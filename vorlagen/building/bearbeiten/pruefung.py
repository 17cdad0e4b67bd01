"""A proposed change checked as `vorlagen pruefen` checks the data, before anything is written: the proposed texts
stand in for the files (core/reads.py: ueberlagert), the data folder is loaded, computed and the Vorlage composed.
Only what the change brings counts against it: a problem elsewhere that was there before does not stop a save."""

from __future__ import annotations

from pathlib import Path

from vorlagen.core.problems import BuildFailed, Problem
from vorlagen.core.reads import ueberlagert


def probleme(data: Path, ordner: Path, dateien: dict[Path, str]) -> list[Problem]:
    """Every problem of the data folder with these texts in place of the files, and of the Vorlage in `ordner`."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.render.document import Composer

    with ueberlagert({path: text.encode("utf-8") for path, text in dateien.items()}):
        try:
            project = vorbereitet(data)
        except BuildFailed as failed:
            return list(failed.problems)
        source = next((s for s in project.facts.vorlagen if s.folder.resolve() == ordner.resolve()), None)
        if source is None:
            return []
        try:
            _, found = Composer(project).composed(source)
        except BuildFailed as failed:
            return list(failed.problems)
        return found


def neue(data: Path, ordner: Path, dateien: dict[Path, str]) -> list[Problem]:
    """The problems the change brings: those with these texts that the files as they are do not have (compared
    without their line, which a change above moves)."""
    nachher = probleme(data, ordner, dateien)
    if not nachher:  # the usual save: the files as they are need not be loaded too
        return []
    vorher = {_ohne_zeile(p) for p in probleme(data, ordner, {})}
    return [p for p in nachher if _ohne_zeile(p) not in vorher]


def _ohne_zeile(problem: Problem) -> tuple[str, str]:
    return problem.where.path, problem.message
