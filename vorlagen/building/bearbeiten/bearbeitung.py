"""One Vorlage in the form: its files, the draft the form holds, and a save – checked first, never over a file that
changed since the form was opened, each file written whole or not at all."""

from __future__ import annotations

import base64
import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vorlagen.building.bearbeiten.entwurf import Eingabe, aktion, anwenden
from vorlagen.building.bearbeiten.felder import Feld, Gruppe, Liste, Offen, alle, formular, punktiert
from vorlagen.building.bearbeiten.pruefung import neue
from vorlagen.building.bearbeiten.sitzung import Sitzung
from vorlagen.core.kodierung import NichtUtf8, als_text
from vorlagen.core.pfade import innerhalb
from vorlagen.core.problems import Paths, Problem, Where
from vorlagen.core.reads import read_file, ueberlagert
from vorlagen.core.schreibvorgang import Aenderung, Veraltet, schreiben
from vorlagen.load import steuerzeichen
from vorlagen.load.settings import wurzel_von
from vorlagen.load.vorlage import Vorlage
from vorlagen.load.yamlfile import Mapping, Node, Scalar, Sequence, read_yaml
from vorlagen.load.yamlschreiben import NichtTreu, YamlDatei

ORDNERNAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,99}")
TEXTNAME = re.compile(r"[0-9A-Za-z_][0-9A-Za-z._/-]{0,199}\.md")
YAML = "vorlage.yaml"


def vorlagenordner(data: Path, name: str) -> Path | None:
    """The folder of a Vorlage named in an address: a plain name of a folder under vorlagen/ with a vorlage.yaml,
    inside the data folder once every link is followed; None for anything else."""
    if not ORDNERNAME.fullmatch(name) or name in (".", ".."):
        return None
    ordner = data / "vorlagen" / name
    if not (ordner / YAML).is_file() or not innerhalb(ordner / YAML, data):
        return None
    return ordner


class KeinUtf8(Exception):
    """A file of the Vorlage the form cannot show: args[0] says which and what to do."""


def lesen(path: Path) -> str | None:
    """A file of the Vorlage as text; None when it is not there (yet). KeinUtf8 when it is no UTF-8: the form
    never shows a file read wrongly, and so never saves over it."""
    try:
        return als_text(read_file(path, 4 * 1024 * 1024, noted=False))
    except FileNotFoundError:
        return None
    except NichtUtf8 as error:
        als = f", sondern vermutlich als {error.vermutlich}" if error.vermutlich else ""
        raise KeinUtf8(
            str(
                Problem(
                    Paths().where(path, error.zeile),
                    f"Die Datei ist nicht als UTF-8 gespeichert{als} – das Formular zeigt diese Vorlage nicht und "
                    "speichert nichts, damit nichts verloren geht; öffnen Sie die Datei im Editor, speichern Sie sie "
                    "mit der Kodierung „UTF-8“ und laden Sie die Seite neu.",
                )
            )
        ) from None


def _lesbar(machen: Callable[..., Seite]) -> Callable[..., Seite]:
    """A page made from the Vorlage's files; where one of them is no UTF-8, a page that says so and holds no form."""

    @functools.wraps(machen)
    def seite(data: Path, ordner: Path, *args: object, **kwargs: object) -> Seite:
        try:
            return machen(data, ordner, *args, **kwargs)
        except KeinUtf8 as error:
            return Seite(ordner, "", {}, {}, allgemein=[error.args[0]], unlesbar=True)

    return seite


def knoten(path: Path, text: str, paths: Paths) -> tuple[Node | None, list[Problem]]:
    """The nodes of a YAML text as the program reads them (text and line of every value)."""
    with ueberlagert({path: text.encode("utf-8")}):
        return read_yaml(path, paths)


