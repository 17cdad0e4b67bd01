"""`vorlagen aktualisieren`: a text that computes (0.2.0 printed `{{ (a - b) | eur_cent }}`; since 0.2.1 a text only
quotes) becomes a named figure under `zahlen` in vorlage.yaml, and the text quotes it: `{{ zahlen["…"] }}`.

The figure prints what the filter printed: `| eur` whole euros, `| eur_cent` cents, `| zahl(n)` and `| vzae(n)` a
number with n decimals (without n as many as it has), `| prozent(n)` a percentage (0.2.0: two decimals). A
`| round(n)` inside the arithmetic becomes a figure of its own, read as printed. Whether each figure prints as before
is not assumed: the proof of `aktualisieren` compares every printed figure with the earlier build.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from jinja2 import Environment, nodes

from vorlagen.compute.einheiten import GELD, EinheitFehler, Wert, rechnen, text_of
from vorlagen.compute.formel import FormelFehler, Minus, Rechnung, Zahl, lesen
from vorlagen.compute.kennzahlen import namenswert
from vorlagen.compute.project import compute
from vorlagen.core.problems import Where
from vorlagen.load.facts import Facts
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.render.ausdruck import AUSDRUCK, KeineFormel, Rechnet, als_formel, pruefen
from vorlagen.review.umschreiben import Offen, Quelltexte
from vorlagen.review.zeilennamen import _slug

GRUND = (
    "in Texten wird nicht mehr gerechnet: die Rechnung ist jetzt eine benannte Zahl unter „zahlen“ in vorlage.yaml, "
    "der Text zitiert sie"
)
RUNDEN = (
    f"{GRUND}; „| round“ ist eine Zahl für sich, gelesen wie gedruckt, und rundet wie „round“ eine 5 am Ende zur "
    "geraden Ziffer (6.594,5 zu 6.594: rundungsart: zur_geraden_ziffer)"
)
# filter of 0.2.0 → (einheit, rundung, stellen when the filter names none)
EINHEITEN = {
    "eur": ("€", "euro", None),
    "eur_cent": ("€", "cent", None),
    "zahl": ("Anzahl", None, None),
    "vzae": ("Anzahl", None, None),
    "prozent": ("%", None, 2),
}
_WOERTER = {"+": "plus", "-": "minus", "*": "mal", "/": "durch"}
_WURZELN = ("finanzierung", "bescheide", "antraege", "verteilungen", "uebersicht", "kennzahlen", "zahlen")
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


class _Nicht(Exception):
    """An expression this rule cannot turn into a figure: the German reason."""


class _Dimensionen:
    """The dimension of a formula in one Vorlage (€, '' for a number, VZÄ …), read from its computed ledger; the
    figures this rule adds are known by their own."""

    def __init__(self, names: dict, figures: dict):
        self.names, self.figures = names, figures
        self.neue: dict[str, str] = {}  # id of a figure this rule adds → its dimension

    def von(self, formel: str) -> str:
        """Raises EinheitFehler or FormelFehler where the formula does not compute."""

        def lesen_name(name) -> Wert:
            if len(name.pfad) == 1 and name.pfad[0] in self.neue:
                return Wert(Fraction(1), self.neue[name.pfad[0]])
            value, unit = namenswert(name.pfad, self.names, self.figures)
            return Wert(value, unit)

        return rechnen(lesen(formel), lesen_name).dimension


def rechnende_texte(q: Quelltexte, facts: Facts) -> None:
    """Every text expression of every Vorlage that computes becomes a named figure it quotes."""
    env = Environment()
    project = None
    for source in facts.vorlagen:
        vergeben = {k.id for k in source.vorlage.zahlen}
        neue: list[NeueZahl] = []
        for path in q.texte(source.folder):
            inhalt = "".join(q.lines(path))
            for match in AUSDRUCK.finditer(inhalt):  # an expression may be wrapped over lines
                tree = _rechnend(env, match[1].strip())
                if tree is None:
                    continue
                if project is None:
                    project, _ = compute(facts, dt.date.today())
                von = inhalt.count("\n", 0, match.start()) + 1
                bis = inhalt.count("\n", 0, match.end()) + 1
                where = Where(path.relative_to(q.data.parent).as_posix(), von)
                try:
                    figures = _umschreiben(tree, vergeben, _dimensionen(project, source))
                except _Nicht as nicht:
                    gezeigt = " ".join(match[0].split())
                    q.offen.append(
                        Offen(
                            where,
                            f"„{gezeigt}“ rechnet im Text {nicht} – legen Sie die Zahl "
                            "unter „zahlen“ in vorlage.yaml an und zitieren Sie sie.",
                        )
                    )
                    continue
                neue += figures
                vergeben |= {f.id for f in figures}
                q.text_ersetzen(path, von, match[0], f'{{{{ zahlen["{figures[-1].id}"] }}}}', GRUND, bis)
        if neue:
            _eintragen(q, source, neue)


def _rechnend(env: Environment, ausdruck: str) -> nodes.Template | None:
    """The syntax tree of a text expression that computes; None for any other (the build names what is wrong)."""
    try:
        tree = env.parse(f"{{{{ {ausdruck} }}}}")
        pruefen(tree)
    except Rechnet:
        return tree
    except Exception:  # noqa: BLE001 – not this rule's to say: the build names it
        return None
    return None


def _dimensionen(project, source: VorlageSource) -> _Dimensionen:
    rechnung = project.rechnungen.get(source.slug)
    if rechnung is None:
        return _Dimensionen({}, {})
    names = dict(
        finanzierung=rechnung.tabellen,
        uebersicht=rechnung.uebersicht,
        bescheide=rechnung.bescheide,
        antraege=rechnung.antraege,
        verteilungen=rechnung.verteilungen,
        kennzahlen=rechnung.kennzahlen,
    )
    return _Dimensionen({k: v for k, v in names.items() if v is not None}, rechnung.zahlen.herleitung)


def _umschreiben(tree: nodes.Template, vergeben: set[str], dim: _Dimensionen) -> list[NeueZahl]:
    output = tree.body[0]
    if not isinstance(output, nodes.Output) or len(output.nodes) != 1:
        raise _Nicht("mehr als einmal")
    node = output.nodes[0]
    if not isinstance(node, nodes.Filter) or node.name not in EINHEITEN or node.node is None:
        raise _Nicht("ohne einen Filter, der eine Einheit zeigt (| eur, | eur_cent, | zahl, | prozent)")
    einheit, rundung, stellen = EINHEITEN[node.name]
    stellen = _stellen(node, stellen)
    helfer: list[NeueZahl] = []
    basis = _id(node.node)

    def frei(name: str) -> str:
        return _frei(name, vergeben | {h.id for h in helfer})

    def gerundet(filter_: nodes.Filter) -> str:
        if filter_.name != "round" or filter_.node is None or any(k.key != "precision" for k in filter_.kwargs):
            raise _Nicht(f"mit „{filter_.name}“, das keine Formel kennt")
        innen = _formel(als_formel(filter_.node, gerundet), GELD if einheit == "€" else "", dim, helfer, frei)
        places = _stellen(filter_, 0)
        name = frei(f"{_id(filter_.node)}-gerundet")
        if dim.von(innen) == GELD:
            if places not in (0, 2):
                raise _Nicht(f"mit „round({places})“ auf einem Betrag (Beträge runden auf Euro oder Cent)")
            rundung = "euro" if places == 0 else "cent"
            helfer.append(NeueZahl(name, innen, "€", rundung, None, "am_ende", RUNDEN, "zur_geraden_ziffer"))
        else:
            helfer.append(NeueZahl(name, innen, "Anzahl", None, places, "am_ende", RUNDEN, "zur_geraden_ziffer"))
        dim.neue[name] = dim.von(innen)
        return name

    try:
        formel = _formel(als_formel(node.node, gerundet), GELD if einheit == "€" else "", dim, helfer, frei)
    except (KeineFormel, FormelFehler):
        raise _Nicht("mit etwas, das keine Formel schreibt") from None
    runden = "je_posten" if any(h.id.endswith("-gerundet") for h in helfer) else "am_ende"
    return [*helfer, NeueZahl(frei(basis), formel, einheit, rundung, stellen, runden)]


def _formel(formel: str, ziel: str, dim: _Dimensionen, helfer: list[NeueZahl], frei) -> str:
    """The formula with each number typed into a sum of amounts (or of Stellen, Tage …) – and the number a value
    is divided by where the figure is a plain number – as a figure of that unit of its own (a formula's number has
    no unit): `eigenanteil - 145981` becomes `eigenanteil - betrag-145981`; a value in a unit printed as a plain
    number is divided by one of that unit. Raises _Nicht where the units do not give the figure's."""
    try:
        tree = lesen(formel)
        typisiert = _betraege(tree, dim)
        if ziel == "":
            typisiert |= _teiler(tree, dim)
    except EinheitFehler as fehler:
        raise _Nicht(f"so, wie keine Formel rechnet ({fehler})") from None
    for text, dimension in sorted(typisiert.items(), key=lambda t: len(t[0]), reverse=True):
        formel = re.sub(
            rf"(?<![\w,.-]){re.escape(text)}(?![\w,.])", _getippt(text, dimension, dim, helfer, frei), formel
        )
    try:
        ergibt = dim.von(formel)
        if ziel == "" and ergibt in EINS:  # still a value in a unit: one of that unit makes it a number
            formel = f"({formel}) / {_getippt('1', ergibt, dim, helfer, frei)}"
            ergibt = dim.von(formel)
    except (EinheitFehler, FormelFehler) as fehler:
        raise _Nicht(f"so, wie keine Formel rechnet ({fehler})") from None
    if ergibt != ziel:
        raise _Nicht(f"mit einem Ergebnis in {ergibt or 'Zahl'}, gedruckt als {ziel or 'Zahl'}")
    return formel


