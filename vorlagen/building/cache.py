"""The record of each output document, and the manifest that keeps the records of the previous build.

A document's record is everything it was made from, taken where it was read (core/reads.py): every data file by
the hash of its content (the loader's reads, each fact a text or table asked for, what WeasyPrint read for its
PDF), the data folder's lists it looked at ('@liste:…', '@nummer:…') and the engine ('@engine': the program's code
and templates, the data's own templates, koerperschaft.yaml and the library versions). The record is the cache
key: a document whose every recorded value is still current is linked from the previous output unchanged.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.building.state import MANIFEST
from vorlagen.core.engine import LIBRARIES, code_files
from vorlagen.core.reads import ABSENT, hash_of, read_file
from vorlagen.load.facts import Facts
from vorlagen.load.vertretung import DATEI as VERTRETUNG
from vorlagen.render.templates import TEMPLATES

if TYPE_CHECKING:
    from vorlagen.building.satzprozess import RenderJob

ENGINE = "@engine"  # the record's name for the program, the data's templates and koerperschaft.yaml


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _tree(folder: Path) -> list[str]:
    """Every file below a folder: its relative path and the hash of its content."""
    if not folder.is_dir():
        return []
    parts: list[str] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        parts += [path.relative_to(folder).as_posix(), hash_of(path)]
    return parts


def engine_key(facts: Facts) -> str:
    """The code, templates, fonts, koerperschaft.yaml (and vertretung.yaml) and library versions: what shapes every document."""
    versions = [f"{name}={importlib.metadata.version(name)}" for name in LIBRARIES]
    code = [hash_of(p) for p in code_files()]
    common = [hash_of(facts.data_dir / "koerperschaft.yaml")]
    if facts.vertretung is not None:  # the names of every Einreicher and Fraktion
        common.append(hash_of(facts.data_dir / VERTRETUNG))
    return digest(*versions, *code, *_tree(TEMPLATES), *_tree(facts.data_dir / "templates"), *common)


def record_key(reads: Mapping[str, str]) -> str:
    """The key of a record: one hash over its names and values."""
    return digest(*(part for name in sorted(reads) for part in (name, reads[name])))


def relative_reads(reads: Mapping[Path | str, str], data_dir: Path) -> dict[str, str]:
    """The recorded reads as the manifest keeps them: files inside the data folder by their path relative to it,
    the data folder's lists by their name; files of the engine are left out (the engine key covers them)."""
    result = {}
    for name, value in reads.items():
        if isinstance(name, str) and name.startswith("@"):
            result[name] = value
            continue
        path = Path(name)
        if not path.is_relative_to(data_dir):  # a link, or a file of the engine
            path = path.resolve()
        if path.is_relative_to(data_dir):
            result[path.relative_to(data_dir).as_posix()] = value
    return result


class Stand:
    """The current value of every name a record can hold: a data file as the load read it (or, for files the load
    does not read – images, stylesheets, fonts –, as it is now), a list of the data folder, the engine."""

    def __init__(self, facts: Facts, engine: str):
        self.data_dir, self.engine = facts.data_dir, engine
        self.known: dict[str, str] = dict(facts.stand)
        self.known.update(relative_reads(facts.gelesen, facts.data_dir))
        self.known[ENGINE] = engine

    def value(self, name: str) -> str:
        if name not in self.known:
            self.known[name] = ABSENT if name.startswith("@") else hash_of(self.data_dir / name)
        return self.known[name]

    def unchanged(self, reads: Mapping[str, str]) -> bool:
        """True when every recorded name still has the value it had when it was read."""
        return all(self.value(name) == value for name, value in reads.items())


def render_key(job: RenderJob, engine: str) -> str:
    """What a rendered PDF (and the Word file made with it) depends on besides the files WeasyPrint reads: the engine,
    its document, its base folder, its text, the Hausstil's rules of the print and whether it comes with a Word file. The project's location is left out (as from the PDF's
    /ID), so clones agree."""
    html, base = job.html, job.base.as_uri()
    for root in job.roots:
        html, base = html.replace(root.as_uri(), ""), base.replace(root.as_uri(), "")
    return digest(
        engine, html, base, job.text or "", job.created.isoformat(), repr(job.satz), "word" if job.word else ""
    )


def packet_key(agenda: str, members: list[Entry]) -> str:
    """Packets and the publish bundle hold the agenda and the Vorlagen themselves: their keys count."""
    return digest(agenda, *(entry.key for entry in members))


@dataclass
class Entry:
    key: str  # the hash of its record (`reads`)
    files: list[str]
    pdfs: dict[str, str] = field(default_factory=dict)  # PDF path → hash of what it was rendered from
    reads: dict[str, str] = field(default_factory=dict)  # its record: data file (relative) or '@…' → value
    pdf_reads: dict[str, dict[str, str]] = field(default_factory=dict)  # PDF path → files WeasyPrint read for it
    entwurf: list[str] = field(default_factory=list)  # Vorlage: what keeps it an ENTWURF (open sign-offs)
    warnungen: dict[str, list[str]] = field(default_factory=dict)  # PDF path → what the layout check found
    ordner: str = ""  # Vorlage: its folder in vorlagen/ (a renumbered Vorlage is matched by it)
    betreff: str = ""  # Vorlage: its Betreff (a moved and renumbered one is matched by it)
    inhalt: dict[str, str] = field(default_factory=dict)  # file → SHA-256 of the bytes this build put there


class Manifest:
    """The record of the previous build: entry name → Entry, and every file it wrote."""

    def __init__(self, out: Path, entries: dict[str, Entry] | None = None, dateien: list[str] | None = None):
        self.out = out
        self.entries = entries or {}
        self.dateien = dateien  # None when unknown

    @classmethod
    def load(cls, out: Path, state: Path) -> Manifest:
        """The manifest of the previous build; an empty one when it is missing or damaged in any way."""
        try:
            raw = json.loads(read_file(state / MANIFEST, within=state, noted=False).decode("utf-8"))
            entries = {name: Entry(**value) for name, value in raw["eintraege"].items()}
            return cls(out, entries, list(raw["dateien"]))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls(out)

    def present(self, entry: Entry) -> bool:
        """Whether every file of an entry is still in the previous output, as that build wrote it."""
        return all(self.intact(entry, f) for f in entry.files)

    def intact(self, entry: Entry, name: str) -> bool:
        """Whether a file of the previous output still holds the bytes its entry wrote: a file changed after the
        build (by hand, by another program) is made anew, so that what is published is what was built and
        signed. An entry of an older manifest without the digests is made anew once."""
        expected = entry.inhalt.get(name)
        return expected is not None and hash_of(self.out / name) == expected

    def dumps(self, dateien: dict[str, str]) -> bytes:
        """The manifest of this build; `dateien`: every file it wrote or linked → SHA-256 of its bytes, which each
        entry keeps for its own files (a file is reused only while it still holds them)."""
        for entry in self.entries.values():
            entry.inhalt = {name: dateien[name] for name in entry.files if name in dateien}
        data = {
            "eintraege": {name: vars(entry) for name, entry in sorted(self.entries.items())},
            "dateien": sorted(dateien),
        }
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
