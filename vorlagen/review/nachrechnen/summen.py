"""Totals of the rows above them, found by layout, whatever the figures say: a row „Summe“, „Gesamt“,
„… insgesamt“, „Zwischensumme“, a row whose figure opens with „=“, a bold figure alone – each column for itself.

The rows of a total are those since the last boundary (a blank gap, a sentence, another total, a row of another
kind); label lines a PDF wrapped are stepped over. Each total is read several ways – the rows since the last
total (under Zwischensummen: all rows of the table), the Zwischensummen with the rows after them, the total above
less the rows between, the longest run of rows that adds up – and judged by urteil: a reading that holds wins;
else the likeliest speaks, a slip where the layout leaves no doubt, „nicht eindeutig“ (with why) where it does."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vorlagen.core import limits
from vorlagen.review.nachrechnen.rechnung import Fund, Rechnung
from vorlagen.review.nachrechnen.reihe import NULL, UNKLAR, WERT, Eintrag, Reihe
from vorlagen.review.nachrechnen.tabelle import Offen, align
from vorlagen.review.nachrechnen.zahlen import Zahl, written_sum

MAX_LISTE = limits.NR_LISTE  # rows of one total; a longer list's total stays „nicht geprüft“ (time stays linear)
_TOTAL_WORD = re.compile(
    r"(?:Zwischen|Gesamt|End)?[Ss]ummen?|[Ii]nsgesamt|[Gg]esamt|[Zz]usammen|Total|Gesamt(?:kosten|betrag|aufwand|"
    r"aufwendungen|ausgaben|einnahmen|erträge|ertrag|finanzierung|volumen|förderung|zuschuss|zuschüsse|bedarf|"
    r"mittel|investitionen|investition|ergebnis|defizit)"
)
_SUBTOTAL = re.compile(r"\bZwischensumme", re.IGNORECASE)
_REMAINDER = re.compile(
    r"Eigenanteil|Eigenmittel|Rest|Saldo|Differenz|Fehlbetrag|Überschuss|Mehrbedarf|Minderbedarf|verbleib|noch zu",
    re.IGNORECASE,
)
_ALTERNATIVE = re.compile(r"\b(?:Alternative|Variante)\b", re.IGNORECASE)
_DAVON = re.compile(r"^(?:davon|darunter|nachrichtlich|hiervon)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß]*")
_SPLITS = re.compile(r"\b(?:davon|hiervon)\b.*\b(?:entfallen|entfällt)\b.*\bauf\b", re.IGNORECASE)
_BRACKETED_CELL = re.compile(r"\(\s*[^()]*\d[^()]*\)")
_OUTLINE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+)\.?(?=\s)")
_LABEL_LINES = 3  # label lines a PDF may wrap between two rows
_MAX_SUBTOTALS = 50  # Zwischensummen one total is read over


@dataclass
class _Lauf:
    """The rows above a total, from the top down, and what bounds them."""

    rows: list[tuple[Reihe, list]] = field(default_factory=list)  # a row and its places lined up with the total's
    cut: int = 0  # rows above a heading line inside the run (rows[:cut]): whether they belong is open
    heading: Reihe | None = None
    above: int | None = None  # the index of the total row that ends the run above


def total_kind(reihe: Reihe) -> str:
    """„gleich“, „zwischen“, „summe“, „fett“ (a bold figure alone), „still“ (a figure alone) – or "" for none."""
    if not any(e.art == WERT for e in reihe.eintraege) or sentence(reihe):
        return ""
    if reihe.gleich:
        return "gleich"
    words = _WORD.findall(_words(reihe))  # the label may stand after the figures: „239.800 €  Zwischensumme Nord“
    if words and len(words) <= 6 and any(_TOTAL_WORD.fullmatch(w) for w in words) and not _DAVON.match(reihe.label):
        return "zwischen" if any(_SUBTOTAL.match(w) for w in words) else "summe"
    if not words:
        if reihe.zeile.fett:
            return "fett"
        if all(e.art != WERT or all(z.einheit == "€" or z.stellen > 0 for z in e.zahlen) for e in reihe.eintraege):
            return "still"
    return ""


def _words(reihe: Reihe) -> str:
    """The row's text without its figures and what stands in brackets."""
    text, position, parts = reihe.zeile.text, 0, []
    for zahl in reihe.zeile.zahlen:
        parts.append(text[position : zahl.start])
        position = max(position, zahl.ende)
    return re.sub(r"\([^()]*\)", " ", " ".join(parts + [text[position:]]))


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


