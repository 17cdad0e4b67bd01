"""The judgment over all readings of a document: per figure, a reading that holds wins over one that does not; of
readings that all fail, the likeliest speaks – a slip when it is sure, „nicht eindeutig“ when it is not."""

from __future__ import annotations

from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.lesen.zahlenlesen import written_sum
from vorlagen.nachrechnen.urteil.nachgerechnet import FEHLER, OFFEN, RUNDUNG, STIMMT, UNKLAR, Urteil, pruefe


def judge(found: list[Urteil]) -> tuple[list[Urteil], set[tuple]]:
    """The readings that stand (in the order found), and the figures of guesses that failed (listed as
    „nicht geprüft“ even without a unit). Every reading has its verdict from its own figures (`pruefe`)."""
    groups: dict[tuple, list[Urteil]] = {}
    for rechnung in found:
        groups.setdefault(rechnung.ergebnis.key, []).append(rechnung)
    kept: set[int] = set()
    failed: set[tuple] = set()
    for key, readings in groups.items():
        holding = [r for r in readings if r.status == STIMMT] or [r for r in readings if r.status == RUNDUNG]
        if holding:
            seen: set[tuple] = set()
            for rechnung in sorted(holding, key=lambda r: -r.rang):
                parts = (rechnung.typ, tuple(t.key for t in rechnung.teile))
                if parts not in seen:  # the same calculation found twice counts once
                    seen.add(parts)
                    kept.add(id(rechnung))
            continue
        claims = [r for r in readings if r.status in (FEHLER, UNKLAR)]
        if not claims:
            failed.add(key)
            continue
        best = max(claims, key=lambda r: (r.rang, r.status == FEHLER))
        other = next((r for r in claims if r.status == FEHLER and r.richtig != best.richtig), None)
        if best.status == FEHLER and other is not None and not best.hinweis:  # wrong by every reading that is sure
            best.hinweis = f"auch anders gelesen falsch: {other.zeichen} = {other.ergebnis.zahl.zeige(other.richtig)}"
        kept.add(id(best))
    return [r for r in found if id(r) in kept], failed


def revive(found: list[Urteil], kept: list[Urteil]) -> list[Urteil]:
    """A reading set aside that fails only because a part of it is a slip found elsewhere (the column total
    „Veränderung“ under a row with a slip) stands again, as „stimmt, sobald der Fehler … berichtigt ist“."""
    slips = {r.ergebnis.key: r for r in kept if r.status == FEHLER}
    standing = {id(r) for r in kept}
    revived = []
    for rechnung in found:
        if id(rechnung) in standing or rechnung.status not in (FEHLER, OFFEN):  # a guess may hold once corrected
            continue
        sources = [slips[t.key] for t in rechnung.teile if t.key in slips]
        if not sources:
            continue
        values = [_corrected(slips[t.key]) if t.key in slips else t.zahl.wert for t in rechnung.teile]
        exact = rechnung.ergibt(values)  # None: divides by zero even corrected, no value to hold
        if exact is not None and rechnung.gerundet(exact) == rechnung.getippt():
            rechnung.status, rechnung.richtig = STIMMT, rechnung.getippt()
            rechnung.hinweis = f"stimmt, sobald der Fehler in {sources[0].ergebnis.ort} berichtigt ist"
            revived.append(rechnung)
    return sorted(kept + revived, key=lambda r: r.ergebnis.key)


def _corrected(slip: Urteil) -> Decimal:
    """The recomputed value of a slip (set when it was judged)."""
    assert slip.richtig is not None
    return slip.richtig


def own_claims(found: list[Urteil], kept: list[Urteil]) -> list[Urteil]:
    """A total row whose cells do not add up to its total is a slip even where its column confirms the total
    (issue 44, point 4: totals both ways). If every part but one holds by a reading of its own, that one is wrong:
    the total less the others; otherwise the row's sum stands as the slip, naming the reading that confirms its
    total. A row one of whose parts is a slip found elsewhere is left to `revive`."""
    holding = {r.ergebnis.key for r in kept if r.status in (STIMMT, RUNDUNG)}
    slips = {r.ergebnis.key for r in kept if r.status == FEHLER}
    standing = {id(r) for r in kept}
    result = list(kept)
    for row in found:
        if not row.selbst or row.status != FEHLER or id(row) in standing or any(t.key in slips for t in row.teile):
            continue
        confirming = next((r for r in kept if r.ergebnis.key == row.ergebnis.key and r.status == STIMMT), None)
        if confirming is None:
            continue
        open_parts = [t for t in row.teile if t.key not in holding]
        if len(open_parts) == 1:
            part = the_part(row, open_parts[0])
            result = [r for r in result if r.ergebnis.key != part.ergebnis.key] + [part]
            slips.add(part.ergebnis.key)
            continue
        total = row.ergebnis.zahl.zeige()
        where = "der Zeilen darunter" if row.typ == "verteilung" else "der Zeile"
        row.hinweis = f"{confirming.zeichen} = {total} bestätigt die Summe: falsch ist einer der Teile {where}"
        result.append(row)
    return result


PART_OF_ROW = "Teil der Summenzeile: ihre Gesamtsumme weniger die übrigen Teile"


def the_part(row: Urteil, part: Fund, art: str = PART_OF_ROW, typ: str = "zeilensumme") -> Urteil:
    """The one part of a sum that its total and its other parts decide: the total less the others, judged."""
    others = [t for t in row.teile if t.key != part.key]
    own = row.rechnung.vorzeichen or [1] * len(row.teile)
    signs = [1] + [-s for t, s in zip(row.teile, own, strict=True) if t.key != part.key]
    reading = Rechnung(
        art,
        "summe",
        [row.ergebnis, *others],
        part,
        written_sum([row.ergebnis.zahl, *(t.zahl for t in others)], signs),
        betrag=False,
        vorzeichen=signs,
        rang=row.rang,
        typ=typ,
    )
    return pruefe(reading)
