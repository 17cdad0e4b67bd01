"""`zahlen NUMMER`: every figure a Vorlage's texts can quote, with the value it prints."""

from __future__ import annotations

import argparse
import sys


def zahlen_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("nummer", help="Nummer der Vorlage, z. B. 2021/0123")


def zahlen(args: argparse.Namespace) -> int:
    from vorlagen.compute.project import prepare, rundung_of
    from vorlagen.compute.zahlen import render, zahlen as listing
    from vorlagen.load.records import suggest
    project = prepare(args.data)
    sources = {s.vorlage.nummer: s for s in project.facts.vorlagen}
    wanted = args.nummer.replace("-", "/") if args.nummer not in sources else args.nummer
    source = sources.get(wanted)
    if source is None:
        known = ", ".join(sorted(sources)) or "keine"
        print(f"Die Vorlage „{args.nummer}“ gibt es nicht{suggest(args.nummer, sources) or '.'} Vorhanden: {known}.",
              file=sys.stderr)
        return 1
    lines = listing(project.rechnung(source), rundung_of(project.facts).quantum)
    sys.stdout.write(render(source.vorlage.nummer, source.vorlage.betreff, lines))
    return 0
