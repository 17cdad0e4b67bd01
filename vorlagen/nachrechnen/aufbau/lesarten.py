"""The readings of one total: the rows since the last total (under Zwischensummen: all rows of the table), the
Zwischensummen with the rows after them, the total above less the rows between, the longest run of rows that adds
up – each judged by urteil: a reading that holds wins; else the likeliest speaks, a slip where the layout leaves no
doubt, „nicht eindeutig“ (with why) where it does. Rows numbered on under the totals of groups („Summe Schulden“,
then „3. Rückstellungen“) count those groups: the total is theirs, the rows since the last total are only a guess."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from vorlagen.nachrechnen.aufbau.gesamtzeile import Lauf, bare_words, item_number, row_numbers, total_kind, walk
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.reihe import NULL, UNKLAR, WERT, Eintrag, Reihe
from vorlagen.nachrechnen.aufbau.tabelle import Offen, align
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, short_sum
from vorlagen.nachrechnen.woerter import GRAND_TOTAL, GROUP_TOTAL

_REMAINDER = re.compile(
    r"Eigenanteil|Eigenmittel|Rest|Saldo|Differenz|Fehlbetrag|Überschuss|Mehrbedarf|Minderbedarf|verbleib|noch zu",
    re.IGNORECASE,
)
_ALTERNATIVE = re.compile(r"\b(?:Alternative|Variante)\b", re.IGNORECASE)
_BRACKETED_CELL = re.compile(r"\(\s*[^()]*\d[^()]*\)")
_WHOLE = re.compile(r"\bGesamt\w*|\w+gesamt\b", re.IGNORECASE)  # „Summe Gesamthaushalt“, „Gesamtsumme“
_RESULT = re.compile(r"ergebnis|saldo|überschuss|fehlbetrag|defizit|differenz", re.IGNORECASE)
_FLOWS = re.compile(r"(?:Ertr|Aufwend|Einnahm|Ausgab|Einzahl|Auszahl)\w*", re.IGNORECASE)
_MAX_SUBTOTALS = 50  # Zwischensummen one total is read over
_FLOW = re.compile(r"\b(Einzahlungen|Auszahlungen|Erträge|Aufwendungen|Einnahmen|Ausgaben)\b")
# „Gesamtbetrag der Kredite“: a position of a Satzung that is no flow of the plan (whose rows a total may sum)
_POSITION = re.compile(
    r"\bGesamtbetrag\s+(?:der|des)\s+(?:\w+\s+)?"
    r"((?:Investitions|Kassen|Liquiditäts)?[Kk]redite|Verpflichtungsermächtigungen)\b"
)
_COUNTERPART = {
    "Einzahlungen": "Auszahlungen",
    "Auszahlungen": "Einzahlungen",
    "Erträge": "Aufwendungen",
    "Aufwendungen": "Erträge",
    "Einnahmen": "Ausgaben",
    "Ausgaben": "Einnahmen",
}


@dataclass
class _Spalte:
    """The figures of one column in some rows, their signs, why the column may be incomplete, and the rows that
    name no amount there („derzeit unklar“)."""

    funds: list[Fund]
    signs: list[int]
    doubts: list[str]
    ohne: list[str]
    klammern: list[int] = field(default_factory=list)  # parts typed as a cell in brackets: „(30.000 €)“
    doppelt: list[int] = field(default_factory=list)  # negative parts of a row „./. …“: taken off, or added?
    striche: int = 0  # rows with a dash in the column („–“: nothing)


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
            spalte.striche += place is not None
            continue
        if place.art == UNKLAR:
            spalte.ohne.append(f"{reihe.zeile.ort} („{place.text}“)")
            spalte.doubts.append(f"{reihe.zeile.ort} nennt „{place.text}“")
        for zahl in place.zahlen:
            if _BRACKETED_CELL.fullmatch(place.text.strip()):
                spalte.klammern.append(len(spalte.funds))
            if reihe.minus and zahl.wert < 0:
                spalte.doppelt.append(len(spalte.funds))
            spalte.funds.append(reihe.fund(zahl))
            spalte.signs.append(reihe.wert(zahl))
    if spalte.doppelt:
        spalte.doubts.append(
            f"„{spalte.funds[spalte.doppelt[0]].zahl.text.strip()}“ steht mit Minus in einer Zeile, die abzieht: "
            "ob der Betrag abgezogen oder (minus minus) zugezählt wird, ist offen"
        )
    if spalte.klammern:
        spalte.doubts.append(
            f"ein Betrag in Klammern („({spalte.funds[spalte.klammern[0]].zahl.text.strip()})“) kann abgezogen "
            "(kaufmännische Schreibweise) oder mitgezählt sein"
        )
    return spalte


@dataclass
class Summe:
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

    def add(self, art: str, spalte: _Spalte, typ: str, sure: bool, rang: int, doubts: list[str] | None = None) -> None:
        """A reading: a slip when it is `sure` and nothing leaves a doubt; „nicht eindeutig“ with the doubts when
        it is sure but doubted; else a guess, only confirmed."""
        funds, signs, parts = spalte.funds, spalte.signs, [f.zahl for f in spalte.funds]
        if row_numbers(parts, self.result):
            return  # „1 … 4“ over „5 Summe …“: a column „Nr.“ of the rows' numbers, no amounts
        doubts = spalte.doubts if doubts is None else doubts
        shown = short_sum(parts, signs, "Werte")
        self.found.append(
            Rechnung(
                art,
                "summe",
                funds,
                self.total.fund(self.result),
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
    return art + _in_row(total)


def _in_row(total: Reihe) -> str:
    label = _first_cell(total)
    return f" in der Zeile „{label}“" if label else ""


def _first_cell(reihe: Reihe) -> str:
    """The row's first cell with words: „| - | Gesamtergebnis auf | …“ is named „Gesamtergebnis auf“, not „-“."""
    cells = [c.strip() for c in reihe.label.split("\t")]
    return next((c for c in cells if re.search(r"[A-Za-zÄÖÜäöüß]{2}", c)), cells[0])


