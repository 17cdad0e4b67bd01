"""Commands that build or check a data repository: build, sitzung, check, serve."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.core.engine import befehl
from vorlagen.core.pfade import gezeigt
from vorlagen.core.problems import Paths
from vorlagen.core.versions import warn_of_drift

if TYPE_CHECKING:
    from vorlagen.compute.hauptbuch import Project
    from vorlagen.load.facts import Facts
    from vorlagen.load.hausstil import Hausstil
    from vorlagen.render.document import Composer
    from vorlagen.render.vorlagendokument import VorlageDoc


def build_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--mappen",
        action="store_true",
        help="auch Sitzungsmappen und Veröffentlichungspakete aller Sitzungen erstellen",
    )
    _stichtag_option(parser)


def sitzung_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sitzung", help="Kennung der Sitzung, z. B. ASI-2021-06-10")
    _stichtag_option(parser)


def _stichtag_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stichtag",
        type=_date,
        default=None,
        help="Beschlusskontrolle: Aufträge mit Frist vor diesem Tag sind überfällig "
        "(JJJJ-MM-TT, Standard: Tag der letzten Sitzung mit Niederschrift, damit "
        "gleiche Daten gleiche Dateien ergeben)",
    )


def check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)  # the last build's findings; nothing written
    parser.add_argument(
        "--ohne-satz",
        action="store_true",
        help="den Satz nicht prüfen (schneller): keine Prüfung auf zu breite Tabellen und Text über dem Rand",
    )
    parser.add_argument(
        "--stichtag",
        type=_date,
        default=dt.date.today(),
        help="Fristen für Sitzungen ab diesem Tag zeigen, fehlende Beratungsergebnisse davor "
        "(JJJJ-MM-TT, Standard: heute)",
    )


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1024 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(
            f"„{text}“ ist kein möglicher Port – wählen Sie eine Zahl von 1024 bis 65535, z. B. 8000."
        )
    return int(text)


def serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=_port, default=8000, help="Port auf 127.0.0.1 (Standard: 8000)")
    parser.add_argument("--oeffnen", action="store_true", help="die Vorschau gleich im Browser öffnen")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum – schreiben Sie z. B. 2021-06-01.") from None


def build(args: argparse.Namespace) -> int:
    """`build` and `sitzung`: everything into the output folder, unchanged work reused."""
    start = time.monotonic()
    warn_of_drift()
    sitzung = getattr(args, "sitzung", None)
    mappen = {sitzung} if sitzung else ({"*"} if args.mappen else set())
    from vorlagen.building.state import MANIFEST, state_dir
    from vorlagen.building.workers import Renderer

    renderer = Renderer()
    try:
        # workers get ready while the data loads: all of them when there is no previous build to reuse, else one
        # (most builds after an edit render one document) and the build starts the others if it needs them
        first = not (args.out.is_dir() and (state_dir(args.out) / MANIFEST).is_file())
        renderer.start(None if first else 1)
        from vorlagen.building.builder import Builder
        from vorlagen.building.progress import Progress
        from vorlagen.cli.stand import summary

        project, ungehalten = _vorbereitet(args.data)
        # -v: every document on a line of its own, also on a terminal (cli/umfang.py)
        builder = Builder(project, Progress(live=False if args.umfang > 0 else None), renderer, stichtag=args.stichtag)
        written = builder.build(args.out, mappen)
    finally:
        renderer.close()
    from vorlagen.core.fmt import anzahl

    summary_text, rendered = summary(project), builder.rendered
    shown = gezeigt(args.out)
    print(
        f"Fertig: {summary_text}; {rendered} PDF neu gesetzt, {anzahl(written, 'Datei', 'Dateien')} in {shown}/ "
        f"({time.monotonic() - start:.1f} s)."
    )
    if sitzung:
        print(_sitzung_summary(sitzung, shown, project.facts.koerperschaft.oparl is not None), end="")
    _not_in_oparl(project.facts)
    _nicht_festgehalten(project, ungehalten)
    return 0


def _vorbereitet(data: Path) -> tuple[Project, dict[str, str]]:
    """The project to build, after the Haushalt of each decision not kept yet was kept where git tells it (each file
    written is said); VorlageSource.slug → why the Haushalt of its decision could not be kept."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.cli.festhalten import festhalten
    from vorlagen.compute.beschluss import nicht_festgehalten

    project = vorbereitet(data)
    ungehalten = festhalten(project, lambda zeile: print(zeile, flush=True))
    if len(ungehalten) < len(nicht_festgehalten(project)):  # a beschlossen.yaml written: read it with the rest
        project = vorbereitet(data)
    return project, ungehalten


