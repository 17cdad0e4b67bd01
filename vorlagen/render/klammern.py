"""Marks that open and close in a text – `{{ … }}`, `{% … %}`, `{# … #}` – found in time linear in the text.

A regular expression `\\{\\{(.*?)\\}\\}` tries every „{{“ to the end of a text that never closes it: 300 KB of „{{ a “
without „}}“ took minutes to hours (issue 54, point 10). Here each kind's next opening and its first closing are
looked up with `str.find` once and kept until passed; the matches are those of the regular expression (the first
closing after each opening, the earliest opening first), as `re.Match` objects of it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


class Klammern:
    """`finditer` and `sub` of the pattern „open, anything, the first close“ for each pair of marks, linear."""

    def __init__(self, *paare: tuple[str, str]):
        self.paare = paare
        self.muster = re.compile("|".join(rf"{re.escape(a)}(.*?){re.escape(z)}" for a, z in paare), re.S)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Every match, as `re.finditer` of the pattern finds them."""
        naechste: list[tuple[int, int] | None] = [(-1, -1)] * len(self.paare)  # (opening, end) of each kind
        pos = 0
        while True:
            for i, (auf, zu) in enumerate(self.paare):
                stand = naechste[i]
                if stand is not None and stand[0] < pos:  # passed: look again from here
                    anfang = text.find(auf, pos)
                    ende = text.find(zu, anfang + len(auf)) if anfang != -1 else -1
                    # no closing after this opening: none after any later one either – this kind is done
                    naechste[i] = (anfang, ende + len(zu)) if ende != -1 else None
            offen = [stand for stand in naechste if stand is not None]
            if not offen:
                return
            anfang, ende = min(offen)
            treffer = self.muster.match(text, anfang, ende)
            assert treffer is not None
            yield treffer
            pos = treffer.end()

    def sub(self, ersatz: str | Callable[[re.Match], str], text: str) -> str:
        """The text with each match replaced by `ersatz` (a literal text, or what it returns for the match)."""
        teile, pos = [], 0
        for treffer in self.finditer(text):
            teile += [text[pos : treffer.start()], ersatz if isinstance(ersatz, str) else ersatz(treffer)]
            pos = treffer.end()
        teile.append(text[pos:])
        return "".join(teile)