def recognise(reihen: list[Reihe], found: list[Rechnung], rates: frozenset[tuple] | set[tuple] = frozenset()) -> None:
    """Adds every reading of every total to `found`; in the lines `rates` ((page, line)) a percentage is a rate of
    change, never the sum of the percentages above it."""
    for index, reihe in enumerate(reihen):
        kind = total_kind(reihe)
        if not kind or kind == "still" and not _last_of_run(reihen, index) or _in_prose(reihen, index):
            continue
        lauf = _walk(reihen, index, reihe)
        if lauf is None:
            continue
        rate = (reihe.zeile.seite or 0, reihe.zeile.nr) in rates
        for column, place in enumerate(reihe.eintraege):
            if (
                place.art != WERT
                or len(place.zahlen) != 1
                or place.zahlen[0].einheit == "%"
                and (rate or _signed(place))
            ):
                continue
            _readings(_Summe(reihen, index, kind, column, place.zahlen[0], found), lauf)


def _in_prose(reihen: list[Reihe], index: int) -> bool:
    """„… je Stadtteil 2.500 EUR, mithin / insgesamt 7.500 EUR.“: a sentence a PDF wrapped is no total row."""
    text = reihen[index].zeile.text.strip()
    if text.endswith((".", ",", ";")):
        return True
    above = reihen[index - 1].zeile.text.strip() if index else ""
    return bool(re.match(r"[a-zäöüß]", text)) and bool(re.search(r"(?:[a-zäöüß]|,)$", above)) and "\t" not in above


def _signed(place: Eintrag) -> bool:
    """„+1,28 %“: a rate of change, which no column adds up."""
    return place.text.lstrip().startswith(("+", "-", "−", "–"))


def _last_of_run(reihen: list[Reihe], index: int) -> bool:
    """A figure alone is read as a total only at the end of its list (else every row of a long list would be)."""
    below = reihen[index + 1] if index + 1 < len(reihen) else None
    return below is None or not below.eintraege or total_kind(below) not in ("", "still")


def _walk(reihen: list[Reihe], index: int, total: Reihe) -> _Lauf | None:
    """The rows above line `index` that line up with the places of `total`."""
    lauf = _Lauf()
    rows: list[tuple[Reihe, list]] = []  # bottom up
    blanks = labels = 0
    headings: list[tuple[int, Reihe]] = []  # (rows below it, the line)
    outline = _OUTLINE.match(reihen[index].zeile.text)
    for seen in range(1, 2 * MAX_LISTE + 2):
        if index - seen < 0:
            break
        reihe = reihen[index - seen]
        if not reihe.zeile.text.strip():
            blanks += 1
            if blanks > 2:
                break
            continue
        blanks = 0
        if _SPLITS.search(reihe.zeile.text) or outline and _other_branch(outline[1], reihe):
            break  # „davon entfallen auf …“ splits the amount above it; „1.2“ over „1.2.1“ is its parent
        if _DAVON.match(reihe.label):
            continue
        if total_kind(reihe) in ("gleich", "zwischen", "summe"):
            lauf.above = index - seen
            break
        places = align(total, reihe)
        if places is None and _words_after(reihe):  # „Zuwendung; Anteilsfinanzierung: 20 % der“: a label line
            places = []
        if places is None or places and sentence(reihe):
            break
        if not places:
            labels += 1
            if labels > _LABEL_LINES or reihe.woerter > 10 or reihe.zeile.text.rstrip().endswith((".", ":")):
                break
            if rows and rows[-1][0].label:  # a line of its own above a labelled row: a heading, no wrapped label
                headings.append((len(rows), reihe))
            continue
        labels = 0
        rows.append((reihe, places))
        if len(rows) > MAX_LISTE:
            return None  # too long a list to be sure which rows belong: the total stays „nicht geprüft“
    rows.reverse()
    lauf.rows = rows
    inside = [(below, line) for below, line in headings if below < len(rows)]  # with rows of the run above it
    if inside:
        below, lauf.heading = inside[-1]
        lauf.cut = len(rows) - below
    return lauf


@dataclass
class _Spalte:
    """The figures of one column in some rows, their signs, why the column may be incomplete, and the rows that
    name no amount there („derzeit unklar“)."""

    funds: list[Fund]
    signs: list[int]
    doubts: list[str]
    ohne: list[str]
    klammern: list[int] = field(default_factory=list)  # parts typed as a cell in brackets: „(30.000 €)“


def _other_branch(number: str, reihe: Reihe) -> bool:
    """A row numbered as the parent of the total („1.2“ over „1.2.1“) or in another branch („1.1.4“)."""
    own = _OUTLINE.match(reihe.zeile.text)
    if not own:
        return False
    parent = number.rsplit(".", 1)[0]
    return number.startswith(own[1] + ".") or own[1].rsplit(".", 1)[0] != parent


