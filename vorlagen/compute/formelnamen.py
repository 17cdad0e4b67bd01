"""What a name in a formula reads: the Vorlage's own figure (`pauschale`, `zahlen["pauschale"]`) or what the
engine computed (`finanzierung.plan.zuwendung`), with its unit and where it comes from – or a German reason why it
reads nothing (compute/kennzahlen.py computes the figures that read them)."""

from __future__ import annotations

from collections.abc import Container
from decimal import Decimal
from fractions import Fraction
from typing import Any

from vorlagen.compute.einheiten import DIMENSION, GELD, EinheitFehler
from vorlagen.compute.formel import schreibweise
from vorlagen.compute.names import Named, Names, UnknownName
from vorlagen.compute.tabelle import Tabelle, Zeilen
from vorlagen.compute.tabellenarten import KINDS, art
from vorlagen.compute.zahlwert import Groesse, Zahlwert
from vorlagen.core.money import exact
from vorlagen.core.problems import Where
from vorlagen.load.records import suggest

# units of what the engine computed, by field name (everything else is a plain number)
FELD_EINHEIT = {
    "betrag": GELD,
    "eigenanteil": GELD,
    "gesamtkosten": GELD,
    "abzuege": GELD,
    "summe": GELD,
    "zuwendung": GELD,
    "dritte": GELD,
    "eigenmittel": GELD,
    "foerderfaehig": GELD,
    "nicht_foerderfaehig": GELD,
    "einheit": GELD,
    "bezahlt": GELD,
    "offen": GELD,
    "eigenanteil_min": GELD,
    "eigenanteil_max": GELD,
    "vzae": "VZÄ",
    "jahre": GELD,
    "jahre_min": GELD,
    "jahre_max": GELD,  # an amount per Haushaltsjahr: jahre.2022
    # the Haushalt block (haushalt.mehrbedarf.2022, haushalt.kreise.650.ueberschreitung.2009, haushalt.ve.x.lasten.2024)
    "mehrbedarf": GELD,
    "deckung": GELD,
    "ueberschreitung": GELD,
    "ansatz": GELD,
    "gebunden": GELD,
    "verfuegbar": GELD,
    "lasten": GELD,
    "im_plan": GELD,
    "nachtrag": GELD,
    "reste": GELD,
    "bereitgestellt": GELD,
    "mittel_neu": GELD,
    "frei": GELD,
    "ve": GELD,  # haushalt.positionen["konto"].ve.2023
    "ve_gebunden": GELD,
    "prognose": GELD,
}


def _einheit_von(tabelle: Tabelle | None, pfad: tuple[str, ...]) -> str:
    """The unit of an engine figure: every value of a Matrix and a Vergleich's values and differences are in the
    table's `einheit` (a Vergleich's column of a share is a ratio); money fields are €; VZÄ is VZÄ."""
    feld = pfad[-1] if not pfad[-1].isdigit() else pfad[-2]
    if tabelle is not None:
        einheit = {"Euro": GELD, "Stellen": "VZÄ"}.get(tabelle.einheit, "")
        if KINDS[tabelle.art].zellen or feld in ("alt", "neu", "differenz"):
            return einheit
        if len(pfad) > 1 and pfad[-2] == "spalten":
            spalte = next((s for s in tabelle.vergleichsspalten if s.als == pfad[-1]), None)
            return "" if spalte is None or spalte.prozent else einheit
    return FELD_EINHEIT.get(feld, "")


def figur(pfad: tuple[str, ...], ids: Container[str]) -> str | None:
    """The id of the Vorlage's own figure a name reads – `pauschale`, or as in a text `zahlen["pauschale"]` – or
    None when it reads something else."""
    if len(pfad) == 1 and pfad[0] in ids:
        return pfad[0]
    if len(pfad) == 2 and pfad[0] == "zahlen" and "zahlen" not in ids and pfad[1] in ids:
        return pfad[1]
    return None


