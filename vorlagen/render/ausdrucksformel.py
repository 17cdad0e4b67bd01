"""The arithmetic and the names of a text expression: the name a node reads as its parts, and the arithmetic under an
expression's filters written as a figure's formula – what `aktualisieren` proposes for a calculation in a text and
what the refusal of such a calculation names (ausdruck.py). Also the lists of filters both need."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from jinja2 import nodes

from vorlagen.compute.formel import FormelFehler, lesen, schreibweise
from vorlagen.core.fmt import dezimalkomma

FILTER = ("eur", "eur_cent", "teur", "mio", "mrd", "zahl", "vzae", "prozent", "datum", "datum_lang", "monat", "monate")
RECHNENDE_FILTER = ("round", "sum", "int", "float", "abs")  # filters that compute or drop digits
FORMEL_NAMEN = ("finanzierung", "uebersicht", "bescheide", "antraege", "verteilungen", "kennzahlen", "zahlen")


def ist_schluessel(arg: nodes.Node) -> bool:
    """A key a text may write in brackets: a name in quotes or a whole number (a year)."""
    return isinstance(arg, nodes.Const) and (
        isinstance(arg.value, str) or (isinstance(arg.value, int) and not isinstance(arg.value, bool))
    )


def formel_von(tree: nodes.Template) -> str | None:
    """The arithmetic under the expression's filters as a figure's formula, or None when it is not one: names of
    the ledger, numbers, + - * / and a sign only. The formula is read back by the formula parser before it is
    proposed."""
    output = tree.body[0]
    if not isinstance(output, nodes.Output) or len(output.nodes) != 1:
        return None
    node: nodes.Node = output.nodes[0]
    while isinstance(node, nodes.Filter) and node.node is not None:
        if node.name in RECHNENDE_FILTER:
            return None  # rounds, cuts or adds up: a formula of + - * / alone would print another value
        node = node.node
    if any(f.name in RECHNENDE_FILTER for f in node.find_all(nodes.Filter)):
        return None
    try:
        text = _als_formel(node, 0)
        lesen(text)
    except (KeineFormel, FormelFehler):
        return None
    return text


class KeineFormel(Exception):
    """A text expression's arithmetic that no formula writes."""


_ZEICHEN: dict[type[nodes.Node], str] = {nodes.Add: "+", nodes.Sub: "-", nodes.Mul: "*", nodes.Div: "/"}
_RANG = {"+": 1, "-": 1, "*": 2, "/": 2}


def als_formel(node: nodes.Node, sonst: Callable[[nodes.Filter], str] | None = None) -> str:
    """The formula text of the arithmetic node of a text expression (raises KeineFormel where it is not one);
    `sonst(node)` gives the text of a node that is not arithmetic, e.g. a figure for `x | round`."""
    return _als_formel(node, 0, sonst)


def _als_formel(node: nodes.Node, tiefe: int, sonst: Callable[[nodes.Filter], str] | None = None) -> str:
    """The formula text of an arithmetic node; brackets only where the order needs them."""
    if tiefe > 40:
        raise KeineFormel
    if isinstance(node, nodes.Filter) and node.name in FILTER and node.node is not None:
        return _als_formel(node.node, tiefe, sonst)  # `a * 2 | eur` is meant as (a * 2) | eur
    if sonst is not None and isinstance(node, nodes.Filter):
        return sonst(node)
    if type(node) in _ZEICHEN:
        zeichen = _ZEICHEN[type(node)]
        links = _operand(node.left, tiefe, lambda rang: rang < _RANG[zeichen], sonst)  # type: ignore[attr-defined]
        rechts = _operand(  # a - (b - c), a / (b * c): the right side binds first
            node.right,  # type: ignore[attr-defined]
            tiefe,
            lambda rang: rang < _RANG[zeichen] or (rang == _RANG[zeichen] and zeichen in "-/"),
            sonst,
        )
        return f"{links} {zeichen} {rechts}"
    if isinstance(node, nodes.Neg):
        return "-" + _operand(node.node, tiefe, lambda rang: True, sonst)
    if isinstance(node, nodes.Const) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return dezimalkomma(Decimal(repr(node.value)).normalize())
    pfad = pfad_von(node)
    if pfad is None or pfad[0] not in FORMEL_NAMEN:
        raise KeineFormel
    return schreibweise(pfad[1:] if pfad[0] == "zahlen" and len(pfad) == 2 else pfad)


def _operand(
    node: nodes.Node,
    tiefe: int,
    klammern: Callable[[int], bool],
    sonst: Callable[[nodes.Filter], str] | None = None,
) -> str:
    """An operand, in brackets when it is a calculation that `klammern(its rank)` says would bind wrongly."""
    while isinstance(node, nodes.Filter) and node.name in FILTER and node.node is not None:
        node = node.node
    text = _als_formel(node, tiefe + 1, sonst)
    return f"({text})" if type(node) in _ZEICHEN and klammern(_RANG[_ZEICHEN[type(node)]]) else text


def pfad_von(node: nodes.Node) -> tuple[str, ...] | None:
    """The name a node reads as its parts: (finanzierung, plan, zeilen, Miete); None where it is no name."""
    parts: list[str] = []
    while not isinstance(node, nodes.Name):
        if isinstance(node, nodes.Getattr):
            parts.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and ist_schluessel(node.arg):
            parts.append(str(node.arg.value))  # type: ignore[attr-defined]
            node = node.node
        else:
            return None
    return (node.name, *reversed(parts))
