"""The Länder and their budget law as data (laender.yaml beside this module): the legal basis of über- and
außerplanmäßige amounts and of Verpflichtungsermächtigungen, who consents to considerable amounts, who decides
the others, and the Land's words for the two parts of a doppischer Haushaltsplan.

A Körperschaft names its Land (`land:` in koerperschaft.yaml); nothing here is a default for a body that does not.
"""

from __future__ import annotations

import functools
from pathlib import Path

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, read_record, record, suggest
from vorlagen.load.yamlfile import Sequence, program_yaml

DATEI = Path(__file__).with_name("laender.yaml")
WOERTER = ("ueberplanmaessig", "verpflichtungsermaechtigung", "entscheidung", "ergebnisplan", "finanzplan", "kreise")


@record
class Land(Record):
    name: str = doc("wie gedruckt, z. B. Nordrhein-Westfalen")
    kuerzel: list[str] = doc("übliche Abkürzungen, z. B. NRW")
    gesetz: str = doc("die Gemeindeordnung oder Kommunalverfassung des Landes")
    ueberplanmaessig: str = doc("Vorschrift über über- und außerplanmäßige Aufwendungen und Auszahlungen")
    verpflichtungsermaechtigung: str = doc("Vorschrift über (über- und außerplanmäßige) Verpflichtungsermächtigungen")
    vertretung: str = doc("wer erheblichen Beträgen vorher zustimmt, mit Artikel, z. B. der Rat")
    entscheidung: str = doc("wer über die übrigen entscheidet, z. B. die Zustimmung des Kämmerers")
    ergebnisplan: str = doc("das Wort des Landes für den Ergebnisplan, z. B. Ergebnishaushalt")
    finanzplan: str = doc("das Wort des Landes für den Finanzplan, z. B. Finanzhaushalt")
    kreise: str | None = doc("die Verweisnorm der Kreisordnung, wo bekannt", default=None)
    unsicher: list[str] = doc("Felder, die nicht sicher belegt sind", factory=list)
    belege: str = doc("woher die Angaben stammen")

    def check(self) -> list[Problem]:
        return [
            Problem(
                self.where("unsicher"), f"„{feld}“ ist kein Feld der Ländertabelle – möglich: {', '.join(WOERTER)}."
            )
            for feld in self.unsicher
            if feld not in WOERTER
        ]

    def sicher(self, feld: str) -> bool:
        return feld not in self.unsicher


@functools.cache
def laender() -> dict[str, Land]:
    """The Länder by name, read once from laender.yaml (part of the program: a problem there is a bug)."""
    node = program_yaml(DATEI)
    assert isinstance(node, Sequence), "laender.yaml is a list of Länder"
    result: dict[str, Land] = {}
    for item in node.items:
        land, problems = read_record(item, Land, "land")
        if land is None:
            raise RuntimeError(f"laender.yaml: {'; '.join(map(str, problems))}")
        result[land.name] = land
    return result


def land_von(text: str) -> Land | None:
    """The Land a body names, by its name or a usual abbreviation (NRW, BW …); None for anything else."""
    for land in laender().values():
        if text == land.name or text.upper() in land.kuerzel:
            return land
    return None


# the Stadtstaaten and their abbreviations: Länder without a Gemeindeordnung, not in the table
_STADTSTAATEN = {
    "berlin": "Berlin",
    "be": "Berlin",
    "hamburg": "Hamburg",
    "freie und hansestadt hamburg": "Hamburg",
    "hh": "Hamburg",
    "bremen": "Bremen",
    "freie hansestadt bremen": "Bremen",
    "hb": "Bremen",
}


def unbekanntes_land(text: str, option: bool = False) -> str:
    """Why `text` names no Land, and the names that do; a Stadtstaat is told what to write instead (`option`: named
    with --land, not in koerperschaft.yaml)."""
    stadtstaat = _STADTSTAATEN.get(" ".join(text.lower().split()))
    if stadtstaat is not None:
        weg = "lassen Sie „--land“ weg" if option else "entfernen Sie die Zeile „land“"
        return (
            f"„land“: {stadtstaat} ist ein Stadtstaat – für ihn hat die Ländertabelle keine Gemeindeordnung, aus der "
            f"sich die Vorschriften ergeben: {weg} und nennen Sie die Vorschriften selbst "
            "unter „hausstil: finanzen: rechtsgrundlage“ (über- und außerplanmäßige Ausgaben) und, wenn eine Vorlage "
            "eine Verpflichtungsermächtigung nennt, „hausstil: finanzen: verpflichtungsermaechtigung“."
        )
    namen = [land.name for land in laender().values()]
    kuerzel = [k for land in laender().values() for k in land.kuerzel]
    hint = suggest(text, namen) or suggest(text.upper(), kuerzel)
    return (
        f"„land“: „{text}“ ist keines der 13 Flächenländer{hint or '.'} Möglich sind die Namen "
        f"({', '.join(namen)}) oder ihre Abkürzungen ({', '.join(kuerzel)}). Stadtstaaten haben keine "
        "Gemeindeordnung: nennen Sie dort die Vorschrift unter „hausstil: finanzen: rechtsgrundlage“."
    )
