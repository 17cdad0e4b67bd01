"""`vorlagen aktualisieren`: text expressions 0.2.0 accepted that only put quoted values together – written as the
quoting expressions they are made of, which print the same.

- `{{ a | datum ~ " bis " ~ b | datum }}` becomes `{{ a | datum }} bis {{ b | datum }}`;
- `{{ finanzierung["p"].zeilen | map(attribute="als") | join(", ") }}` becomes each row's field by the row's name:
  `{{ finanzierung["p"].zeilen["Miete"].als }}, {{ … }}`.

A literal text between them is kept only where Markdown prints it as typed (no *, _, `, [, <, {, # …); any other
such expression stays for the next rules and, if none writes it, is named with the build's message.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from jinja2 import Environment, nodes

from vorlagen.compute.project import compute
from vorlagen.load.facts import Facts
from vorlagen.migration.dimensionen import Dimensionen, dimensionen
from vorlagen.migration.textrechnungen import niederschrift_texte
from vorlagen.migration.umschreiben import Quelltexte
from vorlagen.render.ausdruck import AUSDRUCK
from vorlagen.render.ausdrucksformel import pfad_von

GRUND = "Texte setzen nichts mehr zusammen: jeder Wert steht in seinem eigenen {{ … }}, dazwischen der Text"
_SICHER = re.compile(r"[\w \t.,;:!?()/%€§„“\"'–—+=-]*")  # literal text Markdown prints as typed
_GRUPPEN = (
    "finanzierung",
    "bescheide",
    "antraege",
    "zeilen",
    "quellen",
    "raten",
    "verteilungen",
    "zahlen",
    "kennzahlen",
)
_FILTER = ("eur", "eur_cent", "teur", "mio", "mrd", "zahl", "vzae", "prozent", "datum", "datum_lang", "monat", "monate")


class _Nicht(Exception):
    """The expression cannot be written as quoting expressions."""


def zusammengesetzte_texte(q: Quelltexte, facts: Facts) -> None:
    """Every text expression of a Vorlage or Niederschrift that puts quoted values together becomes those values."""
    project, _ = compute(facts, dt.date.today())
    env = Environment()
    ziele: list[tuple[Path, Dimensionen]] = []
    by_nummer = {}
    for source in facts.vorlagen:
        dim = dimensionen(project, source)
        ziele += [(path, dim) for path in q.texte(source.folder)]
        by_nummer[source.vorlage.nummer] = dim
    ziele += [(p, by_nummer.get(n, Dimensionen({}, {}))) for p, n in niederschrift_texte(facts)]
    for path, dim in ziele:
        _text(q, env, path, dim)


def _text(q: Quelltexte, env: Environment, path: Path, dim: Dimensionen) -> None:
    inhalt = "".join(q.lines(path))
    for match in AUSDRUCK.finditer(inhalt):
        try:
            tree = env.parse(f"{{{{ {match[1].strip()} }}}}")
            output = tree.body[0]
            if not isinstance(output, nodes.Output) or len(output.nodes) != 1:
                continue
            neu = _ausgeschrieben(output.nodes[0], dim)
        except _Nicht:
            continue
        except Exception:  # noqa: BLE001 – an expression that does not parse: the build names it
            continue
        if neu is None:
            continue
        von, bis = inhalt.count("\n", 0, match.start()) + 1, inhalt.count("\n", 0, match.end()) + 1
        q.text_ersetzen(path, von, match[0], neu, GRUND, bis)


def _ausgeschrieben(node: nodes.Node, dim: Dimensionen) -> str | None:
    """The quoting expressions and texts that print what `node` printed; None for an expression of another kind."""
    if isinstance(node, nodes.Concat):
        return "".join(_teil(n, dim) for n in node.nodes)
    if _ist_liste(node):
        return _liste(node, dim)  # type: ignore[arg-type]
    if _ist_euro_wort(node):
        return _euro_wort(node)  # type: ignore[arg-type]
    zahl = _anzahl(node)
    return None if zahl is None else f"{{{{ {zahl} }}}}"


def _anzahl(node: nodes.Node) -> str | None:
    """`zeilen | length | zahl`: the table's number of rows, `….anzahl_zeilen | zahl`."""
    aussen = node if isinstance(node, nodes.Filter) and node.name in _FILTER else None
    laenge = aussen.node if aussen is not None else node
    if not (
        isinstance(laenge, nodes.Filter) and laenge.name == "length" and not laenge.args and laenge.node is not None
    ):
        return None
    pfad = pfad_von(laenge.node)
    if pfad is None or pfad[0] != "finanzierung" or len(pfad) != 3 or pfad[2] != "zeilen":
        raise _Nicht
    name = _text_pfad((*pfad[:2], "anzahl_zeilen"))
    if aussen is None:
        return name
    args = [quelltext(a) for a in aussen.args]
    return f"{name} | {aussen.name}" + (f"({', '.join(args)})" if args else "")


