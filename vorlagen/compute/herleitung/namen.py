"""The derivation of any name a text can quote (`finanzierung["plan"].quellen["land"].jahre[2022]`, written as in a
text or as in a formula), and the value it prints with a filter (`| eur`, `| teur`, `| prozent(1)` …)."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.aufstellung import Aufstellung, Gruppe
from vorlagen.compute.bescheide import BescheidWerte, Position, Ratenwert
from vorlagen.compute.eigenanteil import Eigenanteilstabelle, Jahr, Zeile, Zeilen
from vorlagen.compute.formel import FormelFehler, Name, lesen
from vorlagen.compute.herleitung import Eingang, Herleitung, Teil, matrix, quellen, weitere, zeilen
from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.compute.matrix import Matrix, Matrixzeile
from vorlagen.compute.names import UnknownName
from vorlagen.compute.plaene import Finanzierungsplan, Quellenzeile
from vorlagen.compute.uebersicht import Uebersicht
from vorlagen.compute.vergleich import Vergleich, Vergleichswert
from vorlagen.compute.verteilung import VerteilungWerte
from vorlagen.core.fmt import FILTERS
from vorlagen.core.money import CENT
from vorlagen.load.records import Record

GELD = "geld"
_AUSDRUCK = re.compile(r"^\s*(?P<name>[^|]+?)\s*(?:\|\s*(?P<filter>\w+)\s*(?:\((?P<args>[^)]*)\))?\s*)?$")


class KeineHerleitung(LookupError):
    """A name that does not exist, or reads no figure – with the German reason."""


def teil_von(rechnung, k: Kontext) -> Teil | None:
    """How the derivations of `rechnung` derive the figures they quote (None: they only name them)."""
    if rechnung is None:
        return None
    return lambda pfad, tiefe: herleiten(rechnung, k, pfad, tiefe)[0]


def herleiten(rechnung, k: Kontext, pfad: tuple[str, ...], tiefe: int = 3) -> tuple[Herleitung, str]:
    """The derivation of the value `pfad` names and how it prints by default (`geld`, `zahl`, `prozent`, `text`
    or a filter); KeineHerleitung in German when there is none."""
    figures = rechnung.zahlen.herleitung
    grenze = _grenze(rechnung, pfad)
    if grenze is not None:
        return grenze, "text"
    if len(pfad) == 1 and pfad[0] in figures or pfad[0] == "zahlen" and len(pfad) == 2 and pfad[1] in figures:
        return weitere.zahl_herleitung(k, figures[pfad[-1]], teil_von(rechnung, k), tiefe), "text"
    if pfad[0] == "kennzahlen" and len(pfad) == 3:
        shared = getattr(rechnung.kennzahlen.get(pfad[1]), "herleitung", {})
        if pfad[2] in shared:
            return weitere.zahl_herleitung(k, shared[pfad[2]], None, 0), "text"
    if pfad[0] == "haushalt" and rechnung.haushalt is not None:
        from vorlagen.compute.formel import schreibweise
        from vorlagen.compute.haushaltszahlen import herleitung as haushaltszahl

        zeilen_ = haushaltszahl(rechnung.haushalt, schreibweise(pfad))
        if zeilen_ is not None:  # the Haushalt block's figures, as its ledger derives them
            return Herleitung(
                "Finanzielle Auswirkungen", zeilen_[0], "", schritte=[z.strip() for z in zeilen_[1:]]
            ), GELD
    roots = {
        "finanzierung": rechnung.tabellen,
        "uebersicht": rechnung.uebersicht,
        "bescheide": rechnung.bescheide,
        "antraege": rechnung.antraege,
        "verteilungen": rechnung.verteilungen,
        "haushalt": rechnung.haushalt,
        "saetze": k.facts.saetze,
    }
    if pfad[0] not in roots or roots[pfad[0]] is None:
        known = ", ".join(sorted([n for n, v in roots.items() if v is not None] + ["zahlen", *figures]))
        raise KeineHerleitung(f"„{pfad[0]}“ gibt es in dieser Vorlage nicht. Vorhanden: {known}.")
    chain: list = [roots[pfad[0]]]
    for segment in pfad[1:]:
        chain.append(_schritt(chain[-1], segment, pfad))
    return _fuer(rechnung, k, chain, pfad)


def _grenze(rechnung, pfad: tuple[str, ...]) -> Herleitung | None:
    """The derivation of a figure's bound – zahlen["id"].hoechstens, kennzahlen["datei"]["id"].mindestens –, None
    for any other name."""
    if pfad[-1] not in ("hoechstens", "mindestens") or len(pfad) < 2:
        return None
    figur = pfad[:-1]
    if figur[0] == "kennzahlen" and len(figur) == 3:
        figures = getattr(rechnung.kennzahlen.get(figur[1]), "herleitung", {})
    elif len(figur) == 1 or (figur[0] == "zahlen" and len(figur) == 2):
        figures = rechnung.zahlen.herleitung
    else:
        return None
    z = figures.get(figur[-1])
    if z is None:
        return None
    if getattr(z.wert, pfad[-1]) is None:
        raise KeineHerleitung(f"Die Zahl „{z.id}“ nennt keine Grenze „{pfad[-1]}“.")
    return weitere.grenze_herleitung(z, pfad[-1])


def _schritt(obj, segment: str, pfad: tuple[str, ...]):
    """One part of a name: a key of a mapping (years as numbers), a row by its name (as the listing shows rows
    without a unique name: by their position), a field."""
    shown = ".".join(pfad)
    try:
        if isinstance(obj, Zeilen):
            try:
                return obj[segment]
            except UnknownName:
                if segment.isdigit() and int(segment) < len(obj):
                    return obj[int(segment)]
                raise
        if isinstance(obj, dict):
            key = int(segment) if segment.isdigit() and segment not in obj else segment
            return obj[key]
        if isinstance(obj, list) and segment.isdigit():  # a fact's list, as a text reads it
            return obj[int(segment)]
        if segment.startswith("_"):
            raise KeineHerleitung(f"„{shown}“: „{segment}“ gibt es dort nicht.")
        return getattr(obj, segment)
    except UnknownName as error:
        raise KeineHerleitung(f"„{shown}“: {error.message()}") from None
    except (KeyError, IndexError, AttributeError, TypeError):
        raise KeineHerleitung(f"„{shown}“: „{segment}“ gibt es dort nicht.") from None


def _tabelle(chain: list):
    """The innermost table of a chain (a scenario's plan inside its table)."""
    return next(
        (
            o
            for o in reversed(chain)
            if isinstance(o, (Eigenanteilstabelle, Aufstellung, Finanzierungsplan, Vergleich, Matrix))
        ),
        None,
    )


def _fuer(rechnung, k: Kontext, chain: list, pfad: tuple[str, ...]) -> tuple[Herleitung, str]:
    value, feld = chain[-1], pfad[-1]
    owner = chain[-2] if len(chain) > 1 else None
    t = _tabelle(chain[:-1])
    # a part of a year: owner is the mapping `jahre`, the object before it owns it
    if len(chain) > 2 and pfad[-2] in ("jahre", "jahre_min", "jahre_max") and isinstance(chain[-2], dict):
        year, holder = int(feld), chain[-3]
        if isinstance(holder, Zeile) and t is not None:
            h = (
                quellen.kosten_jahr(k, t, holder, year)
                if isinstance(t, Finanzierungsplan)
                else zeilen.jahr(k, t, holder, year)
            )
            return h, GELD
        if isinstance(holder, Quellenzeile):
            return quellen.quelle_jahr(k, t, holder, year), GELD
        if isinstance(holder, Finanzierungsplan):
            return quellen.jahr_gesamt(k, holder, year), GELD
        if isinstance(holder, Aufstellung):
            teile_ = [zeilen.jahr(k, holder, z, year) for z in holder.zeilen]
            return zeilen.summe(
                f"Summe {year} {zeilen.tabelle_was(holder)}",
                f"Summe der Zeilen für {year}",
                teile_,
                value,
                holder.quantum,
            ), GELD
        if isinstance(holder, Uebersicht):
            return weitere.uebersicht(k, holder, pfad[-2], year), GELD
    if isinstance(owner, Jahr) and t is not None:
        return zeilen.jahr_summe(k, t, int(pfad[-2]), feld, value), GELD
    if feld == "anzahl_zeilen" and owner is not None and owner is t:
        return zeilen.anzahl_zeilen(owner), ""
    if isinstance(owner, Eigenanteilstabelle):
        if feld in ("gesamtkosten", "abzuege", "eigenanteil"):
            return zeilen.eigenanteil_feld(k, owner, feld), GELD
        if feld == "vzae":
            return zeilen.vzae(owner), "vzae"
    if isinstance(owner, Zeile) and t is not None:
        if feld == "betrag":
            return zeilen.zeile(k, t, owner), GELD
        if feld == "einheit":
            return zeilen.zeile_einheit(k, t, owner), GELD
        if feld == "anzahl":
            return weitere.zeilen_anzahl(owner), "zahl"
    if isinstance(owner, Aufstellung):
        if feld == "summe":
            return zeilen.aufstellung_summe(k, owner), GELD
        if feld == "rest" and owner.fonds is not None:
            return zeilen.rest(k, owner), GELD
        if feld == "fonds" and owner.fonds is not None:
            return zeilen.fonds(k, owner), GELD
    if isinstance(owner, Gruppe) and feld == "summe" and t is not None:
        return zeilen.gruppe_summe(k, t, owner), GELD
    if isinstance(owner, Finanzierungsplan) and feld in (
        "gesamtkosten",
        "foerderfaehig",
        "nicht_foerderfaehig",
        "zuwendung",
        "dritte",
        "eigenmittel",
        "foerderquote",
    ):
        return quellen.feld(k, owner, feld), "prozent" if feld == "foerderquote" else GELD
    if isinstance(owner, Quellenzeile) and t is not None:
        if feld == "betrag":
            return quellen.quelle(k, t, owner), GELD
        if feld == "prozent":
            return quellen.anteil(k, t, owner), "text"
        if feld == "anteil":
            return _quote(k, t, owner), "prozent"
    if isinstance(t, Matrix):
        kind = GELD if t.einheit == "Euro" else "zahl"
        if isinstance(owner, Matrixzeile) and feld == "summe":
            return matrix.zeilensumme(k, t, owner), kind
        if len(chain) > 2 and pfad[-2] == "werte" and isinstance(chain[-3], Matrixzeile):
            return matrix.zelle(k, t, chain[-3], feld), kind
        if owner is t.summen:
            return matrix.spaltensumme(k, t, feld), kind
        if owner is t and feld == "summe":
            return matrix.gesamt(k, t), kind
    if len(chain) > 2 and pfad[-2] == "spalten" and isinstance(chain[-3], Vergleichswert) and isinstance(t, Vergleich):
        spalte = next((s for s in t.vergleichsspalten if s.als == feld), None)
        if spalte is not None:
            kind = "prozent" if spalte.prozent else (GELD if t.einheit == "Euro" else "zahl")
            return matrix.vergleichsspalte(k, t, chain[-3], feld), kind
    if isinstance(owner, Vergleichswert) and isinstance(t, Vergleich):
        kind = "prozent" if feld == "veraenderung" else (GELD if t.einheit == "Euro" else "zahl")
        return zeilen.vergleich_wert(k, t, owner, feld), kind
    if isinstance(owner, BescheidWerte) and feld in ("betrag", "vzae", "bezahlt", "offen"):
        return weitere.bescheid(k, owner, feld), "vzae" if feld == "vzae" else GELD
    if isinstance(owner, Position):
        b = next(o for o in reversed(chain) if isinstance(o, BescheidWerte))
        if feld in ("betrag", "einheit"):
            h = weitere.position(k, b, owner)
            return (h if feld == "betrag" else h.mit(gedruckt(owner.einheit, GELD, [], b.quantum, 2))), GELD
        if feld == "anzahl":
            return weitere.position_anzahl(b, owner), "zahl"
    if isinstance(owner, Ratenwert) and feld in ("betrag", "anteil"):
        b = next(o for o in reversed(chain) if isinstance(o, BescheidWerte))
        return (weitere.rate(k, b, owner), GELD) if feld == "betrag" else (weitere.rate_anteil(b, owner), "prozent")
    if isinstance(owner, Uebersicht) and feld in ("eigenanteil", "eigenanteil_min", "eigenanteil_max"):
        return weitere.uebersicht(k, owner, feld), GELD
    if isinstance(owner, VerteilungWerte) and feld in ("summe", "soll", "anzahl", "vzae"):
        return weitere.verteilung(k, owner, feld), "zahl"
    if pfad[0] == "saetze" and len(pfad) >= 2:
        satz = chain[1]
        return weitere.satz(satz), GELD
    if isinstance(owner, Record):  # a fact as written in a data file
        shown = str(value)
        return Herleitung(
            f"Angabe „{feld}“", f"angegeben = {shown}", shown, [Eingang(feld, shown, owner.where(feld))]
        ), ("zahl" if isinstance(value, (Decimal, Fraction, int)) and not isinstance(value, bool) else "text")
    if isinstance(value, (Decimal, Fraction, int)) and not isinstance(value, bool):
        raise KeineHerleitung(
            f"„{'.'.join(pfad)}“ hat keine Herleitung – nennen Sie einen Betrag, eine Summe oder eine Zahl."
        )
    return Herleitung(f"„{'.'.join(pfad)}“", "eine Angabe, keine Rechnung", str(value)), "text"


def _quote(k: Kontext, t, z) -> Herleitung:
    """A source's exact share of the Gesamtkosten (`quellen[…].anteil`), printed as a text asks."""
    from vorlagen.compute.herleitung import geld

    q = k.rundung_von(t).quantum
    return Herleitung(
        f"Anteil der Quelle „{z.als}“ an den Gesamtkosten {zeilen.tabelle_was(t)} (genau)",
        f"Betrag / Gesamtkosten = {geld(z.betrag, q)} / {geld(t.gesamtkosten, q)}",
        "",
        teile=[quellen.quelle(k, t, z)],
        rundung="genau; gedruckt kaufmännisch mit den Stellen des Filters",
    )


def ausdruck(text: str) -> tuple[tuple[str, ...], str | None, list]:
    """A name as a text writes it, with its filter: (parts, filter or None, the filter's arguments); KeineHerleitung
    in German for what is no name."""
    match = _AUSDRUCK.match(text.replace("{{", "").replace("}}", ""))
    if match is None:
        raise KeineHerleitung(
            f'„{text}“ ist kein Name – schreiben Sie ihn wie im Text, z. B. finanzierung["plan"].summe | eur.'
        )
    name = match["name"].strip()
    try:
        tree = lesen(name)
    except FormelFehler as error:
        raise KeineHerleitung(f"„{name}“: {error}") from None
    if not isinstance(tree, Name):
        raise KeineHerleitung(
            f'„{name}“ ist kein einzelner Name – die Herleitung gibt es je Name, z. B. finanzierung["plan"].summe.'
        )
    pfad = tree.pfad
    if match["filter"] is not None and match["filter"] not in FILTERS:
        raise KeineHerleitung(f"„{match['filter']}“ ist kein Filter. Es gibt: {', '.join(FILTERS)}.")
    args = [int(a) for a in (match["args"] or "").split(",") if a.strip().isdigit()]
    return pfad, match["filter"], args


def gedruckt(value, art: str, args: list, quantum: Decimal, prozent_stellen: int) -> str:
    """A value as a text prints it with a filter (or the default of its kind)."""
    if art == GELD:
        art = "eur_cent" if quantum == CENT else "eur"
    if art == "text":
        return str(value)
    if art == "prozent" and not args:
        args = [prozent_stellen]
    return FILTERS[art](value, *args)


def wert(rechnung, pfad: tuple[str, ...]):
    """The value a name reads, as a text gets it."""
    roots = {
        "finanzierung": rechnung.tabellen,
        "uebersicht": rechnung.uebersicht,
        "bescheide": rechnung.bescheide,
        "antraege": rechnung.antraege,
        "verteilungen": rechnung.verteilungen,
        "haushalt": rechnung.haushalt,
        "zahlen": rechnung.zahlen,
        "kennzahlen": rechnung.kennzahlen,
    }
    if len(pfad) == 1 and pfad[0] in rechnung.zahlen.herleitung:
        return rechnung.zahlen[pfad[0]]
    obj = roots.get(pfad[0])
    for segment in pfad[1:]:
        obj = _schritt(obj, segment, pfad)
    return obj


def herleitung_von(rechnung, k: Kontext, text: str) -> tuple[str, Herleitung]:
    """(the name as asked, its derivation printed as the text would print it)."""
    pfad, filter_, args = ausdruck(text)
    h, art = herleiten(rechnung, k, pfad)
    value = wert(rechnung, pfad) if pfad[0] != "saetze" else k.facts.saetze[pfad[1]].betrag
    if filter_ is None and art == "text" and not h.gedruckt:
        filter_ = "prozent"
    shown = (
        h.gedruckt
        if filter_ is None and art == "text"
        else gedruckt(value, filter_ or art, args, _quantum(rechnung, pfad, k), k.rundung.prozent_stellen)
    )
    name = text.strip().removeprefix("{{").removesuffix("}}").strip()
    return name, h.mit(shown)


def _quantum(rechnung, pfad: tuple[str, ...], k: Kontext) -> Decimal:
    """The rounding step money of this name prints with by default: its table's or Bescheid's."""
    obj = {"finanzierung": rechnung.tabellen, "bescheide": rechnung.bescheide, "antraege": rechnung.antraege}.get(
        pfad[0]
    )
    if obj is not None and len(pfad) > 1 and pfad[1] in obj:
        return obj[pfad[1]].quantum
    if pfad[0] == "haushalt" and rechnung.haushalt is not None:
        return rechnung.haushalt.quantum
    return k.rundung.quantum
