"""A column that is another column times a rate the text names above the table: „Der Hebesatz soll 36,40 %
betragen. Daraus ergibt sich für die Gemeinden:“ over „Gemeinde | Umlagegrundlagen 2025 in € | Amtsumlage 2025 in €“,
„Kleeberg | 2.814.330 | 1.024.416“, … – in each row the right amount is the left one times the rate, rounded as it is
typed. A council information system often stores such a table one cell per line
(vorlagen/nachrechnen/aufbau/faltung.py folds it).

Read only where the rows show it: the rate is a percentage in one of the few lines with text above the table whose
words name a rate („Hebesatz“, „Umlagesatz“, „Fördersatz“, „…quote“), above nought and up to a hundred; a run of three
rows at least (a total row is left out: its amount is the sum of the rounded shares) whose right amount is smaller
than the left in each; three rows at least hold with the rate, one at most does not. That one is a slip where four
hold, the lines above give one rule for all rows (one percentage, no amount in euros, no word of an exception:
„mindestens jedoch“, „im Mischgebiet“, „Erstattung“) and its row names no rule of its own („höchstens“, „Sockel“,
„pauschal“, „abzgl.“), else „nicht eindeutig“; one step of its rounding off is „nicht eindeutig“. Every look is
bounded: the lines above a table, the column pairs and rates of a run."""

from __future__ import annotations

import re
from itertools import combinations

from vorlagen.core.money import round_half_up
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.erkennen.spaltenbeziehung import Run, runs_at
from vorlagen.nachrechnen.lesen.zahlenlesen import look_back
from vorlagen.nachrechnen.woerter import TOTAL_ROW_START

_RATE_WORD = re.compile(r"\w*(?:satz|sätze|quote)\b|\b(?:USt|MwSt|Umsatzsteuer|Mehrwertsteuer)\b", re.IGNORECASE)
# words above the table that give some rows another rule: a miss there is no slip
_EXCEPTION = re.compile(
    r"höchst|mindest|maximal|jedoch|außer|Ausnahme|abweichend|Erstattung|abgesetzt|abzgl|abzüglich|zuzüglich|zzgl|"
    r"Sockel|pauschal|gedeckelt|begrenzt|Ersatz|gilt\s+für",
    re.IGNORECASE,
)
# a row that names a cap or a rule of its own is worked out otherwise: its miss is no slip
_OWN_RULE = re.compile(r"höchst|max|begrenz|gedeckelt|Deckel|Sockel|pauschal|Mindest|abzgl|zzgl|einschl|ohne\b", re.I)
_MIN_HOLD = 3  # rows that hold, at least
_SURE = 4  # rows that hold for the one that misses to be a slip
_LINES_ABOVE = 6  # lines with text above the table looked at for the rate
_REACH = 14  # lines above the table walked at most
_RATES = 4  # rates tried, at most
_WORDS_BEFORE = 60  # characters before a rate looked at for its word
_ONE_STEP = "um eine Stelle der Rundung daneben kann ein Betrag sein, den die Tabelle andersherum gerundet hat"
_FEW = "die Spalte ist aus zu wenigen Zeilen erschlossen"


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior if r.steht()}
    found: list[Rechnung] = []
    for first, run in runs_at(reihen, any_units=True, min_width=2, min_rows=_MIN_HOLD):
        rows = [(reihe, values) for reihe, values in run if not TOTAL_ROW_START.match(reihe.label.strip())]
        rates, plain = _rates(reihen, first)
        if len(rows) < _MIN_HOLD or not rates:
            continue
        for base, share in combinations(range(len(rows[0][1])), 2):
            readings = next((r for rate in rates if (r := _column(rows, base, share, rate, plain))), [])
            found += [r for r in readings if r.ergebnis.key not in taken]
    return found


def _rates(reihen: list[Reihe], first: int) -> tuple[list[Fund], bool]:
    """The percentages the lines above the table name as a rate, nearest first – and whether those lines give one
    rule for all rows: one percentage, no amount in euros, no word of an exception („mindestens jedoch 400.000 € je
    Gemeinde“, „im Mischgebiet 5 %“, „Oberwiesen wird eine Erstattung von 12.000 € abgesetzt“)."""
    rates: list[Fund] = []
    lines = percentages = 0
    plain = True
    for reihe in reversed(reihen[max(0, first - _REACH) : first]):
        zeile = reihe.zeile
        if not zeile.text.strip():
            continue
        lines += 1
        percentages += sum(1 for z in zeile.zahlen if z.einheit == "%")
        plain = plain and not _EXCEPTION.search(zeile.text) and not any(z.einheit == "€" for z in zeile.zahlen)
        for zahl in reversed(zeile.zahlen):
            named = _RATE_WORD.search(look_back(zeile.text, zahl.start, _WORDS_BEFORE))
            if zahl.einheit == "%" and 0 < zahl.wert <= 100 and named and len(rates) < _RATES:
                rates.append(Fund(zeile, zahl))
        if lines >= _LINES_ABOVE:
            break
    return rates, plain and percentages == 1


def _column(rows: Run, base: int, share: int, rate: Fund, plain: bool) -> list[Rechnung]:
    pairs = [(values[base], values[share]) for _, values in rows]
    if any(b.einheit == "%" or s.einheit == "%" or not 0 < s.wert < b.wert for b, s in pairs):
        return []
    exact = [b.wert * rate.zahl.wert / 100 for b, _ in pairs]
    holds = [round_half_up(e, s.schritt) == s.wert for e, (_, s) in zip(exact, pairs, strict=True)]
    if holds.count(True) < _MIN_HOLD or holds.count(False) > 1:
        return []
    sure = holds.count(True) >= _SURE and plain
    found = []
    for (reihe, values), e in zip(rows, exact, strict=True):
        typed = values[share]
        one_step = abs(round_half_up(e, typed.schritt) - typed.wert) == typed.schritt
        doubt = not sure or one_step or bool(_OWN_RULE.search(reihe.zeile.text))
        found.append(
            Rechnung(
                "Spalte als die Spalte links mal dem Satz, den der Text über der Tabelle nennt",
                "anteil",
                [reihe.fund(values[base]), rate],
                reihe.fund(typed),
                f"{values[base].betrag()} x {rate.zahl.betrag()}",
                sicher=not doubt,
                grund=_ONE_STEP if one_step else _FEW if doubt else "",
                rang=1,
                typ="spaltensatz",
            )
        )
    return found
