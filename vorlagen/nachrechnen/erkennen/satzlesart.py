"""An amount and the rate it is of a base, both typed („Landeszuschuss (41 %): 337.071 €“ under 822.125 €, „zzgl. 19 %
MwSt. | 3.968,34 €“ under 20.886,00 €): which of the two a mismatch blames. The amount is typed to the cent, the rate
to a whole percent or a tenth: where the amount in percent of the base rounds to the typed rate, the rate is right and
a mismatch is the amount's (a slip of a few euros); where it does not, the rate is wrong – or the amount far off –
and the rate is named the slip, with that said. Both stand on one line, which is what a reader looks at."""

from __future__ import annotations

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung


def reading(base: Fund, rate: Fund, amount: Fund, art: str, typ: str, rang: int = 0) -> Rechnung:
    """The amount as the base times the rate – or, where the amount does not round to the typed rate, the rate as
    the amount in percent of the base."""
    b, r, a = base.zahl, rate.zahl, amount.zahl
    share = abs(a.wert) / abs(b.wert) * 100 if b.wert else None
    if share is None or round_half_up(share, r.schritt) == abs(r.wert):
        return Rechnung(
            f"{art}: der Betrag mal dem Satz",
            "anteil",
            [base, rate],
            amount,
            f"{b.betrag()} × {r.betrag()}",
            rang=rang,
            typ=typ,
        )
    return Rechnung(
        f"{art}: der Satz als Anteil des Betrags (oder der Betrag ist weit daneben)",
        "quote",
        [amount, base],
        rate,
        f"{a.betrag()} / {b.betrag()} × 100",
        rang=rang,
        typ=typ,
    )
