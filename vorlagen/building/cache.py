"""Reuse of unchanged outputs: a key per Vorlage and per Sitzung over everything that affects their files.

The previous output is the cache: its manifest (in the state folder, see state.py) records each entry's
key, its files and every data file it read with the hash of what was read (recorded where the reads
happen: loader, prose, PDF renderer). A build links the files of entries whose key is unchanged and
whose reads still hash the same instead of composing and rendering them again.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from dataclasses import dataclass, field
from pathlib import Path

from vorlagen.building.state import MANIFEST
from vorlagen.compute.niederschrift import beratungsergebnisse
from vorlagen.core.engine import LIBRARIES, code_files
from vorlagen.core.reads import hash_of, read_file
from vorlagen.load.facts import Facts, VorlageSource
from vorlagen.load.mitzeichnung import DATEI as MITZEICHNUNGEN
from vorlagen.load.mitzeichnung import ORDNER, datei
from vorlagen.render.templates import TEMPLATES


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _tree(folder: Path) -> list[bytes | str]:
    """Every file below a folder: its relative path and its content."""
    if not folder.is_dir():
        return []
    parts: list[bytes | str] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        parts += [path.relative_to(folder).as_posix(), hash_of(path)]
    return parts


def engine_key(facts: Facts) -> str:
    """The code, templates, fonts, koerperschaft.yaml and library versions: a change here invalidates everything."""
    versions = [f"{name}={importlib.metadata.version(name)}" for name in LIBRARIES]
    code = [hash_of(p) for p in code_files()]
    common = hash_of(facts.data_dir / "koerperschaft.yaml")  # the logo counts where it is read (Entry.reads)
    return _digest(*versions, *code, *_tree(TEMPLATES), *_tree(facts.data_dir / "templates"), common)


def satz_fingerprint(facts: Facts, satz_id: str) -> str:
    satz = facts.saetze.get(satz_id)
    if satz is None:
        return "-"
    gueltig = f"{satz.gueltig.von}–{satz.gueltig.bis}" if satz.gueltig else ""
    return f"{satz.jahresbetrag}|{satz.kurz}|{satz.name}|{gueltig}"


def vorlage_key(facts: Facts, engine: str, source: VorlageSource, read_saetze: list[str]) -> str:
    """Everything a Vorlage's files depend on but the files it reads (see Entry.reads); `read_saetze` are the
    rates its texts read."""
    vorlage = source.vorlage
    sitzungen = [
        f"{b.sitzung}|{facts.sitzungen[b.sitzung].datum}|{facts.sitzungen[b.sitzung].gremium}"
        if b.sitzung is not None
        else f"offen|{b.gremium}"
        for b in vorlage.beratungsfolge
    ]
    bescheide = [hash_of(facts.data_dir / "bescheide" / f"{b}.yaml") for b in vorlage.bescheide]
    bescheide += [hash_of(facts.data_dir / "antraege" / f"{a}.yaml") for a in vorlage.antraege]
    tables = {s for t in vorlage.finanzierung for p in [*t.kosten, *t.abzuege] for s in p.saetze}
    bescheid_rates = {p.satz for b in vorlage.bescheide if b in facts.bescheide for p in facts.bescheide[b].positionen}
    bescheid_rates |= {p.satz for a in vorlage.antraege if a in facts.antraege for p in facts.antraege[a].positionen}
    used = sorted(tables | bescheid_rates | set(read_saetze))
    saetze = [f"{s}={satz_fingerprint(facts, s)}" for s in used]
    bezug = ""
    if vorlage.bezug:
        original = next((s.vorlage for s in facts.vorlagen if s.vorlage.nummer == vorlage.bezug.vorlage), None)
        bezug = f"{vorlage.bezug.vorlage}|{original.datum if original else ''}"
    results = [f"{sid}={e}" for (nummer, sid), e in sorted(_results(facts).items()) if nummer == vorlage.nummer]
    gezeichnet = str(
        [
            (source.folder / MITZEICHNUNGEN).is_file(),  # their content counts where it is read (reads)
            *((source.folder / ORDNER / datei(m.rolle)).is_file() for m in source.mitzeichnungen),
        ]
    )
    return _digest(
        engine,
        *sitzungen,
        *bescheide,
        *saetze,
        bezug,
        *results,
        gezeichnet,
        *_tree(facts.data_dir / "stellen"),
        *_tree(facts.data_dir / "kennzahlen"),
        *_tree(facts.data_dir / "haushalt"),
    )


def _results(facts: Facts) -> dict:
    """The recorded Beratungsergebnisse, computed once per Facts (a build asks for every Vorlage)."""
    cached = getattr(facts, "_ergebnisse", None)
    if cached is None:
        cached = beratungsergebnisse(facts)
        object.__setattr__(facts, "_ergebnisse", cached)
    return cached


def render_key(job, engine: str) -> str:
    """What a rendered PDF depends on: the engine (code, templates, stylesheet, fonts), its document,
    its base folder, its text and the Hausstil's rules of the print. The project's location is left out (as from the PDF's /ID), so
    clones agree."""
    html, base = job.html, job.base.as_uri()
    for root in job.roots:
        html, base = html.replace(root.as_uri(), ""), base.replace(root.as_uri(), "")
    return _digest(engine, html, base, job.text or "", job.created.isoformat(), repr(job.satz))


def agenda_key(facts: Facts, engine: str, sitzung_id: str, shown: list[str]) -> str:
    """A Sitzung's agendas depend on its file and on what they show of each Vorlage (Nummer, Betreff, links)."""
    return _digest(engine, hash_of(facts.data_dir / "sitzungen" / f"{sitzung_id}.yaml"), *shown)


def packet_key(agenda: str, members: list[Entry]) -> str:
    """Packets and the publish bundle hold the Vorlagen themselves: their keys and everything they read count."""
    return _digest(
        agenda,
        *(
            part
            for entry in members
            for part in (entry.key, *sorted(f"{name}={value}" for name, value in entry.reads.items()))
        ),
    )


def relative_reads(reads: dict[Path, str], data_dir: Path) -> dict[str, str]:
    """The recorded reads inside the data folder, by path relative to it (the engine key covers the rest)."""
    result = {}
    for path, value in reads.items():
        path = Path(path).resolve()
        if path.is_relative_to(data_dir):
            result[path.relative_to(data_dir).as_posix()] = value
    return result


@dataclass
class Entry:
    key: str
    files: list[str]
    saetze: list[str] = field(default_factory=list)  # Vorlage: rates its texts read
    pdfs: dict[str, str] = field(default_factory=dict)  # PDF path → hash of what it was rendered from
    reads: dict[str, str] = field(default_factory=dict)  # data file read (relative) → hash of its content
    pdf_reads: dict[str, dict[str, str]] = field(default_factory=dict)  # PDF path → files WeasyPrint read for it
    entwurf: list[str] = field(
        default_factory=list
    )  # Vorlage: what keeps it an ENTWURF (open sign-offs), for the Mappen
    warnungen: dict[str, list[str]] = field(default_factory=dict)  # PDF path → what the layout check found


class Manifest:
    """The record of the previous build: entry name → Entry, and every file it wrote."""

    def __init__(
        self, out: Path, data_dir: Path, entries: dict[str, Entry] | None = None, dateien: list[str] | None = None
    ):
        self.out, self.data_dir = out, data_dir
        self.entries = entries or {}
        self.dateien = dateien  # None when unknown
        self._hashes: dict[str, str] = {}

    @classmethod
    def load(cls, out: Path, state: Path, data_dir: Path) -> Manifest:
        try:
            raw = json.loads(read_file(state / MANIFEST, within=state, noted=False).decode("utf-8"))
            entries = {name: Entry(**value) for name, value in raw["eintraege"].items()}
            return cls(out, data_dir, entries, list(raw["dateien"]))
        except (OSError, ValueError, TypeError, KeyError):
            return cls(out, data_dir)

    def unchanged(self, reads: dict[str, str]) -> bool:
        """True when every recorded file still has the content it had when it was read."""
        for name, value in reads.items():
            if name not in self._hashes:
                self._hashes[name] = hash_of(self.data_dir / name)
            if self._hashes[name] != value:
                return False
        return True

    def reusable(self, name: str, key: str) -> Entry | None:
        """The previous entry when its key matches, its reads are unchanged and all its files are still there."""
        entry = self.entries.get(name)
        if entry is None or entry.key != key or not self.unchanged(entry.reads):
            return None
        if not all((self.out / f).is_file() for f in entry.files):
            return None
        return entry

    def dumps(self, dateien: list[str]) -> bytes:
        data = {
            "eintraege": {name: vars(entry) for name, entry in sorted(self.entries.items())},
            "dateien": sorted(dateien),
        }
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
