"""A formula's value, exact and with its unit: € + VZÄ is an error, a count times an amount is an amount."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from vorlagen.compute.formel import Funktion, Knoten, Minus, Name, Prozent, Rechnung, Zahl
from vorlagen.core.fmt import zahlwort
from vorlagen.core.limits import MAX_VORKOMMA

GELD = "€"
SKALA = {"T€": 1000, "Mio. €": 1_000_000, "Mrd. €": 1_000_000_000}  # euros per unit of a money unit
ZAEHLER = ("VZÄ", "Tage", "Stück")  # counts: a count times an amount per unit is an amount
DIMENSION = {
    "€": GELD,
    "T€": GELD,
    "Mio. €": GELD,
    "Mrd. €": GELD,
    "%": "",
    "Anzahl": "",
    "VZÄ": "VZÄ",
    "Stellen": "VZÄ",
    "Tage": "Tage",
    "Stück": "Stück",
}

_FUNKTION: dict[str, Callable[[list[Fraction]], Fraction]] = {
    "summe": lambda werte: sum(werte, Fraction(0)),
    "min": min,
    "max": max,
}  # the names of formel.FUNKTIONEN


@dataclass(frozen=True)
class Wert:
    """A value of a formula: exact, and its dimension ('' for a plain number or a ratio)."""

    genau: Fraction
    dimension: str


class EinheitFehler(Exception):
    """A formula that cannot be computed; the message is German."""


def dim_text(dimension: str) -> str:
    """A dimension as a reader says it: '€', 'VZÄ', 'Zahl'."""
    return dimension or "Zahl"


def rechnen(tree: Knoten, lesen_name: Callable[[Name], Wert]) -> Wert:
    """Evaluates exactly, checking units; `lesen_name(Name)` gives a name's Wert."""
    if isinstance(tree, Zahl):
        return Wert(tree.wert, "")
    if isinstance(tree, Name):
        return lesen_name(tree)
    if isinstance(tree, Minus):
        value = rechnen(tree.wert, lesen_name)
        return Wert(-value.genau, value.dimension)
    if isinstance(tree, Prozent):
        value = rechnen(tree.wert, lesen_name)
        if value.dimension:
            raise EinheitFehler(f"„%“ gehört an eine Zahl, nicht an einen Wert in {value.dimension}.")
        return Wert(value.genau / 100, "")
    if isinstance(tree, Funktion):
        values = [rechnen(a, lesen_name) for a in tree.argumente]
        if len({v.dimension for v in values}) > 1:
            raise EinheitFehler(
                f"{tree.name}(…) verbindet Werte in {' und '.join(sorted({dim_text(v.dimension) for v in values}))}"
                " – alle Argumente brauchen dieselbe Einheit."
            )
        return Wert(_FUNKTION[tree.name]([v.genau for v in values]), values[0].dimension)
    a, b = rechnen(tree.links, lesen_name), rechnen(tree.rechts, lesen_name)
    if tree.zeichen in "+-":
        if a.dimension != b.dimension:
            raise EinheitFehler(
                f"„{text_of(tree.links)} {tree.zeichen} {text_of(tree.rechts)}“ verbindet "
                f"{dim_text(a.dimension)} und {dim_text(b.dimension)} – addieren und abziehen lassen "
                "sich nur Werte derselben Einheit."
            )
        return Wert(a.genau + b.genau if tree.zeichen == "+" else a.genau - b.genau, a.dimension)
    if tree.zeichen == "*":
        dims = {a.dimension, b.dimension} - {""}
        if len(dims) == 2 and GELD in dims and dims - {GELD} <= set(ZAEHLER):
            return Wert(a.genau * b.genau, GELD)  # count × amount per unit
        if a.dimension and b.dimension:
            raise EinheitFehler(
                f"„{text_of(tree)}“ multipliziert {a.dimension} mit {b.dimension} – das ergibt keine Einheit, "
                "die eine Vorlage druckt."
            )
        return Wert(a.genau * b.genau, a.dimension or b.dimension)
    if b.genau == 0:
        raise EinheitFehler(f"„{text_of(tree)}“ teilt durch null ({text_of(tree.rechts)} ist 0).")
    if a.dimension == b.dimension:
        return Wert(a.genau / b.genau, "")
    if not b.dimension:
        return Wert(a.genau / b.genau, a.dimension)
    if a.dimension == GELD and b.dimension in ZAEHLER:
        return Wert(a.genau / b.genau, GELD)  # an amount per unit
    raise EinheitFehler(
        f"„{text_of(tree)}“ teilt {dim_text(a.dimension)} durch {b.dimension} – das ergibt keine Einheit, "
        "die eine Vorlage druckt."
    )