def textnamen(ordner: Path, node: Node | None) -> list[str]:
    """The Markdown files the Vorlage names (Beschlussvorschlag, Abschnitte, Texte, Finanzielle Auswirkungen,
    Anlagen), in the order they print; only plain names inside its folder."""
    if not isinstance(node, Mapping):
        return []
    found: list[str] = []

    def wert(value: Node | None) -> None:
        if isinstance(value, Scalar) and value.text not in found and text_der_vorlage(ordner, value.text):
            found.append(value.text)

    eintrag = {key: value for key, (_, value) in node.entries.items()}
    wert(eintrag.get("beschlussvorschlag"))
    abschnitte = eintrag.get("abschnitte")
    for item in abschnitte.items if isinstance(abschnitte, Sequence) else []:
        wert(item)
    texte = eintrag.get("texte")
    for _, value in texte.entries.values() if isinstance(texte, Mapping) else []:
        wert(value)
    finanzen = eintrag.get("finanzielle_auswirkungen")
    wert(finanzen.entries.get("text", (None, None))[1] if isinstance(finanzen, Mapping) else finanzen)
    anlagen = eintrag.get("anlagen")
    for item in anlagen.items if isinstance(anlagen, Sequence) else []:
        wert(item.entries.get("datei", (None, None))[1] if isinstance(item, Mapping) else None)
    return found


def text_der_vorlage(ordner: Path, name: str) -> bool:
    """Whether `name` may name a Markdown file of the Vorlage in `ordner`: a plain relative name, no `..`, inside the
    folder once every link is followed – checked before anything by that name is read."""
    return bool(TEXTNAME.fullmatch(name)) and ".." not in name.split("/") and innerhalb(ordner / name, ordner)


@dataclass
class Seite:
    """What the editing page of a Vorlage shows: the draft, its form, and what to say."""

    ordner: Path
    yaml: str  # the draft of vorlage.yaml
    texte: dict[str, str]  # Markdown file → the draft of its text
    staende: dict[str, str]  # file → hash of the file as the form was opened („-“: not there)
    modell: Gruppe | None = None
    meldungen: dict[str, list[str]] = field(default_factory=dict)  # form field → messages
    allgemein: list[str] = field(default_factory=list)  # messages of no field
    konflikte: list[tuple[str, str]] = field(default_factory=list)  # file → what changed on disk
    gespeichert: list[str] = field(default_factory=list)
    unlesbar: bool = False  # a file is no UTF-8: the page says which (allgemein) and shows no form
    wie_gespeichert: bool = False  # the form shows the files as they are (not a draft sent by a form)


@_lesbar
def oeffnen(data: Path, ordner: Path, sitzung: Sitzung) -> Seite:
    """The page of a Vorlage as its files stand."""
    yaml = lesen(ordner / YAML) or ""
    seite = Seite(ordner, yaml, {}, {YAML: sitzung.merken(yaml)}, wie_gespeichert=True)
    _modell(data, seite)
    for name in textnamen(ordner, _knoten(data, seite)):
        text = lesen(ordner / name)
        seite.texte[name], seite.staende[name] = text or "", sitzung.merken(text)
    return seite


def _knoten(data: Path, seite: Seite) -> Node | None:
    return knoten(seite.ordner / YAML, seite.yaml, Paths())[0]


def _modell(data: Path, seite: Seite) -> None:
    """The form of the draft; a draft the program cannot read stays as text, with its problem."""
    node, problems = knoten(seite.ordner / YAML, seite.yaml, Paths())
    seite.allgemein += [str(p) for p in problems]
    seite.modell = formular(Vorlage, node) if node is not None else None


def veraendert(seite: Seite, eingabe: Eingabe, sitzung: Sitzung) -> bool:
    """Whether a file changed on disk since the form was opened; if so, what changed goes to `seite.konflikte`."""
    return veraendert_seit(seite, eingabe_staende(eingabe, seite), sitzung)


