"""A comparable snapshot of each Vorlage: its figures, its metadata and its text as printed."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from vorlagen.compute.bescheide import BescheidWerte
from vorlagen.compute.hauptbuch import Project, Rechnung
from vorlagen.compute.haushalt import Auswirkungen
from vorlagen.compute.offen import OFFEN, TERMIN_OFFEN
from vorlagen.compute.zahlwert import Zahlwert
from vorlagen.core.fmt import NBSP, Zahlformat, datum, zahl
from vorlagen.core.money import round_half_up
from vorlagen.load.facts import Facts
from vorlagen.load.kennzahlen import GELDEINHEITEN
from vorlagen.load.vorlage import Vorlage
from vorlagen.render import drucksachen, plaintext
from vorlagen.render.freigabe import Stand
from vorlagen.render.vorlagendokument import VorlageDoc
from vorlagen.review.fassungszahl import Zahl
from vorlagen.review.tabellenarten import PRUEFUNG


def differenz(alt: Zahl, neu: Zahl, zahlformat: Zahlformat) -> str | None:
    """The change from one figure to the other in its unit and with the places of the two as printed: '+650 €',
    '−0,18 Prozentpunkte', '+0,013 Mio. €', '+0,5 VZÄ' – exactly the difference of the two printed values; None
    where the figure changed its unit (no difference of two units)."""
    if (alt.einheit, alt.money) != (neu.einheit, neu.money):
        return None
    (a, stellen_a), (b, stellen_b) = alt.gedruckt(), neu.gedruckt()
    wert = b - a
    text = ("+" if wert > 0 else "±" if wert == 0 else "") + zahl(wert, max(stellen_a, stellen_b))
    if neu.money and not neu.einheit:
        return f"{text}{NBSP}{zahlformat.geldeinheit('€')}"
    einheit = "Prozentpunkte" if neu.einheit == "%" else zahlformat.geldeinheit(neu.einheit).replace(" ", NBSP)
    return text if neu.einheit in ("", "Anzahl") else f"{text}{NBSP}{einheit}"


@dataclass
class Fassung:
    nummer: str
    betreff: str
    kopf: dict[str, str]  # metadata shown in the document: label → value
    zahlformat: Zahlformat  # how its house printed money then
    zahlen: dict[str, Zahl] = field(default_factory=dict)  # stable key → figure
    text: list[str] = field(default_factory=list)  # paragraphs and Markdown tables' rows (computed figures above)
    ordner: str = ""  # its folder in vorlagen/: a renumbered Vorlage is matched to its old self by it
    pdf: str = ""  # its own PDF in the output (its Anlagen are PDFs of their own)
    zeichnungen: dict[str, str] = field(default_factory=dict)  # each sign-off's role → its state (gültig, veraltet …)


def fassungen(project: Project, docs: list[VorlageDoc]) -> dict[str, Fassung]:
    """Nummer → Fassung for every Vorlage of a built project."""
    return {doc.source.bezeichnung: _fassung(project, doc) for doc in docs}


def _fassung(project: Project, doc: VorlageDoc) -> Fassung:
    vorlage = doc.source.vorlage
    facts = project.facts
    schritte = []
    for b in vorlage.beratungsfolge:
        rolle = f" ({b.rolle})" if b.rolle else ""
        if b.sitzung is not None:
            schritte.append(f"{datum(facts.sitzungen[b.sitzung].datum)} {_gremium(project, b.sitzung)}{rolle}")
        else:
            assert b.gremium is not None  # Beratung.check: an open Termin names its Gremium
            schritte.append(f"{TERMIN_OFFEN} {facts.gremium(b.gremium).name}{rolle}")
    beratung = "; ".join(schritte)
    kopf = {
        "Nummer": vorlage.nummer or OFFEN,
        "Art": vorlage.art or OFFEN,
        "Betreff": vorlage.betreff,
        "Öffentlich": "ja" if vorlage.oeffentlich else "nein",
        "Datum": datum(vorlage.datum) if vorlage.datum else "–",
        "Federführend": vorlage.federfuehrend or ("–" if not facts.koerperschaft.aemter else OFFEN),
        "Beratungsfolge": beratung or "keine",
        "Anlagen": "; ".join(
            f"{a.nummer}. {a.titel}{'' if a.oeffentlich else ' (nichtöffentlich)'}" for a in doc.anlagen
        )
        or "keine",
    }
    if vorlage.bezug:
        kopf["Bezug"] = f"{vorlage.bezug.art} zu {vorlage.bezug.vorlage}"
    kopf.update(_drucksache(facts, vorlage))
    if doc.freigabe is not None and doc.freigabe.staende:
        kopf["Mitzeichnungen"] = "; ".join(_zeichnung(s) for s in doc.freigabe.staende)
    pdf = str(doc.folder / f"{doc.source.slug}.pdf")
    zahlformat = facts.koerperschaft.zahlformat
    result = Fassung(doc.source.bezeichnung, vorlage.betreff, kopf, zahlformat, ordner=doc.source.folder.name, pdf=pdf)
    result.zeichnungen = {s.rolle: s.zustand for s in doc.freigabe.staende} if doc.freigabe is not None else {}
    _figures(project.rechnung(doc.source), result.zahlen, zahlformat)
    result.text = _text(doc.inhalt_html)
    return result


def _zeichnung(stand: Stand) -> str:
    """'Kämmerei: gültig (Erika Mustermann, 26.05.2021, sha256:a477fcd58d64…)' – one role's sign-off as it stands;
    the start of its fingerprint shows a sign-off given anew by the same person on the same day."""
    m = stand.mitzeichnung
    if m is None:
        return f"{stand.rolle}: {stand.zustand}"
    return f"{stand.rolle}: {stand.zustand} ({m.name}, {datum(m.datum)}, {m.fingerabdruck[:19]}…)"


def _text(html: str) -> list[str]:
    """The printed text: paragraphs, headings, list items, and each Markdown table of a text row by row (its
    amounts are no figure of the ledger); the program's tables are left out (their figures are compared above)."""
    lines: list[str] = []
    for block in plaintext.blocks(html):
        if block.kind != "table":
            lines += [block.text] if block.text else []
        elif not block.klasse and block.rows:
            lines += [" | ".join(cell for cell in row) for row in block.rows]
    return lines


