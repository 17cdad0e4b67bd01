"""Figures this version prints differently on purpose (issue 32, points 3 and 7), for the proof of `vorlagen
aktualisieren`: each Vorlage where a changed rule changes a figure gets the reason – the shares of a
Finanzierungsplan print as in its table, its year columns add up without a rest source, and `runden: je_posten`
reads figures as printed. Nothing is rewritten: the new figures are the right ones."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from vorlagen.compute.formel import FormelFehler, lesen, namen
from vorlagen.compute.formelnamen import figur
from vorlagen.compute.plaene import Finanzierungsplan, traeger
from vorlagen.compute.rundung import eigene_rundung, rundung_of
from vorlagen.compute.tabellenarten import compute_table
from vorlagen.core.money import percent, split_largest_remainder
from vorlagen.load.facts import Facts
from vorlagen.load.finanzen import Berechnung
from vorlagen.migration.erklaerungen import Erklaerung
from vorlagen.migration.tabellenarten import UMSTELLUNG
from vorlagen.migration.umschreiben import Quelltexte

ANTEILE = (
    "die Anteile der Quellen von „{plan}“ drucken jetzt überall wie in ihrer Tabelle, als Teil der Aufteilung von "
    "100 % (vorher im Text einzeln gerundet)"
)
JAHRE = (
    "die Jahresspalten von „{plan}“ gehen jetzt auf: ohne Restquelle trägt „{traeger}“ die Rundungsreste der Jahre "
    "(vorher ergaben die Quellen eines Jahres nicht immer seine Kosten)"
)
PROZENTSTELLEN = (
    "Prozentwerte drucken jetzt überall mit den Nachkommastellen der Körperschaft (prozent_stellen: {stellen}); "
    "frühere Fassungen druckten im Text und in der Spalte der Anteile zwei"
)
WIE_GEDRUCKT = (
    "„{zahl}“ liest „{gelesen}“ je Posten jetzt so, wie es gedruckt ist („{einheit}“) – vorher mit seinem Wert vor "
    "dem Druck"
)


def gedruckt_wie_die_tabelle(q: Quelltexte, facts: Facts) -> None:
    """Names the Vorlagen whose plans print a share or a year column differently now."""
    rundung, zahlformat = rundung_of(facts), facts.koerperschaft.zahlformat
    for source in facts.vorlagen:
        for b in source.vorlage.finanzierung:
            if not UMSTELLUNG[b.art].anteile_und_jahre:
                continue
            table, _ = compute_table(
                b, facts.saetze, eigene_rundung(rundung, b.rundung), zahlformat, lambda f, e: Fraction(0)
            )
            if table is None:
                continue
            assert isinstance(table, Finanzierungsplan)  # the one kind `anteile_und_jahre` marks
            for plan in [table, *(table.szenarien or {}).values()]:
                if any(percent(Fraction(z.anteil), rundung.prozent_stellen) != z.prozent for z in plan.quellen):
                    q.erklaerungen.append(Erklaerung(source.slug, ANTEILE.format(plan=b.id), bewahrbar=False, nur="%"))
                traeger = _jahre_anders(b, plan)
                if traeger is not None:
                    q.erklaerungen.append(
                        Erklaerung(source.slug, JAHRE.format(plan=b.id, traeger=traeger), bewahrbar=False, nur="€")
                    )


def _jahre_anders(b: Berechnung, plan: Finanzierungsplan) -> str | None:
    """The carrying source's name when a plan without rest source splits its years differently now, else None."""
    if any(q.rest for q in b.quellen) or not plan.jahre:
        return None
    gewichte = {int(y): w for y, w in b.haushaltsjahre.items()} if b.haushaltsjahre else plan.periode.gewichte
    for z in plan.quellen:
        if split_largest_remainder(z.betrag, gewichte, plan.quantum) != z.jahre:
            return plan.quellen[traeger(b.quellen, {i: q.betrag for i, q in enumerate(plan.quellen)})].als
    return None


def je_posten_wie_gedruckt(q: Quelltexte, facts: Facts) -> None:
    """Names the Vorlagen with a figure that reads, per item, a figure whose print is not its value before printing
    (in T€, Mio. €, %, with `rundung: keine` …): its value changes. The figures are computed from the copy as
    rewritten so far (a formula of numbers alone means its unit only after that rewrite)."""
    from vorlagen.compute.project import compute
    from vorlagen.load.facts import load

    q.schreiben()
    rewritten, _ = load(q.data)
    if rewritten is None:
        return
    project, _ = compute(rewritten, dt.date.today())
    for source in rewritten.vorlagen:
        rechnung = project.rechnungen.get(source.slug)
        figures = rechnung.zahlen.herleitung if rechnung is not None else {}
        for k in source.vorlage.zahlen:
            if k.runden != "je_posten" or k.id not in figures:
                continue
            try:
                tree = lesen(k.formel)
            except FormelFehler:
                continue
            for name in namen(tree):
                eigene = figur(name.pfad, figures)
                gelesen = figures.get(eigene) if eigene is not None else None
                if gelesen is not None and gelesen.gedruckt != Fraction(gelesen.wert):
                    q.erklaerungen.append(
                        Erklaerung(
                            source.slug,
                            WIE_GEDRUCKT.format(zahl=k.id, gelesen=gelesen.id, einheit=gelesen.wert.text),
                            bewahrbar=False,
                        )
                    )


def prozent_wie_die_koerperschaft(q: Quelltexte, facts: Facts) -> None:
    """Names, for every Vorlage, the percentages an earlier 0.2.0 printed with two places though the Körperschaft
    names others (`| prozent` without places, a plan's shares): they print with its places now."""
    stellen = rundung_of(facts).prozent_stellen
    if stellen == 2:
        return
    grund = PROZENTSTELLEN.format(stellen=stellen)
    q.erklaerungen += [Erklaerung(s.slug, grund, bewahrbar=False, prozent=stellen) for s in facts.vorlagen]
