"""The Hausstil of a Körperschaft as data: header, Beratungsfolge, Vorlagenarten, sections, signature.

Every key is optional; the defaults give the look of the shipped templates. Field names are the
YAML keys under `hausstil:` in koerperschaft.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from vorlagen.load.records import Record

record = dataclass(kw_only=True)

KOPFFELDER = ("nummer", "datum", "federfuehrend", "aktenzeichen")
SPALTEN = ("datum", "uhrzeit", "gremium", "rolle", "berichterstattung", "ergebnis")
REGELN = ("pflicht", "optional", "verboten")
SCHRIFTEN = {"Liberation Sans": "LiberationSans", "Liberation Serif": "LiberationSerif"}
FORMEN = ("klimaschutz", "text")
# Nummer patterns: JJJJ year, NNNN a number with at least that many digits, N any number, R a Roman numeral.
_MUSTER_TEILE = {"JJJJ": r"\d{4}", "JJ": r"\d{2}", "R": r"[IVXLCDM]+"}


@record
class Kopfbeschriftung(Record):
    nummer: str = "Vorlage-Nr."  # Beschriftung der Nummer im Kopf
    datum: str = "Datum"  # Beschriftung des Datums
    federfuehrend: str = "Federführend"  # Beschriftung des federführenden Amts, z. B. Federführendes Amt
    aktenzeichen: str = "Aktenzeichen"  # Beschriftung des Aktenzeichens
    oeffentlich: str = "öffentlich"  # Text im Kasten der Vorlagenart bei öffentlichen Vorlagen
    nichtoeffentlich: str = "nichtöffentlich"  # … und bei nichtöffentlichen


@record
class Kopf(Record):
    felder: list[Literal[KOPFFELDER]] = field(default_factory=lambda: ["nummer", "datum", "federfuehrend"])  # Kopfdaten in Reihenfolge; was fehlt, erscheint nicht
    beschriftung: Kopfbeschriftung = field(default_factory=Kopfbeschriftung)  # Beschriftungen im Kopf
    verwaltungschef: bool = True  # den Verwaltungschef unter dem Namen der Körperschaft zeigen


@record
class Spaltenbeschriftung(Record):
    datum: str = "Datum"  # z. B. Termin
    uhrzeit: str = "Beginn"  # Uhrzeit der Sitzung (beginn)
    gremium: str = "Gremium"  # Name des Gremiums
    rolle: str = "Zuständigkeit"  # Vorberatung, Entscheidung, Kenntnisnahme
    berichterstattung: str = "Berichterstattung"  # Name und Funktion
    ergebnis: str = "Ergebnis"  # z. B. ungeändert beschlossen


@record
class BeratungsfolgeStil(Record):
    ueberschrift: str = "Beratungsfolge"  # z. B. Beratungsreihenfolge
    spalten: list[Literal[SPALTEN]] = field(default_factory=lambda: ["datum", "gremium", "rolle"])  # Spalten in Reihenfolge
    beschriftung: Spaltenbeschriftung = field(default_factory=Spaltenbeschriftung)  # Spaltenköpfe


@record
class Hausstil(Record):
    akzentfarbe: str = "#1f4e79"  # Farbe für Linien und Überschriften, als #rrggbb
    logo: str | None = None  # Bilddatei (SVG oder PNG) relativ zum Datenordner
    kopf: Kopf = field(default_factory=Kopf)  # Kopf der Vorlage: welche Kopfdaten, wie beschriftet
    beratungsfolge: BeratungsfolgeStil = field(default_factory=BeratungsfolgeStil)  # Tabelle der Beratungsfolge

    def check(self):
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", self.akzentfarbe):
            yield "akzentfarbe", (f"„{self.akzentfarbe}“ ist keine Farbe – schreiben Sie sie als "
                                  "#rrggbb in Anführungszeichen, z. B. \"#1f4e79\".")