def _gremium(project: Project, sitzung_id: str) -> str:
    return project.facts.gremium(project.facts.sitzungen[sitzung_id].gremium).name


def _figures(rechnung: Rechnung, zahlen: dict[str, Zahl], zahlformat: Zahlformat) -> None:
    tables = list(rechnung.tabellen.values())
    titles = [t.titel for t in tables]
    for t in tables:
        name = f"„{t.titel}“" + (f" ({t.id})" if titles.count(t.titel) > 1 else "")
        PRUEFUNG[t.art].zahlen(t, name, zahlen, zahlformat)
    summary = rechnung.uebersicht
    if summary is not None:
        q = summary.quantum
        if summary.spanne or summary.alternativen:
            zahlen["summe/min"] = Zahl(
                "Eigenanteil insgesamt, günstigste Alternative", summary.eigenanteil_min, True, q
            )
            zahlen["summe/max"] = Zahl("Eigenanteil insgesamt, teuerste Alternative", summary.eigenanteil_max, True, q)
        else:
            zahlen["summe"] = Zahl("Eigenanteil insgesamt", summary.eigenanteil, True, q)
    for v in rechnung.verteilungen.values():
        for name, wert, _ in v.zeilen:
            zahlen[f"{v.id}/{name}"] = Zahl(f"{v.titel}: {name}", wert or Decimal(0), False)
        zahlen[f"{v.id}/summe"] = Zahl(f"{v.titel}: Summe", v.summe, False)
    for b in rechnung.bescheide.values():
        zahlen[f"bescheid/{b.id}"] = Zahl(
            f"Bescheid vom {datum(b.datum)} ({b.id})",
            b.betrag,
            True,
            b.quantum,
            quellen=_position_sources(b, zahlformat),
        )
    for a in (rechnung.antraege or {}).values():
        zahlen[f"antrag/{a.id}"] = Zahl(
            f"Antrag vom {datum(a.datum)} ({a.id})", a.betrag, True, a.quantum, quellen=_position_sources(a, zahlformat)
        )
    if rechnung.haushalt is not None:
        _haushalt(rechnung.haushalt, zahlen, zahlformat)
    for z in rechnung.zahlen.herleitung.values():
        zahlen[f"zahl/{z.id}"] = benannt(z)


def benannt(z: Zahlwert) -> Zahl:
    """A named figure (compute/zahlwert.Zahlwert) with its value as printed in its unit and places."""
    return Zahl(
        f"Zahl „{z.titel or z.id}“",
        round_half_up(z.wert, Decimal("0.000001")),
        z.einheit in GELDEINHEITEN,
        z.stufe or Decimal(1),
        {s.was: s.wert for s in z.schritte},
        z.wert.text,
        None if z.form is None else z.form.nachkomma(z.gezeigt),
        z.einheit,
        None if z.form is None else z.form.in_einheit(z.gezeigt),
    )


