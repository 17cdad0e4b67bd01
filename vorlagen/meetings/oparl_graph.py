"""The OParl 1.1 object graph: every object by its id (an absolute URL below `<basis_url>oparl/`) and the date
it is stamped with; the fields in EMBED hold ids in the graph and are replaced by the objects themselves when the
pages are written (oparl_pages.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from vorlagen.core.fmt import slugify
from vorlagen.load.facts import Facts

Objekt = dict[str, Any]  # one OParl object as JSON
SCHEMA = "https://schema.oparl.org/1.1/"


ZONE = ZoneInfo("Europe/Berlin")


EMBED = {
    "Meeting": ("location", "invitation", "resultsProtocol", "auxiliaryFile", "agendaItem"),
    "Paper": ("mainFile", "auxiliaryFile", "consultation"),
    "Body": ("legislativeTerm",),
}


# Body field → (list file name, object type); every list of the Body, in the order the specification names them.
LISTS = {
    "organization": ("organization", "Organization"),
    "person": ("person", "Person"),
    "meeting": ("meeting", "Meeting"),
    "paper": ("paper", "Paper"),
    "agendaItem": ("agendaitem", "AgendaItem"),
    "consultation": ("consultation", "Consultation"),
    "file": ("file", "File"),
    "locationList": ("location", "Location"),
    "legislativeTermList": ("legislativeterm", "LegislativeTerm"),
}


def kind(obj: Objekt) -> str:
    """'https://schema.oparl.org/1.1/Paper' → 'Paper'."""
    return obj["type"].removeprefix(SCHEMA)


@dataclass
class Graph:
    """Every object by id, and for each object the date it is stamped with when first published."""

    base: str  # the URL of output/, ending in '/'
    objects: dict[str, Objekt] = field(default_factory=dict)
    dates: dict[str, dt.date] = field(default_factory=dict)

    @property
    def root(self) -> str:
        return self.base + "oparl/"

    def url(self, *parts: str) -> str:
        """The id of an object or list page: <root>part/part.json."""
        return self.root + "/".join(parts) + ".json"

    def add(self, obj: Objekt, date: dt.date) -> str:
        self.objects[obj["id"]] = obj
        self.dates[obj["id"]] = date
        return obj["id"]

    def path(self, url: str) -> PurePosixPath:
        """The output path of an id or page URL."""
        return PurePosixPath("oparl") / url.removeprefix(self.root)

    def body_id(self, facts: Facts) -> str:
        return self.url("body", slugify(facts.koerperschaft.name))


def wiederhergestellt(graph: Graph, obj: Objekt) -> str:
    """An object as an earlier build published it (embedded objects expanded, stamped with created/modified) back
    in the graph unchanged: the Paper of a Vorlage's last released state while it is an ENTWURF. Its stamps are the
    ledger's to give again (an unchanged object keeps them)."""
    try:  # the day it was first published
        day = dt.date.fromisoformat(str(obj.get("created"))[:10])
    except ValueError:
        day = dt.date(2000, 1, 1)
    if not isinstance(obj.get("id"), str) or not isinstance(obj.get("type"), str):
        raise ValueError("kein OParl-Objekt")
    obj = {name: value for name, value in obj.items() if name not in ("created", "modified")}
    for name in EMBED.get(kind(obj), ()):
        value = obj.get(name)
        if isinstance(value, dict):
            obj[name] = wiederhergestellt(graph, value)
        elif isinstance(value, list):
            obj[name] = [wiederhergestellt(graph, v) if isinstance(v, dict) else v for v in value]
    return graph.add(obj, day)
