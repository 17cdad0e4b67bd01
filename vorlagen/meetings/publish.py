"""The publish bundle of a Sitzung: public PDFs (and, where the Hausstil publishes them, Word files) under safe names,
oparl.json and SHA256SUMS."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from vorlagen.load.facts import Facts
from vorlagen.meetings import oparl
from vorlagen.meetings.niederschrift import NiederschriftDoc
from vorlagen.meetings.oparl_pages import Pages, bundle_json
from vorlagen.meetings.tagesordnung import SitzungDoc
from vorlagen.render.document import slugify
from vorlagen.render.vorlagendokument import VorlageDoc

CHECKSUMS = "SHA256SUMS"
OPARL = "oparl.json"
PUBLISH = PurePosixPath("publish")


@dataclass
class Veroeffentlichung:
    """The files of the OParl endpoint and, per publish bundle, its oparl.json and SHA256SUMS; the endpoint's new
    ledger (None without an endpoint)."""

    files: dict[PurePosixPath, bytes] = field(default_factory=dict)
    ledger: bytes | None = None


def veroeffentlichen(
    facts: Facts,
    docs: list[VorlageDoc],
    sitzungen: list[SitzungDoc],
    minutes: list[NiederschriftDoc],
    bundles: dict[str, list[str]],
    read: Callable[[PurePosixPath], bytes],
    ledger: bytes | None,
    entwuerfe: set[str],
    frueher: list | None = None,
) -> Veroeffentlichung:
    """The OParl endpoint (when the Körperschaft has one) and each bundle's oparl.json and SHA256SUMS.

    `bundles` names per Sitzung with a packet the PDF files of its bundle; `read` gives an output file of this
    build; `ledger` is the endpoint's previous ledger; `entwuerfe` the Vorlagen (by kennung) not published,
    `frueher` the Papers of the last released state of those released before, as the previous output has them."""
    result = Veroeffentlichung()
    pages = None
    if facts.koerperschaft.oparl is not None:
        beschluesse = {(m.id, top): text for m in minutes for top, text in m.beschlusstexte().items()}
        graph = oparl.build(facts, docs, sitzungen, set(bundles), read, beschluesse, entwuerfe, frueher)
        pages = Pages(graph, ledger, facts.koerperschaft.oparl.seitengroesse)
        result.files.update(pages.files())
        result.ledger = pages.ledger_bytes()
    for sid, names in sorted(bundles.items()):
        folder = PUBLISH / sid
        files = {name: read(folder / name) for name in names}
        if pages is not None:
            files[OPARL] = bundle_json(pages, pages.graph.url("meeting", slugify(sid)), set(names))
            result.files[folder / OPARL] = files[OPARL]
        result.files[folder / CHECKSUMS] = checksums(files)
    return result


def bundle(
    doc: SitzungDoc,
    agenda_pdf: bytes,
    packet_pdf: bytes,
    read: Callable[[PurePosixPath], bytes],
    minutes_pdf: bytes | None = None,
    word: bool = False,
) -> dict[str, bytes]:
    """File name → content of the bundle's PDFs: only public documents; `read` gives an output file of this build,
    `minutes_pdf` the public Niederschrift once there is one (the Meeting's resultsProtocol); `word`: with the Word
    file of each of its Vorlagen, of their Anlagen from Markdown and of the Niederschrift (hausstil: word).

    The names are the `fileName`s of the same files in the OParl endpoint (see oparl.py).
    """
    files: dict[str, bytes] = {"tagesordnung.pdf": agenda_pdf, "sitzungsmappe.pdf": packet_pdf}
    if minutes_pdf is not None:
        files["niederschrift.pdf"] = minutes_pdf
        if word:
            files["niederschrift.docx"] = read(doc.folder(False) / "niederschrift.docx")
    for punkt in doc.teil(intern=False):
        if punkt.doc is None or not punkt.doc.oeffentlich:
            continue
        base = f"vorlage-{punkt.doc.source.slug}"
        for path, name, _ in punkt.doc.oeffentliche_dateien(word):
            files[f"{base}{name}"] = read(path)
    return files


def checksums(files: dict[str, bytes]) -> bytes:
    """SHA256SUMS over the bundle's other files, for `sha256sum -c`."""
    return "".join(
        f"{hashlib.sha256(content).hexdigest()}  {name}\n"
        for name, content in sorted(files.items())
        if name != CHECKSUMS
    ).encode()
