"""`vorlagen aktualisieren`: brings a data repository of an earlier version to this one and proves it.

The rewrites (migration/umschreiben.py) are applied to a copy of the data folder; the copy is built with this program
into a folder of its own, and every figure the earlier build printed (the text renditions of its output) is compared
with what the copy prints now. Only when every figure is printed as before – or its change is one this version
makes on purpose and says why – are the rewritten files written into the repository; nothing else is touched.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vorlagen.compute.deckungsquellen import DECKUNGSWORTE
from vorlagen.core.pfade import genannte_datei, gezeigt
from vorlagen.core.problems import BuildFailed, Paths, Problem, Where, raise_if
from vorlagen.core.reads import ABSENT
from vorlagen.core.schreibvorgang import stand_von
from vorlagen.load.land import Land
from vorlagen.migration.datenkopie import kopieren
from vorlagen.migration.erklaerungen import Erklaerung, Textaenderung
from vorlagen.migration.gedruckt import (
    WIEDERHOLT,
    Abweichung,
    als_woerter,
    compare,
    figures,
    renditions,
    textabweichungen,
    wie_vorher,
)
from vorlagen.migration.umschreiben import Offen, Umschreibung
from vorlagen.migration.umschreibregeln import umschreiben


@dataclass
class Ergebnis:
    """What `aktualisieren` did, could not do, and what its proof found."""

    umschreibungen: list[Umschreibung] = field(default_factory=list)
    offen: list[Offen] = field(default_factory=list)
    probleme: list[Problem] = field(default_factory=list)  # the rewritten copy does not build: these are why
    abweichungen: list[Abweichung] = field(default_factory=list)  # figures printed differently, unexplained
    erklaert: list[tuple[Abweichung, str]] = field(default_factory=list)  # … and those this version changes on purpose
    worte: list[tuple[Abweichung, str]] = field(default_factory=list)  # words this version prints anew on purpose
    zahlen: int = 0  # figures of the earlier build compared
    dateien: int = 0  # text renditions compared
    neu: dict[str, bytes] = field(default_factory=dict)  # data file (relative to the data folder) → its new content
    staende: dict[str, str] = field(default_factory=dict)  # … → the state of the user's file it was rewritten from
    entwuerfe: list[str] = field(
        default_factory=list
    )  # released before, an ENTWURF after: its print changes on purpose
    verloren: list[str] = field(default_factory=list)  # … and without such a change (a sign-off the update unsigns)
    benannt: list[tuple[str, str]] = field(default_factory=list)  # (text rendition, words) this version names anew

    @property
    def bewiesen(self) -> bool:
        return not self.probleme and not self.abweichungen and not self.verloren


def vorherige_ausgabe(out: Path, paths: Paths) -> tuple[dict[str, str], list[Problem]]:
    """The text renditions of the earlier build: the oracle. Empty when there is none."""
    return renditions(out, paths) if out.is_dir() else ({}, [])


def aktualisieren(
    data: Path,
    vorher: dict[str, str],
    bauen: Callable[[Path, Path], None],
    land: Land | None = None,
    fuer: str | None = None,
) -> Ergebnis:
    """Rewrites a copy of `data`, builds it with `bauen(data_dir, out_dir)` (raises BuildFailed) and compares its
    figures with `vorher` (`land`: the Land named with `--land`, `fuer`: the version vorlagen.toml names);
    `Ergebnis.neu` holds the rewritten files (the caller writes them when proven).

    Where this version gives up an old reading on purpose, a second copy keeps it: that copy must print every figure
    as before, and what the first prints differently from it is what the change does – each named with its reason."""
    result = Ergebnis()
    with tempfile.TemporaryDirectory(prefix="vorlagen-aktualisieren-") as work:
        neu = kopieren(data, Path(work) / "neu")
        staende = _staende(neu)
        original = _Original(data, Path(work))
        q = umschreiben(neu, land=land, fuer=fuer)
        if q.probleme:  # a file it cannot read as it is: nothing is rewritten
            result.probleme = [original.problem(p) for p in q.probleme]
            return result
        result.umschreibungen = [
            dataclasses.replace(u, datei=original.datei(u.datei), grund=original.text(u.grund))
            for u in q.umschreibungen
        ]
        result.offen = [Offen(original.where(o.where), original.text(o.was)) for o in q.offen]
        bewahrbar = [e for e in q.erklaerungen if e.bewahrbar]
        try:
            nachher = _gebaut(bauen, neu, Path(work) / "neu-ausgabe")
            zwischen = nachher
            if bewahrbar:
                alt = kopieren(data, Path(work) / "bewahrend")
                umschreiben(alt, bewahrend=True, land=land, fuer=fuer)
                zwischen = _gebaut(bauen, alt, Path(work) / "bewahrend-ausgabe")
        except BuildFailed as failed:
            result.probleme = [original.problem(p) for p in failed.problems]
            return result
        result.dateien = len(vorher)
        result.zahlen = sum(len(figures(text)) for text in vorher.values())
        _einordnen(result, compare(vorher, zwischen), [e for e in q.erklaerungen if not e.bewahrbar])
        _texte_einordnen(result, textabweichungen(vorher, zwischen, NEUE_WORTE, ENTWURF), q.textaenderungen)
        if bewahrbar:
            _einordnen(result, compare(zwischen, nachher), bewahrbar)
            _texte_einordnen(result, textabweichungen(zwischen, nachher, NEUE_WORTE, ENTWURF), q.textaenderungen)
        _freigaben(result, vorher, nachher)
        result.neu = {name: (neu / name).read_bytes() for name in q.geaendert}
        result.staende = {name: staende.get(name, ABSENT) for name in q.geaendert}
    return result


def _staende(copy: Path) -> dict[str, str]:
    """Each file of a fresh copy (relative to it) → the state of the user's file it was copied from: what the
    rewrite is based on, checked again when it is written (core/schreibvorgang)."""
    return {p.relative_to(copy).as_posix(): stand_von(p.read_bytes()) for p in copy.rglob("*") if p.is_file()}


def juenger_als(data: Path, out: Path) -> list[Path]:
    """The data files changed after the earlier output was built (later than its oldest text rendition): a proof
    against that output then finds their changes, not the upgrade's."""
    gebaut = [p.stat().st_mtime for p in out.rglob("*.txt") if not p.relative_to(out).as_posix().startswith("assets/")]
    if not gebaut:
        return []
    return sorted(p for p in data.rglob("*") if p.is_file() and p.stat().st_mtime > min(gebaut))


