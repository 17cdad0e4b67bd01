"""The total rows of a typed table and the run of rows above each, found by layout, whatever the figures say:
a row „Summe“, „Gesamt“, „… insgesamt“, „Zwischensumme“, a row whose figure opens with „=“, a bold figure alone.

The rows of a total are those since the last boundary (a blank gap, a sentence, another total, a row of another
kind); label lines a PDF wrapped are stepped over."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from vorlagen.core import limits
from vorlagen.nachrechnen.aufbau.reihe import WERT, Reihe
from vorlagen.nachrechnen.aufbau.tabelle import align
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.woerter import OUTLINE, PART_ROW, PARTS_WORD, SUBTOTAL, TOTAL_WORD, names_its_rows

MAX_LISTE = limits.NR_LISTE  # rows of one total; a longer list's total stays „nicht geprüft“ (time stays linear)
# „(neu) zur Verfügung stehende Haushaltsmittel“ under Ansatz, bereits bereitgestellt, beantragt: their total
_AVAILABLE = re.compile(r"\bzur Verfügung stehende\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß]*")
_ITEM_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s")  # „3. Rückstellungen“: an item of a numbered list
# a row whose label ends in „darunter:“ over rows that open with a dash: those are parts of that row, not of the total
# („Kernhaushalt (BB 21) darunter: | 53.659“ over „- Beschäftigte GfA | 3.180“)
_ANNOUNCES_PARTS = re.compile(rf"\b(?:{PARTS_WORD})\s*:?\s*$", re.IGNORECASE)
_DASHED = re.compile(r"^\s*[-–−•]\s")
_GROUP_CODE = re.compile(r"\s*([1-9]\d{2})\s+[A-Za-zÄÖÜäöüß]{3}")  # „310 Baugrube“: a part of group 300
_ASSETS = re.compile(r"Anlagevermögen|Umlaufvermögen|Aktiv", re.IGNORECASE)
_LIABILITIES = re.compile(r"Eigenkapital|Sonderposten|Rückstellung|Verbindlichkeit|Passiv", re.IGNORECASE)
_BALANCE = re.compile(r"\W*Bilanzsumme\b", re.IGNORECASE)
SHARE_OF_TOTAL = re.compile(r"halbe\w*|Hälfte|Drittel|Viertel|doppelte\w*|anteilig\w*", re.IGNORECASE)
_MONTHLY = re.compile(r"monatlich|je\s+Monat|pro\s+Monat|im\s+Monat", re.IGNORECASE)
_YEARLY = re.compile(r"jährlich|je\s+Jahr|pro\s+Jahr|im\s+Jahr|p\.\s?a\.", re.IGNORECASE)
_SPLITS = re.compile(r"\b(?:davon|hiervon)\b.*\b(?:entfallen|entfällt)\b.*\bauf\b", re.IGNORECASE)
_MINUS_CELLS = ("-", "−", "–", "./.")
_GAP_LOOK = 4  # blank lines looked over for a total above a gap
_LABEL_LINES = 3  # label lines a PDF may wrap between two rows
_GOES_ON = re.compile(r"^\W*(?:gemäß|gem\.|nach|laut|lt\.|und|sowie|mit|aus|zur|zum|vom|des)\s")

_FOR_INFORMATION = re.compile(r"^\W*nachrichtlich\b", re.IGNORECASE)


@dataclass
class Lauf:
    """The rows above a total, from the top down, and what bounds them."""

    rows: list[tuple[Reihe, list]] = field(default_factory=list)  # a row and its places lined up with the total's
    cut: int = 0  # rows above a heading line inside the run (rows[:cut]): whether they belong is open
    heading: Reihe | None = None
    above: int | None = None  # the index of the total row that ends the run above
    offen: str = ""  # why rows above the run may belong to it as well (it ended at a row it cannot read)
    # a row „davon“ inside the run, with where the rows under it begin (in rows): how many of them are parts of the
    # row above it, and so no parts of the total, is open
    davon: list[tuple[Reihe, int]] = field(default_factory=list)


def total_kind(reihe: Reihe) -> str:
    """„gleich“, „zwischen“, „summe“, „fett“ (a bold figure alone), „still“ (a figure alone) – or "" for none."""
    if not any(e.art == WERT for e in reihe.eintraege) or sentence(reihe) or reihe.kategorie:
        return ""
    if reihe.gleich:
        return "gleich"
    words = _WORD.findall(bare_words(reihe))  # the label may stand after the figures: „239.800 €  Zwischensumme Nord“
    named = bool(any(TOTAL_WORD.fullmatch(w) for w in words) or _AVAILABLE.search(" ".join(words)))
    named = named or bool(_BALANCE.match(reihe.label))  # „Bilanzsumme“ opening the row: the total of the Bilanz
    named = named and not any(SHARE_OF_TOTAL.fullmatch(w) for w in words)  # „Halbe Summe“: a share, no total
    if words and len(words) <= 6 and named and not PART_ROW.match(reihe.label):
        return "zwischen" if any(SUBTOTAL.match(w) for w in words) else "summe"
    if not words:
        if reihe.zeile.fett:
            return "fett"
        if all(e.art != WERT or all(z.einheit == "€" or z.stellen > 0 for z in e.zahlen) for e in reihe.eintraege):
            return "still"
    return ""


def mark_categories(reihen: list[Reihe]) -> None:
    """„3,5 x 115.418 € | 403.963 € | Gesamtkosten“ on every cost row of an Eigenanteil: rows next to each other
    whose words for a total stand alike (the same cell, the same words) name their kind in a column – none is a
    total."""
    previous: tuple[Reihe, str] | None = None
    for reihe in reihen:
        if not reihe.zeile.text.strip():
            previous = None
            continue
        if not any(e.art == WERT for e in reihe.eintraege):
            continue  # a label a PDF wrapped parts no rows
        cell = _total_cell(reihe)
        if previous and cell and previous[1] == cell:
            previous[0].kategorie = reihe.kategorie = True
        previous = (reihe, cell)


def _total_cell(reihe: Reihe) -> str:
    """The cell that holds a word for a total – for a row a PDF flattened, the piece between its figures, counted
    from the end – with where it stands; "" for none."""
    text = reihe.zeile.text
    if "\t" in text:
        pieces = text.split("\t")
    else:
        pieces, position = [], 0
        for zahl in reihe.zeile.zahlen:
            pieces.append(text[position : zahl.start])
            position = max(position, zahl.ende)
        pieces = [*pieces, text[position:]][::-1]
    for number, piece in enumerate(pieces):
        if any(TOTAL_WORD.fullmatch(w) for w in _WORD.findall(_without_brackets(piece))):
            return f"{number}:{piece.strip()}"
    return ""


def _without_brackets(text: str) -> str:
    while True:
        shorter = re.sub(r"\([^()]*\)", " ", text)
        if shorter == text:
            return text
        text = shorter


def bare_words(reihe: Reihe) -> str:
    """The row's text without its figures and what stands in brackets."""
    text, position, parts = reihe.zeile.text, 0, []
    for zahl in reihe.zeile.zahlen:
        parts.append(text[position : zahl.start])
        position = max(position, zahl.ende)
    return _without_brackets(" ".join(parts + [text[position:]]))


