"""Characters no document can print, each refused with its line: control characters in a text of the data or the
form (WeasyPrint draws its .notdef box and stops with an English message, without file or line) – a YAML file and
its values, a Markdown text, a field of the editing form –, and Unicode's private area in a Markdown text."""

from __future__ import annotations

import re

from vorlagen.core.problems import Problem, Where

# Unicode's control characters (category Cc: U+0000–U+001F, U+007F–U+009F) but tab and line feed; a text may end
# its lines CR LF (`zeilenenden`), a value never holds a CR (YAML reads a line break as LF)
_STEUER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_STEUER_OHNE_CR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
PRIVAT = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")  # Unicode's private areas (a symbol font's rest)


def erstes(text: str, zeilenenden: bool = False) -> int | None:
    """The index of the first control character of `text` that no text may hold; None when there is none.
    `zeilenenden`: a CR (of CR LF line ends) is allowed."""
    found = (_STEUER_OHNE_CR if zeilenenden else _STEUER).search(text)
    return found.start() if found else None


def meldung(zeichen: str) -> str:
    """Why a text with the control character `zeichen` is refused, and what to do."""
    return (
        f"Der Text enthält das Steuerzeichen U+{ord(zeichen):04X}, das sich nicht drucken lässt – löschen Sie es "
        "(oft ein unsichtbarer Rest aus einer kopierten Textstelle oder einem anderen Programm)."
    )


def im_text(text: str, where: Where, zeilenenden: bool = False) -> list[Problem]:
    """The problem of the first control character of a text that starts at `where`, at its own line."""
    index = erstes(text, zeilenenden)
    if index is None:
        return []
    line = (where.line or 1) + text.count("\n", 0, index)
    return [Problem(Where(where.path, line), meldung(text[index]))]


def privat(text: str, where: Where) -> list[Problem]:
    """One problem for each character of Unicode's private area in a text that starts at `where`."""
    return [
        Problem(
            Where(where.path, (where.line or 1) + text.count("\n", 0, match.start())),
            f"Das Zeichen U+{ord(match[0]):04X} aus dem privaten Bereich von Unicode lässt sich "
            "nicht drucken – löschen Sie es (oft ein Rest einer Symbolschrift aus Word).",
        )
        for match in PRIVAT.finditer(text)
    ]
