"""The problems of a failed build as the page of one Vorlage shows them: its own at the fields they concern (as the
form's checks place theirs), those of no Vorlage above the form, those of other Vorlagen only counted – their texts
may not be for this reader."""

from __future__ import annotations

from pathlib import Path

from vorlagen.building.bearbeiten import bearbeitung
from vorlagen.building.bearbeiten.sitzung import Sitzung
from vorlagen.core.fmt import anzahl
from vorlagen.core.problems import Paths, Problem
from vorlagen.server.bauschlange import Stand

ANDERE = "Dazu {anzahl} in anderen Vorlagen – der Bau wartet auch auf deren Behebung."


def stand_der_seite(data: Path, ordner: Path, stand: Stand) -> dict:
    """What the page of the Vorlage in `ordner` shows of the builds: the version of the last good one, whether one
    runs, and the problems of a failed one – those of this Vorlage at their fields (name → messages), the others
    in lines above the form (those of other Vorlagen only counted: their texts may not be for this reader)."""
    eigene, andere, allgemein = aufgeteilt(data, ordner, stand.probleme)
    felder: dict[str, list[str]] = {}
    oben = [*stand.fehler, *(str(p) for p in allgemein)]
    if eigene:
        seite = bearbeitung.oeffnen(data, ordner, Sitzung())
        bearbeitung.zuordnen(data, seite, eigene)
        felder, oben = seite.meldungen, [*seite.allgemein, *oben]
    if andere:
        oben.append(ANDERE.format(anzahl=anzahl(andere, "Problem", "Probleme")))
    return {"version": stand.version, "laeuft": stand.laeuft, "probleme": oben, "felder": felder}


def aufgeteilt(data: Path, ordner: Path, probleme: tuple[Problem, ...]) -> tuple[list[Problem], int, list[Problem]]:
    """The problems of the Vorlage in `ordner`, how many concern other Vorlagen, and those of no Vorlage."""
    paths = Paths()
    eigen, vorlagen = paths.show(ordner) + "/", paths.show(data / "vorlagen") + "/"
    eigene = [p for p in probleme if p.where.path.startswith(eigen)]
    andere = [p for p in probleme if p.where.path.startswith(vorlagen) and not p.where.path.startswith(eigen)]
    return eigene, len(andere), [p for p in probleme if not p.where.path.startswith(vorlagen)]
