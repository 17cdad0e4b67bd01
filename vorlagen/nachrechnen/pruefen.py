"""Recomputes every recognised calculation of a document and follows each slip to the figures built on it."""

from __future__ import annotations

import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from vorlagen.nachrechnen.aufbau.dokument import aufbauen
from vorlagen.nachrechnen.aufbau.rechnung import FEHLER, FOLGE, STIMMT, Fund, Rechnung
from vorlagen.nachrechnen.erkennen import inzeile, register
from vorlagen.nachrechnen.lesen import einheitzeile
from vorlagen.nachrechnen.lesen.datei import read
from vorlagen.nachrechnen.lesen.zahlenlesen import year_heads
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.urteil import abwaegen as urteil


@dataclass
class Pruefung:
    """The result for one document."""

    datei: str
    rechnungen: list[Rechnung]
    offen: list[Fund]  # money and percentages no calculation explains
    erwaehnt: int = 0  # mentions in the text of figures a calculation produced
    folgen: dict[int, list[tuple[Rechnung, Decimal]]] = field(default_factory=dict)  # id(slip) → dependents
    nennungen: dict[int, list[Fund]] = field(default_factory=dict)  # id(calculation) → same figure elsewhere

    def zaehle(self, status: str) -> int:
        return sum(1 for r in self.rechnungen if r.status == status)


def check_lines(datei: str, zeilen: list[Zeile]) -> Pruefung:
    zeilen = einheitzeile.join(zeilen)  # „12.500“ / „€“: the unit a page wrapped onto a line of its own
    dokument = aufbauen(zeilen, [inzeile.recognise(zeile) for zeile in zeilen])
    found = list(register.erkenne(dokument))
    found.sort(key=lambda r: r.ergebnis.key)
    if any(_ROUNDED.search(zeile.text) for zeile in zeilen):
        _tolerate(found)
    elif any(_STELLEN.search(zeile.text) for zeile in zeilen):
        _tolerate(found, stellen=True)
    for rechnung in found:
        rechnung.pruefe()
    kept, unsure = urteil.judge(found)  # a guess that fails proves nothing: its figures stay open
    found = urteil.revive(found, urteil.own_claims(found, kept))
    pruefung = Pruefung(datei, found, [])
    _consequences(pruefung)
    # the cells of a table a page stored one cell per line
    cells = {r.fund(z).key for r in dokument.zeilen_reihen if r.orte for z in r.werte}
    _mentions(pruefung, zeilen, unsure, cells)
    return pruefung


_ROUNDED = re.compile(r"Rundungsdifferenz|Rundungsabweichung|Differenzen durch Rundung|rundungsbedingt", re.IGNORECASE)


# A Stellenplan: its shares of Stellen (plain figures with decimals) are rounded from shares not shown.
_STELLEN = re.compile(r"Stellenplan|Stellenübersicht|Planstellen|Stellenanteil|Vollzeitäquivalent|\bVZÄ\b")


def _tolerate(found: list[Rechnung], stellen: bool = False) -> None:
    """„(Rundungsdifferenzen möglich)“: the parts of a sum or difference are rounded, each up to half its step; a
    result off by no more than that is a rounding, never a slip. In a Stellenplan only sums of Stellen (plain
    figures with decimals) are so read."""
    for rechnung in found:
        if rechnung.formel not in ("summe", "saldo", "abstand", "differenz"):
            continue
        figures = [f.zahl for f in (*rechnung.teile, rechnung.ergebnis)]
        if stellen and any(z.einheit or z.schritt >= 1 for z in figures):
            continue
        rechnung.toleranz = sum((f.zahl.schritt for f in rechnung.teile), Decimal(0)) / 2
        if stellen:
            rechnung.rundungsgrund = "und Stellenanteile sind oft aus ungerundeten Anteilen gerundet"


def check_file(path: Path) -> Pruefung:
    """Reads and recomputes one document (BuildFailed when it cannot be read)."""
    return check_lines(str(path), read(path))


def _consequences(pruefung: Pruefung) -> None:
    users: dict[tuple, list[Rechnung]] = defaultdict(list)
    for rechnung in pruefung.rechnungen:
        for teil in rechnung.teile:
            users[teil.key].append(rechnung)
    corrected: dict[tuple, Decimal] = {}
    queue = deque(r for r in pruefung.rechnungen if r.status == FEHLER)
    for slip in queue:
        if slip.richtig is not None:  # set for every slip when it was judged
            corrected[slip.ergebnis.key] = slip.richtig
    seen: set[int] = set()
    while queue:
        source = queue.popleft()
        for dependent in users[source.ergebnis.key]:
            if id(dependent) in seen:
                continue
            values = [corrected.get(t.key, t.zahl.wert) for t in dependent.teile]
            new = dependent.gerundet(dependent.rechne(values))
            if dependent.status == FEHLER:
                if new == dependent.getippt():  # the typed result is right: only its inputs carry the slip
                    dependent.status, dependent.richtig = STIMMT, new
                    dependent.hinweis = f"stimmt, sobald der Fehler in {source.ergebnis.zeile.ort} berichtigt ist"
                continue  # a slip of its own is reported as such
            if new == dependent.getippt():
                continue
            seen.add(id(dependent))
            pruefung.folgen.setdefault(id(source), []).append((dependent, new))
            if dependent.status == STIMMT:
                dependent.status = FOLGE
                dependent.hinweis = (
                    f"stimmt mit den getippten Zahlen, folgt aber aus dem Fehler in {source.ergebnis.zeile.ort}"
                )
            dependent.richtig = new
            corrected[dependent.ergebnis.key] = new
            queue.append(dependent)