def _haushalt(a: Auswirkungen, zahlen: dict[str, Zahl], zahlformat: Zahlformat) -> None:
    """The figures of the Finanzielle Auswirkungen (compute/haushalt.py): per Position and year Betrag, Ansatz,
    gebunden, verfügbar and Mehrbedarf (or the overrun the Vorlage states); per Deckung its amount and what is left at its source; per year the
    über-/außerplanmäßige Bereitstellung."""
    q = a.quantum
    decimal = lambda value: Decimal(value.numerator) / Decimal(value.denominator)  # noqa: E731 – amounts in cents
    for z in a.zeilen:
        p = z.position
        key, name = f"haushalt/{z.jahr}/{p.plan}/{p.konto}", f"{z.jahr} „{p.konto}“"
        for part, label, value in (
            ("betrag", "Betrag", decimal(z.betrag)),
            ("ansatz", "Ansatz", p.ansatz or Decimal(0)),
            ("gebunden", "Gebunden", p.gebunden),
            ("verfuegbar", "Verfügbar", decimal(z.verfuegbar)),
            ("mehrbedarf", "Mehrbedarf", decimal(z.mehrbedarf)),
        ):
            zahlen[f"{key}/{part}"] = Zahl(f"{label} {name}", value, True, q)
        zahlen[f"{key}/verfuegbar"].quellen = {
            **{n: zahlformat.euro_or_cent(w, q) for n, w in p.mittel_teile},
            "gebunden": zahlformat.euro_or_cent(p.gebunden, q),
        }
        zahlen[f"{key}/mehrbedarf"].quellen = {
            "Betrag": zahlformat.euro_or_cent(decimal(z.betrag), q),
            "verfügbar": zahlformat.euro_or_cent(decimal(z.verfuegbar), q),
        }
    for g in a.genannt:  # an overrun as the Vorlage states it
        name = f"{g.satzanfang} {g.jahr} „{g.position.konto}“"
        zahlen[f"haushalt/{g.jahr}/{g.position.plan}/{g.position.konto}/genannt"] = Zahl(
            name, decimal(g.betrag), True, q
        )
    for d in a.deckungen:
        konto = d.konto or OFFEN
        key, name = f"haushalt/{d.jahr}/deckung/{d.art or OFFEN}/{d.plan}/{konto}", f"{d.jahr} „{konto}“"
        zahlen[f"{key}/betrag"] = Zahl(f"{d.art or 'Deckung'} {name}", decimal(d.betrag), True, q)
        if d.verfuegbar is not None:
            zahlen[f"{key}/verfuegbar"] = Zahl(f"Verfügbar {name}", decimal(d.verfuegbar), True, q)
    for kreis in a.kreise.values():
        for jahr, kj in kreis.jahre.items():
            key, name = f"haushalt/{jahr}/kreis/{kreis.id}", f"{jahr} {kreis.bezeichnung}"
            for part, label in (("ansatz", "Ansätze"), ("betrag", "Beträge"), ("ueberschreitung", "Überschreitung")):
                zahlen[f"{key}/{part}"] = Zahl(f"{label} {name}", decimal(getattr(kj, part)), True, q)
    for ve in a.ve.values():
        key, name = f"haushalt/ve/{ve.id}", f"Verpflichtungsermächtigung „{ve.id}“"
        zahlen[f"{key}/betrag"] = Zahl(name, decimal(ve.betrag), True, q)
        for jahr, teil in (ve.lasten or {}).items():
            zahlen[f"{key}/lasten/{jahr}"] = Zahl(f"{name} zu Lasten {jahr}", decimal(teil), True, q)
        for jahr, teil in ve.im_plan.items():
            zahlen[f"{key}/im_plan/{jahr}"] = Zahl(f"{name} {jahr} im Haushaltsplan", decimal(teil), True, q)
        for jahr, teil in ve.nachtrag.items():
            zahlen[f"{key}/nachtrag/{jahr}"] = Zahl(f"{name} {jahr} im Nachtrag", decimal(teil), True, q)
    for jahr, betrag in a.mehrbedarf.items():
        zahlen[f"haushalt/{jahr}/bereitstellung"] = Zahl(
            f"{a.wort(jahr).capitalize()} Bereitstellung {jahr}", decimal(betrag), True, q
        )


def _position_sources(b: BescheidWerte, zahlformat: Zahlformat) -> dict[str, str]:
    """What a Bescheid's amount reads: each position's count and rate, and the period."""
    sources = {f"Anzahl „{p.als}“": zahl(p.anzahl) for p in b.zeilen}
    sources |= {
        f"Satz {p.satz.id}": f"{zahlformat.euro_or_cent(p.satz.betrag, b.quantum)} je {p.satz.einheit}"
        for p in b.zeilen
    }
    sources["Zeitraum"] = f"{datum(b.zeitraum.von)}–{datum(b.zeitraum.bis)}"
    return sources


def _drucksache(facts: Facts, vorlage: Vorlage) -> dict[str, str]:
    """Who submitted an Antrag or Anfrage (in place of the Amt) and the Drucksachen it is bound to."""
    kopf = {}
    if vorlage.einreicher is not None:
        kopf["Federführend"] = "–"
        kopf["Eingereicht von"] = drucksachen.eingereicht(facts, vorlage) or OFFEN
    if vorlage.aendert is not None:
        punkt = f", Punkt {vorlage.aendert.punkt}" if vorlage.aendert.punkt is not None else ""
        kopf["Ändert"] = f"Vorlage {vorlage.aendert.vorlage}{punkt}"
    for key, label in (("beantwortet", "Beantwortet"), ("stellungnahme_zu", "Stellungnahme zu")):
        if getattr(vorlage, key) is not None:
            kopf[label] = getattr(vorlage, key)
    return kopf
