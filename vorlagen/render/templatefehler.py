"""Jinja's errors in a template, in German: what is wrong and what to do – never Jinja's or Python's English text.

Jinja says what it found only in English sentences (its parser, lexer and compiler); each kind we know is
read from its sentence and said anew, any other gets a general German sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jinja2 import Environment, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from vorlagen.compute.names import UnknownName
from vorlagen.load.records import suggest
from vorlagen.render.sandbox import LimitExceeded

ANWEISUNGEN = [
    "if",
    "elif",
    "else",
    "endif",
    "for",
    "endfor",
    "set",
    "endset",
    "macro",
    "endmacro",
    "call",
    "endcall",
    "filter",
    "endfilter",
    "block",
    "endblock",
    "extends",
    "include",
    "import",
    "from",
    "with",
    "endwith",
    "autoescape",
    "endautoescape",
    "raw",
    "endraw",
]
_SYMBOLE = {
    "end of print statement": "}}",
    "begin of print statement": "{{",
    "end of statement block": "%}",
    "begin of statement block": "{%",
    "end of comment": "#}",
    "begin of comment": "{#",
}
_WOERTER = {
    "end of template": "das Ende des Templates",
    "name": "ein Name",
    "integer": "eine Zahl",
    "float": "eine Zahl",
    "string": "ein Text in Anführungszeichen",
    "template data / text": "Text",
}
_KLAMMERN = {")": "(", "]": "[", "}": "{"}
_PRUEFEN = "prüfen Sie, ob ein Operator, ein Komma, eine Klammer oder ein Anführungszeichen fehlt"
ALLGEMEIN = (
    "Das Template ist an dieser Stelle fehlerhaft – prüfen Sie die {% … %}- und {{ … }}-Blöcke: jeder Block "
    "braucht sein Ende, jeder Ausdruck geschlossene Klammern und Anführungszeichen."
)


def meldung(
    error: BaseException, filter: Iterable[str] = (), tests: Iterable[str] = (), seit: int | None = None
) -> str:
    """The German sentence for an error of a template; `filter` and `tests`: the names the template may use."""
    if isinstance(error, TemplateNotFound):
        return f"Template „{error.name}“ nicht gefunden – prüfen Sie den Namen in {{% include %}} oder {{% extends %}}."
    if isinstance(error, TemplateSyntaxError):
        return f"Syntaxfehler im Template: {syntax(error.message or '', filter, tests, seit)}"
    if isinstance(error, SecurityError):
        if isinstance(error, LimitExceeded):
            return (
                f"Template überschreitet eine Grenze ({error}) – so viel braucht kein Dokument; prüfen Sie "
                "Schleifen und Ausdrücke."
            )
        return (
            f"Template greift auf Interna zu{_attribute(error)} – Templates dürfen nur die Werte des Dokuments lesen."
        )
    if isinstance(error, UnknownName):  # a computed record's field: its message names the fields there are
        return f"Fehler im Template: {error.message()}"
    was = grund(error)
    if isinstance(error, ZeroDivisionError):
        return f"Fehler im Template: {was} – prüfen Sie, durch welchen Wert das Template teilt; er kann null sein."
    if isinstance(error, TypeError):
        return (
            f"Fehler im Template: {was} – prüfen Sie, welche Werte der Ausdruck verbindet, und setzen Sie Zahlen "
            "mit einem Filter wie „| eur“."
        )
    if isinstance(error, RecursionError):
        return (
            f"Fehler im Template: {was} – ein Makro darf sich nur mit einer Bedingung selbst aufrufen, die "
            "irgendwann endet."
        )
    return f"Fehler im Template: {was} – prüfen Sie die Namen im Template."


_BLOECKE = {"if", "for", "macro", "call", "filter", "block", "with", "autoescape", "trans", "set"}


def offen_seit(error: TemplateSyntaxError, env: Environment) -> int | None:
    """The line on which the innermost block opens that Jinja says is still open where it stopped, read from the
    template's tokens up to that line; None where there is none or the tokens do not agree with Jinja."""
    offen = re.search(r"innermost block that needs to be closed is '(\w+)'", error.message or "")
    if offen is None or not error.source:
        return None
    bloecke: list[tuple[str, int]] = []
    try:
        tokens = [(line, typ, value) for line, typ, value in env.lex(error.source) if typ != "whitespace"]
    except TemplateSyntaxError:
        return None
    for i, (line, typ, _) in enumerate(tokens[:-1]):
        if line > error.lineno:
            break
        tag = tokens[i + 1][2] if typ == "block_begin" and tokens[i + 1][1] == "name" else ""
        if tag in _BLOECKE and not (tag == "set" and _zuweisung(tokens, i)):
            bloecke.append((tag, line))
        elif tag.startswith("end") and bloecke and bloecke[-1][0] == tag[3:]:
            bloecke.pop()
    return bloecke[-1][1] if bloecke and bloecke[-1][0] == offen[1] else None  # only where both agree


