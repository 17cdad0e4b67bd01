"""The Betreff with its figures: `{{ … }}` in a Betreff quotes named figures the way texts do (the same allow-list,
render/ausdruck.py), put in once after computing – every place that prints the Betreff prints the same text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from markupsafe import Markup

from vorlagen.compute.hauptbuch import Project
from vorlagen.compute.offen import OFFEN
from vorlagen.compute.project import prepare
from vorlagen.core.fmt import zahl
from vorlagen.core.limits import MAX_BETREFF
from vorlagen.core.problems import Problem, Where, raise_if
from vorlagen.load.records import changed
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.render.ausdruck import ANWEISUNG, AUSDRUCK, NUR_AUSDRUECKE, ungeschlossen
from vorlagen.render.document import zitierbar
from vorlagen.render.text import Prose


def vorbereitet(data_dir: Path, haushaltsrecht: bool = True, heute: dt.date | None = None) -> Project:
    """`prepare` with every Betreff as printed: the boundary the commands start from. A Betreff that cannot be
    printed raises BuildFailed with the rest; for read-only listings (`haushaltsrecht=False`) it stays as typed."""
    project = prepare(data_dir, haushaltsrecht, heute)
    problems = einsetzen(project)
    if haushaltsrecht:
        raise_if(problems)
    return project


def einsetzen(project: Project) -> list[Problem]:
    """Puts the figures into every Betreff that quotes some (the Vorlage's record is replaced by a copy with the
    printed Betreff) and checks every Betreff's length as printed; the problems, each at the Betreff's line."""
    koerperschaft = project.facts.koerperschaft
    prose = Prose(koerperschaft.zahlformat, koerperschaft.prozent_stellen)
    problems: list[Problem] = []
    for source in project.facts.vorlagen:
        where = source.vorlage.where("betreff")
        betreff, found = _gesetzt(prose, project, source, where)
        problems += found
        if betreff is None:
            continue
        if len(betreff) > MAX_BETREFF:
            problems.append(
                Problem(
                    where,
                    f"Der Betreff hat gedruckt {zahl(len(betreff))} Zeichen, mehr als {zahl(MAX_BETREFF)} – kürzen "
                    "Sie ihn; Beträge und Einzelheiten stehen im Beschlussvorschlag.",
                )
            )
        elif betreff != source.vorlage.betreff:
            source.betreff_liest = dict(project.rechnungen[source.slug].reads)
            source.vorlage = changed(source.vorlage, betreff=betreff)
    return problems


def _gesetzt(prose: Prose, project: Project, source: VorlageSource, where: Where) -> tuple[str | None, list[Problem]]:
    """The Betreff as printed, or None and why not."""
    betreff = source.vorlage.betreff
    if not any(zeichen in betreff for zeichen in ("{{", "}}", "{%", "{#")):
        return betreff, []
    problems = [Problem(where, f"Betreff: „{m[0][:40]}“: {NUR_AUSDRUECKE}") for m in ANWEISUNG.finditer(betreff)]
    problems += [Problem(where, f"Betreff: {was}") for _, was in ungeschlossen(betreff)]
    if problems:
        return None, problems
    names = zitierbar(project, source, project.rechnungen[source.slug])
    teile: list[str] = []
    ende = 0
    for match in AUSDRUCK.finditer(betreff):
        ausdruck = match[1].strip()
        wert, found = prose.auswerten(ausdruck, names, where)
        if not found and wert == Markup.escape(OFFEN):
            found = [
                Problem(
                    where,
                    f"{{{{ {ausdruck} }}}} ist noch offen – ein Betreff druckt nur Zahlen, die feststehen; "
                    "tragen Sie den Wert in den Daten ein oder nehmen Sie ihn aus dem Betreff.",
                )
            ]
        problems += [Problem(p.where, f"Betreff: {p.message}") for p in found]
        teile += [betreff[ende : match.start()], Markup(wert).unescape()]
        ende = match.end()
    if problems:
        return None, problems
    return "".join([*teile, betreff[ende:]]), []
