"""Stellenstatistik: the Quote (besetzt ÷ Stellen) of each Baustein, rounded half-up to two places in percent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from vorlagen.compute.names import Named, Names
from vorlagen.core.money import round_half_up
from vorlagen.load.minutes import Baustein, Stellenstatistik

QUOTE_STEP = Decimal("0.0001")  # a ratio to four places is a percentage to two: 0.7935 → 79,35 %


def quote(besetzt: Decimal, stellen: Decimal) -> Decimal:
    """The share of Stellen that are filled, as a ratio rounded half-up: 551.5 of 713 → 0.7735."""
    return round_half_up(Decimal(besetzt) / Decimal(stellen), QUOTE_STEP)


@dataclass
class Bausteinwerte(Named):
    """One line of a Stellenstatistik as texts read it: stellen["datei"]["kennung"].quote."""

    id: str
    name: str
    stellen: Decimal
    besetzt: Decimal
    offen: Decimal  # Stellen − besetzt
    quote: Decimal  # ratio, printed with „| prozent“
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
    return Bausteinwerte(key, baustein.name, baustein.stellen, baustein.besetzt,
                         baustein.stellen - baustein.besetzt, quote(baustein.besetzt, baustein.stellen),
                         baustein.stand or stand)


def alle_statistiken(statistiken: dict[str, Stellenstatistik]) -> Names:
    """Every Stellenstatistik of the data folder: what `stellen` means in texts."""
    return Names("den Stellenstatistiken (Ordner stellen/)",
                 {sid: statistik_werte(sid, s) for sid, s in statistiken.items()})
