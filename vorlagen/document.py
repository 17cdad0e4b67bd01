"""Assembles one Vorlage and its Anlagen into HTML, ready for the browser and for print."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from markupsafe import Markup

from . import plaintext
from .facts import Facts, Text, VorlageSource
from .names import Names
from .problems import BuildFailed, Problem, raise_if
from .project import Project, Rechnung
from .prose import Prose
from .render import TEMPLATES, Templates

PUBLIC = PurePosixPath("vorlagen")
INTERNAL = PurePosixPath("intern/vorlagen")


def slugify(text: str) -> str:
    """'Handlungskonzept KIM – Übersicht' → 'handlungskonzept-kim-uebersicht'."""
    text = text.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "anlage"


@dataclass
class AnlageDoc:
    nummer: int
    titel: str
    oeffentlich: bool
    datei: PurePosixPath  # output path
    html: str | None = None  # a Markdown Anlage, set for print
    pdf: bytes | None = None  # a PDF Anlage, passed through

    @property
    def text(self) -> str | None:
        """The plain-text rendition of a Markdown Anlage."""
        return plaintext.render(self.html) if self.html is not None else None


@dataclass
class VorlageDoc:
    source: VorlageSource
    folder: PurePosixPath  # output folder, public or internal
    web_html: str
    print_html: str
    anlagen: list[AnlageDoc] = field(default_factory=list)
    bilder: list[Path] = field(default_factory=list)

    @property
    def oeffentlich(self) -> bool:
        return self.source.vorlage.oeffentlich

    @property
    def text(self) -> str:
        """The plain-text rendition, as printed."""
        return plaintext.render(self.web_html)


def assets_prefix(folder: PurePosixPath) -> str:
    """Relative way from an output folder back to output/assets/."""
    return "../" * len(folder.parts) + "assets/"


class Composer:
    """Turns checked sources into HTML documents."""

    def __init__(self, project: Project):
        self.project = project
        self.facts: Facts = project.facts
        self.templates = Templates(self.facts.data_dir, self.facts.paths)
        self.prose = Prose()
        self.tabelle = self.templates.macro("tabellen.html.j2", "tabelle")
        self.verteilung = self.templates.macro("tabellen.html.j2", "verteilung")

    def compose_all(self) -> list[VorlageDoc]:
        """Every Vorlage; problems of all of them are reported together."""
        docs, problems = [], []
        for source in self.facts.vorlagen:
            try:
                docs.append(self.compose(source))
            except BuildFailed as failed:
                problems += failed.problems
        raise_if(problems)
        return docs

    def compose(self, source: VorlageSource) -> VorlageDoc:
        vorlage = source.vorlage
        rechnung = self.project.rechnung(source)
        folder = (PUBLIC if vorlage.oeffentlich else INTERNAL) / source.slug
        problems: list[Problem] = []
        placed: set[str] = set()
        names = self._names(source, rechnung, placed)
        render = lambda name, shift=1: self.prose.render(source.texts[name], names, problems, shift)  # noqa: E731
        sections = [render(name) for name in vorlage.abschnitte]
        vorschlag = render(vorlage.beschlussvorschlag, 2) if vorlage.beschlussvorschlag else None
        finanzen = render(vorlage.finanzielle_auswirkungen, 2) if vorlage.finanzielle_auswirkungen else None
        anlagen = self._anlagen(source, folder, names, problems)
        raise_if(problems)
        context = dict(
            koerperschaft=self.facts.koerperschaft, vorlage=vorlage, rechnung=rechnung,
            beschreibung=vorlage.betreff, erstellt=vorlage.datum,
            amt=next(a.name for a in self.facts.koerperschaft.aemter if a.id == vorlage.federfuehrend),
            beratungen=[(self.facts.sitzungen[b.sitzung], self._gremium(b.sitzung), b.rolle) for b in vorlage.beratungsfolge],
            abschnitte=[s.html for s in sections], beschlussvorschlag=vorschlag.html if vorschlag else None,
            finanzen_text=finanzen.html if finanzen else None,
            weitere_tabellen=[self.tabelle(t) for t in rechnung.tabellen.values() if t.id not in placed],
            weitere_verteilungen=[self.verteilung(v) for v in rechnung.verteilungen.values() if v.id not in placed],
            anlagen=anlagen, unterschrift=self._unterschrift(source), bezug=self._bezug(source),
        )
        web = self.templates.render("vorlage.html.j2", **context, **self.assets(folder, web=True))
        printed = self.templates.render("vorlage.html.j2", **context, **self.assets(folder, web=False))
        bilder = [b for s in sections for b in s.bilder]
        return VorlageDoc(source, folder, web, printed, anlagen, bilder)

    def _names(self, source: VorlageSource, rechnung: Rechnung, placed: set[str]) -> dict:
        def tabelle(table_id: str) -> Markup:
            placed.add(table_id)
            return self.tabelle(rechnung.tabellen[table_id])

        def verteilung(verteilung_id: str) -> Markup:
            placed.add(verteilung_id)
            return self.verteilung(rechnung.verteilungen[verteilung_id])

        return dict(finanzierung=rechnung.tabellen, uebersicht=rechnung.uebersicht, bescheide=rechnung.bescheide,
                    verteilungen=rechnung.verteilungen, vorlage=source.vorlage, koerperschaft=self.facts.koerperschaft,
                    saetze=Names("den Kosten- und Fördersätzen", self.facts.saetze),
                    tabelle=tabelle, verteilung=verteilung)

    def _anlagen(self, source: VorlageSource, folder: PurePosixPath, names: dict, problems: list[Problem]) -> list[AnlageDoc]:
        docs = []
        for nummer, anlage in enumerate(source.vorlage.anlagen, start=1):
            public = source.vorlage.oeffentlich and anlage.oeffentlich
            anlage_folder = folder if public else INTERNAL / source.slug
            datei = anlage_folder / f"anlage-{nummer}-{slugify(anlage.titel)}.pdf"
            doc = AnlageDoc(nummer, anlage.titel, public, datei)
            if anlage.datei.endswith(".md") and anlage.datei in source.texts:
                text: Text = source.texts[anlage.datei]
                body = self.prose.render(text, names, problems).html
                doc.html = self.templates.render("anlage.html.j2", koerperschaft=self.facts.koerperschaft,
                                                 vorlage=source.vorlage, anlage=doc, inhalt=body,
                                                 beschreibung=anlage.titel, erstellt=source.vorlage.datum,
                                                 **self.assets(anlage_folder, web=False))
            else:
                doc.pdf = source.pdfs.get(anlage.datei)
            docs.append(doc)
        return docs

    def assets(self, folder: PurePosixPath, web: bool) -> dict:
        """Where the stylesheet, fonts and logo are: relative for the web, file URLs for print."""
        logo = self.facts.logo
        if web:
            prefix = assets_prefix(folder)
            return dict(assets=prefix, logo=prefix + "logo" + logo.suffix if logo else None, print=False)
        return dict(assets=TEMPLATES.as_uri() + "/", logo=logo.as_uri() if logo else None, print=True)

    def _gremium(self, sitzung_id: str):
        gremium_id = self.facts.sitzungen[sitzung_id].gremium
        return next(g for g in self.facts.koerperschaft.gremien if g.id == gremium_id)

    def _bezug(self, source: VorlageSource) -> str | None:
        """'Ergänzung zu Vorlage 2021/0123 vom 27.05.2021' or 'Neufassung, ersetzt Vorlage …'."""
        bezug = source.vorlage.bezug
        if bezug is None:
            return None
        original = next(s.vorlage for s in self.facts.vorlagen if s.vorlage.nummer == bezug.vorlage)
        lead = "Ergänzung zu" if bezug.art == "Ergänzung" else "Neufassung, ersetzt"
        return f"{lead} Vorlage {original.nummer} vom {original.datum:%d.%m.%Y}"

    def _unterschrift(self, source: VorlageSource) -> list[str]:
        u = source.vorlage.unterschrift
        k = self.facts.koerperschaft
        if u is None:
            return [k.verwaltungschef] + ([f"gez. {k.verwaltungschef_name}"] if k.verwaltungschef_name else [])
        return (["Im Auftrag"] if u.im_auftrag else []) + [f"gez. {u.name}"] + ([u.funktion] if u.funktion else [])
