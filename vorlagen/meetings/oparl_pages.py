"""The files of the OParl endpoint: each object at its id, paginated lists, created/modified from a ledger.

The ledger remembers, per id, a hash of the object as published and its created/modified stamps:
an unchanged object keeps its stamps (byte-identical rebuilds), a changed one is stamped `now`, and
an object that disappears stays as a `deleted: true` tombstone. Without a ledger (the first build, a
fresh clone) every object is stamped with its own date from the data, so fresh builds agree too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import PurePosixPath
from typing import Any

from vorlagen.meetings.oparl_graph import EMBED, LISTS, SCHEMA, ZONE, Graph, kind


def now() -> dt.datetime:
    return dt.datetime.now(ZONE).replace(microsecond=0)


def dumps(obj: object) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode()


def _hash(obj: dict) -> str:
    return hashlib.sha256(json.dumps(obj, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _ledger(ledger: bytes | None) -> dict[str, dict] | None:
    """The previous ledger: per id the hash of the object as published, its type and stamps; None when there is
    none or it is damaged in any way (it is made anew, as for a first build)."""
    if ledger is None:
        return None
    try:
        old = json.loads(ledger)
    except ValueError:  # not JSON, not UTF-8, cut off
        return None
    stamps = ("hash", "type", "created", "modified")
    if not isinstance(old, dict) or not all(
        isinstance(entry, dict) and all(isinstance(entry.get(key), str) for key in stamps) for entry in old.values()
    ):
        return None
    return old


class Pages:
    """Stamps the graph against the previous ledger and lays it out as files."""

    def __init__(self, graph: Graph, ledger: bytes | None, page_size: int, when: dt.datetime | None = None):
        self.graph, self.page_size = graph, page_size
        old = _ledger(ledger)
        self.old: dict[str, dict] = old or {}
        self.fresh = old is None  # no ledger, or a damaged one: every object stamped with its own date
        self.when = (when or now()).isoformat()
        self.ledger: dict[str, dict] = {}
        self.done: dict[str, dict] = {}  # id → the object as published, embedded objects expanded and stamped

    def object(self, object_id: str) -> dict:
        """The published form of an object: embedded objects expanded, created and modified set."""
        if object_id in self.done:
            return self.done[object_id]
        obj = dict(self.graph.objects[object_id])
        for name in EMBED.get(kind(obj), ()):
            if name in obj:
                value = obj[name]
                obj[name] = [self.object(v) for v in value] if isinstance(value, list) else self.object(value)
        digest = _hash(_unstamped(obj))
        before = self.old.get(object_id)
        if before is not None and before["hash"] == digest and not before.get("deleted"):
            created, modified = before["created"], before["modified"]
        elif self.fresh:
            stamp = dt.datetime.combine(self.graph.dates[object_id], dt.time(), ZONE).isoformat()
            created = modified = stamp
        else:
            created, modified = (before["created"] if before else self.when), self.when
        obj["created"], obj["modified"] = created, modified
        self.ledger[object_id] = {"type": obj["type"], "hash": digest, "created": created, "modified": modified}
        self.done[object_id] = obj
        return obj

    def tombstones(self) -> dict[str, dict]:
        """Objects published before and gone now: kept with `deleted: true`."""
        gone = {}
        for object_id, before in sorted(self.old.items()):
            if object_id in self.graph.objects:
                continue
            modified = before["modified"] if before.get("deleted") else self.when
            gone[object_id] = {
                "id": object_id,
                "type": before["type"],
                "created": before["created"],
                "modified": modified,
                "deleted": True,
            }
            self.ledger[object_id] = {**before, "modified": modified, "deleted": True}
        return gone

    def files(self) -> dict[PurePosixPath, bytes]:
        """Output path → content: every object, every list page. `self.ledger` is complete afterwards."""
        g = self.graph
        published = {object_id: self.object(object_id) for object_id in sorted(g.objects)}
        published.update(self.tombstones())
        files = {g.path(object_id): dumps(obj) for object_id, obj in published.items()}
        system = published[g.url("system")]
        body = next(o for o in published.values() if kind(o) == "Body" and not o.get("deleted"))
        files.update(self._list(system["body"], [o for o in published.values() if kind(o) == "Body"]))
        for name, (_, type_name) in LISTS.items():
            members = [o for o in published.values() if kind(o) == type_name]
            files.update(self._list(body[name], members))
        return files

    def ledger_bytes(self) -> bytes:
        return dumps(dict(sorted(self.ledger.items())))

    def _list(self, first: str, members: list[dict]) -> dict[PurePosixPath, bytes]:
        """The pages of one list, ordered by id: <list>/1.json, <list>/2.json, …"""
        members = sorted(members, key=lambda o: o["id"])
        total = max(1, -(-len(members) // self.page_size))
        stem = first.removesuffix("1.json")
        pages = {}
        for number in range(1, total + 1):
            links = {"first": stem + "1.json", "last": f"{stem}{total}.json", "self": f"{stem}{number}.json"}
            if number > 1:
                links["prev"] = f"{stem}{number - 1}.json"
            if number < total:
                links["next"] = f"{stem}{number + 1}.json"
            data = members[(number - 1) * self.page_size : number * self.page_size]
            page = {
                "data": data,
                "pagination": {
                    "totalElements": len(members),
                    "elementsPerPage": self.page_size,
                    "currentPage": number,
                    "totalPages": total,
                },
                "links": links,
            }
            pages[self.graph.path(links["self"])] = dumps(page)
        return pages


def _unstamped(value: Any) -> Any:
    """The object without created/modified anywhere inside: what its hash covers."""
    if isinstance(value, dict):
        return {k: _unstamped(v) for k, v in value.items() if k not in ("created", "modified")}
    if isinstance(value, list):
        return [_unstamped(v) for v in value]
    return value


_FILE_KEYS = ("invitation", "resultsProtocol", "verbatimProtocol", "mainFile", "auxiliaryFile")


def _only(obj: dict, files: set[str]) -> dict:
    """An object whose File references name only files in `files` (a bundle built before the Niederschrift, say)."""
    kept = dict(obj)
    for key in _FILE_KEYS:
        value = kept.get(key)
        if isinstance(value, dict) and value.get("fileName") not in files:
            del kept[key]
        elif isinstance(value, list):
            kept[key] = [f for f in value if not isinstance(f, dict) or f.get("fileName") in files]
            if not kept[key]:
                del kept[key]
    return kept


def bundle_json(pages: Pages, meeting_id: str, files: set[str]) -> bytes:
    """The publish bundle's oparl.json: the Meeting, the Papers on its public TOPs and the Organizations, as published,
    naming only the files the bundle holds."""
    meeting = _only(pages.object(meeting_id), files)
    papers = []
    for item in meeting.get("agendaItem", []):
        if "consultation" in item:
            paper = pages.graph.objects[item["consultation"]]["paper"]
            if paper not in papers:
                papers.append(paper)
    organizations = [
        pages.object(i)
        for i in sorted(pages.graph.objects)
        if pages.graph.objects[i]["type"] == SCHEMA + "Organization"
    ]
    return dumps(
        {"meeting": meeting, "paper": [_only(pages.object(p), files) for p in papers], "organization": organizations}
    )