def _nicht_festgehalten(project: Project, ungehalten: dict[str, str]) -> None:
    """A hint per decided Vorlage whose Haushalt of the decision is not kept (`vorlagen beschluss`), and why the build
    could not keep it."""
    from vorlagen.compute.beschluss import nicht_festgehalten

    for slug, hinweis in nicht_festgehalten(project).items():
        art = "Warnung" if project.rechnungen[slug].ungeklaert else "Hinweis"
        warum = f" Von selbst ließ er sich nicht festhalten: {ungehalten[slug]}." if slug in ungehalten else ""
        print(f"{art}: {hinweis}{warum}")  # without a reason: kept by an earlier version, without its day


def _not_in_oparl(facts: Facts) -> None:
    """A hint per public Vorlage that OParl leaves out while its Nummer is open."""
    if facts.koerperschaft.oparl is None:
        return
    for source in facts.vorlagen:
        if source.vorlage.oeffentlich and source.vorlage.nummer is None:
            print(
                f"Hinweis: {facts.paths.show(source.folder / 'vorlage.yaml')}: Die Vorlage {source.bezeichnung} "
                "steht nicht in der OParl-Schnittstelle, solange ihre Nummer offen ist – tragen Sie „nummer“ ein, "
                "sobald sie vergeben ist."
            )


def _sitzung_summary(sitzung_id: str, shown: str, oparl: bool) -> str:
    """Where the Sitzungsdienst finds what it needs for one Sitzung (a bundle holds oparl.json only where the
    Körperschaft has an OParl endpoint)."""
    inhalt = "PDFs, oparl.json, SHA256SUMS" if oparl else "PDFs, SHA256SUMS"
    return (
        f"\nSitzung {sitzung_id}:\n"
        f"  Tagesordnung:           {shown}/sitzungen/{sitzung_id}/tagesordnung.pdf\n"
        f"  Sitzungsmappe:          {shown}/sitzungen/{sitzung_id}/sitzungsmappe.pdf\n"
        f"  nichtöffentlicher Teil: {shown}/intern/sitzungen/{sitzung_id}/sitzungsmappe-nichtoeffentlich.pdf\n"
        f"  Veröffentlichung:       {shown}/publish/{sitzung_id}/ ({inhalt})\n"
    )


