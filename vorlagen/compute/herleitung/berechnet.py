"""The derivation of a computed figure a name reads, by what holds it: a year of a row or a source, a field of a
table, a row, a source, a cell of a Matrix, a value of a Vergleich, a Bescheid's amount, a Verteilung's sum."""

from __future__ import annotations

from decimal import Decimal

from vorlagen.compute.aufstellung import Aufstellung, Gruppe
from vorlagen.compute.bescheide import BescheidWerte, Position, Ratenwert
from vorlagen.compute.eigenanteil import Eigenanteilstabelle, Jahr
from vorlagen.compute.herleitung import (
    Herleitung,
    aufstellungswerte,
    bescheidwerte,
    matrix,
    quellen,
    uebersichtswerte,
    vergleichswerte,
    verteilungswerte,
    zeilen,
)
from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.compute.matrix import Matrix, Matrixzeile
from vorlagen.compute.plaene import Finanzierungsplan, Quellenzeile
from vorlagen.compute.tabelle import Tabelle, Zeile
from vorlagen.compute.uebersicht import Uebersicht
from vorlagen.compute.vergleich import Vergleich, Vergleichswert
from vorlagen.compute.verteilung import VerteilungWerte
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.money import CENT

GELD = "geld"

Gefunden = tuple[Herleitung, str] | None  # the derivation and how it prints by default, or None: not this holder's


def feld_herleitung(k: Kontext, chain: list, pfad: tuple[str, ...]) -> Gefunden:
    """The derivation of the computed figure at the end of `chain` and how it prints by default; None when what
    holds it computes nothing (a fact as written, or a value without a derivation)."""
    owner = chain[-2] if len(chain) > 1 else None
    t = _tabelle(chain[:-1])
    for finder in (_jahresteil, _tabellenfeld, _planfeld, _matrixfeld, _vergleichsfeld, _bescheidfeld, _weiteres):
        found = finder(k, chain, pfad, owner, t)
        if found is not None:
            return found
    return None


def _tabelle(chain: list) -> Tabelle | None:
    """The innermost table of a chain (a scenario's plan inside its table)."""
    return next(
        (
            o
            for o in reversed(chain)
            if isinstance(o, (Eigenanteilstabelle, Aufstellung, Finanzierungsplan, Vergleich, Matrix))
        ),
        None,
    )


def _jahresteil(k: Kontext, chain: list, pfad: tuple[str, ...], owner: object, t: Tabelle | None) -> Gefunden:
    """A part of a year: owner is the mapping `jahre`, the object before it owns it."""
    if not (len(chain) > 2 and pfad[-2] in ("jahre", "jahre_min", "jahre_max") and isinstance(chain[-2], dict)):
        return None
    year, holder = int(pfad[-1]), chain[-3]
    if isinstance(holder, Zeile) and t is not None:
        h = (
            quellen.kosten_jahr(k, t, holder, year)
            if isinstance(t, Finanzierungsplan)
            else zeilen.jahr(k, t, holder, year)
        )
        return h, GELD
    if isinstance(holder, Quellenzeile) and isinstance(t, Finanzierungsplan):
        return quellen.quelle_jahr(k, t, holder, year), GELD
    if isinstance(holder, Finanzierungsplan):
        return quellen.jahr_gesamt(k, holder, year), GELD
    if isinstance(holder, Aufstellung):
        teile_ = [zeilen.jahr(k, holder, z, year) for z in holder.zeilen]
        return zeilen.summe(
            k,
            f"Summe {year} {zeilen.tabelle_was(holder)}",
            f"Summe der Zeilen für {year}",
            teile_,
            chain[-1],
            holder.quantum,
        ), GELD
    if isinstance(holder, Uebersicht):
        return uebersichtswerte.uebersicht(k, holder, pfad[-2], year), GELD
    return None


def _tabellenfeld(k: Kontext, chain: list, pfad: tuple[str, ...], owner: object, t: Tabelle | None) -> Gefunden:
    """A sum of a year, the count of rows, a field of an Eigenanteil table or an Aufstellung, a row, a group's sum."""
    feld = pfad[-1]
    if isinstance(owner, Jahr) and t is not None:
        return zeilen.jahr_summe(k, t, int(pfad[-2]), feld, chain[-1]), GELD
    if feld == "anzahl_zeilen" and t is not None and owner is t:
        return zeilen.anzahl_zeilen(owner), "zahl"
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
            return zeilen.zeilen_anzahl(owner), "zahl"
    if isinstance(owner, Aufstellung):
        if feld == "summe":
            return aufstellungswerte.aufstellung_summe(k, owner), GELD
        if feld == "rest" and owner.fonds is not None:
            return aufstellungswerte.rest(k, owner), GELD
        if feld == "fonds" and owner.fonds is not None:
            return aufstellungswerte.fonds(k, owner), GELD
    if isinstance(owner, Gruppe) and feld == "summe" and isinstance(t, Aufstellung):
        return aufstellungswerte.gruppe_summe(k, t, owner), GELD
    return None


def _planfeld(k: Kontext, chain: list, pfad: tuple[str, ...], owner: object, t: Tabelle | None) -> Gefunden:
    """A sum of a Finanzierungsplan, or a source's amount and share."""
    feld = pfad[-1]
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
    if isinstance(owner, Quellenzeile) and isinstance(t, Finanzierungsplan):
        if feld == "betrag":
            return quellen.quelle(k, t, owner), GELD
        if feld == "prozent":
            return quellen.anteil(k, t, owner), "text"
        if feld == "anteil":
            return _quote(k, t, owner), "prozent"
    return None


