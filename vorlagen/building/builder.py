"""One build: Vorlagen, Tagesordnungen, on request Sitzungsmappen with publish bundles, and the overview.

Unchanged Vorlagen and Sitzungen are linked from the previous output (see cache.py); the rest is
composed here and rendered in worker processes (see workers.py).
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import FIRST_COMPLETED, Future, wait
from pathlib import PurePosixPath

from vorlagen.building.cache import (
    Entry,
    Manifest,
    agenda_key,
    engine_key,
    packet_key,
    relative_reads,
    render_key,
    vorlage_key,
)
from vorlagen.building.output import Staging
from vorlagen.building.progress import Progress
from vorlagen.building.state import OPARL_LEDGER, BuildLock
from vorlagen.building.workers import Renderer, RenderJob, render_seconds
from vorlagen.compute.offen import check_veroeffentlichung, offen_zur_veroeffentlichung
from vorlagen.compute.project import Project
from vorlagen.compute.sitzungen import tops
from vorlagen.core.problems import BuildFailed, Problem, raise_if
from vorlagen.core.reads import read_file, recording
from vorlagen.load.mitzeichnung import DATEI as MITZEICHNUNGEN
from vorlagen.load.references import unknown
from vorlagen.meetings import beschlusskontrolle, oparl, publish
from vorlagen.meetings.niederschrift import Minutes, NiederschriftDoc
from vorlagen.meetings.oparl_pages import Pages, bundle_json
from vorlagen.meetings.tagesordnung import Meetings, SitzungDoc
from vorlagen.render import freigabe
from vorlagen.render.document import INTERNAL, PUBLIC, Composer, VorlageDoc, relative, slugify
from vorlagen.render.plaintext import render as plain
from vorlagen.render.public import document as shown
from vorlagen.render.templates import TEMPLATES

PUBLISH = PurePosixPath("publish")


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
        self.progress = progress or Progress(live=False)
        self.renderer = renderer
        self.stage: Staging | None = None
        self.count = 0
        self.written: list[str] = []  # every file of the new output
        self.rendered = 0  # PDFs rendered (not reused) in this build
        self.kontrolle: list[tuple[str, PurePosixPath]] = []  # Beschlusskontrolle lists: (title, PDF path), internal

    def build(self, out, mappen: set[str] | frozenset = frozenset()) -> int:
        """Writes everything into a staging folder and swaps it in; returns the number of files.

        `mappen` names the Sitzungen whose packets and publish bundle to build.
        """
        mappen = self._mappen_wanted(set(mappen))
        renderer = self.renderer or Renderer()  # this build's own workers
        try:
            return self._build(out, mappen, renderer)
        finally:
            if self.renderer is None:
                renderer.close()

    def _mappen_wanted(self, mappen: set[str]) -> set[str]:
        """'*' stands for every Sitzung with an agenda; a named Sitzung must exist and have one."""
        sitzungen = self.facts.sitzungen
        if "*" in mappen:
            mappen = {sid for sid, s in sitzungen.items() if s.tagesordnung is not None}
        problems = []
        where = self.facts.paths.where(self.facts.data_dir / "sitzungen")
        vorlagen = {s.vorlage.nummer: s for s in self.facts.vorlagen if s.vorlage.nummer is not None}
        for sid in sorted(mappen):
            for _, top in tops(sitzungen[sid]) if sid in sitzungen else ():
                if top.vorlage in vorlagen:
                    source = vorlagen[top.vorlage]
                    problems += check_veroeffentlichung(
                        self.facts,
                        source,
                        f"die Sitzungsmappe {sid} (TOP {top.top})",
                        sid,
                        self.project.rechnung(source).haushalt,
                    )
        for sid in sorted(mappen):
            if sid not in sitzungen:
                problems.append(
                    unknown(where, " Sitzung", sid, sitzungen, "nennen Sie den Dateinamen unter sitzungen/ ohne .yaml.")
                )
            elif sitzungen[sid].tagesordnung is None:
                problems.append(
                    Problem(
                        self.facts.paths.where(self.facts.data_dir / "sitzungen" / f"{sid}.yaml"),
                        f"Die Sitzung {sid} hat noch keine Tagesordnung – tragen Sie „tagesordnung“ ein.",
                    )
                )
        raise_if(problems)
        return mappen

    def _build(self, out, mappen: set[str], renderer: Renderer) -> int:
        with BuildLock(out, self.facts.paths) as state:
            return self._locked(out, state, mappen, renderer)

    def _locked(self, out, state, mappen: set[str], renderer: Renderer) -> int:
        facts = self.facts
        engine = self.engine = engine_key(facts)
        old, new = Manifest.load(out.resolve(), state, facts.data_dir), Manifest(out, facts.data_dir)
        self.state = state
        plans = {s.kennung: self.composer.plan(s) for s in facts.vorlagen}  # meetings look up Nummern
        reused, todo = [], []
        for source in facts.vorlagen:
            name = f"vorlage:{source.slug}"
            previous = old.entries.get(name)
            if previous is not None:
                key = vorlage_key(facts, engine, source, previous.saetze)
                if old.reusable(name, key):
                    new.entries[name] = previous
                    reused.append(plans[source.kennung])
                    continue
            todo.append(source)
        if len(todo) > 1 or mappen or any(f"sitzung:{sid}" not in old.entries for sid in facts.sitzungen):
            renderer.start()  # workers get ready while the main process composes
        # one changed Vorlage renders in the worker the command started while loading, or else in this process:
        # starting workers for it now would cost more than it saves
        todo.sort(key=lambda s: -sum(t.size for t in s.texts.values()))  # largest first: workers end together
        agendas = [sid for sid, s in sorted(facts.sitzungen.items()) if s.tagesordnung is not None]
        self.progress.plan(len(facts.vorlagen) + len(agendas) + len(facts.niederschriften) + len(mappen))
        known = set(old.dateien) if old.dateien is not None else None
        with Staging(out, facts.paths, state, known) as self.stage:
            window = _Window(self, renderer, limit=max(4, 3 * renderer.workers))
            for doc in reused:
                self._reuse(new.entries[f"vorlage:{doc.source.slug}"])
                self.progress.step(f"{doc.source.bezeichnung} unverändert")
            problems = []
            for source in todo:  # composed one by one while earlier ones render: memory stays flat
                with recording() as reads:
                    try:
                        doc = self.composer.compose(source)
                    except BuildFailed as failed:
                        problems += failed.problems
                        continue
                    entry = new.entries[f"vorlage:{source.slug}"] = Entry(
                        vorlage_key(facts, engine, source, doc.saetze_gelesen),
                        [str(f) for f in doc.files],
                        doc.saetze_gelesen,
                        entwurf=[
                            freigabe.was_tun(source.auswahl, stand)
                            for stand in (doc.freigabe.offen if doc.freigabe else [])
                        ],
                    )
                    jobs = [] if problems else self._vorlage(doc, old, new)  # after a failure only collect problems
                entry.reads.update(relative_reads({**source.reads, **reads}, facts.data_dir))
                for job in jobs:
                    window.submit(*job)
            # agendas and Niederschriften are composed while the Vorlagen render: a changed Vorlage goes out first
            sitzungen = [self.meetings.compose(sid, plans) for sid in agendas]
            minutes = []
            for sid in sorted(facts.niederschriften):
                try:
                    minutes.append(Minutes(self.composer).compose(sid, plans))
                except BuildFailed as error:
                    problems += error.problems
            problems += [p for doc in sitzungen if doc.id in mappen for p in self._unreleased(doc, new)]
            if problems:  # a requested Mappe with an ENTWURF on its agenda: stop before anything else is rendered
                window.drain()
                raise_if(problems)
            for doc in sitzungen:
                for job in self._agendas(doc, old, new, engine):
                    window.submit(*job)
            for doc in minutes:
                for job in self._minutes(doc, old, new):
                    window.submit(*job)
            for job in self._control(old, new):
                window.submit(*job)
            window.drain()
            for doc in sitzungen:
                self._mappen(doc, old, new, doc.id in mappen, renderer)
            self._publish(list(plans.values()), sitzungen, minutes, new)
            self._site(list(plans.values()), sitzungen, minutes, new)
            self.stage.manifest = new.dumps(self.written)
        self.progress.finish()
        return self.count

    def _write(self, path: PurePosixPath, data: bytes) -> None:
        self.stage.write(path, data)
        self.written.append(str(path))
        self.count += 1

    def _reuse(self, entry: Entry) -> None:
        for name in entry.files:
            self._reuse_file(PurePosixPath(name))
        for found in entry.warnungen.values():  # a reused PDF still has what the layout check found
            for warning in found:
                self.progress.warn(warning)

    def _reuse_pdf(self, path: PurePosixPath, previous: Entry, entry: Entry) -> None:
        """One unchanged PDF of an entry that changed otherwise: the file, its reads and its warnings carry over."""
        self._reuse_file(path)
        entry.pdf_reads[str(path)] = previous.pdf_reads.get(str(path), {})
        entry.reads.update(entry.pdf_reads[str(path)])
        if previous.warnungen.get(str(path)):
            entry.warnungen[str(path)] = previous.warnungen[str(path)]
            for warning in entry.warnungen[str(path)]:
                self.progress.warn(warning)

    def _reuse_file(self, path: PurePosixPath) -> None:
        self.stage.reuse(path)
        self.written.append(str(path))
        self.count += 1

    def _job(self, html: str, source_folder, created, text: str | None, titel: str) -> RenderJob:
        return RenderJob(html, source_folder, self.roots, self.facts.paths.where(source_folder), created, text, titel)

    def _vorlage(self, doc: VorlageDoc, old: Manifest, new: Manifest) -> list[tuple]:
        """Writes a composed Vorlage's HTML and text; returns the PDFs to render (unchanged ones are reused)."""
        created, text, slug, name = doc.source.stand, doc.text, doc.source.slug, doc.source.bezeichnung
        self._write(doc.folder / f"{slug}.html", doc.web_html.encode())
        self._write(doc.folder / f"{slug}.txt", text.encode())
        documents = [(doc.folder / f"{slug}.pdf", doc.print_html, text, f"{name} gesetzt", f"Vorlage {name}")]
        for anlage in doc.anlagen:
            if anlage.pdf is not None:
                self._write(anlage.datei, anlage.pdf)
                continue
            self._write(anlage.datei.with_suffix(".txt"), anlage.text.encode())
            documents.append(
                (anlage.datei, anlage.html, anlage.text, None, f"Anlage {anlage.nummer} zur Vorlage {name}")
            )
        for bild in doc.bilder:
            content = read_file(bild, within=self.facts.data_dir)
            self._write(doc.folder / bild.relative_to(doc.source.folder).as_posix(), content)
        entry, previous = new.entries[f"vorlage:{slug}"], old.entries.get(f"vorlage:{slug}")
        jobs = []
        for path, html, job_text, label, titel in documents:
            job = self._job(html, doc.source.folder, created, job_text, titel)
            entry.pdfs[str(path)] = render_key(job, self.engine)
            if (
                previous
                and previous.pdfs.get(str(path)) == entry.pdfs[str(path)]
                and (old.out / path).is_file()
                and old.unchanged(previous.pdf_reads.get(str(path), {}))
            ):
                self._reuse_pdf(path, previous, entry)  # this document did not change, only its siblings did
                if label:
                    self.progress.step(f"{doc.source.bezeichnung} unverändert")
                continue
            jobs.append((path, job, label, entry))
        return jobs

    def _agendas(self, doc: SitzungDoc, old: Manifest, new: Manifest, engine: str) -> list[tuple]:
        """Reuses the agendas while they show the same; else writes HTML and text and returns the PDF jobs."""
        shown = [
            f"{p.top}|{p.gegenstand}|{p.nummer}|{p.oeffentlich}|{p.doc.folder if p.doc else ''}" for p in doc.punkte
        ]
        key = agenda_key(self.facts, engine, doc.id, shown)
        name = f"sitzung:{doc.id}"
        previous = old.reusable(name, key)
        if previous is not None:
            self._reuse(previous)
            new.entries[name] = previous
            self.progress.step(f"Tagesordnungen {doc.id} unverändert")
            return []
        files, jobs = [], []
        for intern in (False, True):
            folder = doc.folder(intern)
            web, printed = doc.html[intern]
            text = plain(web)
            for file, content in (
                (folder / "tagesordnung.html", web.encode()),
                (folder / "tagesordnung.txt", text.encode()),
            ):
                self._write(file, content)
                files.append(str(file))
            files.append(str(folder / "tagesordnung.pdf"))
            label = f"Tagesordnungen {doc.id} gesetzt" if intern else None
            titel = f"Tagesordnung {doc.id}{' (intern)' if intern else ''}"
            job = self._job(printed, self.facts.data_dir, doc.sitzung.datum, text, titel)
            jobs.append((folder / "tagesordnung.pdf", job, label))
        new.entries[name] = Entry(key, files)
        return [(*job, new.entries[name]) for job in jobs]

    def _documents(self, name: str, documents: list[tuple], created, old: Manifest, new: Manifest) -> list[tuple]:
        """Writes HTML and text of small documents composed on every build; returns the PDFs to render.

        `documents` holds (PDF path, web HTML or None, print HTML, label, title in warnings); a PDF whose input is
        unchanged is reused.
        """
        previous, entry = old.entries.get(name), Entry("", [])
        jobs = []
        for path, web, printed, label, titel in documents:
            text = plain(web or printed)
            if web is not None:
                self._write(path.with_suffix(".html"), web.encode())
                entry.files.append(str(path.with_suffix(".html")))
            self._write(path.with_suffix(".txt"), text.encode())
            entry.files += [str(path.with_suffix(".txt")), str(path)]
            job = self._job(printed, self.facts.data_dir, created, text, titel)
            entry.pdfs[str(path)] = render_key(job, self.engine)
            if (
                previous
                and previous.pdfs.get(str(path)) == entry.pdfs[str(path)]
                and (old.out / path).is_file()
                and old.unchanged(previous.pdf_reads.get(str(path), {}))
            ):
                self._reuse_pdf(path, previous, entry)
                continue
            jobs.append((path, job, label, entry))
        new.entries[name] = entry
        return jobs

    def _minutes(self, doc, old: Manifest, new: Manifest) -> list[tuple]:
        """Niederschrift (public and internal) and the Auszüge of one Sitzung."""
        documents = []
        for intern in (False, True):
            web, printed = doc.html[intern]
            documents.append(
                (
                    doc.folder(intern) / "niederschrift.pdf",
                    web,
                    printed,
                    None,
                    f"Niederschrift {doc.id}{' (intern)' if intern else ''}",
                )
            )
        documents += [
            (doc.folder(True) / datei, None, html, None, f"Niederschrift {doc.id}, {datei}")
            for datei, html in doc.auszuege.items()
        ]
        self.progress.step(f"Niederschrift {doc.id}")
        return self._documents(f"niederschrift:{doc.id}", documents, self.facts.sitzungen[doc.id].datum, old, new)

    def _control(self, old: Manifest, new: Manifest) -> list[tuple]:
        """The Beschlusskontrolle lists, when any Niederschrift gives Aufträge."""
        if not any(p.auftraege for s in self.facts.niederschriften.values() for p in s.niederschrift.punkte):
            return []
        listen = beschlusskontrolle.listen(self.composer, self.stichtag)
        self.kontrolle = [
            (liste.titel, beschlusskontrolle.path(liste, ".pdf")) for liste in listen
        ]  # for the internal overview
        documents = [
            (
                beschlusskontrolle.path(liste, ".pdf"),
                liste.web,
                liste.print,
                None,
                f"Beschlusskontrolle „{liste.titel}“",
            )
            for liste in listen
        ]
        return self._documents("beschlusskontrolle", documents, self.stichtag, old, new)

    def _mappen(self, doc: SitzungDoc, old: Manifest, new: Manifest, requested: bool, renderer: Renderer) -> None:
        """Packets and publish bundle: kept while valid, built when requested, otherwise left out."""
        agenda = new.entries[f"sitzung:{doc.id}"].key
        minutes = new.entries.get(f"niederschrift:{doc.id}")  # the bundle carries the public Niederschrift
        protokoll = doc.folder(False) / "niederschrift.pdf"
        if minutes is not None and str(protokoll) not in minutes.files:
            minutes = None
        members = [new.entries[f"vorlage:{p.doc.source.slug}"] for p in doc.punkte if p.doc is not None]
        key = packet_key(agenda, [*members, *([minutes] if minutes is not None else [])])
        name = f"mappe:{doc.id}"
        previous = old.reusable(name, key)
        if previous is not None:
            self._reuse(previous)
            new.entries[name] = previous
            return
        if not requested:
            return
        files = []
        for intern in (False, True):
            mappe = self._packet(doc, intern, renderer)
            path = doc.folder(intern) / ("sitzungsmappe-nichtoeffentlich.pdf" if intern else "sitzungsmappe.pdf")
            self._write(path, mappe)
            files.append(str(path))
            if not intern:
                agenda_pdf = self.stage.read(doc.folder(False) / "tagesordnung.pdf")
                minutes_pdf = self.stage.read(protokoll) if minutes is not None else None
                for file_name, content in publish.bundle(doc, agenda_pdf, mappe, self.stage.read, minutes_pdf).items():
                    self._write(PUBLISH / doc.id / file_name, content)
                    files.append(str(PUBLISH / doc.id / file_name))  # oparl.json and SHA256SUMS: see _publish
        new.entries[name] = Entry(key, files)
        self.progress.step(f"Sitzungsmappen {doc.id} erstellt")

    def _publish(
        self, docs: list[VorlageDoc], sitzungen: list[SitzungDoc], minutes: list[NiederschriftDoc], manifest: Manifest
    ) -> None:
        """The OParl endpoint (when configured) and, per publish bundle, its oparl.json and SHA256SUMS."""
        mappen = sorted(s.id for s in sitzungen if f"mappe:{s.id}" in manifest.entries)
        pages = None
        if self.facts.koerperschaft.oparl is not None:
            beschluesse = {(m.id, top): text for m in minutes for top, text in m.beschlusstexte().items()}
            entwuerfe = self._entwuerfe(docs, manifest)
            graph = oparl.build(self.facts, docs, sitzungen, set(mappen), self.stage.read, beschluesse, set(entwuerfe))
            previous = self.state / OPARL_LEDGER
            pages = Pages(
                graph,
                read_file(previous, within=self.state, noted=False) if previous.is_file() else None,
                self.facts.koerperschaft.oparl.seitengroesse,
            )
            for path, content in pages.files().items():
                self._write(path, content)
            self.stage.ledgers[OPARL_LEDGER] = pages.ledger_bytes()
        for sid in mappen:
            folder = PUBLISH / sid
            names = [
                PurePosixPath(f).name
                for f in manifest.entries[f"mappe:{sid}"].files
                if PurePosixPath(f).parent == folder and f.endswith(".pdf")
            ]
            files = {name: self.stage.read(folder / name) for name in names}
            if pages is not None:
                files[publish.OPARL] = bundle_json(pages, pages.graph.url("meeting", slugify(sid)), set(names))
                self._write(folder / publish.OPARL, files[publish.OPARL])
            self._write(folder / publish.CHECKSUMS, publish.checksums(files))

    def _entwuerfe(self, docs: list[VorlageDoc], manifest: Manifest) -> dict[str, list[str]]:
        """The public ENTWÜRFE (by kennung) with what keeps each one; each named in a warning: not published in the
        OParl endpoint until released."""
        found = {}
        for doc in docs:
            source = doc.source
            entry = manifest.entries.get(f"vorlage:{source.slug}")
            if entry is None or not entry.entwurf or not doc.oeffentlich or source.vorlage.nummer is None:
                continue
            found[source.kennung] = entry.entwurf
            where = self.facts.paths.where(
                source.folder / (MITZEICHNUNGEN if source.mitzeichnungen else "vorlage.yaml")
            )
            self.progress.warn(
                f"{where}: Die Vorlage {source.bezeichnung} ist noch ein ENTWURF – die OParl-Schnittstelle "
                f"veröffentlicht sie erst, wenn sie freigegeben ist. {' '.join(entry.entwurf)}"
            )
        for doc in docs:  # a released Vorlage that still leaves facts open (Art, Haushalt) waits for them too
            source = doc.source
            if source.kennung in found or not doc.oeffentlich or source.vorlage.nummer is None:
                continue
            fehlt = offen_zur_veroeffentlichung(self.facts, source, self.project.rechnung(source).haushalt)
            if fehlt:
                found[source.kennung] = fehlt
                self.progress.warn(
                    f"{self.facts.paths.where(source.folder / 'vorlage.yaml')}: Die Vorlage {source.bezeichnung} "
                    f"nennt noch nicht alles, was die Veröffentlichung braucht ({', '.join(fehlt)}) – die "
                    "OParl-Schnittstelle veröffentlicht sie erst dann."
                )
        return found

    def _unreleased(self, doc: SitzungDoc, manifest: Manifest) -> list[Problem]:
        """A Sitzungsmappe and its publish bundle hold no ENTWURF: one problem per open sign-off on its agenda."""
        problems = []
        for punkt in doc.punkte:
            if punkt.doc is None:
                continue
            source = punkt.doc.source
            where = self.facts.paths.where(
                source.folder / (MITZEICHNUNGEN if source.mitzeichnungen else "vorlage.yaml")
            )
            entry = manifest.entries.get(f"vorlage:{source.slug}")  # none when its texts had problems
            for offen in entry.entwurf if entry else []:
                problems.append(
                    Problem(
                        where,
                        f"Die Vorlage {source.bezeichnung} ist noch ein ENTWURF – die "
                        f"Sitzungsmappe und das Veröffentlichungspaket der Sitzung {doc.id} "
                        f"entstehen erst, wenn sie freigegeben ist. {offen}",
                    )
                )
        return problems

    def _packet(self, doc: SitzungDoc, intern: bool, renderer: Renderer) -> bytes:
        """The public packet holds the public TOPs; the internal one the non-public TOPs and non-public Anlagen."""
        from vorlagen.meetings import mappe  # pypdf only when packets are built

        teile = [mappe.Teil(self.stage.read(doc.folder(intern) / "tagesordnung.pdf"), [(0, "Tagesordnung")])]
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
                teile.append(mappe.Teil(self.stage.read(punkt.doc.folder / f"{punkt.doc.source.slug}.pdf"), marks))
            else:  # a public TOP in the internal packet: only its non-public Anlagen
                anlagen = [a for a in punkt.doc.anlagen if not a.oeffentlich]
                if anlagen:
                    teile.append(
                        mappe.Teil(b"", [(0, f"TOP {punkt.top}: nichtöffentliche Anlagen zu {vorlage.nummer}")])
                    )
            for anlage in anlagen:
                content = self.stage.read(anlage.datei)
                if not intern and anlage.quelle.endswith(".pdf"):
                    self._warn_claims(mappe.anspruch(content), punkt.doc.source.folder / anlage.quelle, doc.id)
                teile.append(
                    mappe.Teil(
                        content,
                        [(2, f"Anlage {anlage.nummer}: {anlage.titel}")],
                        eigen=not anlage.quelle.endswith(".pdf"),
                    )
                )
        teile = mappe.merge_empty(teile)

        def cover(inhalt) -> bytes:
            html = self.meetings.cover(doc, intern, inhalt)
            result = renderer.submit(
                self._job(html, self.facts.data_dir, doc.sitzung.datum, None, f"Deckblatt der Sitzungsmappe {doc.id}")
            ).result()
            for warning in result.warnings:
                self.progress.warn(str(warning))
            return result.pdf

        date = f"{doc.sitzung.datum:%d.%m.%Y}"
        kind = "Sitzungsmappe (nichtöffentlicher Teil)" if intern else "Sitzungsmappe"
        stempel = f"{'Sitzungsmappe (nichtöffentlich)' if intern else 'Sitzungsmappe'} {doc.gremium.id} {date}"
        return mappe.assemble(teile, cover, f"{kind}: {doc.gremium.name}, {date}", stempel)

    def _warn_claims(self, anspruch, path, sitzung_id: str) -> None:
        """A public PDF Anlage handed in as a file that keeps the public Mappe from PDF/UA or PDF/A: named."""
        source = self.facts.paths.show(path)
        if not anspruch.getaggt:
            self.progress.warn(
                f"{source}: Die PDF-Anlage ist nicht getaggt – die öffentliche Sitzungsmappe "
                f"{sitzung_id} und das Veröffentlichungspaket sind damit nicht barrierefrei "
                "(PDF/UA); ersetzen Sie die Anlage durch ein getaggtes PDF."
            )
        if anspruch.pdfa is None:
            self.progress.warn(
                f"{source}: Die PDF-Anlage {anspruch.grund} – die öffentliche Sitzungsmappe "
                f"{sitzung_id} und das Veröffentlichungspaket sind damit nicht archivierbar "
                "(PDF/A); ersetzen Sie die Anlage durch ein PDF/A-2-Dokument (beim Speichern "
                "„PDF/A“ wählen)."
            )

    def _site(
        self, docs: list[VorlageDoc], sitzungen: list[SitzungDoc], minutes: list[NiederschriftDoc], manifest: Manifest
    ) -> None:
        for name, asset in self.composer.templates.asset_files(self.facts.koerperschaft.hausstil.schrift).items():
            self._write(PurePosixPath("assets") / name, read_file(asset, within=self.roots))
        if self.facts.stylesheet:
            self._write(PurePosixPath("assets") / "hausstil.css", read_file(self.facts.stylesheet, within=self.roots))
        if self.facts.logo:
            logo = read_file(self.facts.logo, within=self.roots)
            self._write(PurePosixPath("assets") / f"logo{self.facts.logo.suffix}", logo)
        mappen = {s.id for s in sitzungen if f"mappe:{s.id}" in manifest.entries}
        public = [shown(d) for d in docs if d.oeffentlich]
        # the public page sees only the public Niederschrift's folder; the internal one also Auszüge and Beschlusskontrolle
        oeffentlich = {m.id: dict(ordner=m.folder(False), intern=None, auszuege=[]) for m in minutes}
        intern = {
            m.id: dict(
                ordner=m.folder(False),
                intern=m.folder(True),
                auszuege=[(e.punkt.top, m.folder(True) / e.auszug) for e in m.eintraege if e.auszug in m.auszuege],
            )
            for m in minutes
        }
        self._write(
            PurePosixPath("index.html"),
            self._index(public, sitzungen, mappen, oeffentlich, [], PUBLIC.parent, "Sitzungen und Vorlagen"),
        )
        self._write(
            INTERNAL.parent / "index.html",
            self._index(
                docs, sitzungen, mappen, intern, self.kontrolle, INTERNAL.parent, "Sitzungen und Vorlagen (intern)"
            ),
        )

    def _index(
        self,
        docs,
        sitzungen,
        mappen: set[str],
        niederschriften: dict[str, dict],
        kontrolle: list[tuple[str, PurePosixPath]],
        base: PurePosixPath,
        titel: str,
    ) -> bytes:
        """An overview page at `base`; the internal one lists everything, the public one only public documents."""

        def link(path: PurePosixPath) -> str:
            return relative(path, base)

        html = self.composer.templates.render(
            "index.html.j2",
            koerperschaft=self.facts.koerperschaft,
            docs=docs,
            mappen=mappen,
            sitzungen=sorted(sitzungen, key=lambda s: (s.sitzung.datum, s.id)),  # by date, as the column says
            niederschriften=niederschriften,
            kontrolle=kontrolle,
            titel=titel,
            assets=link(PurePosixPath("assets")) + "/",
            link=link,
            intern=base != PUBLIC.parent,
        )
        return html.encode()


