"""A calculation with a figure typed in no German notation („37,085.971 EUR“, „471,621,00 €“) is „nicht eindeutig“,
whatever it gives: the reader took the figure one way (nachrechnen/lesen/zahlenlesen.py, read_foreign), and whether the author
meant that is a guess. The verdict says which reading it took and what the calculation gives with it – that it holds
(the slip is one of notation only) or what it would be – never a slip and never a silent „stimmt“."""

from __future__ import annotations

from vorlagen.nachrechnen.aufbau.rechnung import Fund
from vorlagen.nachrechnen.urteil.dokumenturteil import Pruefung
from vorlagen.nachrechnen.urteil.nachgerechnet import FEHLER, RUNDUNG, STIMMT, UNKLAR, Urteil


def doubt(pruefung: Pruefung) -> None:
    """Every standing calculation with a figure in no German notation becomes „nicht eindeutig“, with the reading."""
    for rechnung in pruefung.rechnungen:
        foreign = [f for f in (*rechnung.teile, rechnung.ergebnis) if f.zahl.fremd]
        if foreign and rechnung.status in (STIMMT, RUNDUNG, FEHLER, UNKLAR):
            doubt_before = rechnung.hinweis if rechnung.status == UNKLAR else ""  # a doubt of its own stays said
            rechnung.hinweis = _note(rechnung, foreign) + (f"; {doubt_before}" if doubt_before else "")
            rechnung.status = UNKLAR


def _note(rechnung: Urteil, foreign: list[Fund]) -> str:
    """„„37,085.971 EUR“ (Z. 8) als 37.085.971 € gelesen, stimmt die Rechnung; …“."""
    read = " und ".join(f"„{f.zahl.text}“ ({f.ort}) als {f.zahl.zeige()}" for f in foreign)
    if rechnung.status in (STIMMT, RUNDUNG):
        said = "stimmt die Rechnung"
    else:
        said = f"wären es {rechnung.ergebnis.zahl.zeige(rechnung.richtig)}"
    subject = "die Zahl ist" if len(foreign) == 1 else "die Zahlen sind"
    return f"{read} gelesen, {said}; {subject} nicht in deutscher Schreibweise getippt, gemeint sein kann anderes"
