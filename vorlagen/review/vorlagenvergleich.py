"""One side of a comparison taken from git, and the comparison of one Vorlage between two revisions as
`vergleichen` computes it: each revision's data folder extracted (gitrev.extract, read as untrusted), a revision
of an earlier format brought to this one (migration/fruehere), the Vorlage's Fassung composed in each and the two
compared (diff.compare: printed figures old → new, header fields, text word by word) – and the sign-offs that held
in the older revision and no longer hold in the newer. `vergleichen` (cli/reviewing) takes its sides from
`ausgepackt` too; the server's history pages (server/vergleichsseiten) compare one Vorlage with `vorlage`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from vorlagen.core.limits import MAX_EINSTELLUNGEN
from vorlagen.core.pfade import genannte_datei
from vorlagen.core.problems import BuildFailed, Paths, Problem, Where
from vorlagen.load.settings import declared_version
from vorlagen.migration.fruehere import Umgestellt, umstellen
from vorlagen.render.freigabe import GUELTIG
from vorlagen.review.diff import Vorlagenaenderung, compare
from vorlagen.review.fassung import Fassung, fassungen
from vorlagen.review.gitrev import Unlesbar, datei_bei, extract

_MARKE = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)  # diff.word_diff's marks: [-removed-] and {+added+}


def fuer(data: Path, rev: str, einstellungen: Path) -> str | None:
    """The version the data repository's vorlagen.toml (`einstellungen`) named at `rev`: the format its data were
    written in."""
    try:
        inhalt = datei_bei(data.resolve(), rev, einstellungen, MAX_EINSTELLUNGEN)
    except Unlesbar as error:
        raise BuildFailed([Problem(Paths().where(einstellungen), str(error))]) from None
    return declared_version(inhalt.decode("utf-8-sig", "replace")) if inhalt is not None else None


def ausgepackt(data: Path, rev: str, ziel: Path, einstellungen: Path, paths: Paths) -> tuple[Path, Umgestellt | None]:
    """The data folder `data` as of `rev`, written below `ziel` (a folder not there yet) and brought to this
    version's format; what bringing it did (None: it was in this format). BuildFailed when git has no such
    revision or it cannot be read safely."""
    folder, problems = extract(data, rev, ziel, paths)
    if folder is None:
        raise BuildFailed(problems)
    return folder, umstellen(folder, rev, fuer(data, rev, einstellungen))


def in_revision(failed: BuildFailed, label: str, data: Path, aus_git: bool = True) -> BuildFailed:
    """The problems of one side of a comparison, each with its revision's name; a file of a git revision (`aus_git`),
    checked out in a temporary folder that is gone when the comparison ends, is named as in the repository (relative
    to the parent of the data folder `data`), a file of the working tree as every message names it
    (core/pfade.gezeigt)."""
    basis = data.resolve().parent

    def benannt(where: Where) -> Where:
        path = genannte_datei(where.path)
        return Where(path.relative_to(basis).as_posix(), where.line) if path.is_relative_to(basis) else where

    return BuildFailed(
        [Problem(benannt(p.where) if aus_git else p.where, f"[{label}] {p.message}") for p in failed.problems]
    )


def fassungen_des_ordners(data: Path, ordner: str) -> dict[str, Fassung]:
    """The Fassung of the Vorlage in the folder vorlagen/`ordner` of the data folder `data` (Nummer → Fassung; empty
    where the folder holds no Vorlage); BuildFailed when the data do not build."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.render.document import Composer

    project = vorbereitet(data)
    composer = Composer(project)
    return fassungen(project, [composer.compose(s) for s in project.facts.vorlagen if s.folder.name == ordner])


@dataclass
class Vorlagenvergleich:
    """One Vorlage between two revisions: what changed (as `vergleichen` lists it), the sign-offs that no longer
    hold ('Kämmerei: veraltet'), notes on a revision of an earlier format, and the problems of a side that does
    not build (German, each with its revision's name)."""

    aenderungen: list[Vorlagenaenderung] = field(default_factory=list)
    nicht_mehr: list[str] = field(default_factory=list)
    hinweise: list[str] = field(default_factory=list)
    probleme: list[str] = field(default_factory=list)


def nicht_mehr_gueltig(alt: dict[str, Fassung], neu: dict[str, Fassung]) -> list[str]:
    """'Rolle: Zustand' of each sign-off valid in a Vorlage of `alt` that is not valid in the same Vorlage (by its
    folder) of `neu`."""
    nach_ordner = {f.ordner: f for f in neu.values()}
    weg = []
    for vorher in alt.values():
        nachher = nach_ordner.get(vorher.ordner)
        for rolle, zustand in vorher.zeichnungen.items():
            jetzt = nachher.zeichnungen.get(rolle, "nicht mehr verlangt") if nachher else "Vorlage entfernt"
            if zustand == GUELTIG and jetzt != GUELTIG:
                weg.append(f"{rolle}: {jetzt}")
    return weg


def vorlage(data: Path, alt: str, neu: str, ordner: str, einstellungen: Path, tmp: Path) -> Vorlagenvergleich:
    """The Vorlage in vorlagen/`ordner` of the data folder `data`, compared between the commits `alt` and `neu`
    (full commit ids the caller checked); `einstellungen`: the data repository's vorlagen.toml; `tmp`: an empty
    folder for the two revisions' files (the caller removes it, also when the comparison is ended early)."""
    ergebnis = Vorlagenvergleich()
    seiten = []
    for name, rev in (("a", alt), ("b", neu)):
        try:  # a revision git cannot give: said without the server's own paths
            folder, umgestellt = ausgepackt(data, rev, tmp / name, einstellungen, Paths())
        except BuildFailed as failed:
            ergebnis.probleme += [f"[{rev[:10]}] {p.message}" for p in failed.problems]
            continue
        if umgestellt is not None:
            ergebnis.hinweise.append(umgestellt.zeile())
        try:
            seiten.append(fassungen_des_ordners(folder, ordner))
        except BuildFailed as failed:  # each problem at its file, named as in the repository
            ergebnis.probleme += [str(p) for p in in_revision(failed, rev[:10], folder).problems]
    if ergebnis.probleme:
        return ergebnis
    ergebnis.aenderungen = compare(*seiten)
    ergebnis.nicht_mehr = nicht_mehr_gueltig(*seiten)
    return ergebnis


def wortteile(zeile: str) -> list[tuple[str, str]]:
    """A line as diff.word_diff marks it, in pieces: ("=", unchanged), ("-", removed) or ("+", added) words."""
    teile: list[tuple[str, str]] = []
    ende = 0
    for treffer in _MARKE.finditer(zeile):
        if treffer.start() > ende:
            teile.append(("=", zeile[ende : treffer.start()]))
        teile.append(("-", treffer[1]) if treffer[1] is not None else ("+", treffer[2]))
        ende = treffer.end()
    if ende < len(zeile):
        teile.append(("=", zeile[ende:]))
    return teile
