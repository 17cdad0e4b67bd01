"""A sum that fails although its total is confirmed elsewhere: a Finanzierungsplan „Zuwendung 630.000 € | Eigenanteil
575.640 € | Summe 1.187.640 €“ under a Kostenschätzung whose „Gesamtkosten 1.187.640 €“ add up, the Zuwendung
confirmed as 60 % of the zuwendungsfähige Kosten. The total is right (another sure reading gives the same value and
holds), every part but one holds by a reading of its own (or its value does, stated again elsewhere): the one left is the slip – the total less the others
(557.640 €) – and the sum holds once it is corrected. Before, the confirmed total was named the slip.

Only sure sums of positive figures; the confirming reading is sure and uses none of the sum's figures. Bounded: each
failed sum is looked at once, against a set of the values that hold."""

from __future__ import annotations

from vorlagen.nachrechnen.urteil.abwaegen import the_part
from vorlagen.nachrechnen.urteil.dokumenturteil import Pruefung
from vorlagen.nachrechnen.urteil.kreuzung import plain_sum
from vorlagen.nachrechnen.urteil.nachgerechnet import FEHLER, RUNDUNG, STIMMT, Urteil

_ART = "Teil einer Summe, deren Ergebnis anderswo aufgeht: die Summe weniger die übrigen Teile"


def locate(pruefung: Pruefung) -> None:
    """Replaces each failed sum whose total holds elsewhere and whose parts but one hold by the one part's slip."""
    holding = [u for u in pruefung.rechnungen if u.status in (STIMMT, RUNDUNG)]
    held_keys = {u.ergebnis.key for u in holding}
    held_values = {(u.ergebnis.zahl.einheit, u.ergebnis.zahl.wert) for u in holding}
    confirming: dict[tuple[str, object], Urteil] = {}
    for u in holding:
        if u.rechnung.sicher:
            confirming.setdefault((u.ergebnis.zahl.einheit, u.ergebnis.zahl.wert), u)
    slips: list[Urteil] = []
    for total in [u for u in pruefung.rechnungen if u.status == FEHLER and plain_sum(u)]:
        other = confirming.get((total.ergebnis.zahl.einheit, total.ergebnis.zahl.wert))
        figures = {t.key for t in total.teile} | {total.ergebnis.key}
        if other is None or figures & ({t.key for t in other.teile} | {other.ergebnis.key}):
            continue
        # a part holds where a reading confirms it, or its value where the text states it again („das sind 630.000 €“
        # over the table's „Zuwendung Land | 630.000 €“)
        open_parts = [
            t for t in total.teile if t.key not in held_keys and (t.zahl.einheit, t.zahl.wert) not in held_values
        ]
        if len(open_parts) != 1:
            # the total holds elsewhere: the slip is one of the parts, which the sum alone cannot tell
            total.hinweis = total.hinweis or (
                f"{total.ergebnis.zahl.zeige()} geht in {other.ergebnis.ort} auf ({other.zeichen}): falsch ist "
                "einer der Teile"
            )
            continue
        slip = the_part(total, open_parts[0], _ART, "teilfehler")
        if slip.status != FEHLER:
            continue
        slip.hinweis = (
            f"{total.ergebnis.zahl.zeige()} geht in {other.ergebnis.ort} auf ({other.zeichen}), die übrigen "
            "Teile durch eigene Rechnungen"
        )
        total.status, total.richtig = STIMMT, total.getippt()
        total.hinweis = f"stimmt, sobald der Fehler in {open_parts[0].ort} berichtigt ist"
        slips.append(slip)
    pruefung.rechnungen = sorted(pruefung.rechnungen + slips, key=lambda u: u.ergebnis.key)
