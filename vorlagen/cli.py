"""Commands of `python build.py`: build (default), check, diff, text — German output."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from vorlagen.core.problems import BuildFailed, Paths, Problem

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ("build", "check", "diff", "text", "sitzung", "serve")


def parse(argv: list[str]) -> argparse.Namespace:
    command = argv[0] if argv and argv[0] in COMMANDS else "build"
    rest = argv[1:] if argv and argv[0] in COMMANDS else argv
    parser = argparse.ArgumentParser(prog=f"python build.py {command}", description=DESCRIPTIONS[command])
    if command != "text":
        parser.add_argument("--data", type=Path, default=ROOT / "data", help="Datenordner (Standard: data/)")
    if command in ("build", "sitzung", "serve"):
        parser.add_argument("--out", type=Path, default=ROOT / "output", help="Ausgabeordner (Standard: output/)")
    if command == "serve":
        parser.add_argument("--port", type=int, default=8000, help="Port auf 127.0.0.1 (Standard: 8000)")
    if command == "build":
        parser.add_argument("--mappen", action="store_true",
                            help="auch Sitzungsmappen und Veröffentlichungspakete aller Sitzungen erstellen")
    if command == "sitzung":
        parser.add_argument("sitzung", help="Kennung der Sitzung, z. B. ASI-2021-06-10")
    if command == "check":
        parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)  # accepted, unused: check writes nothing
        parser.add_argument("--stichtag", type=_date, default=dt.date.today(),
                            help="Fristen für Sitzungen ab diesem Tag zeigen (JJJJ-MM-TT, Standard: heute)")
    if command == "diff":
        parser.add_argument("rev", nargs="?", default=None, help="ältere Revision (Standard: HEAD)")
        parser.add_argument("rev2", nargs="?", default=None, help="neuere Revision (Standard: Arbeitsstand)")
        parser.add_argument("--fassung", metavar="NUMMER",
                            help="eine Ergänzung/Neufassung mit der Vorlage vergleichen, auf die sie sich bezieht")
        parser.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    if command == "text":
        parser.add_argument("datei", type=Path, help="eine PDF-Datei")
    args = parser.parse_args(rest)
    args.befehl = command
    return args


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum – schreiben Sie z. B. 2021-06-01.") from None


DESCRIPTIONS = {
    "build": "Baut alle Vorlagen und Tagesordnungen als PDF, HTML und Text; Unverändertes wird übernommen.",
    "check": "Lädt, rechnet und prüft alles und setzt die Texte – schreibt nichts.",
    "diff": "Zeigt, welche Zahlen, Kopfdaten und Sätze sich zwischen zwei Fassungen geändert haben. "
            "Rückgabe 0: keine Änderung, 1: Änderungen, 2: Fehler.",
    "text": "Gibt die Textfassung einer PDF-Datei aus (für git diff, siehe README).",
    "serve": "Lokale Vorschau auf 127.0.0.1: baut bei jeder Änderung neu und lädt offene Seiten selbst neu.",
    "sitzung": "Baut alles und nennt die Tagesordnung, die Sitzungsmappen und das Veröffentlichungspaket "
               "einer Sitzung.",
}


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    start = time.monotonic()
    try:
        if args.befehl == "text":
            from vorlagen.render.pdftext import pdf_text  # pypdf only when needed
            sys.stdout.write(pdf_text(args.datei))
            return 0
        if args.befehl == "diff":
            return compare(args)
        if args.befehl == "serve":
            from vorlagen.build.preview import Preview
            try:
                Preview(args.data, args.out, args.port, say=lambda line: print(line, flush=True)).run()
            except OSError as error:
                print(f"Die Vorschau kann Port {args.port} nicht öffnen ({error.strerror}) – "
                      "wählen Sie einen anderen mit --port.", file=sys.stderr)
                return 1
            return 0
        if args.befehl == "check":
            return check(args)
        mappen = {args.sitzung} if args.befehl == "sitzung" else ({"*"} if args.mappen else set())
        result = _in_service(args, mappen)
        if result is None:
            from vorlagen.build.builder import Builder
            from vorlagen.build.progress import Progress
            from vorlagen.compute.project import prepare, summary
            project = prepare(args.data)
            builder = Builder(project, Progress())
            written = builder.build(args.out, mappen)
            result = (summary(project), builder.rendered, written)
    except BuildFailed as failed:
        report_problems(failed.problems)
        return 2 if args.befehl == "diff" else 1
    summary_text, rendered, written = result
    shown = Paths(args.data.resolve().parent).show(args.out)
    print(f"Fertig: {summary_text}; {rendered} PDF neu gesetzt, {written} Dateien in {shown}/ "
          f"({time.monotonic() - start:.1f} s).")
    if args.befehl == "sitzung":
        print(_sitzung_summary(args.sitzung, shown), end="")
    return 0


def report_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    count = len(problems)
    print(f"\n{count} {'Problem' if count == 1 else 'Probleme'} gefunden – es wurde nichts geschrieben; "
          "die bisherige Ausgabe ist unverändert.", file=sys.stderr)


def _in_service(args: argparse.Namespace, mappen: set[str]) -> tuple | None:
    """Runs the build in the warm render service when one runs (starting one for next time otherwise)."""
    from vorlagen.build.workers import worker_count
    import os
    if worker_count() == 0 or os.environ.get("VORLAGEN_DIENST", "1") == "0":
        return None
    from vorlagen.build.service import delegate
    answer = delegate(args.data, args.out, sorted(mappen), say=lambda line: print(line, flush=True))
    if answer is None:
        return None
    kind, value = answer
    if kind == "failed":
        raise BuildFailed(value)
    if kind == "error":
        raise RuntimeError("Interner Fehler im Render-Dienst:\n" + value)
    return value


def check(args: argparse.Namespace) -> int:
    """`check`: load, compute, check and compose everything; list the deadlines of coming Sitzungen."""
    from vorlagen.render.document import Composer
    from vorlagen.compute.project import prepare, summary
    from vorlagen.compute.schedule import render_fristen
    project = prepare(args.data)
    Composer(project).compose_all()  # renders texts and templates, writes nothing
    print(f"Geprüft: {summary(project)} – keine Probleme.\n")
    print(render_fristen(project.facts, args.stichtag), end="")
    return 0


def _sitzung_summary(sitzung_id: str, shown: str) -> str:
    """Where the Sitzungsdienst finds what it needs for one Sitzung."""
    return (f"\nSitzung {sitzung_id}:\n"
            f"  Tagesordnung:           {shown}/sitzungen/{sitzung_id}/tagesordnung.pdf\n"
            f"  Sitzungsmappe:          {shown}/sitzungen/{sitzung_id}/sitzungsmappe.pdf\n"
            f"  nichtöffentlicher Teil: {shown}/intern/sitzungen/{sitzung_id}/sitzungsmappe-nichtoeffentlich.pdf\n"
            f"  Veröffentlichung:       {shown}/publish/{sitzung_id}/ (PDFs, oparl.json, SHA256SUMS)\n")


def _fassungen(data: Path, label: str) -> dict:
    """The Fassungen of a data folder; problems name the revision they belong to."""
    from vorlagen.review.fassung import fassungen
    from vorlagen.render.document import Composer
    from vorlagen.compute.project import prepare
    try:
        project = prepare(data)
        return fassungen(project, Composer(project).compose_all())
    except BuildFailed as failed:
        raise BuildFailed([Problem(p.where, f"[{label}] {p.message}") for p in failed.problems]) from None


def compare(args: argparse.Namespace) -> int:
    """`diff`: 0 when nothing changed, 1 when something did."""
    from vorlagen.review import diff as diffing
    from vorlagen.review.gitrev import extract
    paths = Paths(args.data.resolve().parent)
    with tempfile.TemporaryDirectory(prefix="vorlagen-diff-") as tmp:
        def side(rev: str | None, name: str) -> tuple[dict, str]:
            if rev is None:
                return _fassungen(args.data, "Arbeitsstand"), "Arbeitsstand"
            return _fassungen(extract(args.data, rev, Path(tmp) / name, paths), rev), rev

        if args.fassung:
            current, label = side(args.rev, "a")
            if args.fassung not in current:
                raise BuildFailed([Problem(paths.where(args.data), f"Die Vorlage „{args.fassung}“ gibt es nicht.")])
            new = current[args.fassung]
            if "Bezug" not in new.kopf:
                raise BuildFailed([Problem(paths.where(args.data), f"Die Vorlage „{args.fassung}“ hat keinen „bezug“ "
                                                                   "auf eine andere Vorlage.")])
            original = new.kopf["Bezug"].split(" zu ", 1)[1]
            changes = [diffing.compare_one(current[original], new)]
            changes = [c for c in changes if c.zahlen or c.kopf or c.text]
            names = (f"Vorlage {original}", f"Vorlage {args.fassung}")
        else:
            old, old_name = side(args.rev or "HEAD", "a")
            new_side, new_name = side(args.rev2, "b")
            changes = diffing.compare(old, new_side)
            names = (old_name, new_name)
    render = diffing.render_json if args.json else diffing.render_text
    sys.stdout.write(render(changes, *names))
    return 1 if changes else 0
