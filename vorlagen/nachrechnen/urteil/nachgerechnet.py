"""The verdict on one reading: recomputed half-up as everywhere, other roundings only as a note. The reading stays as
it was recognised; its verdict – status, the recomputed value, a note – is an object of its own, which the judgment
over all readings of a document (abwaegen.py) and the consequences of a slip (folgen.py) may still revise."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_UP, Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import show

STIMMT, FEHLER, FOLGE, RUNDUNG, OFFEN = "stimmt", "Fehler", "Folgefehler", "Rundung", "nicht geprüft"
UNKLAR = "nicht eindeutig"
_OTHER_ROUNDINGS = (
    (ROUND_DOWN, "abgeschnitten"),
    (ROUND_UP, "aufgerundet"),
    (ROUND_HALF_EVEN, "zur geraden Ziffer gerundet"),
)


@dataclass(eq=False)
class Urteil:
    """A reading and its verdict. The reading's figures and form are read through (`ergebnis`, `teile`, `art` …)."""

    rechnung: Rechnung
    status: str = OFFEN
    richtig: Decimal | None = None  # the recomputed value, rounded like the typed figure
    hinweis: str = ""
    # a slip whose typed result another sure reading confirms: the slip is in its inputs, and its recomputed value
    # is no correction of the result to carry on (folgen.py)
    weiter: bool = True

    @property
    def art(self) -> str:
        return self.rechnung.art

    @property
    def formel(self) -> str:
        return self.rechnung.formel

    @property
    def typ(self) -> str:
        return self.rechnung.typ

    @property
    def zeichen(self) -> str:
        return self.rechnung.zeichen

    @property
    def teile(self) -> list[Fund]:
        return self.rechnung.teile

    @property
    def ergebnis(self) -> Fund:
        return self.rechnung.ergebnis

    @property
    def rang(self) -> int:
        return self.rechnung.rang

    @property
    def selbst(self) -> bool:
        return self.rechnung.selbst

    @property
    def vorzeichen(self) -> list[int]:
        return self.rechnung.vorzeichen

    def ergibt(self, werte: list[Decimal]) -> Decimal | None:
        return self.rechnung.ergibt(werte)

    def gerundet(self, exact: Decimal) -> Decimal:
        return self.rechnung.gerundet(exact)

    def getippt(self) -> Decimal:
        return self.rechnung.getippt()

    @property
    def differenz(self) -> Decimal:
        """Typed minus recomputed."""
        return self.getippt() - (self.richtig if self.richtig is not None else self.getippt())


def _minus_unchecked(rechnung: Rechnung) -> str:
    """A result typed with a minus that a reading compares by its amount, its parts none negative („verbleiben noch
    -31.421,00 EUR“ read as 701.480 − 670.059): it holds by the amount only – the verdict says so."""
    zahl = rechnung.ergebnis.zahl
    if not rechnung.betrag or zahl.wert >= 0 or any(t.zahl.wert < 0 for t in rechnung.teile):
        return ""
    return f"dem Betrag nach – das Minus von „{zahl.zeige()}“ prüft diese Rechnung nicht"


def pruefe(rechnung: Rechnung) -> Urteil:
    """The verdict on a reading from its own figures; one that divides by zero gives no value and claims nothing."""
    exact = rechnung.ergibt([f.zahl.wert for f in rechnung.teile])
    if exact is None:
        return Urteil(rechnung, OFFEN)
    richtig = rechnung.gerundet(exact)
    typed = rechnung.getippt()
    zahl = rechnung.ergebnis.zahl
    if richtig == typed:
        return Urteil(rechnung, STIMMT, richtig, rechnung.hinweis or _minus_unchecked(rechnung))
    names = [name for mode, name in _OTHER_ROUNDINGS if exact.quantize(zahl.schritt, rounding=mode) == typed]
    if names:
        exact_text = show(exact.normalize(), zahl, genau=True)
        hinweis = (
            f"stimmt nur {' oder '.join(names)} (genau {exact_text}); kaufmännisch gerundet "
            f"wären es {zahl.zeige(richtig)}"
        )
        return Urteil(rechnung, RUNDUNG, richtig, hinweis)
    if rechnung.toleranz and abs(exact - typed) <= rechnung.toleranz:
        hinweis = f"genau {zahl.zeige(richtig)}; {rechnung.rundungsgrund}"
        return Urteil(rechnung, RUNDUNG, richtig, hinweis)
    if rechnung.sicher:
        return Urteil(rechnung, FEHLER, richtig, rechnung.hinweis)
    if rechnung.grund:
        return Urteil(rechnung, UNKLAR, richtig, rechnung.grund)
    return Urteil(rechnung, OFFEN, richtig, rechnung.hinweis)
