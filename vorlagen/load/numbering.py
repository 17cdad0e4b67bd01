"""The next free Nummer of a Vorlage, under the Hausstil's pattern (JJJJ/NNNN unless it names another)."""

from __future__ import annotations

import re
from pathlib import Path

from vorlagen.load.vorlagenart import muster_teile

STANDARD = "JJJJ/NNNN"  # year, slash, a number of at least four digits


def used_nummern(data: Path) -> list[str]:
    """The Nummer of every vorlage.yaml, read as text (also from files with other problems)."""
    found = []
    for path in sorted(data.glob("vorlagen/*/vorlage.yaml")):
        match = re.search(r'^nummer:[ \t]*["\']?([^"\'\s#]+)', path.read_text(encoding="utf-8", errors="replace"), re.M)
        if match and match.group(1) not in ("~", "null", "Null", "NULL"):  # an open Nummer counts for nothing
            found.append(match.group(1))
    return found


def next_nummer(muster: str | None, used: list[str], year: int) -> str | None:
    """The next Nummer of this year; None when the pattern does not say which part counts (R, two Ns)."""
    teile = muster_teile(muster or STANDARD)
    counters = [t for platzhalter, t in teile if platzhalter and t.startswith("N")]
    if (True, "R") in teile or len(counters) != 1:
        return None
    fixed = {"JJJJ": f"{year:04d}", "JJ": f"{year % 100:02d}"}

    def zaehler(platzhalter: bool, t: str) -> bool:
        return platzhalter and t.startswith("N")

    def fest(platzhalter: bool, t: str) -> str:
        return fixed.get(t, t) if platzhalter else t

    regex = re.compile("".join(r"(\d+)" if zaehler(*teil) else re.escape(fest(*teil)) for teil in teile))
    count = max((int(match.group(1)) for nummer in used if (match := regex.fullmatch(nummer))), default=0) + 1
    width = len(counters[0]) if len(counters[0]) > 1 else 1
    return "".join(f"{count:0{width}d}" if zaehler(*teil) else fest(*teil) for teil in teile)


def next_fassung(original: str, used: list[str]) -> str:
    """The Nummer of the next Ergänzung or Neufassung of a Vorlage: 151/2013 → 151/2013/1, /2 …"""
    taken = [
        int(n[len(original) + 1 :]) for n in used if n.startswith(original + "/") and n[len(original) + 1 :].isdigit()
    ]
    return f"{original}/{max(taken, default=0) + 1}"
