"""What the form sent, made into the draft of a data file: each field the clerk changed, and nothing else.

A field counts as changed when its text differs from what the form showed; the draft then gets that value in the
handbook's notation (werte.py), at the key's place in the record's order. New sections take the handbook's
style: rows of a table, a Beratung, an Anlage in one line (`{…}`), a table or a figure as a block.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from vorlagen.building.bearbeiten.felder import Feld, Gruppe, Liste, alle, punktiert
from vorlagen.building.bearbeiten.reihenfolge import ordnung
from vorlagen.building.bearbeiten.werte import Ungueltig, geschrieben
from vorlagen.load.yamlschreiben import Pfad, YamlDatei, Zeile, Zitiert

# sections the handbook writes in one line, by their place (a * for any list position)
IN_EINER_ZEILE = (
    "beratungsfolge.*",
    "einreicher",
    "aendert",
    "anlagen.*",
    "abschnitte",
    "bescheide",
    "antraege",
    "unterschrift",
    "bezug",
    "klimaschutz",
    "finanzierung.*.zeitraum",
    "finanzierung.*.erwartet",
    "finanzierung.*.kosten.*",
    "finanzierung.*.abzuege.*",
    "finanzierung.*.quellen.*",
    "finanzierung.*.haushaltsjahre",
    "finanzierung.*.spalten",
    "finanzierung.*.zeilen.*",
    "finanzierung.*.vergleichsspalten.*",
    "finanzielle_auswirkungen.verpflichtungsermaechtigungen.*.lasten",
    "finanzielle_auswirkungen.verpflichtungsermaechtigungen.*.deckung.*",
)
# tables of pairs keyed by year: `2021:` plain, as the handbook writes
JAHRE = ("jahre", "haushaltsjahre", "lasten", "ueberplanmaessig", "ausserplanmaessig")
# in one line while it holds only this key
ALLEIN_IN_EINER_ZEILE: dict[Pfad, str] = {("finanzielle_auswirkungen",): "keine"}


@dataclass
class Eingabe:
    """The form as the browser sent it: field → text, and the button pressed."""

    felder: dict[str, str]
    aktion: str = "speichern"
    meldungen: dict[str, list[str]] = field(default_factory=dict)  # field name → what could not be taken


def in_einer_zeile(pfad: Pfad) -> bool:
    """Whether the handbook writes the section at `pfad` in one line (so is all within such a section)."""
    for laenge in range(1, len(pfad) + 1):
        muster = ".".join("*" if isinstance(s, int) else str(s) for s in pfad[:laenge])
        if any(fnmatch.fnmatchcase(muster, m) for m in IN_EINER_ZEILE):
            return True
    return False


def neu(pfad: Pfad, liste: bool = False) -> Any:
    """An empty section or list in the handbook's style for `pfad`."""
    if liste:
        return Zeile([]) if in_einer_zeile(pfad) else []
    return Zeile({}) if in_einer_zeile(pfad) else {}


def anwenden(datei: YamlDatei, modell: Gruppe, eingabe: Eingabe, cls: type) -> None:
    """Writes into the draft every field whose text the clerk changed; what cannot be taken goes to
    `eingabe.meldungen` and leaves the draft as it was there."""
    entfernen: list[Pfad] = []
    for element in alle(modell):
        if isinstance(element, Feld):
            _feld(datei, element, eingabe, cls, entfernen)
        elif isinstance(element, Liste) and element.neu == "paar":
            _neues_paar(datei, element, eingabe, cls)
    for pfad in sorted(entfernen, key=_absteigend):  # the last first: positions before it stay right
        datei.entfernen(pfad)


def _absteigend(pfad: Pfad) -> tuple:
    return tuple((0, -s) if isinstance(s, int) else (1, s) for s in pfad)


