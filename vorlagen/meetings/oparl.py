"""The public OParl 1.1 object graph of a build: its Sitzungen with their TOPs, its Vorlagen with their
Consultations, and their files; the Body with its Organizations beside them is oparl_koerperschaft.py.

Objects refer to each other by id (oparl_graph.py). Only public documents enter the graph: non-public Vorlagen,
Anlagen and TOPs are left out entirely.
After the meeting the recorded results of the public TOPs and the public Niederschrift join it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import PurePosixPath

from vorlagen.compute.niederschrift import ergebnisse
from vorlagen.core.fmt import datum
from vorlagen.load.facts import Facts
from vorlagen.load.sitzungen import Sitzung, uhrzeit
from vorlagen.meetings.oparl_graph import SCHEMA, ZONE, Graph, Objekt, wiederhergestellt
from vorlagen.meetings.oparl_koerperschaft import gremium_id_of, koerperschaft, organisationen
from vorlagen.meetings.oparl_urheber import urheber
from vorlagen.meetings.tagesordnung import PUBLIC_MEETINGS, Punkt, SitzungDoc
from vorlagen.render.document import slugify
from vorlagen.render.vorlagendokument import VorlageDoc
from vorlagen.render.word.paket import MIME


def build(
    facts: Facts,
    docs: list[VorlageDoc],
    sitzungen: list[SitzungDoc],
    mappen: set[str],
    read: Callable[[PurePosixPath], bytes],
    beschluesse: dict[tuple[str, str], str] | None = None,
    entwuerfe: frozenset[str] | set[str] = frozenset(),
    frueher: list[Objekt] | None = None,
) -> Graph:
    """The graph of this build; `read` gives the bytes of a public output file, `mappen` the Sitzungen with a packet,
    `beschluesse` the plain text of each public TOP's Beschluss by (Sitzung id, TOP) from the Niederschriften,
    `entwuerfe` the Vorlagen (by kennung) not yet released: published neither as Paper nor as File – an ENTWURF
    released before keeps its Paper as published then (`frueher`: the Papers of the previous output)."""
    oparl = facts.koerperschaft.oparl
    assert oparl is not None  # the builder asks for a graph only where koerperschaft.yaml has „oparl“
    graph = Graph(oparl.basis)
    for paper in frueher or []:
        wiederhergestellt(graph, paper)
    return _Builder(graph, facts, read, beschluesse or {}, entwuerfe).build(docs, sitzungen, mappen)


class _Builder:
    def __init__(
        self,
        graph: Graph,
        facts: Facts,
        read: Callable[[PurePosixPath], bytes],
        beschluesse: dict[tuple[str, str], str],
        entwuerfe: frozenset[str] | set[str] = frozenset(),
    ):
        self.graph, self.facts, self.read, self.beschluesse = graph, facts, read, beschluesse
        self.entwuerfe = entwuerfe
        self.body = graph.body_id(facts)
        self.ergebnisse = ergebnisse(facts)  # (Sitzung id, TOP) → recorded result

    def build(self, docs: list[VorlageDoc], sitzungen: list[SitzungDoc], mappen: set[str]) -> Graph:
        g, facts = self.graph, self.facts
        # a Vorlage whose Nummer is open is not published: its id would change with the Nummer (`check` lists it)
        # nor is an ENTWURF (a required sign-off missing or stale): it is published once it is released
        public = {nummer: d for d in docs if self._published(d) and (nummer := d.source.vorlage.nummer) is not None}
        composed = {s.id: s for s in sitzungen}
        pairs: dict[tuple[str, str], str | None] = {}  # (Nummer, Sitzung) → Beratungsrolle
        for nummer, doc in public.items():
            for beratung in doc.source.vorlage.beratungsfolge:
                if beratung.sitzung is not None:  # a Termin still open is no Consultation yet
                    pairs[(nummer, beratung.sitzung)] = beratung.rolle
        for sid, sitzung_doc in composed.items():
            for punkt in sitzung_doc.teil(intern=False):
                nummer = punkt.doc.source.vorlage.nummer if punkt.doc is not None else None
                if punkt.doc is not None and self._published(punkt.doc) and nummer is not None:
                    pairs.setdefault((nummer, sid), None)
        for sid in sorted(facts.sitzungen):
            self._meeting(sid, composed.get(sid), sid in mappen)
        for nummer in sorted(public):
            self._paper(public[nummer], {sid: rolle for (n, sid), rolle in pairs.items() if n == nummer})
        first = min(
            g.dates.values(), default=dt.date(2000, 1, 1)
        )  # the Body and its Organizations exist from the first
        organisationen(g, facts, self.body, first)
        koerperschaft(g, facts, self.body, first)
        return g

    def _stamp_date(self, sitzung: Sitzung) -> dt.date:
        """A Sitzung's objects are first published with its invitation: the date minus the Gremium's deadline."""
        return sitzung.datum - dt.timedelta(days=self.facts.gremium(sitzung.gremium).frist_tage)

    def _file(
        self,
        key: str,
        label: str,
        path: PurePosixPath,
        file_name: str,
        date: dt.date | None,  # None: a Vorlage without its own date – none is invented
        stamp: dt.date,
        mime: str = "application/pdf",
        **links: list[str],
    ) -> str:
        content = self.read(path)
        url = self.graph.base + path.as_posix()
        return self.graph.add(
            {
                "id": self.graph.url("file", key),
                "type": SCHEMA + "File",
                "name": label,
                "fileName": file_name,
                "mimeType": mime,
                **({"date": date.isoformat()} if date else {}),
                "size": len(content),
                "sha512Checksum": hashlib.sha512(content).hexdigest(),
                "accessUrl": url,
                "downloadUrl": url,
                **links,
            },
            stamp,
        )

    def _meeting(self, sid: str, doc: SitzungDoc | None, mappe: bool) -> None:
        g, sitzung = self.graph, self.facts.sitzungen[sid]
        gremium = self.facts.gremium(sitzung.gremium)
        key, stamp = slugify(sid), self._stamp_date(sitzung)
        meeting_id = g.url("meeting", key)
        meeting: Objekt = {
            "id": meeting_id,
            "type": SCHEMA + "Meeting",
            "name": f"{gremium.name}, Sitzung am {datum(sitzung.datum)}",
            "meetingState": "eingeladen" if doc is not None else "terminiert",
            "cancelled": False,
        }
        niederschrift = self.facts.niederschriften.get(sid)
        beginn = (uhrzeit(niederschrift.niederschrift.beginn) if niederschrift else None) or sitzung.uhrzeit  # held
        start = dt.datetime.combine(sitzung.datum, dt.time(*beginn), ZONE) if beginn else None  # (else planned)
        if start is not None:
            meeting["start"] = start.isoformat()
            ende = uhrzeit(niederschrift.niederschrift.ende) if niederschrift else None
            if ende is not None:  # a Sitzung that ends after midnight ends the next day
                end = dt.datetime.combine(sitzung.datum, dt.time(*ende), ZONE)
                meeting["end"] = (end + dt.timedelta(days=1) if end < start else end).isoformat()
        if sitzung.ort:
            meeting["location"] = g.add(
                {
                    "id": g.url("location", slugify(sitzung.ort)),
                    "type": SCHEMA + "Location",
                    "description": sitzung.ort,
                },
                stamp,
            )
        meeting["organization"] = [self._gremium_id(gremium.id)]
        if doc is not None:
            folder = PUBLIC_MEETINGS / sid
            meeting["web"] = g.base + (folder / "tagesordnung.html").as_posix()
            meeting["invitation"] = self._file(
                f"tagesordnung-{key}",
                "Tagesordnung",
                folder / "tagesordnung.pdf",
                "tagesordnung.pdf",
                sitzung.datum,
                stamp,
                meeting=[meeting_id],
            )
            if mappe:
                meeting["auxiliaryFile"] = [
                    self._file(
                        f"sitzungsmappe-{key}",
                        "Sitzungsmappe, öffentlicher Teil",
                        folder / "sitzungsmappe.pdf",
                        "sitzungsmappe.pdf",
                        sitzung.datum,
                        stamp,
                        meeting=[meeting_id],
                    )
                ]
            meeting["agendaItem"] = [
                self._agenda_item(meeting_id, sid, order, punkt, stamp)
                for order, punkt in enumerate(doc.teil(intern=False), start=1)
            ]
        if doc is not None and niederschrift is not None:  # the public Niederschrift is written with the agenda
            meeting["meetingState"] = "durchgeführt"
            self._protokoll(meeting, sid, key, meeting_id)
        g.add(meeting, stamp)

    def _protokoll(self, meeting: Objekt, sid: str, key: str, meeting_id: str) -> None:
        """The public Niederschrift, the Meeting's resultsProtocol, and its Word file where the Hausstil publishes them
        (hausstil: word: veroeffentlichen)."""
        datum, folder = self.facts.sitzungen[sid].datum, PUBLIC_MEETINGS / sid
        name = "Niederschrift, öffentlicher Teil"
        meeting["resultsProtocol"] = self._file(f"niederschrift-{key}", name, folder / "niederschrift.pdf",
                                                "niederschrift.pdf", datum, datum, meeting=[meeting_id])  # fmt: skip
        if self.facts.koerperschaft.hausstil.word.veroeffentlichen:
            word = self._file(f"niederschrift-{key}-word", f"{name} (Word)", folder / "niederschrift.docx",
                              "niederschrift.docx", datum, datum, MIME, meeting=[meeting_id])  # fmt: skip
            meeting.setdefault("auxiliaryFile", []).append(word)

    def _agenda_item(self, meeting_id: str, sid: str, order: int, punkt: Punkt, stamp: dt.date) -> str:
        g, key = self.graph, slugify(sid)
        item = {
            "id": g.url("agendaitem", key, slugify(punkt.top)),
            "type": SCHEMA + "AgendaItem",
            "meeting": meeting_id,
            "number": punkt.top,
            "order": order,
            "name": punkt.gegenstand,
            "public": True,
        }
        beratung = self._consultation_id(punkt.doc, key) if punkt.doc is not None else ""
        if punkt.doc is not None and (self._published(punkt.doc) or beratung in g.objects):  # or released before
            item["consultation"] = beratung
        item.update(self._result(punkt, sid))
        return g.add(item, stamp)

    def _result(self, punkt: Punkt, sid: str) -> dict:
        """AgendaItem.result of a public TOP once its Niederschrift records it, and the text of an adopted Beschluss."""
        recorded = self.ergebnisse.get((sid, punkt.top))
        if recorded is None or not recorded.oeffentlich or not punkt.oeffentlich:
            return {}
        fields = {"result": recorded.kurz}
        text = self.beschluesse.get((sid, punkt.top))
        if recorded.ergebnis == "Beschluss" and recorded.angenommen and text:
            fields["resolutionText"] = text
        return fields

    def _published(self, doc: VorlageDoc) -> bool:
        """A public Vorlage with a Nummer that is released."""
        source = doc.source
        return doc.oeffentlich and source.vorlage.nummer is not None and source.kennung not in self.entwuerfe

    def _consultation_id(self, doc: VorlageDoc, meeting_key: str) -> str:
        return self.graph.url("consultation", slugify(doc.source.slug), meeting_key)

    def _paper(self, doc: VorlageDoc, beratungen: dict[str, str | None]) -> None:
        g, vorlage, slug = self.graph, doc.source.vorlage, doc.source.slug
        paper_id, stamp = g.url("paper", slugify(slug)), doc.source.stand
        main = self._file(
            f"vorlage-{slugify(slug)}",
            f"{vorlage.art} {vorlage.nummer}",
            doc.folder / f"{slug}.pdf",
            f"vorlage-{slug}.pdf",
            vorlage.datum,
            stamp,
            paper=[paper_id],
        )
        auxiliary = [
            self._file(
                f"vorlage-{slugify(slug)}-anlage-{a.nummer}",
                f"Anlage {a.nummer}: {a.titel}",
                a.datei,
                f"vorlage-{slug}-anlage-{a.nummer}.pdf",
                vorlage.datum,
                stamp,
                paper=[paper_id],
            )
            for a in doc.anlagen
            if a.oeffentlich
        ]
        auxiliary += self._word_files(doc, paper_id, stamp)
        consultations = []
        for sid in sorted(beratungen, key=lambda s: (self.facts.sitzungen[s].datum, s)):
            sitzung, rolle = self.facts.sitzungen[sid], beratungen[sid]
            meeting_key = slugify(sid)
            consultation: Objekt = {
                "id": self._consultation_id(doc, meeting_key),
                "type": SCHEMA + "Consultation",
                "paper": paper_id,
                "meeting": g.url("meeting", meeting_key),
                "organization": [self._gremium_id(sitzung.gremium)],
            }
            top = self._top(sid, vorlage.nummer)
            item = g.url("agendaitem", meeting_key, slugify(top or ""))
            if item in g.objects:
                consultation["agendaItem"] = item
            if rolle is not None:
                consultation.update(
                    authoritative=self.facts.koerperschaft.hausstil.rollen[rolle].entscheidet, role=rolle
                )
            # on a public agenda, not in the Beratungsfolge
            elif top is not None and item in g.objects and (sid, top) in self.ergebnisse:
                consultation["authoritative"] = self.ergebnisse[(sid, top)].ergebnis == "Beschluss"
            consultations.append(g.add(consultation, stamp))
        g.add(
            {
                "id": paper_id,
                "type": SCHEMA + "Paper",
                "body": self.body,
                "name": vorlage.betreff,
                "reference": vorlage.nummer,
                **({"date": vorlage.datum.isoformat()} if vorlage.datum else {}),  # its own date, none invented
                "paperType": vorlage.art,
                "mainFile": main,
                "auxiliaryFile": auxiliary,
                **urheber(g, vorlage),  # the leading Amt, or the Fraktion or members that submitted it
                "consultation": consultations,
                "web": g.base + (doc.folder / f"{slug}.html").as_posix(),
            },
            stamp,
        )

    def _word_files(self, doc: VorlageDoc, paper_id: str, stamp: dt.date) -> list[str]:
        """The Word files of a public Vorlage and of its public Anlagen from Markdown, where the Hausstil publishes
        them (hausstil: word: veroeffentlichen)."""
        word, slug = self.facts.koerperschaft.hausstil.word.veroeffentlichen, doc.source.slug
        return [
            self._file(
                f"vorlage-{slugify(slug)}{end.removesuffix('.docx')}-word",
                f"{titel} (Word)",
                path,
                f"vorlage-{slug}{end}",
                doc.source.vorlage.datum,
                stamp,
                MIME,
                paper=[paper_id],
            )  # fmt: skip
            for path, end, titel in doc.oeffentliche_dateien(word)
            if path.suffix == ".docx"
        ]

    def _top(self, sid: str, nummer: str | None) -> str | None:
        tagesordnung = self.facts.sitzungen[sid].tagesordnung
        for top in tagesordnung.oeffentlich if tagesordnung else []:
            if top.vorlage == nummer:
                return top.top
        return None

    def _gremium_id(self, gremium_id: str) -> str:
        return gremium_id_of(self.graph, gremium_id)
