"""The pipeline of nachrechnen, in order: read the document into lines (lesen/), build its rows (aufbau/), let
every recogniser of the registry find its readings (erkennen/register.py), judge each reading and all readings of
a figure together, follow each slip to the figures built on it, and list what no calculation explains (urteil/).
The report (bericht/) renders the result."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from vorlagen.nachrechnen.aufbau import gerundet
from vorlagen.nachrechnen.aufbau.dokument import aufbauen
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.erkennen import inzeile, register
from vorlagen.nachrechnen.lesen import einheitzeile, unlesbar
from vorlagen.nachrechnen.lesen.datei import read
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.urteil import (
    abwaegen,
    bestaetigt,
    eingaben,
    erwaehnung,
    folgen,
    fremdschreibweise,
    kreuzung,
    zeilenmuster,
)
from vorlagen.nachrechnen.urteil.dokumenturteil import Pruefung
from vorlagen.nachrechnen.urteil.nachgerechnet import pruefe


def check_lines(datei: str, zeilen: list[Zeile]) -> Pruefung:
    """Recomputes every calculation recognised in the lines of a document."""
    zeilen = einheitzeile.join(zeilen)  # „12.500“ / „€“: the unit a page wrapped onto a line of its own
    dokument = aufbauen(zeilen, [inzeile.recognise(zeile) for zeile in zeilen])
    found = sorted(register.erkenne(dokument), key=lambda r: r.ergebnis.key)
    if any(_ROUNDED.search(zeile.text) for zeile in zeilen):
        found = _tolerate(found)
    elif any(_STELLEN.search(zeile.text) for zeile in zeilen):
        found = _tolerate(found, stellen=True, ganze=gerundet.counts_in_vzae(zeile.text for zeile in zeilen))
    found = [_approximate(rechnung) for rechnung in found]
    urteile = [pruefe(rechnung) for rechnung in found]
    kept, unsure = abwaegen.judge(urteile)  # a guess that fails proves nothing: its figures stay open
    kept = zeilenmuster.prefer(urteile, kept)  # a total row adds the same rows in every column
    pruefung = Pruefung(datei, abwaegen.revive(urteile, abwaegen.own_claims(urteile, kept)), [])
    fremdschreibweise.doubt(pruefung)  # a figure in no German notation was read one way: its calculations are doubts
    kreuzung.locate(pruefung)  # one cell that a row's and a column's total both miss by the same: the slip
    bestaetigt.locate(pruefung)  # a sum whose total holds elsewhere and whose parts but one hold: that part
    eingaben.locate(pruefung)  # a product whose result a sum confirms: the slip is in its factors
    folgen.follow(pruefung)
    # the cells of a table a page stored one cell per line
    cells = {r.fund(z).key for r in dokument.zeilen_reihen if r.orte for z in r.werte}
    erwaehnung.mentions(pruefung, zeilen, unsure, cells)
    pruefung.unlesbar = unlesbar.unreadable(zeilen)
    return pruefung


def check_file(path: Path) -> Pruefung:
    """Reads and recomputes one document (BuildFailed when it cannot be read)."""
    return check_lines(str(path), read(path))


# „(Rundungsdifferenzen möglich)“, „die Summe ist aus den ungerundeten Werten gebildet“
_ROUNDED = re.compile(
    r"Rundungsdifferenz|Rundungsabweichung|Differenzen durch Rundung|rundungsbedingt|aus den ungerundeten",
    re.IGNORECASE,
)


# A Stellenplan: its shares of Stellen (plain figures with decimals) are rounded from shares not shown.
_STELLEN = re.compile(r"Stellenplan|Stellenübersicht|Planstellen|Stellenanteil|" + gerundet.VZAE.pattern)


def _tolerate(found: list[Rechnung], stellen: bool = False, ganze: bool = False) -> list[Rechnung]:
    """„(Rundungsdifferenzen möglich)“: the parts of a sum or difference are rounded, each up to half its step; a
    result off by no more than that is a rounding, never a slip, and a rate of change of two such parts may stand
    as far off as the corners of their rounding allow. In a Stellenplan only sums of Stellen (plain
    figures with decimals, or whole ones where it counts in VZÄ: `ganze`) are so read. The readings so allowed are
    new ones, with their tolerance."""
    return [_tolerated(rechnung, stellen, ganze) for rechnung in found]


def _tolerated(rechnung: Rechnung, stellen: bool, ganze: bool) -> Rechnung:
    if stellen and ganze and len(rechnung.teile) == 2 and rechnung.formel in _OF_TWO:
        first, second = (f.zahl for f in rechnung.teile)
        toleranz = _OF_TWO[rechnung.formel](first, second, rechnung.ergebnis.zahl)
        return replace(rechnung, toleranz=toleranz, rundungsgrund=gerundet.GRUND_VZAE) if toleranz else rechnung
    if rechnung.formel == "steigerung" and not stellen and len(rechnung.teile) == 2:
        # the rate of two figures the document says are rounded lies within the corners of their rounding
        first, second = (f.zahl for f in rechnung.teile)
        toleranz = gerundet.scaled_rate_allowance(first, second, rechnung.ergebnis.zahl)
        return replace(rechnung, toleranz=max(toleranz, rechnung.toleranz))
    if rechnung.formel not in ("summe", "saldo", "abstand", "differenz", "unterschied"):
        return rechnung
    figures = [f.zahl for f in (*rechnung.teile, rechnung.ergebnis)]
    ganze = ganze and abs(rechnung.ergebnis.zahl.wert) >= gerundet.AGGREGATE
    if stellen and any(z.einheit or z.schritt > 1 or z.schritt == 1 and not ganze for z in figures):
        return rechnung
    toleranz = gerundet.sum_allowance([f.zahl for f in rechnung.teile])
    if stellen:
        grund = gerundet.GRUND_VZAE if ganze else _SHARES_ROUNDED
        return replace(rechnung, toleranz=toleranz, rundungsgrund=grund)
    return replace(rechnung, toleranz=toleranz)


def _approximate(rechnung: Rechnung) -> Rechnung:
    """„110 m² x 3.883,00 € = ca. 427.000 €“: a result the text calls approximate is rounded to its last place that is
    not zero – within half of it, a rounding; beyond it, a slip."""
    ergebnis = rechnung.ergebnis
    allowance = gerundet.approximate_allowance(ergebnis.zeile.text, ergebnis.zahl)
    if allowance <= rechnung.toleranz:
        return rechnung
    return replace(rechnung, toleranz=allowance, rundungsgrund=gerundet.GRUND_UNGEFAEHR)


# a difference or a rate of two whole VZÄ: the larger figure, not the result, says whether they are totals of many
_OF_TWO = {
    "steigerung": gerundet.VZAE_RUNDUNG.rate,
    "abstand": gerundet.VZAE_RUNDUNG.differenz,
    "differenz": gerundet.VZAE_RUNDUNG.differenz,
    "unterschied": gerundet.VZAE_RUNDUNG.differenz,
}
_SHARES_ROUNDED = gerundet.parts_rounded("und Stellenanteile sind oft aus ungerundeten Anteilen gerundet")
