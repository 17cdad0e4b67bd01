"""The architecture page walks one `bauen` from command to written file and says where to add a table kind, a Land,
an output format (issue 47, point 6): every dotted name it gives is imported here, every file it names exists – a
renamed function fails this test, not a newcomer reading the page."""

from __future__ import annotations

import importlib
import re

from tests.hilfen import ROOT

SEITE = ROOT / "docs" / "entwicklung" / "architektur.md"
NAME = re.compile(r"`(vorlagen(?:\.\w+)+)`")
DATEI = re.compile(r"`((?:vorlagen|templates|tests|docs)/[\w./-]+)`")


def _abschnitt(titel: str) -> str:
    text = SEITE.read_text(encoding="utf-8")
    start = text.index(f"## {titel}\n")
    ende = text.find("\n## ", start + 1)
    return text[start : ende if ende > 0 else None]


def aufgeloest(name: str) -> object:
    """What a dotted name names: the longest importable module, then attributes; AttributeError or ImportError when
    nothing has the name."""
    teile = name.split(".")
    for ende in range(len(teile), 0, -1):
        try:
            ding = importlib.import_module(".".join(teile[:ende]))
        except ModuleNotFoundError:
            continue
        for attribut in teile[ende:]:
            ding = getattr(ding, attribut)
        return ding
    raise ImportError(name)


def test_every_name_of_the_walk_and_the_recipes_exists():
    text = _abschnitt("Ein Bau von Anfang bis Ende") + _abschnitt("Wo man etwas hinzufügt")
    namen = sorted(set(NAME.findall(text)))
    assert len(namen) >= 40, namen  # the walk names each stage's own pieces
    fehlend = []
    for name in namen:
        try:
            aufgeloest(name)
        except (ImportError, AttributeError):
            fehlend.append(name)
    assert fehlend == [], f"docs/entwicklung/architektur.md nennt, was es nicht gibt: {fehlend}"
    dateien = sorted(set(DATEI.findall(text)))
    assert [d for d in dateien if not (ROOT / d).exists()] == []


def test_the_walk_goes_through_every_stage_in_order():
    """Command, boundary, load, compute, build, render, meetings, write: each step of the walk names its stage's own
    pieces, in the order a build meets them."""
    schritte = re.findall(
        r"^\d+\. \*\*(\w+)\*\*(.*?)(?=^\d+\. |\Z)", _abschnitt("Ein Bau von Anfang bis Ende"), re.M | re.S
    )
    stufen = {
        "Befehlszeile": "vorlagen.cli.",
        "Vorbereiten": "vorlagen.building.vorbereitung.",
        "Laden": "vorlagen.load.",
        "Rechnen": "vorlagen.compute.",
        "Bauen": "vorlagen.building.",
        "Setzen": "vorlagen.render.",
        "Sitzungen": "vorlagen.meetings.",
        "Schreiben": "vorlagen.building.output.",
    }
    assert [titel for titel, _ in schritte] == list(stufen)
    for titel, text in schritte:
        assert f"`{stufen[titel]}" in text, titel


def test_the_check_finds_a_name_that_is_gone():
    assert aufgeloest("vorlagen.compute.tabellenarten.KINDS")["Matrix"]
    for falsch in ("vorlagen.compute.tabellenarten.GIBT_ES_NICHT", "vorlagen.gibt_es_nicht.modul"):
        try:
            aufgeloest(falsch)
        except (ImportError, AttributeError):
            continue
        raise AssertionError(falsch)