def _other_flow(total: Reihe, rows: list[tuple[Reihe, list]]) -> bool:
    """„der Gesamtbetrag der Auszahlungen aus Investitionstätigkeit“ under a Saldo and „… der Einzahlungen …“: a
    total naming one flow over rows of the other flow or a Saldo, or a „Gesamtbetrag der Kredite“ over rows that
    name no Kredite, is a position of a Haushaltssatzung, not (certainly) their sum."""
    named = _POSITION.search(total.label)
    if named and not any(named[1].lower() in reihe.label.lower() for reihe, _ in rows):
        return True  # „Gesamtbetrag der Kredite — 0,00 EUR“ under the members' shares of a Verlustausgleich
    flows = set(_FLOW.findall(total.label))
    if len(flows) != 1:
        return False
    other = re.compile(rf"\b{_COUNTERPART[flows.pop()]}\b|\bSaldo\b", re.IGNORECASE)
    return any(other.search(reihe.label) for reihe, _ in rows)


def readings(summe: Summe, lauf: Lauf) -> None:
    total, column, kind = summe.total, summe.column, summe.kind
    rows = lauf.rows[lauf.cut :]
    sure = kind in ("gleich", "zwischen", "summe", "fett") and not _other_flow(total, rows)
    # „Summe Schulden“, then „3. Rückstellungen“, „4. …“, „Summe Passiva“: the rows go on counting the groups above,
    # whose totals stand over them – the total is theirs too, not that of the rows since the last total alone
    groups = item_number(rows[0][0]) - 1 if rows else 0
    counted_on = groups > 0 and lauf.above is not None and _group_total(summe.reihen[lauf.above])
    spalte = _parts(rows, column)
    if lauf.offen:
        spalte.doubts.append(lauf.offen)
    if lauf.cut and lauf.heading is not None:
        spalte.doubts.append(
            f"über „{lauf.heading.zeile.text.strip()[:40]}“ ({lauf.heading.zeile.ort}) stehen weitere Zeilen; "
            "ob sie mitzählen, ist offen"
        )
    name = _name(total, kind, column)
    typ = "rechenblock" if kind == "gleich" else "listensumme" if len(total.eintraege) == 1 else "spaltensumme"
    _davon_parts(summe, spalte, lauf, name, typ)
    choices = [i for i, (reihe, _) in enumerate(rows) if _ALTERNATIVE.search(reihe.zeile.text)]
    if len(choices) >= 2:  # „(Alternative „Modul 3“)“ twice: a total counts one of them
        spalte.doubts.append(f"{' und '.join(rows[i][0].zeile.ort for i in choices)} sind Alternativen")
        for keep in choices:
            some = _parts([row for i, row in enumerate(rows) if i not in choices or i == keep], column)
            if len(some.funds) >= 2:
                summe.add(name, some, typ, False, rang=2)
    running = _running_total(summe, lauf)
    if running is not None:  # „Gesamtergebnis / Verrechnung … / veranschlagtes Gesamtergebnis“: the rows go on
        start, figure_above = running  # from the total above, which counts with them
        more = _Spalte(
            [start.fund(figure_above), *spalte.funds],
            [start.wert(figure_above), *spalte.signs],
            spalte.doubts,
            spalte.ohne,
        )
        art = f"Summe von {start.zeile.ort} und den Zeilen darunter (Spalte {column + 1}){_in_row(total)}"
        summe.add(art, more, typ, sure, rang=4)
    # one amount and dashes for nothing in the other rows („130.000 € | – | – | –“ over „Summe 120.000 €“): the
    # column's total is that amount
    if len(spalte.funds) >= 2 or len(spalte.funds) == 1 and spalte.striche:
        summe.add(name, spalte, typ, sure and running is None and not counted_on, rang=3)
        if spalte.klammern:  # „Erträge 50.000 € / Aufwendungen (30.000 €) / Summe 20.000 €“: brackets as a minus
            signs = [-s if i in spalte.klammern else s for i, s in enumerate(spalte.signs)]
            minus = _Spalte(spalte.funds, signs, [], spalte.ohne)
            summe.add(name + ", Beträge in Klammern abgezogen", minus, typ, False, rang=3)
        if spalte.doppelt:  # „./. Abgang … | -708,00“: the deduction of a negative amount adds it
            signs = [1 if i in spalte.doppelt else s for i, s in enumerate(spalte.signs)]
            plus = _Spalte(spalte.funds, signs, [], spalte.ohne)
            summe.add(name + ", negativer Betrag einer Abzugszeile zugezählt", plus, typ, False, rang=3)
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
    elif counted_on:
        _grand_total(summe, lauf, sure, _group_total, groups)
    elif not lauf.rows and GRAND_TOTAL.fullmatch(total.label) and _group_total(above):
        # „Summe Beamte“, „Summe Beschäftigte“, then „Gesamt“ right under them: totals of groups, as Zwischensummen
        _grand_total(summe, lauf, sure, _group_total)
    figure = figure_in(total, above, column)
    if figure is not None and spalte.funds:
        # „Gesamtkosten / − Förderung / = Eigenanteil“: the rows with their minus; „Summe / Im Entwurf enthalten /
        # Summe Mehrbedarf“: the rows taken off the total above
        typed_minus = any(sign < 0 for sign in spalte.signs)
        stated = _REMAINDER.search(bare_words(total)) is not None or kind == "gleich" and typed_minus
        signs = spalte.signs if typed_minus else [-sign for sign in spalte.signs]
        rest = _Spalte([above.fund(figure), *spalte.funds], [1, *signs], spalte.doubts, spalte.ohne)
        art = name if kind == "gleich" else f"Zeile {above.zeile.ort} weniger die Zeilen darunter (Spalte {column + 1})"
        summe.add(art, rest, "rechenblock" if kind == "gleich" else "restbetrag", stated and sure, 4 if stated else 1)
    elif not lauf.rows and len(total.eintraege) == 1:
        _total_of_totals(summe, above)
        _stacked_totals(summe, lauf)