def zeile(error: TemplateSyntaxError, seit: int | None) -> int | None:
    """The line to name for a syntax error: for a block never closed – Jinja notices only at the end – the line
    it opens on (`seit`), else Jinja's line."""
    unclosed = (error.message or "").startswith("Unexpected end of template")
    return seit if unclosed and seit is not None else error.lineno


def _zuweisung(tokens: list[tuple[int, str, str]], start: int) -> bool:
    """Whether the {% set %} at `start` assigns (`{% set x = … %}`, no block) rather than opens a block."""
    for _, typ, value in tokens[start:]:
        if typ == "block_end":
            return False
        if value == "=":
            return True
    return False


def syntax(message: str, filter: Iterable[str] = (), tests: Iterable[str] = (), seit: int | None = None) -> str:
    """What Jinja's parser found (its English `message`) and what to do, in German; ALLGEMEIN for a message
    this program does not know."""
    ende = re.fullmatch(
        r"Unexpected end of template\.(?: Jinja was looking for the following tags: (.*?)\.)?"
        r"(?: The innermost block that needs to be closed is '(\w+)'\.)?",
        message,
    )
    if ende:
        if ende[2]:
            return (
                f"„{{% {ende[2]} %}}“ wird nicht geschlossen – ergänzen Sie „{{% {_ende(ende[2], ende[1])} %}}“ "
                "dort, wo der Block enden soll."
            )
        return "Das Template endet mitten in einem Block – schließen Sie jeden Block mit seinem „{% end… %}“."
    tag = re.fullmatch(r"Encountered unknown tag '(\w+)'\.(.*)", message, re.S)
    if tag:
        return _tag(tag[1], tag[2], seit)
    offen = re.fullmatch(r"unexpected end of template, expected '(.*)'\.", message)
    if offen:
        zeichen = _SYMBOLE.get(offen[1])
        anfang = {"}}": "{{", "%}": "{%", "#}": "{#"}.get(zeichen or "")
        if anfang:
            return f"„{anfang}“ wird nicht geschlossen – ergänzen Sie „{zeichen}“."
        return f"Das Template endet mitten in einem Ausdruck – dort fehlt noch {_zeichen(offen[1])}."
    erwartet = re.fullmatch(r"expected token '(.*)', got '(.*)'", message)
    if erwartet:
        return f"{_zeichen(erwartet[2])} steht hier unerwartet – erwartet wird {_zeichen(erwartet[1])}; {_PRUEFEN}."
    ausdruck = re.fullmatch(r"Expected an expression, got '(.*)'", message)
    if ausdruck:
        return (
            f"Vor {_zeichen(ausdruck[1])} fehlt ein Ausdruck – ergänzen Sie einen Namen oder Wert, "
            "z. B. „vorlage.betreff“."
        )
    klammer = re.fullmatch(r"unexpected '(.)', expected '(.)'", message)
    if klammer:
        return (
            f"„{klammer[1]}“ schließt die falsche Klammer – offen ist „{_KLAMMERN[klammer[2]]}“, die mit "
            f"„{klammer[2]}“ schließt; prüfen Sie, dass jede Klammer ihr Gegenstück hat."
        )
    unerwartet = re.fullmatch(r"unexpected '(.*)'", message)
    if unerwartet:
        if unerwartet[1] in _KLAMMERN:
            return (
                f"„{unerwartet[1]}“ schließt keine offene Klammer – löschen Sie sie oder ergänzen Sie "
                f"„{_KLAMMERN[unerwartet[1]]}“."
            )
        return f"{_zeichen(unerwartet[1])} steht hier unerwartet – davor fehlt ein Wert oder Name; {_PRUEFEN}."
    fremd = re.fullmatch(r"unexpected char (['\"])(.*)\1 at \d+", message, re.S)
    if fremd:
        if fremd[2] in ("'", '"'):
            return f"Ein Text in Anführungszeichen wird nicht geschlossen – ergänzen Sie das schließende {fremd[2]}."
        return (
            f"Das Zeichen „{fremd[2]}“ ist in Ausdrücken nicht erlaubt – löschen Sie es oder setzen Sie Text in "
            "Anführungszeichen."
        )
    return _sonst(message, filter, tests)


