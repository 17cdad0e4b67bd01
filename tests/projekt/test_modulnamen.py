"""Modules are cut by job, and a name means one thing (issue 58, point 4): no catch-all module, and a module name that
more than one package uses stands for the same thing in each – the list below says what; a new name used twice
must be added to it with its one meaning, or the module named by what it does."""

from __future__ import annotations

from collections import defaultdict

from tests.hilfen import ROOT

SAMMELNAMEN = {"weitere", "sonstiges", "sonstige", "diverses", "misc", "utils", "util", "helpers", "hilfen", "common"}

# a name used in several packages → the one thing it stands for in each
EINE_BEDEUTUNG = {
    "auswirkungen": "die Finanziellen Auswirkungen einer Vorlage: geladen (load), gerechnet (compute)",
    "bescheide": "die Bescheide: geladen, gerechnet",
    "beschluss": "der Beschluss über den Haushalt: gerechnet, der Befehl `beschluss`",
    "haushalt": "der Haushalt: geladen, gerechnet",
    "haushaltsposition": "eine Position des Haushalts: geladen, zu den Beträgen einer Vorlage gefunden (compute)",
    "kennzahlen": "die Kennzahlen: geladen, gerechnet",
    "kopfzeilen": "die Zeilen der Kopfdaten: geladen, gesetzt",
    "matrix": "die Tabellenart Matrix: gerechnet, ihre Herleitung",
    "mitzeichnung": "die Mitzeichnung: geladen, geprüft, ihr Stand für `vergleichen`",
    "niederschrift": "die Niederschrift: geladen, geprüft, gesetzt",
    "sitzungen": "die Sitzungen: geladen, gerechnet",
    "speichern": "Speichern: eine Datei ganz oder gar nicht (core), eine Speicherung im Server",
    "stellen": "die Stellen: geladen, gerechnet",
    "tabelle": "eine Tabelle: das Modell (compute), in einem gelesenen Papier (nachrechnen), in Word (render/word)",
    "tabellenarten": "das Verzeichnis der Tabellenarten einer Stufe",
    "vergleich": "eine Tabelle mit Plan, Ist oder Jahren nebeneinander: gerechnet, in einem Papier erkannt",
    "verteilung": "ein Betrag, auf Namen verteilt: gerechnet, in einem Papier erkannt",
    "vorlage": "die Vorlage: geladen, ihre Tabellen als Raster",
    "werte": "ein einzelner Wert einer Datendatei: geladen, im Formular",
    "zahlen": "die Zahlen, die ein Text einer Vorlage nennen kann: gerechnet, der Befehl `zahlen`",
    "zeichnen": "eine Mitzeichnung eintragen: für Befehl und Server, der Befehl `zeichnen`",
}


def _module() -> dict[str, list[str]]:
    orte: dict[str, list[str]] = defaultdict(list)
    for path in sorted((ROOT / "vorlagen").rglob("*.py")):
        if path.stem not in ("__init__", "__main__"):
            orte[path.stem].append(path.relative_to(ROOT / "vorlagen").as_posix())
    return orte


def test_no_catch_all_module():
    assert sorted(p for name, paths in _module().items() if name in SAMMELNAMEN for p in paths) == []


def test_a_name_several_packages_use_means_one_thing_and_is_listed():
    mehrfach = {name for name, paths in _module().items() if len(paths) > 1}
    assert sorted(mehrfach - set(EINE_BEDEUTUNG)) == []
    assert sorted(set(EINE_BEDEUTUNG) - mehrfach) == []  # the list holds no name that is used once (any more)
