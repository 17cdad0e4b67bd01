"""Rules of the print applied to a Markdown text's tokens before they become HTML: an amount keeps its unit on its
line (and a § its number); a paragraph that leads into a table stays on the table's page; a table names the file and
line it was typed in (for the messages of the layout check) and prints its Summe row as a sum; `{{ querformat }}` on
its own line above a table sets the table on a landscape page (render/tabellenbreite.py does the setting).
"""

from __future__ import annotations

import re

from markdown_it.token import Token
from markupsafe import Markup

from vorlagen.core.fmt import NBSP
from vorlagen.core.problems import Problem, Where

QUELLE = "data-quelle"  # where a table was typed or defined: „datei.md:zeile“, „vorlage.yaml:zeile“ (see `quelle`)
QUERFORMAT_ATTRIBUT = "data-querformat"  # a table that goes on a landscape page, whether it fits upright or not
VOR_TABELLE = "vor-tabelle"  # the class of a paragraph leading into a table (kept on the table's page)


class _Marke(Markup):
    """The value of `{{ querformat }}`: prints nothing, marks the table below."""


QUERFORMAT = _Marke("")

# a number (or a figure quoted in {{ … }}, which ends in \ue001) and its unit: the space between becomes a no-break
# space, as in the figures the program formats itself (core/fmt.py)
_UNIT = re.compile(r"(?<=[\d\ue001])[ \t]+(T€|€|%|VZÄ|TEUR|EUR|Euro|Prozent|(?:Tsd|Mio|Mrd)\.[ \t]+(?:€|EUR))(?!\w)")
_PARAGRAPH = re.compile(r"(?<=§)[ \t]+(?=\d)")  # „§ 83“: the sign stays with its number
_UNIT_AT_START = re.compile(r"^(T€|€|%|VZÄ|TEUR|EUR|Euro|Prozent|(?:Tsd|Mio|Mrd)\.[ \t]+(?:€|EUR))(?!\w)")
_PLACEHOLDER = re.compile(r"\ue000(\d+)\ue001")
_MARKE = "„{{ querformat }}“"
_SUMME = re.compile(r"(?i)(summe|gesamt|insgesamt|zusammen)( .*)?")


def apply(tokens: list, path: str, values: list[Markup]) -> tuple[list, list[Problem]]:
    """The tokens with the rules applied; `path` is the text's file as messages name it,
    `values` the texts' figures by placeholder (a placeholder paragraph whose value is a table is a table, too). A
    `{{ querformat }}` that does not stand on its own line directly above a table is a problem. A table names its
    file and line (`quelle`) for the layout check. Returns the tokens and the problems."""
    problems: list[Problem] = []
    dropped: set[int] = set()  # the marker's paragraph prints nothing
    for index, token in enumerate(tokens):
        if token.type == "inline":
            _keep_units(token.children or [])
            if index not in dropped and _holds_marker(token.content, values):
                problems.append(Problem(_where(path, token), f"{_MARKE} steht mitten im Text – {_FIX}"))
        elif token.type == "table_open" and token.map:
            token.attrSet(QUELLE, quelle(Where(path, token.map[0] + 1)))
        elif token.type == "paragraph_open" and _marker(tokens, index, values):
            dropped |= {index, index + 1, index + 2}
            target = _next_block(tokens, index + 3)
            if target is not None and _is_table(tokens, target, values):
                _mark_landscape(tokens, target, values)
            else:
                problems.append(
                    Problem(_where(path, token), f"{_MARKE} steht nicht direkt über einer Tabelle – {_FIX}")
                )
        elif token.type == "paragraph_open":
            target = _next_block(tokens, index + 3)
            if target is not None and _marker(tokens, target, values):  # the marker stands between: look past it
                target = _next_block(tokens, target + 3)
            if target is not None and tokens[target].level == token.level and _is_table(tokens, target, values):
                token.attrJoin("class", VOR_TABELLE)
        elif token.type == "tr_open" and _summe(tokens, index):
            token.attrJoin("class", "summe")
    return [token for index, token in enumerate(tokens) if index not in dropped], problems


def quelle(where: Where) -> str:
    """The value of a table's QUELLE: its file as messages name it and its line (`where`). The attribute is taken out
    of every file the build writes (`ohne_quellen`): no output depends on where the command ran."""
    return str(where)