ENTWURF = "ENTWURF – noch nicht freigegeben"  # the first line of a text rendition whose sign-off is missing


def _freigaben(result: Ergebnis, vorher: dict[str, str], nachher: dict[str, str]) -> None:
    """The release state is part of the proof: a document released before that is an ENTWURF now lost a sign-off.
    Where its print changes on purpose (listed with the reason), that is the consequence, said; otherwise the
    update would unsign what it prints the same, and nothing is written."""
    geaendert = {a.datei for a, _ in result.erklaert + result.worte}
    nachher = wie_vorher(vorher, nachher)
    for datei in sorted(vorher):
        worte = _neu_benannt(vorher[datei], nachher.get(datei, ""))
        if worte:
            result.benannt.append((datei, worte))
        if ENTWURF in vorher[datei] or ENTWURF not in nachher.get(datei, ENTWURF):
            continue
        (result.entwuerfe if datei in geaendert or worte else result.verloren).append(datei)


# Words a release prints differently in every document, each with why (0.3.0: no sentence of its own where a Vorlage
# states nothing on its Finanzielle Auswirkungen – a heading, its underline and the „Keine.“ 0.2 invented; 0.3.2: a
# unanimous vote with its count in the Hausstil's new default)
TEXTAENDERUNGEN = (
    Textaenderung(
        None,
        r"^.+ -{3,} Keine\.$",
        "",
        "eine Vorlage ohne Angaben zu finanziellen Auswirkungen druckt seit 0.3.0 keinen Satz, den sie nicht sagt; "
        "soll der Abschnitt „Keine.“ wieder zeigen, tragen Sie in koerperschaft.yaml unter hausstil: finanzen: "
        "ohne: „Keine.“ ein",
    ),
    Textaenderung(
        None,
        r"^Finanzielle Auswirkungen -{3,} (?:Ja\. )?Siehe die Berechnungen im (?:Text|Anhang)\.$",
        "",
        "seit 0.3.0 druckt eine Vorlage keinen Satz, den sie nicht selbst sagt – die Berechnungen stehen, wo ihr Text "
        "sie nennt; soll der Abschnitt stehen, schreiben Sie seinen Text in eine Datei des Vorlagenordners und nennen "
        "Sie sie in vorlage.yaml unter finanzielle_auswirkungen",
    ),
    Textaenderung(
        None,
        r"^Beschlussvorschlag -{3,} Der Bericht wird zur Kenntnis genommen\.$",
        "",
        "eine Berichtsvorlage ohne eigenen Beschlussvorschlag druckt seit 0.3.0 keinen; soll der Satz stehen, nennen "
        "Sie ihn in koerperschaft.yaml unter hausstil: arten: Berichtsvorlage: ohne_beschlussvorschlag – die Liste "
        "„arten“ ersetzt dann die mitgelieferte, nennen Sie also alle Arten (Handbuch, Seite „Eigene Wörter“)",
    ),
    Textaenderung(
        None,
        r"(?<![\w-])einstimmig \(# Ja\)",
        "einstimmig, # Ja",
        "eine einstimmige Abstimmung mit ihrer Zahl druckt seit 0.3.2 „einstimmig, 8 Ja“ statt „einstimmig (8 Ja)“; "
        'die frühere Form: in koerperschaft.yaml unter hausstil: abstimmung: einstimmig_mit_zahl: "einstimmig '
        '({zahl} Ja)"',
    ),
)