def _matrixfeld(k: Kontext, chain: list, pfad: tuple[str, ...], owner: object, t: Tabelle | None) -> Gefunden:
    """A row's sum, a cell, a column's sum or the whole sum of a Matrix."""
    if not isinstance(t, Matrix):
        return None
    feld = pfad[-1]
    kind = GELD if t.einheit == "Euro" else "zahl"
    if isinstance(owner, Matrixzeile) and feld == "summe":
        return matrix.zeilensumme(k, t, owner), kind
    if len(chain) > 2 and pfad[-2] == "werte" and isinstance(chain[-3], Matrixzeile):
        return matrix.zelle(k, t, chain[-3], feld), kind
    if owner is t.summen:
        return matrix.spaltensumme(k, t, feld), kind
    if owner is t and feld == "summe":
        return matrix.gesamt(k, t), kind
    return None


def _vergleichsfeld(k: Kontext, chain: list, pfad: tuple[str, ...], owner: object, t: Tabelle | None) -> Gefunden:
    """A value of a Vergleich: in one of its own columns, or before, after and the change."""
    feld = pfad[-1]
    if len(chain) > 2 and pfad[-2] == "spalten" and isinstance(chain[-3], Vergleichswert) and isinstance(t, Vergleich):
        spalte = next((s for s in t.vergleichsspalten if s.als == feld), None)
        if spalte is not None:
            kind = "prozent" if spalte.prozent else (GELD if t.einheit == "Euro" else "zahl")
            return matrix.vergleichsspalte(k, t, chain[-3], feld), kind
    if isinstance(owner, Vergleichswert) and isinstance(t, Vergleich):
        kind = "prozent" if feld == "veraenderung" else (GELD if t.einheit == "Euro" else "zahl")
        return vergleichswerte.vergleich_wert(k, t, owner, feld), kind
    return None


def _bescheidfeld(k: Kontext, chain: list, pfad: tuple[str, ...], owner: object, t: Tabelle | None) -> Gefunden:
    """An amount of a Bescheid or an Antrag, of one of its positions or of one of its instalments."""
    feld = pfad[-1]
    if isinstance(owner, BescheidWerte) and feld in ("betrag", "vzae", "bezahlt", "offen"):
        return bescheidwerte.bescheid(k, owner, feld), "vzae" if feld == "vzae" else GELD
    if isinstance(owner, Position):
        b = next(o for o in reversed(chain) if isinstance(o, BescheidWerte))
        if feld in ("betrag", "einheit"):
            h = bescheidwerte.position(k, b, owner)
            return (
                h if feld == "betrag" else h.mit(gedruckt(owner.einheit, GELD, [], b.quantum, 2, k.zahlformat))
            ), GELD
        if feld == "anzahl":
            return bescheidwerte.position_anzahl(b, owner), "zahl"
    if isinstance(owner, Ratenwert) and feld in ("betrag", "anteil"):
        b = next(o for o in reversed(chain) if isinstance(o, BescheidWerte))
        return (
            (bescheidwerte.rate(k, b, owner), GELD)
            if feld == "betrag"
            else (bescheidwerte.rate_anteil(b, owner), "prozent")
        )
    return None


def _weiteres(k: Kontext, chain: list, pfad: tuple[str, ...], owner: object, t: Tabelle | None) -> Gefunden:
    """An Eigenanteil of the Übersicht, a figure of a Verteilung, a Satz."""
    feld = pfad[-1]
    if isinstance(owner, Uebersicht) and feld in ("eigenanteil", "eigenanteil_min", "eigenanteil_max"):
        return uebersichtswerte.uebersicht(k, owner, feld), GELD
    if isinstance(owner, VerteilungWerte) and feld in ("summe", "soll", "anzahl", "vzae"):
        return verteilungswerte.verteilung(k, owner, feld), "zahl"
    if pfad[0] == "saetze" and len(pfad) >= 2:
        satz = chain[1]
        return bescheidwerte.satz(satz), GELD
    return None


def _quote(k: Kontext, t: Finanzierungsplan, z: Quellenzeile) -> Herleitung:
    """A source's exact share of the Gesamtkosten (`quellen[…].anteil`), printed as a text asks."""
    q = k.rundung_von(t).quantum
    return Herleitung(
        f"Anteil der Quelle „{z.als}“ an den Gesamtkosten {zeilen.tabelle_was(t)} (genau)",
        f"Betrag / Gesamtkosten = {k.geld(z.betrag, q)} / {k.geld(t.gesamtkosten, q)}",
        "",
        teile=[quellen.quelle(k, t, z)],
        rundung="genau; gedruckt kaufmännisch mit den Stellen des Filters",
    )


def gedruckt(
    value: object, art: str, args: list[int], quantum: Decimal, prozent_stellen: int, zahlformat: Zahlformat
) -> str:
    """A value as a text prints it with a filter (or the default of its kind), money as `zahlformat` prints it."""
    if art == GELD:
        art = "eur_cent" if quantum == CENT else "eur"
    if art == "text":
        return str(value)
    if art == "prozent" and not args:
        args = [prozent_stellen]
    return zahlformat.filters[art](value, *args)
