"""What the form offers from the data: the words to choose (Ämter, Sitzungen, Sätze, Positionen des Haushalts …),
every figure a text can quote with its printed value (the list of `vorlagen zahlen`), and a formula's value and
Herleitung while it is typed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.core.problems import BuildFailed, Paths, Problem
from vorlagen.core.reads import ueberlagert

if TYPE_CHECKING:
    from vorlagen.compute.hauptbuch import Project


def projekt(data: Path, dateien: dict[Path, str] | None = None) -> Project | None:
    """The data folder loaded and computed (with these texts in place of the files); None when it has problems."""
    from vorlagen.building.vorbereitung import vorbereitet

    with ueberlagert({path: text.encode("utf-8") for path, text in (dateien or {}).items()}):
        try:
            return vorbereitet(data, haushaltsrecht=False)
        except BuildFailed:
            return None


def vorschlaege(project: Project | None) -> dict[str, list[tuple[str, str]]]:
    """Field key → the words the data knows for it, with what each is (shown beside it in the browser's list)."""
    if project is None:
        return {}
    facts = project.facts
    k = facts.koerperschaft
    konten = {p.konto: p.bezeichnung or "" for h in facts.haushalte.values() for p in h.positionen}
    return {
        "art": [(name, art.ueberschrift or name) for name, art in k.hausstil.arten.items()],
        "federfuehrend": [(a.id, a.name) for a in k.aemter],
        "sitzung": [(key, f"{s.gremium}, {s.datum:%d.%m.%Y}") for key, s in sorted(facts.sitzungen.items())],
        "gremium": [(g.id, g.name) for g in k.gremien],
        "rolle": [(rolle, rolle) for rolle in k.hausstil.rollen],
        "saetze": [(key, s.name) for key, s in sorted(facts.saetze.items())],
        "bescheide": [(key, "Bescheid") for key in sorted(facts.bescheide)],
        "antraege": [(key, "Antrag") for key in sorted(facts.antraege)],
        "konto": sorted(konten.items()),
    }


def liste(project: Project | None, ordner: Path) -> list[tuple[str, str]]:
    """Every name a text of the Vorlage can quote, written as in a text (with its filter), and its printed value."""
    if project is None:
        return []
    from vorlagen.compute.rundung import rundung_of
    from vorlagen.compute.zahlen import zahlen

    source = next((s for s in project.facts.vorlagen if s.folder.resolve() == ordner.resolve()), None)
    if source is None:
        return []
    rundung = rundung_of(project.facts)
    zahlformat = project.facts.koerperschaft.zahlformat
    return zahlen(project.rechnung(source), zahlformat, rundung.quantum, rundung.prozent_stellen)


def formel(data: Path, ordner: Path, dateien: dict[Path, str], figur: str, zeilen: tuple[int, int]) -> str:
    """A named figure of the draft: its value and Herleitung, or the problems on its lines (`zeilen`: first and last
    line of the figure in vorlage.yaml) in the words of `pruefen`."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.compute.zahlwert import herleitung_zeilen

    with ueberlagert({path: text.encode("utf-8") for path, text in dateien.items()}):
        try:
            project = vorbereitet(data, haushaltsrecht=False)
        except BuildFailed as failed:
            return _probleme(data, ordner, failed.problems, zeilen)
    source = next((s for s in project.facts.vorlagen if s.folder.resolve() == ordner.resolve()), None)
    figures = project.rechnung(source).zahlen.herleitung if source is not None else {}
    if figur not in figures:
        return "Die Zahl braucht einen Namen und eine Formel."
    return "\n".join(herleitung_zeilen(figures[figur]))


def _probleme(data: Path, ordner: Path, problems: list[Problem], zeilen: tuple[int, int]) -> str:
    """The problems of the figure's lines; where the figure has none, the first few others (a formula may read a
    figure that has one)."""
    yaml = Paths().show(ordner / "vorlage.yaml")
    eigene = [p for p in problems if p.where.path == yaml and p.where.line and zeilen[0] <= p.where.line <= zeilen[1]]
    gezeigt = eigene or problems[:3]
    return "\n".join(str(p) for p in gezeigt)
