"""`vorlagen beschluss NUMMER` keeps the Haushalt a Vorlage was decided on (beschlossen.yaml beside its vorlage.yaml).

Run once the result is recorded and before the Kämmerei binds the decided amounts: from then on the decided Vorlage
prints these amounts, whatever `gebunden` says later.
"""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.core import schreibvorgang
from vorlagen.core.fmt import datum as tag
from vorlagen.core.problems import BuildFailed, Paths, Problem, Where, raise_if
from vorlagen.core.reads import ABSENT
from vorlagen.load.settings import wurzel_von

if TYPE_CHECKING:
    from vorlagen.load.auswirkungen import FinanzielleAuswirkungen
    from vorlagen.load.haushalt import Haushalt
    from vorlagen.load.vorlagenordner import VorlageSource


def beschluss_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "nummer", metavar="NUMMER", help="Nummer der beschlossenen Vorlage, z. B. 2021/0123 (ohne Nummer: ihr Ordner)"
    )


def _refuse(message: str) -> BuildFailed:
    return BuildFailed([Problem(Where("vorlagen beschluss"), message)])


def jahre(daten: FinanzielleAuswirkungen | None) -> set[int]:
    """The Haushaltsjahre a Vorlage's Finanzielle Auswirkungen read: its amounts, Deckungen and VEs."""
    assert daten is not None  # a Vorlage whose Haushalt is kept computes from it (its callers checked)
    betraege = [p.betraege for p in daten.positionen] + [d.jahre for d in daten.deckung]
    found = {int(j) for jahre in betraege for j in jahre if j.isdigit()}
    for ve in daten.verpflichtungsermaechtigungen:
        found |= {ve.jahr, *(int(j) for j in (ve.lasten or {}) if j.isdigit())}
    return found


def _betrag(wert: Decimal | None) -> str:
    return "~" if wert is None else format(wert, "f")


def yaml_text(datum: dt.date, haushalte: dict[int, Haushalt], stand: dt.date) -> str:
    """beschlossen.yaml: the decision day, the day of the Haushalt's state, and every Position of the years read,
    with its amounts of that day."""
    from vorlagen.load.beschlossen import KOPF
    from vorlagen.load.neuanlage import text_value

    lines = [KOPF.rstrip("\n"), f"datum: {datum.isoformat()}", f"stand: {stand.isoformat()}", "positionen:"]
    for jahr, haushalt in sorted(haushalte.items()):
        for p in haushalt.positionen:
            lines += [
                f"  - jahr: {jahr}",
                f"    konto: {text_value('konto', p.konto, 200)}",
                f"    plan: {p.plan}",
                f"    ansatz: {_betrag(p.ansatz)}",
                f"    gebunden: {_betrag(p.gebunden)}",
            ]
            lines += [
                f"    {key}: {_betrag(getattr(p, key))}"
                for key in ("prognose", "ve", "reste", "bereitgestellt")
                if getattr(p, key) is not None
            ]
            lines += [f"    ve_gebunden: {_betrag(p.ve_gebunden)}"] if p.ve_gebunden else []
    return "\n".join(lines) + "\n"


def am_beschluss(haushalte: dict[int, Haushalt], source: VorlageSource, entschieden: dt.date) -> dict[int, Haushalt]:
    """The Haushalte of the years the Vorlage reads, as they stood on the decision day (bookings before it bound)."""
    gelesen = jahre(source.vorlage.finanzen_daten)
    return {j: h.am(entschieden) for j, h in dict.items(haushalte) if j in gelesen}


def schreiben(data: Path, datei: Path, entschieden: dt.date, haushalte: dict[int, Haushalt], stand: dt.date) -> None:
    """beschlossen.yaml (new: absent when read) written whole or not at all in the data folder `data`; BuildFailed
    with the German problem when it cannot be."""
    inhalt = yaml_text(entschieden, haushalte, stand).encode("utf-8")
    raise_if(schreibvorgang.schreiben(wurzel_von(data), [data], [schreibvorgang.Aenderung(datei, inhalt, ABSENT)]))


def beschluss(args: argparse.Namespace) -> int:
    """`beschluss`: keeps the Haushalt of a decided Vorlage as of its decision day."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.load.beschlossen import DATEI
    from vorlagen.review.zeichnen import vorlage_waehlen

    paths = Paths()
    project = vorbereitet(args.data, haushaltsrecht=False)
    source = vorlage_waehlen(project, args.nummer, paths)
    nummer, datei = source.auswahl, source.folder / DATEI
    if source.vorlage.finanzen_daten is None:
        raise _refuse(
            f"Vorlage {nummer} rechnet ihre finanziellen Auswirkungen nicht aus dem Haushalt – es gibt keinen "
            "Haushalt festzuhalten."
        )
    entschieden = project.entschieden.get(source.slug)
    if entschieden is None:
        raise _refuse(
            f"Vorlage {nummer} ist nicht beschlossen – tragen Sie zuerst das Ergebnis der entscheidenden Beratung "
            "ein (Niederschrift oder „ergebnis“ in der Beratungsfolge)."
        )
    if datei.exists():
        raise _refuse(
            f"{paths.show(datei)} hält den Haushalt des Beschlusses schon fest – er wird nicht überschrieben; war "
            "der Beschluss falsch erfasst, löschen Sie die Datei und rufen Sie den Befehl erneut auf."
        )
    haushalte = am_beschluss(project.facts.haushalte, source, entschieden)
    schreiben(
        project.facts.data_dir, datei, entschieden, haushalte, entschieden
    )  # the state the hint asks to reset `gebunden` to
    print(
        f"Haushalt des Beschlusses vom {tag(entschieden)} festgehalten: {paths.show(datei)} "
        f"({sum(len(h.positionen) for h in haushalte.values())} Positionen aus "
        f"{', '.join(str(j) for j in sorted(haushalte))}). Die beschlossene Vorlage druckt diese Beträge, auch wenn "
        "die Kämmerei danach bindet."
    )
    return 0
