"""`vorlagen aktualisieren`: the named figures that print what a computing text expression of 0.2.0 printed.

The figure prints what the filter printed: `| eur` whole euros, `| eur_cent` cents, `| zahl(n)` and `| vzae(n)` a
number with n decimals (without n as many as it has), `| prozent(n)` a percentage (0.2.0: two decimals). Inside the
arithmetic, `| round(n)` becomes a figure of its own that rounds a half to the even digit as Jinja's `round` did
(n < 0: to tens, hundreds … through a figure in those units), `| abs` the larger of the value and its negation, a
row list's `| sum(attribute=…)` the sum of its rows by name, `| int` a figure that cuts the decimals as `int` did,
`| float` nothing. Whether each figure prints as before is not assumed:
the proof of `aktualisieren` compares every printed figure with the earlier build.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from jinja2 import nodes

from vorlagen.compute.einheiten import GELD, EinheitFehler, text_of
from vorlagen.compute.formel import FormelFehler, Minus, Rechnung, Zahl, lesen, schreibweise
from vorlagen.migration.dimensionen import Dimensionen
from vorlagen.migration.zeilennamen import _slug
from vorlagen.render.ausdrucksformel import KeineFormel, als_formel, pfad_von

GRUND = (
    "in Texten wird nicht mehr gerechnet: die Rechnung ist jetzt eine benannte Zahl unter „zahlen“ in vorlage.yaml, "
    "der Text zitiert sie"
)
RUNDEN = (
    f"{GRUND}; „| round“ ist eine Zahl für sich, gelesen wie gedruckt, und rundet wie „round“ eine 5 am Ende zur "
    "geraden Ziffer (6.594,5 zu 6.594: rundungsart: zur_geraden_ziffer)"
)
GANZ = f"{GRUND}; „| int“ ist eine Zahl für sich, die wie „int“ die Nachkommastellen abschneidet (rundungsart: abschneiden)"
# filter of 0.2.0 → (einheit, rundung, stellen when the filter names none)
EINHEITEN = {
    "eur": ("€", "euro", None),
    "eur_cent": ("€", "cent", None),
    "zahl": ("Anzahl", None, None),
    "vzae": ("Anzahl", None, None),
    "prozent": ("%", None, 2),
}
_WOERTER = {"+": "plus", "-": "minus", "*": "mal", "/": "durch"}
MAX_ID = 48
EINS = {GELD: ("€", "betrag"), "VZÄ": ("VZÄ", "stellen"), "Tage": ("Tage", "tage"), "Stück": ("Stück", "stueck")}
_LEER = ("zeilen", "quellen", "bescheid", "betrag")  # parts of a name that say nothing in a figure's name
_OHNE_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}-")  # a Bescheid's id starts with its date


@dataclass(frozen=True)
class NeueZahl:
    """A figure `aktualisieren` writes under `zahlen`."""

    id: str
    formel: str
    einheit: str
    rundung: str | None
    stellen: int | None
    runden: str
    grund: str = GRUND
    rundungsart: str | None = None  # zur_geraden_ziffer: as Jinja's `round` did

    def kurz(self) -> str:
        """One line for the report: '- id: x, formel: "a - b", einheit: €, rundung: cent'."""
        teile = [f"id: {self.id}", f"formel: {self.formel}", f"einheit: {self.einheit}"]
        teile += [f"rundung: {self.rundung}"] * (self.rundung is not None)
        teile += [f"stellen: {self.stellen}"] * (self.stellen is not None)
        teile += [f"rundungsart: {self.rundungsart}"] * (self.rundungsart is not None)
        return "- " + ", ".join(teile + [f"runden: {self.runden}"])

    def yaml(self, einzug: str) -> list[str]:
        """Its entry as block YAML lines, indented by `einzug`."""
        lines = [f"{einzug}- id: {self.id}", f"{einzug}  formel: {_yaml_text(self.formel)}"]
        lines.append(f'{einzug}  einheit: "{self.einheit}"')
        if self.rundung is not None:
            lines.append(f"{einzug}  rundung: {self.rundung}")
        if self.stellen is not None:
            lines.append(f"{einzug}  stellen: {self.stellen}")
        if self.rundungsart is not None:
            lines.append(f"{einzug}  rundungsart: {self.rundungsart}")
        lines.append(f"{einzug}  runden: {self.runden}")
        return lines


class Nicht(Exception):
    """An expression no figure expresses: the German reason."""


class Uebersetzung:
    """Turns the computing expressions of one Vorlage into named figures; a typed number one expression needs is
    made once for the Vorlage (`neue` holds every figure made so far, in order)."""

    def __init__(self, vergeben: set[str], dim: Dimensionen):
        self.vergeben, self.dim = vergeben, dim
        self.neue: list[NeueZahl] = []
        self._ziel = ""  # the dimension the figure being made prints in

    def zahlen(self, node: nodes.Filter) -> list[NeueZahl]:
        """The figures (helpers first, the quoted one last) that print `node`, an expression under a unit's
        filter; raises Nicht."""
        einheit, rundung, stellen = EINHEITEN[node.name]
        stellen = _stellen(node, stellen)
        innen: nodes.Node = node.node  # type: ignore[assignment]  # rechnende_texte: a filter of a value
        ziel = GELD if einheit == "€" else ""
        self._ziel = ziel
        anfang = len(self.neue)
        try:
            formel = self._formel(als_formel(innen, self._filter), ziel)
        except (KeineFormel, FormelFehler):
            del self.neue[anfang:]
            raise Nicht("mit etwas, das keine Formel schreibt") from None
        except Nicht:
            del self.neue[anfang:]
            raise
        helfer = self.neue[anfang:]
        formel = _ohne_aussenklammern(formel)
        if helfer and formel == helfer[-1].id and _genuegt(helfer[-1], einheit, rundung, stellen):
            zahl_ = replace(helfer[-1], id=self._frei(_id(innen)))  # `x | round | eur`: the rounded figure alone
            self.neue[-1] = zahl_
            self._neu(zahl_, ziel)
            self.neue.pop()
            return [*helfer[:-1], zahl_]
        runden = "je_posten" if any(h.grund != GRUND for h in helfer) else "am_ende"
        gleich = next(
            (
                n
                for n in self.neue[:anfang]
                if (n.formel, n.einheit, n.rundung, n.stellen, n.runden) == (formel, einheit, rundung, stellen, runden)
                and n.rundungsart is None
            ),
            None,
        )
        if gleich is not None:  # the same computation quoted twice: one figure
            return [*helfer, gleich]
        zahl_ = NeueZahl(self._frei(_id(innen)), formel, einheit, rundung, stellen, runden)
        self._neu(zahl_, ziel)
        return [*helfer, zahl_]

    def _neu(self, zahl_: NeueZahl, dimension: str) -> str:
        self.neue.append(zahl_)
        self.vergeben.add(zahl_.id)
        self.dim.neue[zahl_.id] = dimension
        return zahl_.id

    def _frei(self, name: str) -> str:
        """`name`, or with -2, -3 … where it is taken."""
        frei, zaehler = name, 2
        while frei in self.vergeben:
            frei, zaehler = f"{name}-{zaehler}", zaehler + 1
        return frei

    def _filter(self, filter_: nodes.Filter) -> str:
        """The formula text of a computing filter inside the arithmetic."""
        if filter_.node is None:
            raise Nicht(f"mit „{filter_.name}“ ohne Wert")
        if filter_.name == "round":
            return self._gerundet(filter_)
        if filter_.name == "int":
            return self._gerundet(filter_, ganz=True)
        if filter_.name == "float" and not filter_.args and not filter_.kwargs:
            return f"({als_formel(filter_.node, self._filter)})"
        if filter_.name == "abs" and not filter_.args and not filter_.kwargs:
            return _betrag(filter_.node, self._filter)
        if filter_.name == "sum":
            return self._summe(filter_)
        raise Nicht(f"mit „{filter_.name}“, das keine Formel kennt")

    def _gerundet(self, filter_: nodes.Filter, ganz: bool = False) -> str:
        """A figure that rounds as `| round(n)` did (a half to the even digit; n < 0 to tens, hundreds … through a
        figure in those units), or to whole units for `| int`."""
        if not ganz:
            if any(k.key not in ("precision", "method") for k in filter_.kwargs):
                raise Nicht("mit „round“ und Angaben, die keine Zahl von Stellen sind")
            methode = next((k.value for k in filter_.kwargs if k.key == "method"), None)
            if methode is not None and not (isinstance(methode, nodes.Const) and methode.value == "common"):
                raise Nicht("mit „round“, das nur auf- oder nur abrundet (method „ceil“ oder „floor“)")
        elif filter_.args or filter_.kwargs:
            raise Nicht("mit „int“ und weiteren Angaben")
        places = 0 if ganz else _stellen(filter_, 0, negativ=True) or 0
        wert: nodes.Node = filter_.node  # type: ignore[assignment]  # _filter: never None here
        innen = self._formel(als_formel(wert, self._filter), "" if self._ziel == "" else None)
        dimension, faktor = self.dim.von(innen), 1
        if places < 0:
            faktor, places = 10**-places, 0
            innen = f"({innen}) / {faktor}"
        grund, art = (GANZ, "abschneiden") if ganz else (RUNDEN, "zur_geraden_ziffer")
        name = self._frei(f"{_id(wert)}-gerundet")
        if dimension == GELD:
            if places not in (0, 2):
                raise Nicht(f"mit „round({places})“ auf einem Betrag (Beträge runden auf Euro oder Cent)")
            rundung = "euro" if places == 0 else "cent"
            self._neu(NeueZahl(name, innen, "€", rundung, None, "am_ende", grund, art), GELD)
        elif dimension == "":
            self._neu(NeueZahl(name, innen, "Anzahl", None, places, "am_ende", grund, art), "")
        else:
            raise Nicht(f"mit „{filter_.name}“ auf einem Wert in {dimension}")
        return f"({name} * {faktor})" if faktor != 1 else name

    def _summe(self, filter_: nodes.Filter) -> str:
        """`zeilen | sum(attribute="betrag")`: the sum of the rows by name."""
        attribut = next((k.value for k in filter_.kwargs if k.key == "attribute"), None)
        pfad = pfad_von(filter_.node) if filter_.node is not None else None
        if (
            filter_.args
            or not isinstance(attribut, nodes.Const)
            or not isinstance(attribut.value, str)
            or pfad is None
            or len(filter_.kwargs) != 1
        ):
            raise Nicht("mit „sum“, das keine Formel kennt")
        namen_ = self.dim.zeilen(pfad)
        if not namen_:
            raise Nicht("mit „sum“ über eine Liste, deren Einträge keine eindeutigen Namen haben")
        return "summe(" + "; ".join(schreibweise((*pfad, n, attribut.value)) for n in namen_) + ")"

    def _formel(self, formel: str, ziel: str | None) -> str:
        """The formula with each number typed into a sum of amounts (or of Stellen, Tage …) – and the number a value
        is divided by where the figure is a plain number – as a figure of that unit of its own (a formula's number
        has no unit). Raises Nicht where the units do not give the figure's (`ziel`, None: any)."""
        try:
            tree = lesen(formel)
            typisiert = _betraege(tree, self.dim)
            if ziel == "":
                typisiert |= _teiler(tree, self.dim)
        except EinheitFehler as fehler:
            raise Nicht(f"so, wie keine Formel rechnet ({fehler})") from None
        for text, dimension in sorted(typisiert.items(), key=lambda t: len(t[0]), reverse=True):
            formel = re.sub(rf"(?<![\w,.-]){re.escape(text)}(?![\w,.])", self._getippt(text, dimension), formel)
        try:
            ergibt = self.dim.von(formel)
            if ziel == "" and ergibt in EINS:  # still a value in a unit: one of that unit makes it a number
                formel = f"({formel}) / {self._getippt('1', ergibt)}"
                ergibt = self.dim.von(formel)
        except (EinheitFehler, FormelFehler) as fehler:
            raise Nicht(f"so, wie keine Formel rechnet ({fehler})") from None
        if ziel is not None and ergibt != ziel:
            raise Nicht(f"mit einem Ergebnis in {ergibt or 'Zahl'}, gedruckt als {ziel or 'Zahl'}")
        return formel

    def _getippt(self, text: str, dimension: str) -> str:
        """The id of a typed figure of the number `text` in `dimension`: one made before for this Vorlage, or new."""
        einheit, vorsilbe = EINS[dimension]
        name = next((n.id for n in self.neue if n.formel == text and n.einheit == einheit), None)
        if name is None:
            name = self._neu(
                NeueZahl(self._frei(f"{vorsilbe}-{text.replace(',', '-')}"), text, einheit, None, None, "am_ende"),
                dimension,
            )
        return name


