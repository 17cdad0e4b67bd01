"""What the search in the surroundings (umgebung.py) has read so far: each calculation's values and where its figures
stand, under each of its values – so that a reading that says the same again („b = a − c“ of „a = b + c“) or explains
a figure through itself is not read a second time."""

from __future__ import annotations

from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung

_Wert = tuple[str, Decimal]  # a value with its unit


class Gelesen:
    """The calculations read, under each of their values: the values they tie together and where their figures
    stand."""

    def __init__(self) -> None:
        self._by_value: dict[_Wert, list[tuple[frozenset[_Wert], frozenset[tuple[int, int, int]]]]] = {}

    def add(self, rechnung: Rechnung) -> None:
        values, where = _values(rechnung), figures(rechnung)
        for value in values:
            self._by_value.setdefault(value, []).append((values, where))

    def restates(self, rechnung: Rechnung) -> bool:
        """All its values are those of one calculation read before, over a figure of it, with its result one of
        that one's figures: „b = a − c“ of „a = b + c“ says nothing new. The same values where the result or every
        figure stands again („insgesamt: 26.982,00 €“ under the parts after the Satzung named it above; „Gedeckt
        wird er in Höhe von a … und b“, two paragraphs on „mit a überzogen … die darüber hinaus nötigen b“) are
        figures typed a second time, and that they still hold together is checked."""
        values, where_now = _values(rechnung), figures(rechnung)
        result = (rechnung.ergebnis.zahl.einheit, abs(rechnung.ergebnis.zahl.wert))
        own = rechnung.ergebnis.key
        return any(
            values <= before and where_now & where and own in where for before, where in self._by_value.get(result, ())
        )

    def circular(self, rechnung: Rechnung) -> bool:
        """A part and the figure stand in one calculation read before, so the figure would explain itself: „0,5 x
        79.928 € = 39.964 €“ read, 79.928 € as 39.964 € + 29.629 € + 10.335 € counts 39.964 € twice („39.964 € −
        29.629 € = 10.335 €“); „3 x 68.136 € = 204.408 €“ read, 68.136 € as 272.544 € − 204.408 € is 4 x − 3 x. The
        same calculation over the same values is none: it restates (`restates`)."""
        own = (rechnung.ergebnis.zahl.einheit, abs(rechnung.ergebnis.zahl.wert))
        values = {(teil.zahl.einheit, abs(teil.zahl.wert)) for teil in rechnung.teile}
        return any(values & before and not values <= before for before, _ in self._by_value.get(own, ()))

    def new(self, rechnung: Rechnung | None) -> Rechnung | None:
        """The calculation where it says something new: None where it restates one read before or explains its
        figure through itself."""
        if rechnung is None or self.restates(rechnung) or self.circular(rechnung):
            return None
        return rechnung


def figures(rechnung: Rechnung) -> frozenset[tuple[int, int, int]]:
    """The figures a calculation ties together, wherever they stand – not a 0 among them („erhöht um 0“)."""
    return frozenset(f.key for f in (rechnung.ergebnis, *rechnung.teile) if f.zahl.wert)


def _values(rechnung: Rechnung) -> frozenset[_Wert]:
    """The values a calculation ties together, with their unit – not a 0 among them („erhöht um 0“)."""
    return frozenset((f.zahl.einheit, abs(f.zahl.wert)) for f in (rechnung.ergebnis, *rechnung.teile) if f.zahl.wert)
