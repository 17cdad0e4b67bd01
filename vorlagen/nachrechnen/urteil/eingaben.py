"""A slip whose typed result a sure sum confirms: a row „12.495 kWh × 0,2874 €/kWh = 35.910,63 €“ whose product is
wrong by its figures, while the column's „Summe“ adds up with 35.910,63 € – the product as typed is right, and the
slip is among the figures it is worked out of (the kWh typed with a digit missing). The reading stays a slip (its
figures do not give its result), but it says so, and its recomputed value is no correction: the sum and everything
built on the result are not Folgefehler of it.

Only a table row's product or quotient (mengenpreis.py: count, price and amount typed cells apart, each as likely
the one typed wrong) – a calculation written out in one line („3 x 10.000 € = 31.000 €“) puts its result last, and
its result is the slip, its sum a Folgefehler –, and sums that are sure, hold as typed and use none of the slip's
inputs. Bounded: one look at the holding sums of a document per slip."""

from __future__ import annotations

from vorlagen.nachrechnen.urteil.dokumenturteil import Pruefung
from vorlagen.nachrechnen.urteil.nachgerechnet import FEHLER, STIMMT, Urteil

_ROW_OF_FACTORS = "mengenpreis"


def locate(pruefung: Pruefung) -> None:
    """Marks each slip of a row's product whose typed result a sure holding sum uses as right, and names that sum."""
    holding_sums = [  # as typed: not a sum that holds only once a slip is corrected
        u
        for u in pruefung.rechnungen
        if u.status == STIMMT and u.rechnung.sicher and u.formel == "summe" and u.rechnung.haelt()
    ]
    using: dict[tuple, list[Urteil]] = {}
    for holding in holding_sums:
        for teil in holding.teile:
            using.setdefault(teil.key, []).append(holding)
    for slip in pruefung.rechnungen:
        if slip.status != FEHLER or slip.typ != _ROW_OF_FACTORS:
            continue
        inputs = {t.key for t in slip.teile}
        total = next((u for u in using.get(slip.ergebnis.key, []) if not inputs & {t.key for t in u.teile}), None)
        if total is None:
            continue
        slip.weiter = False
        slip.hinweis = (
            f"{slip.ergebnis.zahl.zeige()} geht in der Summe in {total.ergebnis.ort} auf: falsch ist eher eine "
            "der Zahlen, aus denen es gerechnet ist"
        )
