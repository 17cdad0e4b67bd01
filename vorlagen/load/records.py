"""Turns YAML nodes into typed records (dataclasses), collecting every problem with its line.

Field names of a record are the YAML keys. Unknown keys, missing keys and wrong types are
problems in German that say what to write instead.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import functools
import types
import typing
from collections import Counter
from collections.abc import Collection, Iterable
from pathlib import Path

from vorlagen.core.fmt import IN_EUR
from vorlagen.core.problems import Paths, Problem, Where
from vorlagen.load.kommaschnitt import Cut, comma_hint, quoted
from vorlagen.load.schreibweise import frueher_zwei, zwei_zahlen
from vorlagen.load.werte import ZAHLENTYPEN, Gelesen, read_value
from vorlagen.load.yamlfile import Mapping, Node, Scalar, Sequence, read_yaml

_T = typing.TypeVar("_T")
_R = typing.TypeVar("_R", bound="Record")


@typing.dataclass_transform(kw_only_default=True)
def record(cls: type[_T]) -> type[_T]:
    """Declares a record: a dataclass whose fields are given by name (type checkers see it as one)."""
    return dataclasses.dataclass(kw_only=True)(cls)


def doc(
    description: str, *, default: typing.Any = dataclasses.MISSING, factory: typing.Any = dataclasses.MISSING
) -> typing.Any:
    """A record field with its German description, the `description` of the JSON schema (load/schema.py)."""
    return dataclasses.field(default=default, default_factory=factory, metadata={"doc": description})


class Record:
    """Base of all records read from YAML: knows where it and each of its fields stand."""

    if typing.TYPE_CHECKING:  # set by the reader on every record it makes; no fields of the record
        _where: Where
        _lines: dict[str, Where]

    def where(self, name: str | None = None) -> Where:
        if name is None:
            return self._where
        return self._lines.get(name, self._where)

    def check(self) -> list[Problem]:
        """The record's own rules across its fields (read_record asks once the fields are read); none here."""
        return []


class LineDict(dict):
    """A dict read from YAML that knows the line of each key."""

    lines: dict[str, Where]


def line_of(entries: dict, key: str) -> Where:
    """The line of `key` in a dict the reader made (a LineDict)."""
    assert isinstance(entries, LineDict), "a dict of a record read from YAML"
    return entries.lines[key]


