"""German figures as typed in a line: `1.234,56 €`, `55.000€`, `2.450.000,- €`, `- 245.319€`, `1,2 Mio. €`, `3 T€`,
`79,35 %` – and `2.223.687.71` (the cents after a dot, as one Jahresrechnung has it), an amount glued to the
word before it (`auf36.446.708,00 €`, `GESAMT252.737.843 €`), and one in no German notation (`37,085.971 EUR`,
`471,621,00 €`), read one way and marked as such (`fremd`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, Decimal

from vorlagen.core.fmt import OHNE_HAUS, zahl

# Thousands grouped by a narrow or no-break space ("1\u202f234", lesen turns a no-break space between digits
# into U+202F) always; by a plain space ("1 234 €") only right before a euro sign, where no column can follow.
_SPACED = r"(?<!\d[ \u202f])\d{1,3}(?:\u202f\d{3})+|(?<!\d[ \u202f])\d{1,3}(?: \d{3})+(?=,\d+ ?€|,-|,–| ?(?:€|EURO?\b|Euro\b))"
# a grouped amount in euros glued to the word before it, as a PDF lost the space: „Erträge auf36.446.708,00 €“,
# „ERTRÄGE GESAMT252.737.843 €“ (a word in capitals: a single capital before digits is a grade's name, „A13“)
_GLUED = r"(?:(?<=[a-zäöüß])|(?<=[A-ZÄÖÜ]{2}))(?=\d{1,3}(?:\.\d{3})+(?:,\d\d)?\s?(?:€|EURO?\b|Euro\b))"
# Thousands grouped by commas, as English writes them, or a comma typed for a dot: „1,234,567“, „1,234.56“,
# „37,085.971“, „471,621,00“ – one comma group only with a dot or a comma after it („1,234“ is German: 1 and decimals).
_FOREIGN = r"\d{1,3}(?:(?:,\d{3}){2,}(?:,\d\d|\.\d{1,2}|(?:\.\d{3})+)?|,\d{3}(?:,\d\d|\.\d{1,2}|(?:\.\d{3})+))"
# a percent sign is the figure's own in its cell only: „2022\t%“ is a year's head and the head „%“ of the next column
_NUMBER = re.compile(
    r"(?:(?<![\w.,/])|"
    + _GLUED
    + r")(?:(?P<whole>\d{1,3}(?:\.\d{3})+|"
    + _SPACED
    + r"|\d+),(?P<dash>--?|[–—]-?)(?![\w\-–—])"
    r"|(?P<num>(?P<foreign>"
    + _FOREIGN
    + r")|\d{1,3}(?:\.\d{3})+\.\d\d|\d{1,3}(?:\.\d{3})+(?:,\d+)?|(?:"
    + _SPACED
    + r")(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?![\w°]|[.,]{1,2}\d))"  # „68.174.,41 €“: no „68.174“ of a figure typed garbled (lesen/unlesbar)
    # a scale stands in the figure's own cell: „2016 | Mio. €“ is a year in one cell and the unit of a column in the next
    r"(?P<unit>[ \u00a0\n]?(?:Mio\.?|Mill\.|Millionen|Mrd\.?|Milliarden|Tsd\.?|Tausend)\s?(?:€|EURO\b|EUR\b|Euro\b)"
    r"|[ \u00a0\n]?(?:T-?€|T-?EUR\b|T-?Euro\b|T\sEUR\b)|\s?(?:€|EURO\b|EUR\b|Euro\b)|[ \u00a0]?(?:%|Prozent\b|v\.\s?H\.)"
    r"|[ \u00a0](?:ct|Cent)\b)?"
)
_YEAR_HEAD = re.compile(r"(?:19|20)\d\d\s?(?:€|EURO?|Euro)")
# „1.521.320.098,94- EUR“: the minus after a figure with decimals, as accounting programs print it – then a space, a
# tab, „)“ or the line's end; never a range („2,5-3,0“: a figure right after the dash) nor a hyphen that stands for
# a word's end („2,5- bis 3-fach“, „1,5- und 2-Zimmer-Wohnungen“)
_TRAILING_MINUS = re.compile(
    r"-(?:[ \u00a0]?(?P<unit>€|EURO\b|EUR\b|Euro\b)|(?![ \u00a0]+(?:und|bis|oder|sowie|u\.|od\.)(?!\w)))(?=[\s)]|$)"
)
_DOT_CENTS = re.compile(r"\d{1,3}(?:\.\d{3})+\.\d\d")
_MINUS = re.compile(r"(?:^|[\s(\t=:])(?P<sign>[-−–]|\./\.|abzgl\.|abzüglich)\s*$")
_EURO_BEFORE = re.compile(r"(?:€|EURO?)[ \u00a0]?$")  # "€ 1.200"; never across a tab (another cell)
# "22.446,99 € 269": the euro sign closes the figure before it, it opens no other (a column in T€ follows)
_EURO_AFTER_FIGURE = re.compile(r"\d[ \u00a0\u202f]?(?:€|EURO?)[ \u00a0]?$")
_EXPONENT = {
    "Mio": 6,
    "Mill": 6,
    "Millionen": 6,
    "Mrd": 9,
    "Milliarden": 9,
    "Tsd": 3,
    "Tausend": 3,
    "T€": 3,
    "TEUR": 3,
    "TEuro": 3,
    "T EUR": 3,
    "ct": -2,  # „24,87 ct/kWh“: a price in cents, 0,2487 €
    "Cent": -2,
}


@dataclass(frozen=True)
class Zahl:
    """One typed figure: its signed value in the base unit (€, % or plain), and how precisely it was typed."""

    wert: Decimal
    text: str
    einheit: str  # "€", "%" or ""
    schritt: Decimal  # the precision as typed, in the base unit: 1 for "403.963 €", 1000 for "12 T€"
    skala: Decimal  # 1, 1000 (T€), 10**6 (Mio. €)
    start: int
    ende: int
    tiefe: int  # parenthesis depth
    minus: bool  # typed with a leading minus, "./." or "abzgl."
    fremd: bool = False  # typed in no German notation („37,085.971“): the value is a reading of it (read_foreign)

    @property
    def geld(self) -> bool:
        return self.einheit == "€"

    @property
    def stellen(self) -> int:
        """Decimal places as typed (in the typed unit)."""
        return max(0, self.skala.adjusted() - self.schritt.adjusted())

    def betrag(self) -> str:
        """Without its sign: the figure as it enters a calculation written out."""
        return show(abs(self.wert), self)

    def zeige(self, value: Decimal | None = None) -> str:
        """A value in this figure's own form: '39.964 €', '1,25 Mio. €', '79,35 %', '35,00'."""
        return show(self.wert if value is None else value, self)


