"""Links and images of a text: which link targets are allowed (web and mail addresses, Anlagen of the Vorlage),
a link to an Anlage pointed at its published file, an image checked as a file in the Vorlage's folder, and the links
to Anlagen as print has them (an absolute address, or plain text)."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it.token import Token
from markupsafe import escape

from vorlagen.core.pfade import innerhalb
from vorlagen.core.problems import Problem, Where
from vorlagen.load.assets import check_image
from vorlagen.load.dateien import Text

_LINK_SCHEMES = ("https", "http", "mailto")
ANLAGE_LINK = "anlage-verweis"
_ANLAGE_LINK = re.compile(r'<a href="([^"]*)" class="anlage-verweis">(.*?)</a>', re.S)


def _link_problem(href: str) -> str | None:
    """Why a link target is not allowed, or None: web and mail links and files beside the text only."""
    parts = urlsplit(href.strip())
    if parts.scheme:
        return None if parts.scheme.lower() in _LINK_SCHEMES else "erlaubt sind https:, http: und mailto:"
    if href.strip().startswith(("/", "\\")) or parts.netloc:
        return "Verweise auf Dateien müssen relativ zum Ordner der Vorlage sein"
    if not parts.path:  # "", "#…", "?…": a PDF would make the build folder of it (file:///…)
        return (
            "er nennt weder eine Anlage noch eine Webadresse mit https: – Sprungmarken (#…) gibt es in den "
            "Dokumenten nicht; nennen Sie den Abschnitt mit Worten"
        )
    return None


def verweis_pruefen(
    token: Token, text: Text, where: Where, links: dict[Path, str | None]
) -> tuple[bool, list[Problem]]:
    """Checks a link and points a link to an Anlage at its published file; True for such a link."""
    href = str(token.attrGet("href") or "")  # markdown-it reads attributes as text
    reason = _link_problem(href)
    if reason:
        token.attrSet("href", "")
        return False, [Problem(where, f"Verweis „{href}“ ist nicht erlaubt: {reason}.")]
    parts = urlsplit(href.strip())
    if parts.scheme:
        return False, []  # a web or mail link
    target = (text.path.parent / unquote(parts.path)).resolve()
    if (ziel := links.get(target)) is None:
        why = (
            "ist eine nichtöffentliche Anlage; ein öffentliches Dokument nennt sie nicht"
            if target in links
            else "Dateien lassen sich nur als Anlage dieser Vorlage verlinken – tragen Sie die Datei unter "
            "„anlagen“ ein oder verlinken Sie eine Webadresse mit https:"
        )
        token.attrSet("href", "")
        return False, [Problem(where, f"Verweis „{href}“: {why}.")]
    token.attrSet("href", ziel)  # the published Anlage, where the document is published
    token.attrSet("class", ANLAGE_LINK)
    return True, []


def bild_pruefen(token: Token, text: Text, where: Where) -> tuple[list[Path], list[Problem]]:
    src = str(token.attrGet("src") or "")  # markdown-it reads attributes as text
    folder = text.path.parent
    parts = urlsplit(src)
    path = folder / src if not parts.scheme and not parts.netloc and not src.startswith("/") else None
    if path is None or not innerhalb(path, folder) or not path.is_file():
        token.attrSet("src", "")
        return [], [
            Problem(
                where,
                f"Bild „{src}“: Bilder müssen als Datei im Ordner der Vorlage "
                "liegen und relativ angegeben werden, z. B. bilder/grafik.png.",
            )
        ]
    path = path.resolve()
    problems = check_image(path, src, where)
    if problems:
        token.attrSet("src", "")
        return [], problems
    return [path], []


def print_links(html: str, target: Callable[[str], str | None]) -> str:
    """Print: each link to an Anlage goes to `target(href)`, the absolute address where the Anlage is published,
    or becomes plain text where it has none – a PDF would resolve a relative link to a machine path."""

    def replace(match: re.Match) -> str:
        address = target(unescape(match[1]))
        if address is None:
            return f'<span class="{ANLAGE_LINK}">{match[2]}</span>'
        return f'<a href="{escape(address)}" class="{ANLAGE_LINK}">{match[2]}</a>'

    return _ANLAGE_LINK.sub(replace, html)
