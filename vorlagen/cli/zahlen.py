"""`zahlen NUMMER [NAME]`: every figure a Vorlage's texts can quote with the value it prints, or how one comes about."""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING

from vorlagen.core.befehlszeile import argument, befehlszeile
from vorlagen.core.engine import befehl

if TYPE_CHECKING:
    from vorlagen.compute.hauptbuch import Project, Rechnung
    from vorlagen.load.vorlagenordner import VorlageSource
    from vorlagen.render.raster import Raster


def zahlen_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("nummer", help="Nummer der Vorlage, z. B. 2021/0123 (solange sie offen ist: ihr Ordnername)")
    parser.add_argument(
        "name",
        nargs="?",
        help='ein Name, wie ihn ein Text zitiert (z. B. zahlen["pauschale"], finanzierung["plan"].summe | eur), '
        "oder eine Tabelle (ihre id, uebersicht, haushalt, deckung): zeigt, wie sich die Zahl ergibt",
    )
    parser.add_argument("zeile", nargs="?", help="mit einer Tabelle: die Zeile, wie sie gedruckt ist (oder ihre id)")
    parser.add_argument("spalte", nargs="?", help="… und die Spalte, wie ihr Kopf sie nennt (z. B. Betrag, 2022)")


def zahlen(args: argparse.Namespace) -> int:
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.compute.rundung import rundung_of
    from vorlagen.compute.zahlen import zahlen as listing
    from vorlagen.core.fmt import anzahl, numerus
    from vorlagen.load.records import suggest

    project = vorbereitet(args.data, haushaltsrecht=False)  # the listing helps exactly while they are not right yet
    sources = {s.vorlage.nummer or s.folder.name: s for s in project.facts.vorlagen}
    wanted = args.nummer.replace("-", "/") if args.nummer not in sources else args.nummer
    source = sources.get(wanted)
    if source is None:
        known = ", ".join(sorted(sources)) or "keine"
        print(
            f"Die Vorlage „{args.nummer}“ gibt es nicht{suggest(args.nummer, sources) or '.'} Vorhanden: {known}.",
            file=sys.stderr,
        )
        return 1
    rechnung = project.rechnung(source)
    if args.name is not None:
        return _herleitung(args, project, source, rechnung)
    rundung = rundung_of(project.facts)
    lines = listing(rechnung, project.facts.koerperschaft.zahlformat, rundung.quantum, rundung.prozent_stellen)
    sys.stdout.write(_render(source.bezeichnung, source.vorlage.betreff, lines))
    _tabellen_hinweis(project, source, rechnung)
    if project.haushaltsrecht:
        sys.stdout.flush()
        for problem in project.haushaltsrecht:
            print(problem, file=sys.stderr)
        count = len(project.haushaltsrecht)
        print(
            f"\n{anzahl(count, 'Problem', 'Probleme')} der finanziellen Auswirkungen – die Zahlen oben sind trotzdem "
            f"berechnet; gebaut wird erst, wenn {numerus(count, 'es behoben ist', 'sie behoben sind')}.",
            file=sys.stderr,
        )
    return 0


