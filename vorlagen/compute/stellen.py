"""Stellenstatistik: the Quote (besetzt ÷ Stellen) of each Baustein, exact; it is rounded once, when printed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.names import Named, Names
from vorlagen.core.money import exact
from vorlagen.load.stellen import Baustein, Stellenstatistik


def quote(besetzt: Decimal, stellen: Decimal) -> Fraction:
    """The share of Stellen that are filled, exact: 551.5 of 713 → 1103/1426 (printed „77,35 %“)."""
    return exact(besetzt) / exact(stellen)


@dataclass
class Bausteinwerte(Named):
    """One line of a Stellenstatistik as texts read it: stellen["datei"]["kennung"].quote."""

    id: str
    name: str
    stellen: Decimal
    besetzt: Decimal
    offen: Decimal  # Stellen − besetzt
    quote: Fraction  # exact ratio, printed with „| prozent“ or „| prozent(3)“
    stand: dt.date


def statistik_werte(statistik_id: str, statistik: Stellenstatistik) -> Names:
    """Kennung → Bausteinwerte; the Names also carry titel, quelle and stand of the whole statistic."""
    werte = StatistikNames(f"der Stellenstatistik „{statistik_id}“")
    werte.titel, werte.quelle, werte.stand = statistik.titel, statistik.quelle, statistik.stand
    for key, baustein in statistik.bausteine.items():
        werte[key] = _baustein(key, baustein, statistik.stand)
    return werte


class StatistikNames(Names):
    """The Bausteine of one statistic by Kennung, with its title, source and date as attributes."""

    titel: str
    quelle: str | None
    stand: dt.date


def _baustein(key: str, baustein: Baustein, stand: dt.date) -> Bausteinwerte:
    return Bausteinwerte(
        key,
        baustein.name,
        baustein.stellen,
        baustein.besetzt,
        baustein.stellen - baustein.besetzt,
        quote(baustein.besetzt, baustein.stellen),
        baustein.stand or stand,
    )


def alle_statistiken(statistiken: dict[str, Stellenstatistik]) -> Names:
    """Every Stellenstatistik of the data folder: what `stellen` means in texts."""
    return Names(
        "den Stellenstatistiken (Ordner stellen/)", {sid: statistik_werte(sid, s) for sid, s in statistiken.items()}
    )
