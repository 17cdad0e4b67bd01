"""A Sitzung's agenda as the Sitzungsdienst changes it in the browser: a TOP with a Vorlage put into the public or
non-public part at a chosen place, moved, or removed – in sitzungen/<id>.yaml, the file `vorlagen sitzung` builds
from, changed as a careful person would (load/yamlschreiben.py: only the agenda's lines change). Checked like
`pruefen` before it is written (building/bearbeiten/pruefung.py: a non-public Vorlage in the public part, a TOP
number twice), written through the one safe way (core/schreibvorgang.py) and committed as the person."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from vorlagen.core.schreibvorgang import Aenderung, schreiben, stand_von
from vorlagen.load.yamlschreiben import NichtTreu, YamlDatei, Zeile, Zitiert
from vorlagen.server.rechte import Person

TEILE = {"oeffentlich": "öffentlich", "nichtoeffentlich": "nichtöffentlich"}
NUMMER = re.compile(r"[0-9]{1,3}(\.[0-9]{1,3}){0,3}")  # a TOP's number as the handbook writes it: "5", "5.1"
KENNUNG = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,120}")  # a Sitzung's file name without .yaml


class Abgelehnt(Exception):
    """The change is refused: args[0] the German reason (nothing was written), `status` the HTTP status."""

    def __init__(self, meldung: str, status: int = 422):
        super().__init__(meldung)
        self.status = status


@dataclass(frozen=True)
class Eintrag:
    """One TOP as the file has it: its part, its place in that part and its keys."""

    teil: str
    stelle: int
    werte: dict


def datei(data: Path, kennung: str) -> Path | None:
    """The file of the Sitzung `kennung`, None when there is none."""
    if not KENNUNG.fullmatch(kennung):
        return None
    pfad = data / "sitzungen" / f"{kennung}.yaml"
    return pfad if pfad.is_file() and not pfad.is_symlink() else None


def _halten(text: str, name: str) -> YamlDatei:
    try:
        return YamlDatei(text, name)
    except NichtTreu as fehler:
        raise Abgelehnt(str(fehler.args[0]), 409) from None


def eintraege(text: str, name: str = "Die Datei der Sitzung") -> list[Eintrag]:
    """The TOPs of the file in order, public part first."""
    yaml = _halten(text, name)
    gefunden = []
    for teil in TEILE:
        liste = yaml.wert(("tagesordnung", teil)) if yaml.hat(("tagesordnung", teil)) else None
        for stelle, top in enumerate(liste if isinstance(liste, list) else []):
            if isinstance(top, dict):
                gefunden.append(Eintrag(teil, stelle, {str(k): str(v) for k, v in top.items()}))
    return gefunden


def nummer_pruefen(nummer: str) -> str:
    nummer = nummer.strip()
    if not NUMMER.fullmatch(nummer):
        raise Abgelehnt(
            f"„{nummer[:20]}“ ist keine Nummer eines TOPs – schreiben Sie sie wie „5“ oder „5.1“; nichts geändert."
        )
    return nummer


def _finden(eintraege_: list[Eintrag], nummer: str) -> Eintrag:
    gefunden = next((e for e in eintraege_ if e.werte.get("top") == nummer), None)
    if gefunden is None:
        raise Abgelehnt(
            f"TOP {nummer[:20]} steht nicht (mehr) auf der Tagesordnung – laden Sie die Seite neu; nichts geändert.",
            409,
        )
    return gefunden


def einfuegen(text: str, teil: str, werte: dict, vor: str = "") -> str:
    """The file with a TOP (`werte`: top, vorlage or titel) in `teil`, before the TOP numbered `vor` (at the end of the
    part when `vor` is empty)."""
    if teil not in TEILE:
        raise Abgelehnt("Wählen Sie den öffentlichen oder den nichtöffentlichen Teil; nichts geändert.")
    yaml = _halten(text, "Die Datei der Sitzung")
    pfad = ("tagesordnung", teil)
    liste = yaml.wert(pfad) if yaml.hat(pfad) and isinstance(yaml.wert(pfad), list) else []
    stelle = len(liste)
    if vor:
        ziel = _finden(eintraege(text), vor)
        if ziel.teil != teil:
            raise Abgelehnt(
                f"TOP {vor} steht im {TEILE[ziel.teil]}en Teil, der neue TOP soll in den {TEILE[teil]}en – wählen "
                "Sie einen TOP desselben Teils oder „am Ende“; nichts geändert."
            )
        stelle = ziel.stelle
    zeile = {k: Zitiert(v) if k in ("top", "vorlage") else v for k, v in werte.items()}
    if not yaml.hat(pfad):  # a new part: the public one before the non-public one, as the handbook writes them
        yaml.setzen(pfad, [], list(TEILE))
    yaml.setzen((*pfad, len(liste)), Zeile(zeile))
    if stelle < len(liste):
        neu = yaml.wert(pfad)
        neu.insert(stelle, neu.pop())
    return yaml.text()


def entfernen(text: str, nummer: str) -> tuple[str, Eintrag]:
    """The file without the TOP numbered `nummer` (an emptied part leaves the file, and so does an emptied agenda);
    the TOP removed."""
    eintrag = _finden(eintraege(text), nummer)
    yaml = _halten(text, "Die Datei der Sitzung")
    yaml.entfernen(("tagesordnung", eintrag.teil, eintrag.stelle))
    if not yaml.wert(("tagesordnung", eintrag.teil)):
        yaml.entfernen(("tagesordnung", eintrag.teil))
    if not yaml.wert(("tagesordnung",)):
        yaml.entfernen(("tagesordnung",))
    return yaml.text(), eintrag


def verschieben(text: str, nummer: str, teil: str, vor: str, neue_nummer: str) -> tuple[str, Eintrag]:
    """The file with the TOP `nummer` moved to `teil` before `vor` (at its end when empty), numbered `neue_nummer`."""
    if vor == nummer:
        raise Abgelehnt("Ein TOP kann nicht vor sich selbst stehen – wählen Sie einen anderen; nichts geändert.")
    ohne, eintrag = entfernen(text, nummer)
    return einfuegen(ohne, teil, eintrag.werte | {"top": neue_nummer}, vor), eintrag


def pruefen(data: Path, pfad: Path, neu: str) -> list[str]:
    """What the changed file brings that `pruefen` would refuse (problems there before do not count), in German."""
    from vorlagen.building.bearbeiten.pruefung import neue

    return [p.message for p in neue(data, pfad.parent, {pfad: neu})]


def schreiben_und_einchecken(data: Path, pfad: Path, gelesen: bytes, neu: str, person: Person, nachricht: str) -> str:
    """The changed file written through the one safe way (never over a file changed since `gelesen` was read) and
    committed as the person; the commit."""
    from vorlagen.load.settings import wurzel_von
    from vorlagen.server import gitstand

    problems = schreiben(wurzel_von(data), [data], [Aenderung(pfad, neu.encode("utf-8"), stand_von(gelesen))])
    if problems:
        raise Abgelehnt("\n".join(p.message for p in problems) + " Nichts geändert.", 409)
    return gitstand.einchecken(wurzel_von(data), [pfad], person, nachricht)
