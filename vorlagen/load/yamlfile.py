"""Reads one YAML file into plain nodes that remember file and line.

Values stay text here: the schema decides what a scalar means, so YAML's own guesses
(floats, booleans, sexagesimals) never reach the model.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from vorlagen.core.kodierung import vermutlich
from vorlagen.core.problems import Paths, Problem, Where, os_error_reason
from vorlagen.core.reads import MAX_DATEI, NotReadable, read_file
from vorlagen.load import steuerzeichen
from vorlagen.load.yamlbounds import unsafe as bounds

_LIBYAML = getattr(yaml, "CSafeLoader", None)  # libyaml when present: same nodes, ten times faster
_TAG = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}

if TYPE_CHECKING:  # one base the type checker can follow; both share the SafeLoader's interface
    _Base = yaml.SafeLoader
else:
    _Base = _LIBYAML or yaml.SafeLoader


class _Untagged(_Base):
    """Composes without guessing tags: nodes keep their text and the schema decides what it means."""

    def resolve(
        self, kind: type, value: str, implicit: tuple[bool, bool]
    ) -> str:  # YAML's guess (bool, int, float …) is never read
        return _TAG[kind]


LOADER = _Untagged
_keeping: ContextVar[Quellen | None] = ContextVar("keeping", default=None)


@dataclass
class Node:
    where: Where


@dataclass
class Scalar(Node):
    text: str
    plain: bool  # written without quotes
    nach_komma: bool = False  # in `[…]` right after the item before and a comma, no space: the 600 of [142,600]

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")


@dataclass
class Mapping(Node):
    entries: dict[str, tuple[Where, Node]] = field(default_factory=dict)


@dataclass
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


@dataclass
class Quellen:
    """The text files read, and every character they can put into a document (for the glyph check).

    Only the characters are kept, not the texts: a year of Vorlagen would otherwise hold all of them.
    """

    paths: list[Path] = field(default_factory=list)
    zeichen: set[str] = field(default_factory=set)
    _ascii: bytes = b""  # the ASCII characters among them, as bytes

    def add(self, path: Path, text: str) -> None:
        self.paths.append(path)
        # set(text) would walk every character in Python objects; deleting the ASCII bytes seen already (UTF-8
        # never splits a character there) leaves only the few that can be new, five times faster for a year
        rest = shown(path, text).encode().translate(None, self._ascii)
        if rest:
            new = set(rest.decode())
            self.zeichen |= new
            self._ascii += "".join(sorted(c for c in new if c.isascii())).encode()


def shown(path: Path, text: str) -> str:
    """The characters a file can put into a document: Markdown entities (&#x4E2D;) count as what they show."""
    return text + html.unescape(text) if path.suffix == ".md" and "&" in text else text


@contextmanager
def keeping() -> Iterator[Quellen]:
    """Yields Quellen that fill with every file `read_text` reads inside the block."""
    quellen = Quellen()
    token = _keeping.set(quellen)
    try:
        yield quellen
    finally:
        _keeping.reset(token)


def read_text(path: Path, paths: Paths, limit: int = MAX_DATEI) -> tuple[str | None, list[Problem]]:
    """A UTF-8 text file's content (at most `limit` bytes); a wrong encoding is a problem with the line it occurs
    on."""
    try:
        raw = read_file(path, limit)
    except FileNotFoundError:
        return None, [Problem(paths.where(path), "Datei nicht gefunden – prüfen Sie Namen und Ordner.")]
    except NotReadable as error:
        return None, [Problem(paths.where(path), str(error))]
    except OSError as error:  # no permission, a device that fails: German, without the machine's path
        return None, [
            Problem(
                paths.where(path),
                f"Die Datei lässt sich nicht lesen ({os_error_reason(error)}) – prüfen Sie, ob Sie sie öffnen dürfen.",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(paths.where(path, line), nicht_utf8(raw))]
    kept = _keeping.get()
    if kept is not None:
        kept.add(path, text)
    return text, []


def nicht_utf8(raw: bytes) -> str:
    """What is wrong with bytes that are not UTF-8, naming the encoding they seem to be in (core/kodierung), and what
    to do."""
    art = vermutlich(raw)
    return (
        f"Die Datei ist nicht als UTF-8 gespeichert, sondern {f'vermutlich als {art}' if art else 'in einer unbekannten Kodierung'}"
        " – speichern Sie sie im Editor mit der Kodierung „UTF-8“."
    )


def read_again(path: Path) -> str | None:
    """A text file read once more, as read_text decodes it; None when it is gone or no longer UTF-8."""
    try:
        return read_file(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def read_yaml(path: Path, paths: Paths) -> tuple[Node | None, list[Problem]]:
    """A YAML file's nodes; syntax errors are problems, never exceptions."""
    text, problems = read_text(path, paths)
    if text is None:
        return None, problems
    if roh := steuerzeichen.im_text(text, paths.where(path, 1), zeilenenden=True):  # YAML's own error has no line
        return None, roh
    try:
        unsafe = bounds(text, path.name, LOADER)
        if unsafe is not None:
            return None, [Problem(paths.where(path, unsafe[0]), unsafe[1])]
        root = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        return None, [Problem(paths.where(path, line), _syntax_message(error))]
    except yaml.YAMLError:
        return None, [
            Problem(
                paths.where(path),
                "YAML-Fehler – die Datei lässt sich nicht lesen; prüfen Sie, ob sie Text im YAML-Format enthält.",
            )
        ]
    if root is None:
        return None, [
            Problem(paths.where(path), "Die Datei ist leer – tragen Sie die Angaben ein oder löschen Sie die Datei.")
        ]
    return _convert(root, paths.show(path))


def program_yaml(path: Path) -> Node:
    """A YAML file of the program itself (not of a data folder: not recorded, not bounded as user input)."""
    root = _compose(path.read_text(encoding="utf-8"))
    assert root is not None, path  # the program's own files are never empty
    node, problems = _convert(root, path.name)
    assert not problems, problems
    return node


def _compose(text: str) -> yaml.Node | None:
    """libyaml for speed; on an error, the Python parser's more precise message."""
    try:
        return yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError:
        if _LIBYAML is None:
            raise
        return yaml.compose(text, Loader=yaml.SafeLoader)


# the parser's English reasons, as a clerk would say what is wrong and what to do (first match wins)
_REASONS = (
    (
        "'\\t'",
        "Tabulatorzeichen zum Einrücken – YAML erlaubt nur Leerzeichen; ersetzen Sie die Tabs durch Leerzeichen.",
    ),
    (
        "expected ',' or ']'",
        "Eine Liste in eckigen Klammern ist nicht richtig geschlossen – prüfen Sie die Kommas und die "
        "schließende „]“; ein Text mit Komma oder Klammer gehört in Anführungszeichen.",
    ),
    (
        "expected ',' or '}'",
        "Ein Abschnitt in geschweiften Klammern ist nicht richtig geschlossen – prüfen Sie die Kommas "
        "und die schließende „}“; ein Text mit Komma oder Klammer gehört in Anführungszeichen.",
    ),
    (
        "mapping values are not allowed",
        "Ein Doppelpunkt mit Leerzeichen steht mitten in einem Wert – ist die Zeile zu "
        "weit eingerückt, oder gehört der Wert in Anführungszeichen (z. B. titel: "
        '"Antrag: Neubau")?',
    ),
    ("could not find expected ':'", "Nach einem Schlüssel fehlt der Doppelpunkt – schreiben Sie `schlüssel: wert`."),
    (
        "expected <block end>",
        "Die Einrückung passt nicht zur Zeile davor – Einträge einer Ebene stehen genau "
        "untereinander, Unterpunkte mit zwei Leerzeichen mehr.",
    ),
    (
        "did not find expected '-'",
        "Ein Listeneintrag beginnt nicht mit „- “ oder ist anders eingerückt als die übrigen.",
    ),
    (
        "did not find expected key",
        "Hier erwartet YAML einen Schlüssel (`name: wert`) – prüfen Sie Einrückung und Bindestriche.",
    ),
    (
        "unexpected end of stream",
        "Ein Anführungszeichen oder eine Klammer wird bis zum Ende der Datei nicht "
        'geschlossen – prüfen Sie, ob jedes „"“, „[“ und „{“ sein Gegenstück hat.',
    ),
    (
        "cannot start any token",
        "Ein Zeichen wie @, ` oder % kann keinen Wert beginnen – setzen Sie den Wert in Anführungszeichen.",
    ),
    (
        "found unknown escape character",
        "In doppelten Anführungszeichen leitet „\\“ ein Sonderzeichen ein – schreiben Sie "
        "den Text in einfachen Anführungszeichen oder verdoppeln Sie den Rückstrich.",
    ),
)


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    """The parser's reason in German; its English words never reach the user."""
    problem = f"{error.context or ''} {error.problem or ''}"
    for pattern, reason in _REASONS:
        if pattern in problem:
            return reason if pattern == "'\\t'" else f"YAML-Syntaxfehler: {reason}"
    return (
        "YAML-Syntaxfehler – prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der "
        "Zeile davor."
    )


def _glued(before: yaml.Node | None, item: yaml.Node) -> bool:
    """Whether two plain scalars of a list stand with a comma alone between them, as in [142,600]."""
    return (
        isinstance(before, yaml.ScalarNode)
        and not before.style
        and isinstance(item, yaml.ScalarNode)
        and item.start_mark.index == before.end_mark.index + 1
    )


def _convert(node: yaml.Node, shown: str) -> tuple[Node, list[Problem]]:
    """The node and everything under it, with file and line; a key that is no plain name or that stands twice is
    a problem (and left out)."""
    where = Where(shown, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):  # value None (Python loader) or "" (libyaml); escapes ("\a") resolved
        return Scalar(where, node.value, plain=not node.style), steuerzeichen.im_text(node.value or "", where)
    problems: list[Problem] = []
    if isinstance(node, yaml.SequenceNode):
        sequence = Sequence(where)
        before = None
        for item in node.value:
            converted, found = _convert(item, shown)
            if isinstance(converted, Scalar) and converted.plain and _glued(before, item):
                converted.nach_komma = True
            sequence.items.append(converted)
            problems += found
            before = item
        return sequence, problems
    mapping = Mapping(where)
    for key_node, value_node in node.value:
        key_where = Where(shown, key_node.start_mark.line + 1)
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(
                Problem(key_where, "Ein Schlüssel muss ein einfacher Name sein – schreiben Sie `name: wert`.")
            )
            continue
        key = key_node.value
        if key in mapping.entries:
            first = mapping.entries[key][0].line
            problems.append(
                Problem(
                    key_where,
                    f"Der Schlüssel „{key}“ steht doppelt (zuerst in Zeile {first}) – "
                    "YAML würde den ersten Wert stillschweigend verwerfen; "
                    "löschen Sie einen der beiden Einträge.",
                )
            )
            continue
        converted, found = _convert(value_node, shown)
        mapping.entries[key] = (key_where, converted)
        problems += found
    return mapping, problems
