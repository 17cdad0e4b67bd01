"""`zahlen NUMMER [NAME]`: every figure a Vorlage's texts can quote with the value it prints, or how one comes about."""

from __future__ import annotations

import argparse
import sys


def zahlen_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("nummer", help="Nummer der Vorlage, z. B. 2021/0123 (solange sie offen ist: ihr Ordnername)")
    parser.add_argument("name", nargs="?", help="eine Zahl aus „zahlen“ der Vorlage: zeigt, wie sie sich ergibt")


def zahlen(args: argparse.Namespace) -> int:
    from vorlagen.compute.project import prepare, rundung_of
    from vorlagen.compute.zahlen import zahlen as listing
    from vorlagen.core.fmt import anzahl, numerus
    from vorlagen.load.records import suggest

    project = prepare(args.data, haushaltsrecht=False)  # the listing helps exactly while they are not right yet
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
        from vorlagen.compute.kennzahlen import herleitung

        figures = getattr(rechnung.zahlen, "herleitung", {})
        if args.name.startswith("haushalt") and rechnung.haushalt is not None:
            from vorlagen.compute.haushaltszahlen import herleitung as haushalt_herleitung

            zeilen = haushalt_herleitung(rechnung.haushalt, args.name)
            if zeilen is not None:
                sys.stdout.write("\n".join(zeilen) + "\n")
                return 0
        if args.name not in figures:
            known = ", ".join(sorted(figures)) or "keine (die Vorlage hat keinen Abschnitt „zahlen“)"
            print(
                f"Die Zahl „{args.name}“ gibt es in Vorlage {source.bezeichnung} nicht"
                f"{suggest(args.name, figures) or '.'} Vorhanden: {known}.",
                file=sys.stderr,
            )
            return 1
        sys.stdout.write("\n".join(herleitung(figures[args.name])) + "\n")
        return 0
    rundung = rundung_of(project.facts)
    lines = listing(rechnung, rundung.quantum, rundung.prozent_stellen)
    sys.stdout.write(_render(source.bezeichnung, source.vorlage.betreff, lines))
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


def _render(nummer: str, betreff: str, lines: list[tuple[str, str]]) -> str:
    """The listing as German text: one expression per line, `{{ … }}` ready to paste, and its value."""
    if not lines:
        return f"Vorlage {nummer}: {betreff}\n  (keine Zahlen – die Vorlage hat keine Berechnungen, Bescheide oder Anträge)\n"
    width = min(max(len(e) for e, _ in lines) + 6, 90)
    body = "\n".join(f"  {('{{ ' + e + ' }}').ljust(width)}  {v}" for e, v in lines)
    return f"Vorlage {nummer}: {betreff}\n{body}\n"
