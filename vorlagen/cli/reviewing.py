"""Commands for reviewers: diff (what changed between two Fassungen), text (a PDF as text), nachrechnen."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from vorlagen.core.problems import BuildFailed, Paths, Problem

ARBEITSSTAND = "Arbeitsstand"  # the side of a comparison that is the working tree, not a revision of git


def diff_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rev", nargs="?", default=None, help="ältere Revision (Standard: HEAD)")
    parser.add_argument("rev2", nargs="?", default=None, help="neuere Revision (Standard: Arbeitsstand)")
    parser.add_argument(
        "--fassung",
        metavar="NUMMER",
        help="eine Ergänzung/Neufassung mit der Vorlage vergleichen, auf die sie sich bezieht",
    )
    parser.add_argument(
        "--mappen",
        action="store_true",
        help="auch Sitzungsmappen und Veröffentlichungspakete bauen und vergleichen (jeder Sitzung, deren Vorlagen "
        "alle freigegeben sind)",
    )
    parser.add_argument("--json", action="store_true", help="Ergebnis als JSON")


def text_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("datei", type=Path, help="eine PDF-Datei")


def text(args: argparse.Namespace) -> int:
    """`text`: the plain-text rendition of a PDF (git textconv)."""
    from vorlagen.render.pdftext import pdf_text  # pypdf only when needed

    text, problems = pdf_text(args.datei)
    if text is None:
        raise BuildFailed(problems)
    sys.stdout.write(text)
    return 0


def nachrechnen_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("datei", type=Path, nargs="+", help="PDF-, DOCX-, HTML-, TXT- oder MD-Dateien")
    parser.add_argument("--json", action="store_true", help="Ergebnis als JSON")


def nachrechnen(args: argparse.Namespace) -> int:
    """`nachrechnen`: recompute the arithmetic of typed Vorlagen."""
    from vorlagen.nachrechnen import run

    return run(args.datei, args.json)


def _fassungen(data: Path, label: str) -> dict:
    """The Fassungen of a data folder; problems name the revision they belong to."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.render.document import Composer
    from vorlagen.review.fassung import fassungen

    try:
        project = vorbereitet(data)
        return fassungen(project, Composer(project).compose_all())
    except BuildFailed as failed:
        raise _in_revision(failed, label, data) from None


def _in_revision(failed: BuildFailed, label: str, data: Path) -> BuildFailed:
    """The problems of one side of a comparison, each with its revision's name (review/vorlagenvergleich)."""
    from vorlagen.review.vorlagenvergleich import in_revision

    return in_revision(failed, label, data, aus_git=label != ARBEITSSTAND)


def diff(args: argparse.Namespace) -> int:
    """`diff`: 0 when nothing changed, 1 when something did."""
    from vorlagen.review import diff as diffing

    if args.fassung:
        return _fassung_diff(args)
    from vorlagen.building.workers import Renderer
    from vorlagen.load.settings import SETTINGS
    from vorlagen.migration.fruehere import drucken_gleich
    from vorlagen.review import druckvergleich
    from vorlagen.review.pruefbau import Revisionsbau, bauen, geaendert
    from vorlagen.review.vorlagenvergleich import ausgepackt

    paths = Paths()
    renderer = Renderer()  # one set of workers for both builds
    umgestellt: list = []  # revisions of an earlier format, brought to this one for the comparison
    try:
        with tempfile.TemporaryDirectory(prefix="vorlagen-diff-") as tmp:

            def side(rev: str | None, name: str, seed: Path | None) -> Revisionsbau:
                folder, umgestellt_ = (
                    (args.data, None)
                    if rev is None
                    else ausgepackt(args.data, rev, Path(tmp) / name, args.repository.root / SETTINGS, paths)
                )
                if umgestellt_ is not None:  # git's copy, not the user's
                    umgestellt.append(umgestellt_)
                label = rev or ARBEITSSTAND
                try:
                    return bauen(folder, Path(tmp) / f"ausgabe-{name}" / "output", seed, renderer, args.mappen)
                except BuildFailed as failed:
                    raise _in_revision(failed, label, folder) from None

            # the cache of the user's own build serves the older revision, and the working tree when it is the
            # newer one (it was built from it); two revisions of git: the newer one starts from the older one's
            old = side(args.rev or "HEAD", "a", args.out)
            new = side(args.rev2, "b", args.out if args.rev2 is None else old.out)
            slugs = geaendert(old, new)  # a Vorlage with the same record prints the same: only the others are composed
            alt, neu = old.fassungen(slugs), new.fassungen(slugs)
            changes = diffing.compare(alt, neu)
            gezeigt = {neu[c.nummer].pdf for c in changes if c.nummer in neu}
            druck = druckvergleich.vergleichen(
                old.out, new.out, old.data, new.data, gezeigt, (old.dateien, new.dateien)
            )
            hausstil = diffing.hausstil_changes(old.data, new.data)
            zahlen = drucken_gleich(old.out, new.out) if umgestellt else None
    finally:
        renderer.close()
    names = (args.rev or "HEAD", args.rev2 or "Arbeitsstand")
    hinweise = [u.zeile() for u in umgestellt] + (zahlen.zeilen() if zahlen is not None else [])
    if args.json:
        sys.stdout.write(diffing.render_json(changes, *names, hausstil, druckvergleich.als_dict(druck), hinweise))
    else:
        sys.stdout.write(diffing.render_text(changes, *names, hausstil, druckvergleich.zeilen(druck), hinweise))
    return 1 if changes or hausstil or druck else 0


def _fassung_diff(args: argparse.Namespace) -> int:
    """`diff --fassung`: an Ergänzung or Neufassung against the Vorlage it refers to, in one revision."""
    from vorlagen.review import diff as diffing
    from vorlagen.review.gitrev import extract

    paths = Paths()
    with tempfile.TemporaryDirectory(prefix="vorlagen-diff-") as tmp:
        folder, problems = (args.data, []) if args.rev is None else extract(args.data, args.rev, Path(tmp) / "a", paths)
        if folder is None:
            raise BuildFailed(problems)
        current = _fassungen(folder, args.rev or ARBEITSSTAND)
    if args.fassung not in current:
        raise BuildFailed([Problem(paths.where(args.data), f"Die Vorlage „{args.fassung}“ gibt es nicht.")])
    new = current[args.fassung]
    if "Bezug" not in new.kopf:
        raise BuildFailed(
            [
                Problem(
                    paths.where(args.data), f"Die Vorlage „{args.fassung}“ hat keinen „bezug“ auf eine andere Vorlage."
                )
            ]
        )
    original = new.kopf["Bezug"].split(" zu ", 1)[1]
    changes = [diffing.compare_one(current[original], new)]
    changes = [c for c in changes if c.zahlen or c.kopf or c.text]
    names = (f"Vorlage {original}", f"Vorlage {args.fassung}")
    render = diffing.render_json if args.json else diffing.render_text
    sys.stdout.write(render(changes, *names))
    return 1 if changes else 0