def sentence(reihe: Reihe) -> bool:
    """A line of running text with figures in it, no table row: many words, and no figure opens the line or, with
    no full stop, ends it („62.000,00 € Fahrradbügel aus … einschließlich“ is a row whose label a PDF wrapped)."""
    text = reihe.zeile.text.strip()
    if reihe.woerter <= 10 or "\t" in text:
        return False
    figures = [z for e in reihe.eintraege for z in e.zahlen]
    if not figures:
        return True
    opens = not reihe.zeile.text[: figures[0].start].strip(" =-−–")
    closes = not reihe.zeile.text[figures[-1].ende :].strip() and not text.endswith(".")
    return not (opens or closes)


def _words_after(reihe: Reihe) -> bool:
    """A label a PDF wrapped, not a row of figures: words follow its last figure („80 % der“), or it has no
    figure with a unit („Zuwendung; Anteil 1/3“)."""
    figures = reihe.zeile.zahlen
    if not figures or reihe.zeile.zellen:
        return False
    return bool(_WORD.search(reihe.zeile.text[figures[-1].ende :])) or not any(z.einheit for z in figures)


def in_prose(reihen: list[Reihe], index: int) -> bool:
    """„… je Stadtteil 2.500 EUR, mithin / insgesamt 7.500 EUR.“: a sentence a PDF wrapped is no total row."""
    text = reihen[index].zeile.text.strip()
    if text.endswith((".", ",", ";")):
        return True
    above = reihen[index - 1].zeile.text.strip() if index else ""
    return bool(re.match(r"[a-zäöüß]", text)) and bool(re.search(r"(?:[a-zäöüß]|,)$", above)) and "\t" not in above


