"""`vorlagen aktualisieren`: a text that computes (0.2.0 printed `{{ (a - b) | eur_cent }}`; since 0.2.1 a text only
quotes) becomes a named figure under `zahlen` in vorlage.yaml, and the text quotes it: `{{ zahlen["…"] }}`.

The texts of a Vorlage put their figures into its own vorlage.yaml; a text of a Niederschrift (0.2.0 let it compute
with the names of its TOP's Vorlage) into that Vorlage's. How each expression becomes figures: migration/textzahlen.py.
An expression that neither computes nor is allowed any more, and that migration/textausdruecke.py could not write as
allowed ones, is named with the build's message, so that the list of what is left to do is complete.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, nodes

from vorlagen.compute.hauptbuch import Project
from vorlagen.compute.niederschrift import top_of
from vorlagen.compute.project import compute
from vorlagen.core.pfade import gezeigt
from vorlagen.core.problems import Where
from vorlagen.load.facts import Facts
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.migration.dimensionen import dimensionen
from vorlagen.migration.textzahlen import EINHEITEN, GRUND, NeueZahl, Nicht, Uebersetzung
from vorlagen.migration.umschreiben import Offen, Quelltexte
from vorlagen.render.ausdruck import AUSDRUCK, Interna, Rechnet, Verboten, pruefen
from vorlagen.render.text import verboten_meldung


@dataclass
class Ziel:
    """The Vorlage whose `zahlen` get the figures of some texts, and what was made for it so far."""

    source: VorlageSource
    uebersetzung: Uebersetzung
    texte: list[Path] = field(default_factory=list)


def rechnende_texte(q: Quelltexte, facts: Facts) -> None:
    """Every text expression of every Vorlage and Niederschrift that computes becomes a named figure it quotes;
    every other expression a text may no longer hold is named with what to do."""
    project, _ = compute(facts, dt.date.today())
    ziele = _ziele(q, facts, project)
    env = Environment()
    for ziel in ziele.values():
        anfang = len(ziel.uebersetzung.neue)
        for path in ziel.texte:
            _text(q, env, path, ziel)
        if len(ziel.uebersetzung.neue) > anfang:
            _eintragen(q, ziel.source, ziel.uebersetzung.neue[anfang:])
    for path, warum in _ohne_vorlage(q, facts):
        _ohne_ziel(q, env, path, warum)


def _ziele(q: Quelltexte, facts: Facts, project: Project) -> dict[str, Ziel]:
    """Each Vorlage with its own texts, and the Niederschrift texts of the TOPs that treat it."""
    ziele: dict[str, Ziel] = {}
    for source in facts.vorlagen:
        vergeben = {k.id for k in source.vorlage.zahlen}
        ziele[source.kennung] = Ziel(
            source, Uebersetzung(vergeben, dimensionen(project, source)), q.texte(source.folder)
        )
    nummern = {s.vorlage.nummer: s.kennung for s in facts.vorlagen if s.vorlage.nummer}
    for path, nummer in niederschrift_texte(facts):
        if nummer in nummern:
            ziele[nummern[nummer]].texte.append(path)
    return ziele


def niederschrift_texte(facts: Facts) -> list[tuple[Path, str | None]]:
    """(text file, Nummer of the TOP's Vorlage or None) of every Niederschrift."""
    found = []
    for sitzung_id, source in sorted(facts.niederschriften.items()):
        for punkt in source.niederschrift.punkte:
            top = top_of(facts, sitzung_id, punkt.top) if sitzung_id in facts.sitzungen else None
            for datei in (punkt.text, punkt.beschluss, *punkt.anmerkungen):
                if datei is not None and (source.folder / datei).is_file():
                    found.append((source.folder / datei, top[1].vorlage if top is not None else None))
    return found


def _ohne_vorlage(q: Quelltexte, facts: Facts) -> list[tuple[Path, str]]:
    nummern = {s.vorlage.nummer for s in facts.vorlagen}
    return [
        (path, "der TOP behandelt keine Vorlage, deren Zahlen sie aufnehmen könnte")
        for path, nummer in niederschrift_texte(facts)
        if nummer not in nummern
    ]


def _text(q: Quelltexte, env: Environment, path: Path, ziel: Ziel) -> None:
    inhalt = "".join(q.lines(path))
    for match in AUSDRUCK.finditer(inhalt):  # an expression may be wrapped over lines
        tree, fehler = _gelesen(env, match[1].strip())
        if fehler is None:
            continue
        von = inhalt.count("\n", 0, match.start()) + 1
        bis = inhalt.count("\n", 0, match.end()) + 1
        where = Where(gezeigt(path), von)
        wortlaut = " ".join(match[0].split())
        if not isinstance(fehler, Rechnet):
            q.offen.append(Offen(where, _meldung(wortlaut, fehler)))
            continue
        try:
            figures = _figuren(tree, ziel.uebersetzung)
        except Nicht as nicht:
            q.offen.append(
                Offen(
                    where,
                    f"„{wortlaut}“ rechnet im Text {nicht} – legen Sie die Zahl "
                    "unter „zahlen“ in vorlage.yaml an und zitieren Sie sie.",
                )
            )
            continue
        q.text_ersetzen(path, von, match[0], f'{{{{ zahlen["{figures[-1].id}"] }}}}', GRUND, bis)


def _ohne_ziel(q: Quelltexte, env: Environment, path: Path, warum: str) -> None:
    """A Niederschrift text of a TOP without a Vorlage: what computes is named, with why it stays."""
    inhalt = "".join(q.lines(path))
    for match in AUSDRUCK.finditer(inhalt):
        _, fehler = _gelesen(env, match[1].strip())
        if fehler is None:
            continue
        where = Where(gezeigt(path), inhalt.count("\n", 0, match.start()) + 1)
        wortlaut = " ".join(match[0].split())
        if isinstance(fehler, Rechnet):
            text = f"„{wortlaut}“ rechnet im Text, und {warum} – schreiben Sie den Satz ohne die Rechnung."
        else:
            text = _meldung(wortlaut, fehler)
        q.offen.append(Offen(where, text))


def _gelesen(env: Environment, ausdruck: str) -> tuple[nodes.Template | None, Exception | None]:
    """The expression's syntax tree and why a text may not hold it (Rechnet, Verboten, Interna); (tree, None) for an
    allowed one, (None, None) for one that does not parse (the build names it)."""
    try:
        tree = env.parse(f"{{{{ {ausdruck} }}}}")
    except Exception:  # noqa: BLE001 – not this rule's to say: the build names it
        return None, None
    try:
        pruefen(tree)
    except (Rechnet, Verboten, Interna) as error:
        return tree, error
    return tree, None


def _meldung(gezeigt: str, fehler: Exception) -> str:
    if isinstance(fehler, Verboten):
        return verboten_meldung(gezeigt, fehler)
    return f"{gezeigt} greift auf Interna zu; das ist in Texten nicht erlaubt – entfernen Sie den Ausdruck."


def _figuren(tree: nodes.Template | None, uebersetzung: Uebersetzung) -> list[NeueZahl]:
    output = tree.body[0] if tree is not None else None
    if not isinstance(output, nodes.Output) or len(output.nodes) != 1:
        raise Nicht("mehr als einmal")
    node = output.nodes[0]
    if not isinstance(node, nodes.Filter) or node.name not in EINHEITEN or node.node is None:
        raise Nicht("ohne einen Filter, der eine Einheit zeigt (| eur, | eur_cent, | zahl, | prozent)")
    return uebersetzung.zahlen(node)


_ZAHLEN = re.compile(r"zahlen\s*:\s*(#.*)?$")
_OBEN = re.compile(r"[^\s#-]")  # a line that starts a key at the top level


def _eintragen(q: Quelltexte, source: VorlageSource, neue: list[NeueZahl]) -> None:
    """Writes the figures under `zahlen` of vorlage.yaml: after its last entry, or as a new list at the end."""
    path: Path = source.folder / "vorlage.yaml"
    lines = q.lines(path)
    ending = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    where = Where(gezeigt(path), len(lines))
    start = next((i for i, line in enumerate(lines) if _ZAHLEN.match(line)), None)
    if start is None:
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += ending
        block = ["", "zahlen:", *[z for n in neue for z in n.yaml("  ")]]
        ziel = len(lines)
    else:
        ende = start
        for i in range(start + 1, len(lines)):
            if _OBEN.match(lines[i]):
                break
            if lines[i].strip() and not lines[i].lstrip().startswith("#"):
                ende = i
        eintrag = next((line for line in lines[start + 1 : ende + 1] if line.lstrip().startswith("- ")), None)
        if eintrag is None:
            q.offen.append(
                Offen(
                    Where(where.path, start + 1),
                    "„zahlen“ ist hier keine Liste der Form „- id: …“ – "
                    f"tragen Sie die Zahl „{neue[-1].id}“ selbst ein.",
                )
            )
            return
        block = [z for n in neue for z in n.yaml(eintrag[: len(eintrag) - len(eintrag.lstrip())])]
        ziel = ende + 1
    berichte = {}
    for index, line in enumerate(block):
        if line.lstrip().startswith("- id: "):
            zahl_ = next(n for n in neue if line.strip() == f"- id: {n.id}")
            berichte[index] = (f"zahlen: {zahl_.kurz()}", zahl_.grund)
    q.zeilen_anhaengen(path, ziel, block, ending, berichte)