MAX_DIGITS = 24  # digits of the largest figure read, its scale counted („3 Mrd. €“: 10): a trillion € with cents has 15
GENAU_STELLEN = 6  # places of an exact value shown; one that goes on (a third) ends in „…“


def between(text: str, a: Zahl, b: Zahl) -> str:
    """The text between two figures of a line."""
    return text[a.ende : b.start]


def words_before(text: str, zahl: Zahl) -> str:
    """The words just before a figure (a bounded look back: the work stays linear in a line's length)."""
    return look_back(text, zahl.start, 40)


def look_back(text: str, end: int, reach: int, floor: int = 0) -> str:
    """The text of a line right before `end`: at most `reach` characters, none before `floor`, begun at the start of
    a word. A cut inside a word would make its tail a word of its own – „Grund“ cut to „rund“ (a hedge), „Datum“ to
    „um“ (a change) – for every pattern that looks for a word at the end of what it is given."""
    start = max(0, floor, end - reach)
    while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        start += 1
    return text[start:end]


def _genau(value: Decimal) -> str:
    """An exact value with all its places – „2.859,986666…“ where they go on beyond GENAU_STELLEN."""
    if value.normalize().as_tuple().exponent >= -GENAU_STELLEN:  # type: ignore[operator]
        return zahl(value)
    return zahl(value.quantize(Decimal(1).scaleb(-GENAU_STELLEN), rounding=ROUND_DOWN), GENAU_STELLEN) + "…"


def show(value: Decimal, like: Zahl, genau: bool = False) -> str:
    """`value` (base unit) formatted the way `like` was typed; `genau`: with all its places (see _genau)."""
    places = like.stellen

    def text(wert: Decimal) -> str:
        return _genau(wert) if genau else zahl(wert, places)

    if like.einheit == "%":
        return text(value) + "\u00a0%"
    if like.einheit != "€":
        return text(value)
    if like.skala != 1:
        suffix = {
            Decimal("0.01"): "ct",
            Decimal(1000): "T€",
            Decimal(10) ** 6: "Mio.\u00a0€",
            Decimal(10) ** 9: "Mrd.\u00a0€",
        }[like.skala]
        return text(value / like.skala) + "\u00a0" + suffix
    if genau:
        return _genau(value) + "\u00a0€"
    if like.stellen > 2:  # a price per kWh, „0,2871 €“: as many places as typed, not rounded to the cent
        return zahl(value, places) + "\u00a0€"
    # a typed document is read on its own, without a Körperschaft: its amounts print with „€“
    return OHNE_HAUS.eur_cent(value) if like.stellen else OHNE_HAUS.eur(value)


