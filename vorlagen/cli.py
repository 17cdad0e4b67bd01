"""Commands of `python build.py`: build (default), check, diff, text — German output."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from .builder import Builder
from .document import Composer
from .progress import Progress
from .problems import BuildFailed, Paths, Problem
from .project import Project, prepare
from .references import unknown
from .sitzungen import render_fristen

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
            from .pdftext import pdf_text  # pypdf only when needed
            sys.stdout.write(pdf_text(args.datei))
            return 0
        if args.befehl == "diff":
            return compare(args)
        if args.befehl == "serve":
            from .preview import Preview
            try:
                Preview(args.data, args.out, args.port, say=lambda line: print(line, flush=True)).run()
            except OSError as error:
                print(f"Die Vorschau kann Port {args.port} nicht öffnen ({error.strerror}) – "
                      "wählen Sie einen anderen mit --port.", file=sys.stderr)
                return 1
            return 0
        project = prepare(args.data)
        summary = _summary(project)
        if args.befehl == "check":
            Composer(project).compose_all()  # renders texts and templates, writes nothing
            print(f"Geprüft: {summary} – keine Probleme.\n")
            print(render_fristen(project.facts, args.stichtag), end="")
            return 0
        if args.befehl == "sitzung" and args.sitzung not in project.facts.sitzungen:
            raise BuildFailed([unknown(project.facts.paths.where(args.data / "sitzungen"), " Sitzung", args.sitzung,
                                       project.facts.sitzungen, "nennen Sie den Dateinamen unter sitzungen/ ohne .yaml.")])
        if args.befehl == "sitzung":
            mappen = {args.sitzung}
        else:
            mappen = {sid for sid, s in project.facts.sitzungen.items() if s.tagesordnung} if args.mappen else set()
        builder = Builder(project, Progress())
        written = builder.build(args.out, mappen)
    except BuildFailed as failed:
        for problem in failed.problems:
            print(problem, file=sys.stderr)
        count = len(failed.problems)
        print(f"\n{count} {'Problem' if count == 1 else 'Probleme'} gefunden – es wurde nichts geschrieben; "
              "die bisherige Ausgabe ist unverändert.", file=sys.stderr)
        return 2 if args.befehl == "diff" else 1
    print(f"Fertig: {summary}; {builder.rendered} PDF neu gesetzt, {written} Dateien in "
          f"{project.facts.paths.show(args.out)}/ ({time.monotonic() - start:.1f} s).")
    if args.befehl == "sitzung":
        print(_sitzung_summary(project, args.sitzung, args.out), end="")
    return 0


def _sitzung_summary(project: Project, sitzung_id: str, out: Path) -> str:
    """Where the Sitzungsdienst finds what it needs for one Sitzung."""
    if project.facts.sitzungen[sitzung_id].tagesordnung is None:
        return f"Die Sitzung {sitzung_id} hat noch keine Tagesordnung – tragen Sie „tagesordnung“ ein.\n"
    shown = project.facts.paths.show(out)
    return (f"\nSitzung {sitzung_id}:\n"
            f"  Tagesordnung:           {shown}/sitzungen/{sitzung_id}/tagesordnung.pdf\n"
            f"  Sitzungsmappe:          {shown}/sitzungen/{sitzung_id}/sitzungsmappe.pdf\n"
            f"  nichtöffentlicher Teil: {shown}/intern/sitzungen/{sitzung_id}/sitzungsmappe-nichtoeffentlich.pdf\n"
            f"  Veröffentlichung:       {shown}/publish/{sitzung_id}/ (PDFs, oparl.json, SHA256SUMS)\n")


def _summary(project: Project) -> str:
    vorlagen = len(project.facts.vorlagen)
    tabellen = sum(len(r.tabellen) for r in project.rechnungen.values())
    return f"{vorlagen} {'Vorlage' if vorlagen == 1 else 'Vorlagen'}, {tabellen} Berechnungen"


def _fassungen(data: Path, label: str) -> dict:
    """The Fassungen of a data folder; problems name the revision they belong to."""
    from .fassung import fassungen
    try:
        project = prepare(data)
        return fassungen(project, Composer(project).compose_all())
    except BuildFailed as failed:
        raise BuildFailed([Problem(p.where, f"[{label}] {p.message}") for p in failed.problems]) from None


def compare(args: argparse.Namespace) -> int:
    """`diff`: 0 when nothing changed, 1 when something did."""
    from . import diff as diffing
    from .gitrev import extract
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
