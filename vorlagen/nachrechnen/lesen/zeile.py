"""One line of a typed Vorlage as the readers give it (text, cells, page), and the bounds every reader keeps."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from vorlagen.core import limits
from vorlagen.core.problems import BuildFailed, Problem, Where
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, figures

SPLIT_HINT = "speichern Sie den Teil mit den Zahlen als eigene Datei und rechnen Sie diesen nach."
_BOLD = re.compile(r"</?b>|\*\*|__")
_TAGS = re.compile(r"</?[a-zA-Z][^<>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)  # a break inside a cell parts two words: „Ordentliches<br>Ergebnis“
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# thousands grouped by a no-break, narrow, thin or figure space: one number (zahlen reads U+202F as a group mark)
_GROUP_SPACE = re.compile(r"(?<=\d)[\u00a0\u202f\u2009\u2007](?=\d{3}(?!\d))")
_COLUMN_GAP = re.compile(r" {2,}")
# a table row a page stored as „a | b | c |“: two bars or more between cells, the last closing the row
_OPEN_PIPE_ROW = re.compile(r"^[^|]+\|(?:[^|]*\|){2,}$")


@dataclass(frozen=True)
class Zeile:
    """One line of the document: page (None where the format has none), line number, text, cells."""

    seite: int | None
    nr: int
    text: str  # cells joined by tabs, markup removed
    fett: bool = False  # the line's figures were marked bold (<b>, **)
    zellen: bool = False  # its tabs separate the cells of a table row as typed (Word, HTML, Markdown, a tab)
    lagen: tuple[int, ...] = ()  # cells set apart by runs of spaces: where each cell starts in the line as typed
    eng: bool = False  # set close under the line before (a PDF's line that may go on with a cell of it)
    # a PDF laid out: each text run's start and end in the line as set, and where it starts and ends on the page
    laeufe: tuple[tuple[int, int, int, int], ...] = ()
    # cells that wrapped lines were joined into: (cell, where the joined text begins in it)
    angehaengt: tuple[tuple[int, int], ...] = ()
    # a line of dashes only („-------------“), no Markdown table's rule: as a text table draws it under the rows it
    # adds up; its text is empty like a blank line's
    linie: bool = False
    # where the line's text stands in the file where that is not line `nr` (an HTML page, whose rows and blocks may
    # run over many lines of the file): for each change of line, where in the text it begins and the file's line
    quellen: tuple[tuple[int, int], ...] = ()

    @functools.cached_property
    def zahlen(self) -> list[Zahl]:
        """The figures of the line, found once (every stage reads them; nobody changes the list)."""
        return figures(self.text)

    @functools.cached_property
    def zahlen_je_zelle(self) -> list[list[Zahl]]:
        """The figures of each cell the tabs make, by where each figure starts (a unit that follows its figure across
        a tab stays with it); a cell without a figure is an empty list."""
        tabs = [i for i, char in enumerate(self.text) if char == "\t"]
        cells: list[list[Zahl]] = [[] for _ in range(len(tabs) + 1)]
        for zahl in self.zahlen:
            cells[bisect.bisect(tabs, zahl.start)].append(zahl)
        return cells

    def in_datei(self, start: int = 0) -> int:
        """The line of the file the text at `start` stands in (the line's own number but in an HTML page)."""
        if not self.quellen:
            return self.nr
        at = bisect.bisect_right(self.quellen, start, key=lambda place: place[0])
        return self.quellen[max(at - 1, 0)][1]

    def ort_bei(self, start: int = 0) -> str:
        """Where the text at `start` stands, as a reader finds it: „S. 2, Z. 14“, or „Z. 14“ where pages are none."""
        nr = self.in_datei(start)
        return f"S. {self.seite}, Z. {nr}" if self.seite else f"Z. {nr}"

    @property
    def ort(self) -> str:
        return self.ort_bei(0)


def line_above(zeilen: list[Zeile], index: int, reach: int) -> Zeile | None:
    """The nearest line above line `index` with text, `reach` lines back at most and on the same page – the words a
    page stores above a figure set alone on its line („Differenz“ over „-3.428.400 Euro“); None where there is none."""
    for back in range(index - 1, max(-1, index - 1 - reach), -1):
        if zeilen[back].seite != zeilen[index].seite:
            return None
        if zeilen[back].text.strip():
            return zeilen[back]
    return None


def fail(path: Path, message: str, line: int | None = None) -> None:
    raise BuildFailed([Problem(Where(str(path), line), message)])


def number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def bounded(path: Path, lines: list[Zeile], more: int = 0) -> None:
    """Stops at the bound for lines (NR_ZEILEN)."""
    if len(lines) + more > limits.NR_ZEILEN:
        fail(path, f"Die Datei hat mehr als {number(limits.NR_ZEILEN)} Zeilen (Grenze für nachrechnen) – " + SPLIT_HINT)


def line_fits(path: Path, raw: str, nr: int, seite: int | None = None) -> None:
    """Stops at the bound for the length of one line (NR_ZEILENLAENGE)."""
    if len(raw) > limits.NR_ZEILENLAENGE:
        where = f"Zeile {nr} auf Seite {seite}" if seite else f"Zeile {nr}"
        fail(
            path,
            f"{where} ist länger als {number(limits.NR_ZEILENLAENGE)} Zeichen (Grenze für nachrechnen) – "
            "ist das wirklich Text? Brechen Sie die Zeile um oder rechnen Sie nur den Teil mit den Zahlen "
            "nach.",
            None if seite else nr,
        )


def line(
    seite: int | None,
    nr: int,
    raw: str,
    bold: bool = False,
    cells: bool = False,
    aligned: bool = False,
    eng: bool = False,
    spans: list[tuple[int, int, int, int]] | None = None,
) -> Zeile:
    """A line as typed made a Zeile. `cells`: its tabs separate table cells (Word, HTML); `aligned`: a text file
    or a PDF laid out, where runs of spaces may set columns apart – where each cell starts is kept to line up a
    table's columns; `eng`: it stands close under the line before; `spans`: each text run's start and end in the
    line and where it ends on the page (a PDF laid out)."""
    marked = bool(_BOLD.search(raw))
    text = _HEADING.sub("", _TAGS.sub("", _BREAK.sub(" ", _BOLD.sub("", raw))))
    if _MD_RULE.match(text) and "-" in text:
        return Zeile(seite, nr, "", False, linie="|" not in text)
    stripped = text.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        text, cells = "\t".join(cell.strip() for cell in stripped[1:-1].split("|")), True
    elif _OPEN_PIPE_ROW.match(
        stripped
    ):  # „1.5 | + Entgelte | 600 | 0 |“: a pipe row a page stored without its first bar
        text, cells = "\t".join(cell.strip() for cell in stripped[:-1].split("|")), True
    cells = cells or "\t" in text
    text = _GROUP_SPACE.sub("\u202f", text).replace("\u00a0", " ")
    starts: tuple[int, ...] = ()
    if not cells:  # runs of spaces set cells apart, as a text file aligns its columns
        gaps = list(_COLUMN_GAP.finditer(text))
        if aligned and gaps:
            starts = (0, *(m.end() for m in gaps))
        text = _COLUMN_GAP.sub("\t", text)
    return Zeile(seite, nr, text.rstrip(), bold or marked, cells, starts, eng, tuple(spans or ()))
