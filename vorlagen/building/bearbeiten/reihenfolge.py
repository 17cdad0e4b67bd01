"""Where a new key goes: the order in which the handbook writes the keys of each section of vorlage.yaml.

Mostly that is the order of the record; where the handbook writes otherwise, it is said here – the rows of a table by
its kind (building/bearbeiten/tabellenarten.py).
tests/building/test_bearbeiten_reihenfolge.py holds every example of the handbook and of the example's vorlage.yaml
files against these orders.
"""

from __future__ import annotations

import dataclasses
import typing

from vorlagen.building.bearbeiten.tabellenarten import BENANNT, ZEILEN
from vorlagen.load.finanzen import Abzug, Kostenposition
from vorlagen.load.records import _fields, _kind
from vorlagen.load.tabellenarten import STANDARD
from vorlagen.load.yamlschreiben import Pfad, YamlDatei

# fmt: off
HANDBUCH = {  # record → its keys in the handbook's order, where that is not the record's
    "Vorlage": (
        "nummer", "art", "oeffentlich", "platzhalter", "datum", "aktenzeichen", "kopf", "federfuehrend", "einreicher",
        "aendert", "beantwortet", "stellungnahme_zu", "betreff", "fragen", "antwort_bis", "beratungsfolge",
        "beschlussvorschlag", "abschnitte", "texte", "klimaschutz", "dringlichkeitsentscheidung",
        "bescheide", "antraege", "finanzierung", "zahlen", "verteilungen", "anlagen", "finanzielle_auswirkungen",
        "unterschrift", "bezug",
    ),
    "Berechnung": (
        "id", "art", "titel", "alternative", "zeitraum", "tagesgenau", "rundung", "lang", "negativ", "summe_als",
        "zeilenkopf", "spalten", "einheit", "anzeige", "fonds", "fonds_als", "ausschoepfen", "zeilensummen",
        "spaltensummen", "kosten", "abzuege", "quellen", "haushaltsjahre", "szenarien", "vergleichsspalten", "zeilen",
        "erwartet", "hoechstens", "mindestens",
    ),
    "Erwartet": ("gesamtkosten", "abzuege", "eigenanteil", "spalten", "summe", "quellen"),
    "FinanzielleAuswirkungen": (
        "keine", "positionen", "deckung", "verpflichtungsermaechtigungen", "dauer", "anlagevermoegen", "folgekosten",
        "text",
    ),
}
# fmt: on


def tabellenart(datei: YamlDatei | None, tabelle: Pfad) -> str | None:
    """The kind of the table at `tabelle` in the draft (None where it names none)."""
    pfad = (*tabelle, "art")
    art = datei.wert(pfad) if datei is not None and datei.hat(pfad) else None
    return str(art) if art else None


def schluessel(typ: type, art: str | None = None) -> tuple[str, ...]:
    """The keys of the record `typ` in the handbook's order; a row's by the kind `art` of its table (None: the kind
    a table has where it names none, Eigenanteil)."""
    if typ in (Kostenposition, Abzug):
        return ZEILEN.get(art or STANDARD, BENANNT)  # a kind the draft misspells: the order of most
    return HANDBUCH.get(typ.__name__, tuple(_fields(typ)[0]))


def ordnung(cls: type, pfad: Pfad, datei: YamlDatei | None = None) -> tuple[tuple[str, ...], typing.Any]:
    """The keys of the record that holds the last step of `pfad` (in the handbook's order), and the type there."""
    typ: typing.Any = cls
    reihenfolge: tuple[str, ...] = ()
    for stelle, schritt in enumerate(pfad):
        while True:
            kind, argument = _kind(typ)
            if kind == "optional":
                typ = argument
            elif kind == "union":
                typ = next((t for t in argument[0] if dataclasses.is_dataclass(t)), str)
            else:
                break
        if kind == "record":
            art = tabellenart(datei, pfad[: stelle - 2]) if stelle >= 2 else None  # of a row's table
            reihenfolge, typ = schluessel(typ, art), _fields(typ)[1].get(str(schritt), str)
        elif kind in ("list", "dict"):
            reihenfolge, typ = (), argument
    return reihenfolge, _ohne_optional(typ)


def _ohne_optional(typ: typing.Any) -> typing.Any:
    kind, argument = _kind(typ)
    return _ohne_optional(argument) if kind == "optional" else typ
