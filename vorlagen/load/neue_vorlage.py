"""`vorlagen vorlage neu`: a new Vorlage with the next free Nummer (or none yet, `--nummer offen`) and the texts its
Vorlagenart requires in the Hausstil – files that build at once."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from vorlagen.core.limits import MAX_BETREFF
from vorlagen.core.problems import BuildFailed, Problem, Where
from vorlagen.load.hausstil import Hausstil
from vorlagen.load.neuanlage import anlegen, text_value
from vorlagen.load.numbering import next_fassung, next_nummer, used_nummern
from vorlagen.load.schemadateien import schema_comment
from vorlagen.load.yamlschreiben import schlicht

NUMMER = re.compile(r"[0-9A-Za-z][0-9A-Za-z/._-]{0,39}")  # as vorlage.yaml allows it, 40 characters at most
OFFEN = "offen"  # `vorlage neu --nummer offen`: a Vorlage written before its Nummer


_UMLAUTE: dict[str, str | int | None] = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}


@dataclass(frozen=True)
class Schritt:
    """One Beratung of a new Vorlage: its Sitzung or, while the date is open, its Gremium; and the Rolle (None: as
    usual – Vorberatung, in the last Beratung Entscheidung; Kenntnisnahme where the Art has no Beschlussvorschlag)."""

    sitzung: str | None = None
    gremium: str | None = None
    rolle: str | None = None


@dataclass(frozen=True)
class Auftrag:
    """What a new Vorlage is asked for with (`vorlage neu`, the browser's form, the example of `neu`): its Art,
    Betreff, date and Beratungsfolge; the federführende Amt, Nummer and Bezug where given (None: none, or the next
    free Nummer)."""

    art: str
    betreff: str
    heute: dt.date
    beratungsfolge: Sequence[Schritt] = ()
    amt: str | None = None
    nummer: str | None = None
    bezug: str | None = None
    datum: dt.date | None = None  # asked for (--datum); else `heute` where the Hausstil requires a date, else none


def new_vorlage(data: Path, stil: Hausstil, auftrag: Auftrag) -> list[str]:
    """A Vorlage with the next free Nummer and what its Art requires in the Hausstil, its folder written whole or
    not at all; returns the files written."""
    files = vorlage_dateien(data, stil, auftrag)
    folder = Path(next(iter(files))).parent.as_posix()  # vorlagen/<Nummer or draft>
    anlegen(
        data / folder, {Path(name).relative_to(folder).as_posix(): text for name, text in files.items()}, "Die Vorlage"
    )
    return [f"{data.name}/{name}" for name in files]


def vorlage_dateien(data: Path, stil: Hausstil, auftrag: Auftrag) -> dict[str, str]:
    """The files of a new Vorlage (relative to `data`, vorlage.yaml first) with the next free Nummer and what its
    Art requires in the Hausstil."""
    art_name, bezug, nummer = auftrag.art, auftrag.bezug, auftrag.nummer
    art, used = stil.arten[art_name], used_nummern(data)
    if art.bezug and bezug is None:
        raise _fail(
            data,
            f"Eine {art_name} ist eine {art.bezug} – nennen Sie mit --bezug die Nummer der Vorlage, "
            "auf die sie sich bezieht.",
        )
    if bezug is not None and bezug not in used:
        raise _fail(data, f"Die Vorlage „{bezug}“ gibt es nicht – nennen Sie mit --bezug eine vorhandene Nummer.")
    offen = nummer == OFFEN
    if nummer is not None and not offen and not NUMMER.fullmatch(nummer):
        raise _fail(
            data,
            f"„{nummer[:60]}“ taugt nicht als Nummer – höchstens 40 Zeichen aus Ziffern, Buchstaben "
            "und / . _ -, am Anfang eine Ziffer oder ein Buchstabe, z. B. 2024/0123.",
        )
    betreff = text_value("Betreff", auftrag.betreff, MAX_BETREFF)
    if offen:
        return _vorlage_dateien(
            stil, replace(auftrag, betreff=betreff, nummer=None), _draft_folder(data, auftrag.betreff)
        )
    if nummer is None:
        nummer = (
            next_fassung(bezug, used)
            if bezug and art.nummer_aus_bezug
            else next_nummer(stil.nummer, used, auftrag.heute.year)
        )
    if nummer is None:
        raise _fail(
            data,
            f"Aus dem Nummernmuster „{stil.nummer}“ lässt sich die nächste Nummer nicht ableiten – "
            "geben Sie sie mit --nummer an.",
        )
    folder = f"vorlagen/{nummer.replace('/', '-')}"
    if (data / folder).exists() or nummer in used:
        raise _fail(data, f"Die Vorlage {nummer} ({data.name}/{folder}) gibt es schon – wählen Sie eine andere Nummer.")
    return _vorlage_dateien(stil, replace(auftrag, betreff=betreff, nummer=nummer), folder)


def _draft_folder(data: Path, betreff: str) -> str:
    """vorlagen/entwurf-<Betreff> for a Vorlage without Nummer: ASCII, at most 40 characters, not yet taken."""
    plain = unicodedata.normalize(
        "NFKD",
        betreff.replace("ß", "ss").translate(str.maketrans(_UMLAUTE)),
    )
    words = re.sub(r"[^a-z0-9]+", "-", plain.encode("ascii", "ignore").decode().lower()).strip("-")
    base = f"vorlagen/entwurf-{words[:31].rstrip('-')}".rstrip("-")
    folder, count = base, 1
    while (data / folder).exists():
        count += 1
        folder = f"{base}-{count}"
    return folder


def _vorlage_dateien(stil: Hausstil, auftrag: Auftrag, folder: str) -> dict[str, str]:
    """vorlage.yaml and the texts its Art requires (the Betreff checked, the Nummer decided); without Nummer or Amt
    those lines are left out."""
    art_name, nummer, amt, bezug = auftrag.art, auftrag.nummer, auftrag.amt, auftrag.bezug
    art = stil.arten[art_name]
    required = [a for a in stil.abschnitte if art.abschnitte.get(a.id, "optional") == "pflicht"]
    texte = {a.id: f"{a.id}.md" for a in required if a.form == "text"}
    texts = {
        f"{a.id}.md": f"Tragen Sie hier den Text zu „{a.ueberschrift}“ ein.\n" for a in required if a.form == "text"
    }
    if not texte:  # no section of the Hausstil: one free section, its heading in the text
        texts["sachverhalt.md"] = "# Sachverhalt\n\nBeschreiben Sie hier den Sachverhalt.\n"
    beschluss = art.beschlussvorschlag == "pflicht"
    if beschluss:
        texts["beschlussvorschlag.md"] = "Der Ausschuss beschließt, … (Beschlussvorschlag hier eintragen)\n"
    lines = [
        schema_comment(f"{folder}/vorlage.yaml", "vorlage").rstrip("\n"),
        *([f'nummer: "{nummer}"'] if nummer else []),
        f"art: {json.dumps(art_name, ensure_ascii=False)}",
        "oeffentlich: true",
        "platzhalter: true  # ein Gerüst: ersetzen Sie Texte und Angaben durch Ihre, dann entfernen Sie diese Zeile",
        *(
            [f"datum: {datum.isoformat()}"]
            if (datum := auftrag.datum or (auftrag.heute if stil.datum_pflicht else None))
            else []
        ),
        *([f"federfuehrend: {json.dumps(amt, ensure_ascii=False)}"] if amt and not art.eingereicht else []),
        *(_eingereicht(art.drucksache, auftrag) if art.eingereicht else []),
        f"betreff: {auftrag.betreff}",
        "beratungsfolge:" + ("".join(_beratungen(stil, auftrag.beratungsfolge, beschluss)) or " []"),
    ]
    if beschluss:
        lines.append("beschlussvorschlag: beschlussvorschlag.md")
    if not texte:
        lines.append("abschnitte: [sachverhalt.md]")
    else:
        lines.append("texte:" + "".join(f"\n  {key}: {name}" for key, name in texte.items()))
    if any(a.form == "klimaschutz" for a in required):
        lines.append("klimaschutz: {auswirkung: nein}  # oder ja_positiv / ja_negativ mit begruendung – bitte prüfen")
    if stil.unterschrift.form in ("im_auftrag", "gez"):
        lines.append('unterschrift: {name: "Vorname Name", funktion: Sachbearbeitung}  # bitte ersetzen')
    if bezug is not None and art.drucksache != "aenderungsantrag":
        lines.append(f'bezug: {{vorlage: "{bezug}", art: {art.bezug or "Ergänzung"}}}')
    return {f"{folder}/vorlage.yaml": "\n".join(lines) + "\n", **{f"{folder}/{k}": v for k, v in texts.items()}}


def _eingereicht(drucksache: str, auftrag: Auftrag) -> list[str]:
    """The lines of an Antrag or Anfrage in place of the Amt: its Einreicher, what it changes, its questions."""
    zeilen = [
        f"einreicher: {{fraktion: KUERZEL, datum: {auftrag.heute.isoformat()}}}  # Kürzel aus vertretung.yaml – "
        "bitte ersetzen"
    ]
    if drucksache == "aenderungsantrag":
        zeilen.append(
            f'aendert: {{vorlage: "{auftrag.bezug or "NUMMER"}"}}  # die Vorlage, die er ändert – bitte prüfen'
        )
    if drucksache == "anfrage":
        zeilen.append("fragen: [Tragen Sie hier die erste Frage ein.]")
    return zeilen


def _beratungen(stil: Hausstil, beratungsfolge: Sequence[Schritt], beschluss: bool) -> list[str]:
    """The lines of the Beratungsfolge, as the handbook writes them: `- {sitzung: …, rolle: …}`, each Rolle a word
    of the Körperschaft's own list (hausstil: rollen)."""
    zeilen = []
    for nummer, schritt in enumerate(beratungsfolge, start=1):
        entscheidet = beschluss and nummer == len(beratungsfolge)
        rolle = schritt.rolle or _rolle(
            stil, "Kenntnisnahme" if not beschluss else "Entscheidung" if entscheidet else "Vorberatung", entscheidet
        )
        wo = f"sitzung: {_wort(schritt.sitzung)}" if schritt.sitzung else f"gremium: {_wort(schritt.gremium or '')}"
        zeilen.append(f"\n  - {{{wo}, rolle: {_wort(rolle)}}}")
    return zeilen


def _rolle(stil: Hausstil, wort: str, entscheidet: bool) -> str:
    """The usual word where the Hausstil's list has it; else the list's first word that decides (or does not) as
    that one would: a body that says „Beschluss“ for „Entscheidung“ gets „Beschluss“."""
    if wort in stil.rollen:
        return wort
    passend = [name for name, rolle in stil.rollen.items() if rolle.entscheidet == entscheidet]
    return (passend or list(stil.rollen) or [wort])[0]


def _wort(text: str) -> str:
    """A word of the data (a Sitzung, a Gremium, a Rolle) as it stands in `{…}`: plain, or in quotes where YAML would
    read it otherwise there."""
    return text if schlicht(text) else json.dumps(text, ensure_ascii=False)


def _fail(data: Path, message: str) -> BuildFailed:
    return BuildFailed([Problem(Where(f"{data.name}/vorlagen"), message)])