def _ohne_aussenklammern(formel: str) -> str:
    """`(a * 100)` as `a * 100`: brackets around the whole formula say nothing."""
    if not (formel.startswith("(") and formel.endswith(")")) or '"' in formel or "'" in formel:
        return formel
    tiefe = 0
    for index, zeichen in enumerate(formel):
        tiefe += {"(": 1, ")": -1}.get(zeichen, 0)
        if tiefe == 0 and index < len(formel) - 1:
            return formel  # `(a) / (b)`: the first bracket closes before the end
    return formel[1:-1]


def _genuegt(helfer: NeueZahl, einheit: str, rundung: str | None, stellen: int | None) -> bool:
    """Whether a rounding figure prints what the filter around it would: the same unit and rounding."""
    if helfer.einheit != einheit:
        return False
    return helfer.rundung == rundung if einheit == "€" else stellen is None or stellen == helfer.stellen


def _betrag(node: nodes.Node, sonst: Callable[[nodes.Filter], str]) -> str:
    """`x | abs` as a formula: the larger of `a - b` and `b - a`, or of `x` and `-x`."""
    if isinstance(node, nodes.Sub):
        links, rechts = _geklammert(als_formel(node.left, sonst)), _geklammert(als_formel(node.right, sonst))
        return f"max({links} - {rechts}; {rechts} - {links})"
    text = als_formel(node, sonst)
    return f"max({text}; -{_geklammert(text)})"


