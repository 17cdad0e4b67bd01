"""One build: every Vorlage, every Sitzung with its packets and publish bundle, and the overview pages."""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

from . import packet, publish
from .document import INTERNAL, PUBLIC, Composer, VorlageDoc
from .meeting import Meetings, SitzungDoc
from .output import Staging
from .pdf import render_pdf
from .plaintext import render as plain
from .project import Project
from .render import TEMPLATES

PUBLISH = PurePosixPath("publish")


class Builder:
    def __init__(self, project: Project, progress=print):
        self.project = project
        self.facts = project.facts
        self.composer = Composer(project)
        self.meetings = Meetings(self.composer)
        self.roots = [self.facts.data_dir, TEMPLATES]
        self.progress = progress
        self.stage: Staging | None = None
        self.count = 0

    def build(self, out) -> int:
        """Writes everything into a staging folder and swaps it in; returns the number of files."""
        docs = self.composer.compose_all()
        by_nummer = {doc.source.vorlage.nummer: doc for doc in docs}
        sitzungen = [self.meetings.compose(sid, by_nummer) for sid, s in sorted(self.facts.sitzungen.items())
                     if s.tagesordnung is not None]
        with Staging(out, self.facts.paths) as self.stage:
            for doc in docs:
                self.progress(f"  {doc.source.vorlage.nummer}: {doc.source.vorlage.betreff}")
                self._vorlage(doc)
            for sitzung in sitzungen:
                self.progress(f"  Sitzung {sitzung.id}: Tagesordnung, Sitzungsmappen, Veröffentlichung")
                self._sitzung(sitzung)
            self._site(docs, sitzungen)
        return self.count

    def _write(self, path: PurePosixPath, data: bytes) -> None:
        self.stage.write(path, data)
        self.count += 1

    def _pdf(self, html: str, source_folder, created, text: str | None) -> bytes:
        where = self.facts.paths.where(source_folder)
        return render_pdf(html, source_folder, self.roots, where, created, text)

    def _vorlage(self, doc: VorlageDoc) -> None:
        created, text, slug = doc.source.vorlage.datum, doc.text, doc.source.slug
        self._write(doc.folder / f"{slug}.html", doc.web_html.encode())
        self._write(doc.folder / f"{slug}.txt", text.encode())
        self._write(doc.folder / f"{slug}.pdf", self._pdf(doc.print_html, doc.source.folder, created, text))
        for anlage in doc.anlagen:
            if anlage.pdf is not None:
                self._write(anlage.datei, anlage.pdf)
                continue
            self._write(anlage.datei.with_suffix(".txt"), anlage.text.encode())
            self._write(anlage.datei, self._pdf(anlage.html, doc.source.folder, created, anlage.text))
        for bild in doc.bilder:
            self._write(doc.folder / bild.relative_to(doc.source.folder).as_posix(), bild.read_bytes())

    def _sitzung(self, doc: SitzungDoc) -> None:
        data_dir = self.facts.data_dir
        for intern in (False, True):
            folder = doc.folder(intern)
            web, printed = doc.html[intern]
            text = plain(web)
            agenda = self._pdf(printed, data_dir, doc.sitzung.datum, text)
            self._write(folder / "tagesordnung.html", web.encode())
            self._write(folder / "tagesordnung.txt", text.encode())
            self._write(folder / "tagesordnung.pdf", agenda)
            mappe = self._packet(doc, intern, agenda)
            self._write(folder / ("sitzungsmappe-nichtoeffentlich.pdf" if intern else "sitzungsmappe.pdf"), mappe)
            if not intern:
                bundle = publish.bundle(self.facts, doc, agenda, mappe, self.stage.read)
                for name, content in bundle.items():
                    self._write(PUBLISH / doc.id / name, content)

    def _packet(self, doc: SitzungDoc, intern: bool, agenda: bytes) -> bytes:
        """The public packet holds the public TOPs; the internal one the non-public TOPs and non-public Anlagen."""
        teile = [packet.Teil(agenda, [(0, "Tagesordnung")])]
        for punkt in doc.punkte:
            if punkt.doc is None:
                continue
            vorlage = punkt.doc.source.vorlage
            own_part = punkt.oeffentlich != intern  # the TOP belongs to this packet's part
            if not own_part and not intern:
                continue
            if own_part:
                anlagen = [a for a in punkt.doc.anlagen if intern or a.oeffentlich]
                marks = [(0, f"TOP {punkt.top}: {punkt.gegenstand}"), (1, f"{vorlage.art} {vorlage.nummer}")]
                teile.append(packet.Teil(self.stage.read(punkt.doc.folder / f"{punkt.doc.source.slug}.pdf"), marks))
            else:  # a public TOP in the internal packet: only its non-public Anlagen
                anlagen = [a for a in punkt.doc.anlagen if not a.oeffentlich]
                if anlagen:
                    teile.append(packet.Teil(b"", [(0, f"TOP {punkt.top}: nichtöffentliche Anlagen zu {vorlage.nummer}")]))
            for anlage in anlagen:
                teile.append(packet.Teil(self.stage.read(anlage.datei), [(2, f"Anlage {anlage.nummer}: {anlage.titel}")]))
        teile = _merge_empty(teile)
        base = self.facts.data_dir
        cover = lambda inhalt: self._pdf(self.meetings.cover(doc, intern, inhalt), base, doc.sitzung.datum, None)  # noqa: E731
        kind = "Sitzungsmappe (nichtöffentlicher Teil)" if intern else "Sitzungsmappe"
        stempel = f"{'Sitzungsmappe (nichtöffentlich)' if intern else 'Sitzungsmappe'} {doc.gremium.id} {doc.sitzung.datum:%d.%m.%Y}"
        return packet.assemble(teile, cover, f"{kind}: {doc.gremium.name}, {doc.sitzung.datum:%d.%m.%Y}", stempel)

    def _site(self, docs: list[VorlageDoc], sitzungen: list[SitzungDoc]) -> None:
        for asset in sorted(TEMPLATES.glob("*.css")) + sorted((TEMPLATES / "fonts").glob("*")):
            self._write(PurePosixPath("assets") / asset.relative_to(TEMPLATES).as_posix(), asset.read_bytes())
        if self.facts.logo:
            self._write(PurePosixPath("assets") / f"logo{self.facts.logo.suffix}", self.facts.logo.read_bytes())
        public = [d for d in docs if d.oeffentlich]
        self._write(PurePosixPath("index.html"), self._index(public, sitzungen, PUBLIC.parent, "Sitzungen und Vorlagen"))
        self._write(INTERNAL.parent / "index.html",
                    self._index(docs, sitzungen, INTERNAL.parent, "Sitzungen und Vorlagen (intern)"))

    def _index(self, docs, sitzungen, base: PurePosixPath, titel: str) -> bytes:
        """An overview page at `base`; the internal one lists everything, the public one only public documents."""
        def link(path: PurePosixPath) -> str:
            return posixpath.relpath(str(path), str(base))

        html = self.composer.templates.render(
            "index.html.j2", koerperschaft=self.facts.koerperschaft, docs=docs, sitzungen=sitzungen, titel=titel,
            assets=link(PurePosixPath("assets")) + "/", link=link, intern=base != PUBLIC.parent)
        return html.encode()


def _merge_empty(teile: list[packet.Teil]) -> list[packet.Teil]:
    """A part without pages only carries bookmarks: they move to the next part with pages."""
    result, pending = [], []
    for teil in teile:
        if not teil.pdf:
            pending += teil.marken
            continue
        result.append(packet.Teil(teil.pdf, pending + teil.marken))
        pending = []
    return result
