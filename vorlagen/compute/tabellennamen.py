"""The names a text can quote of a table, by its kind (`vorlagen zahlen`): each function lists one kind's figures
after the heading and period every table has (compute/zahlen.py); the compute registry
(compute/tabellenarten.py) names the function of each kind."""

from __future__ import annotations

from vorlagen.compute.aufstellung import Aufstellung
from vorlagen.compute.eigenanteil import Eigenanteilstabelle
from vorlagen.compute.matrix import Matrix
from vorlagen.compute.namensliste import Liste, zeilenname, zitiert
from vorlagen.compute.plaene import Finanzierungsplan
from vorlagen.compute.tabelle import Tabelle
from vorlagen.compute.vergleich import Vergleich


def _einheit(t: Vergleich | Matrix) -> str:
    return "geld" if t.einheit == "Euro" else "zahl"


def vergleich(out: Liste, base: str, t: Vergleich) -> None:
    """A Vergleich: each row's two states, their difference and change, and its own columns."""
    q = t.quantum
    for z in t.zeilen:
        key = zeilenname(t.zeilen, z)
        if key is None:
            continue
        row = f"{base}.zeilen[{key}]"
        money = _einheit(t)
        for field in ("alt", "neu", "differenz"):
            out.add(f"{row}.{field}", getattr(z, field), money, q)
        out.add(f"{row}.veraenderung", z.veraenderung, "prozent")
        for s in t.vergleichsspalten:
            out.add(f"{row}.spalten[{zitiert(s.als)}]", z.spalten[s.als], "prozent" if s.prozent else money, q)


def matrix(out: Liste, base: str, t: Matrix) -> None:
    """A Matrix: each cell, the sum of each row and column, and the sum of all."""
    q = t.quantum
    money = _einheit(t)
    for z in t.zeilen:
        key = zeilenname(t.zeilen, z)
        if key is None:
            continue
        row = f"{base}.zeilen[{key}]"
        for spalte, value in z.werte.items():
            out.add(f"{row}.werte[{zitiert(spalte)}]", value, money, q)
        out.add(f"{row}.summe", z.summe, money, q)
    for spalte, value in t.summen.items():
        out.add(f"{base}.summen[{zitiert(spalte)}]", value, money, q)
    out.add(f"{base}.summe", t.summe, money, q)


def kostenzeilen(out: Liste, base: str, t: Tabelle) -> None:
    """The rows of count × rate (or amount): amount, count, amount per unit and by year."""
    q = t.quantum
    for z in t.zeilen:
        key = zeilenname(t.zeilen, z)
        if key is None:
            continue
        row = f"{base}.zeilen[{key}]"
        out.add(f"{row}.betrag", z.betrag, "geld", q)
        out.add(f"{row}.anzahl", z.anzahl, "zahl")
        out.add(f"{row}.einheit", z.einheit, "geld", q)
        for year, amount in z.jahre.items():
            out.add(f"{row}.jahre[{year}]", amount, "geld", q)


def eigenanteil(out: Liste, base: str, t: Eigenanteilstabelle) -> None:
    """An Eigenanteil table: its rows, Gesamtkosten, Abzüge and Eigenanteil in all and by year, its Stellen."""
    q = t.quantum
    kostenzeilen(out, base, t)
    for field in ("gesamtkosten", "abzuege", "eigenanteil"):
        out.add(f"{base}.{field}", getattr(t, field), "geld", q)
    out.add(f"{base}.vzae", t._stellen, "vzae")
    for year, jahr in t.jahre.items():
        for field in ("gesamtkosten", "abzuege", "eigenanteil"):
            out.add(f"{base}.jahre[{year}].{field}", getattr(jahr, field), "geld", q)


def aufstellung(out: Liste, base: str, t: Aufstellung) -> None:
    """An Aufstellung: its rows, its sum in all and by year."""
    q = t.quantum
    kostenzeilen(out, base, t)
    out.add(f"{base}.summe", t.summe, "geld", q)
    for year, amount in t.jahre.items():
        out.add(f"{base}.jahre[{year}]", amount, "geld", q)


def finanzierungsplan(out: Liste, base: str, t: Finanzierungsplan) -> None:
    """A Finanzierungsplan: its rows, its totals and Förderquote, its years and each source."""
    q = t.quantum
    kostenzeilen(out, base, t)
    for field in ("gesamtkosten", "foerderfaehig", "nicht_foerderfaehig", "zuwendung", "dritte", "eigenmittel"):
        out.add(f"{base}.{field}", getattr(t, field), "geld", q)
    out.add(f"{base}.foerderquote", t.foerderquote, "prozent")
    for year, amount in t.jahre.items():
        out.add(f"{base}.jahre[{year}]", amount, "geld", q)
    for z in t.quellen:
        key = zeilenname(t.quellen, z)
        if key is None:
            continue
        row = f"{base}.quellen[{key}]"
        out.add(f"{row}.betrag", z.betrag, "geld", q)
        out.add(f"{row}.anteil", z.anteil, "prozent")
        for year, amount in z.jahre.items():
            out.add(f"{row}.jahre[{year}]", amount, "geld", q)
