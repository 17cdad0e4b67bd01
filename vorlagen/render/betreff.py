"""The Betreff with its figures: `{{ … }}` in a Betreff quotes named figures the way texts do (the same allow-list,
render/ausdruck.py), set once after computing (building/vorbereitung.py) – every place that prints the Betreff prints
the same text."""

from __future__ import annotations

from markupsafe import Markup

from vorlagen.compute.hauptbuch import Project
from vorlagen.compute.offen import OFFEN
from vorlagen.core.fmt import zahl
from vorlagen.core.limits import MAX_BETREFF
from vorlagen.core.problems import Problem, Where
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.render.ausdruck import ANWEISUNG, AUSDRUCK, NUR_AUSDRUECKE, ungeschlossen
from vorlagen.render.document import zitierbar
from vorlagen.render.text import Prose


def gedruckte_betreffe(project: Project) -> tuple[dict[str, str], list[Problem]]:
    """Every Betreff that quotes figures, as printed (Vorlage slug → text), and the problems – a quote that cannot be
    printed, a Betreff too long as printed – each at the Betreff's line. The records stay as read: the building stage
    gives the commands a project with these texts (building/vorbereitung.py)."""
    koerperschaft = project.facts.koerperschaft
    prose = Prose(koerperschaft.zahlformat, koerperschaft.prozent_stellen)
    gedruckt: dict[str, str] = {}
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
            gedruckt[source.slug] = betreff
    return gedruckt, problems


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