def _geklammert(text: str) -> str:
    """A formula as an operand of - : in brackets where it computes."""
    return f"({text})" if any(f" {z} " in text for z in "+-*/") else text


def _betraege(tree: object, dim: Dimensionen) -> dict[str, str]:
    """The numbers added to or taken from a value in a unit, with that unit's dimension."""
    if isinstance(tree, Rechnung):
        found = _betraege(tree.links, dim) | _betraege(tree.rechts, dim)
        if tree.zeichen in "+-":
            for zahl_, other in ((tree.links, tree.rechts), (tree.rechts, tree.links)):
                if isinstance(zahl_, Zahl) and not isinstance(other, Zahl) and dim.von(text_of(other)) in EINS:
                    found[zahl_.text] = dim.von(text_of(other))
        return found
    if isinstance(tree, Minus):
        return _betraege(tree.wert, dim)
    return {}


def _teiler(tree: object, dim: Dimensionen) -> dict[str, str]:
    """The number a value in a unit is divided by at the top (`eigenanteil / 1000` printed as a plain number)."""
    if not (isinstance(tree, Rechnung) and tree.zeichen == "/" and isinstance(tree.rechts, Zahl)):
        return {}
    dimension = dim.von(text_of(tree.links))
    return {tree.rechts.text: dimension} if dimension in EINS else {}


