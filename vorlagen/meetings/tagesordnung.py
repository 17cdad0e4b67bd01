"""Documents of a Sitzung: the agenda (public and internal), the packet's cover and page stamps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from vorlagen.compute.sitzungen import tops
from vorlagen.core.fmt import datum
from vorlagen.core.problems import Problem, raise_if
from vorlagen.load.koerperschaft import Gremium
from vorlagen.load.sitzungen import Sitzung, Top
from vorlagen.render import drucksachen, public
from vorlagen.render.document import Composer
from vorlagen.render.vorlagendokument import INTERNAL, VorlageDoc, relative

PUBLIC_MEETINGS = PurePosixPath("sitzungen")
INTERNAL_MEETINGS = INTERNAL.parent / "sitzungen"


@dataclass
class Punkt:
    """A TOP as shown: its Vorlage, if any, is resolved."""

    top: str
    oeffentlich: bool
    gegenstand: str
    doc: VorlageDoc | None
    nummer: str | None = None
    link: str | None = None
    einreicher: str | None = None  # who submitted an Antrag or Anfrage on this TOP, as printed


@dataclass
class SitzungDoc:
    id: str
    sitzung: Sitzung
    gremium: Gremium
    punkte: list[Punkt]
    html: dict[bool, tuple[str, str]] = field(default_factory=dict)  # intern → (web, print)

    def folder(self, intern: bool) -> PurePosixPath:
        return (INTERNAL_MEETINGS if intern else PUBLIC_MEETINGS) / self.id

    def teil(self, intern: bool) -> list[Punkt]:
        """The TOPs of one packet: the public part, or the non-public part."""
        return [p for p in self.punkte if p.oeffentlich != intern]


class Meetings:
    """Composes agenda, cover and stamp HTML with the Vorlagen's composer."""

    def __init__(self, composer: Composer):
        self.composer = composer
        self.facts = composer.facts

    def compose(self, sitzung_id: str, docs: dict[str, VorlageDoc]) -> SitzungDoc:
        sitzung = self.facts.sitzungen[sitzung_id]
        gremium = self.facts.gremium(sitzung.gremium)
        punkte = [self._punkt(public, top, docs) for public, top in tops(sitzung)]
        doc = SitzungDoc(sitzung_id, sitzung, gremium, punkte)
        problems = []
        for intern in (False, True):
            (web, found), (druck, more) = self._agenda(doc, intern, True), self._agenda(doc, intern, False)
            doc.html[intern] = (web, druck)
            problems += found + more
        raise_if(problems)
        return doc

    def _punkt(self, public: bool, top: Top, docs: dict[str, VorlageDoc]) -> Punkt:
        vorlage_doc = docs.get(top.vorlage) if top.vorlage else None
        gegenstand = top.titel or (vorlage_doc.source.vorlage.betreff if vorlage_doc else "")
        wer = drucksachen.einreicher(self.facts, vorlage_doc.source.vorlage) if vorlage_doc else None
        return Punkt(top.top, public, gegenstand, vorlage_doc, top.vorlage, einreicher=wer)

    def _agenda(self, doc: SitzungDoc, intern: bool, web: bool) -> tuple[str, list[Problem]]:
        folder = doc.folder(intern)
        shown = (
            doc.teil(False)
            if intern
            else [replace(p, doc=public.document(p.doc)) if p.doc else p for p in doc.teil(False)]
        )
        teile = [dict(titel="Öffentlicher Teil", punkte=self._rows(shown, folder, web), leer="Keine Punkte.")]
        if intern:
            teile.append(
                dict(
                    titel="Nichtöffentlicher Teil", punkte=self._rows(doc.teil(True), folder, web), leer="Keine Punkte."
                )
            )
        elif doc.teil(True):
            teile.append(
                dict(
                    titel="Nichtöffentlicher Teil",
                    punkte=[],
                    leer="Es folgt ein nichtöffentlicher Teil; seine Punkte werden nicht veröffentlicht.",
                )
            )
        return self.composer.templates.render(
            "tagesordnung.html.j2",
            koerperschaft=self.facts.koerperschaft,
            sitzung=doc.sitzung if intern else public.sitzung(doc.sitzung),
            gremium=doc.gremium,
            teile=teile,
            intern=intern,
            beschreibung=f"Tagesordnung {doc.gremium.name}, Sitzung am {datum(doc.sitzung.datum)}",
            erstellt=doc.sitzung.datum,
            **self.composer.assets(folder, web),
        )

    @staticmethod
    def _rows(punkte: list[Punkt], folder: PurePosixPath, web: bool) -> list[Punkt]:
        """The TOPs as rows; on the web each Vorlage is linked relative to `folder`, in print nothing is – nor is, on
        a public page, a Vorlage that lies in intern/ (an ENTWURF never released)."""
        if not web:
            return punkte
        oeffentlich = folder.parts[0] != INTERNAL.parts[0]
        return [
            replace(p, link=relative(p.doc.folder / f"{p.doc.source.slug}.html", folder))
            if p.doc is not None and not (oeffentlich and p.doc.folder.parts[0] == INTERNAL.parts[0])
            else p
            for p in punkte
        ]

    def cover(self, doc: SitzungDoc, intern: bool, inhalt: Sequence[object]) -> str:
        """The cover page of a Sitzungsmappe (`inhalt`: its table of contents, mappe.Eintrag each); raises BuildFailed
        when its template fails."""
        html, problems = self.composer.templates.render(
            "deckblatt.html.j2",
            koerperschaft=self.facts.koerperschaft,
            sitzung=doc.sitzung if intern else public.sitzung(doc.sitzung),
            gremium=doc.gremium,
            intern=intern,
            inhalt=inhalt,
            beschreibung=f"Sitzungsmappe {doc.gremium.name}",
            erstellt=doc.sitzung.datum,
            **self.composer.assets(doc.folder(intern), web=False),
        )
        raise_if(problems)
        return html
