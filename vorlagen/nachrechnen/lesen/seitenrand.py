"""What a page repeats that is no content of the document: running heads and feet (the same line at the same edge
of several pages, its page number aside), a page number alone, and the head of a table repeated at the top of the
page it continues on. Left out, a table broken over pages reads as one table (issue 44)."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.lesen.zahlenlesen import figures

_EDGE = 3  # lines at the top and at the foot of a page that may be running heads or feet
_HEAD = 4  # lines of a table head repeated at the top of a page
_WRAPPED = 14  # lines under a table's last row on a page: its cells wrapped, and running feet
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
    the top of pages is kept where it first stands unless a table runs into it from the page before and the line
    stood on an earlier page (the head where that table began): a table that begins at the top of a page keeps its
    head, also right after another table that ends at the foot of the page before."""
    seen: list[dict[str, list[tuple[int, list[int]]]]] = [{}, {}]  # per edge: key → (page, its numbers) of each
    for index, page in enumerate(pages):
        for edge, lines in enumerate(_edges(page)):
            for _, text in lines:
                if text.strip() and not _amounts(text):
                    numbers = [int(n) for n in _DIGITS.findall(text)]
                    seen[edge].setdefault(_key(text), []).append((index, numbers))
    running = [{key for key, on in keys.items() if _repeats(on)} for keys in seen]
    found = set()
    before: set[str] = set()  # every line of the pages before, as _key writes it
    for index, page in enumerate(pages):
        for edge, lines in enumerate(_edges(page)):
            for nr, text in lines:
                key = _key(text)
                if _PAGE_NUMBER.match(key):
                    found.add((index, nr))
                elif key in running[edge] and not _amounts(text):
                    first = seen[edge][key][0][0] == index and edge == 0
                    continued = index and _ends_in_a_table(pages[index - 1]) and key in before
                    if not (first and not continued):
                        found.add((index, nr))
        before |= {_key(text) for _, text in page if text.strip()}
    return found


def _repeats(on: list[tuple[int, list[int]]]) -> bool:
    """A line on two pages or more whose numbers stay the same or go with the page („Seite 3 von 7“) – not the
    labels of two rows („(Zeile 8)“, „(Zeile 22)“)."""
    pages = {index for index, _ in on}
    if len(pages) < 2 or len(pages) != len(on):
        return False
    for slot in zip(*(numbers for _, numbers in on), strict=True):
        if len(set(slot)) > 1 and len({n - index for n, (index, _) in zip(slot, on, strict=True)}) > 1:
            return False
    return True


def _without_repeated_heads(pages: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """At the top of a page that goes on with a table, the lines of its head printed again (no amounts, the same
    as lines before) are left out."""
    earlier: set[str] = set()
    result: list[list[tuple[int, str]]] = []
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
    """A line with amounts stands among the page's last lines (below it perhaps the label of its row, wrapped):
    a table runs to the page's foot."""
    filled = [text for _, text in page if text.strip()]
    return any(_amounts(text) for text in filled[-_WRAPPED:])