def veraendert_seit(seite: Seite, staende: dict[str, str], sitzung: Sitzung) -> bool:
    """Whether a file of the Vorlage (name → its state when the form was opened) changed on disk since; if so, what
    changed goes to `seite.konflikte`."""
    for name, stand in staende.items():
        if name != YAML and not text_der_vorlage(seite.ordner, name):  # never read a file the Vorlage cannot name
            continue
        jetzt = lesen(seite.ordner / name)
        if sitzung.merken(jetzt) == stand:
            continue
        vorher = sitzung.text(stand) if stand != "-" else ""
        if vorher is None:
            unterschied = (
                "(Der Stand beim Öffnen ist nicht mehr bekannt – laden Sie neu und tragen Sie Ihre Änderung ein.)"
            )
        else:
            unterschied = "".join(
                difflib.unified_diff(
                    vorher.splitlines(True), (jetzt or "").splitlines(True), "beim Öffnen", "jetzt auf der Platte"
                )
            )
        seite.konflikte.append((name, unterschied))
    return bool(seite.konflikte)


def eingabe_staende(eingabe: Eingabe, seite: Seite) -> dict[str, str]:
    """The files the sent form was opened on, with their hashes then: vorlage.yaml and the texts its file on disk or
    the sent draft names (each checked by `text_der_vorlage`); any other name of the form is left alone, unread
    (`stand:anlagen/../../…` once showed any Markdown file of the machine)."""
    platte = lesen(seite.ordner / YAML) or ""
    erlaubt = {
        YAML,
        *seite.texte,
        *textnamen(seite.ordner, knoten(seite.ordner / YAML, platte, Paths())[0]),
        *textnamen(seite.ordner, knoten(seite.ordner / YAML, seite.yaml, Paths())[0]),
    }
    return {key[6:]: value for key, value in eingabe.felder.items() if key.startswith("stand:") and key[6:] in erlaubt}


def bearbeiten(data: Path, ordner: Path, eingabe: Eingabe, sitzung: Sitzung) -> Seite:
    """The form sent: the draft with its changes and the button's action; saved when asked and valid."""
    seite = entwurf(data, ordner, eingabe, sitzung, mit_aktion=True)
    if eingabe.aktion == "speichern" and not seite.konflikte and not seite.meldungen and not seite.allgemein:
        try:
            _speichern(data, seite, sitzung)
        except KeinUtf8 as error:  # a file saved as another encoding meanwhile: said, and nothing written
            seite.allgemein.append(error.args[0])
    return seite


@_lesbar
def entwurf(data: Path, ordner: Path, eingabe: Eingabe, sitzung: Sitzung, mit_aktion: bool = False) -> Seite:
    """The draft as the sent form makes it (with the button's action), nothing written."""
    seite = Seite(ordner, _entwurf_text(eingabe.felder.get("entwurf", "")), {}, {})
    seite.staende = {name: stand for name, stand in eingabe_staende(eingabe, seite).items()}
    if veraendert(seite, eingabe, sitzung):
        return seite
    try:
        datei = YamlDatei(seite.yaml, f"{ordner.name}/{YAML}")
    except NichtTreu as error:
        seite.allgemein.append(error.args[0])
        return seite
    _modell(data, seite)
    if seite.modell is not None:
        anwenden(datei, seite.modell, eingabe, Vorlage)
        if mit_aktion:
            aktion(datei, Vorlage, eingabe)
    seite.yaml, seite.meldungen = datei.text(), eingabe.meldungen
    for name in textnamen(ordner, _knoten(data, seite)):
        gesendet = eingabe.felder.get(f"t:{name}")
        if gesendet is not None and (steuer := steuerzeichen.im_text(gesendet, Where(name, 1), zeilenenden=True)):
            seite.meldungen.setdefault(f"t:{name}", []).append(str(steuer[0]))
        vorhanden = lesen(ordner / name)
        seite.texte[name] = wie_vorher(gesendet, vorhanden) if gesendet is not None else (vorhanden or "")
        seite.staende.setdefault(name, sitzung.merken(vorhanden))
    _modell(data, seite)
    return seite


def _entwurf_text(gesendet: str) -> str:
    """The draft of vorlage.yaml as the form carries it: base64 of its UTF-8 (a browser would change its line ends)."""
    try:
        return base64.b64decode(gesendet.encode("ascii"), validate=True).decode("utf-8")
    except (ValueError, UnicodeError):
        return ""


