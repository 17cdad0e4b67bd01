"""The Textfassung of a rendered document as printed: paragraphs on one line each, tables as aligned text.

It reads the HTML this project writes (well-formed, known elements) and is used for the .txt
beside each PDF and for the prose part of `diff`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "caption"}
SKIP = {"head", "style", "script", "title"}


@dataclass
class Block:
    kind: str  # heading | text | item | table
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)
    right: set[int] = field(default_factory=set)  # right-aligned (numeric) columns
    fields: bool = False  # a table of header fields: printed as 'Label: value' lines
    klasse: str = ""  # a table's class: the program's tables have one, a Markdown table of a text none


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.buffer: list[str] | None = None
        self.skip = 0
        self.lists: list[list[int]] = []  # per open list: [is_ordered, next number]
        self.table: Block | None = None
        self.row: list[str] | None = None
        self.caption = ""
        self.term: str | None = None  # a <dt> waiting for its <dd>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        werte = dict(attrs)
        if tag in SKIP or "laufkopf" in (werte.get("class") or ""):
            self.skip += 1
        elif tag in ("ol", "ul"):
            self.lists.append([tag == "ol", 1])
        elif tag == "table":
            self.table = Block("table", klasse=werte.get("class") or "")
            self.table.fields = "metadaten" in (werte.get("class") or "")  # header fields: 'Label: value' lines
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            if "betrag" in (werte.get("class") or "") and self.table is not None:  # a row is only made in a table
                self.table.right.add(len(self.row))
            self.buffer = []
        elif tag in BLOCKS:
            if tag == "li" and self.lists and (nummer := werte.get("value")):
                self.lists[-1][1] = int(nummer)
            self.buffer = []
        elif tag == "br" and self.buffer is not None:
            self.buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP or (self.skip and tag == "div"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        elif tag in ("td", "th") and self.row is not None:
            self.row.append(self._take())
        elif tag == "tr" and self.table is not None and self.row is not None:
            self.table.rows.append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None:
            self.table.text, self.caption = self.caption, ""
            if self.table.fields and len(self.table.rows) == 2:
                labels, values = self.table.rows
                self.blocks += [Block("text", f"{label}: {value}") for label, value in zip(labels, values)]
            else:
                self.blocks.append(self.table)
            self.table = None
        elif tag == "caption":
            self.caption = self._take()
        elif tag in BLOCKS and self.buffer is not None:
            text = self._take()
            if tag == "li":
                ordered, number = self.lists[-1] if self.lists else (False, 1)
                marker = f"{number}." if ordered else "-"
                if self.lists:
                    self.lists[-1][1] += 1
                self.blocks.append(Block("item", f"{'  ' * (len(self.lists) - 1)}{marker} {text}"))
            elif tag == "dt":
                self.term = text
            elif tag == "dd":
                self.blocks.append(Block("text", f"{self.term}: {text}" if self.term else text))
                self.term = None
            elif tag[0] == "h" and tag[1:].isdigit():
                self.blocks.append(Block("heading", text, level=int(tag[1])))
            elif text:
                self.blocks.append(Block("text", text))

    def handle_data(self, data: str) -> None:
        if not self.skip and self.buffer is not None:
            self.buffer.append(data)

    def _take(self) -> str:
        text = re.sub(r"[ \t\r\n\f\v]+", " ", "".join(self.buffer or [])).strip(" ")  # keeps no-break spaces
        self.buffer = None
        return text


def blocks(html: str) -> list[Block]:
    """The blocks of a document, in reading order."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.blocks


def table_lines(block: Block) -> list[str]:
    """A table as aligned lines; numeric columns right-aligned."""
    width = max(len(row) for row in block.rows)
    rows = [row + [""] * (width - len(row)) for row in block.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(width)]
    lines = [block.text] if block.text else []
    for row in rows:
        cells = [cell.rjust(widths[i]) if i in block.right else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return lines


def render(html: str) -> str:
    """The plain-text rendition of a document."""
    out: list[str] = []
    for block in blocks(html):
        if block.kind == "heading":
            underline = {1: "=", 2: "-"}.get(block.level)
            out += ["", block.text] + ([underline * len(block.text)] if underline else [])
        elif block.kind == "table":
            out += [""] + table_lines(block) + [""]
        elif block.kind == "text":
            out += [block.text, ""]
        else:
            out.append(block.text)
    text = "\n".join(out).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"
