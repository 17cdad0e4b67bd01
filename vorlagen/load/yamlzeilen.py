"""How the sections a change makes are laid out, as the handbook lays them out: lines of at most 120 characters.

A section the handbook writes in one line (a row `{id: …, als: …}`, a `zeitraum: {von: …, bis: …}`) stays in one
line while it fits; the rows of one list are written alike – each in one line while every new one fits, else each as
a block of its own lines –, and a new row of a list already written takes the style of the rows there. A long text
of its own line (a Betreff) is folded (`>-`) at the last space before the 120th character that is not within a
`{{ … }}`. Only what the change
made is touched: every other line stays as it stands.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString

BREITE = 120  # the longest line the handbook writes
Abschnitt = CommentedMap | CommentedSeq


def gefaltet(text: str, schluessel: int, einzug: int) -> str:
    """A text that does not fit on the line of its key (`schluessel` characters before it), folded into lines of at
    most BREITE characters beginning at column `einzug`; a text that fits, or cannot be folded (no space, two spaces
    together, a line break, space at either end), as it is."""
    breite = BREITE - einzug
    if schluessel + len(text) <= BREITE or " " not in text or "  " in text or "\n" in text or text != text.strip():
        return text
    frei = _zwischen_ausdruecken(text)
    stellen, anfang = [], 0
    while len(text) - anfang > breite:
        davor = [i for i in frei if anfang < i <= anfang + breite]
        danach = [i for i in frei if i > anfang + breite]
        if not davor and not danach:
            break
        stelle = davor[-1] if davor else danach[0]
        stellen.append(stelle)
        anfang = stelle + 1
    folded = FoldedScalarString(text)
    folded.fold_pos = stellen
    return folded


def _zwischen_ausdruecken(text: str) -> list[int]:
    """The spaces of a text where a line may end: not within a `{{ … }}`, which a reader takes in at once."""
    frei, tiefe = [], 0
    for stelle, zeichen in enumerate(text):
        if text.startswith("{{", stelle):
            tiefe += 1
        elif text.startswith("}}", stelle - 1) and stelle > 0 and tiefe:
            tiefe -= 1
        elif zeichen == " " and not tiefe:
            frei.append(stelle)
    return frei


def gestalten(daten: Any, neu: set[int], einrueckung: tuple[int, int, int], yaml: YAML) -> None:
    """Lays out the sections in `neu` (ids of those the change made) in `daten`, whose sections are indented as
    `einrueckung` says (mapping, sequence, offset)."""
    if isinstance(daten, CommentedMap):
        _abschnitte(daten, 0, neu, einrueckung, yaml)


def _abschnitte(
    abschnitt: CommentedMap, einzug: int, neu: set[int], einrueckung: tuple[int, int, int], yaml: YAML
) -> None:
    """The values of a block section whose keys stand at column `einzug`."""
    mapping, sequence, offset = einrueckung
    for key, wert in abschnitt.items():
        if not isinstance(wert, (CommentedMap, CommentedSeq)):
            continue
        if id(wert) in neu and wert.fa.flow_style() and einzug + len(f"{key}: ") + _breite(wert, yaml) > BREITE:
            wert.fa.set_block_style()
        if wert.fa.flow_style():
            continue
        if isinstance(wert, CommentedMap):
            _abschnitte(wert, einzug + mapping, neu, einrueckung, yaml)
            continue
        _zeilen(wert, einzug + offset, neu, yaml)
        for item in wert:
            if isinstance(item, CommentedMap) and not item.fa.flow_style():
                _abschnitte(item, einzug + sequence, neu, einrueckung, yaml)


def _zeilen(liste: CommentedSeq, einzug: int, neu: set[int], yaml: YAML) -> None:
    """The new rows of a block list whose dashes stand at column `einzug`: all alike."""
    zeilen = [item for item in liste if isinstance(item, (CommentedMap, CommentedSeq))]
    neue = [item for item in zeilen if id(item) in neu]
    alte = [item for item in zeilen if id(item) not in neu]
    if alte:
        einzeilig = bool(alte[-1].fa.flow_style())
    elif any(item.fa.flow_style() for item in neue):
        einzeilig = all(einzug + 2 + _breite(item, yaml) <= BREITE for item in neue)
    else:
        return
    for item in neue:
        item.fa.set_flow_style() if einzeilig else item.fa.set_block_style()


def _breite(abschnitt: Abschnitt, yaml: YAML) -> int:
    """How long a section is in one line."""
    out = io.StringIO()
    yaml.dump(abschnitt, out)
    return len(out.getvalue().rstrip("\n"))