def _feld(datei: YamlDatei, feld: Feld, eingabe: Eingabe, cls: type, entfernen: list[Pfad]) -> None:
    gesendet = eingabe.felder.get(feld.name)
    if gesendet is None or gesendet.replace("\r\n", "\n") == feld.wert:
        return
    try:
        wert = geschrieben(gesendet, feld.typ, feld.key)
    except Ungueltig as error:
        eingabe.meldungen.setdefault(feld.name, []).append(error.args[0])
        return
    if wert is None and (isinstance(feld.pfad[-1], int) or not feld.pflicht or _in_paaren(feld)):
        entfernen.append(feld.pfad)
        return
    setzen(datei, cls, feld.pfad, wert)


def _in_paaren(feld: Feld) -> bool:
    return not feld.reihenfolge and not isinstance(feld.pfad[-1], int)


def _neues_paar(datei: YamlDatei, liste: Liste, eingabe: Eingabe, cls: type) -> None:
    """The empty pair under a table of pairs: a new key (a year) and its value."""
    name = punktiert(liste.pfad)
    key, text = (eingabe.felder.get(f"{art}:{name}", "").strip() for art in ("nk", "nf"))
    if not key and not text:
        return
    if not key or not text:
        fehlt = "das Jahr (oder den Namen)" if not key else "den Wert"
        eingabe.meldungen.setdefault(f"nk:{name}", []).append(f"„{liste.label}“: Tragen Sie auch {fehlt} ein.")
        return
    try:
        wert = geschrieben(text, liste.typ, key)
    except Ungueltig as error:
        eingabe.meldungen.setdefault(f"nk:{name}", []).append(error.args[0])
        return
    setzen(datei, cls, liste.pfad + (key,), wert)


def setzen(datei: YamlDatei, cls: type, pfad: Pfad, wert: Any) -> None:
    """Sets a value, making the sections on the way in the handbook's order and style."""
    pfad = _schluessel(cls, pfad)
    for laenge in range(1, len(pfad)):
        teil = pfad[:laenge]
        vorhanden = datei.wert(teil) if datei.hat(teil) else None
        if not isinstance(vorhanden, (CommentedMap, CommentedSeq)):
            datei.setzen(teil, neu(teil, isinstance(pfad[laenge], int)), ordnung(cls, teil, datei)[0])
        elif not vorhanden:  # `{}` or `[]` of a draft: written as the handbook writes this section
            datei.stil(teil, in_einer_zeile(teil))
    datei.setzen(pfad, wert, ordnung(cls, pfad, datei)[0])
    allein = ALLEIN_IN_EINER_ZEILE.get(pfad[:-1])
    if allein == pfad[-1] and list(datei.wert(pfad[:-1])) == [allein]:
        datei.stil(pfad[:-1], True)


def _schluessel(cls: type, pfad: Pfad) -> Pfad:
    """The keys of tables of pairs as the handbook writes them: a year plain (`2021:`), any other name of digits in
    quotes (a column `"2025":`, which YAML would read as a number)."""
    return tuple(
        Zitiert(schritt)
        if isinstance(schritt, str)
        and schritt.isdigit()
        and stelle
        and pfad[stelle - 1] not in JAHRE
        and not ordnung(cls, pfad[: stelle + 1])[0]
        else schritt
        for stelle, schritt in enumerate(pfad)
    )


def aktion(datei: YamlDatei, cls: type, eingabe: Eingabe) -> None:
    """The button pressed besides saving: a new row or section, or one taken away."""
    art, _, ziel = eingabe.aktion.partition(":")
    if not ziel:
        return
    pfad: Pfad = tuple(int(s) if s.isdigit() else s for s in ziel.split("."))
    if art == "anhaengen" and datei.hat(pfad) and isinstance(datei.wert(pfad), CommentedSeq):
        setzen(datei, cls, pfad + (len(datei.wert(pfad)),), neu(pfad + (0,)))
    elif art == "anhaengen":
        setzen(datei, cls, pfad + (0,), neu(pfad + (0,)))
    elif art == "entfernen":
        datei.entfernen(pfad)
    elif art == "anlegen":
        vorher = datei.wert(pfad) if datei.hat(pfad) else None
        setzen(datei, cls, pfad, {"text": vorher} if isinstance(vorher, str) else neu(pfad))
