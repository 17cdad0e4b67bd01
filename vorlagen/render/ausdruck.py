"""What a text expression may do, as an allow-list: name figures, read their fields, apply the documented filters,
choose words by comparing figures. Everything else – operators, method calls, lists, other filters, formatting – is
refused before anything runs; positions and the insides of numbers, texts and dates are refused when it runs.

The check walks Jinja's syntax tree and lets through only the node kinds listed here: a construct Jinja adds later
is refused until someone puts it on the list.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from jinja2 import nodes

from vorlagen.compute.grenzen import GRENZEN
from vorlagen.compute.names import NoValue, UnknownName
from vorlagen.compute.zahlwert import Groesse
from vorlagen.core.engine import befehl
from vorlagen.core.fmt import Zahlformat, gekuerzt
from vorlagen.render.ausdrucksformel import (
    FILTER,
    RECHNENDE_FILTER,
    formel_von,
    ist_schluessel,
)
from vorlagen.render.klammern import Klammern
from vorlagen.render.nienull import ZAHLENFILTER, niezeigt_null
from vorlagen.render.sandbox import Sandbox

FILTER_TABELLE = ("geld",)  # {{ z.betrag | geld(t.quantum) }}: in the engine's templates, documented there
AUFRUFE = ("tabelle", "verteilung", "anmerkung")  # tabelle("id"), verteilung("id"), anmerkung("datei.md")
VERGLEICHE = ("eq", "ne", "gt", "gteq", "lt", "lteq")
_WERTE = (int, float, Decimal, Fraction, str, bytes, dt.date)  # values without fields
AUSDRUCK = Klammern(("{{", "}}"))  # as re's r"\{\{(.*?)\}\}" with re.S, linear
ANWEISUNG = Klammern(("{%", "%}"), ("{#", "#}"))
NUR_AUSDRUECKE = (
    "In Texten sind nur Ausdrücke in {{ … }} erlaubt, keine Anweisungen {% … %} oder Kommentare {# … #} – "
    "entfernen Sie sie."
)


def ungeschlossen(content: str) -> list[tuple[int, str]]:
    """(position, message) of each „{{“, „{%“ or „{#“ of a text that nothing closes, and of each „}}“ that nothing
    opens: the text would print them as typed, without a word. Each kind once per line (a line of 300 KB of „{{ a “
    is one message, not 60.000 copies of the line)."""
    rest = AUSDRUCK.sub(_leer, ANWEISUNG.sub(_leer, content))  # the same length: positions stay
    found, gesehen, start, ende = [], set(), 0, -1
    for match in re.finditer(r"\{\{|\{%|\{#|\}\}", rest):
        if match.start() > ende:  # a line after the last one's: found once, each line looked at once
            start = content.rfind("\n", 0, match.start()) + 1
            ende = content.find("\n", start) % (len(content) + 1)  # -1 (the last line): its end
        if (start, match[0]) in gesehen:
            continue
        gesehen.add((start, match[0]))
        shown = gekuerzt(content[start:ende].strip(), 60)
        if match[0] == "{{":
            was = "„{{“ wird nicht mit „}}“ geschlossen – ergänzen Sie „}}“ am Ende des Ausdrucks, z. B. {{ vorlage.nummer }}."
        elif match[0] == "}}":
            was = "„}}“ schließt keinen Ausdruck – ergänzen Sie „{{“ an seinem Anfang oder löschen Sie „}}“."
        else:
            was = NUR_AUSDRUECKE
        found.append((match.start(), f"„{shown}“: {was}"))
    return found


def _leer(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match[0])


class Rechnet(Exception):
    """A text expression that computes: the operators and filters that do, and a formula for the same value (or
    None when none can be written)."""

    def __init__(self, was: str, formel: str | None):
        super().__init__(was)
        self.was, self.formel = was, formel


class Verboten(Exception):
    """A text expression that does something else a text may not do; the German reason."""


class Interna(Exception):
    """A text expression that reads a name beginning with „_“."""


def pruefen(tree: nodes.Template) -> None:
    """Raises Rechnet, Verboten or Interna unless every node of the expression is on the allow-list."""
    rechnend: list[str] = []
    stack: list[nodes.Node] = [tree]
    stellen: set[int] = set()  # a filter's negative places, `round(-2)`: a sign, not a subtraction
    while stack:
        node = stack.pop()
        stack += list(node.iter_child_nodes())
        if isinstance(node, (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Name, nodes.Keyword)):
            continue
        if id(node) in stellen:
            continue
        if isinstance(node, nodes.Const):
            if not isinstance(node.value, (str, int, float, bool, type(None))):
                raise Verboten("ein Wert dieser Art")
        elif isinstance(node, nodes.Getattr):
            if node.attr.startswith("_"):
                raise Interna(node.attr)
        elif isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Slice):
                raise Verboten("ein Ausschnitt [von:bis]")
            if not ist_schluessel(node.arg):
                raise Verboten("„[…]“ mit etwas anderem als einem Namen in Anführungszeichen oder einer Jahreszahl")
            if isinstance(node.arg, nodes.Const) and str(node.arg.value).startswith("_"):
                raise Interna(str(node.arg.value))
        elif isinstance(node, nodes.Filter):
            if node.dyn_args is not None or node.dyn_kwargs is not None:
                raise Verboten(f"der Filter „{node.name}“ mit * oder **")
            if node.name in RECHNENDE_FILTER:
                _merken(rechnend, f"„{node.name}“")
                stellen |= {id(a) for a in [*node.args, *(k.value for k in node.kwargs)] if _negative_zahl(a)}
            elif node.name not in FILTER + FILTER_TABELLE:
                raise Verboten(f"der Filter „{node.name}“")
            elif node.name in FILTER and not all(_stellen(a) for a in [*node.args, *(k.value for k in node.kwargs)]):
                raise Verboten(f"der Filter „{node.name}“ mit etwas anderem als einer Zahl von Stellen")
        elif isinstance(node, nodes.Call):
            _aufruf(node)
        elif isinstance(node, (nodes.BinExpr, nodes.UnaryExpr)) and not isinstance(
            node, (nodes.And, nodes.Or, nodes.Not)
        ):
            _merken(rechnend, f"„{node.operator}“")
        elif isinstance(node, nodes.Operand):
            if node.op not in VERGLEICHE:
                raise Verboten(f"der Vergleich „{node.op}“ (Vergleiche: ==, !=, <, <=, >, >=)")
        elif isinstance(node, nodes.Concat):
            raise Verboten("„~“ (Texte zusammensetzen)")
        elif isinstance(node, (nodes.List, nodes.Tuple, nodes.Dict, nodes.Pair)):
            raise Verboten("eine Liste oder Gruppe von Werten")
        elif isinstance(node, nodes.Slice):
            raise Verboten("ein Ausschnitt [von:bis]")
        elif isinstance(node, nodes.Test):
            raise Verboten(f"der Test „is {node.name}“")
        elif not isinstance(node, (nodes.CondExpr, nodes.Compare, nodes.And, nodes.Or, nodes.Not)):
            raise Verboten(f"ein Ausdruck der Art „{type(node).__name__}“")
    if rechnend:
        raise Rechnet(" und ".join(reversed(rechnend)), formel_von(tree))


def _negative_zahl(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Neg) and isinstance(node.node, nodes.Const)


def _merken(found: list[str], what: str) -> None:
    if what not in found:
        found.append(what)


def _stellen(arg: nodes.Node) -> bool:
    """An argument of a documented filter: a whole number of places, `zahl(2)`."""
    return isinstance(arg, nodes.Const) and isinstance(arg.value, int) and not isinstance(arg.value, bool)


def _aufruf(node: nodes.Call) -> None:
    if isinstance(node.node, nodes.Getattr):
        raise Verboten(f"die Methode „.{node.node.attr}(…)“")
    if (
        not isinstance(node.node, nodes.Name)
        or node.node.name not in AUFRUFE
        or node.kwargs
        or node.dyn_args is not None
        or node.dyn_kwargs is not None
        or len(node.args) != 1
        or not (isinstance(node.args[0], nodes.Const) and isinstance(node.args[0].value, str))
    ):
        raise Verboten(
            'ein Aufruf (aufrufen lassen sich nur tabelle("id"), verteilung("id") und anmerkung("datei.md"))'
        )


class TextSandbox(Sandbox):
    """The sandbox of text expressions: entries by name only, no fields of numbers, texts or dates, keys of a
    group never shadowed by its methods, and no figure that is not zero printed as zero."""

    def __init__(self, zahlformat: Zahlformat, prozent_stellen: int = 2, **options: Any) -> None:
        super().__init__(zahlformat, prozent_stellen, **options)
        plain = dict(self.filters)  # the proposals are tried with the filters as they were
        for name in ZAHLENFILTER:
            self.filters[name] = niezeigt_null(name, plain[name], plain, zahlformat)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, (dict, list, tuple)):
            value = getattr(obj, attribute, None) if isinstance(obj, dict) and attribute not in obj else None
            if value is not None and not callable(value):
                return super().getattr(obj, attribute)  # a field of the group itself (a Stellenstatistik's „stand“)
            return self.getitem(obj, attribute)  # `finanzierung.items` is a table named „items“, never a method
        if isinstance(obj, Groesse) and attribute in GRENZEN:
            return _grenze(obj, attribute)
        if isinstance(obj, _WERTE):
            raise NoValue(_kein_feld(obj, f".{attribute}"))
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, (list, tuple)) and not isinstance(argument, str):
            raise NoValue(_stelle(obj, argument))
        if isinstance(obj, _WERTE):
            raise NoValue(_kein_feld(obj, f"[{argument!r}]"))
        if isinstance(obj, dict):  # Names raise UnknownName themselves; other groups (years, fields) here
            if isinstance(argument, str) and argument.isdigit() and argument not in obj and int(argument) in obj:
                argument = int(argument)  # jahre.2022 is the year 2022
            try:
                return obj[argument]
            except (KeyError, TypeError):
                raise UnknownName(argument, obj.keys(), "diesem Abschnitt") from None
        return super().getitem(obj, argument)


def _grenze(zahl: Groesse, art: str) -> Groesse:
    """A named figure's bound (zahlen["id"].hoechstens), or why there is none."""
    value = getattr(zahl, art)
    if value is None:
        raise NoValue(
            f"„.{art}“: Diese Zahl ({zahl.text}) nennt keine Grenze „{art}“ – tragen Sie sie bei der Zahl unter "
            f"„zahlen“ ein ({art}: …) oder zitieren Sie die Zahl selbst."
        )
    return value


def _kein_feld(obj: object, was: str) -> str:
    art = "Ein Datum" if isinstance(obj, dt.date) else "Ein Text" if isinstance(obj, (str, bytes)) else "Eine Zahl"
    return (
        f"„{was}“: {art} hat in Texten keine Felder und keine Methoden – zeigen Sie den Wert mit einem Filter "
        f"(„| eur“, „| zahl“, „| datum“ …); eine berechnete Zahl legen Sie unter „zahlen“ an."
    )


def _stelle(liste: list | tuple, argument: object) -> str:
    """Why a position is refused, with the name that reads the same row where there is one."""
    name_von = getattr(liste, "name_von", None)
    if name_von is not None and isinstance(argument, int) and -len(liste) <= argument < len(liste):
        name = name_von(liste[argument])
        if name is not None:
            quote = "'" if '"' in name else '"'
            return (
                f"„[{argument}]“: Zeilen heißen nach ihrer id oder Bezeichnung, nicht nach ihrer Stelle – "
                f"schreiben Sie [{quote}{name}{quote}] (die Zeile an Stelle {argument}, gezählt ab 0)."
            )
        return (
            f"„[{argument}]“: Zeilen heißen nach ihrer id oder Bezeichnung, nicht nach ihrer Stelle – die Zeile an "
            f"Stelle {argument} (gezählt ab 0) hat keinen eindeutigen Namen; geben Sie ihr eine „id“."
        )
    if name_von is not None:
        names = sorted({z.id or z.als for z in liste})
        return f"„[{argument}]“: Zeilen heißen nach ihrer id oder Bezeichnung, nicht nach ihrer Stelle. Vorhanden: {', '.join(names) or 'keine'}."
    return (
        f"„[{argument}]“: Einträge dieser Liste haben keine Namen, und nach ihrer Stelle liest ein Text nichts – "
        f"alle Namen mit Werten zeigt „{befehl()} zahlen NUMMER“."
    )