def _parts(rows: list[tuple[Reihe, list]], column: int, choice: int = -1) -> _Spalte:
    """Where the column of a place is open, `choice` picks what stands there (the last, as a rule: amounts are
    set flush right)."""
    spalte = _Spalte([], [], [], [])
    for reihe, places in rows:
        place = places[column] if column < len(places) else None
        if isinstance(place, Offen):
            spalte.doubts.append(f"in {reihe.zeile.ort} ist nicht sicher, welche Zahl in diese Spalte gehört")
            place = place.moeglich[choice]
        if place is None or place.art == NULL:
            continue
        if place.art == UNKLAR:
            spalte.ohne.append(f"{reihe.zeile.ort} („{place.text}“)")
            spalte.doubts.append(f"{reihe.zeile.ort} nennt „{place.text}“")
        for zahl in place.zahlen:
            if _BRACKETED_CELL.fullmatch(place.text.strip()):
                spalte.klammern.append(len(spalte.funds))
            spalte.funds.append(Fund(reihe.zeile, zahl))
            spalte.signs.append(reihe.wert(zahl))
    if spalte.klammern:
        spalte.doubts.append(
            f"ein Betrag in Klammern („({spalte.funds[spalte.klammern[0]].zahl.text.strip()})“) kann abgezogen "
            "(kaufmännische Schreibweise) oder mitgezählt sein"
        )
    return spalte


@dataclass
class _Summe:
    """One total cell and what every reading of it shares."""

    reihen: list[Reihe]
    index: int
    kind: str
    column: int
    result: Zahl
    found: list[Rechnung]

    @property
    def total(self) -> Reihe:
        return self.reihen[self.index]

    def add(self, art: str, spalte: _Spalte, typ: str, sure: bool, rang: int, doubts: list[str] | None = None):
        """A reading: a slip when it is `sure` and nothing leaves a doubt; „nicht eindeutig“ with the doubts when
        it is sure but doubted; else a guess, only confirmed."""
        funds, signs = spalte.funds, spalte.signs
        doubts = spalte.doubts if doubts is None else doubts
        parts = [f.zahl for f in funds]
        shown = (
            written_sum(parts, signs)
            if len(parts) <= 6
            else f"Summe der {len(parts)} Werte {parts[0].betrag()} … {parts[-1].betrag()}"
        )
        self.found.append(
            Rechnung(
                art,
                "summe",
                funds,
                Fund(self.total.zeile, self.result),
                shown,
                betrag=False,
                vorzeichen=signs,
                sicher=sure and not doubts,
                grund="; ".join(doubts) if sure else "",
                rang=rang,
                typ=typ,
                hinweis=f"ohne die Zeilen, die keinen Betrag nennen: {', '.join(spalte.ohne)}" if spalte.ohne else "",
            )
        )


def _name(total: Reihe, kind: str, column: int) -> str:
    if kind == "gleich":
        return "Ergebnis „= …“ des Rechenblocks darüber"
    art = "Summe der Liste darüber" if len(total.eintraege) == 1 else f"Spaltensumme (Spalte {column + 1})"
    label = total.label.split("\t")[0].strip()
    return art + (f" in der Zeile „{label}“" if label else "")


