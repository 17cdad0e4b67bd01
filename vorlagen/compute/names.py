"""Name lookups for prose: an unknown name is an error with a suggestion, never empty text."""

from __future__ import annotations

import dataclasses

from vorlagen.load.records import suggest


class UnknownName(Exception):
    """A text asked for a name that does not exist (not a LookupError, so Jinja does not swallow it)."""

    def __init__(self, name, known, kind: str):
        self.name, self.known, self.kind = str(name), sorted(map(str, known)), kind
        super().__init__(self.message())

    def message(self) -> str:
        known = ", ".join(self.known) if self.known else "keine"
        return f"„{self.name}“ gibt es nicht in {self.kind}{suggest(self.name, self.known) or '.'} Vorhanden: {known}."


class NoValue(UnknownName):
    """A name that exists but has no value here, with the reason and what to do."""

    def __init__(self, message: str):
        Exception.__init__(self, message)
        self.text = message

    def message(self) -> str:
        return self.text


class Names(dict):
    """A dict whose missing keys raise UnknownName naming `kind` (what the names are of, as messages say it)."""

    def __init__(self, kind: str, items=(), spaeter: frozenset[str] = frozenset()):
        super().__init__(items)
        self.kind = kind
        self.spaeter = spaeter  # a Vorlage's tables only: the ids computed after its figures (see kennzahlen)
        self.read: set = set()  # keys asked for, so a cache knows what a text depends on

    def __getitem__(self, key):
        self.read.add(key)
        try:
            return super().__getitem__(key)
        except KeyError:
            raise UnknownName(key, self.keys(), self.kind) from None


class Named:
    """Mixin for computed records: asking for a field that does not exist raises UnknownName."""

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        fields = (
            [f.name for f in dataclasses.fields(self) if not f.name.startswith("_")]
            if dataclasses.is_dataclass(self)
            else []
        )
        props = [n for n in dir(type(self)) if isinstance(getattr(type(self), n, None), property)]
        raise UnknownName(name, fields + props, f"„{getattr(type(self), 'NAME', type(self).__name__)}“")