def plausibel(genau: Fraction, einheit: str) -> None:
    """EinheitFehler for a value with more than MAX_VORKOMMA digits before the comma in `einheit` (as printed):
    no Vorlage prints such a figure, and rounding it would exceed the precision of every printed number."""
    shown = genau * 100 if einheit == "%" else genau / SKALA.get(einheit, 1)
    if abs(shown) >= 10**MAX_VORKOMMA:
        raise EinheitFehler(
            f"Das Ergebnis hat mehr als {zahlwort(MAX_VORKOMMA)} Stellen vor dem Komma (in {einheit or 'Zahl'}) – "
            "so große Zahlen druckt keine Vorlage; prüfen Sie die Formel."
        )


def _art(tree: Knoten) -> str:
    """'prozent' if a term of numbers alone carries „%“ (`1,75 %`, `2 * 1,75 %`), else 'zahl'; EinheitFehler
    where a sum mixes both (`50 % + 10`: is 10 meant as 10 % or as 1000 %?)."""
    if isinstance(tree, Zahl):
        return "zahl"
    if isinstance(tree, Prozent):
        return "prozent"
    if isinstance(tree, Minus):
        return _art(tree.wert)
    assert not isinstance(tree, Name)  # a formula of numbers alone: no name
    teile = tree.argumente if isinstance(tree, Funktion) else (tree.links, tree.rechts)
    arten = [_art(t) for t in teile]
    if isinstance(tree, Rechnung) and tree.zeichen in "*/":
        return "prozent" if "prozent" in arten else "zahl"
    if len(set(arten)) > 1:
        raise EinheitFehler(
            f"„{text_of(tree)}“ verbindet Zahlen mit und ohne „%“ – in einer Zahl in „%“ schreiben "
            "Sie alle Prozentsätze gleich, z. B. „50 % + 10 %“ oder „50 + 10“."
        )
    return arten[0]


def getippt(tree: Knoten, genau: Fraction, einheit: str) -> Fraction:
    """A formula of numbers alone as a typed figure in `einheit`: its numbers are in that unit – in T€, Mio. € and
    Mrd. € thousands, millions and billions of euros (0,523 in Mio. € is 523.000 €), in a %-figure Prozent (`50` and
    `50 %` are both one half); in any other unit a percentage alone is an EinheitFehler."""
    if einheit == "%":
        return genau if _art(tree) == "prozent" else genau / 100
    if nur_prozent(tree):
        raise EinheitFehler(
            f"Die Formel ergibt einen Prozentsatz ({text_of(tree)}), die Zahl ist aber in „{einheit}“ "
            f'angegeben – ein Prozentsatz braucht „einheit: "%"“, ein Anteil an einem Betrag eine '
            f"Formel wie „{anteil_an_betrag(tree)}“."
        )
    return genau * SKALA.get(einheit, 1)


