"""Number filters of texts that never print a value that is not zero as zero (or without its sign): such a value
is refused, naming the filter call that shows it (render/ausdruck.TextSandbox; `vorlagen aktualisieren` proposes the
same call, migration/nullwerte.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from vorlagen.compute.darstellung import genau_text
from vorlagen.compute.names import NoValue
from vorlagen.core.fmt import Zahlformat, zeigt_null

ZAHLENFILTER = ("eur", "eur_cent", "teur", "mio", "mrd", "zahl", "vzae", "prozent")
_MEHR: dict[str, list[tuple[str, int | None]]] = {  # what shows more digits: filter → (filter, places) in turn
    "eur": [("eur_cent", None)],
    "teur": [("teur", n) for n in range(1, 7)] + [("eur", None), ("eur_cent", None)],
    "mio": [("mio", n) for n in range(3, 7)] + [("teur", None), ("eur", None), ("eur_cent", None)],
    "mrd": [("mrd", n) for n in range(3, 7)] + [("mio", None), ("teur", None), ("eur", None), ("eur_cent", None)],
    "zahl": [("zahl", n) for n in range(1, 7)],
    "vzae": [("vzae", n) for n in range(1, 7)],
    "prozent": [("prozent", n) for n in range(1, 7)],
}


def nicht_null(
    name: str, places: int | None, value: object, filters: Mapping[str, Callable[..., str]]
) -> tuple[str, str] | None:
    """The first filter call (in the order of _MEHR) that shows `value` – printed as zero by `| name(places)` –
    not as zero, and what it prints: ("| teur(1)", "0,4 T€"); None where no filter does."""
    for other, n in _MEHR.get(name, []):  # nothing shows more than cents
        if other == name and places is not None and n is not None and n <= places:
            continue
        shown = filters[other](value, n) if n is not None else filters[other](value)
        if not zeigt_null(shown):
            return (f"| {other}({n})" if n is not None else f"| {other}"), shown
    return None


def niezeigt_null(
    name: str, function: Callable[..., str], filters: Mapping[str, Callable[..., str]], zahlformat: Zahlformat
) -> Callable[..., object]:
    """A number filter that refuses to print a value that is not zero as zero (or without its sign), naming the
    filter that shows it; an open value (None) stays open."""

    def filtered(value: object, *args: Any, **kwargs: Any) -> object:
        if value is None:
            return None  # a figure the data does not state yet: the text prints „noch offen“, a Betreff refuses it
        text = function(value, *args, **kwargs)
        if not zeigt_null(text) or not isinstance(value, (int, Decimal, Fraction)) or value == 0:
            return text
        sichtbar = nicht_null(name, args[0] if args else None, value, filters)
        if sichtbar is not None:
            how = f"zeigen Sie ihn mit „{sichtbar[0]}“ ({sichtbar[1]})"
        else:
            how = "so kleine Werte druckt kein Filter; prüfen Sie den Namen"
        unit = "%" if name == "prozent" else "Anzahl" if name in ("zahl", "vzae") else "€"
        raise NoValue(
            f"„| {name}“ druckt „{text}“, der Wert ist aber {genau_text(Fraction(value), unit, zahlformat)} – eine Zahl, die "
            f"nicht null ist, druckt nie als null; {how}."
        )

    return filtered