def _tag(name: str, rest: str, seit: int | None) -> str:
    """`{% name %}` where Jinja expects no such tag; `rest`: Jinja's sentences on the blocks still open."""
    offen = re.search(r"The innermost block that needs to be closed is '(\w+)'\.", rest)
    gesucht = re.search(r"(?:looking for the following tags:|currently looking for) (.*?)\.", rest)
    if offen:
        return (
            f"„{{% {name} %}}“ passt nicht zum offenen Block „{{% {offen[1]} %}}“"
            f"{f' aus Zeile {seit}' if seit is not None else ''} – der erwartet hier "
            f"{_liste(gesucht[1] if gesucht else '')}; prüfen Sie, welcher Block wo endet."
        )
    if name in ("else", "elif"):
        return (
            f"„{{% {name} %}}“ steht außerhalb eines Blocks – es gehört zwischen „{{% if … %}}“ und „{{% endif %}}“ "
            "(„else“ auch in „{% for %}“)."
        )
    if name.startswith("end") and name[3:] in ANWEISUNGEN:
        return (
            f"„{{% {name} %}}“ schließt keinen offenen Block – löschen Sie es oder ergänzen Sie davor "
            f"„{{% {name[3:]} … %}}“."
        )
    bekannt = ", ".join(a for a in ANWEISUNGEN if not a.startswith("end"))
    weiter = f"Templates kennen {bekannt} und die end-Tags dazu."
    return f"Die Anweisung „{{% {name} %}}“ gibt es nicht{_vorschlag(name, ANWEISUNGEN, weiter)}"


def _sonst(message: str, filter: Iterable[str], tests: Iterable[str]) -> str:
    """The rarer sentences of Jinja's parser and compiler."""
    name = re.fullmatch(r"No (filter|test) named '(.*)'\.", message)
    if name:
        eigen = {"gezählt"}  # the loop counter of the sandbox, no filter for users
        vorhanden = sorted(n for n in (filter if name[1] == "filter" else tests) if n.isidentifier() and n not in eigen)
        art = "Filter" if name[1] == "filter" else "Test"
        weiter = f"vorhanden sind {', '.join(vorhanden)}."
        return f"Den {art} „{name[2]}“ gibt es nicht{_vorschlag(name[2], vorhanden, weiter)}"
    doppelt = re.fullmatch(r"block '(.*)' defined twice", message)
    if doppelt:
        return f"Den Block „{doppelt[1]}“ gibt es zweimal – geben Sie jedem Block einen eigenen Namen."
    if message == "tag name expected":
        return "Nach „{%“ fehlt die Anweisung, z. B. „if“ oder „for“ – ergänzen Sie sie oder löschen Sie „{% %}“."
    if message.startswith("can't assign to"):
        return "Links von „=“ muss ein Name stehen – z. B. „{% set summe = … %}“."
    if message == "Invalid character in identifier":
        return "Ein Name enthält ein unerlaubtes Zeichen – Namen bestehen aus Buchstaben, Ziffern und „_“."
    if message == "Missing end of comment tag":
        return "Der Kommentar „{#“ wird nicht geschlossen – ergänzen Sie „#}“."
    if message == "Missing end of raw directive":
        return "„{% raw %}“ wird nicht geschlossen – ergänzen Sie „{% endraw %}“."
    if message.startswith("Block names in Jinja have to be valid Python identifiers"):
        return "Ein Blockname darf keinen Bindestrich enthalten – nehmen Sie „_“."
    return ALLGEMEIN


