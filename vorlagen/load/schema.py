"""JSON Schema of every kind of data file, generated from the records: the model is the one source of truth.

Nothing generated is kept in git: the schema is built from the record classes when asked for, with the
description declared with each field (`doc(…)`) as its German description. `vorlagen schema` writes it into a data repository;
tests/load/test_schema.py checks every data file of data/ and of the fixtures against it. A new kind of data
file needs one row in FILES; a new scalar type one entry in SCALARS.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
import json
import types
import typing
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from vorlagen.load.bescheide import Antrag, Bescheid
from vorlagen.load.beschlossen import Beschlossen
from vorlagen.load.haushalt import Haushalt
from vorlagen.load.hausstil import Hausstil
from vorlagen.load.kennzahlen import Kennzahlen
from vorlagen.load.koerperschaft import Koerperschaft
from vorlagen.load.mitzeichnung import Mitzeichnungen
from vorlagen.load.niederschrift import Niederschrift
from vorlagen.load.records import IN_EUR_ZURUECK
from vorlagen.load.saetze import Foerderprogramm, Kostensaetze
from vorlagen.load.sitzungen import Sitzung
from vorlagen.load.stellen import Stellenstatistik
from vorlagen.load.vertretung import Vertretung
from vorlagen.load.vorlage import Vorlage
from vorlagen.load.werte import Anzahl, Betrag, Formelzahl, Prozentsatz

DRAFT = "http://json-schema.org/draft-07/schema#"  # the draft editors (yaml-language-server) support best


@dataclasses.dataclass(frozen=True)
class FileKind:
    name: str  # schema file: <name>.schema.json
    pattern: str  # where such files lie, relative to the data folder (glob)
    record: type
    description: str


FILES = [
    FileKind(
        "koerperschaft",
        "koerperschaft.yaml",
        Koerperschaft,
        "Die Körperschaft: Name, Verwaltungschef, Ämter, Gremien, Kommunen und Hausstil.",
    ),
    FileKind(
        "vertretung",
        "vertretung.yaml",
        Vertretung,
        "Die Vertretung: Fraktionen und Gruppen, Mitglieder und die Antwortfrist der Geschäftsordnung für Anfragen.",
    ),
    FileKind("sitzung", "sitzungen/*.yaml", Sitzung, "Eine Sitzung eines Gremiums mit ihrer Tagesordnung."),
    FileKind(
        "kostensaetze",
        "kostensaetze/*.yaml",
        Kostensaetze,
        "Ein Katalog von Kostensätzen (Euro je Stelle und Jahr), z. B. der KGSt.",
    ),
    FileKind(
        "foerderprogramm",
        "foerderprogramme/*.yaml",
        Foerderprogramm,
        "Ein Förderprogramm mit seinen Modulen und Fördersätzen (Euro je Einheit und Jahr).",
    ),
    FileKind("bescheid", "bescheide/*.yaml", Bescheid, "Ein Förderbescheid: Positionen, Zeitraum, Betrag, Raten."),
    FileKind("antrag", "antraege/*.yaml", Antrag, "Ein Förderantrag: beantragte Positionen, Zeitraum, Betrag."),
    FileKind(
        "vorlage",
        "vorlagen/*/vorlage.yaml",
        Vorlage,
        "Eine Vorlage: Kopfdaten, Beratungsfolge, Texte, Finanzierung, Verteilungen und Anlagen.",
    ),
    FileKind(
        "mitzeichnungen",
        "vorlagen/*/mitzeichnungen.yaml",
        Mitzeichnungen,
        "Die Mitzeichnungen einer Vorlage (geschrieben von „vorlagen zeichnen“): Rolle, Name, Datum, Fingerabdruck.",
    ),
    FileKind(
        "beschlossen",
        "vorlagen/*/beschlossen.yaml",
        Beschlossen,
        "Der Haushalt, auf dem eine Vorlage beschlossen wurde (geschrieben von „vorlagen beschluss“): Tag des "
        "Beschlusses und die Beträge jeder Position an diesem Tag.",
    ),
    FileKind(
        "niederschrift",
        "sitzungen/*/niederschrift.yaml",
        Niederschrift,
        "Die Niederschrift einer Sitzung: Anwesenheit, Beginn und Ende, je TOP Text, Ergebnis und Aufträge.",
    ),
    FileKind(
        "kennzahlen",
        "kennzahlen/*.yaml",
        Kennzahlen,
        "Benannte Zahlen mit Formel, Einheit und Rundung, die jede Vorlage lesen kann (z. B. ein Fonds).",
    ),
    FileKind(
        "haushalt",
        "haushalt/*.yaml",
        Haushalt,
        "Der Haushalt eines Jahres (Dateiname: das Jahr): Positionen mit Ansatz und Gebundenem, "
        "Erheblichkeitsgrenze und das Gremium, das darüber entscheidet.",
    ),
    FileKind(
        "stellenstatistik",
        "stellen/*.yaml",
        Stellenstatistik,
        "Eine Stellenstatistik: je Baustein Stellen und besetzte VZÄ zu einem Stand.",
    ),
]

_DATE = r"^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})$"
SCALARS: dict[object, dict[str, object]] = {
    str: {"type": ["string", "number"]},  # the loader reads a plain 5 as the text "5"
    int: {"type": "integer"},
    Decimal: {"type": "number"},
    Betrag: {"type": "number", "description": "in Euro, ohne Tausenderpunkt, höchstens zwei Nachkommastellen"},
    bool: {"type": "boolean"},
    dt.date: {"type": "string", "pattern": _DATE, "description": "z. B. 2021-06-10 oder 10.06.2021"},
    Anzahl: {
        "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\s*\d+(\.\d+)?(\s*\+\s*\d+(\.\d+)?)+\s*$"}],
        "description": 'eine Zahl oder eine Summe, z. B. 3.5 oder "6 + 3"',
    },
    Formelzahl: {
        "anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^-?\d+(,\d+)?$"}],
        "description": 'wie in einer Formel: ohne Tausenderpunkt, mit Dezimalkomma, z. B. 523000 oder "0,523"',
    },
    Prozentsatz: {
        "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\s*-?\d+(\.\d+)?\s*%$"}],
        "description": 'in Prozent, z. B. 80 oder "80 %" (unter 1 nur mit „%“: "0.8 %")',
    },
    Fraction: {
        "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\s*\d+\s*/\s*\d+\s*$"}],
        "description": "z. B. 1/2 oder 0.5",
    },
}


def kind_of(relative: str) -> FileKind | None:
    """The kind of a data file, by its path relative to the data folder (a * stays within one folder)."""
    parts = relative.split("/")
    for kind in FILES:
        pattern = kind.pattern.split("/")
        if len(pattern) == len(parts) and all(fnmatch.fnmatchcase(p, q) for p, q in zip(parts, pattern)):
            return kind
    return None


def schema(kind: FileKind, hausstil: Hausstil | None = None) -> dict:
    """The JSON Schema of one kind of data file; with a Hausstil, its own words and header fields (the schema a
    data repository gets: editors then offer the body's Vorlagenarten, Zuständigkeiten and Kopfdaten)."""
    definitions: dict[str, dict] = {}
    root = _record(kind.record, definitions)
    if hausstil is not None and kind.record is Vorlage:
        _own_words(root, definitions, hausstil)
    if hausstil is not None and kind.record is Niederschrift:  # the recorded result and the word it shows as
        punkt = definitions["Protokollpunkt"]["properties"]
        stand = punkt["stand"]
        stand["anyOf"] = [_words(hausstil.beratungsergebnisse, stand["description"]), {"type": "null"}]
        ergebnis = punkt["ergebnis"]
        ergebnis["anyOf"] = [_words(hausstil.angenommene_ergebnisse(), ergebnis["description"]), {"type": "null"}]
    return {
        "$schema": DRAFT,
        "title": kind.pattern,
        "description": kind.description,
        **root,
        "definitions": dict(sorted(definitions.items())),
    }


def schema_text(kind: FileKind, hausstil: Hausstil | None = None) -> str:
    return json.dumps(schema(kind, hausstil), ensure_ascii=False, indent=2) + "\n"


def _words(words: Iterable[str], description: str, texts: dict[str, str] | None = None) -> dict:
    """A choice of the body's words; `texts` describe each (editors show them beside the word)."""
    result = {"enum": list(words), "description": description}
    if texts:
        result["enumDescriptions"] = [texts[word] for word in words]  # read by VS Code, ignored by validators
    return result


def _own_words(root: dict, definitions: dict[str, dict], stil: Hausstil) -> None:
    """The body's Vorlagenarten, header fields, Zuständigkeiten, Beratungsergebnisse and Klimaschutz answers."""
    props = root["properties"]
    props["art"] = _words(
        stil.arten,
        f"{props['art']['description']} – die Arten dieser Körperschaft",
        {name: art.ueberschrift or name for name, art in stil.arten.items()},
    )
    felder = {}
    for feld, beschriftung in stil.kopf.eigene.items():
        regeln = [f"{name}: {art.kopf[feld]}" for name, art in stil.arten.items() if feld in art.kopf]
        felder[feld] = {
            "type": ["string", "number"],
            "description": f"{beschriftung} (gedruckt im Kopf" + (f"; {', '.join(regeln)})" if regeln else ")"),
        }
    props["kopf"] = {
        "type": ["object", "null"],
        "properties": felder,
        "additionalProperties": False,
        "description": props["kopf"]["description"],
    }
    beratung = definitions["Beratung"]["properties"]
    beratung["rolle"] = _words(
        stil.rollen,
        beratung["rolle"]["description"],
        {wort: "entscheidet abschließend" if rolle.entscheidet else "berät" for wort, rolle in stil.rollen.items()},
    )
    beratung["ergebnis"] = {
        "anyOf": [_words(stil.beratungsergebnisse, beratung["ergebnis"]["description"]), {"type": "null"}],
        "description": beratung["ergebnis"]["description"],
    }
    klima = definitions["Klimaschutz"]["properties"]
    antworten = stil.klimaantworten()
    klima["auswirkung"] = _words(
        antworten, klima["auswirkung"]["description"], {key: antwort.text for key, antwort in antworten.items()}
    )


def _record(cls: type, definitions: dict[str, dict]) -> dict:
    fields = {f.name: f for f in dataclasses.fields(cls)}
    hints = typing.get_type_hints(cls)
    docs = field_docs(cls)
    properties = {}
    for name, spec in fields.items():
        prop = _type(hints[name], definitions)
        if "$ref" in prop:
            prop = {"allOf": [prop]}  # draft 7 ignores keys beside $ref
        if docs.get(name):
            prop["description"] = f"{docs[name]} ({prop['description']})" if "description" in prop else docs[name]
        default = _default(spec)
        if default is not None:
            prop["default"] = default
        properties[name] = prop
    required = [
        name
        for name, spec in fields.items()
        if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
    ]
    result = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        result["required"] = required
    return result


def _type(typ: typing.Any, definitions: dict[str, dict]) -> dict:
    origin, args = typing.get_origin(typ), typing.get_args(typ)
    if origin in (typing.Union, types.UnionType):
        options = [_type(t, definitions) for t in args if t is not type(None)]
        return {"anyOf": options + [{"type": "null"}]} if type(None) in args else {"anyOf": options}
    if origin is typing.Literal:  # a money unit also as a house with „EUR“ writes it (records.IN_EUR_ZURUECK)
        return {
            "enum": list(args) + [eur for eur, zeichen in IN_EUR_ZURUECK.items() if zeichen in args and eur not in args]
        }
    if origin is list:
        return {"type": ["array", "null"], "items": _type(args[0], definitions)}
    if origin is dict:
        return {"type": ["object", "null"], "additionalProperties": _type(args[1], definitions)}
    if isinstance(typ, type) and dataclasses.is_dataclass(typ):
        if typ.__name__ not in definitions:
            definitions[typ.__name__] = {}  # placeholder: records may refer to themselves
            definitions[typ.__name__] = _record(typ, definitions)
        return {"$ref": f"#/definitions/{typ.__name__}"}
    if typ in SCALARS:
        return dict(SCALARS[typ])
    raise TypeError(f"No JSON Schema for {typ!r}: add it to SCALARS in vorlagen/load/schema.py")


def _default(spec: dataclasses.Field) -> bool | int | str | float | None:
    """A field's default as JSON, where it is one (shown by editors on completion)."""
    if spec.default is not dataclasses.MISSING:
        value = spec.default
    elif spec.default_factory is not dataclasses.MISSING and spec.default_factory in (list, dict):
        return None
    else:
        return None
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return None


def field_docs(cls: type) -> dict[str, str]:
    """The description of each field of a record class, declared with the field (load/records.doc)."""
    return {f.name: f.metadata["doc"] for f in dataclasses.fields(cls) if "doc" in f.metadata}
