"""The derivation of any name a text can quote (`finanzierung["plan"].quellen["land"].jahre[2022]`, written as in a
text or as in a formula), and the value it prints with a filter (`| eur`, `| teur`, `| prozent(1)` …)."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from vorlagen.compute.formel import FormelFehler, Name, lesen
from vorlagen.compute.hauptbuch import Rechnung
from vorlagen.compute.herleitung import Eingang, Herleitung, Teil, kennzahlwerte
from vorlagen.compute.herleitung.berechnet import GELD, feld_herleitung, gedruckt
from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.compute.names import UnknownName
from vorlagen.compute.tabelle import Zeilen
from vorlagen.core.fmt import FILTERNAMEN
from vorlagen.load.records import Record

_AUSDRUCK = re.compile(r"^\s*(?P<name>[^|]+?)\s*(?:\|\s*(?P<filter>\w+)\s*(?:\((?P<args>[^)]*)\))?\s*)?$")


class KeineHerleitung(LookupError):
    """A name that does not exist, or reads no figure – with the German reason."""


def teil_von(rechnung: Rechnung | None, k: Kontext) -> Teil | None:
    """How the derivations of `rechnung` derive the figures they quote (None: they only name them)."""
    if rechnung is None:
        return None
    return lambda pfad, tiefe: herleiten(rechnung, k, pfad, tiefe)[0]


def herleiten(rechnung: Rechnung, k: Kontext, pfad: tuple[str, ...], tiefe: int = 3) -> tuple[Herleitung, str]:
    """The derivation of the value `pfad` names and how it prints by default (`geld`, `zahl`, `prozent`, `text`
    or a filter); KeineHerleitung in German when there is none."""
    figures = rechnung.zahlen.herleitung
    grenze = _grenze(rechnung, pfad)
    if grenze is not None:
        return grenze, "text"
    if len(pfad) == 1 and pfad[0] in figures or pfad[0] == "zahlen" and len(pfad) == 2 and pfad[1] in figures:
        return kennzahlwerte.zahl_herleitung(k, figures[pfad[-1]], teil_von(rechnung, k), tiefe), "text"
    if pfad[0] == "kennzahlen" and len(pfad) == 3:
        shared = getattr(rechnung.kennzahlen.get(pfad[1]), "herleitung", {})
        if pfad[2] in shared:
            return kennzahlwerte.zahl_herleitung(k, shared[pfad[2]], None, 0), "text"
    if pfad[0] == "haushalt" and rechnung.haushalt is not None:
        from vorlagen.compute.formel import schreibweise
        from vorlagen.compute.haushaltszahlen import herleitung as haushaltszahl

        zeilen_ = haushaltszahl(rechnung.haushalt, schreibweise(pfad), k.zahlformat)
        if zeilen_ is not None:  # the Haushalt block's figures, as its ledger derives them
            return Herleitung(
                "Finanzielle Auswirkungen", zeilen_[0], "", schritte=[z.strip() for z in zeilen_[1:]]
            ), GELD
    roots = {**_wurzeln(rechnung), "saetze": k.facts.saetze}
    if pfad[0] not in roots or roots[pfad[0]] is None:
        known = ", ".join(sorted([n for n, v in roots.items() if v is not None] + ["zahlen", *figures]))
        raise KeineHerleitung(f"„{pfad[0]}“ gibt es in dieser Vorlage nicht. Vorhanden: {known}.")
    chain: list = [roots[pfad[0]]]
    for segment in pfad[1:]:
        chain.append(_schritt(chain[-1], segment, pfad))
    return _fuer(k, chain, pfad)


def _grenze(rechnung: Rechnung, pfad: tuple[str, ...]) -> Herleitung | None:
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
    return kennzahlwerte.grenze_herleitung(z, pfad[-1])


def _schritt(obj: object, segment: str, pfad: tuple[str, ...]) -> Any:
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


def _fuer(k: Kontext, chain: list, pfad: tuple[str, ...]) -> tuple[Herleitung, str]:
    """The derivation of the value at the end of `chain`: a computed figure by what holds it, else a fact as written
    in a data file, else the value itself (a number without one is refused)."""
    found = feld_herleitung(k, chain, pfad)
    if found is not None:
        return found
    value, feld = chain[-1], pfad[-1]
    owner = chain[-2] if len(chain) > 1 else None
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
    if match["filter"] is not None and match["filter"] not in FILTERNAMEN:
        raise KeineHerleitung(f"„{match['filter']}“ ist kein Filter. Es gibt: {', '.join(FILTERNAMEN)}.")
    args = [int(a) for a in (match["args"] or "").split(",") if a.strip().isdigit()]
    return pfad, match["filter"], args


def _wurzeln(rechnung: Rechnung) -> dict[str, Any]:
    """What a name's first part names in a Vorlage's computation: its tables, overview, Bescheide, Anträge,
    Verteilungen and Haushalt block (None where it has none)."""
    return {
        "finanzierung": rechnung.tabellen,
        "uebersicht": rechnung.uebersicht,
        "bescheide": rechnung.bescheide,
        "antraege": rechnung.antraege,
        "verteilungen": rechnung.verteilungen,
        "haushalt": rechnung.haushalt,
    }


def wert(rechnung: Rechnung, pfad: tuple[str, ...]) -> Any:
    """The value a name reads, as a text gets it."""
    roots = {**_wurzeln(rechnung), "zahlen": rechnung.zahlen, "kennzahlen": rechnung.kennzahlen}
    if len(pfad) == 1 and pfad[0] in rechnung.zahlen.herleitung:
        return rechnung.zahlen[pfad[0]]
    obj = roots.get(pfad[0])
    for segment in pfad[1:]:
        obj = _schritt(obj, segment, pfad)
    return obj


def herleitung_von(rechnung: Rechnung, k: Kontext, text: str) -> tuple[str, Herleitung]:
    """(the name as asked, its derivation printed as the text would print it)."""
    pfad, filter_, args = ausdruck(text)
    h, art = herleiten(rechnung, k, pfad)
    value = wert(rechnung, pfad) if pfad[0] != "saetze" else k.facts.saetze[pfad[1]].betrag
    if filter_ is None and art == "text" and not h.gedruckt:
        filter_ = "prozent"
    shown = (
        h.gedruckt
        if filter_ is None and art == "text"
        else gedruckt(value, filter_ or art, args, _quantum(rechnung, pfad, k), k.rundung.prozent_stellen, k.zahlformat)
    )
    name = text.strip().removeprefix("{{").removesuffix("}}").strip()
    return name, h.mit(shown)


def _quantum(rechnung: Rechnung, pfad: tuple[str, ...], k: Kontext) -> Decimal:
    """The rounding step money of this name prints with by default: its table's or Bescheid's."""
    obj = {"finanzierung": rechnung.tabellen, "bescheide": rechnung.bescheide, "antraege": rechnung.antraege}.get(
        pfad[0]
    )
    if obj is not None and len(pfad) > 1 and pfad[1] in obj:
        return obj[pfad[1]].quantum
    if pfad[0] == "haushalt" and rechnung.haushalt is not None:
        return rechnung.haushalt.quantum
    return k.rundung.quantum
