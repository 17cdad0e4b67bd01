"""Name lookups for prose: an unknown name is an error with a suggestion, never empty text."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from vorlagen.core.reads import Recorded
from vorlagen.load.records import suggest


class UnknownName(Exception):
    """A text asked for a name that does not exist (not a LookupError, so Jinja does not swallow it)."""

    def __init__(self, name: object, known: Iterable[object], kind: str) -> None:
        self.name, self.known, self.kind = str(name), sorted(map(str, known)), kind
        super().__init__(self.message())

    def message(self) -> str:
        known = ", ".join(self.known) if self.known else "keine"
        return f"„{self.name}“ gibt es nicht in {self.kind}{suggest(self.name, self.known) or '.'} Vorhanden: {known}."


class NoValue(UnknownName):
    """A name that exists but has no value here, with the reason and what to do."""

    def __init__(self, message: str) -> None:
        Exception.__init__(self, message)
        self.text = message

    def message(self) -> str:
        return self.text


class Names(Recorded):
    """A dict whose missing keys raise UnknownName naming `kind` (what the names are of, as messages say it); like
    every Recorded mapping it notes the reads behind what a document asks for (`reads_of`, `listing`: see
    core/reads.py)."""

    def __init__(
        self,
        kind: str,
        items: Iterable[tuple[Any, Any]] | Mapping[Any, Any] = (),
        spaeter: frozenset[str] = frozenset(),
        reads_of: Callable[[Any], dict[Path | str, str]] | None = None,
        listing: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(items, reads_of, listing)
        self.kind = kind
        self.spaeter = spaeter  # a Vorlage's tables only: the ids computed after its figures (see kennzahlen)

    @classmethod
    def of(cls, kind: str, facts: dict) -> Names:
        """Names over a mapping of facts, noting the same reads when it is a Recorded one."""
        if isinstance(facts, Recorded):
            return cls(kind, dict.items(facts), reads_of=facts.reads_of, listing=facts.listing)
        return cls(kind, facts)

    def __getitem__(self, key: Any) -> Any:
        self._note(key)
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            raise UnknownName(key, dict.keys(self), self.kind) from None


class Named:
    """Mixin for computed records: asking for a field that does not exist raises UnknownName."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        fields: list[str] = (
            [f.name for f in dataclasses.fields(self) if not f.name.startswith("_")]
            if dataclasses.is_dataclass(self)
            else []
        )
        props = [n for n in dir(type(self)) if isinstance(getattr(type(self), n, None), property)]
        raise UnknownName(name, fields + props, f"„{getattr(type(self), 'NAME', type(self).__name__)}“")
