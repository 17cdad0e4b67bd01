"""`vergleichen` as a whole, for the command (cli/reviewing.py), which only prints: two revisions – each read from git
or the working tree, brought to this format when it is of an earlier one (migration/fruehere.py), built with the
cache of another build (review/pruefbau.py), its Fassungen composed and compared (review/diff.py) – and what the two
builds print differently (review/druckvergleich.py); or an Ergänzung or Neufassung against the Vorlage it refers to."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.core.problems import BuildFailed, Paths, Problem

if TYPE_CHECKING:
    from vorlagen.review.druckvergleich import Druckvergleich

ARBEITSSTAND = "Arbeitsstand"  # the side of a comparison that is the working tree, not a revision of git


@dataclass(frozen=True)
class Revisionsvergleich:
    """What changed between two revisions: `hinweise` says which side was of an earlier format, and whether every
    printed figure stays."""

    aenderungen: list
    hausstil: list
    druck: Druckvergleich
    hinweise: list[str]
    namen: tuple[str, str]


def fassungen(data: Path, label: str) -> dict:
    """The Fassungen of a data folder; problems name the revision they belong to."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.render.document import Composer
    from vorlagen.review.fassung import fassungen as zusammengesetzt

    try:
        project = vorbereitet(data)
        return zusammengesetzt(project, Composer(project).compose_all())
    except BuildFailed as failed:
        raise _in_revision(failed, label, data) from None


def _in_revision(failed: BuildFailed, label: str, data: Path) -> BuildFailed:
    """The problems of one side of a comparison, each with its revision's name (review/vorlagenvergleich)."""
    from vorlagen.review.vorlagenvergleich import in_revision

    return in_revision(failed, label, data, aus_git=label != ARBEITSSTAND)


def vergleichen(
    data: Path, rev: str | None, rev2: str | None, out: Path, einstellungen: Path, mappen: bool
) -> Revisionsvergleich:
    """`rev` (HEAD when None) against `rev2` (the working tree when None); `out`, the user's own build, serves as the
    cache of the older side and of the working tree."""
    from vorlagen.building.workers import Renderer
    from vorlagen.migration.fruehere import drucken_gleich
    from vorlagen.review import diff as diffing
    from vorlagen.review import druckvergleich
    from vorlagen.review.pruefbau import Revisionsbau, bauen, geaendert
    from vorlagen.review.vorlagenvergleich import ausgepackt

    paths = Paths()
    renderer = Renderer()  # one set of workers for both builds
    umgestellt: list = []  # revisions of an earlier format, brought to this one for the comparison
    try:
        with tempfile.TemporaryDirectory(prefix="vorlagen-diff-") as tmp:

            def side(revision: str | None, name: str, seed: Path | None) -> Revisionsbau:
                folder, umgestellt_ = (
                    (data, None)
                    if revision is None
                    else ausgepackt(data, revision, Path(tmp) / name, einstellungen, paths)
                )
                if umgestellt_ is not None:  # git's copy, not the user's
                    umgestellt.append(umgestellt_)
                try:
                    return bauen(folder, Path(tmp) / f"ausgabe-{name}" / "output", seed, renderer, mappen)
                except BuildFailed as failed:
                    raise _in_revision(failed, revision or ARBEITSSTAND, folder) from None

            # the cache of the user's own build serves the older revision, and the working tree when it is the
            # newer one (it was built from it); two revisions of git: the newer one starts from the older one's
            old = side(rev or "HEAD", "a", out)
            new = side(rev2, "b", out if rev2 is None else old.out)
            slugs = geaendert(old, new)  # a Vorlage with the same record prints the same: only the others are composed
            alt, neu = old.fassungen(slugs), new.fassungen(slugs)
            aenderungen = diffing.compare(alt, neu)
            gezeigt = {neu[c.nummer].pdf for c in aenderungen if c.nummer in neu}
            druck = druckvergleich.vergleichen(
                old.out, new.out, old.data, new.data, gezeigt, (old.dateien, new.dateien)
            )
            hausstil = diffing.hausstil_changes(old.data, new.data)
            zahlen = drucken_gleich(old.out, new.out) if umgestellt else None
    finally:
        renderer.close()
    hinweise = [u.zeile() for u in umgestellt] + (zahlen.zeilen() if zahlen is not None else [])
    return Revisionsvergleich(aenderungen, hausstil, druck, hinweise, (rev or "HEAD", rev2 or ARBEITSSTAND))


def fassungsvergleich(data: Path, rev: str | None, nummer: str) -> tuple[list, tuple[str, str]]:
    """An Ergänzung or Neufassung `nummer` against the Vorlage it refers to, in one revision (the working tree when
    None): the changes and the names of the two sides."""
    from vorlagen.review import diff as diffing
    from vorlagen.review.gitrev import extract

    paths = Paths()
    with tempfile.TemporaryDirectory(prefix="vorlagen-diff-") as tmp:
        folder, problems = (data, []) if rev is None else extract(data, rev, Path(tmp) / "a", paths)
        if folder is None:
            raise BuildFailed(problems)
        current = fassungen(folder, rev or ARBEITSSTAND)
    if nummer not in current:
        raise BuildFailed([Problem(paths.where(data), f"Die Vorlage „{nummer}“ gibt es nicht.")])
    new = current[nummer]
    if "Bezug" not in new.kopf:
        raise BuildFailed(
            [Problem(paths.where(data), f"Die Vorlage „{nummer}“ hat keinen „bezug“ auf eine andere Vorlage.")]
        )
    original = new.kopf["Bezug"].split(" zu ", 1)[1]
    changes = [diffing.compare_one(current[original], new)]
    return [c for c in changes if c.zahlen or c.kopf or c.text], (f"Vorlage {original}", f"Vorlage {nummer}")
