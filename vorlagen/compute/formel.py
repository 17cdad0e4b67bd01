"""Formulas of named figures, as a clerk writes them in a spreadsheet: `zuwendung * 1,75 %`, `summe(a; b) - c`.

Decimal comma, `;` between arguments, `%` after a number or a bracket, names joined by dots
(`finanzierung.plan.zuwendung`) or written as in a text (`finanzierung["plan"].zeilen["1"].betrag`); a hyphen
inside a name belongs to the name (`m1-steuerung`), a minus between two names needs spaces. Parsing is a plain recursive descent over a bounded string: nothing of
the formula runs, and every mistake is a German sentence that names the place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeAlias

from vorlagen.core.fmt import zahl, zahlwort
from vorlagen.core.limits import MAX_FORMEL, MAX_KLAMMERN, MAX_RECHENSCHRITTE, MAX_VORKOMMA
from vorlagen.load.schreibweise import Schreibweise, formelzahl

FUNKTIONEN = ("summe", "min", "max")

_TOKEN = re.compile(
    r"""
    (?P<leer>\s+)
  | (?P<zahl>\d+(?:[.,]\d+)*)
  | (?P<name>[^\W\d]\w*(?:-\w+)*(?:\.\w+(?:-\w+)*|\[\s*(?:"[^"\n]*"|'[^'\n]*'|\d+)\s*\])*)
  | (?P<zeichen>[-+*/();%])
""",
    re.X,
)
_SEGMENT = re.compile(r"""[^\W\d]\w*(?:-\w+)*|\.(\w+(?:-\w+)*)|\[\s*(?:"([^"\n]*)"|'([^'\n]*)'|(\d+))\s*\]""")


class FormelFehler(Exception):
    """A formula that cannot be read; the message is German and complete."""


@dataclass(frozen=True)
class Zahl:
    wert: Fraction
    text: str


@dataclass(frozen=True)
class Name:
    """A name as written (`text`) and its parts (`pfad`): `finanzierung["m1"].zeilen["1"].betrag` and
    `finanzierung.m1.zeilen.1.betrag` both read ('finanzierung', 'm1', 'zeilen', '1', 'betrag'). Every part is a
    name – a row, a source or a rate is read by its id or label, never by its position."""

    pfad: tuple[str, ...]
    text: str = ""

    def __post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", ".".join(self.pfad))


@dataclass(frozen=True)
class Rechnung:
    zeichen: str  # + - * /
    links: Knoten
    rechts: Knoten


@dataclass(frozen=True)
class Minus:
    wert: Knoten


@dataclass(frozen=True)
class Prozent:
    wert: Knoten


@dataclass(frozen=True)
class Funktion:
    name: str
    argumente: tuple[Knoten, ...]


# a formula as a tree (`lesen`)
Knoten: TypeAlias = Zahl | Name | Rechnung | Minus | Prozent | Funktion
# a token: its kind (None past the end), its text and its column
Token: TypeAlias = tuple[str | None, str, int]


def _zahl(text: str) -> Fraction:
    """'1,75' → 7/4; '1000' → 1000. A dot is never a decimal point (German), nor silently a thousands mark."""
    if text.count(",") > 1:
        raise FormelFehler(
            f"„{text}“ ist keine Zahl – Argumente einer Funktion trennen Sie mit „;“, z. B. summe(a; b)."
        )
    try:
        wert = formelzahl(text)
    except Schreibweise as error:
        raise FormelFehler(error.meldung()) from None
    if len(text.split(",")[0].lstrip("0")) > MAX_VORKOMMA:
        raise FormelFehler(
            f"„{text}“ ist unplausibel groß – Zahlen haben hier höchstens {zahlwort(MAX_VORKOMMA)} Stellen vor "
            "dem Komma; prüfen Sie den Wert."
        )
    return wert


def lesen(formel: str) -> Knoten:
    """The formula as a tree of Zahl, Name, Rechnung, Minus, Prozent and Funktion; FormelFehler if it is not one."""
    if len(formel) > MAX_FORMEL:
        raise FormelFehler(
            f"Die Formel hat mehr als {zahl(MAX_FORMEL)} Zeichen – teilen Sie sie in mehrere Zahlen auf."
        )
    tokens: list[Token] = []
    position = 0
    while position < len(formel):
        match = _TOKEN.match(formel, position)
        if match is None and formel[position] == ",":
            raise FormelFehler(
                f"„,“ an Stelle {position + 1}: Argumente einer Funktion trennen Sie mit „;“, z. B. "
                "summe(a; b); eine Dezimalzahl schreiben Sie ohne Leerzeichen: 1,75."
            )
        if match is None and formel[position] == "[":
            raise FormelFehler(
                f"„[“ an Stelle {position + 1}: In eckigen Klammern steht ein Name in geraden Anführungszeichen, "
                'z. B. zeilen["Gesamtkosten"], oder eine Jahreszahl, z. B. jahre[2022].'
            )
        if match is None:
            raise FormelFehler(
                f"Das Zeichen „{formel[position]}“ (Stelle {position + 1}) gehört nicht in eine Formel "
                "– erlaubt sind Zahlen, Namen, + - * / % ( ) und „;“ zwischen Argumenten."
            )
        if match.lastgroup != "leer":
            tokens.append((match.lastgroup, match[0], position + 1))
        position = match.end()
    if not tokens:
        raise FormelFehler("Die Formel ist leer – schreiben Sie, wie sich die Zahl ergibt, z. B. „a + b“.")
    parser = _Parser(tokens)
    tree = parser.ausdruck(0)
    if parser.index < len(tokens):
        kind, text, column = tokens[parser.index]
        hint = " – zwischen zwei Namen fehlt ein Rechenzeichen" if kind == "name" else ""
        if kind == "name" and text in ("EUR", "TEUR", "Euro"):
            hint = " – die Einheit gehört nicht in die Formel: schreiben Sie die Zahl allein und die Einheit unter „einheit“ (z. B. einheit: EUR oder einheit: TEUR)"
        raise FormelFehler(f"„{text}“ an Stelle {column} steht hier zu viel{hint}.")
    if schritte(tree) > MAX_RECHENSCHRITTE:
        raise FormelFehler(
            f"Die Formel hat mehr als {MAX_RECHENSCHRITTE} Rechenschritte hintereinander – fassen Sie viele "
            "Summanden mit summe(a; b; …) zusammen oder teilen Sie die Formel in mehrere Zahlen auf."
        )
    return tree


def schritte(tree: Knoten) -> int:
    """Operations one after the other (the depth of the tree): `a + b + c` has two, `summe(a; b; c)` one."""
    deepest, stack = 0, [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, Rechnung):
            stack += [(node.links, depth + 1), (node.rechts, depth + 1)]
        elif isinstance(node, (Minus, Prozent)):
            stack.append((node.wert, depth + 1))
        elif isinstance(node, Funktion):
            stack += [(a, depth + 1) for a in node.argumente]
    return deepest


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens, self.index = tokens, 0

    def _peek(self) -> Token:
        return self.tokens[self.index] if self.index < len(self.tokens) else (None, "", 0)

    def _take(self, text: str | None = None) -> Token:
        token = self._peek()
        if token[0] is None:
            raise FormelFehler("Die Formel endet zu früh – es fehlt ein Wert oder eine schließende Klammer.")
        if text is not None and token[1] != text:
            raise FormelFehler(f"An Stelle {token[2]} fehlt „{text}“ (dort steht „{token[1]}“).")
        self.index += 1
        return token

    def ausdruck(self, tiefe: int) -> Knoten:
        if tiefe > MAX_KLAMMERN:
            raise FormelFehler(f"Die Formel ist tiefer als {MAX_KLAMMERN} Ebenen geschachtelt – teilen Sie sie auf.")
        links = self._produkt(tiefe)
        while self._peek()[1] in ("+", "-"):
            zeichen = self._take()[1]
            links = Rechnung(zeichen, links, self._produkt(tiefe + 1))
        return links

    def _produkt(self, tiefe: int) -> Knoten:
        links = self._faktor(tiefe)
        while self._peek()[1] in ("*", "/"):
            zeichen = self._take()[1]
            links = Rechnung(zeichen, links, self._faktor(tiefe + 1))
        return links

    def _faktor(self, tiefe: int) -> Knoten:
        if tiefe > MAX_KLAMMERN:
            raise FormelFehler(f"Die Formel ist tiefer als {MAX_KLAMMERN} Ebenen geschachtelt – teilen Sie sie auf.")
        kind, text, column = self._take()
        if text == "-":
            return Minus(self._faktor(tiefe + 1))
        if kind == "zahl":
            wert: Knoten = Zahl(_zahl(text), text)
        elif kind == "name" and self._peek()[1] == "(":
            if text.lower() not in FUNKTIONEN:
                raise FormelFehler(f"Die Funktion „{text}“ gibt es nicht – es gibt {', '.join(FUNKTIONEN)}.")
            self._take("(")
            argumente = [self.ausdruck(tiefe + 1)]
            while self._peek()[1] == ";":
                self._take(";")
                argumente.append(self.ausdruck(tiefe + 1))
            self._take(")")
            wert = Funktion(text.lower(), tuple(argumente))
        elif kind == "name":
            wert = Name(teile(text), text)
        elif text == "(":
            wert = self.ausdruck(tiefe + 1)
            self._take(")")
        else:
            raise FormelFehler(
                f"An Stelle {column} erwartet die Formel eine Zahl, einen Namen oder „(“, nicht „{text}“."
            )
        if self._peek()[1] == "%":
            self._take("%")
            return Prozent(wert)
        return wert


def teile(text: str) -> tuple[str, ...]:
    """The parts of a name as the tokenizer found it: dotted parts and parts in brackets ("…", '…' or digits)."""
    return tuple(
        next(g for g in match.groups() if g is not None) if match.lastindex else match[0]
        for match in _SEGMENT.finditer(text)
    )


def schreibweise(pfad: tuple[str, ...]) -> str:
    """A name as a formula writes it: dotted where a part is a plain name, else in brackets – `zeilen["1"]`,
    `quellen["Land NRW"]` (a part of digits alone looks like a position, so it is written in brackets, too)."""
    text = pfad[0]
    for part in pfad[1:]:
        quote = "'" if '"' in part else '"'
        text += f".{part}" if _EINFACH.fullmatch(part) else f"[{quote}{part}{quote}]"
    return text


_EINFACH = re.compile(r"[^\W\d]\w*(?:-\w+)*")


def namen(tree: Knoten) -> list[Name]:
    """Every name the formula reads, in order."""
    if isinstance(tree, Name):
        return [tree]
    if isinstance(tree, Rechnung):
        return namen(tree.links) + namen(tree.rechts)
    if isinstance(tree, (Minus, Prozent)):
        return namen(tree.wert)
    if isinstance(tree, Funktion):
        return [n for a in tree.argumente for n in namen(a)]
    return []
