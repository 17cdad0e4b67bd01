"""Streams a YAML file's events before it is composed: no aliases, no deep nesting, no endless lists.

It stops at the first offence, so a bomb costs as little as its first thousand entries.
"""

from __future__ import annotations

import yaml

from vorlagen.core.fmt import zahl
from vorlagen.core.limits import MAX_EINTRAEGE, MAX_TIEFE

ALIAS = ("YAML-Verweise (*name auf einen &name-Anker) sind in den Datendateien nicht erlaubt – schreiben Sie den "
         "Wert an jeder Stelle aus.")
TIEF = (f"Die Angaben sind mehr als {MAX_TIEFE} Ebenen tief verschachtelt – so tief ist keine Datendatei; prüfen Sie "
        "Klammern und Einrückung.")


def zu_viele(name: str) -> str:
    return (f"„{name}“ hat mehr als {zahl(MAX_EINTRAEGE)} Einträge – so lange Listen und Tabellen braucht kein "
            "Dokument; prüfen Sie, ob die Datei richtig erzeugt wurde, oder legen Sie lange Aufstellungen als "
            "PDF-Anlage bei.")


class _Open:
    """A collection being read: how many nodes it holds so far, and the key it stands under."""

    def __init__(self, event, name: str, line: int):
        self.mapping = isinstance(event, yaml.MappingStartEvent)
        self.line = line  # of its key, where it stands under one; else its own
        self.name = name
        self.nodes = 0
        self.key, self.key_line = name, line

    @property
    def entries(self) -> int:
        return (self.nodes + 1) // 2 if self.mapping else self.nodes


def unsafe(text: str, name: str, loader) -> tuple[int, str] | None:
    """(line, message) of the first alias, nesting deeper than MAX_TIEFE or collection longer than MAX_EINTRAEGE;
    None also on a syntax error, which composing reports with its precise message."""
    stack: list[_Open] = []
    events = yaml.parse(text, Loader=loader)
    while True:
        try:
            event = next(events)
        except (StopIteration, yaml.YAMLError):
            return None
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1, ALIAS
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
                parent.key_line = event.start_mark.line + 1
            if parent.entries > MAX_EINTRAEGE:
                return parent.line, zu_viele(parent.name)
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) == MAX_TIEFE:
                return event.start_mark.line + 1, TIEF
            under_key = parent is not None and parent.mapping and parent.nodes % 2 == 0
            stack.append(_Open(event, parent.key if parent is not None else name,
                               parent.key_line if under_key else event.start_mark.line + 1))