def last_of_run(reihen: list[Reihe], index: int) -> bool:
    """A figure alone is read as a total only at the end of its list (else every row of a long list would be)."""
    below = reihen[index + 1] if index + 1 < len(reihen) else None
    return below is None or not below.eintraege or total_kind(below) not in ("", "still")


def _total_over_gap(reihen: list[Reihe], index: int) -> int | None:
    """„Gesamtergebnis auf | -297.200 Euro“, blank lines, the rows, blank lines, „veranschlagtes Gesamtergebnis“: the
    total right over the gap that ends a run (blank lines passed over, at most _GAP_LOOK), which a total may carry on."""
    for line in range(index - 1, max(-1, index - 1 - _GAP_LOOK), -1):
        if reihen[line].zeile.text.strip():
            return line if total_kind(reihen[line]) in ("gleich", "zwischen", "summe") else None
    return None


def walk(reihen: list[Reihe], index: int, total: Reihe) -> Lauf | None:
    """The rows above line `index` that line up with the places of `total`."""
    lauf = Lauf()
    rows: list[tuple[Reihe, list]] = []  # bottom up
    blanks = labels = 0
    headings: list[tuple[int, Reihe]] = []  # (rows below it, the line)
    davon: list[tuple[Reihe, int]] = []  # (a row „davon“, rows below it)
    dashed = 0  # rows opening with a dash right below the row looked at: parts of it where it announces them
    outline = OUTLINE.match(reihen[index].zeile.text)
    operator = _operator(total)
    for seen in range(1, 2 * MAX_LISTE + 2):
        if index - seen < 0:
            break
        reihe = reihen[index - seen]
        if not reihe.zeile.text.strip():
            blanks += 1
            if blanks > 2 or labels and not rows:
                lauf.above = _total_over_gap(reihen, index - seen) if rows else None
                break  # a heading over the total, a gap above it: the rows above open another section
            continue
        blanks = 0
        if _SPLITS.search(reihe.zeile.text) or outline and _other_branch(outline[1], reihe):
            break  # „davon entfallen auf …“ splits the amount above it; „1.2“ over „1.2.1“ is its parent
        if names_its_rows(reihe.zeile.text):
            break  # „2.7 … (Saldo aus 2.3 und 2.6)“ is a result of the rows it names, no part of a list below it
        if PART_ROW.match(reihe.label):
            if rows:  # „davon“ alone, or „davon: Chemnitz | 6.183.886“: the rows under it may be parts of the row above
                davon.append((reihe, len(rows)))
            elif _FOR_INFORMATION.match(reihe.label):
                break  # „Nachrichtlich: Stellenplan 2023“ right over the row: given for information, no total of these
            continue
        if total_kind(reihe) in ("gleich", "zwischen", "summe"):
            lauf.above = index - seen
            break
        places = None if _rows_run_together(reihe) else align(total, reihe)
        if places is None and _words_after(reihe):  # „Zuwendung; Anteilsfinanzierung: 20 % der“: a label line
            places = []
        if places is None and reihe.eintraege and not sentence(reihe) and rows:
            # a row with values in other columns: whether the rows above it belong to the total is open
            lauf.offen = (
                f"{reihe.zeile.ort} passt nicht in die Spalten der Summe; ob die Zeilen darüber mitzählen, ist offen"
            )
        if places is None or places and sentence(reihe):
            break
        if not places and _table_head(reihe):
            break  # „Berechnung | Gesamtkosten | … | davon 2022“: the head of the table, above its first row
        if not places:
            labels += 1
            if labels > _LABEL_LINES or reihe.woerter > 10 or reihe.zeile.text.rstrip().endswith((".", ":")):
                break
            # a line of its own above a labelled row: a heading – unless that row's label goes on from it („der
            # Verrechnung eines Fehlbetrages … mit dem Basiskapital“ over „gemäß § 72 … | 194,08 €“)
            if rows and rows[-1][0].label and not _GOES_ON.match(rows[-1][0].label):
                headings.append((len(rows), reihe))
            continue
        labels = 0
        if _MONTHLY.search(reihe.label) and _YEARLY.search(total.label):
            continue  # „Miete monatlich | 1.250 €“ over „Miete jährlich | 15.000 €“ under a yearly total: no part of it
        if operator is not None and _cell(reihe, operator) in _MINUS_CELLS:  # „1.4 Abgänge | - | 69,50“
            reihe = replace(reihe, minus=True)
        if _DASHED.match(reihe.label) or _indented(reihe) or _part_of_a_group(reihe):
            dashed += 1
        else:
            parts = dashed and (_ANNOUNCES_PARTS.search(reihe.label) or _made_of(reihe, rows[-dashed:]))
            if parts and not any(below == len(rows) for below, _ in headings):
                del rows[-dashed:]
            dashed = 0
        rows.append((reihe, places))
        if len(rows) > MAX_LISTE:
            return None  # too long a list to be sure which rows belong: the total stays „nicht geprüft“
    rows.reverse()
    lauf.rows = rows
    lauf.davon = [(reihe, len(rows) - below) for reihe, below in davon if below <= len(rows)]
    inside = [(below, line) for below, line in headings if below < len(rows)]  # with rows of the run above it
    if inside:
        below, lauf.heading = inside[-1]
        lauf.cut = len(rows) - below
    return lauf