def _getippt(text: str, dimension: str, dim: _Dimensionen, helfer: list[NeueZahl], frei) -> str:
    """The id of a typed figure of the number `text` in `dimension` (one this rule adds, or one it added before)."""
    einheit, vorsilbe = EINS[dimension]
    name = next((h.id for h in helfer if h.formel == text and h.einheit == einheit), None)
    if name is None:
        name = frei(f"{vorsilbe}-{text.replace(',', '-')}")
        helfer.append(NeueZahl(name, text, einheit, None, None, "am_ende"))
        dim.neue[name] = dimension
    return name


def _betraege(tree, dim: _Dimensionen) -> dict[str, str]:
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


def _teiler(tree, dim: _Dimensionen) -> dict[str, str]:
    """The number a value in a unit is divided by at the top (`eigenanteil / 1000` printed as a plain number)."""
    if not (isinstance(tree, Rechnung) and tree.zeichen == "/" and isinstance(tree.rechts, Zahl)):
        return {}
    dimension = dim.von(text_of(tree.links))
    return {tree.rechts.text: dimension} if dimension in EINS else {}


def _stellen(node: nodes.Filter, standard: int | None) -> int | None:
    """The places a filter names (`zahl(2)`, `round(1)`), else `standard`."""
    args = [*node.args, *(k.value for k in node.kwargs)]
    if not args:
        return standard
    if len(args) != 1 or not isinstance(args[0], nodes.Const) or not isinstance(args[0].value, int):
        raise _Nicht(f"mit „{node.name}“ und Angaben, die keine Zahl von Stellen sind")
    if not 0 <= args[0].value <= 6:
        raise _Nicht(f"mit {args[0].value} Stellen (eine Zahl druckt 0 bis 6)")
    return args[0].value


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
        elif isinstance(n, nodes.Const):
            teile.append(str(n.value).replace(".", "-"))
        else:
            pfad = []
            while isinstance(n, (nodes.Getattr, nodes.Getitem)):
                pfad.append(str(n.attr if isinstance(n, nodes.Getattr) else getattr(n.arg, "value", "")))
                n = n.node
            pfad = [_OHNE_DATUM.sub("", p) for p in reversed(pfad) if p not in _LEER]
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


