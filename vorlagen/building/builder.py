"""One build: Vorlagen, Tagesordnungen, Niederschriften, on request Sitzungsmappen with publish bundles, the OParl
endpoint and the overview.

What is reused and what is rendered is decided in plan.py from each document's record (cache.py); the rest is
composed here and rendered in worker processes through the render window (window.py); the products of the
meetings stage (Mappen, bundles, OParl, overview) are assembled there and written here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from vorlagen.building import freigaben, plan
from vorlagen.building.cache import ENGINE, Entry, Manifest, Stand, engine_key, packet_key, record_key, relative_reads
from vorlagen.building.cache import digest as key_of
from vorlagen.building.cache import render_key as key_for
from vorlagen.building.dokumente import NONE, Dokument, Labels, kontrolle, niederschrift, tagesordnungen
from vorlagen.building.output import Staging
from vorlagen.building.progress import Progress
from vorlagen.building.satzprozess import RenderJob, RenderResult
from vorlagen.building.state import OPARL_LEDGER, BuildLock
from vorlagen.building.window import Window
from vorlagen.building.workers import Renderer
from vorlagen.compute.project import Project
from vorlagen.core.problems import BuildFailed, Problem, raise_if
from vorlagen.core.reads import digest as digest_of
from vorlagen.core.reads import read_file, recording
from vorlagen.load.satz import Satz
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.meetings import beschlusskontrolle, indexseiten, publish
from vorlagen.meetings.niederschrift import Minutes, NiederschriftDoc
from vorlagen.meetings.tagesordnung import Meetings, SitzungDoc
from vorlagen.render import freigabe, satzregeln
from vorlagen.render.document import Composer
from vorlagen.render.plaintext import render as plain
from vorlagen.render.templates import TEMPLATES
from vorlagen.render.vorlagendokument import VorlageDoc

if TYPE_CHECKING:
    from vorlagen.meetings.mappe import Eintrag  # pypdf only when packets are built


class Builder:
    def __init__(
        self,
        project: Project,
        progress: Progress | None = None,
        renderer: Renderer | None = None,
        stichtag: dt.date | None = None,
    ):
        self.project = project
        # the Beschlusskontrolle flags Aufträge overdue on this day; by default a day from the data, not the
        # clock, so that the same sources give the same files whenever they are built
        facts = project.facts
        self.stichtag = stichtag or max(
            (facts.sitzungen[s].datum for s in facts.niederschriften if s in facts.sitzungen),
            default=dt.date(2000, 1, 1),
        )
        self.facts = project.facts
        self.composer = Composer(project)
        self.meetings = Meetings(self.composer)
        self.roots = (self.facts.data_dir, TEMPLATES)
        self.satz = Satz.aus(self.facts.koerperschaft.hausstil)  # tables too wide for the page, hyphenation
        self.progress = progress or Progress(live=False)
        self.renderer = renderer
        self.count = 0
        self.inhalt: dict[str, str] = {}  # every file of the new output → SHA-256 of its bytes
        self.kontrolle: list[tuple[str, PurePosixPath]] = []  # Beschlusskontrolle lists: (title, PDF path), internal
        self.window: Window | None = None

    @property
    def rendered(self) -> int:
        """PDFs rendered (not reused) in this build."""
        return self.window.rendered if self.window else 0

    def build(self, out: Path, mappen: set[str] | frozenset = frozenset()) -> int:
        """Writes everything into a staging folder and swaps it in; returns the number of files.

        `mappen` names the Sitzungen whose packets and publish bundle to build.
        """
        mappen = freigaben.mappen(self.project, set(mappen))
        renderer = self.renderer or Renderer()  # this build's own workers
        try:
            with BuildLock(out, self.facts.paths) as state:
                return self._locked(out, state, mappen, renderer)
        finally:
            if self.renderer is None:
                renderer.close()

    def _locked(self, out: Path, state: Path, mappen: set[str], renderer: Renderer) -> int:
        facts = self.facts
        self.engine = engine_key(facts)
        self.stand = Stand(facts, self.engine)
        self.old, self.new, self.state = Manifest.load(out.resolve(), state), Manifest(out), state
        plans = {s.kennung: self.composer.plan(s) for s in facts.vorlagen}  # meetings look up Nummern
        vorlagen = plan.vorlagen(facts.vorlagen, self.old, self.stand)
        if len(vorlagen.todo) > 1 or mappen or any(f"sitzung:{sid}" not in self.old.entries for sid in facts.sitzungen):
            renderer.start()  # workers get ready while the main process composes
        # one changed Vorlage renders in the worker the command started while loading, or else in this process:
        # starting workers for it now would cost more than it saves
        agendas = [sid for sid, s in sorted(facts.sitzungen.items()) if s.tagesordnung is not None]
        self.progress.plan(len(facts.vorlagen) + len(agendas) + len(facts.niederschriften) + len(mappen))
        known = set(self.old.dateien) if self.old.dateien is not None else None
        with Staging(out, facts.paths, state, known) as self.stage:
            window = self.window = Window(renderer, limit=max(4, 3 * renderer.workers))
            for source, entry in vorlagen.reused:
                self.new.entries[f"vorlage:{source.slug}"] = entry
                self._reuse(entry)
                self.progress.step(f"{source.bezeichnung} unverändert")
            problems: list[Problem] = []
            for source in vorlagen.todo:  # composed one by one while earlier ones render: memory stays flat
                problems += self._compose_vorlage(source, after_failure=bool(problems))
            kept = freigaben.behalten(facts.vorlagen, plans, self.old, self.new.entries)
            for name, entry in kept.items():  # an ENTWURF's last released state stays public, unchanged
                self.new.entries[name] = entry
                self._reuse(entry)
            # agendas and Niederschriften are composed while the Vorlagen render: a changed Vorlage goes out first
            gezeigt = freigaben.auf_tagesordnungen(self.composer, plans, self.new.entries, kept)
            sitzungen = [self.meetings.compose(sid, gezeigt) for sid in agendas]
            minutes = []
            for sid in sorted(facts.niederschriften):
                try:
                    minutes.append(Minutes(self.composer).compose(sid, plans))
                except BuildFailed as error:
                    problems += error.problems
            problems += [
                p for d in sitzungen if d.id in mappen for p in freigaben.unreleased(facts, d, self.new.entries)
            ]
            if problems:  # a requested Mappe with an ENTWURF on its agenda: stop before anything else is rendered
                window.drain()
                raise_if(problems)
            for sitzung in sitzungen:
                self._documents(f"sitzung:{sitzung.id}", tagesordnungen(sitzung), sitzung.sitzung.datum)
            word = facts.koerperschaft.hausstil.word.dateien  # the Niederschriften come with Word files
            for protokoll in minutes:
                sid = protokoll.id
                self.progress.step(f"Niederschrift {sid}")
                self._documents(f"niederschrift:{sid}", niederschrift(protokoll, word), facts.sitzungen[sid].datum)
            self._control()
            window.drain()
            self._seal()
            for doc in sitzungen:
                self._mappen(doc, doc.id in mappen, renderer)
            docs = list(plans.values())
            self._publish(docs, sitzungen, minutes, kept)
            bundles = {s.id for s in sitzungen if f"mappe:{s.id}" in self.new.entries}
            alle = [self.composer.plan(s, True) if self._entwurf(s) else plans[s.kennung] for s in facts.vorlagen]
            public = freigaben.gezeigt(docs, self.new.entries, kept)
            pages = indexseiten.seiten(self.composer, alle, public, sitzungen, minutes, bundles, self.kontrolle,
                                      self.roots)  # fmt: skip
            for path, content in pages.items():
                self._write(path, content)
            self.stage.manifest = self.new.dumps(self.inhalt)
        self.progress.finish()
        return self.count

    def _entwurf(self, source: VorlageSource) -> bool:
        """Whether a Vorlage is an ENTWURF in this build (its files then lie in intern/)."""
        entry = self.new.entries.get(f"vorlage:{source.slug}")
        return entry is not None and bool(entry.entwurf)

    def _write(self, path: PurePosixPath, data: bytes) -> None:
        self.stage.write(path, data)
        self.inhalt[str(path)] = digest_of(data)
        self.count += 1

    def _reuse_file(self, path: PurePosixPath, previous: Entry) -> None:
        self.stage.reuse(path)  # it still holds what `previous` wrote: plan.py checked it
        self.inhalt[str(path)] = previous.inhalt[str(path)]
        self.count += 1

    def _reuse(self, entry: Entry) -> None:
        for name in entry.files:
            self._reuse_file(PurePosixPath(name), entry)
        for found in entry.warnungen.values():  # a reused PDF still has what the layout check found
            for warning in found:
                self.progress.warn(warning)

    def _job(
        self, html: str, folder: Path, created: dt.date, text: str | None, titel: str, word: bool = False
    ) -> RenderJob:
        where = self.facts.paths.where(folder)
        return RenderJob(html, folder, self.roots, where, created, text, titel, self.satz, word)

    def _compose_vorlage(self, source: VorlageSource, after_failure: bool) -> list[Problem]:
        """Composes a Vorlage inside a recording of everything it reads: its entry's record. After a failure only
        problems are collected."""
        with recording() as reads:
            doc, problems = self.composer.composed(source)
            if doc is not None and doc.entwurf and doc.oeffentlich:  # a public ENTWURF is written to intern/
                doc, problems = self.composer.composed(source, als_entwurf=True)
            if doc is None:
                return problems
            entry = self.new.entries[f"vorlage:{source.slug}"] = Entry(
                "",
                [str(f) for f in doc.files],
                entwurf=[freigabe.was_tun(source.auswahl, s) for s in (doc.freigabe.offen if doc.freigabe else [])],
                ordner=source.folder.name,
                betreff=source.vorlage.betreff,
            )
            documents = [] if after_failure else self._vorlage_files(doc)
        entry.reads.update(relative_reads({**source.reads, **reads}, self.facts.data_dir))
        entry.reads[ENGINE] = self.engine
        previous = self.old.entries.get(f"vorlage:{source.slug}")
        for path, job, labels in documents:
            self._pdf(path, job, labels, previous, entry)
        return []

    def _vorlage_files(self, doc: VorlageDoc) -> list[tuple[PurePosixPath, RenderJob, Labels]]:
        """Writes a composed Vorlage's HTML, text, PDF Anlagen and images; returns its PDFs to render or reuse."""
        self._write(doc.folder / f"{doc.source.slug}.html", satzregeln.ohne_quellen(doc.web_html).encode())
        self._write(doc.folder / f"{doc.source.slug}.txt", doc.text.encode())
        pdfs = self.vorlage_jobs(doc)
        for path, job, _ in pdfs[1:]:  # the Anlagen from Markdown
            self._write(path.with_suffix(".txt"), (job.text or "").encode())
        for anlage in doc.anlagen:
            if anlage.pdf is not None:
                self._write(anlage.datei, anlage.pdf)
        for bild in doc.bilder:
            content = read_file(bild, within=self.facts.data_dir)
            self._write(doc.folder / bild.relative_to(doc.source.folder).as_posix(), content)
        return pdfs

    def vorlage_jobs(self, doc: VorlageDoc) -> list[tuple[PurePosixPath, RenderJob, Labels]]:
        """The PDFs of a composed Vorlage, then of its Anlagen from Markdown: (output path, job, progress lines)."""
        created, name, folder = doc.source.stand, doc.source.bezeichnung, doc.source.folder
        job = self._job(doc.print_html, folder, created, doc.text, f"Vorlage {name}", doc.word)
        pdfs: list[tuple[PurePosixPath, RenderJob, Labels]] = [
            (doc.folder / f"{doc.source.slug}.pdf", job, (f"{name} gesetzt", f"{name} unverändert"))
        ]
        for anlage in doc.anlagen:
            if anlage.pdf is None and anlage.html is not None:
                titel = f"Anlage {anlage.nummer} zur Vorlage {name}"
                job = self._job(anlage.html, folder, created, plain(anlage.html), titel, doc.word)
                pdfs.append((anlage.datei, job, NONE))
        return pdfs

    def _pdf(self, path: PurePosixPath, job: RenderJob, labels: Labels, previous: Entry | None, entry: Entry) -> None:
        """One PDF of an entry: linked when it did not change (the file, its reads and its warnings carry over),
        else rendered and written when done."""
        done, unchanged = labels
        entry.pdfs[str(path)] = key_for(job, self.engine)
        docx = [path.with_suffix(".docx")] if job.word else []  # made with the PDF, from its layout
        if plan.pdf_reusable(previous, str(path), entry.pdfs[str(path)], self.stand, self.old, [str(d) for d in docx]):
            assert previous is not None
            for made in [path, *docx]:
                self._reuse_file(made, previous)
            entry.pdf_reads[str(path)] = previous.pdf_reads.get(str(path), {})
            entry.reads.update(entry.pdf_reads[str(path)])
            if previous.warnungen.get(str(path)):
                entry.warnungen[str(path)] = previous.warnungen[str(path)]
                for warning in entry.warnungen[str(path)]:
                    self.progress.warn(warning)
            if unchanged:
                self.progress.step(unchanged)
            return

        def written(result: RenderResult) -> None:
            self._write(path, result.pdf)
            for made in docx:
                assert result.docx is not None  # the job asked for it
                self._write(made, result.docx)
            if result.warnings:  # kept with the entry: a later build that reuses the PDF warns again
                entry.warnungen[str(path)] = [str(warning) for warning in result.warnings]
            for warning in result.warnings:
                self.progress.warn(str(warning))
            entry.pdf_reads[str(path)] = relative_reads(result.reads, self.facts.data_dir)
            entry.reads.update(entry.pdf_reads[str(path)])
            if done:
                self.progress.step(done)

        assert self.window is not None
        self.window.submit(path, job, written)

    def _documents(self, name: str, documents: list[Dokument], created: dt.date) -> None:
        """Small documents composed on every build (agendas, Niederschriften, Beschlusskontrolle): HTML and text are
        written, each PDF is reused while its document and reads are unchanged.

        `documents` holds (PDF path, web HTML or None, print HTML, labels (rendered, unchanged), title in warnings).
        """
        previous, entry = self.old.entries.get(name), Entry("", [])
        entry.reads[ENGINE] = self.engine
        self.new.entries[name] = entry
        for path, web, printed, labels, titel, word in documents:
            text = plain(web or printed)
            if web is not None:
                self._write(path.with_suffix(".html"), satzregeln.ohne_quellen(web).encode())
                entry.files.append(str(path.with_suffix(".html")))
            self._write(path.with_suffix(".txt"), text.encode())
            docx = [str(path.with_suffix(".docx"))] if word else []
            entry.files += [str(path.with_suffix(".txt")), str(path), *docx]
            job = self._job(printed, self.facts.data_dir, created, text, titel, word)
            self._pdf(path, job, labels, previous, entry)

    def _control(self) -> None:
        """The Beschlusskontrolle lists, when any Niederschrift gives Aufträge."""
        if not any(p.auftraege for s in self.facts.niederschriften.values() for p in s.niederschrift.punkte):
            return
        listen = beschlusskontrolle.listen(self.composer, self.stichtag)
        self.kontrolle = [(liste.titel, beschlusskontrolle.path(liste, ".pdf")) for liste in listen]
        self._documents("beschlusskontrolle", kontrolle(listen), self.stichtag)

    def _seal(self) -> None:
        """Every new entry gets its key once its record is complete (the PDFs' reads came back with them)."""
        for entry in self.new.entries.values():
            if not entry.key:
                entry.key = key_of(record_key(entry.reads), *sorted(entry.pdfs.values()))

    def _mappen(self, doc: SitzungDoc, requested: bool, renderer: Renderer) -> None:
        """Packets and publish bundle: kept while valid, built when requested, otherwise left out."""
        members = [self.new.entries[f"vorlage:{p.doc.source.slug}"] for p in doc.punkte if p.doc is not None]
        minutes = self.new.entries.get(f"niederschrift:{doc.id}")  # the bundle carries the public Niederschrift
        protokoll = doc.folder(False) / "niederschrift.pdf"
        if minutes is not None and str(protokoll) not in minutes.files:
            minutes = None
        key = packet_key(self.new.entries[f"sitzung:{doc.id}"].key, [*members, *([minutes] if minutes else [])])
        name = f"mappe:{doc.id}"
        previous = self.old.entries.get(name)
        if previous is not None and previous.key == key and self.old.present(previous):
            self._reuse(previous)
            self.new.entries[name] = previous
            return
        if not requested:
            return
        from vorlagen.meetings import mappe  # pypdf only when packets are built

        def cover(intern: bool) -> Callable[[list[Eintrag]], bytes]:
            def render(inhalt: list[Eintrag]) -> bytes:
                html = self.meetings.cover(doc, intern, inhalt)
                titel = f"Deckblatt der Sitzungsmappe {doc.id}"
                job = self._job(html, self.facts.data_dir, doc.sitzung.datum, None, titel)
                result = renderer.submit(job).result()
                for warning in result.warnings:
                    self.progress.warn(str(warning))
                return result.pdf

            return render

        files = []
        for intern in (False, True):
            packet, warnungen = mappe.packet(doc, intern, self.stage.read, cover(intern), self.facts.paths.show)
            for warning in warnungen:
                self.progress.warn(warning)
            path = doc.folder(intern) / ("sitzungsmappe-nichtoeffentlich.pdf" if intern else "sitzungsmappe.pdf")
            self._write(path, packet)
            files.append(str(path))
            if not intern:
                agenda_pdf = self.stage.read(doc.folder(False) / "tagesordnung.pdf")
                minutes_pdf = self.stage.read(protokoll) if minutes is not None else None
                word = self.facts.koerperschaft.hausstil.word.veroeffentlichen
                bundle = publish.bundle(doc, agenda_pdf, packet, self.stage.read, minutes_pdf, word)
                for file_name, content in bundle.items():
                    self._write(publish.PUBLISH / doc.id / file_name, content)
                    files.append(str(publish.PUBLISH / doc.id / file_name))  # oparl.json and SHA256SUMS: _publish
        self.new.entries[name] = Entry(key, files)
        self.progress.step(f"Sitzungsmappen {doc.id} erstellt")

    def _publish(self, docs: list[VorlageDoc], sitzungen: list[SitzungDoc], minutes: list[NiederschriftDoc],
                 kept: dict[str, Entry]) -> None:  # fmt: skip
        """The OParl endpoint (when configured) and, per publish bundle, its oparl.json and SHA256SUMS; `kept`: the
        last released state of each ENTWURF, whose Paper stays as it was published."""
        entwuerfe: set[str] = set()
        frueher = []
        if self.facts.koerperschaft.oparl is not None:
            entwuerfe, warnungen = freigaben.entwuerfe(self.project, docs, self.new.entries, kept)
            for warning in warnungen:
                self.progress.warn(warning)
            frueher = freigaben.papers(self.old.out, self.facts.koerperschaft.oparl.basis, kept)
        bundles = {}
        for s in sitzungen:
            entry = self.new.entries.get(f"mappe:{s.id}")
            if entry is not None:
                folder = publish.PUBLISH / s.id
                bundles[s.id] = [
                    PurePosixPath(f).name
                    for f in entry.files
                    if PurePosixPath(f).parent == folder and f.endswith((".pdf", ".docx"))
                ]
        ledger = self.state / OPARL_LEDGER
        previous = read_file(ledger, within=self.state, noted=False) if ledger.is_file() else None
        result = publish.veroeffentlichen(
            self.facts, docs, sitzungen, minutes, bundles, self.stage.read, previous, entwuerfe, frueher
        )
        for path, content in result.files.items():
            self._write(path, content)
        if result.ledger is not None:
            self.stage.ledgers[OPARL_LEDGER] = result.ledger