def suggest(word: str, choices: Iterable[str]) -> str:
    """' – meinten Sie „x“?' for a close match, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" – meinten Sie „{close[0]}“?" if close else ""


@functools.cache
def _kind(typ: typing.Any) -> tuple[str, typing.Any]:
    """How _read reads a type: ("optional", the type), ("literal", the choices), ("list", the item type),
    ("dict", the value type), ("record", None) or ("scalar", None); worked out once per type."""
    origin = typing.get_origin(typ)
    if origin in (typing.Union, types.UnionType):
        options = tuple(t for t in typing.get_args(typ) if t is not type(None))
        if len(options) == 1:
            return "optional", options[0]
        return "union", (options, type(None) in typing.get_args(typ))  # a value or a section, e.g. str | Record
    if origin is typing.Literal:
        return "literal", typing.get_args(typ)
    if origin is list:
        return "list", typing.get_args(typ)[0]
    if origin is dict:
        return "dict", typing.get_args(typ)[1]
    if dataclasses.is_dataclass(typ):
        return "record", None
    return "scalar", None


def read_record(node: Node, cls: type[_R], name: str) -> tuple[_R | None, list[Problem]]:
    """A record of type `cls` read from `node` (a file, or the section `name`), and every problem found in it:
    unknown and missing keys, values of the wrong type, and what the record's own check() finds. The record is
    None when there are problems."""
    value, problems = _record(node, cls, name)
    return (None if problems else value), problems


def read_data_file(path: Path, cls: type[_R], paths: Paths) -> tuple[_R | None, list[Problem]]:
    """A YAML data file read as a record; None when the file or the record cannot be read. Problems of the file
    that leave it readable (a key written twice) come with the record."""
    node, problems = read_yaml(path, paths)
    if node is None:
        return None, problems
    record, found = read_record(node, cls, path.name)
    return record, problems + found


def _read(node: Node, typ: typing.Any, name: str) -> Gelesen:
    """A value of type `typ` read from `node`, the entry `name`; it counts only when there are no problems."""
    kind, argument = _kind(typ)
    if kind == "optional":
        if isinstance(node, Scalar) and node.is_null:
            return None, []
        return _read(node, argument, name)
    if kind == "union":
        options, nullable = argument
        return _union(node, options, nullable, name)
    if kind == "literal":
        return _literal(node, argument, name)
    if kind == "list":
        return _list(node, argument, name)
    if kind == "dict":
        return _dict(node, argument, name)
    if kind == "record":
        return _record(node, typ, name)
    scalar, problems = _scalar(node, name)
    return (None, problems) if scalar is None else read_value(scalar, typ, name)


def _fail(where: Where, message: str) -> Gelesen:
    return None, [Problem(where, message)]


def _record(node: Node, cls: typing.Any, name: str) -> Gelesen:
    if not isinstance(node, Mapping):
        return _fail(node.where, f"„{name}“ muss ein Abschnitt mit Einträgen der Form `schlüssel: wert` sein.")
    fields, hints = _fields(cls)
    values, lines, problems = {}, {}, []
    meant = set()  # fields an unknown key probably meant: not reported again as missing
    before: Cut | None = None  # the plain value of the entry before, where a comma may have cut it off
    for key, (key_where, value_node) in node.entries.items():
        if key not in fields and key in getattr(cls, "ersetzt", {}):  # a renamed key: what to write instead
            wert = value_node.text if isinstance(value_node, Scalar) else "…"
            problems.append(Problem(key_where, cls.ersetzt[key].replace("{wert}", quoted(wert))))
            continue
        if key not in fields:
            meant.update(difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6))
            same_line = before if before is not None and before.line == key_where.line else None
            ohne_wert = isinstance(value_node, Scalar) and value_node.is_null
            hint = comma_hint(key, same_line, ohne_wert)
            if hint and same_line is not None:  # the value before was cut: this message says what it is
                same_line.absorb(key, problems)
            problems.append(
                Problem(
                    key_where,
                    f"Unbekannter Schlüssel „{key}“ in „{name}“{suggest(key, fields) or '.'}"
                    f"{hint} Erlaubt sind: {', '.join(fields)}.",
                )
            )
            continue
        start = len(problems)
        value, found = _read(value_node, hints[key], key)
        problems += found
        before = (
            Cut(key, value_node.text, key_where.line, (start, len(problems)))
            if isinstance(value_node, Scalar) and value_node.plain
            else None
        )
        values[key], lines[key] = value, key_where
    for field_name, spec in fields.items():
        if field_name not in values and field_name not in meant and _required(spec):
            problems.append(Problem(node.where, f"In „{name}“ fehlt der Eintrag „{field_name}“ – ergänzen Sie ihn."))
    if problems:
        return None, problems
    record = cls(**values)
    object.__setattr__(record, "_where", node.where)
    object.__setattr__(record, "_lines", lines)
    problems = record.check()
    return (None if problems else record), problems


def _union(node: Node, options: tuple, nullable: bool, name: str) -> Gelesen:
    """A single value or a section (e.g. a file name or the data itself): chosen by what is written."""
    if nullable and isinstance(node, Scalar) and node.is_null:
        return None, []
    records = [t for t in options if dataclasses.is_dataclass(t)]
    if isinstance(node, Mapping) and records:
        return _record(node, records[0], name)
    if isinstance(node, Sequence):
        return _fail(
            node.where,
            f"„{name}“ ist ein einzelner Wert oder ein Abschnitt mit Einträgen der Form "
            "`schlüssel: wert`, keine Liste.",
        )
    return _read(node, next(t for t in options if not dataclasses.is_dataclass(t)), name)


def _list(node: Node, item_type: typing.Any, name: str) -> Gelesen:
    if isinstance(node, Scalar) and node.is_null:
        return [], []
    if not isinstance(node, Sequence):
        return _fail(node.where, f"„{name}“ muss eine Liste sein (Einträge mit „- “ am Zeilenanfang).")
    items, problems = [], []
    glued = {i for i, item in enumerate(node.items) if isinstance(item, Scalar) and item.nach_komma and i > 0}
    if item_type not in ZAHLENTYPEN:
        glued = set()
    for i, item in enumerate(node.items):
        if i in glued:  # the number and the one before it: one message on both
            before = node.items[i - 1]
            assert isinstance(item, Scalar) and isinstance(before, Scalar)
            problems.append(Problem(item.where, zwei_zahlen(name, before.text, item.text)))
            frueher_zwei(item.where, before.text, item.text)
            continue
        if i + 1 in glued:
            continue
        value, found = _read(item, item_type, name)
        items.append(value)
        problems += found
    return (None if problems else items), problems


def _dict(node: Node, value_type: typing.Any, name: str) -> Gelesen:
    result = LineDict()
    result.lines = {}
    if isinstance(node, Scalar) and node.is_null:
        return result, []
    if not isinstance(node, Mapping):
        return _fail(node.where, f"„{name}“ muss ein Abschnitt mit Einträgen der Form `name: wert` sein.")
    problems: list[Problem] = []
    before: Cut | None = None  # the plain value of the entry before, where a comma may have cut it off
    cut: dict[str, Cut] = {}  # key → its value joined again from the parts a comma cut off
    for key, (key_where, value_node) in node.entries.items():
        rest = isinstance(value_node, Scalar) and value_node.plain and value_node.text == ""  # a key alone
        if rest and before is not None and before.line == key_where.line:  # `{a: Text, mit Komma}`
            before.absorb(key, problems)
            cut[before.key] = before
            continue
        start = len(problems)
        value, found = _read(value_node, value_type, key)
        problems += found
        before = (
            Cut(key, value_node.text, key_where.line, (start, len(problems)))
            if isinstance(value_node, Scalar) and value_node.plain and value_node.text
            else None
        )
        result[key], result.lines[key] = value, key_where
    for key, value in cut.items():
        problems.append(
            Problem(
                result.lines[key],
                f"„{key}“: Der Text ist am Komma abgeschnitten – in „{{…}}“ trennt das Komma "
                f"Einträge. Setzen Sie ihn in Anführungszeichen: {key}: {quoted(value.text)}.",
            )
        )
    return (None if problems else result), problems


IN_EUR_ZURUECK = {eur: zeichen for zeichen, eur in IN_EUR.items()}  # 'TEUR' → 'T€'


def _literal(node: Node, choices: tuple[str, ...], name: str) -> Gelesen:
    scalar, problems = _scalar(node, name)
    if scalar is None:
        return None, problems
    if scalar.text not in choices and IN_EUR_ZURUECK.get(scalar.text) in choices:
        return IN_EUR_ZURUECK[scalar.text], []  # TEUR is T€: the unit as a house with „EUR“ prints it
    if scalar.text not in choices:
        return _fail(
            node.where,
            f"„{name}“: „{scalar.text}“ ist nicht vorgesehen{suggest(scalar.text, choices) or '.'}"
            f" Möglich sind: {', '.join(choices)}.",
        )
    return scalar.text, []


def _scalar(node: Node, name: str) -> tuple[Scalar | None, list[Problem]]:
    if isinstance(node, Scalar):
        if node.is_null:
            return _fail(node.where, f"„{name}“ ist leer – tragen Sie einen Wert ein.")
        return node, []
    return _fail(node.where, f"„{name}“ muss ein einzelner Wert sein, keine Liste und kein Abschnitt.")


@functools.cache
def _fields(cls: type) -> tuple[dict[str, dataclasses.Field], dict[str, object]]:
    """Fields and resolved type hints of a record class (resolving them is slow: once per class)."""
    return {f.name: f for f in dataclasses.fields(cls)}, typing.get_type_hints(cls)


def _required(spec: dataclasses.Field) -> bool:
    return spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING


def unknown_word(
    where: Where, key: str, word: str, words: Collection[str], liste: str, defined: Where | None
) -> Problem:
    """A word that is not in one of the body's lists (hausstil: rollen, arten …): which list, where it is defined
    (`defined`: the line of the list, None while the defaults hold), what it holds."""
    hint = suggest(word, words)
    if defined is not None and defined.line:
        eigen = f"Ein eigenes Wort ergänzen Sie in der Liste ({defined.path}, Zeile {defined.line})."
    else:  # the defaults hold: a list of the body's own replaces them, it does not add to them
        eigen = (
            f"Für ein eigenes Wort legen Sie die Liste „{liste}:“ unter „hausstil:“ in koerperschaft.yaml an – "
            "sie ersetzt die Standardwörter; übernehmen Sie die, die Sie weiter brauchen."
        )
    return Problem(
        where,
        f"„{key}“: „{word}“ steht nicht in der Liste „hausstil: {liste}“ der Körperschaft"
        f"{hint + ' M' if hint else ' – m'}öglich sind: {', '.join(words)}. {eigen}",
    )


def changed(record: _T, **changes: object) -> _T:
    """A copy of a record (which keeps the lines it was read from) with some fields changed; the record stays."""
    clone = copy.copy(record)
    for name, value in changes.items():
        object.__setattr__(clone, name, value)
    return clone


def defined_at(record: object, key: str) -> Where | None:
    """The line of `key` in the YAML a record was read from; None when the key was not written (its default holds)."""
    return getattr(record, "_lines", {}).get(key)


def doppelte(woerter: Iterable[str]) -> list[str]:
    """The words a list names more than once, sorted."""
    return sorted(wort for wort, anzahl in Counter(woerter).items() if anzahl > 1)