def _indented(reihe: Reihe) -> bool:
    """A row typed indented under the rows around it („  Rohbau | 500.000 €“ under „Baukosten“)."""
    return reihe.zeile.text[:2] in ("  ", " \t") or reihe.zeile.text[:1] == "\t" and bool(reihe.label.strip())


def both_sides(total: Reihe, lauf: Lauf) -> bool:
    """A row „Bilanzsumme“ under rows of both sides of a Bilanz („Anlagevermögen“ and „Eigenkapital“: a table of
    Kennzahlen): no total of them – each side adds up to it on its own."""
    if not _BALANCE.match(total.label):
        return False
    labels = " ".join(row.label for row, _ in lauf.rows)
    return bool(_ASSETS.search(labels) and _LIABILITIES.search(labels))


def _part_of_a_group(reihe: Reihe) -> bool:
    """A row numbered as a part of a group („310 Baugrube“ under „300 Bauwerk“, DIN 276): its breakdown, where the
    group's row stands above and the parts add up to it."""
    code = _GROUP_CODE.match(reihe.label)
    return code is not None and int(code.group(1)) % 100 != 0


def _made_of(reihe: Reihe, below: list[tuple[Reihe, list]]) -> bool:
    """The rows below a row, dashed or indented, add up to its one amount exactly: its breakdown („Baukosten 820.000 €“,
    „– Rohbau 500.000 €“, „– Ausbau 320.000 €“), no parts of the total."""
    own = [z for e in reihe.eintraege if e.art == WERT for z in e.zahlen]
    amounts = [[z for e in row.eintraege if e.art == WERT for z in e.zahlen] for row, _ in below]
    if len(own) != 1 or len(below) < 2 or any(len(a) != 1 or a[0].einheit != own[0].einheit for a in amounts):
        return False
    return sum((a[0].wert for a in amounts), own[0].wert * 0) == own[0].wert


