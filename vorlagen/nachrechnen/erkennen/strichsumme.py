"""A sum a text table draws with a rule: rows of one amount each, a line of dashes under them, and the row under the
rule – their sum, with the rows that take off („abzgl. Gemeindeanteil“, „./.“) taken off:

    Grunderwerb                                     84.320,00 €
    Straßenbau                                     486.950,00 €
                                                -------------
    beitragsfähiger Erschließungsaufwand           571.270,00 €
    abzgl. Gemeindeanteil 10 % (§ 129 BauGB)        57.127,00 €
                                                -------------
    umlagefähiger Aufwand                          514.143,00 €

A row that takes off a rate of the rows above it („abzgl. … 10 %“) is that rate of their sum (not where the rate has a
bound: „10 % (mindestens 30.000 €)“). A mismatch is a slip where the row under the rule names a total („Summe“,
„Gesamt…“) or, under rows taken off, what is left („umlagefähiger Aufwand“, „Defizit“), and the rows above are alike
(no row per month, no „davon“ or bullet, one indent); otherwise a rule may part two sections, and the sum only
confirms. Read only where it is one: the rows above the rule (back to a blank
line, another rule or a line without an amount, two at least) and the row under it hold one amount each in euros,
short labels (no sentence), the result row no word that takes off. Each row is looked at a bounded number of
times."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.gesamtzeile import SHARE_OF_TOTAL
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.woerter import BOUND

_TAKES_OFF = re.compile(r"^\W*(?:abzgl\.|abzüglich|\./\.|minus\b|-\s)", re.IGNORECASE)
_TAKES_OFF_ALONE = re.compile(r"^\W*(?:abzgl\.?|abzüglich|\./\.|minus)\W*$", re.IGNORECASE)
_TOTAL = re.compile(
    r"\b(?:Summe|Gesamt\w*|gesamt|insgesamt|zusammen|Endbetrag)\b|Gesamt|(?:beitrags|zuwendungs|förder)fähig",
    re.IGNORECASE,
)
_REST = re.compile(
    r"verbleib\w*|\bRest\w*|umlagefähig\w*|beitragsfähig\w*|Defizit|Fehlbetrag|Eigenanteil|Saldo|Zuschussbedarf",
    re.IGNORECASE,
)
_BREAKDOWN = re.compile(r"^\s*(?:[-–•*]|davon\b|darunter\b|dav\.)|monatlich|je\s+Monat|pro\s+Monat", re.IGNORECASE)
_ADDS = re.compile(r"^\W*(?:zzgl\.|zuzüglich|plus\b|\+)", re.IGNORECASE)
_MAX_ROWS = 30  # rows above a rule that a sum takes in
_MAX_WORDS = 10  # words of a row's label: more, and it is a sentence


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    # what each result a reading gives is worked out of, by value („6.535,20 €“ of 544,60 € and 12)
    inputs_of: dict[tuple, set[tuple]] = {}
    for r in prior:
        if r.sicher:  # a guess that a figure goes into another says nothing of the list
            inputs_of.setdefault(r.ergebnis.key, set()).update((t.zahl.einheit, t.zahl.wert) for t in r.teile)
    found: list[Rechnung] = []
    for index, rule in enumerate(reihen[1:-1], start=1):
        if not rule.zeile.linie:
            continue
        result = reihen[index + 1]
        amount = _amount(result)
        if amount is None or _TAKES_OFF.match(result.label) or _ADDS.match(result.label):
            continue
        if SHARE_OF_TOTAL.search(result.label):
            continue  # „Halbe Summe“: a share of the rows' sum, no sum
        rows = _rows_above(reihen, index)
        if len(rows) < 2:
            continue
        found += _rates(rows, taken)
        reading = _sum(rows, result, amount, inputs_of, _sure(rows, result))
        if reading is not None and result.fund(amount).key not in taken:
            found.append(reading)
    return found


def _sure(rows: list[tuple[Reihe, Zahl, int]], result: Reihe) -> bool:
    """The rule sums surely where the row under it names a total („Summe“, „Gesamt…“, „insgesamt“) – or what is left
    after rows taken off („umlagefähiger Aufwand“, „Defizit“) – and the rows above are alike: no row per month among
    them, no „davon“ or bullet of a breakdown, no indent of its own. Otherwise a rule may part two sections, or its
    row name a difference („Mehrkosten Variante B“): the sum only confirms."""
    label = result.label.strip()
    takes_off = any(sign < 0 for _, _, sign in rows)
    if not (_TOTAL.search(label) or takes_off and _REST.search(label)):
        return False
    indents = {len(reihe.zeile.text) - len(reihe.zeile.text.lstrip()) for reihe, _, _ in rows}
    return len(indents) == 1 and not any(_BREAKDOWN.search(reihe.label) for reihe, _, _ in rows)


def _amount(reihe: Reihe) -> Zahl | None:
    """The row's one amount in euros (a rate beside it may stand in the row), where its label is short."""
    money = [z for z in reihe.werte if z.geld]
    others = [z for z in reihe.werte if not z.geld and z.einheit != "%"]
    return money[0] if len(money) == 1 and not others and reihe.woerter <= _MAX_WORDS else None


