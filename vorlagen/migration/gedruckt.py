"""The figures a build printed, read from its text renditions (the .txt beside each PDF), and where two builds
differ in them: the proof of `vorlagen aktualisieren` that an upgrade prints every figure as before."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

from vorlagen.core.fmt import gekuerzt, zahl
from vorlagen.core.limits import MAX_TEXTFASSUNG, MAX_ZAHLENVERGLEICH
from vorlagen.core.problems import BuildFailed, Paths, Problem, Where, os_error_reason
from vorlagen.core.reads import NotReadable, read_file, zu_gross_text

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
    umgebung: str = ""  # words of a text difference: all of them with the words around them (to be explained)


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
            return f"{self.datei}:{self.nachher.zeile}: neu gedruckt „{_kurz(self.nachher)}“ – „{self.nachher.kontext}“"
        if self.nachher is None:
            return f"{self.datei}:{self.vorher.zeile}: „{_kurz(self.vorher)}“ wird nicht mehr gedruckt – „{self.vorher.kontext}“"
        return (
            f"{self.datei}:{self.vorher.zeile}: „{_kurz(self.vorher)}“ wird jetzt „{_kurz(self.nachher)}“ gedruckt – "
            f"„{self.nachher.kontext}“"
        )


def _kurz(fund: Fund) -> str:
    """A figure, or the words of a text difference shortened for a report line."""
    return gekuerzt(fund.text, 80)


def figures(text: str) -> list[Fund]:
    """Every figure of a text rendition, in reading order."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        plain = line.replace("\u00a0", " ")
        found += [Fund(m.group(0), number, _window(plain, m.start(), m.end())) for m in FIGURE.finditer(plain)]
    return found


UMGEBUNG = 200  # characters on each side of a figure its words are taken from: a line of 200 KB stays linear


def _window(line: str, start: int, end: int) -> str:
    """The figure with some words around it, on one line: '…der Stadt: 85.557,10 €);' – the words taken from at
    most UMGEBUNG characters on each side (a word cut there is not shown, and „…“ says that more stands there)."""
    links, rechts = max(0, start - UMGEBUNG), min(len(line), end + UMGEBUNG)
    vor, nach = line[links:start].split(), line[end:rechts].split()
    if links and vor and not line[links - 1].isspace() and not line[links].isspace():
        vor = vor[1:]  # a word cut by the window's edge
    if rechts < len(line) and nach and not line[rechts - 1].isspace() and not line[rechts].isspace():
        nach = nach[:-1]
    before, after = " ".join(vor[-5:]), " ".join(nach[:3])
    head = "…" if len(vor) > 5 or links else ""
    tail = "…" if len(nach) > 3 or rechts < len(line) else ""
    return f"{head}{before}{' ' if before and line[start - 1] == ' ' else ''}{line[start:end]}{' ' if after and line[end : end + 1] == ' ' else ''}{after}{tail}"


def renditions(out: Path, paths: Paths) -> tuple[dict[str, str], list[Problem]]:
    """Relative path → text of every text rendition of a build's output folder (the shipped fonts' licence aside);
    a file larger than any this program writes, a named pipe or a link out of the folder is a problem, not read
    (core/reads.read_file: its type and size looked at before it is read)."""
    found, problems = {}, []
    for path in sorted(out.rglob("*.txt")):
        relative = path.relative_to(out).as_posix()
        if relative.startswith("assets/"):
            continue
        try:
            found[relative] = read_file(path, MAX_TEXTFASSUNG, within=out, noted=False).decode("utf-8", "replace")
        except NotReadable as error:
            zu_gross = str(error) == zu_gross_text(path, MAX_TEXTFASSUNG)
            problems.append(Problem(paths.where(path), _ZU_GROSS if zu_gross else str(error)))
        except OSError as error:
            problems.append(
                Problem(
                    paths.where(path),
                    f"Die Textfassung lässt sich nicht lesen ({os_error_reason(error)}) – prüfen Sie, ob Sie sie "
                    "öffnen dürfen.",
                )
            )
    return found, problems


