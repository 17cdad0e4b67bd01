"""Commands of `python build.py`: build (default), check, diff, text — German output."""

from __future__ import annotations

import argparse
import posixpath
import sys
import tempfile
import time
from pathlib import Path, PurePosixPath

from . import diff as diffing
from .document import INTERNAL, PUBLIC, Composer, VorlageDoc
from .fassung import fassungen
from .gitrev import extract
from .output import Staging
from .pdf import render_pdf
from .pdftext import pdf_text
from .problems import BuildFailed, Paths, Problem
from .project import Project, prepare
from .render import TEMPLATES

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ("build", "check", "diff", "text")


def parse(argv: list[str]) -> argparse.Namespace:
    command = argv[0] if argv and argv[0] in COMMANDS else "build"
    rest = argv[1:] if argv and argv[0] in COMMANDS else argv
    parser = argparse.ArgumentParser(prog=f"python build.py {command}", description=DESCRIPTIONS[command])
    if command != "text":
        parser.add_argument("--data", type=Path, default=ROOT / "data", help="Datenordner (Standard: data/)")
    if command == "build":
        parser.add_argument("--out", type=Path, default=ROOT / "output", help="Ausgabeordner (Standard: output/)")
    if command == "check":
        parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)  # accepted, unused: check writes nothing
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


DESCRIPTIONS = {
    "build": "Baut alle Vorlagen aus dem Datenordner als PDF, HTML und Text.",
    "check": "Lädt, rechnet und prüft alles und setzt die Texte – schreibt nichts.",
    "diff": "Zeigt, welche Zahlen, Kopfdaten und Sätze sich zwischen zwei Fassungen geändert haben. "
            "Rückgabe 0: keine Änderung, 1: Änderungen, 2: Fehler.",
    "text": "Gibt die Textfassung einer PDF-Datei aus (für git diff, siehe README).",
}


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    start = time.monotonic()
    try:
        if args.befehl == "text":
            sys.stdout.write(pdf_text(args.datei))
            return 0
        if args.befehl == "diff":
            return compare(args)
        project = prepare(args.data)
        summary = _summary(project)
        if args.befehl == "check":
            Composer(project).compose_all()  # renders texts and templates, writes nothing
            print(f"Geprüft: {summary} – keine Probleme.")
            return 0
        written = build(project, args.out)
    except BuildFailed as failed:
        for problem in failed.problems:
            print(problem, file=sys.stderr)
        count = len(failed.problems)
        print(f"\n{count} {'Problem' if count == 1 else 'Probleme'} gefunden – es wurde nichts geschrieben; "
              "die bisherige Ausgabe ist unverändert.", file=sys.stderr)
        return 2 if args.befehl == "diff" else 1
    print(f"Fertig: {summary}; {written} Dateien in {project.facts.paths.show(args.out)}/ "
          f"({time.monotonic() - start:.1f} s).")
    return 0


def _summary(project: Project) -> str:
    vorlagen = len(project.facts.vorlagen)
    tabellen = sum(len(r.tabellen) for r in project.rechnungen.values())
    return f"{vorlagen} {'Vorlage' if vorlagen == 1 else 'Vorlagen'}, {tabellen} Berechnungen"


def _fassungen(data: Path, label: str) -> dict:
    """The Fassungen of a data folder; problems name the revision they belong to."""
    try:
        project = prepare(data)
        return fassungen(project, Composer(project).compose_all())
    except BuildFailed as failed:
        raise BuildFailed([Problem(p.where, f"[{label}] {p.message}") for p in failed.problems]) from None


def compare(args: argparse.Namespace) -> int:
    """`diff`: 0 when nothing changed, 1 when something did."""
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


def build(project: Project, out: Path) -> int:
    """Renders every Vorlage with its Anlagen and swaps the new output in; returns the file count."""
    facts = project.facts
    composer = Composer(project)
    docs = composer.compose_all()
    roots = [facts.data_dir, TEMPLATES]
    count = 0
    with Staging(out, facts.paths) as stage:
        def write(relative: PurePosixPath, data: bytes):
            nonlocal count
            stage.write(relative, data)
            count += 1

        for doc in docs:
            where = facts.paths.where(doc.source.folder / "vorlage.yaml")
            print(f"  {doc.source.vorlage.nummer}: {doc.source.vorlage.betreff}", flush=True)
            created, text = doc.source.vorlage.datum, doc.text
            write(doc.folder / f"{doc.source.slug}.html", doc.web_html.encode())
            write(doc.folder / f"{doc.source.slug}.txt", text.encode())
            write(doc.folder / f"{doc.source.slug}.pdf",
                  render_pdf(doc.print_html, doc.source.folder, roots, where, created, text))
            for anlage in doc.anlagen:
                if anlage.pdf is not None:
                    write(anlage.datei, anlage.pdf)
                    continue
                write(anlage.datei.with_suffix(".txt"), anlage.text.encode())
                write(anlage.datei, render_pdf(anlage.html, doc.source.folder, roots, where, created, anlage.text))
            for bild in doc.bilder:
                write(doc.folder / bild.relative_to(doc.source.folder).as_posix(), bild.read_bytes())
        for asset in sorted(TEMPLATES.glob("*.css")) + sorted((TEMPLATES / "fonts").glob("*")):
            write(PurePosixPath("assets") / asset.relative_to(TEMPLATES).as_posix(), asset.read_bytes())
        if facts.logo:
            write(PurePosixPath("assets") / f"logo{facts.logo.suffix}", facts.logo.read_bytes())
        write(PurePosixPath("index.html"), _index(composer, [d for d in docs if d.oeffentlich], PUBLIC.parent,
                                                   "Öffentliche Vorlagen"))
        write(INTERNAL.parent / "index.html", _index(composer, docs, INTERNAL.parent, "Alle Vorlagen (intern)"))
    return count


def _index(composer: Composer, docs: list[VorlageDoc], base: PurePosixPath, titel: str) -> bytes:
    """An overview page at `base`; the internal one lists everything, the public one only public documents."""
    def link(path: PurePosixPath) -> str:
        return posixpath.relpath(str(path), str(base))

    html = composer.templates.render("index.html.j2", koerperschaft=composer.facts.koerperschaft, docs=docs,
                                     titel=titel, assets=link(PurePosixPath("assets")) + "/", link=link,
                                     intern=base != PUBLIC.parent)
    return html.encode()
