"""The form of a data file, made from its record: a field for every value, a group for every section, a list for every
list – each with its German label, the description the record declares (`doc`), and the line it stands on.

Fields that are written show at once; a section's optional fields that are not written wait under „Weitere
Angaben“, so that a Berechnung shows the handful of values it has, not the forty it could have.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field

from vorlagen.building.bearbeiten.beschriftung import beschriftung
from vorlagen.building.bearbeiten.reihenfolge import schluessel
from vorlagen.building.bearbeiten.werte import gezeigt
from vorlagen.load.finanzen import Berechnung
from vorlagen.load.records import _fields, _kind
from vorlagen.load.yamlfile import Mapping, Node, Scalar, Sequence
from vorlagen.load.yamlschreiben import Pfad

IMMER = ("art", "einheit", "als")  # shown in every section that has them, written or not: they decide what it is


@dataclass
class Feld:
    """One value: a text, number, date, yes/no or a choice of words."""

    pfad: Pfad
    label: str
    hilfe: str
    typ: object  # the record's type of the value (str, Decimal, date, bool …)
    wert: str  # as the form shows it
    wahl: tuple[str, ...] | None = None  # the record's own choices (Literal)
    zeile: int | None = None
    meldungen: list[str] = field(default_factory=list)
    pflicht: bool = False  # the record needs it: an emptied field stays (as `~`) for the check to name
    reihenfolge: tuple[str, ...] = ()  # the keys of its record in the handbook's order (where a new key goes)

    @property
    def name(self) -> str:
        return "f:" + punktiert(self.pfad)

    @property
    def key(self) -> str:
        return str(self.pfad[-1])


@dataclass
class Gruppe:
    """A section (record): its fields as written, and the optional ones not written yet."""

    pfad: Pfad
    label: str
    hilfe: str
    eintraege: list = field(default_factory=list)
    weitere: list = field(default_factory=list)
    zeile: int | None = None
    meldungen: list[str] = field(default_factory=list)


@dataclass
class Liste:
    """A list (of sections or of values) or a table of pairs (year → figure); `neu` is the kind of a new entry."""

    pfad: Pfad
    label: str
    hilfe: str
    eintraege: list = field(default_factory=list)
    neu: str = "gruppe"  # gruppe (a button adds a section), wert (an empty field takes one), paar (key and value)
    zeile: int | None = None
    meldungen: list[str] = field(default_factory=list)
    typ: object = str  # the type of the values of a list of values or of pairs


@dataclass
class Offen:
    """A section that is not written: a button makes it (Zeitraum, Erwartet, Finanzielle Auswirkungen …)."""

    pfad: Pfad
    label: str
    hilfe: str


Element = Feld | Gruppe | Liste | Offen  # one element of a form


def punktiert(pfad: Pfad) -> str:
    return ".".join(str(schritt) for schritt in pfad)


def formular(cls: type, node: Node | None, pfad: Pfad = (), art: str | None = None) -> Gruppe:
    """The form of a record of type `cls` written as `node` (None: nothing written yet), its fields in the order the
    handbook writes them (a row's by the kind `art` of its table)."""
    gruppe = Gruppe(pfad, beschriftung(str(pfad[-1])) if pfad else "", "", zeile=_zeile(node))
    fields, hints = _fields(cls)
    entries = node.entries if isinstance(node, Mapping) else {}
    if cls is Berechnung:
        art = _text(entries.get("art", (None, None))[1], str) or None
    reihenfolge = schluessel(cls, art)
    for name in sorted(fields, key=lambda key: reihenfolge.index(key) if key in reihenfolge else len(reihenfolge)):
        spec = fields[name]
        doc = spec.metadata.get("doc", "")
        where, value = entries.get(name, (None, None))
        element = _element(hints[name], value, pfad + (name,), doc, where.line if where else None, art)
        if isinstance(element, Feld):
            element.pflicht, element.reihenfolge = _pflicht(spec), reihenfolge
        zeilen = isinstance(element, Liste) and element.neu == "gruppe" and pfad  # rows of a table: a button away
        if name in entries or _pflicht(spec) or (name in IMMER and pfad) or zeilen:
            gruppe.eintraege.append(element)
        else:
            gruppe.weitere.append(element)
    return gruppe


def _element(
    typ: typing.Any, node: Node | None, pfad: Pfad, hilfe: str, zeile: int | None, art: str | None = None
) -> Element:
    """The form element of one entry of a record (`art`: the kind of the table it is in)."""
    kind, argument = _kind(typ)
    label = beschriftung(str(pfad[-1]))
    if kind == "optional":
        return _element(argument, node, pfad, hilfe, zeile, art)
    if kind == "union":
        return _union(argument[0], node, pfad, hilfe, zeile)
    if kind == "record":
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return Offen(pfad, label, hilfe)
        gruppe = formular(typ, node, pfad, art)
        gruppe.hilfe, gruppe.zeile = hilfe, zeile
        return gruppe
    if kind == "list":
        return _liste(argument, node, pfad, label, hilfe, zeile, art)
    if kind == "dict":
        return _paare(argument, node, pfad, label, hilfe, zeile)
    wahl = tuple(argument) if kind == "literal" else None
    return Feld(pfad, label, hilfe, typ if kind != "literal" else str, _text(node, typ), wahl, zeile)


def _union(optionen: tuple, node: Node | None, pfad: Pfad, hilfe: str, zeile: int | None) -> Element:
    """A value or a section (finanzielle_auswirkungen: a Markdown file or the figures): as it is written."""
    record = next(t for t in optionen if dataclasses.is_dataclass(t))
    if isinstance(node, Mapping):
        return _element(record, node, pfad, hilfe, zeile)
    if node is None:
        return Offen(pfad, beschriftung(str(pfad[-1])), hilfe)
    return Feld(pfad, beschriftung(str(pfad[-1])), hilfe, str, _text(node, str), None, zeile)


def _liste(
    typ: typing.Any, node: Node | None, pfad: Pfad, label: str, hilfe: str, zeile: int | None, art: str | None = None
) -> Liste:
    items = node.items if isinstance(node, Sequence) else []
    record = dataclasses.is_dataclass(typ)
    liste = Liste(pfad, label, hilfe, neu="gruppe" if record else "wert", zeile=zeile, typ=typ)
    for nummer, item in enumerate(items):
        if record:
            gruppe = formular(typ, item, pfad + (nummer,), art)
            gruppe.label, gruppe.zeile = f"{label} {nummer + 1}", item.where.line
            liste.eintraege.append(gruppe)
        else:
            liste.eintraege.append(_element(typ, item, pfad + (nummer,), "", item.where.line))
    if not record:  # an empty field takes a new value
        liste.eintraege.append(_element(typ, None, pfad + (len(items),), "", None))
    return liste


def _paare(typ: typing.Any, node: Node | None, pfad: Pfad, label: str, hilfe: str, zeile: int | None) -> Liste:
    """A table of pairs (Haushaltsjahr → Zahl, Spalte → Text); a pair's value that is a section waits for the
    editor (Liste with no entries and neu „datei“)."""
    liste = Liste(pfad, label, hilfe, neu="paar", zeile=zeile, typ=typ)
    if dataclasses.is_dataclass(typ) or _kind(typ)[0] == "union":
        liste.neu = "datei"
        return liste
    for key, (where, value) in (node.entries if isinstance(node, Mapping) else {}).items():
        liste.eintraege.append(_element(typ, value, pfad + (key,), "", where.line))
    return liste


def _text(node: Node | None, typ: object) -> str:
    if not isinstance(node, Scalar) or node.is_null:
        return ""
    return gezeigt(node.text, typ)


def _zeile(node: Node | None) -> int | None:
    return node.where.line if node is not None else None


def _pflicht(spec: dataclasses.Field) -> bool:
    return spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING


def alle(element: Element) -> list[Element]:
    """Every element of a form, in the order of the page."""
    found = [element]
    for kind in ("eintraege", "weitere"):
        for child in getattr(element, kind, []):
            found += alle(child)
    return found


def felder(element: Element) -> list[Feld]:
    return [e for e in alle(element) if isinstance(e, Feld)]