def _herleitung(args: argparse.Namespace, project: Project, source: VorlageSource, rechnung: Rechnung) -> int:
    """`zahlen NUMMER NAME [ZEILE SPALTE]`: how a named figure or a table cell comes about; a table alone: its
    cells with their row and column."""
    from vorlagen.compute.herleitung import text
    from vorlagen.compute.herleitung.namen import KeineHerleitung, herleitung_von
    from vorlagen.compute.herleitung.zeilen import Kontext
    from vorlagen.render.raster import NichtGefunden, finden
    from vorlagen.render.raster.vorlage import raster

    k = Kontext(project.facts)
    tables = raster(k, rechnung)
    ids = {r.id for r in tables}
    try:
        if args.zeile is not None and args.spalte is None:
            raise NichtGefunden(
                f"Eine Zelle braucht Tabelle, Zeile und Spalte, z. B. {args.name} „{args.zeile}“ Betrag – "
                f"die Zellen der Tabelle zeigt „{befehlszeile(befehl(), 'zahlen', source.auswahl, args.name)}“."
            )
        if args.zeile is not None:
            table, row, column = finden(tables, args.name, args.zeile, args.spalte)
            cell = row.zellen[column]
            if cell.herleitung is None:
                raise NichtGefunden(f"Die Zelle „{args.zeile}“ / „{args.spalte}“ ist keine Zahl: „{cell.text}“.")
            sys.stdout.write(
                "\n".join(text(f"{table.id} / {row.name} / {table.spalten[column]}", cell.herleitung.mit(cell.text)))
                + "\n"
            )
            return 0
        if args.name.startswith("haushalt") and rechnung.haushalt is not None:
            from vorlagen.compute.haushaltszahlen import herleitung as haushalt_herleitung

            zeilen = haushalt_herleitung(rechnung.haushalt, args.name, k.zahlformat)
            if zeilen is not None:  # the Haushalt block's own figures, as its ledger derives them
                sys.stdout.write("\n".join(zeilen) + "\n")
                return 0
        from vorlagen.compute.zahlwert import herleitung_zeilen

        figures = rechnung.zahlen.herleitung
        figure = (
            args.name[len('zahlen["') : -2]
            if args.name.startswith('zahlen["') and args.name.endswith('"]')
            else args.name
        )
        if figure in figures:  # a named figure: its Herleitung as the ledger of figures keeps it
            sys.stdout.write("\n".join(herleitung_zeilen(figures[figure])) + "\n")
            return 0
        if args.name in ids:
            sys.stdout.write(_zellen([r for r in tables if r.id == args.name], source.auswahl))
            return 0
        if re.fullmatch(r"[\w-]+", args.name) and args.name not in _WURZELN:
            from vorlagen.load.records import suggest

            known = ", ".join(sorted(figures)) or "keine (die Vorlage hat keinen Abschnitt „zahlen“)"
            print(
                f"Die Zahl „{args.name}“ gibt es in Vorlage {source.bezeichnung} nicht"
                f"{suggest(args.name, figures) or '.'} Vorhanden: {known}.",
                file=sys.stderr,
            )
            return 1
        name, h = herleitung_von(rechnung, k, args.name)
    except (KeineHerleitung, NichtGefunden) as error:
        print(f"Vorlage {source.bezeichnung}: {error.args[0]}", file=sys.stderr)
        return 1
    sys.stdout.write("\n".join(text(name, h)) + "\n")
    return 0


def _tabellen_hinweis(project: Project, source: VorlageSource, rechnung: Rechnung) -> None:
    """The tables whose cells `zahlen NUMMER TABELLE ZEILE SPALTE` derives."""
    from vorlagen.compute.herleitung.zeilen import Kontext
    from vorlagen.render.raster.vorlage import raster

    ids = list(dict.fromkeys(r.id for r in raster(Kontext(project.facts), rechnung)))
    if ids:
        print(
            f"Tabellen: {', '.join(ids)} – ihre Zellen zeigt „{befehl()} zahlen {argument(source.auswahl)} TABELLE“, "
            f"die Herleitung einer Zelle „{befehl()} zahlen {argument(source.auswahl)} TABELLE ZEILE SPALTE“."
        )


_WURZELN = ("finanzierung", "uebersicht", "bescheide", "antraege", "verteilungen", "haushalt", "zahlen", "kennzahlen")


def _zellen(tables: list[Raster], nummer: str) -> str:
    """The figures of a table, one per line with its row and column, ready to ask for one's derivation."""

    lines = [f"Die Herleitung einer Zelle zeigt: {befehlszeile(befehl(), 'zahlen', nummer, tables[0].id)} ZEILE SPALTE"]
    for r in tables:
        lines.append(f"{r.titel}:")
        for row in r.zeilen:
            for name, cell in zip(r.spalten, row.zellen, strict=False):
                if cell.herleitung is not None:
                    lines.append(f"  „{row.name}“ „{name}“: {cell.text}")
    return "\n".join(lines) + "\n"


def _render(nummer: str, betreff: str, lines: list[tuple[str, str]]) -> str:
    """The listing as German text: one expression per line, `{{ … }}` ready to paste, and its value."""
    if not lines:
        return f"Vorlage {nummer}: {betreff}\n  (keine Zahlen – die Vorlage hat keine Berechnungen, Bescheide oder Anträge)\n"
    width = min(max(len(e) for e, _ in lines) + 6, 90)
    body = "\n".join(f"  {('{{ ' + e + ' }}').ljust(width)}  {v}" for e, v in lines)
    return f"Vorlage {nummer}: {betreff}\n{body}\n"
