"""`vorlagen aktualisieren`: brings a data repository of an earlier version to this one and proves it.

The rewrites (review/umschreiben.py) are applied to a copy of the data folder; the copy is built with this program
into a folder of its own, and every figure the earlier build printed (the text renditions of its output) is compared
with what the copy prints now. Only when every figure is printed as before – or its change is one this version
makes on purpose and says why – are the rewritten files written into the repository; nothing else is touched.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from vorlagen.core.problems import BuildFailed, Problem
from vorlagen.review.gedruckt import Abweichung, compare, figures, renditions
from vorlagen.review.umschreiben import Erklaerung, Offen, Umschreibung, umschreiben


@dataclass
class Ergebnis:
    """What `aktualisieren` did, could not do, and what its proof found."""

    umschreibungen: list[Umschreibung] = field(default_factory=list)
    offen: list[Offen] = field(default_factory=list)
    probleme: list[Problem] = field(default_factory=list)  # the rewritten copy does not build: these are why
    abweichungen: list[Abweichung] = field(default_factory=list)  # figures printed differently, unexplained
    erklaert: list[tuple[Abweichung, str]] = field(default_factory=list)  # … and those this version changes on purpose
    zahlen: int = 0  # figures of the earlier build compared
    dateien: int = 0  # text renditions compared
    neu: dict[str, bytes] = field(default_factory=dict)  # data file (relative to the data folder) → its new content

    @property
    def bewiesen(self) -> bool:
        return not self.probleme and not self.abweichungen


def vorherige_ausgabe(out: Path) -> dict[str, str]:
    """The text renditions of the earlier build: the oracle. Empty when there is none."""
    return renditions(out) if out.is_dir() else {}


def aktualisieren(data: Path, vorher: dict[str, str], bauen) -> Ergebnis:
    """Rewrites a copy of `data`, builds it with `bauen(data_dir, out_dir)` (raises BuildFailed) and compares its
    figures with `vorher`; `Ergebnis.neu` holds the rewritten files (the caller writes them when proven)."""
    result = Ergebnis()
    with tempfile.TemporaryDirectory(prefix="vorlagen-aktualisieren-") as work:
        copy = Path(work) / data.name
        shutil.copytree(data, copy, symlinks=False)
        result.umschreibungen, result.offen, erklaerungen = umschreiben(copy)
        out = Path(work) / "ausgabe"
        try:
            bauen(copy, out)
        except BuildFailed as failed:
            result.probleme = failed.problems
            return result
        nachher = renditions(out)
        result.dateien = len(vorher)
        result.zahlen = sum(len(figures(text)) for text in vorher.values())
        for abweichung in compare(vorher, nachher):
            grund = _grund(abweichung, erklaerungen)
            if grund is not None:
                result.erklaert.append((abweichung, grund))
            elif abweichung.vorher is not None:  # a figure printed only now changes nothing printed before
                result.abweichungen.append(abweichung)
        result.neu = {name: (copy / name).read_bytes() for name in sorted({u.datei for u in result.umschreibungen})}
    return result


def _grund(abweichung: Abweichung, erklaerungen: list[Erklaerung]) -> str | None:
    """The reason this version prints a figure differently on purpose, if one of its rules says so."""
    before = abweichung.vorher.text if abweichung.vorher is not None else None
    after = abweichung.nachher.text if abweichung.nachher is not None else None
    for e in erklaerungen:
        if e.vorher == before and e.nachher == after:
            return e.grund
    return None
