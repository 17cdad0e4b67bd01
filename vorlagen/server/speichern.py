"""A save through the server: the editing side's form, draft and checks (building/bearbeiten), written through
core/schreibvorgang and committed by the person. A save based on an older version is merged with what was saved
meanwhile (zusammenfuehren.py); where both changed the same field, nothing is written and both values go back to
the person, with who wrote the other, until they decide."""

from __future__ import annotations

import base64
import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vorlagen.building.bearbeiten import bearbeitung
from vorlagen.building.bearbeiten.bearbeitung import YAML, Seite, lesen
from vorlagen.building.bearbeiten.entwurf import Eingabe
from vorlagen.core.problems import Paths
from vorlagen.core.reads import ueberlagert
from vorlagen.load.settings import wurzel_von
from vorlagen.load.yamlschreiben import NichtTreu, Pfad, YamlDatei
from vorlagen.server import gitstand, zusammenfuehren
from vorlagen.server.rechte import Person
from vorlagen.server.staende import Staende


@dataclass
class Frage:
    """One field (or text) both changed: shown side by side for the person to decide."""

    schluessel: str  # the decision's form field: „y:<path as JSON>“ or „t:<file>“
    feld: str  # as the page names it
    meins: str
    anderer: str
    wer: str  # who wrote the other value


@dataclass
class Ergebnis:
    seite: Seite
    commit: str = ""
    fragen: list[Frage] = field(default_factory=list)
    meins: dict[str, str] = field(default_factory=dict)  # file → my whole text (the decision form carries it)
    basis: dict[str, str] = field(default_factory=dict)  # file → the state my text was based on
    anderer: dict[str, str] = field(default_factory=dict)  # file → the state the other one's text had


def speichern(data: Path, ordner: Path, eingabe: Eingabe, staende: Staende, person: Person) -> Ergebnis:
    """The sent form saved: as the editing side saves it when nothing changed since it was opened, else merged."""
    basis = bearbeitung.eingabe_staende(eingabe, Seite(ordner, "", {}, {}))
    alt = {name: staende.text(stand) for name, stand in basis.items()}
    jetzt = {name: lesen(ordner / name) for name in basis}
    if all(staende.merken(jetzt[name]) == stand for name, stand in basis.items()) or None in alt.values():
        vorher = _dateien(ordner)
        seite = bearbeitung.bearbeiten(data, ordner, eingabe, staende)
        return Ergebnis(seite, _einchecken(data, seite, person, vorher))
    with ueberlagert({ordner / name: (text or "").encode("utf-8") for name, text in alt.items() if basis[name] != "-"}):
        seite = bearbeitung.entwurf(data, ordner, eingabe, staende)
    if seite.meldungen or seite.allgemein or seite.konflikte:
        return Ergebnis(seite)
    meins = {YAML: seite.yaml, **seite.texte}
    return zusammen(data, ordner, meins, basis, staende, person, {})


def _dateien(ordner: Path) -> dict[str, str | None]:
    """The texts of the Vorlage's files as they are now: vorlage.yaml and every Markdown text it names."""
    yaml = lesen(ordner / YAML) or ""
    node = bearbeitung.knoten(ordner / YAML, yaml, Paths())[0]
    return {YAML: yaml} | {name: lesen(ordner / name) for name in bearbeitung.textnamen(ordner, node)}


def zusammen(
    data: Path,
    ordner: Path,
    meins: dict[str, str],
    basis: dict[str, str],
    staende: Staende,
    person: Person,
    entscheidungen: dict[str, str],
) -> Ergebnis:
    """My texts merged with the files as they are now; saved when no question is left open."""
    seite = Seite(ordner, "", {}, {})
    ergebnis = Ergebnis(seite, meins=meins, basis=basis)
    vorher: dict[str, str | None] = {}
    for name, mein in meins.items():
        alt, jetzt = staende.text(basis.get(name, "-")) or "", lesen(ordner / name)
        vorher[name] = jetzt
        ergebnis.anderer[name] = seite.staende[name] = staende.merken(jetzt)
        text = _eine_datei(name, alt, mein, jetzt or "", entscheidungen, ergebnis, data, ordner)
        if name == YAML:
            seite.yaml = text
        else:
            seite.texte[name] = text
    if ergebnis.fragen or seite.allgemein:
        return ergebnis
    bearbeitung.speichern(data, seite, staende)
    ergebnis.commit = _einchecken(data, seite, person, vorher)
    return ergebnis


