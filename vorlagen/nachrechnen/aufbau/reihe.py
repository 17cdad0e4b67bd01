"""A line read as a table row: its label, its values, and what each cell holds – figures, a dash for nothing,
or a word for an amount not yet known („derzeit unklar“, „134.000 € + X“)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from vorlagen.nachrechnen.aufbau.rechnung import Fund
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, year_heads
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import unbroken

NULL, WERT, UNKLAR = "null", "wert", "unklar"
_DASH = re.compile(r"(?:^|\t|\s)(?:--|—|–|-)(?=\s|\(|$)")
# „-“, „–“, „-,--“, also with its unit („- €“, a page that sets the unit in every cell): nothing
_DASH_CELL = re.compile(
    r"^(?:-{1,2}|–|—|-,--?|\.{3}|entfällt|entfallen|keine?)(?:\s*(?:€|EUR|Euro))?(?:\s*\(.*\))?$", re.IGNORECASE
)
_UNKNOWN = re.compile(
    r"^(?:\?|x|…|\.\.\.)$|\b(?:derzeit unklar|noch unklar|unklar|noch offen|offen|unbekannt|noch nicht bekannt|"
    r"n\.\s?b\.|k\.\s?A\.|N\.\s?N\.|wird nachgereicht)(?!\w)",
    re.IGNORECASE,
)
_DASH_TOKEN = re.compile(r"(?<!\S)(?:--|—|–|-)(?!\S)")
_LINE_MINUS = re.compile(r"^\s*(?:[-−–]\s*[\d(]|\./\.|abzgl\.|abzüglich)")
_ENUMERATION = re.compile(r"^\s*(?:\|\s*)?\d{1,2}[.)]\s")  # also in the first cell of a pipe row a page left open
_WORDS = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
# the unit of measure a cell may give after its one figure („86.400 kWh“, „290 m²“, „96 Plätze“)
_MEASURE = re.compile(
    r"kWh|MWh|GWh|m²|m³|qm|cbm|km|ha|Stück|Stk\.?|Std\.?|Einwohner|EW|Plätze|Schüler(?:/innen)?|Kinder|Personen|VZÄ"
)
_LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_RESULT_CELL = re.compile(r"(?:^|\t)\s*=\s*$")  # "Eigenanteil<Tab>= 612.500 €"
_YEAR = re.compile(r"(?:19|20)\d\d")
_BETWEEN_VALUES = re.compile(r"^[\s=+]*$")  # what may stand between the values of a row typed without cells


@dataclass(frozen=True)
class Eintrag:
    """What a row holds in one place: `wert` (its figures, one as a rule), `null` (a dash: nothing) or `unklar`
    (a word for an amount not known, perhaps beside a known part: „134.000 € + X“)."""

    art: str
    zahlen: tuple[Zahl, ...]
    # ("zelle", i) for cells as typed, ("lage", end, start) for columns aligned by spaces (a figure's right edge
    # and its cell's left edge: columns may be set flush right or flush left), else None
    spalte: tuple | None
    text: str  # the place as typed, for messages


@dataclass
class Reihe:
    """A line read as a table row: its values (figures not used inside another calculation)."""

    zeile: Zeile
    werte: list[Zahl]
    strich: bool  # a "--" standing for nothing
    label: str
    minus: bool  # the line starts with a minus (a deduction), not a bullet
    woerter: int  # words outside parentheses and figures
    gleich: bool = False  # the first figure opens its cell with "=": the result of the rows above
    eintraege: list[Eintrag] = field(default_factory=list)  # the row's places of a table, in order
    kategorie: bool = False  # its word for a total names the kind of row, shared with the rows beside it
    # a row a page stored one cell per line (faltung.py): the line of each figure, by id; else all on `zeile`
    orte: dict[int, Zeile] = field(default_factory=dict)

    def fund(self, zahl: Zahl) -> Fund:
        """The figure at its place: on its own line where the row was folded from lines of one cell each."""
        return Fund(self.orte.get(id(zahl), self.zeile), zahl)

    def wert(self, zahl: Zahl) -> int:
        """The sign this row gives its value."""
        return -1 if zahl.wert < 0 or (self.minus and zahl.wert > 0) else 1


def _ranges(text: str, figs: list[Zahl]) -> list[Zahl]:
    """„3. Gesamtergebnis- und Gesamtfinanzhaushalt 27-28“ (pages in a table of contents), „Nr. 12-14“: two plain
    figures joined by a dash without spaces are a range from one to the other, no values of the row."""
    pairs = [
        (a, b)
        for a, b in zip(figs, figs[1:], strict=False)
        if not a.einheit and not b.einheit and text[a.ende : b.start] in ("-", "–") and not a.stellen
    ]
    return [z for pair in pairs for z in pair]


def row(zeile: Zeile, used: set[int]) -> Reihe:
    figs = [z for z in zeile.zahlen if z.tiefe == 0 and z.start not in used]
    marker = _ENUMERATION.match(zeile.text)
    if marker:  # "1. Erstintegration", "2) …": a list number, not a value
        figs = [z for z in figs if z.start >= marker.end()]
    heads = year_heads(figs)
    figs = [z for z in figs if z not in heads and z not in _ranges(zeile.text, figs)]
    plain = [z for z in figs if z.einheit or not _YEAR.fullmatch(z.text)]
    werte = [z for z in plain if z.einheit] if any(z.einheit for z in plain) else plain
    text = zeile.text.strip()
    first = werte[0].start if werte else len(zeile.text)
    label = unbroken(re.sub(r"^[=:\s]+|[=:\s]+$", "", zeile.text[:first]).strip())
    rest = re.sub(r"\([^()]*\)", " ", _without(zeile.text, werte))
    strich = not werte and bool(_DASH.search(text)) and not text.startswith(("-", "–", "—")) and len(text) < 120
    gleich = bool(werte) and bool(_RESULT_CELL.search(zeile.text[:first]))
    reihe = Reihe(zeile, werte, strich, label, bool(_LINE_MINUS.match(text)), len(_WORDS.findall(rest)), gleich)
    years = {z.start for z in zeile.zahlen if not z.einheit and _YEAR.fullmatch(z.text)}
    used_here = used | years | {z.start for z in heads}
    if zeile.zellen or zeile.lagen:
        reihe.eintraege = _cells(zeile, used_here, marker.end() if marker else 0)
    else:
        reihe.eintraege = _flat(zeile, plain, werte, strich)
    return reihe


def _without(text: str, figs: list[Zahl]) -> str:
    """The text with the given figures cut out."""
    parts, position = [], 0
    for z in figs:
        parts.append(text[position : z.start])
        position = max(position, z.ende)
    return " ".join(parts + [text[position:]])


def _cells(zeile: Zeile, used: set[int], skip: int) -> list[Eintrag]:
    """The places of a row typed in cells (Word, HTML, tabs) or in columns aligned by spaces. A figure the wrapped
    lines of a cell brought along („höchstens 705.123 €“ under „Land“) is text of that cell, no place."""
    entries, start = [], 0
    for index, cell in enumerate(zeile.text.split("\t")):
        end = start + len(cell)
        typed = [z for z in zeile.zahlen if start <= z.start < end and z.start >= skip]
        inner = [z for z in typed if z.start not in used]
        joined = dict(zeile.angehaengt).get(index)
        if joined is not None:  # what a wrapped line brought along belongs to the label
            inner = [z for z in inner if z.start - start < joined]
        entry = _cell(zeile, cell, inner, index, start) if inner or not typed else None
        if entry is not None:
            entries.append(entry)
        start = end + 1
    return entries


def last_column(zeile: Zeile) -> tuple | None:
    """Where the last cell of a line with cells stands (its key as a place would have it): the head of a table
    names its last column there; None for a line without cells."""
    if not (zeile.zellen or zeile.lagen):
        return None
    cells = zeile.text.split("\t")
    filled = [i for i, cell in enumerate(cells) if cell.strip()]
    if not filled:
        return None
    index = filled[-1]
    start = sum(len(cell) + 1 for cell in cells[:index])
    return _key(zeile, index, start, None, len(cells[index]) - len(cells[index].lstrip()))


def _cell(zeile: Zeile, cell: str, inner: list[Zahl], index: int, start: int) -> Eintrag | None:
    text = cell.strip()
    if not text:
        return None
    outside = [z for z in inner if z.tiefe == 0]
    words = _LETTERS.findall(re.sub(r"\([^()]*\)", " ", _without(cell, [_shift(z, start) for z in outside])))
    # "Kostenstelle 610390", "A 11": a name, no value – but "86.400 kWh", "1.812 Schüler": a figure and its measure
    measured = len(outside) == 1 and _MEASURE.fullmatch(_without(cell, [_shift(outside[0], start)]).strip())
    outside = [z for z in outside if z.einheit or not words or measured]
    if not outside:  # "EG 6 (55.900 €)": the amount in brackets is the cell's value
        bracketed = [z for z in inner if z.tiefe == 1 and z.einheit == "€"]
        outside = bracketed if len(bracketed) == 1 else []
    key = _key(zeile, index, start, outside[-1] if outside else None, len(cell) - len(cell.lstrip()))
    if not outside:
        if _DASH_CELL.match(text):
            return Eintrag(NULL, (), key, text)
        if _UNKNOWN.search(text) and len(words) <= 3:
            return Eintrag(UNKLAR, (), key, text)
        return None
    after = cell[outside[-1].ende - start :]
    art = UNKLAR if re.match(r"^\s*\+\s*(?:X|x|\?|…|\.\.\.)(?!\w)", after) else WERT
    return Eintrag(art, tuple(outside), key, text)


def _shift(zahl: Zahl, start: int) -> Zahl:
    return replace(zahl, start=zahl.start - start, ende=zahl.ende - start)


def _key(zeile: Zeile, index: int, start: int, last: Zahl | None, indent: int) -> tuple:
    """Where a place stands: its cell, or for columns aligned by spaces the end of its figure and the start of its
    cell in the line as typed (numbers are set flush right, text flush left) – for a dash or word its own end. In a
    PDF laid out, both where they stand on the page (the line's text drifts from the page where a cell's text is
    wider or narrower than the grid)."""
    if not zeile.lagen or index >= len(zeile.lagen):
        return ("zelle", index)
    end = (last.ende - start) if last is not None else len(zeile.text.split("\t")[index].rstrip())
    edge, left = zeile.lagen[index] + end, zeile.lagen[index] + indent
    if not zeile.laeufe:
        return ("lage", edge, left)
    runs = [
        run
        for run in zeile.laeufe
        if left <= run[0] < (zeile.lagen[index + 1] if index + 1 < len(zeile.lagen) else 10**9)
    ]
    first = runs[0][2] if runs else left
    closing = next((run for run in runs if run[0] < edge <= run[1]), None)
    if closing is None:
        return ("lage", edge, first)
    begin, close, page_start, page_end = closing
    placed = page_end if close == edge else page_start + (edge - begin)
    return ("lage", placed, first)


def _flat(zeile: Zeile, plain: list[Zahl], werte: list[Zahl], strich: bool) -> list[Eintrag]:
    """The places of a row a PDF flattened to single spaces: its last run of values and dashes, figures without
    a unit included („Gesamt 1.468.000 € 856.000 286.000“), with an amount in brackets right before it."""
    tokens: list[tuple[int, int, Eintrag]] = [
        (z.start, z.ende, Eintrag(WERT, (z,), None, z.text)) for z in plain if z.tiefe == 0
    ]
    dashes = [(m.start(), m.end(), Eintrag(NULL, (), None, m[0])) for m in _DASH_TOKEN.finditer(zeile.text)]
    if not werte:  # "Eitorf --", "Troisdorf -- (erhält eine eigene VZÄ)": a dash at the end stands for nothing
        ends = [t for t in dashes if re.fullmatch(r"\s*(?:\(.*\))?\s*", zeile.text[t[1] :])]
        return [t[2] for t in ends] if strich else []
    tokens = sorted(tokens + dashes, key=lambda t: t[0])
    run: list[tuple[int, int, Eintrag]] = []
    for token in tokens:
        if run and not _BETWEEN_VALUES.match(zeile.text[run[-1][1] : token[0]]):
            run = []
        run.append(token)
    while run and not run[0][2].zahlen and run[0][0] == 0:  # a dash opening the line is its minus or a bullet
        run.pop(0)
    if len(run) < 2:
        return [Eintrag(WERT, (z,), None, z.text) for z in werte]
    before = [z for z in zeile.zahlen if z.tiefe == 1 and z.einheit == "€" and z.ende <= run[0][0]]
    if before and re.fullmatch(r"\)\s*", zeile.text[before[-1].ende : run[0][0]]):
        run.insert(0, (before[-1].start, before[-1].ende, Eintrag(WERT, (before[-1],), None, before[-1].text)))
    return [t[2] for t in run]