def _vorschlag(name: str, bekannt: Iterable[str], weiter: str) -> str:
    """' – meinten Sie „if“? Weiter …' for a close match, else ' – weiter …'."""
    hint = suggest(name, bekannt)
    return f"{hint} {weiter[0].upper()}{weiter[1:]}" if hint else f" – {weiter}"


def _ende(block: str, gesucht: str | None) -> str:
    """The end tag of a block, as Jinja names it among the tags it looked for."""
    tags = re.findall(r"'(\w+)'", gesucht or "")
    return next((t for t in tags if t.startswith("end")), f"end{block}")


def _liste(gesucht: str) -> str:
    """Jinja's "'elif' or 'else' or 'endif'" as „{% elif %}“, „{% else %}“ oder „{% endif %}“."""
    tags = [f"„{{% {t} %}}“" for t in re.findall(r"'(\w+)'", gesucht)]
    if not tags:
        return "sein Ende"
    return tags[0] if len(tags) == 1 else f"{', '.join(tags[:-1])} oder {tags[-1]}"


def _zeichen(beschreibung: str) -> str:
    """A token as Jinja describes it, shown as the user typed it: „}}“, „y“, ein Name."""
    if beschreibung in _SYMBOLE:
        return f"„{_SYMBOLE[beschreibung]}“"
    return _WOERTER.get(beschreibung, f"„{beschreibung}“")


def _attribute(error: Exception) -> str:
    """' („__init__“)' from Jinja's 'access to attribute '__init__' of … is unsafe'."""
    match = re.search(r"attribute '([^']+)'", str(error))
    return f" („{match[1]}“)" if match else ""


_WAS = {"dict": "diesem Eintrag", "list": "dieser Liste", "str": "diesem Text", "int": "dieser Zahl"}


def grund(error: BaseException) -> str:
    """Why a template or a text's expression could not be evaluated, in the user's terms – never Python's or
    Jinja's English text, never the program's module names."""
    if isinstance(error, UndefinedError):
        return _fehlt(error) or "ein Name oder Feld gibt es hier nicht"
    if isinstance(error, (IndexError, KeyError)):
        return "diese Zeile oder diesen Eintrag gibt es nicht"
    if isinstance(error, ZeroDivisionError):
        return "Division durch null"
    if isinstance(error, TypeError):
        return "Werte dieser Art lassen sich so nicht verbinden oder formatieren"
    if isinstance(error, RecursionError):
        return "ein Makro ruft sich ohne Ende selbst auf"
    return "der Ausdruck passt nicht zu den Werten"


def _fehlt(error: UndefinedError) -> str | None:
    """Jinja's English reason for a name that is not there, in German and without the program's module names:
    "'vorlagen.load.koerperschaft.Koerperschaft object' has no attribute 'wappen'" → „wappen“ gibt es in
    Koerperschaft nicht. None for any other reason."""
    message = error.message or ""
    undefiniert = re.fullmatch(r"'([^']*)' is undefined", message)
    if undefiniert:
        return f"„{undefiniert[1]}“ gibt es nicht"
    fehlt = re.fullmatch(r"'?([\w.]+?)(?: object)?'? has no (?:attribute|element) (.*)", message)
    if fehlt is None:
        return None
    typ, name = fehlt[1].rsplit(".", 1)[-1], fehlt[2].strip("'\"")
    if typ == "None":
        return f"„{name}“ gibt es nicht (der Wert davor ist leer)"
    return f"„{name}“ gibt es in {_WAS.get(typ, typ)} nicht"