def _davon_parts(summe: Summe, spalte: _Spalte, lauf: Lauf, name: str, typ: str) -> None:
    """A row „davon“ inside the run: the rows under it are parts of the row above it, how many is open – the column
    is doubted, and read without the first one, two, … rows under it, each a guess; where the run ends at a total
    („Summe Kreisfreie Städte“ over „davon: Chemnitz“, „Dresden“, „Leipzig“, „Stichprobe …“), that total with the
    rows left is a guess too."""
    rows = lauf.rows[lauf.cut :]
    above = summe.reihen[lauf.above] if lauf.above is not None else None
    figure = figure_in(summe.total, above, summe.column) if above is not None else None
    for davon, first_part in lauf.davon:
        first_part -= lauf.cut
        parent_in_run = first_part > 0  # else the row above „davon“ is the total the run ends at
        if first_part < 0 or not parent_in_run and (above is None or figure is None):
            continue
        spalte.doubts.append(
            f"unter „{davon.zeile.text.strip()[:20]}“ ({davon.zeile.ort}) stehen Teile der Zeile darüber; wie viele "
            "Zeilen dazugehören, ist offen"
        )
        if len(lauf.davon) > 1:
            continue  # with the parts of another „davon“ still counted, no reading without one group's parts holds
        # the first `count` rows under it its parts: a guess each, `_DAVON_ROWS` at most (a hostile run of „davon“
        # rows made this cubic in the rows of a total)
        for count in range(1, min(len(rows) - first_part, _DAVON_ROWS) + 1):
            some = _parts(rows[:first_part] + rows[first_part + count :], summe.column)
            unter = "die Zeile" if count == 1 else f"die {count} Zeilen"
            if parent_in_run and len(some.funds) >= 2:
                summe.add(f"{name}, ohne {unter} unter „davon“", some, typ, False, rang=2)
            elif not parent_in_run and above is not None and figure is not None and some.funds:
                with_total = _Spalte([above.fund(figure), *some.funds], [above.wert(figure), *some.signs], [], [])
                art = f"Summe von {above.zeile.ort} und den Zeilen darunter ohne {unter} unter „davon“"
                summe.add(art, with_total, typ, False, rang=2)