_QUELLE_ATTRIBUT = re.compile(rf' {QUELLE}="[^"]*"')


def ohne_quellen(html: str) -> str:
    """The HTML without the tables' QUELLE: it prints nothing and is for the layout check only, so the web page, the
    PDF's identifier and a sign-off's Druckbild do not change when a line is added above a table."""
    return _QUELLE_ATTRIBUT.sub("", html)


_FIX = (
    "schreiben Sie es allein in die Zeile direkt über die Tabelle (mit einer Leerzeile davor); die Tabelle steht "
    "dann auf einer Seite im Querformat."
)


def _where(path: str, token: Token) -> Where:
    return Where(path, token.map[0] + 1 if token.map else None)


def einheiten_halten(text: str) -> str:
    """The text with a no-break space between a number and its unit (and after a § before its number): the rule
    for Markdown texts, and for the texts typed in YAML that a template prints (labels, names, table fields)."""
    return _PARAGRAPH.sub(NBSP, _UNIT.sub(lambda m: NBSP + re.sub(r"[ \t]+", NBSP, m[1]), text))


def _keep_units(children: list) -> None:
    """No line break between a number and its unit: in a text and across a line break of the source."""
    for index, child in enumerate(children):
        if child.type == "text":
            child.content = einheiten_halten(child.content)
        elif (
            child.type == "softbreak"
            and 0 < index < len(children) - 1
            and children[index - 1].type == "text"
            and children[index + 1].type == "text"
            and re.search(r"[\d\ue001]$", children[index - 1].content)
            and _UNIT_AT_START.match(children[index + 1].content)
        ):
            child.type, child.content = "text", NBSP
            children[index + 1].content = _UNIT_AT_START.sub(
                lambda m: re.sub(r"[ \t]+", NBSP, m[1]), children[index + 1].content
            )


def _summe(tokens: list, index: int) -> bool:
    """The last row of a table's body with a cell that says it is the sum („Summe“, „Gesamt“, „Insgesamt“)."""
    end = next((i for i in range(index, len(tokens)) if tokens[i].type == "tr_close"), len(tokens) - 1)
    if end + 1 >= len(tokens) or tokens[end + 1].type != "tbody_close":
        return False
    cells = [t.content.strip() for t in tokens[index:end] if t.type == "inline"]
    return any(_SUMME.fullmatch(cell) for cell in cells)


def _placeholder_of(tokens: list, index: int) -> int | None:
    """The figure a paragraph consists of alone (its placeholder's number), or None."""
    if index + 2 >= len(tokens) or tokens[index + 1].type != "inline":
        return None
    match = _PLACEHOLDER.fullmatch(tokens[index + 1].content.strip())
    return int(match[1]) if match else None


def _marker(tokens: list, index: int, values: list[Markup]) -> bool:
    number = _placeholder_of(tokens, index)
    return number is not None and values[number] is QUERFORMAT


def _holds_marker(content: str, values: list[Markup]) -> bool:
    return any(values[int(m[1])] is QUERFORMAT for m in _PLACEHOLDER.finditer(content))


def _next_block(tokens: list, index: int) -> int | None:
    """The index of the next opening block token at or after `index`."""
    return index if index < len(tokens) and tokens[index].nesting == 1 else None


def _is_table(tokens: list, index: int, values: list[Markup]) -> bool:
    """A Markdown table, or a paragraph that is a figure printing a table (a table kind of the Vorlage)."""
    if tokens[index].type == "table_open":
        return True
    number = _placeholder_of(tokens, index) if tokens[index].type == "paragraph_open" else None
    return number is not None and str(values[number]).lstrip().startswith("<table")


def _mark_landscape(tokens: list, index: int, values: list[Markup]) -> None:
    token = tokens[index]
    if token.type == "table_open":
        token.attrSet(QUERFORMAT_ATTRIBUT, "")
        return
    number = _placeholder_of(tokens, index)
    if number is None:  # _is_table found a figure there
        return
    value = str(values[number])
    start = value.index("<table") + len("<table")
    values[number] = Markup(f'{value[:start]} {QUERFORMAT_ATTRIBUT}=""{value[start:]}')
