"""Turns YAML nodes into typed records (dataclasses), collecting every problem with its line.

Field names of a record are the YAML keys. Unknown keys, missing keys and wrong types are
problems in German that say what to write instead.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import difflib
import functools
import re
import types
import typing
from decimal import Decimal
from fractions import Fraction

from vorlagen.core.fmt import zahlwort
from vorlagen.core.limits import MAX_VORKOMMA
from vorlagen.core.problems import Problem, Where
from vorlagen.load.yamlfile import Mapping, Node, Scalar, Sequence

INVALID = object()  # marks a value that could not be read; its problem is already recorded

Betrag = typing.NewType("Betrag", Decimal)  # money: a Decimal with at most two decimal places


class Anzahl(Decimal):
    """A count, typed as a number (3.5) or as a sum ("6 + 3"); `teile` keeps the summands to print them."""

    teile: tuple[Decimal, ...] = ()

    @classmethod
    def of(cls, teile) -> Anzahl:
        value = cls(sum(teile, Decimal(0)))
        value.teile = tuple(teile)
        return value


_INT = re.compile(r"-?\d+")
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_FRACTION = re.compile(r"(\d+)\s*/\s*(\d+)")
_TRUE = {"true", "ja"}
_FALSE = {"false", "nein"}
_THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")
# Plain words that YAML 1.1 tools read as something other than text.
_YAML11_BOOL = re.compile(r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")


_T = typing.TypeVar("_T")


@typing.dataclass_transform(kw_only_default=True)
def record(cls: type[_T]) -> type[_T]:
    """Declares a record: a dataclass whose fields are given by name (type checkers see it as one)."""
    return dataclasses.dataclass(kw_only=True)(cls)


def doc(description: str, *, default: typing.Any = dataclasses.MISSING, factory: typing.Any = dataclasses.MISSING):
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


class LineDict(dict):
    """A dict read from YAML that knows the line of each key."""

    lines: dict[str, Where]


def line_of(entries: dict, key: str) -> Where:
    """The line of `key` in a dict the reader made (a LineDict)."""
    assert isinstance(entries, LineDict), "a dict of a record read from YAML"
    return entries.lines[key]


@dataclasses.dataclass
class _Cut:
    """The plain value of the entry before an unknown key, where a comma in `{…}` may have cut it off."""

    key: str  # that entry's key
    text: str  # its value as written (and, after a cut, with the cut-off parts)
    line: int | None
    problems: tuple[int, int]  # the reader's problems about that value: superseded by the hint

    def absorb(self, rest: str, problems: list) -> None:
        """Takes back the part a comma cut off (`rest`, read as a key of its own); the reader's problems about the
        cut value go, the message on the whole text replaces them."""
        start, end = self.problems
        del problems[start:end]
        self.text, self.problems = _joined(self.text, rest), (len(problems),) * 2


def _comma_hint(key: str, before: _Cut | None, ohne_wert: bool) -> str:
    """A key that is the rest of a text or a number cut at a comma: in `{…}` YAML splits entries at commas.
    `before` is the entry in front of it, written without quotes (the number's part before the comma);
    `ohne_wert`: the key stands without a value, as the rest of a text does."""
    if key.strip().isdigit():
        if before is not None and re.fullmatch(r"-?\d{1,3}(\.\d{3})*|-?\d+", before.text.strip()):
            german = f"{before.text.strip()},{key.strip()}"
            return (
                f" Steht hier die Zahl {german} mit Dezimalkomma? In „{{…}}“ trennt das Komma Einträge – "
                f"schreiben Sie {german_decimal(german)} (ohne Tausenderpunkt, mit Dezimalpunkt)."
            )
        return (
            " Steht davor eine Zahl mit Dezimalkomma wie 12.500,00? In „{…}“ trennt das Komma Einträge – "
            "schreiben Sie Beträge ohne Tausenderpunkt und mit Dezimalpunkt, z. B. 12500.00."
        )
    if any(c in key for c in "() ") or key[:1].isdigit() or (ohne_wert and before is not None):
        beispiel = (
            f'{before.key}: "{_joined(before.text, key)}"' if before is not None else 'als: "Kosten (0,5 Stelle)"'
        )
        return (
            " Steht in dieser Zeile ein Text mit Komma ohne Anführungszeichen? In „{…}“ trennt das Komma "
            f"Einträge – setzen Sie den Text in Anführungszeichen, z. B. {beispiel}."
        )
    return ""


def _joined(text: str, rest: str) -> str:
    """A text cut at its comma, joined again: "0,5" between digits, "Kruse, Fachbereich 32" elsewhere."""
    return f"{text},{rest}" if text[-1:].isdigit() and rest[:1].isdigit() else f"{text}, {rest}"


def _quoted(text: str) -> str:
    """A text as it may stand inside `{…}` in YAML: in quotes where a comma, colon or bracket would cut it."""
    return '"' + text.replace('"', '\\"') + '"' if any(c in text for c in ',:{}[]#"') else text


def german_decimal(text: str) -> str:
    """A number written the German way as YAML needs it: 12.500,00 → 12500.00."""
    return text.replace(".", "").replace(",", ".")


def suggest(word: str, choices) -> str:
    """' – meinten Sie „x“?' for a close match, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" – meinten Sie „{close[0]}“?" if close else ""


@functools.cache
def _kind(typ) -> tuple[str, typing.Any]:
    """How Reader.read reads a type: ("optional", the type), ("literal", the choices), ("list", the item type),
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


class Reader:
    """Reads nodes as given types; problems go to `self.problems`."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems

    def fail(self, where: Where, message: str):
        self.problems.append(Problem(where, message))
        return INVALID

    def read(self, node: Node, typ, name: str):
        kind, argument = _kind(typ)
        if kind == "optional":
            if isinstance(node, Scalar) and node.is_null:
                return None
            return self.read(node, argument, name)
        if kind == "union":
            options, nullable = argument
            return self._union(node, options, nullable, name)
        if kind == "literal":
            return self._literal(node, argument, name)
        if kind == "list":
            return self._list(node, argument, name)
        if kind == "dict":
            return self._dict(node, argument, name)
        if kind == "record":
            return self.record(node, typ, name)
        scalar = self._scalar(node, name)
        if scalar is INVALID:
            return INVALID
        return _SCALARS[typ](self, scalar, name)

    def record(self, node: Node, cls, name: str):
        if not isinstance(node, Mapping):
            return self.fail(node.where, f"„{name}“ muss ein Abschnitt mit Einträgen der Form `schlüssel: wert` sein.")
        fields, hints = _fields(cls)
        values, lines, ok = {}, {}, True
        meant = set()  # fields an unknown key probably meant: not reported again as missing
        before: _Cut | None = None  # the plain value of the entry before, where a comma may have cut it off
        for key, (key_where, value_node) in node.entries.items():
            if key not in fields and key in getattr(cls, "ersetzt", {}):  # a renamed key: what to write instead
                wert = value_node.text if isinstance(value_node, Scalar) else "…"
                self.fail(key_where, cls.ersetzt[key].replace("{wert}", _quoted(wert)))
                ok = False
                continue
            if key not in fields:
                meant.update(difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6))
                same_line = before if before is not None and before.line == key_where.line else None
                ohne_wert = isinstance(value_node, Scalar) and value_node.is_null
                hint = _comma_hint(key, same_line, ohne_wert)
                if hint and same_line is not None:  # the value before was cut: this message says what it is
                    same_line.absorb(key, self.problems)
                self.fail(
                    key_where,
                    f"Unbekannter Schlüssel „{key}“ in „{name}“{suggest(key, fields) or '.'}"
                    f"{hint} Erlaubt sind: {', '.join(fields)}.",
                )
                ok = False
                continue
            start = len(self.problems)
            value = self.read(value_node, hints[key], key)
            before = (
                _Cut(key, value_node.text, key_where.line, (start, len(self.problems)))
                if isinstance(value_node, Scalar) and value_node.plain
                else None
            )
            ok = ok and value is not INVALID
            values[key], lines[key] = value, key_where
        for field_name, spec in fields.items():
            if field_name not in values and field_name not in meant and _required(spec):
                self.fail(node.where, f"In „{name}“ fehlt der Eintrag „{field_name}“ – ergänzen Sie ihn.")
                ok = False
        if not ok:
            return INVALID
        record = cls(**values)
        object.__setattr__(record, "_where", node.where)
        object.__setattr__(record, "_lines", lines)
        for field_name, message in getattr(record, "check", lambda: ())():  # a field name, or a Where
            self.fail(field_name if isinstance(field_name, Where) else record.where(field_name), message)
            ok = False
        return record if ok else INVALID

    def _union(self, node: Node, options: tuple, nullable: bool, name: str):
        """A single value or a section (e.g. a file name or the data itself): chosen by what is written."""
        if nullable and isinstance(node, Scalar) and node.is_null:
            return None
        records = [t for t in options if dataclasses.is_dataclass(t)]
        if isinstance(node, Mapping) and records:
            return self.record(node, records[0], name)
        if isinstance(node, Sequence):
            return self.fail(
                node.where,
                f"„{name}“ ist ein einzelner Wert oder ein Abschnitt mit Einträgen der Form "
                "`schlüssel: wert`, keine Liste.",
            )
        return self.read(node, next(t for t in options if not dataclasses.is_dataclass(t)), name)

    def _list(self, node: Node, item_type, name: str):
        if isinstance(node, Scalar) and node.is_null:
            return []
        if not isinstance(node, Sequence):
            return self.fail(node.where, f"„{name}“ muss eine Liste sein (Einträge mit „- “ am Zeilenanfang).")
        items = [self.read(item, item_type, name) for item in node.items]
        return INVALID if INVALID in items else items

    def _dict(self, node: Node, value_type, name: str):
        if isinstance(node, Scalar) and node.is_null:
            result = LineDict()
            result.lines = {}
            return result
        if not isinstance(node, Mapping):
            return self.fail(node.where, f"„{name}“ muss ein Abschnitt mit Einträgen der Form `name: wert` sein.")
        result = LineDict()
        result.lines = {}
        ok = True
        before: _Cut | None = None  # the plain value of the entry before, where a comma may have cut it off
        cut: dict[str, _Cut] = {}  # key → its value joined again from the parts a comma cut off
        for key, (key_where, value_node) in node.entries.items():
            rest = isinstance(value_node, Scalar) and value_node.plain and value_node.text == ""  # a key alone
            if rest and before is not None and before.line == key_where.line:  # `{a: Text, mit Komma}`
                before.absorb(key, self.problems)
                cut[before.key] = before
                ok = False
                continue
            start = len(self.problems)
            value = self.read(value_node, value_type, key)
            before = (
                _Cut(key, value_node.text, key_where.line, (start, len(self.problems)))
                if isinstance(value_node, Scalar) and value_node.plain and value_node.text
                else None
            )
            ok = ok and value is not INVALID
            result[key], result.lines[key] = value, key_where
        for key, value in cut.items():
            self.fail(
                result.lines[key],
                f"„{key}“: Der Text ist am Komma abgeschnitten – in „{{…}}“ trennt das Komma "
                f"Einträge. Setzen Sie ihn in Anführungszeichen: {key}: {_quoted(value.text)}.",
            )
        return result if ok else INVALID

    def _literal(self, node: Node, choices, name: str):
        scalar = self._scalar(node, name)
        if scalar is INVALID:
            return INVALID
        if scalar.text not in choices:
            return self.fail(
                node.where,
                f"„{name}“: „{scalar.text}“ ist nicht vorgesehen{suggest(scalar.text, choices) or '.'}"
                f" Möglich sind: {', '.join(choices)}.",
            )
        return scalar.text

    def _scalar(self, node: Node, name: str):
        if isinstance(node, Scalar):
            if node.is_null:
                return self.fail(node.where, f"„{name}“ ist leer – tragen Sie einen Wert ein.")
            return node
        return self.fail(node.where, f"„{name}“ muss ein einzelner Wert sein, keine Liste und kein Abschnitt.")

    def text(self, scalar: Scalar, name: str):
        text = scalar.text.strip()
        if scalar.plain:
            quoted = f'„{name}: "{text}"“'
            if _YAML11_BOOL.fullmatch(text):
                return self.fail(
                    scalar.where,
                    f"„{name}“: „{text}“ lesen viele YAML-Programme als ja/nein, nicht als Text – "
                    f"setzen Sie Text in Anführungszeichen: {quoted}.",
                )
            if _SEXAGESIMAL.fullmatch(text):
                return self.fail(
                    scalar.where,
                    f"„{name}“: „{text}“ lesen viele YAML-Programme als Zahl zur Basis 60 "
                    f"(Uhrzeit-Falle) – setzen Sie den Text in Anführungszeichen: {quoted}.",
                )
            if _LEADING_ZERO.fullmatch(text):
                return self.fail(
                    scalar.where,
                    f"„{name}“: Bei „{text}“ ginge die führende Null verloren – setzen Sie "
                    f"den Text in Anführungszeichen: {quoted}.",
                )
        return text

    def _no_leading_zero(self, scalar: Scalar, name: str) -> bool:
        text = scalar.text.strip()
        if re.fullmatch(r"-?0\d+(\.\d+)?", text):
            self.fail(
                scalar.where,
                f"„{name}“: „{text}“ hat eine führende Null, die YAML-Programme unterschiedlich "
                f"lesen – schreiben Sie {text.lstrip('0') or '0'}.",
            )
            return False
        return True

    def betrag(self, scalar: Scalar, name: str):
        text = scalar.text.strip()
        if _THOUSANDS.fullmatch(text):
            plain = text.replace(".", "")
            if text.count(".") == 1:
                return self.fail(
                    scalar.where,
                    f"„{name}“: „{text}“ – ist der Punkt ein Tausenderpunkt? YAML läse "
                    f"{Decimal(text).normalize():f}. Schreiben Sie Beträge ohne "
                    f"Tausenderpunkt: {plain}.",
                )
            return self.fail(
                scalar.where,
                f"„{name}“: „{text}“ enthält Tausenderpunkte – schreiben Sie Beträge ohne Tausenderpunkt: {plain}.",
            )
        value = self.decimal(scalar, name)
        if value is not INVALID and value.as_tuple().exponent < -2:
            return self.fail(
                scalar.where, f"„{name}“: Ein Betrag hat höchstens zwei Nachkommastellen (Cent), nicht „{text}“."
            )
        return value

    def anzahl(self, scalar: Scalar, name: str):
        text = scalar.text.strip()
        if "+" not in text:
            value = self.decimal(scalar, name)
            return value if value is INVALID else Anzahl.of([value])
        teile = [t.strip() for t in text.split("+")]
        if not all(_DECIMAL.fullmatch(t) and not re.fullmatch(r"-?0\d+(\.\d+)?", t) for t in teile):
            return self.fail(
                scalar.where,
                f"„{name}“: „{text}“ ist weder eine Zahl noch eine Summe von Zahlen – "
                'schreiben Sie z. B. 9 oder "6 + 3".',
            )
        return Anzahl.of([Decimal(t) for t in teile])

    def integer(self, scalar: Scalar, name: str):
        if not self._no_leading_zero(scalar, name):
            return INVALID
        if not _INT.fullmatch(scalar.text):
            return self.fail(scalar.where, f"„{name}“: „{scalar.text}“ ist keine ganze Zahl – schreiben Sie z. B. 14.")
        return self._plausible(scalar, name, int(scalar.text))

    def _plausible(self, scalar: Scalar, name: str, value):
        """No figure in a Vorlage has more than MAX_VORKOMMA digits before the decimal point."""
        if abs(value) >= 10**MAX_VORKOMMA:
            return self.fail(
                scalar.where,
                f"„{name}“: „{scalar.text.strip()}“ ist unplausibel groß – Zahlen haben "
                f"hier höchstens {zahlwort(MAX_VORKOMMA)} Stellen vor dem Komma; prüfen Sie den Wert.",
            )
        return value

    def decimal(self, scalar: Scalar, name: str):
        text = scalar.text.strip()
        if not self._no_leading_zero(scalar, name):
            return INVALID
        if _DECIMAL.fullmatch(text):
            return self._plausible(scalar, name, Decimal(text))
        hint = "schreiben Sie Zahlen ohne Tausenderpunkt und mit Dezimalpunkt, z. B. 55000 oder 3.5"
        if re.fullmatch(r"-?\d+,\d+", text):
            hint = f"das Dezimalzeichen ist der Punkt: schreiben Sie {text.replace(',', '.')}"
        elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):
            hint = (
                f"„{text}“ ist deutsch geschrieben; YAML braucht Zahlen ohne Tausenderpunkt und mit Dezimalpunkt: "
                f"schreiben Sie {german_decimal(text)}"
            )
        return self.fail(scalar.where, f"„{name}“: „{text}“ ist keine Zahl – {hint}.")

    def fraction(self, scalar: Scalar, name: str):
        match = _FRACTION.fullmatch(scalar.text.strip())
        if match and int(match[2]) != 0:
            return Fraction(int(match[1]), int(match[2]))
        if _DECIMAL.fullmatch(scalar.text.strip()):
            return Fraction(scalar.text.strip())
        return self.fail(scalar.where, f"„{name}“: „{scalar.text}“ ist kein Anteil – schreiben Sie z. B. 1/2 oder 0.5.")

    def boolean(self, scalar: Scalar, name: str):
        word = scalar.text.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        return self.fail(
            scalar.where, f"„{name}“: „{scalar.text}“ ist weder ja noch nein – schreiben Sie true oder false."
        )

    def date(self, scalar: Scalar, name: str):
        text = scalar.text.strip()
        iso, german = _ISO_DATE.fullmatch(text), _GERMAN_DATE.fullmatch(text)
        parts = (iso[1], iso[2], iso[3]) if iso else (german[3], german[2], german[1]) if german else None
        if parts is None:
            return self.fail(
                scalar.where, f"„{name}“: „{text}“ ist kein Datum – schreiben Sie z. B. 2021-06-10 oder 10.06.2021."
            )
        try:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            return self.fail(
                scalar.where, f"„{name}“: Den {text} gibt es nicht im Kalender – prüfen Sie Tag und Monat."
            )


_SCALARS = {
    str: Reader.text,
    int: Reader.integer,
    Decimal: Reader.decimal,
    Betrag: Reader.betrag,
    bool: Reader.boolean,
    dt.date: Reader.date,
    Fraction: Reader.fraction,
    Anzahl: Reader.anzahl,
}


@functools.cache
def _fields(cls) -> tuple[dict[str, dataclasses.Field], dict[str, object]]:
    """Fields and resolved type hints of a record class (resolving them is slow: once per class)."""
    return {f.name: f for f in dataclasses.fields(cls)}, typing.get_type_hints(cls)


def _required(spec: dataclasses.Field) -> bool:
    return spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING


def unknown_word(where: Where, key: str, word: str, words, liste: str, defined: Where | None) -> Problem:
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


def changed(record, **changes):
    """A copy of a record (which keeps the lines it was read from) with some fields changed; the record stays."""
    clone = copy.copy(record)
    for name, value in changes.items():
        object.__setattr__(clone, name, value)
    return clone


def defined_at(record, key: str) -> Where | None:
    """The line of `key` in the YAML a record was read from; None when the key was not written (its default holds)."""
    return getattr(record, "_lines", {}).get(key)
