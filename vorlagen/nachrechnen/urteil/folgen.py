"""The consequences of a slip: every calculation that uses a figure found wrong is recomputed with the corrected
figure – a result that then no longer holds is a Folgefehler; a slip whose typed result holds once its inputs are
corrected stands as „stimmt, sobald der Fehler … berichtigt ist“."""

from __future__ import annotations

from collections import defaultdict, deque
from decimal import Decimal

from vorlagen.nachrechnen.urteil.dokumenturteil import Pruefung
from vorlagen.nachrechnen.urteil.nachgerechnet import FEHLER, FOLGE, STIMMT, Urteil


def follow(pruefung: Pruefung) -> None:
    """Revises the verdicts built on a slip and notes each consequence in `pruefung.folgen`."""
    corrected: dict[tuple, Decimal] = {}
    queue = deque(r for r in pruefung.rechnungen if r.status == FEHLER and r.weiter)
    for slip in queue:
        if slip.richtig is not None and slip.weiter:  # set for every slip when it was judged
            corrected[slip.ergebnis.key] = slip.richtig
    _settle(queue, corrected)
    _drop_coincidences(pruefung, corrected)
    users: dict[tuple, list[Urteil]] = defaultdict(list)
    for rechnung in pruefung.rechnungen:
        for teil in rechnung.teile:
            users[teil.key].append(rechnung)
    seen: set[int] = set()
    typed = _typed_at(pruefung)
    while queue:
        source = queue.popleft()
        for dependent in users[source.ergebnis.key]:
            if id(dependent) in seen or _twin_meant(dependent, corrected, typed):
                continue
            exact = dependent.ergibt([corrected.get(t.key, t.zahl.wert) for t in dependent.teile])
            if exact is None:  # with the corrected figure it divides by zero: it follows to no value
                continue
            new = dependent.gerundet(exact)
            if dependent.status == FEHLER:
                if new == dependent.getippt():  # the typed result is right: only its inputs carry the slip
                    _holds_once_corrected(dependent, new, source, corrected)
                continue  # a slip of its own is reported as such
            if new == dependent.getippt():
                continue
            seen.add(id(dependent))
            pruefung.folgen.setdefault(id(source), []).append((dependent, new))
            if dependent.status == STIMMT:
                dependent.status = FOLGE
                dependent.hinweis = (
                    f"stimmt mit den getippten Zahlen, folgt aber aus dem Fehler in {source.ergebnis.ort}"
                )
            dependent.richtig = new
            corrected[dependent.ergebnis.key] = new
            queue.append(dependent)


def _drop_coincidences(pruefung: Pruefung, corrected: dict[tuple, Decimal]) -> None:
    """A guess that holds with a slipped figure and another figure of the slip's own calculation („1.384.752 € −
    100.102 € = 1.284.650 €“ where 100.102 should be 1.384.752 € − 1.380.865 €) rearranges the slip: a relation the
    slip made, no calculation of the paper and no Folgefehler either – it is dropped. (A guess that uses the slip with
    other figures may be a total worked out of it: that stays, and is a Folgefehler.)"""
    slips = {r.ergebnis.key: {t.key for t in r.teile} for r in pruefung.rechnungen if r.ergebnis.key in corrected}

    def made_by_a_slip(r: Urteil) -> bool:
        figures = {r.ergebnis.key, *(t.key for t in r.teile)}
        if not any(t.key in slips and figures & slips[t.key] for t in r.teile if t.key != r.ergebnis.key):
            return False
        exact = r.ergibt([corrected.get(t.key, t.zahl.wert) for t in r.teile])
        return exact is None or r.gerundet(exact) != r.getippt()  # one that holds corrected (abwaegen.revive) stays

    pruefung.rechnungen = [
        r
        for r in pruefung.rechnungen
        if r.rechnung.sicher or r.rechnung.grund or r.status != STIMMT or not made_by_a_slip(r)
    ]


def _settle(slips: deque[Urteil], corrected: dict[tuple, Decimal]) -> None:
    """The slips whose typed result holds once the other slips they use are corrected („Summe netto“ right under a
    row whose product slipped), until none is left: they are no slips and carry no correction on (their figure as
    typed is right; the consequences of its correction would be consequences of nothing) – whatever their order in
    the document. Bounded: each round settles one slip at least."""
    changed = True
    while changed:
        changed = False
        for slip in list(slips):
            sources = [t.key for t in slip.teile if t.key in corrected and t.key != slip.ergebnis.key]
            exact = slip.ergibt([corrected.get(t.key, t.zahl.wert) for t in slip.teile]) if sources else None
            if exact is not None and slip.gerundet(exact) == slip.getippt():
                source = next(s for s in slips if s.ergebnis.key == sources[0])
                _holds_once_corrected(slip, slip.getippt(), source, corrected)
                slips.remove(slip)
                changed = True


def _holds_once_corrected(slip: Urteil, value: Decimal, source: Urteil, corrected: dict[tuple, Decimal]) -> None:
    slip.status, slip.richtig = STIMMT, value
    slip.hinweis = f"stimmt, sobald der Fehler in {source.ergebnis.ort} berichtigt ist"
    corrected.pop(slip.ergebnis.key, None)


def _typed_at(pruefung: Pruefung) -> dict[tuple[str, Decimal], set[tuple]]:
    """Where each value stands among the figures of the readings: (unit, value) → their places."""
    places: dict[tuple[str, Decimal], set[tuple]] = defaultdict(set)
    for rechnung in pruefung.rechnungen:
        for fund in (*rechnung.teile, rechnung.ergebnis):
            places[(fund.zahl.einheit, fund.zahl.wert)].add(fund.key)
    return places


def _twin_meant(
    dependent: Urteil, corrected: dict[tuple, Decimal], typed: dict[tuple[str, Decimal], set[tuple]]
) -> bool:
    """A guess (the search among the amounts around) that took a slipped figure whose value stands right elsewhere
    too: it may as well have meant the other – „bisher 1.060.950“ beside the slipped „nunmehr 1.060.950“ – so it
    is no consequence of the slip."""
    if dependent.rechnung.sicher or dependent.rechnung.grund:
        return False
    for teil in dependent.teile:
        if teil.key in corrected:
            others = typed[(teil.zahl.einheit, teil.zahl.wert)] - {teil.key}
            if any(key not in corrected for key in others):
                return True
    return False
