"""Markdown with figures: `{{ ausdruck }}` reads the computation; no raw HTML, safe links only.

Expressions are cut out before Markdown is parsed and their values put back afterwards,
escaped: a value is never read as Markdown, HTML or template.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from jinja2 import TemplateSyntaxError, Undefined, UndefinedError
from jinja2.environment import TemplateExpression
from jinja2.sandbox import SecurityError
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from vorlagen.compute.names import UnknownName
from vorlagen.compute.offen import OFFEN
from vorlagen.compute.zahlwert import Groesse
from vorlagen.core.engine import befehl
from vorlagen.core.fmt import Zahlformat, zahl
from vorlagen.core.limits import MAX_DOKUMENTTEXT, MAX_TABELLENZEILEN, MAX_TEXT
from vorlagen.core.problems import Problem, Where
from vorlagen.load import steuerzeichen
from vorlagen.load.dateien import Text
from vorlagen.load.records import suggest
from vorlagen.render import satzregeln, verschachtelung
from vorlagen.render.ausdruck import (
    ANWEISUNG,
    AUSDRUCK,
    FILTER,
    NUR_AUSDRUECKE,
    Interna,
    Rechnet,
    TextSandbox,
    Verboten,
    pruefen,
    ungeschlossen,
)
from vorlagen.render.sandbox import LimitExceeded
from vorlagen.render.templatefehler import grund
from vorlagen.render.verweise import bild_pruefen, verweis_pruefen

_PRIVATE = steuerzeichen.PRIVAT  # never printable; \ue000 marks placeholders
_PLACEHOLDER = "\ue000{}\ue001"
_BLOCK = re.compile(r"<p>\ue000(\d+)\ue001</p>\n?")
_INLINE = re.compile(r"\ue000(\d+)\ue001")


_TOO_LONG = (
    f"Die Tabelle hat mehr als {zahl(MAX_TABELLENZEILEN)} Zeilen – so lange Tabellen braucht kein Dokument; "
    "kürzen Sie sie oder legen Sie die Aufstellung als PDF-Anlage bei."
)


class _Markdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        """Every link becomes a token; verweise.verweis_pruefen decides, with a message."""
        return True


def _markdown() -> MarkdownIt:
    return _Markdown("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


@dataclass
class Umfang:
    """How many characters the texts of one document may still print (MAX_DOKUMENTTEXT): the layout's time and
    memory grow with them. One per document, shared by all its texts."""

    rest: int = MAX_DOKUMENTTEXT
    gemeldet: bool = False  # the problem is listed: later texts and expressions are not evaluated

    def nimm(self, zeichen: int, where: Where, was: str) -> list[Problem]:
        """Takes `zeichen` characters; the problem at `where` when the document goes past its bound."""
        self.rest -= zeichen
        if self.rest >= 0 or self.gemeldet:
            return []
        self.gemeldet = True
        return [
            Problem(
                where,
                f"{was} ergeben die Texte dieses Dokuments mehr als {zahl(MAX_DOKUMENTTEXT)} Zeichen – so viel "
                "setzt vorlagen in einem Dokument nicht; kürzen Sie die Texte, prüfen Sie die Ausdrücke oder legen "
                "Sie lange Teile als PDF-Anlage bei.",
            )
        ]


@dataclass
class Rendered:
    html: Markup
    bilder: list[Path] = field(default_factory=list)  # image files the text shows, inside its folder
    verweise: list[tuple[Where, str]] = field(default_factory=list)  # each link to an Anlage: where, href


class Prose:
    """Renders Markdown texts whose expressions read `names`, money in the house's format."""

    def __init__(self, zahlformat: Zahlformat, prozent_stellen: int = 2):
        self.md = _markdown()
        self.env = TextSandbox(zahlformat, prozent_stellen, autoescape=False)
        # expression text → compiled expression: the same ones recur in every Vorlage; a bound keeps a year's
        # one-off expressions (a Bescheid's own name) from piling up
        self.compiled = functools.lru_cache(maxsize=512)(self._compile)

    def _compile(self, expression: str) -> TemplateExpression:
        """The expression compiled, once it passed the allow-list (render/ausdruck.py): texts quote figures, they
        do not compute."""
        pruefen(self.env.parse(f"{{{{ {expression} }}}}"))
        return self.env.compile_expression(expression, undefined_to_none=False)

    def render(
        self,
        text: Text,
        names: dict,
        shift: int = 1,
        links: dict[Path, str | None] | None = None,
        umfang: Umfang | None = None,
    ) -> tuple[Rendered, list[Problem]]:
        """Markdown → HTML and the problems of the text; headings move down by `shift` (# becomes h2 under the
        document's h1).

        `links` maps the source file of each Anlage the text may link to onto its published file
        (relative to the document), or None where the document may not name it (a non-public Anlage). `umfang`:
        what the document's texts may still print (None: this text is a document of its own).
        """
        umfang = umfang if umfang is not None else Umfang()
        if umfang.gemeldet:
            return Rendered(Markup("")), []
        content, problems = text.read()
        if content is None:
            return Rendered(Markup("")), problems
        problems += umfang.nimm(len(content), text.where, "Mit diesem Text")
        if umfang.gemeldet:
            return Rendered(Markup("")), problems
        problems += steuerzeichen.privat(content, text.where)
        content = _PRIVATE.sub("", content)
        problems += [
            Problem(self._where(text, content, match.start()), f"„{match[0][:40]}“: {NUR_AUSDRUECKE}")
            for match in ANWEISUNG.finditer(content)
        ] + [Problem(self._where(text, content, start), was) for start, was in ungeschlossen(content)]
        values: list[Markup] = []
        names = {**names, "querformat": satzregeln.QUERFORMAT}  # the mark of a table on a landscape page

        def substitute(match: re.Match) -> str:
            if umfang.gemeldet:  # past the bound: nothing more is evaluated
                values.append(Markup(""))
                return _PLACEHOLDER.format(len(values) - 1)
            where = self._where(text, content, match.start())
            value, found = self.auswerten(match[1].strip(), names, where)
            found += umfang.nimm(len(value), where, f"Mit {{{{ {match[1].strip()[:60]} }}}}")
            values.append(Markup("") if umfang.gemeldet else value)
            problems.extend(found)
            return _PLACEHOLDER.format(len(values) - 1)

        source = AUSDRUCK.sub(substitute, ANWEISUNG.sub("", content))
        tokens = self.md.parse(source)
        if zu_tief := verschachtelung.pruefen(tokens, text.where.path):  # the parser or the layout would cut it
            return Rendered(Markup("")), problems + zu_tief
        tokens, found = satzregeln.apply(tokens, text.where.path, values)
        problems += found
        bilder, verweise, rows, table = [], [], 0, text.where
        for token in tokens:
            if token.type == "table_open":
                rows, table = 0, Where(text.where.path, token.map[0] + 1) if token.map else text.where
            rows += token.type == "tr_open"
            if rows == MAX_TABELLENZEILEN + 1 and token.type == "tr_open":
                problems.append(Problem(table, _TOO_LONG))
            if token.type in ("heading_open", "heading_close"):
                token.tag = f"h{min(int(token.tag[1]) + shift, 6)}"
            line = Where(text.where.path, token.map[0] + 1) if token.map else text.where
            for child in token.children or []:
                if child.type == "image":
                    bild, found = bild_pruefen(child, text, line)
                    bilder += bild
                    problems += found
                elif child.type == "link_open":
                    anlage, found = verweis_pruefen(child, text, line, links or {})
                    problems += found
                    if anlage:
                        verweise.append((line, str(child.attrGet("href"))))
        html = self.md.renderer.render(tokens, self.md.options, {})
        html = _BLOCK.sub(lambda m: values[int(m[1])] if _is_block(values[int(m[1])]) else m[0], html)
        html = _INLINE.sub(lambda m: values[int(m[1])], html)
        return Rendered(Markup(html), bilder, verweise), problems

    def auswerten(self, expression: str, names: dict, where: Where) -> tuple[Markup, list[Problem]]:
        """The escaped value of a text's expression, or nothing and the problem why it cannot be printed."""
        shown = f"{{{{ {expression} }}}}"
        try:
            compiled = self.compiled(expression)
            self.env.start()
            value = compiled(**names)
            if isinstance(value, Undefined):
                str(value)  # StrictUndefined raises here
        except UnknownName as error:
            return self._fail(where, f"{shown}: {error.message()}")
        except Rechnet as error:
            beispiel = f" und „formel: {error.formel}“" if error.formel is not None else ""
            return self._fail(
                where,
                f"{shown}: In Texten wird nicht gerechnet ({error.was} im Ausdruck) – "
                "legen Sie die Zahl in vorlage.yaml unter „zahlen“ an, mit Formel, "
                f"Einheit und Rundung (z. B. „- id: gebuehr“{beispiel}), und zitieren Sie sie im Text mit "
                '{{ zahlen["gebuehr"] }}; Tausender und Millionen zeigen '
                "„| teur“ und „| mio“.",
            )
        except Verboten as error:
            return self._fail(where, verboten_meldung(shown, error))
        except Interna:
            return self._fail(where, f"{shown} greift auf Interna zu; das ist in Texten nicht erlaubt.")
        except TemplateSyntaxError:  # Jinja's reason is English and names its parser's tokens: not for users
            return self._fail(
                where,
                f"{shown} ist kein gültiger Ausdruck – prüfen Sie Klammern und "
                "Anführungszeichen; ein Ausdruck ist ein Name mit Filtern, z. B. "
                '{{ zahlen["gebuehr"] }} oder {{ vorlage.datum | datum }}.',
            )
        except UndefinedError as error:
            attribute = re.search(r"has no attribute '([^']*)'|'([^']*)' is undefined", error.message or "")
            name = next((g for g in attribute.groups() if g), "?") if attribute else "?"
            if attribute and attribute[2]:
                return self._fail(
                    where,
                    f"{shown}: „{name}“ gibt es nicht{suggest(name, names) or '.'} "
                    f"Bekannt sind {', '.join(sorted(names))}.",
                )
            return self._fail(
                where,
                f"{shown}: „{name}“ gibt es hier nicht – prüfen Sie den Namen; "
                f"alle Namen mit Werten zeigt „{befehl()} zahlen NUMMER“.",
            )
        except LimitExceeded as error:
            return self._fail(
                where,
                f"{shown} überschreitet eine Grenze ({error}) – so viel braucht kein Text; prüfen Sie den Ausdruck.",
            )
        except SecurityError:
            return self._fail(where, f"{shown} greift auf Interna zu; das ist in Texten nicht erlaubt.")
        except Exception as error:  # noqa: BLE001 – any failure of a user's expression is a user problem
            return self._fail(
                where,
                f"{shown} lässt sich nicht auswerten ({grund(error)}) – prüfen Sie den "
                f"Ausdruck; alle Namen mit Werten zeigt „{befehl()} zahlen NUMMER“.",
            )
        return self._als_text(value, shown, where)

    def _als_text(self, value: object, shown: str, where: Where) -> tuple[Markup, list[Problem]]:
        """The escaped text an expression's value prints as, or nothing and why it is no text to print."""
        if isinstance(value, Groesse):
            return escape(value.text), []  # a named figure prints itself in its unit
        if isinstance(value, (Decimal, Fraction, int, float)) and not isinstance(value, bool):
            return self._fail(
                where,
                f"{shown} ergibt eine Zahl ohne Format – hängen Sie einen Filter an, "
                "z. B. „| eur“, „| zahl“ oder „| prozent“.",
            )
        if isinstance(value, dt.date):
            return self._fail(
                where, f"{shown} ergibt ein Datum ohne Format – hängen Sie „| datum“ oder „| datum_lang“ an."
            )
        if isinstance(value, str) and len(value) > MAX_TEXT:
            return self._fail(
                where,
                f"{shown} überschreitet eine Grenze (Text mit mehr als "
                f"{MAX_TEXT // 1_000_000} Million Zeichen) – so viel braucht kein Text; "
                "prüfen Sie den Ausdruck.",
            )
        if isinstance(value, Markup):
            return value, []
        if value is None:  # a fact not stated yet, e.g. the Nummer of a Vorlage: printed as in the header
            return escape(OFFEN), []
        if not isinstance(value, str):
            return self._fail(
                where,
                f"{shown} ergibt keinen Text, sondern eine ganze Gruppe von Werten – "
                "wählen Sie einen einzelnen Wert, z. B. „.eigenanteil | eur“.",
            )
        return escape(value), []

    @staticmethod
    def _fail(where: Where, message: str) -> tuple[Markup, list[Problem]]:
        return Markup(""), [Problem(where, message)]

    @staticmethod
    def _where(text: Text, content: str, offset: int) -> Where:
        return Where(text.where.path, content.count("\n", 0, offset) + 1)


def _is_block(value: Markup) -> bool:
    return value.lstrip().startswith(("<table", "<div", "<section", "<figure"))


def verboten_meldung(shown: str, error: Verboten) -> str:
    """Why a text may not hold an expression that neither names nor computes, and what it may hold instead."""
    return (
        f"{shown}: {error} ist in Texten nicht erlaubt – dort stehen nur Namen, ihre Felder und die "
        f"Filter {', '.join(FILTER)}; eine berechnete Zahl legen Sie unter „zahlen“ an, alle Namen mit "
        f"Werten zeigt „{befehl()} zahlen NUMMER“."
    )