def _texte_einordnen(result: Ergebnis, abweichungen: list[Abweichung], aenderungen: list[Textaenderung]) -> None:
    """Text the earlier build printed and this one does not: a change this version makes on purpose is named with
    its reason; every other one blocks the write."""
    wiederholt = {(a.datei, a.vorher.zeile) for a, _ in result.erklaert if a.grund == WIEDERHOLT and a.vorher}
    for abweichung in abweichungen:
        grund = next((a.grund for a in (*TEXTAENDERUNGEN, *aenderungen) if a.erklaert(abweichung)), None)
        grund = grund or _spalte_wiederholt(abweichung, wiederholt)
        if grund is None:
            result.abweichungen.append(abweichung)
        else:
            result.worte.append((abweichung, grund))


def _spalte_wiederholt(abweichung: Abweichung, wiederholt: set[tuple[str, int]]) -> str | None:
    """The column „Berechnung“ of a table of amounts that repeated each amount (before 0.3.0): its head and its
    figures gone where the proof of the figures found each amount still on its line (gedruckt.WIEDERHOLT)."""
    if abweichung.vorher is None or abweichung.nachher is not None:
        return None
    datei, zeile, worte = abweichung.datei, abweichung.vorher.zeile, als_woerter(abweichung.vorher.text).split()
    if worte == ["Berechnung"] and (datei, zeile + 1) in wiederholt:
        return WIEDERHOLT
    if worte and set(worte) == {"#"} and len(worte) == sum(1 for d, z in wiederholt if (d, z) == (datei, zeile)):
        return WIEDERHOLT
    return None


# Words a release prints differently on purpose, each with the words it may now print instead (0.3.3: the Deckung of
# an über- or außerplanmäßige Ausgabe as the Haushaltsrecht of the plan names it)
NEUE_WORTE = {art: tuple(worte[art] for worte in DECKUNGSWORTE.values()) for art in ("Einsparung", "Mehrertrag")}


def _neu_benannt(vorher: str, nachher: str) -> str:
    """„„Einsparung“ → „Minderausgabe““ where the two texts differ only in words this version names anew (spaces
    aside: a table's columns may widen); "" where they are the same or differ otherwise."""
    alt, neu = (
        [" ".join(z.split()) for z in text.splitlines() if z.strip() and not z.startswith(ENTWURF)]
        for text in (vorher, nachher)
    )
    if len(alt) != len(neu) or alt == neu:
        return ""
    gefunden: dict[str, str] = {}
    for a, b in zip(alt, neu, strict=True):
        if a == b:
            continue
        woerter_a, woerter_b = a.split(" "), b.split(" ")
        if len(woerter_a) != len(woerter_b):
            return ""
        for wa, wb in zip(woerter_a, woerter_b, strict=True):
            if wa != wb and wb not in NEUE_WORTE.get(wa, ()):
                return ""
            if wa != wb:
                gefunden[wa] = wb
    return ", ".join(f"„{a}“ → „{b}“" for a, b in gefunden.items())


class _Original:
    """Names a file of a copy below `work` as the user's own file it was copied from (core/pfade.gezeigt): the copies
    are gone when the command ends."""

    def __init__(self, data: Path, work: Path):
        self.data, self.work, self.roh = data, work.resolve(), work

    def text(self, text: str) -> str:
        """A message or reason with each file of a copy named as the user's own (a rule names the file it read)."""
        for work in dict.fromkeys((self.roh, self.work)):
            for kopie in ("neu", "bewahrend"):
                text = text.replace(gezeigt(work / kopie / self.data.name) + "/", gezeigt(self.data) + "/")
        return text

    def datei(self, shown: str) -> str:
        path = genannte_datei(shown)
        if not path.is_relative_to(self.work):
            return shown
        return gezeigt(self.data / Path(*path.relative_to(self.work).parts[2:]))  # below copy folder and data name

    def where(self, where: Where) -> Where:
        return Where(self.datei(where.path), where.line)

    def problem(self, problem: Problem) -> Problem:
        return Problem(self.where(problem.where), self.text(problem.message))


def _gebaut(bauen: Callable[[Path, Path], None], data: Path, out: Path) -> dict[str, str]:
    """The text renditions of a build of `data` into `out` (a copy's: made by this program, so never too large)."""
    bauen(data, out)
    texte, problems = renditions(out, Paths())
    raise_if(problems)
    return texte


def _einordnen(result: Ergebnis, abweichungen: list[Abweichung], erklaerungen: list[Erklaerung]) -> None:
    """Each difference is explained by a change of this version to that Vorlage, or it is not; a figure printed only
    now changes nothing printed before."""
    for abweichung in abweichungen:
        gruende = [e.grund for e in erklaerungen if e.erklaert(abweichung)]
        gruende += [abweichung.grund] if abweichung.grund else []
        if gruende:
            result.erklaert.append((abweichung, "; ".join(dict.fromkeys(gruende))))
        elif abweichung.vorher is not None:
            result.abweichungen.append(abweichung)


def probebau(data: Path, out: Path) -> None:
    """A build of `data` into `out`, quietly, by this program (the proof of `aktualisieren`)."""
    import io

    from vorlagen.building.builder import Builder
    from vorlagen.building.progress import Progress
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.building.workers import Renderer

    renderer = Renderer()
    try:
        Builder(vorbereitet(data), Progress(io.StringIO(), live=False), renderer).build(out)
    finally:
        renderer.close()
