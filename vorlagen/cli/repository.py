"""Commands that set up a data repository: neu, vorlage neu, schema (scaffold, neue_vorlage and
schemadateien are imported when used: their schema and records would slow down the start of every build)."""

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
        f"Neue {args.art} in {Path(written[0]).parent.as_posix()}/:\n"
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


def _land(text: str):
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
    from vorlagen.core.speichern import speichern
    from vorlagen.review.aktualisieren import aktualisieren as run
    from vorlagen.review.aktualisieren import juenger_als, vorherige_ausgabe

    paths = Paths()
    folder = args.vorher or args.out
    vorher, problems = vorherige_ausgabe(folder, paths)
    raise_if(problems)
    fuer = _geschrieben_fuer(args.repository.root)
    if not vorher:  # nothing to prove against: what would be rewritten, and that none of it is proven
        print(_ungeprueft(run(args.data, {}, _bauen, args.land, fuer)), end="")
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
    ergebnis = run(args.data, vorher, _bauen, args.land, fuer)
    print(_bericht(ergebnis, paths.show(folder), anzahl), end="")
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
    for name, content in ergebnis.neu.items():
        raise_if(speichern(args.data / name, content, paths))
    pin = _version_pin(args.repository.root)
    if pin is not None:
        raise_if(speichern(pin[0], pin[1], paths))
    written = len(ergebnis.neu) + (pin is not None)
    if pin is not None:
        print(f'{paths.show(pin[0])}: das Format der Daten ist jetzt das dieser Version (version = "{_format()}").')
    print(f"Geschrieben: {anzahl(written, 'Datei', 'Dateien')}." if written else "Nichts umzuschreiben.")
    return 0


def _bauen(data: Path, out: Path) -> None:
    """A build of `data` into `out`, quietly, by this program (the proof of `aktualisieren`)."""
    import io

    from vorlagen.building.builder import Builder
    from vorlagen.building.progress import Progress
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.building.workers import Renderer

    renderer = Renderer()
    try:
        Builder(vorbereitet(data), Progress(io.StringIO(), live=False), renderer).build(out)
    finally:
        renderer.close()


def _bericht(ergebnis, vorher: str, anzahl) -> str:
    """The report of `aktualisieren` in German: rewrites, what could not be rewritten, the proof."""
    lines = _abschnitt(f"Umgeschrieben ({len(ergebnis.umschreibungen)}):", ergebnis.umschreibungen)
    lines += _nicht_umgeschrieben(ergebnis)
    if ergebnis.probleme:
        return "\n".join(lines) + "\n"
    lines.append(
        f"Geprüft gegen {vorher}/: {anzahl(ergebnis.zahlen, 'gedruckte Zahl', 'gedruckte Zahlen')} in "
        f"{anzahl(ergebnis.dateien, 'Textfassung', 'Textfassungen')}."
    )
    lines += _abschnitt(
        f"Mit Absicht anders gedruckt ({len(ergebnis.erklaert)}):",
        [f"{a.beschreibung()} – {grund}" for a, grund in ergebnis.erklaert],
    )
    lines += _abschnitt(
        f"Mit Absicht anders benannt ({len(ergebnis.benannt)}) – die Deckung einer über- oder außerplanmäßigen "
        "Ausgabe heißt jetzt, wie das Haushaltsrecht ihres Plans sie nennt; die Zahlen bleiben:",
        [f"{datei}: {worte}" for datei, worte in ergebnis.benannt],
    )
    lines += _abschnitt(
        f"Danach nicht mehr freigegeben ({len(ergebnis.entwuerfe)}) – eine Mitzeichnung gilt für den gedruckten "
        "Text, und der ändert sich oben mit Absicht; lassen Sie neu zeichnen („vorlagen freigabe NUMMER“ zeigt, "
        "was sich geändert hat):",
        ergebnis.entwuerfe,
    )
    lines += _abschnitt(
        f"Danach nicht mehr freigegeben, obwohl sich nichts mit Absicht ändert ({len(ergebnis.verloren)}):",
        ergebnis.verloren,
    )
    if ergebnis.abweichungen:
        lines += _abschnitt(
            f"Anders gedruckt, ohne dass diese Version es erklärt ({len(ergebnis.abweichungen)}):",
            [a.beschreibung() for a in ergebnis.abweichungen],
        )
    else:
        lines.append(
            "Jede Zahl wird wie vorher gedruckt." if not ergebnis.erklaert else "Alle anderen Zahlen wie vorher."
        )
    return "\n".join(lines) + "\n"


def _ungeprueft(ergebnis) -> str:
    """The report of `aktualisieren` without an earlier output (German): each rewrite, none of them proven."""
    lines = []
    if ergebnis.umschreibungen:
        lines.append(
            f"Umzuschreiben wäre ({len(ergebnis.umschreibungen)}) – ohne frühere Ausgabe ist keine dieser Stellen "
            "gegen das geprüft, was die bisherige Version gedruckt hat:"
        )
        lines += [f"  {u}" for u in ergebnis.umschreibungen]
    else:
        lines.append(
            "Umzuschreiben ist nichts; ob jede Zahl wie vorher gedruckt wird, zeigt erst eine frühere Ausgabe."
        )
    lines += _nicht_umgeschrieben(ergebnis)
    return "\n".join(lines + ["Nichts geschrieben: das Datenrepository ist unverändert."]) + "\n"


def _nicht_umgeschrieben(ergebnis) -> list[str]:
    """What `aktualisieren` left for the user to change, and why the data would not build even rewritten."""
    return [
        *_abschnitt(f"Nicht umgeschrieben – bitte selbst ändern ({len(ergebnis.offen)}):", ergebnis.offen),
        *_abschnitt("Mit dieser Programmversion baut das Datenrepository auch umgeschrieben nicht:", ergebnis.probleme),
    ]


def _abschnitt(kopf: str, eintraege) -> list[str]:
    """A heading and its entries, indented; nothing where there are none."""
    return [kopf, *(f"  {e}" for e in eintraege)] if eintraege else []


def _format() -> str:
    """This program's version as major.minor: the format its data are in."""
    import vorlagen

    return ".".join(vorlagen.__version__.split(".")[:2])


def _geschrieben_fuer(root: Path) -> str | None:
    """The version the data repository's vorlagen.toml names; None without one."""
    from vorlagen.load.settings import SETTINGS, declared_version

    path = root / SETTINGS
    return declared_version(path.read_bytes().decode("utf-8-sig", "replace")) if path.is_file() else None


def _version_pin(root: Path) -> tuple[Path, bytes] | None:
    """vorlagen.toml that names this program's version (major.minor) – the data are in its format now, and a later
    `aktualisieren` or `vergleichen` reads them so –, when it names another or none; else None. Without a
    vorlagen.toml, one with just that line."""
    import re

    import vorlagen
    from vorlagen.load.settings import SETTINGS, version_matches

    path = root / SETTINGS
    wanted = _format()
    line = f'version = "{wanted}"  # das Format der Daten: von „vorlagen aktualisieren“ eingetragen'
    if not path.is_file():
        return path, f"{line}\n".encode()
    text = path.read_bytes().decode("utf-8-sig")
    match = re.search(r'(?m)^(\s*version\s*=\s*)"([^"]*)"', text)
    if match is None:
        ending = "\r\n" if "\r\n" in text else "\n"
        return path, f"{line}{ending}{text}".encode()
    if version_matches(match.group(2), vorlagen.__version__):
        return None
    return path, (text[: match.start(2)] + wanted + text[match.end(2) :]).encode("utf-8")
