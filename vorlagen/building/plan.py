"""Reuse or render: the decisions of a build, made from the previous manifest and the current state alone.

Nothing here composes, renders or writes; the builder carries the decisions out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vorlagen.building.cache import Entry, Manifest, Stand
from vorlagen.load.vorlagenordner import VorlageSource


def reusable(previous: Entry | None, stand: Stand, old: Manifest) -> Entry | None:
    """The previous entry when every value of its record is still current and its files are all there."""
    if previous is None or not stand.unchanged(previous.reads) or not old.present(previous):
        return None
    return previous


def pdf_reusable(
    previous: Entry | None, path: str, key: str, stand: Stand, old: Manifest, begleiter: list[str] | None = None
) -> bool:
    """Whether one PDF of an entry that changed otherwise can be linked: rendered from the same document and key,
    every file WeasyPrint read for it unchanged, and still there as it was written – it and the files made with it
    (`begleiter`: its Word file)."""
    return (
        previous is not None
        and previous.pdfs.get(path) == key
        and all(old.intact(previous, made) for made in [path, *(begleiter or [])])
        and stand.unchanged(previous.pdf_reads.get(path, {}))
    )


@dataclass
class Vorlagenplan:
    """Which Vorlagen are taken over unchanged (with their previous entry) and which are composed anew."""

    reused: list[tuple[VorlageSource, Entry]] = field(default_factory=list)
    todo: list[VorlageSource] = field(default_factory=list)


def vorlagen(sources: list[VorlageSource], old: Manifest, stand: Stand) -> Vorlagenplan:
    """The plan for every Vorlage; those to compose largest first, so that the workers end together."""
    plan = Vorlagenplan()
    for source in sources:
        previous = reusable(old.entries.get(f"vorlage:{source.slug}"), stand, old)
        if previous is not None and previous.ordner == source.folder.name:
            plan.reused.append((source, previous))
        else:
            plan.todo.append(source)
    plan.todo.sort(key=lambda s: -sum(t.size for t in s.texts.values()))
    return plan