_EURO = {"eur": 0, "eur_cent": 2}  # a filter that prints an amount with „€“, and the places of its number


def _ist_euro_wort(node: nodes.Node) -> bool:
    """`(betrag | eur).replace("€", "Euro")`: the amount with the currency as a word."""
    return (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.Getattr)
        and node.node.attr == "replace"
        and isinstance(node.node.node, nodes.Filter)
        and node.node.node.name in _EURO
        and not node.node.node.args
        and not node.kwargs
        and len(node.args) == 2
        and all(isinstance(a, nodes.Const) and isinstance(a.value, str) for a in node.args)
        and node.args[0].value == "€"  # type: ignore[attr-defined]
    )


def _euro_wort(node: nodes.Call) -> str:
    """The number of the amount, then the word: `{{ betrag | zahl(0) }} Euro` (the build keeps them on one line)."""
    filter_ = node.node.node  # type: ignore[attr-defined]
    wort = node.args[1].value  # type: ignore[attr-defined]
    if filter_.node is None or not re.fullmatch(r"[A-Za-zÄÖÜäöüß.]+", wort):
        raise _Nicht
    return f"{{{{ {quelltext(filter_.node)} | zahl({_EURO[filter_.name]}) }}}} {wort}"


def _teil(node: nodes.Node, dim: Dimensionen) -> str:
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        if not _SICHER.fullmatch(node.value):
            raise _Nicht
        return node.value
    if isinstance(node, nodes.Concat):
        return "".join(_teil(n, dim) for n in node.nodes)
    if _ist_liste(node):
        return _liste(node, dim)  # type: ignore[arg-type]
    return f"{{{{ {quelltext(node)} }}}}"


def _ist_liste(node: nodes.Node) -> bool:
    """`… | map(attribute="x") | join(", ")`."""
    return (
        isinstance(node, nodes.Filter)
        and node.name == "join"
        and isinstance(node.node, nodes.Filter)
        and node.node.name == "map"
    )


def _liste(node: nodes.Filter, dim: Dimensionen) -> str:
    abbildung = node.node
    assert isinstance(abbildung, nodes.Filter)
    trenner = node.args[0] if node.args else nodes.Const("")
    attribut = next((k.value for k in abbildung.kwargs if k.key == "attribute"), None)
    pfad = pfad_von(abbildung.node) if abbildung.node is not None else None
    if (
        node.kwargs
        or len(node.args) > 1
        or abbildung.args
        or len(abbildung.kwargs) != 1
        or not (
            isinstance(trenner, nodes.Const) and isinstance(trenner.value, str) and _SICHER.fullmatch(trenner.value)
        )
        or not (isinstance(attribut, nodes.Const) and isinstance(attribut.value, str))
        or pfad is None
    ):
        raise _Nicht
    namen = dim.zeilen(pfad)
    if not namen:
        raise _Nicht
    return trenner.value.join(f"{{{{ {_text_pfad((*pfad, n, attribut.value))} }}}}" for n in namen)


def _text_pfad(pfad: tuple[str, ...]) -> str:
    """A name as a text writes it: finanzierung["plan"].zeilen["Miete"].als."""
    teile = [pfad[0]]
    for index, teil in enumerate(pfad[1:], start=1):
        if re.fullmatch(r"[A-Za-z_]\w*", teil) and pfad[index - 1] not in _GRUPPEN:
            teile.append(f".{teil}")
        else:
            quote = "'" if '"' in teil else '"'
            teile.append(f"[{quote}{teil}{quote}]")
    return "".join(teile)


def quelltext(node: nodes.Node) -> str:
    """A quoting expression written back as text: a name with its fields and the documented filters."""
    if isinstance(node, nodes.Filter) and node.node is not None and node.name in _FILTER:
        args = [quelltext(a) for a in node.args] + [f"{k.key}={quelltext(k.value)}" for k in node.kwargs]
        return f"{quelltext(node.node)} | {node.name}" + (f"({', '.join(args)})" if args else "")
    if isinstance(node, nodes.Const) and isinstance(node.value, (int, str)) and not isinstance(node.value, bool):
        return repr(node.value) if isinstance(node.value, int) else '"' + node.value.replace('"', '\\"') + '"'
    pfad = pfad_von(node)
    if pfad is None:
        raise _Nicht
    return _text_pfad(pfad)
