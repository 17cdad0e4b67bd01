"""Commands: `python build.py [bauen|pruefen]` — German output, exit 1 on user errors."""

from __future__ import annotations

import argparse
import posixpath
import sys
import time
from pathlib import Path, PurePosixPath

from .document import INTERNAL, PUBLIC, Composer, VorlageDoc
from .output import Staging
from .pdf import render_pdf
from .problems import BuildFailed
from .project import Project, prepare
from .render import TEMPLATES

ROOT = Path(__file__).resolve().parent.parent


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python build.py",
                                     description="Baut Vorlagen aus den Daten einer Körperschaft.")
    parser.add_argument("befehl", nargs="?", default="build", choices=["build", "check"],
                        help="build: alles erzeugen (Standard); check: nur laden, rechnen und prüfen")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="Datenordner (Standard: data/)")
    parser.add_argument("--out", type=Path, default=ROOT / "output", help="Ausgabeordner (Standard: output/)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    start = time.monotonic()
    try:
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
        return 1
    print(f"Fertig: {summary}; {written} Dateien in {project.facts.paths.show(args.out)}/ "
          f"({time.monotonic() - start:.1f} s).")
    return 0


def _summary(project: Project) -> str:
    vorlagen = len(project.facts.vorlagen)
    tabellen = sum(len(r.tabellen) for r in project.rechnungen.values())
    return f"{vorlagen} {'Vorlage' if vorlagen == 1 else 'Vorlagen'}, {tabellen} Berechnungen"


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
            write(doc.folder / f"{doc.source.slug}.html", doc.web_html.encode())
            created = doc.source.vorlage.datum
            write(doc.folder / f"{doc.source.slug}.pdf", render_pdf(doc.print_html, doc.source.folder, roots, where, created))
            for anlage in doc.anlagen:
                data = anlage.pdf if anlage.pdf is not None else render_pdf(anlage.html, doc.source.folder, roots,
                                                                            where, created)
                write(anlage.datei, data)
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
