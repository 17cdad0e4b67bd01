"""What a page repeats that is no content of the document: running heads and feet (the same line at the same edge
of several pages, its page number aside), a page number alone, and the head of a table repeated at the top of the
page it continues on. Left out, a table broken over pages reads as one table (issue 44)."""

from __future__ import annotations

import re

from vorlagen.review.nachrechnen.zahlen import figures

_EDGE = 3  # lines at the top and at the foot of a page that may be running heads or feet
_HEAD = 4  # lines of a table head repeated at the top of a page
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:Seite|S\.)?\s*#(?:\s*(?:von|/)\s*#)?[-–—\s]*$", re.IGNORECASE)


def content(pages: list[list[str]]) -> list[list[tuple[int, str]]]:
    """Per page its lines that are content, each with its number on the page (counted from 1)."""
    numbered = [list(enumerate(lines, start=1)) for lines in pages]
    running = _running(numbered)
    kept = [[(nr, text) for nr, text in page if (index, nr) not in running] for index, page in enumerate(numbered)]
    return _without_repeated_heads(kept)


def _key(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text).split())


def _edges(page: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    filled = [(nr, text) for nr, text in page if text.strip()]
    return filled[:_EDGE], filled[-_EDGE:]


def _amounts(text: str) -> bool:
    """A line with a figure a table sums: money, a percentage, decimals or grouped thousands."""
    return any(z.einheit or z.stellen or "." in z.text for z in figures(text))


def _running(pages: list[list[tuple[int, str]]]) -> set[tuple[int, int]]:
    """(page index, line number) of every running head or foot and every page number at an edge. A head repeated at
    the top of pages is kept where it first stands unless a table runs into it from the page before: a table that
    begins at the top of a page keeps its head."""
    seen: list[dict[str, list[int]]] = [{}, {}]  # per edge: key → pages it stands on
    for index, page in enumerate(pages):
        for edge, lines in enumerate(_edges(page)):
            for key in dict.fromkeys(_key(text) for _, text in lines if text.strip() and not _amounts(text)):
                seen[edge].setdefault(key, []).append(index)
    found = set()
    for index, page in enumerate(pages):
        for edge, lines in enumerate(_edges(page)):
            for nr, text in lines:
                key = _key(text)
                on = seen[edge].get(key, [])
                if _PAGE_NUMBER.match(key):
                    found.add((index, nr))
                elif len(on) >= 2 and not _amounts(text):
                    first = edge == 0 and on[0] == index and not (index and _ends_in_a_table(pages[index - 1]))
                    if not first:
                        found.add((index, nr))
    return found


def _without_repeated_heads(pages: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """At the top of a page that goes on with a table, the lines of its head printed again (no amounts, the same
    as lines before) are left out."""
    earlier: set[str] = set()
    result = []
    for index, page in enumerate(pages):
        start = 0
        filled = [i for i, (_, text) in enumerate(page) if text.strip()]
        if index and _ends_in_a_table(result[-1]):
            for i in filled[:_HEAD]:
                text = page[i][1]
                if _amounts(text) or " ".join(text.split()) not in earlier:
                    break
                start = i + 1
        kept = page[start:]
        earlier |= {" ".join(text.split()) for _, text in page if text.strip()}
        result.append(kept)
    return result


def _ends_in_a_table(page: list[tuple[int, str]]) -> bool:
    """The page's last lines hold amounts: a table runs to its foot."""
    filled = [text for _, text in page if text.strip()]
    return any(_amounts(text) for text in filled[-_EDGE:])