def _rows_above(reihen: list[Reihe], rule: int) -> list[tuple[Reihe, Zahl, int]]:
    """The rows the rule sums, each with its sign. Under a line that only takes off („abzüglich“) the rows are taken
    off the nearest amount above that line: „Gesamtkosten 1.498.054,00 €“, „abzüglich“, „Elternbeiträge …“, …"""
    rows: list[tuple[Reihe, Zahl, int]] = []
    start = max(0, rule - _MAX_ROWS)
    for index in range(rule - 1, start - 1, -1):
        reihe = reihen[index]
        amount = _amount(reihe)
        if amount is None or reihe.zeile.linie:
            if _TAKES_OFF_ALONE.match(reihe.zeile.text) and rows:
                whole = _nearest_amount(reihen, index, start)
                rows = [(r, z, -1) for r, z, _ in rows] + ([whole] if whole else [])
            break
        rows.append((reihe, amount, _sign(reihe, amount)))
    return rows[::-1]


def _nearest_amount(reihen: list[Reihe], index: int, start: int) -> tuple[Reihe, Zahl, int] | None:
    """The row of one amount right above a line (a blank line between at most)."""
    for reihe in reversed(reihen[max(start, index - 2) : index]):
        amount = _amount(reihe)
        if amount is not None:
            return reihe, amount, 1
        if reihe.zeile.text.strip():
            return None
    return None


def _sign(reihe: Reihe, amount: Zahl) -> int:
    """−1 for a row that takes off, typed without its minus or with it (the saldo counts a minus as typed)."""
    return -1 if _TAKES_OFF.match(reihe.label) or amount.wert < 0 else 1


def _sum(
    rows: list[tuple[Reihe, Zahl, int]], result: Reihe, amount: Zahl, inputs_of: dict[tuple, set[tuple]], sure: bool
) -> Rechnung | None:
    """The rows' sum – without a row whose amount goes into another row's („Leasingrate monatlich“ into „Leasingraten
    pro Jahr: 544,60 € x 12“): whether the sum takes it in, the table does not say, so then it is no sure reading."""
    inner = [
        (reihe, z, sign)
        for reihe, z, sign in rows
        if any(
            (z.einheit, z.wert) in inputs_of.get(other.fund(value).key, set()) and value.wert != z.wert
            for other, value, _ in rows
        )
    ]
    rows = [row for row in rows if row not in inner]
    if len(rows) < 2:
        return None
    grund = (
        f"der Betrag in {inner[0][0].zeile.ort} geht in eine Zeile darunter ein: ob die Summe ihn mitzählt, sagt die "
        "Tabelle nicht"
        if inner
        else ""
    )
    signs = [sign for _, _, sign in rows]
    return Rechnung(
        f"Summe der Zeilen über dem Strich ({rows[0][0].zeile.ort} bis {rows[-1][0].zeile.ort})",
        "saldo",
        [reihe.fund(z) for reihe, z, _ in rows],
        result.fund(amount),
        written_sum([z for _, z, _ in rows], signs),
        betrag=False,
        vorzeichen=signs,
        sicher=sure and not grund,
        grund=grund,
        rang=3,
        typ="strichsumme",
    )


def _rates(rows: list[tuple[Reihe, Zahl, int]], taken: set) -> list[Rechnung]:
    """„abzgl. Gemeindeanteil 10 % … 74.932,75 €“ under the one row above it: the rate of that row's amount."""
    found = []
    for (above, base, _), (reihe, amount, _) in zip(rows, rows[1:], strict=False):
        rates = [z for z in reihe.werte if z.einheit == "%"]
        if len(rates) != 1 or not (_TAKES_OFF.match(reihe.label) or _ADDS.match(reihe.label)):
            continue
        if BOUND.search(reihe.zeile.text) or any(z.tiefe and z.geld for z in reihe.zeile.zahlen):
            continue  # „10 % (mindestens 30.000 €)“: the rate is bounded, its amount may be the bound
        if above is not rows[0][0] or reihe.fund(amount).key in taken:
            continue  # the rate of the sum of several rows above: which rows, the table does not say
        found.append(
            Rechnung(
                f"Prozentsatz der Zeile darüber ({above.zeile.ort})",
                "anteil",
                [above.fund(base), reihe.fund(rates[0])],
                reihe.fund(amount),
                f"{rates[0].betrag()} von {base.betrag()}",
                rang=3,
                typ="strichsumme",
            )
        )
    return found