def _readings(summe: _Summe, lauf: _Lauf) -> None:
    total, column, kind = summe.total, summe.column, summe.kind
    sure = kind in ("gleich", "zwischen", "summe", "fett")
    rows = lauf.rows[lauf.cut :]
    spalte = _parts(rows, column)
    if lauf.cut and lauf.heading is not None:
        spalte.doubts.append(
            f"über „{lauf.heading.zeile.text.strip()[:40]}“ ({lauf.heading.zeile.ort}) stehen weitere Zeilen; "
            "ob sie mitzählen, ist offen"
        )
    name = _name(total, kind, column)
    typ = "rechenblock" if kind == "gleich" else "listensumme" if len(total.eintraege) == 1 else "spaltensumme"
    choices = [i for i, (reihe, _) in enumerate(rows) if _ALTERNATIVE.search(reihe.zeile.text)]
    if len(choices) >= 2:  # „(Alternative „Modul 3“)“ twice: a total counts one of them
        spalte.doubts.append(f"{' und '.join(rows[i][0].zeile.ort for i in choices)} sind Alternativen")
        for keep in choices:
            some = _parts([row for i, row in enumerate(rows) if i not in choices or i == keep], column)
            if len(some.funds) >= 2:
                summe.add(name, some, typ, False, rang=2)
    if len(spalte.funds) >= 2:
        summe.add(name, spalte, typ, sure, rang=3)
        if spalte.klammern:  # „Erträge 50.000 € / Aufwendungen (30.000 €) / Summe 20.000 €“: brackets as a minus
            signs = [-s if i in spalte.klammern else s for i, s in enumerate(spalte.signs)]
            minus = _Spalte(spalte.funds, signs, [], spalte.ohne)
            summe.add(name + ", Beträge in Klammern abgezogen", minus, typ, False, rang=3)
        _longest_run(summe, spalte, typ)
        first = _parts(rows, column, choice=0)
        if [f.key for f in first.funds] != [f.key for f in spalte.funds] and len(first.funds) >= 2:  # a column open
            summe.add(name, first, typ, False, rang=2)
    if lauf.cut:  # the rows above the heading may count too
        more = _parts(lauf.rows, column)
        if len(more.funds) >= 2:
            summe.add(name, more, typ, False, rang=2)
    if lauf.above is None:
        return
    above = summe.reihen[lauf.above]
    if kind != "zwischen" and total_kind(above) == "zwischen":
        _grand_total(summe, lauf, sure)
    figure = _place(total, above, column)
    if figure is not None and spalte.funds:
        # „Gesamtkosten / − Förderung / = Eigenanteil“: the rows with their minus; „Summe / Im Entwurf enthalten /
        # Summe Mehrbedarf“: the rows taken off the total above
        typed_minus = any(sign < 0 for sign in spalte.signs)
        stated = _REMAINDER.search(_words(total)) is not None or kind == "gleich" and typed_minus
        signs = spalte.signs if typed_minus else [-sign for sign in spalte.signs]
        rest = _Spalte([Fund(above.zeile, figure), *spalte.funds], [1, *signs], spalte.doubts, spalte.ohne)
        art = name if kind == "gleich" else f"Zeile {above.zeile.ort} weniger die Zeilen darunter (Spalte {column + 1})"
        summe.add(art, rest, "rechenblock" if kind == "gleich" else "restbetrag", stated and sure, 4 if stated else 1)
    elif not lauf.rows and len(total.eintraege) == 1:
        _total_of_totals(summe, above)


def _total_of_totals(summe: _Summe, above: Reihe) -> None:
    """„Summen | 212.240 € | 226.552 €“ and below it a figure alone: the sum of the totals beside each other."""
    figures = [e.zahlen[0] for e in above.eintraege if e.art == WERT and len(e.zahlen) == 1]
    same = [z for z in figures if z.einheit == summe.result.einheit]
    if len(same) >= 2 and len(same) == len(figures):
        spalte = _Spalte([Fund(above.zeile, z) for z in same], [1] * len(same), [], [])
        summe.add(f"Summe der Summenzeile {above.zeile.ort}", spalte, "zeilensumme", summe.kind != "still", 2)


def _place(total: Reihe, other: Reihe, column: int) -> Zahl | None:
    """The single figure `other` has in the total's column `column`."""
    places = align(total, other)
    place = places[column] if places and column < len(places) else None
    if isinstance(place, Eintrag) and place.art == WERT and len(place.zahlen) == 1:
        return place.zahlen[0]
    return None


def _grand_total(summe: _Summe, lauf: _Lauf, sure: bool) -> None:
    """Under Zwischensummen a total is the sum of all rows of its table – or of the Zwischensummen and the rows
    after the last of them."""
    reihen, column, total = summe.reihen, summe.column, summe.total
    after = list(lauf.rows)
    details = list(lauf.rows)
    subtotals: list[tuple[Reihe, list]] = []
    while lauf.above is not None and total_kind(reihen[lauf.above]) == "zwischen" and len(subtotals) < _MAX_SUBTOTALS:
        above = reihen[lauf.above]
        subtotals.insert(0, (above, align(total, above) or []))
        lauf = _walk(reihen, lauf.above, total) or _Lauf()
        details = lauf.rows + details
    spalte = _parts(details, column)
    if len(spalte.funds) >= 2:
        summe.add(f"Gesamtsumme aller Zeilen (Spalte {column + 1})", spalte, "gesamtsumme", sure, 5)
    sub = _parts(subtotals + after, column)
    if len(sub.funds) >= 2:
        summe.add(f"Summe der Zwischensummen (Spalte {column + 1})", sub, "gesamtsumme", False, 2)


def _longest_run(summe: _Summe, spalte: _Spalte, typ: str) -> None:
    """A list may begin below the first row that looks like one: the longest run that adds up, only confirmed."""
    start = best_start([f.zahl for f in spalte.funds], spalte.signs, summe.result)
    if start:
        run = _Spalte(spalte.funds[start:], spalte.signs[start:], [], [])
        summe.add(_name(summe.total, summe.kind, summe.column), run, typ, False, 1)


def best_start(parts: list[Zahl], signs: list[int], result: Zahl) -> int:
    """The first start from which the signed parts add up to the result (0 when none does)."""
    rest = sum(s * abs(z.wert) for s, z in zip(signs, parts))
    for start in range(len(parts) - 1):
        if rest == result.wert:
            return start
        rest -= signs[start] * abs(parts[start].wert)
    return 0