_ZU_GROSS = (
    f"Die Textfassung ist größer als {MAX_TEXTFASSUNG // 1024 // 1024} MB – so große schreibt vorlagen nicht; nennen "
    "Sie mit --vorher die Ausgabe eines Baus."
)


def wie_vorher(vorher: dict[str, str], nachher: dict[str, str]) -> dict[str, str]:
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
    nachher = wie_vorher(vorher, nachher)
    result: list[Abweichung] = []
    for datei in sorted(set(vorher) | set(nachher)):
        old, new = figures(vorher.get(datei, "")), figures(nachher.get(datei, ""))
        opcodes = _ausgerichtet(datei, [f.text for f in old], [f.text for f in new])
        kept = {(old[i].zeile, old[i].text) for tag, i1, i2, _, _ in opcodes if tag == "equal" for i in range(i1, i2)}
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal":
                continue
            for k in range(max(i2 - i1, j2 - j1)):
                before = old[i1 + k] if i1 + k < i2 else None
                after = new[j1 + k] if j1 + k < j2 else None
                result.append(Abweichung(datei, before, after, _unverloren(before, after, kept)))
    return result


def _ausgerichtet(datei: str, alt: list[str], neu: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes of two lists of figures: the figures the same at the start and at the end kept as they are,
    the middle aligned by difflib – whose work (each figure of one side against each equal one of the other) is
    bounded: a text of thousands of equal figures that differs in the middle is refused, not compared for hours."""
    vorn = 0
    while vorn < min(len(alt), len(neu)) and alt[vorn] == neu[vorn]:
        vorn += 1
    hinten = 0
    while hinten < min(len(alt), len(neu)) - vorn and alt[-1 - hinten] == neu[-1 - hinten]:
        hinten += 1
    mitte_alt, mitte_neu = alt[vorn : len(alt) - hinten], neu[vorn : len(neu) - hinten]
    anzahl = Counter(mitte_neu)
    if sum(anzahl[f] for f in mitte_alt) > MAX_ZAHLENVERGLEICH:
        raise BuildFailed(
            [
                Problem(
                    Where(datei),
                    f"Die Textfassung weicht in {zahl(len(mitte_alt))} Zahlen vorher und {zahl(len(mitte_neu))} "
                    "nachher ab, von denen so viele gleich sind, dass sie sich nicht in "
                    f"{zahl(MAX_ZAHLENVERGLEICH)} Vergleichen einander zuordnen lassen – vorlagen prüft sie nicht und "
                    "schreibt nichts; prüfen Sie, ob die Ausgabe von einem Bau von vorlagen stammt (sonst nennen Sie "
                    "mit --vorher die eines Baus).",
                )
            ]
        )
    mitte = difflib.SequenceMatcher(None, mitte_alt, mitte_neu, autojunk=False).get_opcodes()
    codes = [("equal", 0, vorn, 0, vorn)] if vorn else []
    codes += [(tag, i1 + vorn, i2 + vorn, j1 + vorn, j2 + vorn) for tag, i1, i2, j1, j2 in mitte]
    codes += [("equal", len(alt) - hinten, len(alt), len(neu) - hinten, len(neu))] if hinten else []
    return codes


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


WORTVERGLEICH = 400_000  # words of two renditions compared word by word; beyond it only where they first differ


def textabweichungen(
    vorher: dict[str, str], nachher: dict[str, str], umbenannt: Mapping[str, tuple[str, ...]], ohne: str = ""
) -> list[Abweichung]:
    """The text of `vorher` that `nachher` does not print the same, apart from its figures (compare names those)
    and from the words this version names anew (`umbenannt`: word → the words it may print instead), spaces and
    line breaks aside; lines starting with `ohne` (the ENTWURF line) are not compared. Text only `nachher` prints is
    no loss and not listed. A file that is gone loses all its text."""
    result: list[Abweichung] = []
    nachher = wie_vorher(vorher, nachher)  # an ENTWURF this version writes to intern/, an earlier one public
    for datei in sorted(vorher):
        alt, neu = _woerter(vorher[datei], ohne), _woerter(nachher.get(datei, ""), ohne)
        if [w for w, _, _ in alt] == [w for w, _, _ in neu]:
            continue
        if len(alt) + len(neu) > WORTVERGLEICH:
            erste = next((i for i, (a, b) in enumerate(zip(alt, neu)) if a[0] != b[0]), min(len(alt), len(neu)))
            opcodes = [("replace", erste, len(alt), erste, len(neu))]
        else:
            matcher = difflib.SequenceMatcher(None, [w for w, _, _ in alt], [w for w, _, _ in neu], autojunk=False)
            opcodes = [op for op in matcher.get_opcodes() if op[0] in ("replace", "delete")]
        for _, i1, i2, j1, j2 in opcodes:
            if i2 - i1 == j2 - j1 and all(neu[j1 + k][0] in umbenannt.get(alt[i1 + k][0], ()) for k in range(i2 - i1)):
                continue
            result.append(Abweichung(datei, _textfund(alt, i1, i2), _textfund(neu, j1, j2) if j2 > j1 else None))
    return result


def als_woerter(text: str) -> str:
    """Text as the proof of the text compares it: its words, each figure as „#“, one space between them –
    „§ 85 Abs. 1 GO NRW“ → „§ # Abs. # GO NRW“."""
    return " ".join(FIGURE.sub("#", text.replace("\u00a0", " ")).split())


PLATZ = "\x00"  # stands for a figure while a line is split into words (no text rendition holds it)


def _woerter(text: str, ohne: str) -> list[tuple[str, int, str]]:
    """The words of a text rendition with their line numbers, each as compared (figures as „#“) and as printed, a
    word hyphenated at a line's end joined again (a figure printed longer may wrap a paragraph anew)."""
    woerter: list[tuple[str, int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if ohne and line.startswith(ohne):
            continue
        plain = line.replace("\u00a0", " ")
        zahlen = iter([m.group(0) for m in FIGURE.finditer(plain)])
        teile = [
            (w.replace(PLATZ, "#"), "".join(next(zahlen) if c == PLATZ else c for c in w))
            for w in FIGURE.sub(PLATZ, plain).split()
        ]
        if teile and woerter and woerter[-1][0].endswith("-") and len(woerter[-1][0]) > 1 and teile[0][0][:1].islower():
            wort, zeile, gezeigt = woerter.pop()
            erstes, erstes_gezeigt = teile.pop(0)
            woerter.append((wort[:-1] + erstes, zeile, gezeigt[:-1] + erstes_gezeigt))
        woerter += [(w, number, g) for w, g in teile]
    return woerter


MAX_WORTE = 2000  # characters of the words of a text difference kept whole (to be explained); a report shows 80


def _textfund(woerter: list[tuple[str, int, str]], von: int, bis: int) -> Fund:
    """The words `von` to `bis` as printed (shortened) on the line of the first, with some words before and after
    them."""
    ganz = " ".join(g for _, _, g in woerter[von:bis])
    teil = gekuerzt(ganz, 80)
    davor = " ".join(g for _, _, g in woerter[max(0, von - 5) : von])
    danach = " ".join(g for _, _, g in woerter[bis : bis + 3])
    zeile = woerter[von][1] if von < len(woerter) else (woerter[-1][1] if woerter else 1)
    kontext, umgebung = (" ".join(x for x in (davor, w, danach) if x) for w in (teil, ganz))
    return Fund(gekuerzt(ganz, MAX_WORTE), zeile, kontext, gekuerzt(umgebung, MAX_WORTE))
