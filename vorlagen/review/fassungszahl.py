"""One figure of a Fassung as `vergleichen` compares it: its label, value, unit and places, and what it reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from vorlagen.core.fmt import Zahlformat, noetige_stellen, zahl
from vorlagen.core.money import exact, round_half_up


@dataclass
class Zahl:
    label: str  # 'Eigenanteil „Case Management im KI für die Kommunen“'
    value: Decimal
    money: bool
    quantum: Decimal = Decimal(1)
    quellen: dict[str, str] = field(default_factory=dict)  # the facts and figures it reads: name → value as printed
    text: str | None = None  # as printed, where the figure prints itself (a named figure in its unit)
    stellen: int | None = 2  # the places a figure without unit prints with (None: as many as it has)
    einheit: str = ""  # a named figure's unit ('Mio. €', '%', 'VZÄ' …); '' for the tables' euros and numbers
    im_druck: Fraction | None = None  # a named figure's printed value as a number in its unit (88,98 for 88,98 %)

    def show(self, zahlformat: Zahlformat) -> str:
        """As printed; money as `zahlformat` (its Fassung's house) prints it."""
        if self.text is not None:
            return self.text
        return zahlformat.euro_or_cent(self.value, self.quantum) if self.money else zahl(self.value, self.stellen)

    def gedruckt(self) -> tuple[Fraction, int]:
        """The value as printed, as a number in the unit it prints in, and the places it prints with."""
        if self.im_druck is not None:
            return self.im_druck, self.stellen if self.stellen is not None else noetige_stellen(self.im_druck)
        places = max(0, -int(self.quantum.as_tuple().exponent)) if self.money else self.stellen
        if places is None:  # printed by `zahl` with the places it needs (two of a decimal that does not end)
            places = noetige_stellen(self.value)
        return exact(round_half_up(self.value, Decimal(1).scaleb(-places))), places
