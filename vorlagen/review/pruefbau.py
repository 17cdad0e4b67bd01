"""The build of one revision for a review: every output document, made with the build cache of another output
folder (the user's own build, or the other revision's) wherever the records match, into a folder of its own.

The seed is copied, never built into: a file the review makes goes into the review's folder, and what the user
built stays as it was. Only plain files the seed's manifest lists are taken; the builder reuses each document
whose record is still current and whose files still hold the recorded bytes, and renders the rest.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from vorlagen.building import freigaben
from vorlagen.building.builder import Builder
from vorlagen.building.cache import Entry, Manifest
from vorlagen.building.progress import Progress
from vorlagen.building.state import MANIFEST, OPARL_LEDGER, OWNED, state_dir
from vorlagen.building.vorbereitung import vorbereitet
from vorlagen.building.workers import Renderer
from vorlagen.compute.hauptbuch import Project
from vorlagen.compute.sitzungen import tops
from vorlagen.core.problems import BuildFailed
from vorlagen.core.reads import read_file
from vorlagen.render.document import Composer
from vorlagen.review.fassung import Fassung, fassungen


@dataclass
class Revisionsbau:
    """One revision, built: its project, its data folder, its output, and the record key of each Vorlage's
    entry (slug → key): two Vorlagen with the same key print the same; `dateien`: every file of its output → the
    SHA-256 of its bytes, as the build wrote or checked them (the comparison does not read them again)."""

    project: Project
    data: Path
    out: Path
    schluessel: dict[str, str]
    dateien: dict[str, str]

    def fassungen(self, slugs: set[str]) -> dict[str, Fassung]:
        """The Fassungen (figures, header, text) of the Vorlagen named by slug."""
        composer = Composer(self.project)
        sources = [s for s in self.project.facts.vorlagen if s.slug in slugs]
        return fassungen(self.project, [composer.compose(s) for s in sources])


def bauen(data: Path, out: Path, seed: Path | None, renderer: Renderer, mappen: bool = False) -> Revisionsbau:
    """Builds `data` into `out` (a new folder) as `bauen` does – with `mappen` also the Sitzungsmappen and publish
    bundles of every Sitzung that is ready to publish –, reusing what the build in `seed` made from the same
    records."""
    if seed is not None:
        _saeen(seed, out)
    project = vorbereitet(data)
    builder = Builder(project, Progress(io.StringIO(), live=False), renderer)
    builder.build(out)
    if mappen:  # a second pass, which reuses every document and adds the packets of the released Sitzungen
        entries = builder.new.entries
        (state_dir(out) / OPARL_LEDGER).unlink(missing_ok=True)  # its objects are new in this build, as in one pass
        builder = Builder(project, Progress(io.StringIO(), live=False), renderer)
        builder.build(out, _bereite_mappen(project, entries))
    schluessel = {
        name.split(":", 1)[1]: entry.key for name, entry in builder.new.entries.items() if name.startswith("vorlage:")
    }
    return Revisionsbau(project, data, out, schluessel, builder.inhalt)


def geaendert(alt: Revisionsbau, neu: Revisionsbau) -> set[str]:
    """The slugs of the Vorlagen whose record differs between two builds, or that only one of them has."""
    return {
        slug
        for slug in set(alt.schluessel) | set(neu.schluessel)
        if alt.schluessel.get(slug) != neu.schluessel.get(slug)
    }


def _bereite_mappen(project: Project, entries: dict[str, Entry]) -> set[str]:
    """The Sitzungen whose Mappe and bundle a build may make: an agenda, every Vorlage on it released and ready
    to publish. A Sitzung that is not is compared without them (its agenda and Vorlagen still are)."""
    offen = {
        s.vorlage.nummer
        for s in project.facts.vorlagen
        if (entry := entries.get(f"vorlage:{s.slug}")) is None or entry.entwurf
    }
    bereit = set()
    for sid, sitzung in sorted(project.facts.sitzungen.items()):
        if sitzung.tagesordnung is None or any(top.vorlage in offen for _, top in tops(sitzung)):
            continue
        try:
            bereit |= freigaben.mappen(project, {sid})
        except BuildFailed:
            continue
    return bereit


def _saeen(seed: Path, out: Path) -> None:
    """Copies the seed's manifest and each file it lists that still holds the recorded bytes, and its OParl Papers
    (a hard link where the file system allows); links and changed files are left behind, so the builder makes
    them anew."""
    seed, out = seed.resolve(), out.resolve()
    manifest = Manifest.load(seed, state_dir(seed))
    if not manifest.entries:
        return
    out.mkdir(parents=True, exist_ok=True)
    # the OParl Papers too: the Paper of an ENTWURF's last released state is taken over from them
    papers = [p.relative_to(seed).as_posix() for p in sorted((seed / "oparl" / "paper").glob("*.json"))]
    for name in [name for entry in manifest.entries.values() for name in entry.files] + papers:
        source, target = seed / name, out / name
        inside = source.resolve().is_relative_to(seed) and target.resolve().is_relative_to(out)
        if not inside or not _plain(source):  # the builder checks the bytes before it reuses a file
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    state = state_dir(out)
    state.mkdir(parents=True, exist_ok=True)
    (state / MANIFEST).write_bytes(read_file(state_dir(seed) / MANIFEST, within=state_dir(seed), noted=False))
    (state / OWNED).touch()  # the folder is the review's own


def _plain(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
