"""The text of a Word file this program wrote, as `vergleichen` reads it – its paragraphs and table rows as lines –,
and the words of a text however its lines set them: whether a Word file changed as its PDF's text did."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.core.limits import MAX_TEXTFASSUNG
from vorlagen.core.reads import ABSENT, read_file

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

_LISTENMARKE = re.compile(r"^\s*(?:\d+\.|-)\s+")  # a list item's number or dash in a text rendition
_STRICH = re.compile(r"^[=-]+$")  # a heading's underline in a text rendition


def worte(zeilen: list[str]) -> Counter:
    """The words of a text, however its lines set them: a Word file sets a table's cells apart by two spaces and
    Kopfdaten in two rows, a text rendition aligns columns, writes „Nummer: 2021/0123“, numbers list items and
    underlines headings."""
    found: Counter = Counter()
    for zeile in zeilen:
        found.update(w.rstrip(":") for w in _LISTENMARKE.sub("", zeile).split() if not _STRICH.match(w))
    return found


def anders(vorher: Counter, nachher: Counter) -> tuple[Counter, Counter]:
    """The words gone and the words come."""
    return vorher - nachher, nachher - vorher


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def zeilen(out: Path, name: str, vorhanden: dict[str, str]) -> list[str]:
    """The non-empty lines of a Word file this program wrote – each paragraph, each table row with its cells two
    spaces apart –; none when it is not there or not one (its text is read up to the bound of a text rendition)."""
    from xml.etree import ElementTree

    if vorhanden.get(name, ABSENT) == ABSENT:
        return []
    try:
        data = read_file(out / name, MAX_TEXTFASSUNG, within=out, noted=False)
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("word/document.xml") as part:
            xml = part.read(MAX_TEXTFASSUNG + 1)
        body = ElementTree.fromstring(xml).find(f"{W}body") if len(xml) <= MAX_TEXTFASSUNG else None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, ElementTree.ParseError):
        return []
    lines = []
    for block in body if body is not None else []:
        if block.tag == f"{W}p":
            lines.append(absatz(block))
        elif block.tag == f"{W}tbl":
            rows = [
                [" ".join(absatz(p) for p in tc.iter(f"{W}p")) for tc in tr.iter(f"{W}tc")]
                for tr in block.iter(f"{W}tr")
            ]
            lines += ["  ".join(row) for row in rows]
    return [line.rstrip() for line in lines if line.strip()]


def absatz(paragraph: Element) -> str:
    """A paragraph's text: its runs' text, a line break as a space."""
    teile = {f"{W}br": " ", f"{W}tab": "\t"}
    return "".join(
        (node.text or "") if node.tag == f"{W}t" else teile[node.tag]
        for node in paragraph.iter()
        if node.tag == f"{W}t" or node.tag in teile
    )
