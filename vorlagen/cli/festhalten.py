"""`bauen` and `sitzung` keep the Haushalt of a decision nobody kept yet (beschlossen.yaml, as `vorlagen beschluss`
writes it) – taken from git, never guessed: the Haushalt files as they stood in the newest commit before the
decision day. Today's files when no later commit and no change in the working tree touched them, else that commit's
files; without such a commit (no repository, no git, none before the day) nothing is written and the note says why.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from vorlagen.cli.beschluss import am_beschluss, jahre, schreiben
from vorlagen.compute.beschluss import nicht_festgehalten
from vorlagen.compute.hauptbuch import Project
from vorlagen.core.fmt import datum as tag_text
from vorlagen.core.problems import Paths
from vorlagen.load.beschlossen import DATEI
from vorlagen.load.haushalt import Haushalt
from vorlagen.load.records import changed, read_data_file
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.review.gitrev import Commit, OhneGeschichte, eingecheckt, extract, letzter_vor, unveraendert_seit


def festhalten(project: Project, say: Callable[[str], None]) -> dict[str, str]:
    """Writes beschlossen.yaml for every decided Vorlage that computes from the Haushalt and has none, saying so per
    file; VorlageSource.slug → why it could not be kept, for the others. BuildFailed when a file cannot be
    written (the files written before stay: each is whole)."""
    facts = project.facts
    nicht, offen = {}, nicht_festgehalten(project)
    for source in facts.vorlagen:
        if source.slug not in offen or source.beschlossen is not None:  # one of an earlier version: kept as it is
            continue
        entschieden = project.entschieden[source.slug]
        if entschieden is None:  # never: nicht_festgehalten names decided Vorlagen only
            continue
        ordner = facts.data_dir / "haushalt"
        try:
            root, commit = letzter_vor(facts.data_dir, entschieden)
            gleich = unveraendert_seit(root, commit, ordner)
            haushalte = (
                am_beschluss(facts.haushalte, source, entschieden)
                if gleich
                else _aus_commit(facts.haushalte, source, entschieden, ordner, root, commit, facts.paths.show(ordner))
            )
        except OhneGeschichte as grund:
            nicht[source.slug] = str(grund)
            continue
        datei = source.folder / DATEI
        schreiben(facts.data_dir, datei, entschieden, haushalte, entschieden)  # the commit before: its state that day
        stand = (
            f"{facts.paths.show(ordner)}/ ist seit Commit {commit.kurz} vom {tag_text(commit.tag)}, dem letzten vor "
            "dem Beschluss, unverändert"
            if gleich
            else f"Stand von Commit {commit.kurz} vom {tag_text(commit.tag)}, dem letzten vor dem Beschluss: "
            f"{facts.paths.show(ordner)}/ wurde seither geändert, die Vorlage druckt die Beträge von damals"
        )
        say(
            f"Haushalt des Beschlusses vom {tag_text(entschieden)} (Vorlage {source.bezeichnung}) festgehalten in "
            f"{facts.paths.show(datei)} – {stand}. Bitte checken Sie die Datei mit ein."
        )
    return nicht


def _aus_commit(
    heute: dict[int, Haushalt],
    source: VorlageSource,
    entschieden: dt.date,
    ordner: Path,
    root: Path,
    commit: Commit,
    shown: str,
) -> dict[int, Haushalt]:
    """The Haushalte of the years the Vorlage reads as `commit` had them, on the decision day, with the Positionen
    the Haushalt still has (a Position removed since is read by no decided Vorlage that still computes)."""
    gelesen = {j: h for j, h in dict.items(heute) if j in jahre(source.vorlage.finanzen_daten)}
    damals: dict[int, Haushalt] = {}
    with tempfile.TemporaryDirectory(prefix="vorlagen-beschluss-") as tmp:
        paths = Paths(Path(tmp))
        folder, problems = (
            extract(ordner, commit.sha, Path(tmp) / "stand", paths)
            if gelesen and eingecheckt(root, commit, ordner)
            else (None, [])
        )
        if gelesen and folder is None and problems:
            raise OhneGeschichte(f"den Haushalt im Commit {commit.kurz} liest vorlagen nicht: {problems[0].message}")
        for jahr, haushalt in gelesen.items():
            path = folder / f"{jahr}.yaml" if folder is not None else None
            if path is None or not path.is_file():
                raise OhneGeschichte(
                    f"im Commit {commit.kurz} vom {tag_text(commit.tag)}, dem letzten vor dem Beschluss, ist "
                    f"{shown}/{jahr}.yaml nicht eingecheckt"
                )
            record, problems = read_data_file(path, Haushalt, paths)
            if record is None or problems:
                raise OhneGeschichte(
                    f"{shown}/{jahr}.yaml im Commit {commit.kurz} lässt sich nicht lesen ({problems[0].message})"
                )
            noch = {(p.konto, p.plan) for p in haushalt.positionen}
            am = record.am(entschieden)
            damals[jahr] = changed(am, positionen=[p for p in am.positionen if (p.konto, p.plan) in noch])
    return damals