def _eine_datei(
    name: str,
    alt: str,
    mein: str,
    jetzt: str,
    entscheidungen: dict[str, str],
    ergebnis: Ergebnis,
    data: Path,
    ordner: Path,
) -> str:
    if mein in (alt, jetzt):
        return jetzt
    if jetzt == alt:
        return mein
    wer = gitstand.zuletzt_von(wurzel_von(data), ordner / name)
    if name != YAML:
        zusammen_text = zusammenfuehren.text(alt, mein, jetzt)
        if zusammen_text is not None:
            return zusammen_text
        wahl = entscheidungen.get(f"t:{name}")
        if wahl in ("meins", "anderer"):
            return mein if wahl == "meins" else jetzt
        ergebnis.fragen.append(Frage(f"t:{name}", f"Text {name}", mein, jetzt, wer))
        return jetzt
    auswahl: dict[Pfad, str] = {}
    for key, value in entscheidungen.items():
        if key.startswith("y:"):
            with contextlib.suppress(ValueError, TypeError):  # a field name the page did not make: no decision
                auswahl[tuple(json.loads(key[2:]))] = value
    try:
        text, offen = zusammenfuehren.yaml(alt, mein, jetzt, auswahl, f"{ordner.name}/{YAML}")
    except NichtTreu as error:
        ergebnis.seite.allgemein.append(error.args[0])
        return jetzt
    for konflikt in offen:
        ergebnis.fragen.append(
            Frage(
                "y:" + json.dumps(list(konflikt.pfad), ensure_ascii=False),
                ".".join(str(s) for s in konflikt.pfad),
                _zeigen(konflikt.meins),
                _zeigen(konflikt.anderer),
                wer,
            )
        )
    return text


def _zeigen(wert: Any) -> str:
    if wert is zusammenfuehren.WEG:
        return "(entfernt)"
    if isinstance(wert, (dict, list)):
        datei = YamlDatei("")
        datei.setzen(("wert",), wert)
        return datei.text().removeprefix("wert:").strip()
    return "" if wert is None else str(wert)


def _einchecken(data: Path, seite: Seite, person: Person, vorher: dict[str, str | None]) -> str:
    """The files the save wrote, committed by the person with a message naming the Vorlage and what changed."""
    if not seite.gespeichert:
        return ""
    dateien = [seite.ordner / YAML, *(seite.ordner / name for name in seite.texte)]
    geaendert = [d for d in dateien if lesen(d) != vorher.get(d.relative_to(seite.ordner).as_posix())]
    if not geaendert:
        return ""
    return gitstand.einchecken(wurzel_von(data), geaendert, person, nachricht(seite, vorher))


def nachricht(seite: Seite, vorher: dict[str, str | None]) -> str:
    """„Vorlage 2021-0123: betreff, beschlussvorschlag.md geändert“ – the fields (two levels deep) and texts."""
    was: list[str] = []
    try:
        alt, neu = YamlDatei(vorher.get(YAML) or "").daten, YamlDatei(seite.yaml).daten
        for pfad in zusammenfuehren.aenderungen(alt, neu):
            name = ".".join(str(s) for s in pfad[:2])
            if name not in was:
                was.append(name)
    except NichtTreu:
        was.append(YAML)
    was += [name for name, text in seite.texte.items() if vorher.get(name) != text]
    gezeigt = ", ".join(was[:6]) + (f" und {len(was) - 6} weitere" if len(was) > 6 else "")
    return f"Vorlage {seite.ordner.name}: {gezeigt or 'gespeichert'} geändert (im Browser)"


def entschieden(felder: dict[str, str]) -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """From the decision form: my texts, the states they were based on, the states of the other texts shown, and
    the decisions."""
    meins, basis, anderer = {}, {}, {}
    for key, value in felder.items():
        if key.startswith("meins:"):
            try:
                meins[key[6:]] = base64.b64decode(value.encode("ascii"), validate=True).decode("utf-8")
            except (ValueError, UnicodeError):
                continue
        elif key.startswith("basis:"):
            basis[key[6:]] = value
        elif key.startswith("anderer:"):
            anderer[key[8:]] = value
    wahl = {key[5:]: value for key, value in felder.items() if key.startswith("wahl:")}
    return meins, basis, anderer, wahl