def lesen_pfad(
    pfad: tuple[str, ...], names: dict, figures: dict[str, Zahlwert]
) -> tuple[Any, str, Where | None]:  # a number (int, Decimal, Fraction), or the figure (Zahlwert) a name is
    """(value, unit, where it comes from) for a dotted name; EinheitFehler with a German reason if there is none."""
    first = pfad[0]
    if first in figures:
        if len(pfad) > 1:
            raise EinheitFehler(f"„{first}“ ist eine Zahl und hat keine Teile wie „{pfad[1]}“.")
        return figures[first], DIMENSION[figures[first].einheit], figures[first].kennzahl.where("formel")
    if first not in names:
        known = sorted(set(figures) | set(names))
        raise EinheitFehler(
            f"„{first}“ gibt es nicht{suggest(first, known) or '.'} Formeln lesen andere Zahlen dieser "
            f"Vorlage (Abschnitt „zahlen“) und {', '.join(sorted(names))}."
        )
    obj, owner, where, tabelle = names[first], None, None, None
    for index, segment in enumerate(pfad[1:], start=1):
        fields = vars(obj) if hasattr(obj, "__dict__") else {}
        if (kind := art(fields.get("art"))) is not None and kind.eigene_einheit:
            tabelle = obj
        owner = obj
        try:
            if isinstance(obj, dict):
                key = int(segment) if segment.isdigit() and segment not in obj else segment
                obj = obj[key]
            elif isinstance(obj, Zeilen):  # rows by id or label, never by position
                obj = _zeile(obj, pfad, index)
            elif isinstance(obj, list):
                raise EinheitFehler(
                    f"„{schreibweise(pfad[:index])}“ ist eine Liste ohne Namen – Formeln lesen nur Einträge mit "
                    "Namen (Zeilen, Quellen, Raten) und nie nach ihrer Stelle."
                )
            else:
                if segment.startswith("_"):
                    raise EinheitFehler(f"„{segment}“ ist kein Name, den Formeln lesen können.")
                obj = getattr(obj, segment)
        except UnknownName as error:
            if isinstance(owner, Names) and segment in owner.spaeter:
                raise EinheitFehler(
                    f"Die Berechnung „{segment}“ liest selbst Zahlen (mit „aus“, „formel“ oder „fonds“) und "
                    "wird deshalb nach ihnen berechnet – eine Zahl kann sie nicht lesen; rechnen Sie mit den "
                    "Werten, aus denen sie entsteht."
                ) from None
            raise EinheitFehler(error.message()) from None
        except (KeyError, IndexError, AttributeError, TypeError):
            raise EinheitFehler(f"„{schreibweise(pfad)}“: „{segment}“ gibt es dort nicht.") from None
        fields = vars(obj) if hasattr(obj, "__dict__") else {}
        source = fields.get("berechnung") or fields.get("bescheid") or fields.get("verteilung")
        if source is not None and hasattr(source, "where"):
            where = source.where()
    if obj is None and tabelle is not None and KINDS[tabelle.art].zellen:
        raise EinheitFehler(
            f"„{schreibweise(pfad)}“ ist eine leere Zelle – tragen Sie dort einen Wert ein (auch 0) oder lesen Sie "
            "eine andere Zelle."
        )
    if obj is None and pfad[0] == "haushalt":
        raise EinheitFehler(
            f"„{schreibweise(pfad)}“ ist noch offen – der Haushalt nennt den Betrag nicht; tragen Sie ihn in "
            f"haushalt/{pfad[-1] if pfad[-1].isdigit() else '<jahr>'}.yaml ein."
        )
    if isinstance(obj, bool) or not isinstance(obj, (int, Decimal, Fraction)):
        raise EinheitFehler(
            f"„{schreibweise(pfad)}“ ist keine einzelne Zahl – wählen Sie einen Wert, z. B. „{schreibweise(pfad)}.betrag“."
        )
    if isinstance(obj, Groesse):
        return obj, DIMENSION[obj.einheit], where  # a shared figure: kennzahlen.<datei>.<id>
    return obj, _einheit_von(tabelle, pfad), where


def _zeile(zeilen: Zeilen, pfad: tuple[str, ...], index: int) -> Named:
    """The row named `pfad[index]`; a name that is only a position says which name the row at that position has."""
    segment = pfad[index]
    try:
        return zeilen[segment]
    except UnknownName as error:
        if not segment.isdigit() or int(segment) >= len(zeilen):
            raise
        name = zeilen.name_von(zeilen[int(segment)])
        hint = (
            f"die Zeile an Stelle {segment} (gezählt ab 0) lesen Sie mit „{schreibweise(pfad[:index] + (name,) + pfad[index + 1 :])}“"
            if name is not None
            else f"die Zeile an Stelle {segment} (gezählt ab 0) hat keinen eindeutigen Namen – geben Sie ihr eine „id“"
        )
        raise EinheitFehler(
            f"{error.message()} Zeilen heißen nach ihrer id oder Bezeichnung, nicht nach ihrer Stelle: {hint}."
        ) from None


def namenswert(pfad: tuple[str, ...], names: dict, figures: dict[str, Zahlwert]) -> tuple[Fraction, str]:
    """The exact value and dimension of one name: a figure of `zahlen` or a computed value; EinheitFehler in German."""
    eigene = figur(pfad, figures)
    if eigene is not None:
        return Fraction(figures[eigene].wert), DIMENSION[figures[eigene].einheit]
    value, dimension, _ = lesen_pfad(pfad, names, figures)
    return exact(value), dimension