class _Window:
    """Keeps at most `limit` render jobs in flight and writes each PDF as soon as it is done."""

    def __init__(self, builder: Builder, renderer: Renderer, limit: int):
        self.builder, self.renderer, self.limit = builder, renderer, limit
        self.pending: dict[Future, tuple[PurePosixPath, str | None, Entry]] = {}
        self.problems = []

    def submit(self, path: PurePosixPath, job: RenderJob, label: str | None, entry: Entry) -> None:
        while len(self.pending) >= self.limit:
            self._collect()
        self.builder.rendered += 1
        self.pending[self.renderer.submit(job)] = (path, label, entry, job.where)

    def drain(self) -> None:
        while self.pending:
            self._collect()
        raise_if(self.problems)

    def _collect(self) -> None:
        done, _ = wait(self.pending, timeout=render_seconds(), return_when=FIRST_COMPLETED)
        if not done:  # no worker finished anything for that long: one hangs – replace them, name what was open
            seconds = render_seconds()
            for path, _label, _entry, where in self.pending.values():
                self.problems.append(
                    Problem(
                        where,
                        f"Das Dokument „{path.name}“ wurde in {seconds:.0f} Sekunden nicht "
                        "fertig gesetzt – der Satzprozess wurde beendet. Prüfen Sie sehr "
                        "große Bilder oder Tabellen; bleibt es dabei, setzen Sie "
                        "VORLAGEN_SATZ_SEKUNDEN höher.",
                    )
                )
            for future in self.pending:
                future.cancel()  # so that the pool's replacement does not retry them
            self.pending.clear()
            self.renderer.replace()
            return
        for future in done:
            path, label, entry, _ = self.pending.pop(future)
            try:
                result = future.result()
            except BuildFailed as failed:
                self.problems += failed.problems
                continue
            self.builder._write(path, result.pdf)
            if result.warnings:  # kept with the entry: a later build that reuses the PDF warns again
                entry.warnungen[str(path)] = [str(warning) for warning in result.warnings]
            for warning in result.warnings:
                self.builder.progress.warn(str(warning))
            entry.pdf_reads[str(path)] = relative_reads(result.reads, self.builder.facts.data_dir)
            entry.reads.update(entry.pdf_reads[str(path)])
            if label:
                self.builder.progress.step(label)
