"""Assembles one Vorlage and its Anlagen into HTML, ready for the browser and for print; the document it fills, with
where its files go, is in render/vorlagendokument."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePosixPath
from urllib.parse import quote

from markupsafe import Markup

from vorlagen.compute.beratung import beratungsfolge
from vorlagen.compute.hauptbuch import Project, Rechnung
from vorlagen.compute.mitzeichnung import erforderlich, haushaltsrecht
from vorlagen.compute.names import Names
from vorlagen.compute.offen import ART_OFFEN, zitiert
from vorlagen.core.fmt import slugify
from vorlagen.core.problems import Problem, Where, raise_if
from vorlagen.load.facts import Facts
from vorlagen.load.hausstil import SCHRIFTEN
from vorlagen.load.satz import Satz
from vorlagen.load.vorlage import Vorlage
from vorlagen.load.vorlagenart import Vorlagenart
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.render import angaben, druckbild, freigabe, public, seitensatz
from vorlagen.render.freigabe import Freigabe
from vorlagen.render.templates import TEMPLATES, Templates
from vorlagen.render.text import Prose, Rendered, Umfang
from vorlagen.render.verweise import print_links
from vorlagen.render.vorlagendokument import INTERNAL, PUBLIC, AnlageDoc, VorlageDoc


def gesetzt(macro: Callable[..., tuple[Markup, list[Problem]]], value: object, problems: list[Problem]) -> Markup:
    """A table set by its template's macro; the macro's problems go to `problems`."""
    html, found = macro(value)
    problems.extend(found)
    return html


def assets_prefix(folder: PurePosixPath) -> str:
    """Relative way from an output folder back to output/assets/."""
    return "../" * len(folder.parts) + "assets/"


class Composer:
    """Turns checked sources into HTML documents."""

    def __init__(self, project: Project, alle_freigaben: bool = False):
        self.project = project
        self.alle_freigaben = alle_freigaben  # the sign-off state of every Vorlage, also where none is asked
        self.facts: Facts = project.facts
        stellen, zahlformat = self.facts.koerperschaft.prozent_stellen, self.facts.koerperschaft.zahlformat
        self.templates = Templates(self.facts.data_dir, self.facts.paths, zahlformat, stellen)
        self.prose = Prose(zahlformat, stellen)
        self.tabelle = self.templates.macro("tabellen.html.j2", "tabelle")
        self.verteilung = self.templates.macro("tabellen.html.j2", "verteilung")

    def compose_all(self) -> list[VorlageDoc]:
        """Every Vorlage; raises BuildFailed with the problems of all of them together."""
        docs, problems = [], []
        for source in self.facts.vorlagen:
            doc, found = self.composed(source)
            docs += [doc] if doc is not None else []
            problems += found
        raise_if(problems)
        return docs

    def plan(self, source: VorlageSource, entwurf: bool = False) -> VorlageDoc:
        """Where a Vorlage and its Anlagen go, without composing them: enough for indexes and agendas. An ENTWURF
        (`entwurf`) goes to intern/ even when public: the public part keeps its last released state."""
        vorlage = source.vorlage
        folder = (PUBLIC if vorlage.oeffentlich and not entwurf else INTERNAL) / source.slug
        anlagen = []
        for nummer, anlage in enumerate(vorlage.anlagen, start=1):
            public = vorlage.oeffentlich and anlage.oeffentlich
            datei = (folder if public else INTERNAL / source.slug) / f"anlage-{nummer}-{slugify(anlage.titel)}.pdf"
            anlagen.append(AnlageDoc(nummer, anlage.titel, public, datei, anlage.datei, querformat=anlage.querformat))
        return VorlageDoc(source, folder, anlagen, word=self.facts.koerperschaft.hausstil.word.dateien)

    def compose(self, source: VorlageSource) -> VorlageDoc:
        """The HTML of a Vorlage and its Anlagen; raises BuildFailed with every problem of its texts."""
        doc, problems = self.composed(source)
        raise_if(problems)
        assert doc is not None  # composed() gives a document or problems
        return doc

    def composed(self, source: VorlageSource, als_entwurf: bool = False) -> tuple[VorlageDoc | None, list[Problem]]:
        """The HTML of a Vorlage and its Anlagen, or None and every problem of its texts and templates;
        `als_entwurf`: composed where an ENTWURF goes (plan)."""
        doc = self.plan(source, als_entwurf)
        vorlage = source.vorlage
        shown = public.vorlage(vorlage) if vorlage.oeffentlich else vorlage  # what its templates and texts see
        rechnung = self.project.rechnung(source)
        problems: list[Problem] = []
        placed: set[str] = set()
        names = self._names(source, rechnung, placed, problems)
        links = self._links(source, doc, doc.folder, vorlage.oeffentlich)
        umfang = Umfang()  # the texts of the Vorlage's own document together

        def render(name: str, shift: int = 1) -> Rendered:
            rendered, found = self.prose.render(source.texts[name], names, shift, links, umfang)
            problems.extend(found)
            return rendered

        sections = [render(name) for name in vorlage.abschnitte]
        vorschlag = render(vorlage.beschlussvorschlag, 2) if vorlage.beschlussvorschlag else None
        finanzen = render(vorlage.finanzen_text, 2) if vorlage.finanzen_text else None
        texte = {key: render(name, 2) for key, name in vorlage.texte.items()}  # before raise_if: same strict names
        for anlage in doc.anlagen:
            problems += self._anlage(source, doc, shown, anlage, names)
        rollen, found = erforderlich(self.facts.koerperschaft.hausstil, source, rechnung.haushalt)
        if problems or found:
            return None, problems + found
        steps = beratungsfolge(self.facts, vorlage, self.project.ergebnisse)
        stil = self.facts.koerperschaft.hausstil
        art = stil.arten[vorlage.art] if vorlage.art is not None else Vorlagenart()
        context = dict(
            koerperschaft=self.facts.koerperschaft,
            vorlage=shown,
            rechnung=rechnung,
            beschreibung=vorlage.betreff,
            erstellt=source.stand,
            art=art.ueberschrift or vorlage.art or ART_OFFEN,
            ohne_beschlussvorschlag=art.ohne_beschlussvorschlag,
            hausstil_abschnitte=[
                (a, texte[a.id].html if a.id in texte else None)
                for a in stil.abschnitte
                if a.id in texte or (a.form == "klimaschutz" and vorlage.klimaschutz)
            ],
            klimaschutz=stil.klimaantworten()[vorlage.klimaschutz.auswirkung].text if vorlage.klimaschutz else None,
            beratungsfolge=public.schritte(steps) if vorlage.oeffentlich else steps,
            abschnitte=[s.html for s in sections],
            beschlussvorschlag=vorschlag.html if vorschlag else None,
            finanzen_text=finanzen.html if finanzen else None,
            weitere_tabellen=[
                gesetzt(self.tabelle, t, problems) for t in rechnung.tabellen.values() if t.id not in placed
            ],
            weitere_verteilungen=[
                gesetzt(self.verteilung, v, problems) for v in rechnung.verteilungen.values() if v.id not in placed
            ],
            anlagen=public.anlagen(doc.anlagen) if vorlage.oeffentlich else doc.anlagen,
            **angaben.angaben(self.facts, vorlage),  # head, signature, Bezug, Einreicher and linked Drucksachen
        )
        web, found = self.templates.render("vorlage.html.j2", **context, **self.assets(doc.folder, web=True))
        gedruckt, more = self.templates.render("vorlage.html.j2", **context, **self.assets(doc.folder, web=False))
        if problems or found or more:  # a table of the context or the Vorlage's own template
            return None, problems + found + more
        printed = self._print_links(gedruckt, doc, doc.folder, [*sections, *texte.values(), vorschlag, finanzen])
        doc.freigabe, found = self._freigabe(source, doc, (web, printed), context, rollen)
        entwurf = doc.freigabe if doc.freigabe is not None and doc.freigabe.entwurf else None
        marks, more = self.templates.render("entwurf.html.j2", wer=entwurf.wer()) if entwurf else (None, [])
        if found or more:
            return None, found + more
        mark = (lambda html: freigabe.marked(html, marks)) if marks else (lambda html: html)  # noqa: E731
        doc.web_html, doc.ohne_marken = mark(web), web if marks else None
        doc.print_html = mark(printed)
        for anlage in doc.anlagen:
            anlage.html = mark(anlage.html) if anlage.html is not None else None
        doc.bilder = [b for s in [*sections, *texte.values()] for b in s.bilder]
        return doc, []

    def _freigabe(
        self, source: VorlageSource, doc: VorlageDoc, html: tuple[str, str], context: dict, rollen: list[str]
    ) -> tuple[Freigabe | None, list[Problem]]:
        """The sign-offs (of the roles that must sign, `rollen`) against what the Vorlage prints now (`html`: its
        web and print HTML without ENTWURF marks); None when the Hausstil asks none and none is given."""
        haushalt = self.project.rechnung(source).haushalt
        if not rollen and not source.mitzeichnungen and not self.alle_freigaben:
            return None, []
        grund, daten = haushaltsrecht(haushalt, self.facts.koerperschaft.zahlformat), source.vorlage.finanzen_daten
        gruende: dict[str, tuple[str, Where | None]] = (
            {}
            if grund is None or daten is None
            else {self.facts.koerperschaft.hausstil.mitzeichnung.kaemmerei: (grund, daten.where("positionen"))}
        )
        schritte = context["beratungsfolge"]
        web, printed = html
        if any(s.ergebnis for s in schritte):  # results come later and are not signed: nor is their column
            ohne = dict(context, beratungsfolge=[replace(s, ergebnis=None) for s in schritte])
            web, found = self.templates.render("vorlage.html.j2", **ohne, **self.assets(doc.folder, web=True))
            gedruckt, more = self.templates.render("vorlage.html.j2", **ohne, **self.assets(doc.folder, web=False))
            if found or more:
                return None, found + more
            printed = self._print_links(gedruckt, doc, doc.folder, [])
        druck = druckbild.fassungen(printed, doc.anlagen)
        roots = (self.facts.data_dir, TEMPLATES)
        bild = druckbild.bild(druck, source.folder, roots)
        return freigabe.freigabe(
            rollen,
            source.mitzeichnungen,
            freigabe.signed_text(web, doc.anlagen, bild),
            source.gezeichnet,
            gruende,
            source.unlesbar,
            beschlossen=self.project.entschieden.get(source.slug),
            stellen=freigabe.haushaltsstellen(haushalt),
            druck=druck,
            jetzt=lambda: seitensatz.jetzt(druck, source.folder, roots, Satz.aus(self.facts.koerperschaft.hausstil)),
        ), []

    def _names(self, source: VorlageSource, rechnung: Rechnung, placed: set[str], problems: list[Problem]) -> dict:
        """What the texts of a Vorlage may quote; a table a text sets adds its template's problems to `problems`."""

        def tabelle(table_id: str) -> Markup:
            placed.add(table_id)
            return gesetzt(self.tabelle, rechnung.tabellen[table_id], problems)

        def verteilung(verteilung_id: str) -> Markup:
            placed.add(verteilung_id)
            return gesetzt(self.verteilung, rechnung.verteilungen[verteilung_id], problems)

        return {**zitierbar(self.project, source, rechnung), "tabelle": tabelle, "verteilung": verteilung}

    def names(self, source: VorlageSource, problems: list[Problem]) -> dict:
        """What texts about this Vorlage may quote (e.g. a Niederschrift's TOP on it); the problems of the tables
        they set go to `problems`."""
        return self._names(source, self.project.rechnung(source), set(), problems)

    def _anlage(
        self, source: VorlageSource, doc: VorlageDoc, shown: Vorlage, anlage: AnlageDoc, names: dict
    ) -> list[Problem]:
        """Sets the print HTML of a Markdown Anlage, or the bytes of a PDF Anlage; the problems of its text."""
        if anlage.quelle.endswith(".md") and anlage.quelle in source.texts:
            links = self._links(source, doc, anlage.datei.parent, anlage.oeffentlich)
            body, problems = self.prose.render(source.texts[anlage.quelle], names, links=links)
            html, found = self.templates.render(
                "anlage.html.j2",
                koerperschaft=self.facts.koerperschaft,
                vorlage=shown,
                anlage=anlage,
                inhalt=body.html,
                beschreibung=anlage.titel,
                erstellt=source.stand,
                **self.assets(anlage.datei.parent, web=False),
            )
            anlage.html = self._print_links(html, doc, anlage.datei.parent, [body])
            return problems + found
        anlage.pdf = source.pdfs.get(anlage.quelle)
        return []

    @staticmethod
    def _links(source: VorlageSource, doc: VorlageDoc, folder: PurePosixPath, public: bool) -> dict:
        """Source file of each Anlage → its published file relative to `folder` (None: not to be named here)."""
        return {
            (source.folder / a.quelle).resolve(): posixpath.relpath(str(a.datei), str(folder))
            if a.oeffentlich or not public
            else None
            for a in doc.anlagen
        }

    def _print_links(self, html: str, doc: VorlageDoc, folder: PurePosixPath, texts: list[Rendered | None]) -> str:
        """Links to Anlagen in the print HTML of a document in `folder`: absolute where the Anlage is published."""

        def target(href: str) -> str | None:
            path = PurePosixPath(posixpath.normpath(posixpath.join(str(folder), href)))
            oparl = self.facts.koerperschaft.oparl
            if oparl is None or path.parts[0] == INTERNAL.parts[0]:  # intern/ is not published at basis_url
                return None
            return oparl.basis + quote(path.as_posix())

        doc.verweise_als_text += [where for text in texts if text for where, href in text.verweise if not target(href)]
        return print_links(html, target)

    def assets(self, folder: PurePosixPath, web: bool) -> dict:
        """Where the stylesheet, fonts and logo are: relative for the web, file URLs for print."""
        logo, css = self.facts.logo, self.facts.stylesheet
        schrift = self.facts.koerperschaft.hausstil.schrift
        datei = f"fonts/{SCHRIFTEN[schrift]}" if schrift != "Liberation Sans" else None
        if web:
            prefix = assets_prefix(folder)
            return dict(
                assets=prefix,
                logo=prefix + "logo" + logo.suffix if logo else None,
                print=False,
                stylesheet=prefix + "hausstil.css" if css else None,
                schrift=prefix + datei if datei else None,
            )
        prefix = self.templates.assets_folder.as_uri() + "/"
        return dict(
            assets=prefix,
            logo=logo.as_uri() if logo else None,
            print=True,
            stylesheet=css.as_uri() if css else None,
            schrift=prefix + datei if datei else None,
        )


def zitierbar(project: Project, source: VorlageSource, rechnung: Rechnung) -> dict:
    """The values a Vorlage's texts and its Betreff may quote by name (a public Vorlage: as the public sees it)."""
    vorlage = source.vorlage
    return dict(
        finanzierung=rechnung.tabellen,
        uebersicht=rechnung.uebersicht,
        bescheide=rechnung.bescheide,
        antraege=rechnung.antraege,
        zahlen=rechnung.zahlen,
        kennzahlen=rechnung.kennzahlen,
        verteilungen=rechnung.verteilungen,
        vorlage=zitiert(public.vorlage(vorlage) if vorlage.oeffentlich else vorlage),
        koerperschaft=project.facts.koerperschaft,
        saetze=Names.of("den Kosten- und Fördersätzen", project.facts.saetze),
        stellen=project.stellen,
        haushalt=rechnung.haushalt,
    )
