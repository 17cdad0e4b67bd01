"""Commands that set up a data repository: neu, vorlage neu, schema (scaffold, neue_vorlage and
schemadateien are imported when used: their schema and records would slow down the start of every build).
`aktualisieren`, which brings one to this version, is cli/aktualisierung.py."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from vorlagen.cli.building import _date
from vorlagen.core.befehlszeile import argument
from vorlagen.core.problems import BuildFailed, Problem, Where, ordered, raise_if


def neu_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ordner", type=Path, help="Ordner des neuen Datenrepositorys, z. B. meine-verwaltung")
    parser.add_argument(
        "--name",
        help="Name der Körperschaft (ohne Angabe: „Musterstadt“, als Platzhalter markiert – nie veröffentlicht)",
    )
    parser.add_argument(
        "--land",
        help="Bundesland (Name oder Abkürzung, z. B. NRW, Bayern); ohne Angabe wird gefragt, oder es bleibt offen",
    )


def vorlage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("aktion", choices=["neu"], help="neu: eine Vorlage anlegen")
    parser.add_argument("betreff", help="Betreff der Vorlage, in Anführungszeichen")
    parser.add_argument(
        "--art",
        default="Beschlussvorlage",
        help="Art der Vorlage, eine der Arten des Hausstils (Standard: Beschlussvorlage)",
    )
    parser.add_argument(
        "--sitzung", metavar="KENNUNG", help="erste Sitzung der Beratungsfolge (Standard: die nächste Sitzung ab heute)"
    )
    parser.add_argument("--amt", metavar="KÜRZEL", help="federführendes Amt (Standard: das erste Amt)")
    parser.add_argument(
        "--nummer",
        help="Nummer der Vorlage (Standard: die nächste freie nach dem Muster des "
        "Hausstils); „offen“: noch ohne Nummer, der Ordner heißt nach dem Betreff",
    )
    parser.add_argument(
        "--bezug", metavar="NUMMER", help="Nummer der Vorlage, die diese ergänzt oder ersetzt (bei Arten mit „bezug“)"
    )
    parser.add_argument(
        "--datum",
        type=_date,
        metavar="JJJJ-MM-TT",
        help="Datum der Vorlage (Standard: heute, wenn der Hausstil ein Datum verlangt; sonst keines)",
    )


def schema_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ziel",
        type=Path,
        metavar="ORDNER",
        help="wohin die Schemadateien kommen (Standard: schema/ des Datenrepositorys)",
    )


def neu(args: argparse.Namespace) -> int:
    """`neu`: a data repository that builds at once."""
    from vorlagen.cli import scaffold

    land = args.land
    if land is None and sys.stdin.isatty():  # asked, never assumed: Enter leaves it open
        try:
            land = (
                input("In welchem Bundesland liegt die Körperschaft? (z. B. NRW, Bayern; leer: später) ").strip()
                or None
            )
        except EOFError:
            land = None
    written = scaffold.new_repository(args.ordner, args.name, dt.date.today(), land)
    shown = args.ordner.as_posix()
    print(
        f"Neues Datenrepository in {shown}/ mit {len(written)} Dateien, darunter:\n"
        + "".join(f"  {name}\n" for name in written if name.startswith("data/") or name == "README.md")
        # one command a line: `&&` is no command separator in Windows PowerShell 5.1; the folder quoted where needed
        + f"\nWeiter:\n  cd {argument(shown)}\n  vorlagen"
    )
    return 0


def vorlage(args: argparse.Namespace) -> int:
    """`vorlage neu`: the next free Nummer, the sections of its Art, the next Sitzung."""
    from vorlagen.load import neue_vorlage
    from vorlagen.load.facts import load

    facts, problems = load(args.data)  # problems elsewhere do not stop a new Vorlage
    if facts is None:
        raise BuildFailed(problems)
    today = dt.date.today()
    amt = args.amt or facts.koerperschaft.aemter[0].id if facts.koerperschaft.aemter else args.amt
    if (amt is not None or facts.koerperschaft.aemter) and amt not in {a.id for a in facts.koerperschaft.aemter}:
        raise BuildFailed(
            [
                Problem(
                    Where("koerperschaft.yaml"),
                    f"Unbekanntes Amt „{amt}“ – nennen Sie mit --amt ein Kürzel aus koerperschaft.yaml → aemter.",
                )
            ]
        )
    arten = facts.koerperschaft.hausstil.arten
    if args.art not in arten:
        raise BuildFailed(
            [
                Problem(
                    Where("koerperschaft.yaml"),
                    f"Unbekannte Vorlagenart „{args.art}“ – nennen Sie mit "
                    f"--art eine der Arten des Hausstils: {', '.join(arten)}.",
                )
            ]
        )
    sitzung = args.sitzung
    if sitzung is None:
        coming = sorted((s.datum, key) for key, s in facts.sitzungen.items() if s.datum >= today)
        sitzung = coming[0][1] if coming else None
    elif sitzung not in facts.sitzungen:
        raise BuildFailed(
            [
                Problem(
                    Where(f"{args.data.name}/sitzungen"),
                    f"Unbekannte Sitzung „{sitzung}“ – nennen "
                    "Sie den Dateinamen einer Sitzung unter sitzungen/ ohne .yaml.",
                )
            ]
        )
    folge = [neue_vorlage.Schritt(sitzung=sitzung)] if sitzung else []
    auftrag = neue_vorlage.Auftrag(args.art, args.betreff, today, folge, amt, args.nummer, args.bezug, args.datum)
    written = neue_vorlage.new_vorlage(args.data, facts.koerperschaft.hausstil, auftrag)
    print(
        f"{'Neuer' if args.art.lower().endswith('antrag') else 'Neue'} {args.art} in {Path(written[0]).parent.as_posix()}/:\n"
        + "".join(f"  {n}\n" for n in written)
        + ("" if sitzung else "Es gibt keine kommende Sitzung: tragen Sie die Beratungsfolge selbst ein.\n")
    )
    return 0


def schema(args: argparse.Namespace) -> int:
    """`schema`: the JSON Schema of every kind of data file, for editors."""
    from vorlagen.core.engine import befehl
    from vorlagen.core.problems import Paths
    from vorlagen.core.speichern import speichern
    from vorlagen.load import schemadateien
    from vorlagen.load.facts import load
    from vorlagen.load.hausstil import Hausstil

    facts, problems = load(args.data)  # problems elsewhere do not stop the schema
    if facts is not None:
        hausstil = facts.koerperschaft.hausstil
    else:  # without a readable koerperschaft.yaml: the standard words, and what to fix
        hausstil = Hausstil()
        print(
            "\n".join(str(p) for p in ordered(problems)) + f"\nHinweis: koerperschaft.yaml lässt sich nicht lesen – "
            f"das Schema enthält die Standardwörter; schreiben Sie es nach der Korrektur mit „{befehl()} schema“ "
            "neu.",
            file=sys.stderr,
        )
    target = args.ziel or args.repository.root / schemadateien.SCHEMA_FOLDER
    paths = Paths()
    nicht_geschrieben: list[Problem] = []
    for name, text in schemadateien.schema_files(hausstil).items():  # each file whole or not at all
        nicht_geschrieben += speichern(target / Path(name).name, text.encode("utf-8"), paths)
    raise_if(nicht_geschrieben)
    print(f"JSON-Schema für {len(schemadateien.FILES)} Arten von Datendateien in {paths.show(target)}/ geschrieben.")
    return 0
