"""An HTML page (a Vorlage saved as a web page, or one vorlagen built): each paragraph, heading, list item and
table row becomes a line, the cells of a row separated by tabs; scripts, styles and the head are skipped."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from vorlagen.nachrechnen.lesen.zeile import Zeile, bounded, line, line_fits

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
        self.text: list[str] = []  # the words of the current block or cell
        self.cells: list[str] | None = None  # the cells of the current table row
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
                self.text.append(" ")
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
        self.text.append(data)
        if self.in_bold and any(ch.isdigit() for ch in data):
            self.bold = True

    def _close_cell(self) -> None:
        if self.cells is not None and self.open:
            self.cells.append(" ".join("".join(self.text).split()))
            self.text, self.open = [], False

    def flush(self) -> None:
        """Ends the current line: a table row with its cells, or a block of text."""
        if self.cells is not None:
            self._close_cell()
            raw, cells = "\t".join(self.cells), True
            self.cells = None
        else:
            raw, cells = " ".join("".join(self.text).split()), False
        self.text = []
        if raw.strip():
            nr = len(self.result) + 1
            line_fits(self.path, raw, nr)
            bounded(self.path, self.result, 1)
            self.result.append(line(None, nr, raw, self.bold, cells))
        self.bold = False
