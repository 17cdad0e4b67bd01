"""A Zeitraum (von–bis) and how long one may be: every year of it becomes a column and a split."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vorlagen.core.fmt import datum, zahl
from vorlagen.core.limits import LANG_MONATE, MAX_JAHRE
from vorlagen.core.problems import Problem, Where
from vorlagen.load.records import Record, doc


@dataclass(kw_only=True)
class Zeitraum(Record):
    von: dt.date = doc("erster Tag")
    bis: dt.date = doc("letzter Tag (einschließlich)")

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.bis < self.von:
            problems.append(
                Problem(
                    self.where("bis"),
                    f"Der Zeitraum endet ({datum(self.bis)}) vor seinem Beginn "
                    f"({datum(self.von)}) – tauschen Sie „von“ und „bis“.",
                )
            )
        return problems

    @property
    def monate_anzahl(self) -> int:
        """Calendar months touched, first and last included."""
        return (self.bis.year - self.von.year) * 12 + self.bis.month - self.von.month + 1

    @property
    def jahre_anzahl(self) -> int:
        """Calendar years touched, first and last included."""
        return self.bis.year - self.von.year + 1


def laenge(zeitraum: Zeitraum | None, lang: bool, where: Where) -> list[Problem]:
    """The problem of a period longer than plausible (unless `lang`) or than ever computed; `where`: its line."""
    if zeitraum is None or zeitraum.bis < zeitraum.von:
        return []
    shown = f"{datum(zeitraum.von)}–{datum(zeitraum.bis)}"
    if zeitraum.jahre_anzahl > MAX_JAHRE:
        return [
            Problem(
                where,
                f"Der Zeitraum {shown} erstreckt sich über {zahl(zeitraum.jahre_anzahl)} Kalenderjahre – mehr "
                f"als {MAX_JAHRE} Kalenderjahre rechnet vorlagen nicht, auch nicht mit „lang: true“; prüfen Sie "
                "die Jahreszahlen.",
            )
        ]
    if zeitraum.monate_anzahl > LANG_MONATE and not lang:
        return [
            Problem(
                where,
                f"Der Zeitraum {shown} umfasst {zeitraum.monate_anzahl} Monate, mehr als sechs Jahre – prüfen "
                "Sie die Jahreszahlen; ist er so gewollt, setzen Sie „lang: true“.",
            )
        ]
    return []
