"""A recognised calculation – a reading: its inputs, the typed result, how they relate, and how sure the reading is.
It is frozen: judging it (nachrechnen/urteil/nachgerechnet.py) gives a verdict of its own, and where the document allows a
rounding of the parts (pruefen.py) a new reading is made with `dataclasses.replace`.

How sure a reading is decides what a mismatch means: `sicher` – a slip (FEHLER); a structure recognised but read
one of several ways (`grund` says why) – „nicht eindeutig“; a mere guess (neither) – nothing, its figures stay
„nicht geprüft“. Of several readings of one figure, a reading that holds wins (nachrechnen/urteil/abwaegen.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.gerundet import GRUND_DOKUMENT
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile

DM_JE_EURO = Decimal("1.95583")


@dataclass(frozen=True)
class Fund:
    """A figure at its place in the document."""

    zeile: Zeile
    zahl: Zahl

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.zeile.seite or 0, self.zeile.nr, self.zahl.start)

    @property
    def ort(self) -> str:
        """Where the figure stands in the file („Z. 89“, the line of its cell in an HTML page)."""
        return self.zeile.ort_bei(self.zahl.start)

    @property
    def in_datei(self) -> int:
        return self.zeile.in_datei(self.zahl.start)


@dataclass(frozen=True, eq=False)  # two readings are two, even when they read alike (the judgment counts them by id)
class Rechnung:
    """One calculation found in the text: inputs, the typed result, and how they relate."""

    art: str  # what was recognised, in German: "Anzahl x Betrag", "Summe des Blocks", …
    formel: str  # produkt | summe | saldo | quote | anteil | aufschlag | abzueglich | herausgerechnet | differenz | unterschied | abstand | steigerung | vielfaches | dm | division | schluessel | durchschnitt
    teile: list[Fund]
    ergebnis: Fund
    zeichen: str  # the calculation as a person writes it: "0,5 x 79.928 €"
    faktor: Decimal = Decimal(1)  # for vielfaches: the count n, or the numerator of a fraction
    nenner: Decimal = Decimal(1)  # for vielfaches: the denominator of a fraction („ein Drittel“: 1 and 3)
    betrag: bool = True  # compare absolute values (a row's sign is its own business)
    sicher: bool = True  # a mismatch is a slip; otherwise „nicht eindeutig“ (with a `grund`) or a guess
    grund: str = ""  # why a mismatch of an unsure reading is „nicht eindeutig“ and no slip; empty: a mere guess
    rang: int = 0  # plausibility among the readings of the same figure: the higher, the likelier
    typ: str = ""  # the recognised form, a stable key for machines (--json "art"): "produkt", "rechenblock", …
    vorzeichen: list[int] = field(default_factory=list)  # for summe and quote: +1/−1 per part
    toleranz: Decimal = Decimal(0)  # the parts were rounded (the document says so): how far the result may be off
    rundungsgrund: str = GRUND_DOKUMENT  # why a result within `toleranz` is a rounding, in the words of the verdict
    selbst: bool = False  # the sum a total row claims of its own cells: a slip stands where another reading holds
    hinweis: str = ""  # a note the recogniser gives with the reading; its verdict shows it unless it has its own

    def rechne(self, werte: list[Decimal]) -> Decimal:
        """The exact result from the given input values (typed ones, or corrected ones for consequences)."""
        if self.formel == "produkt":
            result = Decimal(1)
            for value in werte:
                result *= abs(value)
            return result
        if self.formel == "summe":
            signs = self.vorzeichen or [1] * len(werte)
            return sum((s * abs(v) for s, v in zip(signs, werte)), Decimal(0))
        if self.formel == "quote":  # the first in percent of the second, or of the others together (signed: vorzeichen)
            whole = self._ganzes(werte)
            return abs(werte[0]) / whole * 100 if whole else Decimal(0)
        if self.formel == "anteil":
            return abs(werte[0]) * abs(werte[1]) / 100
        if self.formel == "aufschlag":  # an amount with the percentage added: netto → brutto
            return abs(werte[0]) * (100 + abs(werte[1])) / 100
        if self.formel == "abzueglich":  # an amount with the percentage taken off: Kosten → Eigenanteil
            return abs(werte[0]) * (100 - abs(werte[1])) / 100
        if self.formel == "herausgerechnet":  # an amount with the percentage it holds taken out: brutto → netto
            return abs(werte[0]) * 100 / (100 + abs(werte[1]))
        if self.formel == "differenz":
            return abs(abs(werte[0]) - abs(werte[1]))
        if self.formel == "saldo":  # signed as typed; a subtracted part counts with its amount
            return sum((v if s > 0 else -abs(v) for s, v in zip(self.vorzeichen, werte)), Decimal(0))
        if self.formel == "unterschied":  # signed as typed: the first less the second
            return werte[0] - werte[1]
        if self.formel == "abstand":  # signed figures: from −100 to 100 is 200
            return abs(werte[1] - werte[0])
        if self.formel == "steigerung":  # signed where the result is compared signed: a fall is negative
            change = werte[1] - werte[0] if not self.betrag else abs(werte[1] - werte[0])
            return change / abs(werte[0]) * 100 if werte[0] else Decimal(0)
        if self.formel == "vielfaches":
            return self.faktor * abs(werte[0]) / self.nenner  # multiplied first: a result on a half is exact
        if self.formel == "division":
            return abs(werte[0]) / abs(werte[1]) if werte[1] else Decimal(0)
        if self.formel == "schluessel":  # the whole times the own key over all keys: werte = whole, own, all keys
            keys = sum((abs(v) for v in werte[2:]), Decimal(0))
            return abs(werte[0]) * abs(werte[1]) / keys if keys else Decimal(0)
        if self.formel == "durchschnitt":  # the mean of the parts as typed
            return sum(werte, Decimal(0)) / len(werte)
        if self.formel == "dm":  # the fixed rate of 1999: 1 € = 1,95583 DM
            return abs(werte[0]) / DM_JE_EURO
        raise ValueError(self.formel)

    def ergibt(self, werte: list[Decimal]) -> Decimal | None:
        """The exact result from the given values, or None where the calculation divides by zero with them („5 € von
        0 € = 12 %“): it gives no value at all, so it is neither right nor wrong (rechne's 0 there is no result)."""
        return None if self._durch_null(werte) else self.rechne(werte)

    def _durch_null(self, werte: list[Decimal]) -> bool:
        if self.formel == "quote":
            return not self._ganzes(werte)
        if self.formel == "steigerung":
            return not werte[0]
        if self.formel == "division":
            return not werte[1]
        if self.formel == "schluessel":
            return not any(werte[2:])
        return False

    def _ganzes(self, werte: list[Decimal]) -> Decimal:
        """The base of a quote: the others together, each with its sign where `vorzeichen` gives them („211.072,87 €
        of 6.557.303,21 € − 211.072,87 €“, the level before a rise)."""
        signs = self.vorzeichen[1:] or [1] * (len(werte) - 1)
        return sum((s * abs(v) for s, v in zip(signs, werte[1:], strict=True)), Decimal(0))

    def gerundet(self, exact: Decimal) -> Decimal:
        """Rounded half-up to the precision the result was typed with."""
        return round_half_up(exact, self.ergebnis.zahl.schritt)

    def getippt(self) -> Decimal:
        typed = self.ergebnis.zahl.wert
        return abs(typed) if self.betrag else typed

    def haelt(self) -> bool:
        """The calculation holds with the figures as typed (a guess that does not states nothing)."""
        exact = self.ergibt([t.zahl.wert for t in self.teile])
        return exact is not None and self.gerundet(exact) == self.getippt()

    def steht(self) -> bool:
        """The reading claims something whatever its verdict: it is sure, a doubt with its reason, or a guess that
        holds. A guess that fails states nothing: a later recogniser may read its figures."""
        return self.sicher or bool(self.grund) or self.haelt()


At = Callable[[Zahl], Fund]  # places a figure of a text in its line
