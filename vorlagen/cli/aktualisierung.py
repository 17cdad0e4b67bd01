"""`vorlagen aktualisieren`: brings a data repository of an earlier version to this one (migration/aktualisieren.py
proves it, core/schreibvorgang.py writes it: every rewritten file and vorlagen.toml together or none)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.core.problems import BuildFailed, Problem, raise_if

if TYPE_CHECKING:
    from vorlagen.core.schreibvorgang import Aenderung
    from vorlagen.load.land import Land


def aktualisieren_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--vorher",
        type=Path,
        metavar="ORDNER",
        help="Ausgabe eines Baus mit der bisherigen Programmversion, gegen die jede gedruckte Zahl geprüft wird "
        "(Standard: output/ des Datenrepositorys)",
    )
    parser.add_argument(
        "--trocken", action="store_true", help="nur zeigen, was umgeschrieben würde und ob es gleich druckt"
    )
    parser.add_argument(
        "--land",
        type=_land,
        metavar="LAND",
        help="das Land der Körperschaft (Name oder Abkürzung, z. B. NRW), wenn koerperschaft.yaml noch keines nennt: "
        "frühere Fassungen rechneten ohne Angabe nach NRW-Recht",
    )


def _land(text: str) -> Land:
    """The Land named with `--land` (a name or an abbreviation of laender.yaml)."""
    from vorlagen.load.land import land_von, unbekanntes_land

    land = land_von(text)
    if land is None:
        raise argparse.ArgumentTypeError(unbekanntes_land(text, option=True).removeprefix("„land“: "))
    return land


def aktualisieren(args: argparse.Namespace) -> int:
    """`aktualisieren`: rewrites what this version reads differently, builds a copy and writes the rewrites only when
    every figure of the earlier build is printed as before (or its change is one this version makes on purpose)."""
    from vorlagen.core.engine import befehl
    from vorlagen.core.fmt import anzahl
    from vorlagen.core.problems import Paths
    from vorlagen.core.schreibvorgang import Aenderung
    from vorlagen.migration.aktualisieren import aktualisieren as run
    from vorlagen.migration.aktualisieren import juenger_als, probebau, vorherige_ausgabe
    from vorlagen.migration.bericht import bericht, ungeprueft
    from vorlagen.migration.fruehere import gelesen_fuer
    from vorlagen.migration.versionsangabe import format_dieser_version, geschrieben_fuer, versionsangabe

    paths = Paths()
    pin = versionsangabe(args.repository.root)  # read before the proof: what is written is based on this state
    folder = args.vorher or args.out
    vorher, problems = vorherige_ausgabe(folder, paths)
    raise_if(problems)
    fuer, versucht = gelesen_fuer(args.data, geschrieben_fuer(args.repository.root))
    if versucht:
        print(
            "vorlagen.toml nennt keine Version, und im Format dieser Version lassen sich die Daten nicht bauen: "
            "umgeschrieben wird, was frühere Versionen anders lasen."
        )
    if not vorher:  # nothing to prove against: what would be rewritten, and that none of it is proven
        print(ungeprueft(run(args.data, {}, probebau, args.land, fuer)), end="")
        raise BuildFailed(
            [
                Problem(
                    paths.where(folder),
                    "Hier liegt keine frühere Ausgabe mit Textfassungen (*.txt) – bauen Sie das Datenrepository "
                    f"zuerst mit der bisherigen Programmversion ({befehl()} bauen) oder nennen Sie deren Ausgabe mit "
                    "--vorher ORDNER: erst damit lässt sich zeigen, dass danach jede Zahl wie vorher gedruckt wird.",
                )
            ]
        )
    ergebnis = run(args.data, vorher, probebau, args.land, fuer)
    print(bericht(ergebnis, paths.show(folder)), end="")
    if not ergebnis.bewiesen:
        juenger = juenger_als(args.data, folder) if ergebnis.abweichungen else []
        if juenger:
            print(
                f"{anzahl(len(juenger), 'Datei', 'Dateien')} der Daten {'ist' if len(juenger) == 1 else 'sind'} "
                f"jünger als die Ausgabe in {paths.show(folder)} (z. B. {paths.show(juenger[0])}): Haben Sie nach "
                "dem letzten Bau noch Daten geändert, steht das oben als anders gedruckt – bauen Sie dann zuerst mit "
                f"der bisherigen Programmversion neu ({befehl()} bauen) und rufen Sie „aktualisieren“ erneut auf."
            )
        print("Nichts geschrieben: das Datenrepository ist unverändert.")
        return 1
    if args.trocken:
        changed = anzahl(len(ergebnis.neu), "Datei würde", "Dateien würden")
        print(f"Nichts geschrieben (--trocken){': ' + changed + ' umgeschrieben' if ergebnis.neu else ''}.")
        return 0
    aenderungen = [Aenderung(args.data / name, inhalt, ergebnis.staende[name]) for name, inhalt in ergebnis.neu.items()]
    aenderungen += [pin] if pin is not None else []
    _alle_oder_keine(args, aenderungen)
    written = len(aenderungen)
    if pin is not None:
        print(
            f'{paths.show(pin.ziel)}: das Format der Daten ist jetzt das dieser Version (version = "{format_dieser_version()}").'
        )
    print(f"Geschrieben: {anzahl(written, 'Datei', 'Dateien')}." if written else "Nichts umzuschreiben.")
    return 0


def _alle_oder_keine(args: argparse.Namespace, aenderungen: list[Aenderung]) -> None:
    """Writes the rewritten files and vorlagen.toml together or none of them (core/schreibvorgang); a file changed
    during the proof is not overwritten – the whole update waits for a new run."""
    from vorlagen.core.schreibvorgang import Veraltet, schreiben
    from vorlagen.load.settings import SETTINGS

    problems = schreiben(args.repository.root, [args.data, args.repository.root / SETTINGS], aenderungen)
    if any(isinstance(p, Veraltet) for p in problems):
        print(
            "Nichts geschrieben: Dateien wurden während der Prüfung geändert – rufen Sie „aktualisieren“ erneut auf, "
            "dann wird der neue Stand geprüft."
        )
    raise_if(problems)
