"""Commands for reviewers: diff (what changed between two Fassungen), text (a PDF as text), nachrechnen."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vorlagen.core.problems import BuildFailed


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


def diff(args: argparse.Namespace) -> int:
    """`diff`: 0 when nothing changed, 1 when something did."""
    from vorlagen.load.settings import SETTINGS
    from vorlagen.review import diff as diffing
    from vorlagen.review import druckvergleich
    from vorlagen.review.revisionsvergleich import fassungsvergleich, vergleichen

    if args.fassung:
        changes, names = fassungsvergleich(args.data, args.rev, args.fassung)
        render = diffing.render_json if args.json else diffing.render_text
        sys.stdout.write(render(changes, *names))
        return 1 if changes else 0
    v = vergleichen(args.data, args.rev, args.rev2, args.out, args.repository.root / SETTINGS, args.mappen)
    if args.json:
        sys.stdout.write(
            diffing.render_json(v.aenderungen, *v.namen, v.hausstil, druckvergleich.als_dict(v.druck), v.hinweise)
        )
    else:
        sys.stdout.write(
            diffing.render_text(v.aenderungen, *v.namen, v.hausstil, druckvergleich.zeilen(v.druck), v.hinweise)
        )
    return 1 if v.aenderungen or v.hausstil or v.druck else 0