def _stellen(node: nodes.Filter, standard: int | None, negativ: bool = False) -> int | None:
    """The places a filter names (`zahl(2)`, `round(1)`; `round(-2)` with `negativ`), else `standard`."""
    args = [*node.args, *(k.value for k in node.kwargs if k.key != "method")]
    if not args:
        return standard
    arg = args[0]
    sign = 1
    if negativ and isinstance(arg, nodes.Neg):
        arg, sign = arg.node, -1
    if len(args) != 1 or not isinstance(arg, nodes.Const) or not isinstance(arg.value, int):
        raise Nicht(f"mit „{node.name}“ und Angaben, die keine Zahl von Stellen sind")
    value = sign * arg.value
    if not (-9 if negativ else 0) <= value <= 6:
        raise Nicht(f"mit {value} Stellen (eine Zahl druckt 0 bis 6)")
    return value


def _id(node: nodes.Node) -> str:
    """A readable name from what the arithmetic reads: 'm1-steuerung-gesamtkosten-minus-abzuege'."""
    teile: list[str] = []
    erster: list[str] = []

    def walk(n: nodes.Node) -> None:
        if isinstance(n, nodes.BinExpr) and n.operator in _WOERTER:
            walk(n.left)
            teile.append(_WOERTER[n.operator])
            walk(n.right)
        elif isinstance(n, (nodes.Filter, nodes.Neg)) and n.node is not None:
            walk(n.node)
            if isinstance(n, nodes.Filter) and n.name == "sum":
                teile.append("summe")
        elif isinstance(n, nodes.Const):
            teile.append(str(n.value).replace(".", "-"))
        else:
            pfad = [_OHNE_DATUM.sub("", p) for p in (pfad_von(n) or ("wert",))[1:] if p not in _LEER]
            if not erster:
                erster.extend(pfad)
                teile.append("-".join(pfad))
            else:
                gemeinsam = next((i for i, (a, b) in enumerate(zip(pfad, erster, strict=False)) if a != b), 0)
                teile.append("-".join(pfad[gemeinsam:] or pfad[-1:]))

    walk(node)
    text = _slug(" ".join(teile))
    if len(text) > MAX_ID:
        text = text[:MAX_ID].rsplit("-", 1)[0]
    return text if text[:1].isalpha() and not text.startswith("zeile-") else f"zahl-{text.removeprefix('zeile-')}"


def _yaml_text(text: str) -> str:
    """A formula as a YAML text in quotes (double, or single where it holds double ones)."""
    return f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"