_DAVON_ROWS = 20  # rows under a „davon“ tried as its parts, at most
_FILLER = frozenset({"auf", "der", "die", "das", "des", "dem", "den", "mit", "aus", "und", "im", "in", "von", "für"})


def _label_words(reihe: Reihe) -> set[str]:
    return {w for w in re.findall(r"[a-zäöüß]+", _first_cell(reihe).lower()) if w not in _FILLER}


def _running_total(summe: Summe, lauf: Lauf) -> tuple[Reihe, Zahl] | None:
    """The total above and its figure in the total's column, when the total carries its name on with more words
    („Gesamtergebnis“ → „veranschlagtes Gesamtergebnis“, „Jahresergebnis“ → „bereinigtes Jahresergebnis“): the rows
    between change that total, they are no list of their own."""
    if lauf.above is None or not lauf.rows:
        return None
    above = summe.reihen[lauf.above]
    named, naming = _label_words(above), _label_words(summe.total)
    if not named or not named < naming:
        return None
    figure = figure_in(summe.total, above, summe.column)
    return None if figure is None else (above, figure)


def _total_of_totals(summe: Summe, above: Reihe) -> None:
    """„Summen | 212.240 € | 226.552 €“ and below it a figure alone: the sum of the totals beside each other. A row
    that opens with a figure („1.000 € | 1.000 € | Gesamtkosten“: a Berechnung and its Betrag) is no row of
    totals."""
    if not above.label:
        return
    figures = [e.zahlen[0] for e in above.eintraege if e.art == WERT and len(e.zahlen) == 1]
    same = [z for z in figures if z.einheit == summe.result.einheit]
    if len(same) >= 2 and len(same) == len(figures):
        spalte = _Spalte([above.fund(z) for z in same], [1] * len(same), [], [])
        summe.add(f"Summe der Summenzeile {above.zeile.ort}", spalte, "zeilensumme", summe.kind != "still", 2)


