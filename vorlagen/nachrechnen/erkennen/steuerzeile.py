"""The turnover tax a table adds under its net amount, and the gross amount under it – the close of a purchase or a
Kostenschätzung as a new user types it: „Summe netto | 20.886,00 €“, „zzgl. 19 % MwSt. | 3.968,34 €“, „Summe brutto |
24.854,34 €“. The tax is the net amount times the rate its row names, rounded as it is typed; the gross amount is the
net amount plus the tax. Before, the search confirmed both where they held, and a slip in either was only „nicht
geprüft“.

Rows: each with one amount, in euros or all three without a unit but with cents; the tax row names the tax (MwSt.,
Mehrwertsteuer, USt., Umsatzsteuer) and one rate in percent, and no tax contained in an amount („inkl.“,
„enthalten“, „darin“: the base would be the gross amount); the net row is the nearest row with an amount above it, the
gross row the nearest below (blank lines and the rule of a Markdown table between, at most _GAP lines). A tax row
without a rate („zzgl. MwSt.“) still gives the gross amount. Several tax rows under one net amount (7 % on one part,
19 % on another) are each read only where the row names its base („zzgl. 7 % MwSt. auf 4.104,00 €“); the gross
amount is the net amount and all of them – read beside a sum of the rows above that another form may have made of
it (the judgment keeps the reading that holds). The net row names a total or „netto“ („Summe netto“,
„Zwischensumme“, „Nettobetrag“) – a row of one item right above the tax may be the last of a list the tax is levied on
as a whole, and then nothing is read; the gross row names „brutto“ or a total („Gesamtsumme“, „Summe inkl. MwSt.“).
Every line is looked at a bounded number of times: linear in the document's length."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import WERT, Reihe
from vorlagen.nachrechnen.erkennen import satzlesart
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl

_TAX = re.compile(r"\b(?:MwSt|Mehrwertsteuer|USt|Umsatzsteuer)\b", re.IGNORECASE)
_CONTAINED = re.compile(r"\b(?:inkl|inklusive|einschl|einschließlich|enthalten|darin|davon|hierin)\b", re.IGNORECASE)
_NET = re.compile(r"netto|Zwischensumme|\bSumme\b|\bGesamt\w*|\binsgesamt\b|Auftragssumme|Angebotssumme", re.I)
_GROSS = re.compile(r"brutto|\bSumme\b|Gesamt\w*|\binsgesamt\b|Endbetrag|Endsumme|\binkl\.", re.I)
# „Zuzüglich 19 % Umsatzsteuer ergeben sich 4.569,60 €.“: the amount of the line is the gross amount, no tax
_GIVES_GROSS = re.compile(r"\b(?:ergeben|ergibt|ergäbe|sind\s+das|macht|brutto)\b", re.IGNORECASE)
_GAP = 3  # lines without a figure between two rows


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    index = 0
    while index < len(reihen):
        block = _tax_block(reihen, index)
        if block is None:
            index += 1
            continue
        net, taxes, gross, index = block
        base = _amount(net)
        assert base is not None  # _neighbour finds rows with one amount
        tax_amounts = [tax for t in taxes if (tax := _tax(t)) is not None]  # every one: _tax_row says so
        if any(t.einheit != base.einheit for t in tax_amounts):
            continue
        for reihe, tax in zip(taxes, tax_amounts, strict=True):
            named = _named_base(reihe)  # „zzgl. 7 % MwSt. auf 4.104,00 €“: the base in the row
            rate, of = _rate(reihe), named or (base if len(taxes) == 1 else None)
            if rate is None or of is None or reihe.fund(tax).key in taken:
                continue  # two tax rows without their bases: each may be levied on a part
            base_fund = (reihe if named else net).fund(of)
            art = "Steuer in der Zeile unter " + ("dem Betrag, den sie nennt" if named else "dem Nettobetrag")
            found.append(satzlesart.reading(base_fund, reihe.fund(rate), reihe.fund(tax), art, "steuerzeile"))
        total = _amount(gross) if gross is not None else None
        if gross is None or total is None or total.einheit != base.einheit:
            continue  # read even where a sum of the rows above was (the judgment keeps the reading that holds)
        parts = [net.fund(base)] + [r.fund(t) for r, t in zip(taxes, tax_amounts, strict=True)]
        found.append(
            Rechnung(
                "Bruttobetrag unter der Steuer: Nettobetrag und Steuer",
                "summe",
                parts,
                gross.fund(total),
                " + ".join(p.zahl.betrag() for p in parts),
                rang=4,  # named by its rows: over a sum of the rows above that includes the taxes alone
                typ="steuerzeile",
            )
        )
    return found


def _tax_block(reihen: list[Reihe], index: int) -> tuple[Reihe, list[Reihe], Reihe | None, int] | None:
    """The net row, the tax rows right under it, the gross row under them (None where none names it) and the index
    after the block – where row `index` opens a block of tax rows under a net amount."""
    if not _tax_row(reihen[index]) or _tax_row(_near(reihen, index, -1)):
        return None
    net = _neighbour(reihen, index, -1)
    if net is None or not _NET.search(_words(net)) or re.search("brutto", _words(net), re.I):
        return None
    taxes, at = [reihen[index]], index
    while (after := _near_index(reihen, at, 1)) is not None and _tax_row(reihen[after]):
        taxes.append(reihen[after])
        at = after
    gross = _neighbour(reihen, at, 1)
    if gross is not None and (not _GROSS.search(_words(gross)) or re.search("netto", _words(gross), re.I)):
        gross = None
    return net, taxes, gross, at + 1


def _words(reihe: Reihe) -> str:
    return f"{reihe.label} {reihe.zeile.text}"


def _amount(reihe: Reihe) -> Zahl | None:
    """The row's one amount (none negative: a tax is added here), or None: in euros, or without a unit typed with
    cents („9.054,26“ under a head „GP (€)“; the three rows must agree in this)."""
    figures = [z for z in _figures(reihe) if z.einheit != "%"]
    if len(figures) != 1 or figures[0].wert <= 0:
        return None
    amount = figures[0]
    return amount if amount.geld or not amount.einheit and amount.stellen == 2 else None


def _figures(reihe: Reihe) -> list[Zahl]:
    """The row's figures: those of its cells (a figure without a unit beside „19 %“ is one), else its values."""
    cells = [z for e in reihe.eintraege if e.art == WERT for z in e.zahlen]
    return cells or reihe.werte