def check(args: argparse.Namespace) -> int:
    """`check`: load, compute, check and compose everything; list the deadlines of coming Sitzungen."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.cli.stand import (
        render_anfragen,
        render_fristen,
        render_offen,
        render_offene,
        render_ungeprueft,
        summary,
    )
    from vorlagen.compute.auswirkungen import unsichere_landesangaben
    from vorlagen.core.fmt import anzahl
    from vorlagen.render.document import Composer

    warn_of_drift()
    project = vorbereitet(args.data)
    composer = Composer(project)
    docs = composer.compose_all()  # renders texts and templates, writes nothing
    ungeklaert = sum(1 for r in project.rechnungen.values() if r.ungeklaert)
    befund = (
        "keine Probleme"
        if not ungeklaert
        else f"keine Fehler, aber {anzahl(ungeklaert, 'beschlossene Vorlage', 'beschlossene Vorlagen')}, deren "
        "gedruckter Haushalt nicht hält (unten unter „Hinweise zu beschlossenen Vorlagen“)"
    )
    print(f"Geprüft: {summary(project)} – {befund}.\n")
    if not args.ohne_satz:
        _satz(project, docs, args.out)
    print(render_fristen(project.facts, args.stichtag), end="")
    offen = render_offene(project.facts, args.stichtag)
    if offen:
        print("\n" + offen, end="")
    anfragen = render_anfragen(project.facts, args.stichtag)
    if anfragen:
        print("\n" + anfragen, end="")
    haushalte = {slug: r.haushalt for slug, r in project.rechnungen.items()}
    angaben = render_offen(project.facts, haushalte)
    if angaben:
        print("\n" + angaben, end="")
    ungeprueft = render_ungeprueft(project.facts, haushalte)
    if ungeprueft:
        print("\n" + ungeprueft, end="")
    unsicher = unsichere_landesangaben(project.facts, haushalte)
    if unsicher:
        print("\nHinweise zum Landesrecht:\n" + "\n".join(f"  {h}" for h in unsicher))
    _beschluesse(composer)
    _links_as_text(docs, project.facts.koerperschaft.oparl is not None)
    _entwuerfe(docs, project.facts.paths)
    _stale_schema(args.repository.root, project.facts.koerperschaft.hausstil)
    return 0


def _beschluesse(composer: Composer) -> None:
    """For `check`: each decided Vorlage whose Haushalt of the decision is not kept (beschlossen.yaml), and each
    Deckung of a decided Vorlage that its source no longer has free (the decided document stays as decided; this is
    the note instead of a reprint)."""
    from vorlagen.compute.beschluss import nicht_festgehalten
    from vorlagen.meetings.beschlusskontrolle import haushalt_nach_beschluss

    hinweise = list(nicht_festgehalten(composer.project).values())
    hinweise += [r.hinweis for r in haushalt_nach_beschluss(composer) if r.hinweis]
    if hinweise:
        print("\nHinweise zu beschlossenen Vorlagen:\n" + "\n".join(f"  {h}" for h in hinweise))


def _satz(project: Project, docs: list[VorlageDoc], out: Path) -> None:
    """The layout check: the changed documents are set as a build sets them (as long as their build takes); a table
    too wide for the page stops here with its problem, text running over its box is a warning."""
    from vorlagen.building.satzpruefung import satz_pruefen
    from vorlagen.building.workers import Renderer
    from vorlagen.core.fmt import anzahl
    from vorlagen.core.problems import BuildFailed

    print(
        "Satz: Die Dokumente, die sich seit dem letzten Bau geändert haben, werden wie beim Bauen gesetzt – das "
        "dauert so lange wie ihr Bau …",
        flush=True,
    )
    renderer = Renderer()
    try:
        befund = satz_pruefen(project, docs, out, renderer)
    finally:
        renderer.close()
    for warnung in befund.warnungen:
        print(f"Warnung: {warnung}")
    if befund.probleme:
        raise BuildFailed(befund.probleme)
    print(
        f"Satz geprüft: {anzahl(befund.gesetzt, 'Dokument', 'Dokumente')} gesetzt, {befund.uebernommen} unverändert "
        "seit dem letzten Bau – keine Tabelle ist zu breit für die Seite.\n"
    )


def _entwuerfe(docs: list[VorlageDoc], paths: Paths) -> None:
    """Each missing or stale sign-off: the Vorlage stays an ENTWURF, and no Sitzungsmappe takes it."""
    from vorlagen.load.mitzeichnung import DATEI
    from vorlagen.render.freigabe import was_tun

    lines = []
    for doc in docs:
        for stand in doc.freigabe.offen if doc.freigabe else []:
            source = doc.source
            datei = source.folder / (DATEI if source.mitzeichnungen else "vorlage.yaml")
            if stand.mitzeichnung is None and stand.grund_where is not None:  # asked by the budget law
                where = stand.grund_where
            else:
                where = paths.where(datei, stand.mitzeichnung.where("rolle").line if stand.mitzeichnung else None)
            lines.append(f"  {where}: Vorlage {source.bezeichnung}: {was_tun(source.auswahl, stand)}")
    if lines:
        print("\nNoch nicht freigegeben (ENTWURF – keine Sitzungsmappe nimmt sie auf):\n" + "\n".join(lines))


def _links_as_text(docs: list[VorlageDoc], oparl: bool) -> None:
    """A hint per Vorlage whose PDFs print links to Anlagen as text: why, and what would make them links."""
    for doc in docs:
        if doc.verweise_als_text:
            why = (
                "nichtöffentliche Anlagen werden nicht unter „oparl: basis_url“ veröffentlicht, ihre Adresse ist "
                "nicht bekannt"
                if oparl
                else "ohne „oparl: basis_url“ in koerperschaft.yaml ist nicht bekannt, "
                "unter welcher Adresse die Anlagen veröffentlicht werden – tragen Sie sie ein, dann verweist das "
                "PDF dorthin"
            )
            print(
                f"\nHinweis: {min(doc.verweise_als_text)}: Vorlage {doc.source.bezeichnung}: Verweise auf "
                f"Anlagen stehen im PDF nur als Text, auf der Webseite sind sie Links; {why}."
            )


def _stale_schema(root: Path, hausstil: Hausstil) -> None:
    """A hint when the repository's schema/ (for editors) was written by another version of the program or for
    another Hausstil (its own words are in the schema)."""
    from vorlagen.load.schemadateien import schema_files

    folder = root / "schema"
    if folder.is_dir() and any(
        not (root / name).is_file() or (root / name).read_text(encoding="utf-8") != text
        for name, text in schema_files(hausstil).items()
    ):
        print(
            f"\nHinweis: Das Schema in schema/ passt nicht zu dieser Programmversion oder zum Hausstil – "
            f"„{befehl()} schema“ schreibt es neu."
        )


def serve(args: argparse.Namespace) -> int:
    """`serve`: the live preview on 127.0.0.1."""
    from vorlagen.building.preview import Preview

    warn_of_drift()
    preview = Preview(args.data, args.out, args.port, say=lambda line: print(line, flush=True))
    try:
        preview.open()
    except OSError as error:
        print(_port_problem(args.port, error), file=sys.stderr)
        return 1
    if args.oeffnen:
        import webbrowser

        webbrowser.open(f"http://127.0.0.1:{args.port}/")
    preview.run()
    return 0


def _port_problem(port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return (
            f"Port {port} ist schon belegt – läuft die Vorschau schon in einem anderen Fenster? "
            f"Sonst wählen Sie einen anderen Port, z. B. --port {port + 1 if port < 65535 else 8000}."
        )
    from vorlagen.core.problems import os_error_reason

    return (
        f"Die Vorschau kann Port {port} nicht öffnen ({os_error_reason(error)}) – wählen Sie einen anderen mit --port."
    )
