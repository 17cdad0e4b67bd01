"""Streams a YAML file's events before it is composed: no aliases, no deep nesting, no endless lists.

It stops at the first offence, so a bomb costs as little as its first thousand entries.
"""

from __future__ import annotations

import re

import yaml

from vorlagen.core.fmt import zahl
from vorlagen.core.limits import MAX_EINTRAEGE, MAX_TIEFE

ALIAS = (
    "YAML-Verweise (*name auf einen &name-Anker) sind in den Datendateien nicht erlaubt – schreiben Sie den "
    "Wert an jeder Stelle aus."
)
TIEF = (
    f"Die Angaben sind mehr als {MAX_TIEFE} Ebenen tief verschachtelt – so tief ist keine Datendatei; prüfen Sie "
    "Klammern und Einrückung."
)


def zu_viele(name: str) -> str:
    return (
        f"„{name}“ hat mehr als {zahl(MAX_EINTRAEGE)} Einträge – so lange Listen und Tabellen braucht kein "
        "Dokument; prüfen Sie, ob die Datei richtig erzeugt wurde, oder legen Sie lange Aufstellungen als "
        "PDF-Anlage bei."
    )


class _Open:
    """A collection being read: how many nodes it holds so far, and the key it stands under."""

    def __init__(self, event: yaml.Event, name: str, line: int) -> None:
        self.mapping = isinstance(event, yaml.MappingStartEvent)
        self.line = line  # of its key, where it stands under one; else its own
        self.name = name
        self.nodes = 0
        self.key, self.key_line = name, line

    @property
    def entries(self) -> int:
        return (self.nodes + 1) // 2 if self.mapping else self.nodes


def _line(event: yaml.Event) -> int:
    """The line an event starts on, counted from 1; the parser marks every event it yields."""
    assert event.start_mark is not None
    return event.start_mark.line + 1


# Indentation and block indicators at the start of a line: a block collection begins no further right than these.
_LEAD = re.compile(r"^[ \t?:.-]*", re.MULTILINE)
# Characters that break lines for this module's splitting but are not YAML line breaks (YAML rejects them anyway).
_ODD_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def surely_safe(text: str) -> bool:
    """True only when the text provably holds no alias, no nesting deeper than MAX_TIEFE and no collection longer
    than MAX_EINTRAEGE, by counting characters; False means "stream it" (unsafe decides).

    Proof, for every event sequence a YAML parser (PyYAML or libyaml) can produce from the text, valid or not:
    - An alias event needs an alias token, which starts with "*"; no "*", no alias. A "*" that follows, after
      blanks only, a word of plain text – its last character a letter, digit or one of ")%._", its first none of
      the indicators "&!*|>'\"" – cannot start a token: that word is part of a plain scalar (no other token ends
      so), and a plain scalar runs on over blanks and "*" in block and in flow context alike (it ends only at
      ": ", " #", a line break or, in flow context, at ",[]{}"). See _stars_are_text.
    - Entries: each entry of a block sequence has its own "-"; each entry of a block mapping its own ":" (implicit
      key) or "?" (explicit key); n entries of a flow collection are separated by at least n - 1 ",". So no single
      collection has more entries than count("-") + count(":") + count("?") + count(",") + 1.
    - Nesting: a chain of nested collections is block collections, then flow collections (no block inside flow).
      Every flow collection opens with "[" or "{", so the flow part is at most count("[") + count("{") deep.
      A block collection begins at the column of its first "-", "?", ":" or key (a key's own anchor or tag starts
      the key): a character that is no blank, stands at the line's start or after a blank, and has left of it on
      its line only indentation and a parent's "- ", "? ", ": " or a "--- ". So its column is one of `columns`,
      found in the longest run of " \t?:.-" that starts each line. A nested block collection begins strictly
      right of its parent except an indentless sequence under a mapping key, whose own children are again strictly
      right; so a chain of b block collections spans at least b / 2 distinct columns: b <= 2 * len(columns).
    - Lines are split as YAML splits them ("\n", "\r", "\r\n" are treated alike below); on any other character
      that would change the split we return False.
    """
    if any(odd in text for odd in _ODD_BREAKS):
        return False
    if "*" in text and not _stars_are_text(text):
        return False
    if sum(text.count(mark) for mark in "-:?,") + 1 > MAX_EINTRAEGE:
        return False
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    columns = {
        column
        for lead in set(_LEAD.findall(lines))
        for column in range(len(lead) + 1)
        if (column == 0 or lead[column - 1] in " \t") and (column == len(lead) or lead[column] not in " \t")
    }
    return 2 * len(columns) + text.count("[") + text.count("{") <= MAX_TIEFE


def _stars_are_text(text: str) -> bool:
    """True when every "*" of the text continues a plain scalar (a formula's product), so none starts an alias."""
    for line in text.replace("\r", "\n").split("\n"):
        start = 0
        while (i := line.find("*", start)) >= 0:
            before = line[:i].rstrip(" \t")
            word = before.rsplit(None, 1)[-1] if before.strip() else ""
            if not word or not (word[-1].isalnum() or word[-1] in ")%._") or word[0] in "&!*|>'\"":
                return False
            start = i + 1
    return True


def unsafe(text: str, name: str, loader: type[yaml.SafeLoader]) -> tuple[int, str] | None:
    """(line, message) of the first alias, nesting deeper than MAX_TIEFE or collection longer than MAX_EINTRAEGE;
    None also on a syntax error, which composing reports with its precise message."""
    return None if surely_safe(text) else streamed(text, name, loader)


def streamed(text: str, name: str, loader: type[yaml.SafeLoader]) -> tuple[int, str] | None:
    """unsafe's answer from the parser's event stream: exact, stops at the first offence."""
    stack: list[_Open] = []
    events = yaml.parse(text, Loader=loader)
    while True:
        try:
            event = next(events)
        except (StopIteration, yaml.YAMLError):
            return None
        if isinstance(event, yaml.AliasEvent):
            return _line(event), ALIAS
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            continue
        if not isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            continue
        parent = stack[-1] if stack else None
        if parent is not None:
            parent.nodes += 1
            if parent.mapping and parent.nodes % 2 == 1:
                parent.key = event.value if isinstance(event, yaml.ScalarEvent) else parent.name
                parent.key_line = _line(event)
            if parent.entries > MAX_EINTRAEGE:
                return parent.line, zu_viele(parent.name)
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) == MAX_TIEFE:
                return _line(event), TIEF
            under_key = parent is not None and parent.mapping and parent.nodes % 2 == 0
            stack.append(
                _Open(
                    event,
                    parent.key if parent is not None else name,
                    parent.key_line if parent is not None and under_key else _line(event),
                )
            )
