"""The figures a build printed, read from its text renditions (the .txt beside each PDF), and where two builds
differ in them: the proof of `vorlagen aktualisieren` that an upgrade prints every figure as before."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

from vorlagen.core.limits import MAX_TEXTFASSUNG
from vorlagen.core.problems import Paths, Problem

# a figure: a date, or a number in German notation with its sign and unit; digits glued to letters (E11, S12) are
# names, not figures
FIGURE = re.compile(
    r"(?<![\w.,])(?:\d{1,2}\.\d{1,2}\.\d{4}"
    r"|[+−±-]?\d(?:[\d.]*\d)?(?:,\d+)?(?:[ \u00a0](?:Mrd\.[ \u00a0]€|Mio\.[ \u00a0]€|T€|€|%))?)(?![\w])"
)


@dataclass(frozen=True)
class Fund:
    """One printed figure: as printed (spaces plain), the line it stands on and that line."""

    text: str
    zeile: int
    kontext: str


@dataclass(frozen=True)
class Abweichung:
    """A figure of the earlier build that is not printed the same now (`nachher` None: gone; `vorher` None: new)."""

    datei: str
    vorher: Fund | None
    nachher: Fund | None
    grund: str | None = None  # why it changes nothing a reader relies on (cents the earlier build lost, a repeat)

    def beschreibung(self) -> str:
        """German, one line: 'datei:zeile: „…“ → „…“ (in: …)'."""
        if self.vorher is None:
            assert self.nachher is not None
            return f"{self.datei}:{self.nachher.zeile}: neu gedruckt „{self.nachher.text}“ – „{self.nachher.kontext}“"
        if self.nachher is None:
            return f"{self.datei}:{self.vorher.zeile}: „{self.vorher.text}“ wird nicht mehr gedruckt – „{self.vorher.kontext}“"
        return (
            f"{self.datei}:{self.vorher.zeile}: „{self.vorher.text}“ wird jetzt „{self.nachher.text}“ gedruckt – "
            f"„{self.nachher.kontext}“"
        )


def figures(text: str) -> list[Fund]:
    """Every figure of a text rendition, in reading order."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        plain = line.replace("\u00a0", " ")
        found += [Fund(m.group(0), number, _window(plain, m.start(), m.end())) for m in FIGURE.finditer(plain)]
    return found


def _window(line: str, start: int, end: int) -> str:
    """The figure with some words around it, on one line: '…der Stadt: 85.557,10 €);'."""
    before, after = " ".join(line[:start].split()[-5:]), " ".join(line[end:].split()[:3])
    head = "…" if len(line[:start].split()) > 5 else ""
    tail = "…" if len(line[end:].split()) > 3 else ""
    return f"{head}{before}{' ' if before and line[start - 1] == ' ' else ''}{line[start:end]}{' ' if after and line[end : end + 1] == ' ' else ''}{after}{tail}"


def renditions(out: Path, paths: Paths) -> tuple[dict[str, str], list[Problem]]:
    """Relative path → text of every text rendition of a build's output folder (the shipped fonts' licence aside);
    a file larger than any this program writes is a problem, not read."""
    found, problems = {}, []
    for path in sorted(out.rglob("*.txt")):
        relative = path.relative_to(out).as_posix()
        if relative.startswith("assets/"):
            continue
        if path.stat().st_size > MAX_TEXTFASSUNG:
            problems.append(
                Problem(
                    paths.where(path),
                    f"Die Textfassung ist größer als {MAX_TEXTFASSUNG // 1024 // 1024} MB – so große schreibt "
                    "vorlagen nicht; nennen Sie mit --vorher die Ausgabe eines Baus.",
                )
            )
            continue
        found[relative] = path.read_text(encoding="utf-8", errors="replace")
    return found, problems


def _wie_vorher(vorher: dict[str, str], nachher: dict[str, str]) -> dict[str, str]:
    """The renditions of `nachher` with each ENTWURF of a public Vorlage under the name `vorher` gave it: this
    version writes it to intern/ (the public part keeps the released state), earlier versions wrote it public."""
    result = dict(nachher)
    for name in nachher:
        oeffentlich = name.removeprefix("intern/")
        if name.startswith("intern/vorlagen/") and oeffentlich in vorher and oeffentlich not in nachher:
            result[oeffentlich] = result.pop(name)
    return result


def compare(vorher: dict[str, str], nachher: dict[str, str]) -> list[Abweichung]:
    """Every figure of `vorher` that `nachher` does not print the same, file by file, aligned in reading order;
    figures only `nachher` prints are listed as new. A file that is gone loses all its figures."""
    nachher = _wie_vorher(vorher, nachher)
    result: list[Abweichung] = []
    for datei in sorted(set(vorher) | set(nachher)):
        old, new = figures(vorher.get(datei, "")), figures(nachher.get(datei, ""))
        matcher = difflib.SequenceMatcher(None, [f.text for f in old], [f.text for f in new], autojunk=False)
        opcodes = matcher.get_opcodes()
        kept = {(old[i].zeile, old[i].text) for tag, i1, i2, _, _ in opcodes if tag == "equal" for i in range(i1, i2)}
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal":
                continue
            for k in range(max(i2 - i1, j2 - j1)):
                before = old[i1 + k] if i1 + k < i2 else None
                after = new[j1 + k] if j1 + k < j2 else None
                result.append(Abweichung(datei, before, after, _unverloren(before, after, kept)))
    return result


CENT_ERGAENZT = "die frühere Version druckte ganze Euro, wo die Daten Cent nennen; jetzt mit den Cent"
WIEDERHOLT = "die frühere Version druckte den Betrag in dieser Zeile zweimal; er steht dort weiter"


def _unverloren(before: Fund | None, after: Fund | None, kept: set[tuple[int, str]]) -> str | None:
    """Why a difference loses nothing: the earlier build printed whole euros of an amount with cents (and the
    amount with its cents rounds to them), or it printed the same figure twice on a line that still shows it."""
    if before is not None and after is None and (before.zeile, before.text) in kept:
        return WIEDERHOLT
    if before is None or after is None:
        return None
    alt, neu = _betrag(before.text), _betrag(after.text)
    if alt is None or neu is None or "," in before.text or "," not in after.text:
        return None
    gerundet = (abs(neu) + Decimal("0.5")).to_integral_value(rounding=ROUND_FLOOR) * (1 if neu >= 0 else -1)
    return CENT_ERGAENZT if gerundet == alt else None


def _betrag(text: str) -> Decimal | None:
    """A printed amount in euros as a number: '+8.000,65 €' → 8000.65; None for anything else."""
    match = re.fullmatch(r"([+−±-]?)(\d[\d.]*)(?:,(\d+))? €", text)
    if match is None:
        return None
    value = Decimal(match[2].replace(".", "") + "." + (match[3] or "0"))
    return -value if match[1] in ("−", "-") else value
