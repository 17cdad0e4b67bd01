"""The example's Vorlage 2021-0123 changed for a test: named figures added, a Finanzierungsplan put in front of its
tables, and what the computation then makes of it (shared by the tests of compute/ and load/)."""

from __future__ import annotations

from pathlib import Path

from tests.hilfen import edit
from vorlagen.compute.project import prepare

VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")  # below the data folder
WO = "data/vorlagen/2021-0123/vorlage.yaml"  # as messages name it, the test run from the repository

# a plan of three sources with a third each, the last one the rest
THIRDS = (
    "      - {id: a, als: Bund, art: Zuwendung, anteil: 1/3}\n"
    "      - {id: b, als: Land, art: Zuwendung, anteil: 1/3}\n"
    "      - {id: c, als: Kreis, art: Eigenmittel, anteil: 1/3, rest: true}\n"
)


def add(data: Path, yaml: str) -> None:
    """Named figures (`zahlen:` entries) added to the Vorlage."""
    edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n" + yaml + "verteilungen:\n")


def figures(data: Path):
    """The named figures of the Vorlage as computed."""
    return prepare(data).rechnungen["2021-0123"].zahlen


def plan(data: Path, quellen: str, kosten: str = "      - {betrag: 100, als: Kosten}\n", zahlen: str = ""):
    """A Finanzierungsplan „p“ over 2030–2032 with these sources and costs (and named figures) put first; the
    Vorlage's computation."""
    edit(
        data / VORLAGE,
        "finanzierung:\n",
        "finanzierung:\n  - id: p\n    art: Finanzierungsplan\n    titel: Probe\n"
        '    haushaltsjahre: {"2030": 1, "2031": 1, "2032": 1}\n'
        f"    kosten:\n{kosten}    quellen:\n{quellen}",
    )
    if zahlen:
        add(data, zahlen)
    return prepare(data).rechnungen["2021-0123"]