def written_sum(parts: list[Zahl], signs: list[int], signed: bool = False) -> str:
    """'403.963 € − 245.319 €': a sum as a person writes it; the first part with its minus when its sign is −1,
    or (`signed`) when it was typed with one."""
    first = "−" + parts[0].betrag() if signs[0] < 0 else parts[0].zeige() if signed else parts[0].betrag()
    return first + "".join((" + " if sign > 0 else " − ") + p.betrag() for sign, p in zip(signs[1:], parts[1:]))


def short_sum(parts: list[Zahl], signs: list[int], noun: str = "Beträge") -> str:
    """A sum written out (written_sum) up to six parts; a longer one by its count, its first and its last part:
    'Summe der 10 Beträge 200.000 € … 68.900 €'."""
    if len(parts) <= 6:
        return written_sum(parts, signs)
    return f"Summe der {len(parts)} {noun} {parts[0].betrag()} … {parts[-1].betrag()}"


def parse_number(text: str) -> Decimal:
    """'1.234,56' → Decimal('1234.56'); a dot or space groups thousands, the comma separates decimals."""
    return Decimal(re.sub(r"[. \u202f]", "", text).replace(",", "."))


def figures(line: str) -> list[Zahl]:
    """All figures of a line, with parenthesis depth and sign (time linear in the line's length)."""
    result: list[Zahl] = []
    depth, scanned = 0, 0
    for match in _NUMBER.finditer(line):
        depth, scanned = _depth(line, scanned, match.start(), depth), match.start()
        if result and not depth and _FOOTNOTE.match(line, match.start()):
            continue  # „8,09 1)“: the mark of a footnote after the row's figures, no figure
        if _PARAGRAPH.search(line, max(0, match.start() - 8), match.start()):
            continue  # „§ 2 Gesamtbetrag der vorgesehenen Kredite“, „§ 80 Abs. 3 Satz 1“: a reference, no figure
        unit_text = (match["unit"] or "").strip()
        before, base = _tail(line, match.start())
        unit, exponent = "", 0
        if unit_text in ("%", "Prozent") or unit_text.startswith("v."):
            unit = "%"
        elif unit_text:
            unit = "€"
            exponent = next((v for k, v in _EXPONENT.items() if unit_text.replace("-", "").startswith(k)), 0)
        elif (
            _EURO_BEFORE.search(before) and not _EURO_AFTER_FIGURE.search(before) or match["dash"]
        ):  # "2.450.000,- €": the dash says whole euros
            unit = "€"
        number = match["num"] or match["whole"]
        if sum(char.isdigit() for char in number) + exponent > MAX_DIGITS:
            continue  # „1.234.234.…“ over thousands of groups, „… Mrd. €“ beyond: no amount (nachrechnen.PRECISION)
        if match["foreign"]:
            number = read_foreign(number, exponent)
        elif _DOT_CENTS.fullmatch(number):  # "2.223.687.71": thousands grouped, the cents after a dot
            number = number[:-3] + "," + number[-2:]
        places = len(number.split(",")[1]) if "," in number else 0
        sign = _MINUS.search(before)
        if sign and _no_sign(sign, before):
            sign = None
        trailing = _TRAILING_MINUS.match(line, match.end()) if places and not unit and not sign else None
        if trailing and trailing["unit"]:
            unit = "€"
        scale = Decimal(1).scaleb(exponent)
        value = parse_number(number) * scale
        start = base + sign.start("sign") if sign else match.start()
        end = trailing.end() if trailing else match.end()
        result.append(
            Zahl(
                -value if sign or trailing else value,
                line[start:end].strip(),
                unit,
                Decimal(1).scaleb(exponent - places),
                scale,
                start,
                end,
                depth,
                bool(sign or trailing),
                bool(match["foreign"]),
            )
        )
    return _opened_before(line, result)


def read_foreign(number: str, exponent: int = 0) -> str:
    """A figure in no German notation (_FOREIGN) as German: with a scale („5,834.400 Mio. EUR“) the comma marks the
    decimals and the dots group them (5,8344 Mio.); otherwise one or two digits at the end after a dot or comma are
    the decimals and every other mark groups thousands: „471,621,00“ 471.621,00, „1,234.56“ 1.234,56, „37,085.971“
    37.085.971. A reading, never sure: a calculation with it is „nicht eindeutig“ (nachrechnen/urteil/fremdschreibweise.py)."""
    if exponent and re.fullmatch(r"\d{1,3},\d{3}(?:\.\d{3})+", number):
        return number.replace(".", "")
    decimals = re.search(r"[.,](\d{1,2})$", number)
    if decimals:
        return number[: decimals.start()].replace(",", ".") + "," + decimals.group(1)
    return number.replace(",", ".")