def summanden(tree: Knoten, mit_prozent: bool = False, mit_namen: bool = False) -> list:
    """The numbers a formula adds up, as typed – terms of + and -, arguments of summe, min and max (and with
    `mit_prozent` the number of a percentage, `10,25 %`; with `mit_namen` the names it adds up, too): what a formula
    of numbers alone states. Factors of a product and a divided number are no such numbers: `2 * 0,2615` is
    computed, not typed."""
    if isinstance(tree, Zahl) or (mit_namen and isinstance(tree, Name)):
        return [tree]
    if isinstance(tree, Minus):
        return summanden(tree.wert, mit_prozent, mit_namen)
    if isinstance(tree, Prozent):
        return summanden(tree.wert, mit_prozent, mit_namen) if mit_prozent else []
    if isinstance(tree, Funktion):
        return [z for a in tree.argumente for z in summanden(a, mit_prozent, mit_namen)]
    if isinstance(tree, Rechnung) and tree.zeichen in "+-":
        return summanden(tree.links, mit_prozent, mit_namen) + summanden(tree.rechts, mit_prozent, mit_namen)
    return []


def nur_summanden(tree: Knoten) -> bool:
    """Whether every number of a formula of numbers alone is one it adds up (`27,5`, `0,523 + 0,416`, `90 %`): a
    figure typed as it prints – not computed (`2 * 0,2615`, `1 / 3`)."""
    return _anzahl_zahlen(tree) == len(summanden(tree, mit_prozent=True))


def _anzahl_zahlen(tree: Knoten) -> int:
    if isinstance(tree, Zahl):
        return 1
    if isinstance(tree, (Minus, Prozent)):
        return _anzahl_zahlen(tree.wert)
    if isinstance(tree, Funktion):
        return sum(_anzahl_zahlen(a) for a in tree.argumente)
    if isinstance(tree, Rechnung):
        return _anzahl_zahlen(tree.links) + _anzahl_zahlen(tree.rechts)
    return 0


def stellen_im_text(text: str) -> int:
    """The decimals a number was typed with, zeros at its end included: '0,520' → 3, '1000' → 0."""
    return len(text.split(",", 1)[1]) if "," in text else 0


def getippte_stellen(tree: Knoten, einheit: str) -> tuple[int, Zahl | None]:
    """The most decimals any number a formula of numbers alone adds up was typed with, in the figure's unit, and
    that number (None where it adds up none): `0,523 + 0,416` → 3. A typed figure prints at least so many."""
    zahlen = summanden(tree, mit_prozent=einheit == "%")
    if not zahlen:
        return 0, None
    meiste = max(zahlen, key=lambda z: stellen_im_text(z.text))
    return stellen_im_text(meiste.text), meiste


def betraege(tree: Knoten, einheit: str) -> list[tuple[str, Fraction]]:
    """The numbers a formula adds up (summanden) as written and in euros (in T€ times 1.000 …): the amounts typed
    into it. Percentages are no amounts."""
    return [(z.text, z.wert * SKALA.get(einheit, 1)) for z in summanden(tree)]


def nur_prozent(tree: Knoten) -> bool:
    """Whether every number of a formula of numbers alone carries „%“ (`50 %`, `50 % + 10 %`): a percentage, no amount."""
    if isinstance(tree, Zahl):
        return False
    if isinstance(tree, Prozent):
        return True
    if isinstance(tree, Minus):
        return nur_prozent(tree.wert)
    assert not isinstance(tree, Name)  # a formula of numbers alone: no name
    teile = tree.argumente if isinstance(tree, Funktion) else (tree.links, tree.rechts)
    return all(nur_prozent(t) for t in teile)


def anteil_an_betrag(tree: Knoten) -> str:
    """A percentage as a share of an amount, for a hint: 'betrag * 50 %', 'betrag * (50 % + 10 %)'."""
    return f"betrag * {text_of(tree) if isinstance(tree, Prozent) else f'({text_of(tree)})'}"


def text_of(tree: Knoten) -> str:
    if isinstance(tree, Zahl):
        return tree.text
    if isinstance(tree, Name):
        return tree.text
    if isinstance(tree, Minus):
        return "-" + text_of(tree.wert)
    if isinstance(tree, Prozent):
        return text_of(tree.wert) + " %"
    if isinstance(tree, Funktion):
        return f"{tree.name}({'; '.join(text_of(a) for a in tree.argumente)})"
    return f"{text_of(tree.links)} {tree.zeichen} {text_of(tree.rechts)}"
