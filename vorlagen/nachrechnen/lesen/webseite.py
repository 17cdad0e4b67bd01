"""An HTML page (a Vorlage saved as a web page, or one vorlagen built): each paragraph, heading, list item and
table row becomes a line, the cells of a row separated by tabs; scripts, styles and the head are skipped. Each line
keeps the lines of the file its words stand in: a finding names the line a user finds in an editor (a row may run
over many lines of the file, a cell a line)."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from vorlagen.nachrechnen.lesen.zeile import Zeile, bounded, line, line_fits

_Placed = tuple[str, tuple[tuple[int, int], ...]]  # text and, for each word, where it begins and its line in the file

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "caption",
        "blockquote",
        "pre",
        "section",
        "header",
        "footer",
        "main",
        "article",
        "aside",
        "nav",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "ul",
        "ol",
        "dl",
        "figure",
        "figcaption",
        "address",
        "body",
    ]
)
_SKIPPED = frozenset(["head", "script", "style", "template", "title", "noscript", "svg"])
_BOLD = frozenset(["b", "strong"])


def lines(path: Path, text: str) -> list[Zeile]:
    reader = _Reader(path)
    reader.feed(text)
    reader.close()
    reader.flush()
    return reader.result


class _Reader(HTMLParser):
    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.result: list[Zeile] = []
        self.text: list[tuple[str, int]] = []  # the text of the current block or cell, each piece with its line
        self.cells: list[_Placed] | None = None  # the cells of the current table row
        self.skipping = 0
        self.bold = False  # a figure of the current line stands in <b> or <strong>
        self.in_bold = 0
        self.open = False  # a cell of the current row is open

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "tr":
            self.flush()
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self._close_cell()
            self.text, self.open = [], True
        elif tag == "br":
            if self.cells is None:
                self.flush()
            else:
                self.text.append((" ", self.getpos()[0]))
        elif tag in _BLOCKS and self.cells is None:
            self.flush()
        elif tag in _BOLD:
            self.in_bold += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "tr":
            self.flush()
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag in _BLOCKS and self.cells is None:
            self.flush()
        elif tag in _BOLD:
            self.in_bold = max(0, self.in_bold - 1)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self.text.append((data, self.getpos()[0]))
        if self.in_bold and any(ch.isdigit() for ch in data):
            self.bold = True

    def _close_cell(self) -> None:
        if self.cells is not None and self.open:
            self.cells.append(_words(self.text))
            self.text, self.open = [], False

    def flush(self) -> None:
        """Ends the current line: a table row with its cells, or a block of text."""
        if self.cells is not None:
            self._close_cell()
            raw, quellen = _joined(self.cells, "\t")
            cells = True
            self.cells = None
        else:
            (raw, quellen), cells = _words(self.text), False
        self.text = []
        if raw.strip():
            first = quellen[0][1] if quellen else self.getpos()[0]
            line_fits(self.path, raw, first)
            bounded(self.path, self.result, 1)
            zeile = line(None, len(self.result) + 1, raw, self.bold, cells)
            # the words' places hold where the text stayed as read; else the line where it begins
            kept = quellen if zeile.text == raw.rstrip() else quellen[:1]
            self.result.append(replace(zeile, quellen=_changes(kept)))
        self.bold = False


def _words(pieces: list[tuple[str, int]]) -> _Placed:
    """The words of a block or cell joined by single spaces, each with where it begins and the file line its first
    character stands in (a piece of text may run over lines of the file)."""
    words: list[str] = []
    places: list[tuple[int, int]] = []
    current: list[str] = []
    offset = 0
    for piece, start_line in pieces:
        nr = start_line
        for char in piece:
            if char.isspace():
                if current:
                    words.append("".join(current))
                    offset += len(words[-1]) + 1
                    current = []
            else:
                if not current:
                    places.append((offset, nr))
                current.append(char)
            if char == "\n":
                nr += 1
    if current:
        words.append("".join(current))
    return " ".join(words), tuple(places)


def _joined(parts: list[_Placed], separator: str) -> _Placed:
    """Cells joined by `separator`, each word's place moved by the text before its cell."""
    texts: list[str] = []
    places: list[tuple[int, int]] = []
    offset = 0
    for text, own in parts:
        places += [(offset + at, nr) for at, nr in own]
        texts.append(text)
        offset += len(text) + len(separator)
    return separator.join(texts), tuple(places)


def _changes(places: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Only the places where the file's line changes."""
    kept: list[tuple[int, int]] = []
    for offset, nr in places:
        if not kept or kept[-1][1] != nr:
            kept.append((offset, nr))
    return tuple(kept)