def _frei(name: str, vergeben: set[str]) -> str:
    """`name`, or with -2, -3 … where it is taken."""
    frei, zaehler = name, 2
    while frei in vergeben:
        frei, zaehler = f"{name}-{zaehler}", zaehler + 1
    return frei


def _yaml_text(text: str) -> str:
    """A formula as a YAML text in quotes (double, or single where it holds double ones)."""
    return f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"


_ZAHLEN = re.compile(r"zahlen\s*:\s*(#.*)?$")
_OBEN = re.compile(r"[^\s#-]")  # a line that starts a key at the top level


def _eintragen(q: Quelltexte, source: VorlageSource, neue: list[NeueZahl]) -> None:
    """Writes the figures under `zahlen` of vorlage.yaml: after its last entry, or as a new list at the end."""
    path: Path = source.folder / "vorlage.yaml"
    lines = q.lines(path)
    ending = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    where = Where(path.relative_to(q.data.parent).as_posix(), len(lines))
    start = next((i for i, line in enumerate(lines) if _ZAHLEN.match(line)), None)
    if start is None:
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += ending
        block = ["", "zahlen:", *[z for n in neue for z in n.yaml("  ")]]
        ziel = len(lines)
    else:
        ende = start
        for i in range(start + 1, len(lines)):
            if _OBEN.match(lines[i]):
                break
            if lines[i].strip() and not lines[i].lstrip().startswith("#"):
                ende = i
        eintrag = next((line for line in lines[start + 1 : ende + 1] if line.lstrip().startswith("- ")), None)
        if eintrag is None:
            q.offen.append(
                Offen(
                    Where(where.path, start + 1),
                    "„zahlen“ ist hier keine Liste der Form „- id: …“ – "
                    f"tragen Sie die Zahl „{neue[-1].id}“ selbst ein.",
                )
            )
            return
        block = [z for n in neue for z in n.yaml(eintrag[: len(eintrag) - len(eintrag.lstrip())])]
        ziel = ende + 1
    berichte = {}
    for index, line in enumerate(block):
        if line.lstrip().startswith("- id: "):
            zahl_ = next(n for n in neue if line.strip() == f"- id: {n.id}")
            berichte[index] = (f"zahlen: {zahl_.kurz()}", zahl_.grund)
    q.zeilen_anhaengen(path, ziel, block, ending, berichte)
