"""Documents after the meeting: the Niederschrift (public and internal) and an Auszug per TOP for the Fachamt."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from markupsafe import Markup

from vorlagen.compute.niederschrift import abstimmung_niederschrift, stimmberechtigt, top_of
from vorlagen.core.fmt import datum
from vorlagen.core.problems import Problem, raise_if
from vorlagen.load.dateien import Text
from vorlagen.load.facts import NiederschriftSource
from vorlagen.load.niederschrift import Protokollpunkt
from vorlagen.meetings.tagesordnung import INTERNAL_MEETINGS, PUBLIC_MEETINGS
from vorlagen.render import drucksachen, public
from vorlagen.render.document import Composer
from vorlagen.render.plaintext import render as plain
from vorlagen.render.text import Umfang
from vorlagen.render.vorlagendokument import VorlageDoc


@dataclass
class Eintrag:
    """One TOP of a Niederschrift as shown."""

    punkt: Protokollpunkt
    oeffentlich: bool
    gegenstand: str
    nummer: str | None  # Vorlage
    amt: str | None  # federführendes Amt der Vorlage: gets the Auszug
    text: Markup | None
    anmerkungen: list[Markup]
    beschluss: Markup | None
    geaendert: bool
    abstimmung: str | None
    ergebnis_satz: str | None

    @property
    def auszug(self) -> str:
        """File name of this TOP's Auszug: 'auszug-top-5-1.pdf'."""
        return f"auszug-top-{re.sub(r'[^0-9A-Za-z]+', '-', self.punkt.top).strip('-')}.pdf"


@dataclass
class NiederschriftDoc:
    id: str
    source: NiederschriftSource
    eintraege: list[Eintrag]
    html: dict[bool, tuple[str, str]] = field(default_factory=dict)  # intern → (web, print)
    auszuege: dict[str, str] = field(default_factory=dict)  # file name → print HTML (internal folder)

    def folder(self, intern: bool) -> PurePosixPath:
        return (INTERNAL_MEETINGS if intern else PUBLIC_MEETINGS) / self.id

    def beschlusstexte(self) -> dict[str, str]:
        """TOP → its Beschluss as printed in the public Niederschrift, as plain text; public TOPs only."""
        return {
            e.punkt.top: plain(e.beschluss).strip() for e in self.eintraege if e.oeffentlich and e.beschluss is not None
        }