def _rows_run_together(reihe: Reihe) -> bool:
    """„Öffentlich-rechtliche Leistungsentgelte 35.512.987 34.069.468 -1.443.519 -4,06 Privatrechtliche
    Leistungsentgelte 1.956.550 …“: a PDF ran rows together on one line – amounts stand in the words before the
    row's values, and which of them are the total's columns is open."""
    if not reihe.eintraege or "\t" in reihe.zeile.text:
        return False
    first = min(z.start for e in reihe.eintraege for z in e.zahlen) if any(e.zahlen for e in reihe.eintraege) else 0
    before = [z for z in reihe.zeile.zahlen if z.ende <= first and z.tiefe == 0 and ("." in z.text or "," in z.text)]
    # the next row's label between them and the row's values („… -4,06 Privatrechtliche Leistungsentgelte 1.956.550“),
    # not the factors of a calculation in the row („1,5 x 52.000 € 78.000 €“)
    return len(before) >= 2 and len(_WORD.findall(reihe.zeile.text[before[-1].ende : first])) >= 1


def _table_head(reihe: Reihe) -> bool:
    """A line of words in two or more cells (as typed, or set apart in columns) and no value: a table's head – not
    a line a PDF set close under a row (the cells of that row wrapped)."""
    if not (reihe.zeile.zellen or reihe.zeile.lagen) or reihe.eintraege or reihe.zeile.eng:
        return False
    cells = [cell for cell in reihe.zeile.text.split("\t") if _WORD.search(cell)]
    return len(cells) >= 2


def _operator(total: Reihe) -> int | None:
    """„1.5 Bereinigte Soll-Einnahmen | = | 2.223.687,71“: the cell of a lone „=“ before the figures – the column
    that says with „+“ and „-“ how each row above enters the total."""
    cells = total.zeile.text.split("\t")
    first = next((i for i, cell in enumerate(cells) if re.search(r"\d", cell) and i), len(cells))
    return next((i for i, cell in enumerate(cells[:first]) if cell.strip() == "="), None)


def _cell(reihe: Reihe, index: int) -> str:
    cells = reihe.zeile.text.split("\t")
    return cells[index].strip() if index < len(cells) else ""


def _other_branch(number: str, reihe: Reihe) -> bool:
    """A row numbered as the parent of the total („1.2“ over „1.2.1“) or in another branch („1.1.4“)."""
    own = OUTLINE.match(reihe.zeile.text)
    if not own:
        return False
    parent = number.rsplit(".", 1)[0]
    return number.startswith(own[1] + ".") or own[1].rsplit(".", 1)[0] != parent


def item_number(reihe: Reihe) -> int:
    """The number a row opens with as an item of a list („3. Rückstellungen“: 3), 0 for none."""
    number = _ITEM_NUMBER.match(reihe.zeile.text)
    return 0 if number is None else int(number[1])


def row_numbers(parts: list[Zahl], result: Zahl) -> bool:
    """The column counts the rows: plain whole numbers one after another („1“, „2“, „3“, „4“ or „01“, „02“), and the
    total row's own number next („5“) – a column „Nr.“ or „Zeile“, never a sum."""
    if len(parts) < 2 or any(z.einheit or z.wert != z.wert.to_integral_value() for z in [*parts, result]):
        return False
    values = [int(z.wert) for z in parts]
    return values == list(range(values[0], values[0] + len(values))) and int(result.wert) == values[-1] + 1