def _stacked_totals(summe: Summe, lauf: Lauf) -> None:
    """„Summe Verwaltungshaushalt … / Summe Vermögenshaushalt … / Summe Gesamthaushalt …“: a total named the whole
    („Gesamt…“) right under two or more totals that name no whole, with no rows between – the sum of those totals."""
    if not _WHOLE.search(summe.total.label) or _RESULT.search(summe.total.label):
        return  # „Summe Erträge / Summe Aufwendungen / Gesamtergebnis“: a Saldo, no sum
    stacked: list[tuple[Reihe, list]] = []
    while lauf.above is not None and not lauf.rows and len(stacked) <= _MAX_SUBTOTALS:
        above = summe.reihen[lauf.above]
        if total_kind(above) != "summe" or _WHOLE.search(above.label) or len(above.eintraege) != 1:
            break
        stacked.insert(0, (above, align(summe.total, above) or []))
        lauf = walk(summe.reihen, lauf.above, above) or Lauf()
    flows = [{f.lower() for f in _FLOWS.findall(reihe.label)} for reihe, _ in stacked]
    if any(len(f) == 1 for f in flows) and len({frozenset(f) for f in flows}) > 1 or _other_flow(summe.total, stacked):
        return  # „Summe der Einzahlungen“ over „Summe der Auszahlungen“, „Gesamtbetrag der Kredite“ under totals
    parts = _parts(stacked, summe.column)
    if len(stacked) >= 2 and len(parts.funds) == len(stacked):
        summe.add(f"Summe der Summenzeilen darüber (Spalte {summe.column + 1})", parts, "gesamtsumme", True, 3)


def figure_in(total: Reihe, other: Reihe, column: int) -> Zahl | None:
    """The single figure `other` has in the total's column `column`."""
    places = align(total, other)
    place = places[column] if places and column < len(places) else None
    if isinstance(place, Eintrag) and place.art == WERT and len(place.zahlen) == 1:
        return place.zahlen[0]
    return None


def _zwischen(reihe: Reihe) -> bool:
    return total_kind(reihe) == "zwischen"


def _group_total(reihe: Reihe) -> bool:
    """„Summe Beamte“: the total of a group of rows, a Zwischensumme by its place."""
    return total_kind(reihe) == "summe" and GROUP_TOTAL.match(reihe.label) is not None


def _grand_total(
    summe: Summe, lauf: Lauf, sure: bool, subtotal: Callable[[Reihe], bool] = _zwischen, groups: int = 0
) -> None:
    """Under Zwischensummen a total is the sum of all rows of its table – or of the Zwischensummen and the rows
    after the last of them. `groups`: the number of group totals the rows' numbering counts above them, exactly."""
    reihen, column, total = summe.reihen, summe.column, summe.total
    after = list(lauf.rows)
    details = list(lauf.rows)
    subtotals: list[tuple[Reihe, list]] = []
    while lauf.above is not None and subtotal(reihen[lauf.above]):
        if groups and len(subtotals) == groups:
            break
        if len(subtotals) == _MAX_SUBTOTALS:
            return  # more Zwischensummen than are read: which rows the total covers stays open
        above = reihen[lauf.above]
        subtotals.insert(0, (above, align(total, above) or []))
        lauf = walk(reihen, lauf.above, total) or Lauf()
        if subtotal is not _zwischen and not lauf.rows:
            return  # a total of a group has the group's rows above it
        details = lauf.rows + details
    if subtotal is not _zwischen and len(subtotals) < 2 or groups and len(subtotals) != groups:
        return
    spalte = _parts(details, column)
    if len(spalte.funds) >= 2:
        summe.add(f"Gesamtsumme aller Zeilen (Spalte {column + 1})", spalte, "gesamtsumme", sure, 5)
    sub = _parts(subtotals + after, column)
    if len(sub.funds) >= 2:
        summe.add(f"Summe der Zwischensummen (Spalte {column + 1})", sub, "gesamtsumme", False, 2)


def _longest_run(summe: Summe, spalte: _Spalte, typ: str) -> None:
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
