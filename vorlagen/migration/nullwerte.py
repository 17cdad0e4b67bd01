"""`vorlagen aktualisieren`: a figure that is not zero but was printed as zero by an earlier version (380 € in a
table in T€: „0“) – since 0.3.0 no such figure prints, the build refuses it. The table is shown in the largest unit
that shows every row, a text's filter gets the places that show the value, as the build's message proposes; the
proof names each figure that changes with this reason (the earlier print was wrong)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from jinja2 import Environment, nodes

from vorlagen.compute.aufstellung import ANZEIGEN, Aufstellung
from vorlagen.compute.formelnamen import namenswert
from vorlagen.compute.project import compute
from vorlagen.compute.rundung import eigene_rundung, rundung_of
from vorlagen.compute.tabellenarten import compute_table
from vorlagen.core.fmt import zeigt_null
from vorlagen.core.money import Rundung
from vorlagen.load.facts import Facts
from vorlagen.load.finanzen import Berechnung
from vorlagen.migration.dimensionen import Dimensionen, dimensionen
from vorlagen.migration.erklaerungen import Erklaerung, Textaenderung
from vorlagen.migration.gedruckt import als_woerter
from vorlagen.migration.tabellenarten import UMSTELLUNG
from vorlagen.migration.umschreiben import Quelltexte
from vorlagen.render.ausdruck import AUSDRUCK
from vorlagen.render.ausdrucksformel import pfad_von
from vorlagen.render.nienull import nicht_null
from vorlagen.render.sandbox import Sandbox

TABELLE = (
    "„{als}“ ({betrag}) druckte die frühere Version in {einheit} als „0“ – eine Zahl, die nicht null ist, druckt nie "
    "als null: die Aufstellung „{id}“ zeigt jetzt {neu} (anzeige: {neu})"
)
TEXT = "„{ausdruck}“ druckte „{alt}“ – eine Zahl, die nicht null ist, druckt nie als null: jetzt „{neu}“ ({gezeigt})"
_FILTER = ("eur", "eur_cent", "teur", "mio", "mrd", "zahl", "vzae", "prozent")


def nie_null(q: Quelltexte, facts: Facts) -> None:
    """Every Aufstellung and every quoted figure an earlier version printed as zero though it is not."""
    rundung = rundung_of(facts)
    project, _ = compute(facts, dt.date.today())
    filters = Sandbox(facts.koerperschaft.zahlformat, rundung.prozent_stellen).filters
    env = Environment()
    for source in facts.vorlagen:
        for b in source.vorlage.finanzierung:
            if UMSTELLUNG[b.art].skaliert(b):
                _tabelle(q, facts, source.slug, b, rundung)
        dim = dimensionen(project, source)
        for path in q.texte(source.folder):
            _text(q, env, path, dim, filters, source.slug)


def _tabelle(q: Quelltexte, facts: Facts, slug: str, b: Berechnung, rundung: Rundung) -> None:
    zahlformat = facts.koerperschaft.zahlformat
    table, _ = compute_table(b, facts.saetze, eigene_rundung(rundung, b.rundung), zahlformat, lambda f, e: Fraction(0))
    null = table.null_gedruckt() if isinstance(table, Aufstellung) else []
    if not null:
        return
    assert isinstance(table, Aufstellung)
    neu = next(
        e for e in reversed(ANZEIGEN[: ANZEIGEN.index(b.anzeige)]) if not replace(table, anzeige=e).null_gedruckt()
    )
    z = null[0]
    grund = TABELLE.format(
        als=z.als or z.text,
        betrag=zahlformat.euro_or_cent(z.betrag, table.quantum),
        einheit=b.anzeige,
        id=b.id,
        neu=neu,
    )
    for quote in ("", '"', "'"):
        if q.ersetzen(b.where("anzeige"), f"anzeige: {quote}{b.anzeige}{quote}", f'anzeige: "{neu}"', grund):
            q.erklaerungen.append(Erklaerung(slug, grund, bewahrbar=False, anzeige=(b.anzeige, neu)))
            dann = re.escape(als_woerter(zahlformat.geldeinheit(b.anzeige)))
            jetzt = f"in {zahlformat.geldeinheit(neu)}" if neu != "€" else ""
            # the head of its column of amounts: „Betrag in T€“ → „Betrag“
            q.textaenderungen.append(Textaenderung(slug, rf"(?<!\S)in {dann}(?!\S)", jetzt, grund))
            return


def _text(q: Quelltexte, env: Environment, path: Path, dim: Dimensionen, filters: dict, slug: str) -> None:
    inhalt = "".join(q.lines(path))
    for match in AUSDRUCK.finditer(inhalt):
        try:
            output = env.parse(f"{{{{ {match[1].strip()} }}}}").body[0]
        except Exception:  # noqa: BLE001 – not this rule's to say: the build names it
            continue
        node = output.nodes[0] if isinstance(output, nodes.Output) and len(output.nodes) == 1 else None
        if not isinstance(node, nodes.Filter) or node.name not in _FILTER or node.node is None or node.kwargs:
            continue
        pfad = pfad_von(node.node)
        places = [a.value for a in node.args if isinstance(a, nodes.Const) and isinstance(a.value, int)]
        if pfad is None or len(places) != len(node.args) or len(places) > 1:
            continue
        try:
            value, _ = namenswert(pfad, dim.names, dim.figures)
        except Exception:  # noqa: BLE001 – a name the ledger does not have: the build names it
            continue
        alt = filters[node.name](value, *places)
        sichtbar = nicht_null(node.name, places[0] if places else None, value, filters) if value != 0 else None
        if not zeigt_null(alt) or sichtbar is None:
            continue
        neu = match[0].replace(f"| {node.name}" + (f"({places[0]})" if places else ""), sichtbar[0], 1)
        if neu == match[0]:
            continue
        von = inhalt.count("\n", 0, match.start()) + 1
        grund = TEXT.format(ausdruck=" ".join(match[0].split()), alt=alt, neu=sichtbar[0], gezeigt=sichtbar[1])
        q.text_ersetzen(path, von, match[0], neu, grund, inhalt.count("\n", 0, match.end()) + 1)
        q.erklaerungen.append(Erklaerung(slug, grund, bewahrbar=False, nur="0"))