def entwurf_feld(yaml: str) -> str:
    return base64.b64encode(yaml.encode("utf-8")).decode("ascii")


def wie_vorher(gesendet: str, vorhanden: str | None) -> str:
    """A text from a text area (the browser sends its lines ended CR LF) with the line ends of the file it replaces."""
    text = gesendet.replace("\r\n", "\n").replace("\r", "\n")
    if text and not text.endswith("\n") and (vorhanden is None or vorhanden.endswith("\n")):
        text += "\n"
    return text.replace("\n", "\r\n") if vorhanden is not None and "\r\n" in vorhanden else text


def _speichern(data: Path, seite: Seite, sitzung: Sitzung) -> None:
    """Checks the draft like `pruefen`; writes the changed files when it brings no problem, else says where."""
    dateien = {seite.ordner / name: text for name, text in seite.texte.items()}
    dateien[seite.ordner / YAML] = seite.yaml
    geaendert = {path: text for path, text in dateien.items() if lesen(path) != text}
    if not geaendert:
        seite.gespeichert = []
        return
    problems = neue(data, seite.ordner, geaendert)
    if problems:
        zuordnen(data, seite, problems)
        return
    aenderungen = [
        Aenderung(path, text.encode("utf-8"), seite.staende.get(path.relative_to(seite.ordner).as_posix(), "?"))
        for path, text in geaendert.items()
    ]
    problems = schreiben(wurzel_von(data), [data], aenderungen)
    if any(isinstance(p, Veraltet) for p in problems):  # saved elsewhere during the checks: shown as before them
        namen = [path.relative_to(seite.ordner).as_posix() for path in geaendert]
        if veraendert_seit(seite, {name: seite.staende.get(name, "?") for name in namen}, sitzung):
            return
    if problems:
        seite.allgemein += [str(p) for p in problems]
        return
    seite.gespeichert = [path.name if path.parent == seite.ordner else str(path) for path in geaendert]
    seite.staende = {path.relative_to(seite.ordner).as_posix(): sitzung.merken(text) for path, text in dateien.items()}


def zuordnen(data: Path, seite: Seite, problems: list[Problem]) -> None:
    """Each problem at the field of its line (in vorlage.yaml) or at its text; the others above the form."""
    paths = Paths()
    yaml = paths.show(seite.ordner / YAML)
    texte = {paths.show(seite.ordner / name): name for name in seite.texte}
    elemente = [e for e in alle(seite.modell) if not isinstance(e, Offen) and e.zeile] if seite.modell else []
    for problem in problems:
        if problem.where.path in texte:
            seite.meldungen.setdefault(f"t:{texte[problem.where.path]}", []).append(str(problem))
        elif problem.where.path == yaml and problem.where.line and elemente:
            element = _element_der_zeile(elemente, problem)
            name = getattr(element, "name", None) or "g:" + punktiert(element.pfad)
            seite.meldungen.setdefault(name, []).append(str(problem))
        else:
            seite.allgemein.append(str(problem))


def _element_der_zeile(elemente: list[Feld | Gruppe | Liste], problem: Problem) -> Feld | Gruppe | Liste:
    """The element a problem's line belongs to: on that line the field its message names (or the first), else the
    last element that starts above it."""
    line = problem.where.line or 0
    auf = [e for e in elemente if e.zeile == line]
    genannt = [e for e in auf if f"„{e.pfad[-1]}“" in problem.message]
    if genannt or auf:
        return (genannt or auf)[-1 if genannt else 0]
    davor = [e for e in elemente if (e.zeile or 0) < line]  # each has its line (zuordnen)
    return davor[-1] if davor else elemente[0]


def speichern(data: Path, seite: Seite, sitzung: Sitzung) -> None:
    """Saves a draft made elsewhere (the server's merge of two saves) as the form's save does: checked like
    `pruefen`, never over a file changed since `seite.staende`, every file or none."""
    _modell(data, seite)
    _speichern(data, seite, sitzung)
