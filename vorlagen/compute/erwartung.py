"""A named figure against its `erwartet`: no problem when they agree, else why not – with the formula that gives
the expected value where the figure was written in the way of an earlier version (euros, or a share for %)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.zahlwert import Zahlwert
from vorlagen.core.fmt import NBSP, dezimalkomma, zahl
from vorlagen.core.money import exact
from vorlagen.core.problems import Problem
from vorlagen.load.kennzahlen import Kennzahl


def abweichung(k: Kennzahl, z: Zahlwert, getippt: bool) -> Problem | None:
    """The problem of a figure whose print does not show `erwartet` (None when it does, or nothing is expected);
    `getippt`: its formula is numbers alone."""
    if k.erwartet is None:
        return None
    assert z.form is not None  # every computed figure has one
    if z.form.in_einheit(z.gezeigt) == exact(k.erwartet):
        return None
    erwartet = zahl(k.erwartet) + (
        "" if k.einheit == "Anzahl" else NBSP + z.form.zahlformat.geldeinheit(k.einheit).replace(" ", NBSP)
    )
    if _in_euro(k, z, getippt):
        message = (
            f"Zahl „{k.id}“: berechnet {z.wert.text}, erwartet {erwartet} – die Zahlen einer Formel "
            f"stehen in der Einheit der Zahl (frühere Fassungen lasen sie in Euro): für {erwartet} "
            f"schreiben Sie „{_in_formel(exact(z.genau) / z.form.skala())} / {z.form.skala()}“ (ein Betrag in Euro, "
            "gedruckt in der Einheit der Zahl; eine getippte Zahl allein druckt jede Ziffer, die sie hat)."
        )
    elif _um_hundert(k, z, getippt):
        message = (
            f"Zahl „{k.id}“: berechnet {z.wert.text}, erwartet {erwartet} – eine Formel nur aus "
            f'Zahlen ist bei „einheit: "%"“ in Prozent: für {erwartet} schreiben Sie '
            f"„{_in_formel(k.erwartet)}“ oder „{_in_formel(k.erwartet)} %“."
        )
    else:
        message = (
            f"Zahl „{k.id}“: berechnet {z.wert.text}, erwartet {erwartet} – prüfen Sie den "
            "erwarteten Wert und die Formel."
        )
    return Problem(k.where("erwartet"), message)


def _um_hundert(k: Kennzahl, z: Zahlwert, getippt: bool) -> bool:
    """Whether a %-figure of numbers alone misses `erwartet` by a factor of 100 (`formel: "0,5"` meant as 50 %)."""
    assert z.form is not None and k.erwartet is not None  # the caller returned for a figure without one
    return k.einheit == "%" and getippt and z.form.in_einheit(Fraction(z.wert) * 100) == exact(k.erwartet)


def _in_euro(k: Kennzahl, z: Zahlwert, getippt: bool) -> bool:
    """Whether a typed figure in T€, Mio. € or Mrd. € meets `erwartet` when its numbers are read in euros, as
    earlier versions did (`formel: "523000"` in Mio. € meant as 0,52 Mio. €)."""
    assert z.form is not None and k.erwartet is not None  # the caller returned for a figure without one
    if k.einheit not in ("T€", "Mio. €", "Mrd. €") or not getippt:
        return False
    in_euro = replace(z.form, getippt=0, wie_getippt=False)  # as its unit prints a computed figure
    return in_euro.in_einheit(exact(z.genau) / z.form.skala()) == exact(k.erwartet)


def _in_formel(value: Fraction | Decimal) -> str:
    """A number as a formula writes it: 12.5 → '12,5', 5000 → '5000' (no thousands mark)."""
    return dezimalkomma(Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else value)