_FOOTNOTE = re.compile(r"[1-9]\)\s*(?:\t|$)")
_PARAGRAPH = re.compile(r"(?:§§?|\b(?:Abs\.|Absatz|Satz|Nr\.|Ziff\.|Ziffer|Art\.|Artikel))[ \u00a0]?$")
_LIST_MARK = re.compile(r"\s*[\w.]{1,4}\)")  # „1)“, „a)“, „2.1)“ at a cell's start: a list mark, no parenthesis


def _opened_before(line: str, found: list[Zahl]) -> list[Zahl]:
    """A cell that closes a parenthesis it never opened goes on with one opened in the line before („212.289,25 €
    S1 für 762 Tage)“, a wrapped Erläuterung): each figure before such a „)“ stands one level deeper."""
    if ")" not in line:
        return found
    closes: list[int] = []  # where each unopened „)“ stands
    cell_start, depth = 0, 0
    for index, char in enumerate(line):
        if char == "\t":
            cell_start, depth = index + 1, 0
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth:
                depth -= 1
            elif not _LIST_MARK.fullmatch(line, cell_start, index + 1) and not _marks_footnote(line, index):
                closes.append(index)
    if not closes:
        return found
    cells = [m.start() for m in re.finditer("\t", line)]
    result = []
    for figure in found:
        cell_end = next((t for t in cells if t >= figure.ende), len(line))
        deeper = sum(1 for c in closes if figure.ende <= c < cell_end)
        result.append(replace(figure, tiefe=figure.tiefe + deeper) if deeper else figure)
    return result


def _marks_footnote(line: str, index: int) -> bool:
    """The „)“ of a footnote mark after the figures of a row („8,09 1)“)."""
    return index >= 2 and line[index - 2] in " \u00a0" and bool(_FOOTNOTE.match(line, index - 1))


_LOOK_BACK = 24  # characters before a figure that may hold its sign or a "€"


def _tail(line: str, end: int) -> tuple[str, int]:
    """The text just before `end` and where it starts in the line; a cut is marked by NUL, so that `^` in a
    pattern never takes the cut for the start of the line."""
    start = max(0, end - _LOOK_BACK)
    return ("\x00" + line[start:end], start - 1) if start else (line[:end], 0)


def _depth(line: str, start: int, end: int, depth: int) -> int:
    """The parenthesis depth at `end`, from the depth at `start`; a tab (the next cell) closes what is open."""
    part = line[start:end]
    if "(" in part or ")" in part or "\t" in part and depth:
        for char in part:
            if char == "\t":  # a parenthesis ends in its cell
                depth = 0
            elif char == ")":
                depth = max(0, depth - 1)
            elif char == "(":
                depth += 1
    return depth


def _no_sign(sign: re.Match, before: str) -> bool:
    """The dash before a figure is no minus: a dash alone in its cell („–“, an empty cell, not the sign of the next
    cell's figure), a range („2021 – 2022“) or punctuation after a word („Die Kosten – 5.000 € – steigen“). A
    hyphen after words in its cell with the figure set apart by spaces („im Saldo … auf -    1.747.754,00 €“, a
    column gap) is the figure's minus; U+2212 always is."""
    dash, ahead, after = sign["sign"], before[: sign.start("sign")], before[sign.end("sign") :]
    if dash not in "-−–":
        return False
    if _range_dash(ahead, after):
        return True
    if dash == "−":
        return False
    cell_before = ahead.rsplit("\t", 1)[-1].strip(" \x00")
    if "\t" in after:
        return not cell_before or dash != "-"
    return _word_dash(ahead, after)


def _range_dash(before: str, after: str) -> bool:
    """'82.533€-150.669€', '2021 – 2022': a dash right after a figure is a range, not a minus. A tab separates
    cells; '300 € -1.070.000 €' (space before the dash, none after) is a row's next cell with its minus."""
    if not re.search(r"(?:\d|€|%)[ \u00a0]*$", before):
        return False
    return not (before.endswith((" ", "\u00a0")) and not after)


def _word_dash(before: str, after: str) -> bool:
    """'Die Kosten – 5.000 € – steigen': a dash standing free after a word is punctuation, not a minus
    ('Kosten −5.000 €', with the dash at the figure, is one)."""
    return bool(after) and re.search(r"[A-Za-zÄÖÜäöüß][ \u00a0]+$", before) is not None


def year_heads(zahlen: list[Zahl]) -> list[Zahl]:
    """„2016 EUR | 2017 EUR | Summe EUR“: years with a unit that head the columns of a table, no amounts – when
    they are a line's only amounts, two or more."""
    heads = [z for z in zahlen if _YEAR_HEAD.fullmatch(z.text)]
    return heads if len(heads) >= 2 and len(heads) == len([z for z in zahlen if z.einheit]) else []