# A line that states a total: its figures without a unit (a table „in €“, „in T€“) are results as well.
_TOTAL_LINE = re.compile(
    r"^\s*(?:\d{1,3}\s*)?=|\t\s*=|^\s*(?:Zwischensumme|Summe|Gesamtsumme|Gesamtbetrag|Gesamt|"
    r"Insgesamt|Endsumme|Zusammen|Total)\b",
    re.IGNORECASE,
)
# A figure without a unit typed as an amount – thousands grouped or with decimals („255.087.500“, „1.120,0“) – that no
# calculation uses is listed (a Haushaltssatzung names its unit once, a Stellenplan none).
# Listed where the context names the unit: the line names one, or the document is a Haushaltssatzung.
_AMOUNT_LIKE = re.compile(r"\d\.\d{3}|,\d+$")
_UNIT_NAMED = re.compile(r"€|\b(?:EUR|Euro|EURO|TEUR|Planstellen|Stellen|VZÄ)\b")
_SATZUNG = re.compile(r"Haushaltssatzung|Nachtragshaushalt|festgesetzt auf")
_ROW_NUMBER = re.compile(r"^\s*\d{1,3}\s*[=+\-−]")
# A word that names a result ("die verbleibenden 11.000 Adressen", "Bilanzsumme", "zur Verfügung stehende Mittel"):
# the figures after it without a unit may be results as well.
_RESULT_WORD = re.compile(
    r"\b(?:verbleib\w*|verfügbar\w*|zur Verfügung stehende\w*|Rest\w*|restlich\w*|übrig\w*|"
    r"Saldo|Differenz|Fehlbetrag|Überschuss|[A-Za-zÄÖÜäöüß]*summe)\b",
    re.IGNORECASE,
)
# A line that announces how an amount is split or used: "Der Jahresgewinn von 606.529,83 € wird so verwendet:".
_ANNOUNCES = re.compile(r"\b(?:verwendet|verteilt|aufgeteilt|wie folgt|so verwendet)\b[^.]{0,20}:\s*$")
# A table header that gives the unit of its cells: "in 1.000 €", "in T€", "in EUR"; its rows carry money.
_MONEY_HEAD = re.compile(r"\bin\s+(?:1\.000\s?€|Tsd\.\s?€|T€|TEUR|€|EUR|Euro)(?=\s|$)")


def _result_like(zeile: Zeile, zahl) -> bool:
    """A figure without a unit in a total line that is no year and not the row's own number („10 = …“)."""
    if re.fullmatch(r"(?:19|20)\d\d", zahl.text) or zahl.start == 0 and _ROW_NUMBER.match(zeile.text):
        return False
    return zahl.tiefe == 0 and not zeile.text[: zahl.start].rstrip().endswith(("Nr.", "§", "Tel."))


def _mentions(
    pruefung: Pruefung,
    zeilen: list[Zeile],
    unsure: frozenset[tuple] | set[tuple] = frozenset(),
    cells: frozenset[tuple] | set[tuple] = frozenset(),
) -> None:
    """Figures no calculation uses: repeats of a calculated figure, or else "nicht geprüft" (money, percentages,
    figures of a total line, the cells of a table a page stored one cell per line, and the result of every
    calculation that could not be confirmed)."""
    tied = {t.key for r in pruefung.rechnungen for t in r.teile} | {r.ergebnis.key for r in pruefung.rechnungen}
    results: dict[tuple, list[Rechnung]] = defaultdict(list)
    for rechnung in pruefung.rechnungen:
        results[(rechnung.ergebnis.zahl.einheit, abs(rechnung.ergebnis.zahl.wert))].append(rechnung)
    money_table = False
    satzung = any(_SATZUNG.search(zeile.text) for zeile in zeilen)
    for zeile in zeilen:
        total_line = bool(_TOTAL_LINE.search(zeile.text))
        announces = bool(_ANNOUNCES.search(zeile.text))
        named = _RESULT_WORD.search(zeile.text)
        after = named.end() if named else len(zeile.text) + 1  # figures after a result word
        money_table = "\t" in zeile.text and (money_table or bool(_MONEY_HEAD.search(zeile.text)))
        heads = year_heads(zeile.zahlen)  # „2016 EUR | 2017 EUR“ head columns, they are no amounts
        unit_named = satzung or bool(_UNIT_NAMED.search(zeile.text))
        for zahl in zeile.zahlen:
            fund = Fund(zeile, zahl)
            if (
                zahl in heads
                or fund.key in tied
                or zahl.einheit not in ("€", "%")
                and fund.key not in unsure
                and not (
                    (
                        total_line
                        or money_table
                        or zahl.start >= after
                        or unit_named
                        and _AMOUNT_LIKE.search(zahl.text)
                        or fund.key in cells
                    )
                    and _result_like(zeile, zahl)
                )
            ):
                continue
            same = results.get((zahl.einheit, abs(zahl.wert)))
            if same and not (total_line or announces):  # a total or a split stated again is a claim of its own
                pruefung.erwaehnt += 1
                for rechnung in same:
                    pruefung.nennungen.setdefault(id(rechnung), []).append(fund)
            else:
                pruefung.offen.append(fund)
