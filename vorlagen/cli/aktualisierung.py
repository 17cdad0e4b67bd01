"""`vorlagen aktualisieren`: brings a data repository of an earlier version to this one (migration/aktualisieren.py
proves it, core/schreibvorgang.py writes it: every rewritten file and vorlagen.toml together or none)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.core.problems import BuildFailed, Problem, raise_if

if TYPE_CHECKING:
    from vorlagen.core.schreibvorgang import Aenderung


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
    from vorlagen.core.schreibvorgang import Aenderung
    from vorlagen.migration.aktualisieren import aktualisieren as run
    from vorlagen.migration.aktualisieren import juenger_als, vorherige_ausgabe
    from vorlagen.migration.fruehere import gelesen_fuer

    paths = Paths()
    pin = _version_pin(args.repository.root)  # read before the proof: what is written is based on this state
    folder = args.vorher or args.out
    vorher, problems = vorherige_ausgabe(folder, paths)
    raise_if(problems)
    fuer, versucht = gelesen_fuer(args.data, _geschrieben_fuer(args.repository.root))
    if versucht:
        print(
            "vorlagen.toml nennt keine Version, und im Format dieser Version lassen sich die Daten nicht bauen: "
            "umgeschrieben wird, was frühere Versionen anders lasen."
        )
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
    aenderungen = [Aenderung(args.data / name, inhalt, ergebnis.staende[name]) for name, inhalt in ergebnis.neu.items()]
    aenderungen += [pin] if pin is not None else []
    _alle_oder_keine(args, aenderungen)
    written = len(aenderungen)
    if pin is not None:
        print(f'{paths.show(pin.ziel)}: das Format der Daten ist jetzt das dieser Version (version = "{_format()}").')
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
        f"Mit Absicht anders formuliert ({len(ergebnis.worte)}):",
        [f"{a.beschreibung()} – {grund}" for a, grund in ergebnis.worte],
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


def _version_pin(root: Path) -> Aenderung | None:
    """vorlagen.toml that names this program's version (major.minor) – the data are in its format now, and a later
    `aktualisieren` or `vergleichen` reads them so –, when it names another or none; else None. Without a
    vorlagen.toml, one with just that line."""
    import re

    import vorlagen
    from vorlagen.core.reads import ABSENT
    from vorlagen.core.schreibvorgang import Aenderung, stand_von
    from vorlagen.load.settings import SETTINGS, version_matches

    path = root / SETTINGS
    wanted = _format()
    line = f'version = "{wanted}"  # das Format der Daten: von „vorlagen aktualisieren“ eingetragen'
    if not path.is_file():
        return Aenderung(path, f"{line}\n".encode(), ABSENT)
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    match = re.search(r'(?m)^(\s*version\s*=\s*)"([^"]*)"', text)
    if match is None:
        ending = "\r\n" if "\r\n" in text else "\n"
        return Aenderung(path, f"{line}{ending}{text}".encode(), stand_von(raw))
    if version_matches(match.group(2), vorlagen.__version__):
        return None
    return Aenderung(path, (text[: match.start(2)] + wanted + text[match.end(2) :]).encode("utf-8"), stand_von(raw))