def _rate(reihe: Reihe) -> Zahl | None:
    """The one rate in percent the row names, also in brackets („MwSt. (19 %)“)."""
    rates = [z for z in _figures(reihe) if z.einheit == "%"] or [
        z for z in reihe.zeile.zahlen if z.einheit == "%" and z.tiefe == 1
    ]
    return rates[0] if len(rates) == 1 and 0 < rates[0].wert < 100 else None


def _tax_row(reihe: Reihe | None) -> bool:
    """A row that adds a tax: it names one, with its amount (and perhaps the base it is levied on), and no tax
    contained in an amount."""
    if reihe is None or _tax(reihe) is None:
        return False
    words = _words(reihe)
    return bool(_TAX.search(words)) and not _CONTAINED.search(words) and not _GIVES_GROSS.search(words)


def _tax(reihe: Reihe) -> Zahl | None:
    """The tax amount of a row: its one amount, or the last where the row names its base before it („auf 4.104,00 €“)."""
    one = _amount(reihe)
    if one is not None or _named_base(reihe) is None:
        return one
    return [z for z in _figures(reihe) if z.einheit != "%"][-1]


def _named_base(reihe: Reihe) -> Zahl | None:
    """„zzgl. 7 % MwSt. auf 4.104,00 €“: the amount after „auf“ in a row of two amounts, the base of its tax."""
    figures = [z for z in _figures(reihe) if z.einheit != "%"]
    if len(figures) != 2 or any(z.wert <= 0 for z in figures):
        return None
    first = figures[0]
    return first if re.search(r"\bauf\s*$", reihe.zeile.text[: first.start]) else None


def _near(reihen: list[Reihe], index: int, step: int) -> Reihe | None:
    """The nearest row with a figure above (step −1) or below (step 1), past at most _GAP lines without one."""
    near = _near_index(reihen, index, step)
    return None if near is None else reihen[near]


def _near_index(reihen: list[Reihe], index: int, step: int) -> int | None:
    for near in range(index + step, index + step * (_GAP + 2), step):
        if not 0 <= near < len(reihen):
            return None
        if _figures(reihen[near]) or reihen[near].zeile.zahlen:
            return near
    return None


def _neighbour(reihen: list[Reihe], index: int, step: int) -> Reihe | None:
    """The nearest row with a figure, where it has one amount and no rate."""
    reihe = _near(reihen, index, step)
    return reihe if reihe is not None and _amount(reihe) is not None and _rate(reihe) is None else None