class Minutes:
    """Composes Niederschrift and Auszüge with the Vorlagen's composer (same house style, same prose rules)."""

    def __init__(self, composer: Composer):
        self.composer = composer
        self.facts = composer.facts

    def compose(self, sitzung_id: str, plans: dict[str, VorlageDoc]) -> NiederschriftDoc:
        source = self.facts.niederschriften[sitzung_id]
        eintraege, problems = [], []
        umfang = Umfang()  # the texts of the Niederschrift together (an Auszug holds less)
        for punkt in source.niederschrift.punkte:
            eintrag, found = self._eintrag(sitzung_id, source, punkt, plans, umfang)
            eintraege.append(eintrag)
            problems += found
        raise_if(problems)
        doc = NiederschriftDoc(sitzung_id, source, eintraege)
        for intern in (False, True):
            context = self._context(doc, intern)
            shown = [e for e in eintraege if intern or e.oeffentlich]
            nichtoeffentlich_folgt = not intern and any(not e.oeffentlich for e in eintraege)
            (web, found), (druck, more) = (
                self.composer.templates.render(
                    "niederschrift.html.j2",
                    **context,
                    eintraege=shown,
                    intern=intern,
                    folgt=nichtoeffentlich_folgt,
                    beschreibung=f"Niederschrift {context['gremium'].name}, Sitzung am {datum(context['sitzung'].datum)}",
                    **self.composer.assets(doc.folder(intern), fuer_web),
                )
                for fuer_web in (True, False)
            )
            doc.html[intern] = (web, druck)
            problems += found + more
        context = self._context(doc, intern=True)  # Auszüge are internal documents
        for eintrag in eintraege:
            if eintrag.punkt.ergebnis is not None:
                doc.auszuege[eintrag.auszug], found = self.composer.templates.render(
                    "auszug.html.j2",
                    **context,
                    eintrag=eintrag,
                    intern=True,
                    beschreibung=f"Auszug aus der Niederschrift, TOP {eintrag.punkt.top}",
                    **self.composer.assets(doc.folder(True), web=False),
                )
                problems += found
        raise_if(problems)
        return doc

    def _context(self, doc: NiederschriftDoc, intern: bool) -> dict:
        """What the templates see; the public Niederschrift sees neither non-public TOPs nor their entries."""
        sitzung = self.facts.sitzungen[doc.id]
        niederschrift = doc.source.niederschrift
        if not intern:
            sitzung = public.sitzung(sitzung)
            niederschrift = public.niederschrift(niederschrift, {e.punkt.top for e in doc.eintraege if e.oeffentlich})
        return dict(
            koerperschaft=self.facts.koerperschaft,
            sitzung=sitzung,
            gremium=self.facts.gremium(sitzung.gremium),
            niederschrift=drucksachen.mit_fraktionen(self.facts, niederschrift),  # Fraktionen as vertretung.yaml
            stimmberechtigt=stimmberechtigt(niederschrift),
            erstellt=sitzung.datum,
            aemter={a.id: a.name for a in self.facts.koerperschaft.aemter},
        )

    def _eintrag(
        self,
        sitzung_id: str,
        source: NiederschriftSource,
        punkt: Protokollpunkt,
        plans: dict[str, VorlageDoc],
        umfang: Umfang,
    ) -> tuple[Eintrag, list[Problem]]:
        """One TOP of the Niederschrift with its texts, and the problems of the texts."""
        gefunden = top_of(self.facts, sitzung_id, punkt.top)
        assert gefunden is not None  # check_niederschriften: every TOP of a Niederschrift is on the agenda
        oeffentlich, top = gefunden
        vorlage_doc = plans.get(top.vorlage) if top.vorlage else None
        problems: list[Problem] = []
        names = self._names(sitzung_id, vorlage_doc, oeffentlich, problems)

        def setzen(text: Text, names: dict) -> Markup:
            rendered, found = self.composer.prose.render(text, names, 2, umfang=umfang)
            problems.extend(found)
            return rendered.html

        render = lambda name: setzen(source.texts[name], names)  # noqa: E731
        anmerkungen = {name: self._anmerkung(render(name)) for name in punkt.anmerkungen if name in source.texts}
        placed: set[str] = set()

        def anmerkung(name: str) -> Markup:
            if name not in anmerkungen:
                raise ValueError(f"„{name}“ steht nicht unter „anmerkungen“ dieses TOPs")
            placed.add(name)
            return anmerkungen[name]

        names["anmerkung"] = anmerkung
        text = render(punkt.text) if punkt.text in source.texts else None
        beschluss = None
        if punkt.ergebnis == "Beschluss":
            if punkt.beschluss is not None:
                beschluss = render(punkt.beschluss) if punkt.beschluss in source.texts else None
            elif vorlage_doc is not None:
                quelle = vorlage_doc.source
                vorschlag = quelle.vorlage.beschlussvorschlag
                assert vorschlag is not None  # check_niederschriften: a Beschluss without text takes the Vorlage's
                beschluss = setzen(quelle.texts[vorschlag], self.composer.names(quelle, problems))
        vorlage = vorlage_doc.source.vorlage if vorlage_doc else None
        amt = next((a.name for a in self.facts.koerperschaft.aemter if vorlage and a.id == vorlage.federfuehrend), None)
        return Eintrag(
            punkt,
            oeffentlich,
            top.titel or (vorlage.betreff if vorlage else ""),
            top.vorlage,
            amt,
            text,
            [html for name, html in anmerkungen.items() if name not in placed],
            beschluss,
            punkt.beschluss is not None and vorlage is not None,
            abstimmung_niederschrift(punkt.abstimmung, self.facts.koerperschaft.hausstil) if punkt.abstimmung else None,
            self._ergebnis_satz(punkt.ergebnis),
        ), problems

    def _ergebnis_satz(self, ergebnis: str | None) -> str | None:
        """The sentence printed under a result other than a Beschluss: only the body's own (hausstil:
        niederschrift_saetze); without one, the result alone is the heading."""
        return self.facts.koerperschaft.hausstil.niederschrift_saetze.get(ergebnis) if ergebnis else None

    def _names(
        self, sitzung_id: str, vorlage_doc: VorlageDoc | None, oeffentlich: bool, problems: list[Problem]
    ) -> dict:
        """What the texts of a TOP may quote; the problems of the tables they set go to `problems`."""
        if vorlage_doc is not None:
            names = dict(self.composer.names(vorlage_doc.source, problems))
        else:
            names = dict(koerperschaft=self.facts.koerperschaft, stellen=self.composer.project.stellen)
        sitzung = self.facts.sitzungen[sitzung_id]
        names["sitzung"] = public.sitzung(sitzung) if oeffentlich else sitzung  # a public TOP's text is published
        return names

    @staticmethod
    def _anmerkung(html: Markup) -> Markup:
        return (
            Markup('<div class="anmerkung"><p class="anmerkung-titel">Anmerkung der Verwaltung:</p>\n')
            + html
            + Markup("</div>\n")
        )
