"""The figures of a table that `vergleichen` compares between two revisions, by its kind; the review registry
(review/tabellenarten.py) names the function of each kind."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from vorlagen.compute.aufstellung import Aufstellung
from vorlagen.compute.eigenanteil import Eigenanteilstabelle
from vorlagen.compute.matrix import Matrix
from vorlagen.compute.plaene import Finanzierungsplan
from vorlagen.compute.tabelle import Tabelle, Zeile
from vorlagen.compute.vergleich import Vergleich
from vorlagen.core.fmt import Zahlformat, datum, zahl
from vorlagen.review.fassungszahl import Zahl


def _money(t: Tabelle, zahlen: dict[str, Zahl]) -> Callable[[str, str, Decimal], None]:
    """Stores a figure in euros, as the table rounds."""
    return lambda key, label, value: zahlen.__setitem__(key, Zahl(label, value, True, t.quantum))


def eigenanteil(t: Eigenanteilstabelle, name: str, zahlen: dict[str, Zahl], zahlformat: Zahlformat) -> None:
    """An Eigenanteil table: each row with what it reads, the three sums with what all rows read, each year."""
    money = _money(t, zahlen)
    for number, zeile in enumerate(t.zeilen, start=1):
        money(f"{t.id}/zeile/{number}", f"{zeile.als} {name}, Zeile {number}", zeile.betrag)
        zahlen[f"{t.id}/zeile/{number}"].quellen = _row_sources(t, zeile, zahlformat)
    under = {k: v for z in t.zeilen for k, v in _row_sources(t, z, zahlformat).items()}
    for key, label, value in (
        ("gesamtkosten", "Gesamtkosten", t.gesamtkosten),
        ("abzuege", "Abzüge", t.abzuege),
        ("eigenanteil", "Eigenanteil", t.eigenanteil),
    ):
        money(f"{t.id}/{key}", f"{label} {name}", value)
        zahlen[f"{t.id}/{key}"].quellen = under
    for year, jahr in t.jahre.items():
        money(f"{t.id}/eigenanteil/{year}", f"Eigenanteil {year} {name}", jahr.eigenanteil)


def vergleich(t: Vergleich, name: str, zahlen: dict[str, Zahl], zahlformat: Zahlformat) -> None:
    """A Vergleich: each row's two states, in its unit."""
    for number, z in enumerate(t.zeilen, start=1):
        for key, value in (("alt", z.alt), ("neu", z.neu)):
            label = f"{z.als} {name}, {t.spalten[0 if key == 'alt' else 1]}"
            zahlen[f"{t.id}/zeile/{number}/{key}"] = Zahl(
                label, value, t.einheit == "Euro", t.quantum, stellen=t.stellen
            )


def matrix(t: Matrix, name: str, zahlen: dict[str, Zahl], zahlformat: Zahlformat) -> None:
    """A Matrix: each filled cell, each row's and column's sum and the sum of all, in its unit."""
    figure = lambda key, label, value: zahlen.__setitem__(  # noqa: E731
        key, Zahl(label, value, t.einheit == "Euro", t.quantum, stellen=t.stellen)
    )
    for number, z in enumerate(t.zeilen, start=1):
        for spalte, value in z.werte.items():
            if value is not None:
                figure(f"{t.id}/zeile/{number}/{spalte}", f"{z.als} {name}, {spalte}", value)
        figure(f"{t.id}/zeile/{number}/summe", f"{z.als} {name}, {t.summe_als}", z.summe)
    for spalte, value in t.summen.items():
        figure(f"{t.id}/summe/{spalte}", f"{t.summe_als} {name}, {spalte}", value)
    figure(f"{t.id}/summe", f"{t.summe_als} {name}", t.summe)


def _zeilen(t: Tabelle, name: str, zahlen: dict[str, Zahl]) -> None:
    money = _money(t, zahlen)
    for number, zeile in enumerate(t.zeilen, start=1):
        money(f"{t.id}/zeile/{number}", f"{zeile.als} {name}, Zeile {number}", zeile.betrag)


def aufstellung(t: Aufstellung, name: str, zahlen: dict[str, Zahl], zahlformat: Zahlformat) -> None:
    """An Aufstellung: each row and the sum."""
    _zeilen(t, name, zahlen)
    _money(t, zahlen)(f"{t.id}/summe", f"{t.summe_als} {name}", t.summe)


def finanzierungsplan(t: Finanzierungsplan, name: str, zahlen: dict[str, Zahl], zahlformat: Zahlformat) -> None:
    """A Finanzierungsplan: each row, the Gesamtkosten, each source in all and by year."""
    money = _money(t, zahlen)
    _zeilen(t, name, zahlen)
    money(f"{t.id}/gesamtkosten", f"Gesamtkosten {name}", t.gesamtkosten)
    for number, quelle in enumerate(t.quellen, start=1):
        money(f"{t.id}/quelle/{number}", f"{quelle.als} {name}", quelle.betrag)
        for year, amount in quelle.jahre.items():
            money(f"{t.id}/quelle/{number}/{year}", f"{quelle.als} {year} {name}", amount)


def _row_sources(t: Tabelle, zeile: Zeile, zahlformat: Zahlformat) -> dict[str, str]:
    """What a row of count × rate reads: its count, its Stellenanteil, each rate, the period."""
    sources = {f"Anzahl „{zeile.als}“": zahl(zeile.anzahl)}
    if zeile.position.anteil != 1:
        sources[f"Stellenanteil „{zeile.als}“"] = zahl(zeile.position.anteil)
    for satz in zeile.saetze:
        sources[f"Satz {satz.id}"] = f"{zahlformat.euro_or_cent(satz.betrag, t.quantum)} je {satz.einheit}"
    if t.zeitraum is not None:
        sources["Zeitraum"] = f"{datum(t.zeitraum.von)}–{datum(t.zeitraum.bis)}"
    return sources
