"""`vorlagen neu` and `vorlagen vorlage neu`: a new data repository, a new Vorlage — files that build at once."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from vorlagen import __version__
from vorlagen.cli.numbering import next_fassung, next_nummer, used_nummern
from vorlagen.core.engine import befehl
from vorlagen.core.problems import BuildFailed, Problem, Where, os_error_reason
from vorlagen.core.speichern import ordner_anlegen
from vorlagen.load.hausstil import Hausstil
from vorlagen.load.schema import FILES, schema_text
from vorlagen.load.settings import SETTINGS

SCHEMA_FOLDER = "schema"


def anlegen(folder: Path, files: dict[str, str], was: str) -> None:
    """Makes the new folder `folder` with these text files, whole or not at all (a full disk leaves nothing);
    `was` names it in the message, e.g. „Das Datenrepository“."""
    try:
        ordner_anlegen(folder, {name: text.encode("utf-8") for name, text in files.items()})
    except OSError as error:
        raise BuildFailed(
            [
                Problem(
                    Where(folder.as_posix()),
                    f"{was} lässt sich nicht anlegen ({os_error_reason(error)}) – prüfen Sie freien "
                    "Speicherplatz und Schreibrechte; angelegt wurde nichts.",
                )
            ]
        ) from None


NUMMER = re.compile(r"[0-9A-Za-z][0-9A-Za-z/._-]{0,39}")  # as vorlage.yaml allows it, 40 characters at most


def text_value(label: str, value: str, limit: int = 200) -> str:
    """A user's text as a YAML scalar that reads back exactly as typed (JSON strings are YAML); a line break, a
    control character or an overlong text is refused in German."""
    if len(value) > limit:
        raise BuildFailed(
            [
                Problem(
                    Where(label),
                    f"„{label}“ hat {len(value)} Zeichen – höchstens {limit} sind vorgesehen; kürzen Sie den Text.",
                )
            ]
        )
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in value) or not value.strip():
        raise BuildFailed(
            [
                Problem(
                    Where(label),
                    f"„{label}“ muss eine Zeile Text sein, ohne Zeilenumbruch oder "
                    "Steuerzeichen – geben Sie den Text in Anführungszeichen in einer "
                    "Zeile an.",
                )
            ]
        )
    return json.dumps(value, ensure_ascii=False)


def schema_comment(relative: str, kind: str) -> str:
    """First line of a data file: tells VS Code (YAML extension) the schema of this file."""
    up = "../" * (relative.count("/") + 1)  # from the file's folder up to the repository root (data/ included)
    return f"# yaml-language-server: $schema={up}{SCHEMA_FOLDER}/{kind}.schema.json\n"


def schema_files(hausstil: Hausstil) -> dict[str, str]:
    """The JSON Schema of every kind of data file, as files of a data repository with this Hausstil (its own
    Vorlagenarten, Kopfdaten and words)."""
    return {f"{SCHEMA_FOLDER}/{kind.name}.schema.json": schema_text(kind, hausstil) for kind in FILES}


def vscode_settings(data: str = "data") -> str:
    schemas = {f"./{SCHEMA_FOLDER}/{kind.name}.schema.json": f"{data}/{kind.pattern}" for kind in FILES}
    return json.dumps({"yaml.schemas": schemas}, ensure_ascii=False, indent=2) + "\n"


def new_repository(folder: Path, name: str, today: dt.date, land: str | None = None) -> list[str]:
    """A data repository with a Körperschaft, a Gremium, a Sitzung and one Vorlage. It states no fact it does not
    know: no address, no head of administration, the Land only when given; the Gremium, the Amt and the Sitzung it
    needs to build are marked `platzhalter: true` (built, never published)."""
    if folder.exists() and not folder.is_dir():
        raise BuildFailed(
            [
                Problem(
                    Where(folder.as_posix()),
                    "Das ist eine Datei, kein Ordner – wählen Sie einen "
                    f"neuen Ordnernamen, z. B. {befehl()} neu meine-verwaltung.",
                )
            ]
        )
    text_value("--name", name, 120)
    if folder.exists() and any(folder.iterdir()):
        raise BuildFailed(
            [
                Problem(
                    Where(folder.as_posix()),
                    "Den Ordner gibt es schon, und er ist nicht leer – "
                    f"wählen Sie einen neuen Namen, z. B. {befehl()} neu meine-verwaltung.",
                )
            ]
        )
    sitzung_datum = today + dt.timedelta(days=28)
    sitzung = f"AS-{sitzung_datum.isoformat()}"
    minor = ".".join(__version__.split(".")[:2])
    files = {
        SETTINGS: f"# Einstellungen dieses Datenrepositorys für das Programm „vorlagen“ (siehe README.md)\n"
        f'version = "{minor}"  # erwartete Programmversion; "{minor}" heißt: jede {minor}.x\n',
        ".gitignore": "output/\n",
        ".gitattributes": "*.pdf diff=vorlage\n",
        "README.md": README.format(name=name, version=minor),
        ".vscode/settings.json": vscode_settings(),
        ".vscode/extensions.json": '{\n  "recommendations": ["redhat.vscode-yaml"]\n}\n',
        **schema_files(Hausstil()),  # the Hausstil of the new koerperschaft.yaml: every default
        "data/koerperschaft.yaml": schema_comment("koerperschaft.yaml", "koerperschaft")
        + KOERPERSCHAFT.format(
            name=text_value("--name", name, 120),
            land=_land_zeile(land),
            verwaltungschef=verwaltungschef(name),
        ),
        f"data/sitzungen/{sitzung}.yaml": schema_comment("sitzungen/x.yaml", "sitzung")
        + SITZUNG.format(datum=sitzung_datum.isoformat(), nummer=f"{today.year}/0001"),
    }
    beispiel = vorlage_dateien(
        folder / "data",
        Hausstil(),
        "Beschlussvorlage",
        "Beispiel: Einrichtung einer Beratungsstelle",
        today,
        sitzung,
        amt="HA",
    )
    files |= {f"data/{name}": text for name, text in beispiel.items()}
    anlegen(folder, files, "Das Datenrepository")
    _git(folder)
    return list(files)


def _git(folder: Path) -> None:
    """A git repository whose diff shows PDFs as text (textconv); left alone inside an existing one."""
    if shutil.which("git") is None:
        return
    inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=folder, capture_output=True)
    if inside.returncode == 0:
        return
    # git runs textconv through a shell: the path of Python is quoted, so that a space in it (C:\Program Files\…)
    # does not cut the command in two
    textconv = f"{shlex.quote(sys.executable)} -m vorlagen text"
    try:
        subprocess.run(["git", "init", "-q"], cwd=folder, check=True, capture_output=True)
        subprocess.run(
            ["git", "config", "diff.vorlage.textconv", textconv], cwd=folder, check=True, capture_output=True
        )
    except (OSError, subprocess.CalledProcessError):  # e.g. the disk filled up just now: the data is complete
        shutil.rmtree(folder / ".git", ignore_errors=True)
        print(
            f"Hinweis: git ließ sich in {folder.as_posix()}/ nicht einrichten – richten Sie es dort mit „git init“ "
            "selbst ein, wenn wieder Platz ist.",
            file=sys.stderr,
        )


def new_vorlage(
    data: Path,
    stil,
    art_name: str,
    betreff: str,
    today: dt.date,
    sitzung: str | None,
    amt: str | None,
    nummer: str | None = None,
    bezug: str | None = None,
) -> list[str]:
    """A Vorlage with the next free Nummer and what its Art requires in the Hausstil, its folder written whole or
    not at all; returns the files written."""
    files = vorlage_dateien(data, stil, art_name, betreff, today, sitzung, amt, nummer, bezug)
    folder = Path(next(iter(files))).parent.as_posix()  # vorlagen/<Nummer or draft>
    anlegen(
        data / folder, {Path(name).relative_to(folder).as_posix(): text for name, text in files.items()}, "Die Vorlage"
    )
    return [f"{data.name}/{name}" for name in files]


def vorlage_dateien(
    data: Path,
    stil,
    art_name: str,
    betreff: str,
    today: dt.date,
    sitzung: str | None,
    amt: str | None,
    nummer: str | None = None,
    bezug: str | None = None,
) -> dict[str, str]:
    """The files of a new Vorlage (relative to `data`, vorlage.yaml first) with the next free Nummer and what its
    Art requires in the Hausstil."""
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
    shown_betreff, betreff = betreff, text_value("Betreff", betreff, 300)
    if offen:
        return _vorlage_dateien(
            stil, art_name, betreff, today, sitzung, amt, None, bezug, _draft_folder(data, shown_betreff)
        )
    if nummer is None:
        nummer = (
            next_fassung(bezug, used) if bezug and art.nummer_aus_bezug else next_nummer(stil.nummer, used, today.year)
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
    return _vorlage_dateien(stil, art_name, betreff, today, sitzung, amt, nummer, bezug, folder)


OFFEN = "offen"  # `vorlage neu --nummer offen`: a Vorlage written before its Nummer


_UMLAUTE: dict[str, str | int | None] = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}


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


def _vorlage_dateien(
    stil,
    art_name: str,
    betreff: str,
    today: dt.date,
    sitzung: str | None,
    amt: str | None,
    nummer: str | None,
    bezug: str | None,
    folder: str,
) -> dict[str, str]:
    """vorlage.yaml and the texts its Art requires; without Nummer or Amt those lines are left out."""
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
    rolle = "Entscheidung" if beschluss else "Kenntnisnahme"
    lines = [
        schema_comment(f"{folder}/vorlage.yaml", "vorlage").rstrip("\n"),
        *([f'nummer: "{nummer}"'] if nummer else []),
        f"art: {json.dumps(art_name, ensure_ascii=False)}",
        "oeffentlich: true",
        f"datum: {today.isoformat()}",
        *([f"federfuehrend: {json.dumps(amt, ensure_ascii=False)}"] if amt else []),
        f"betreff: {betreff}",
        "beratungsfolge:" + (f"\n  - {{sitzung: {sitzung}, rolle: {rolle}}}" if sitzung else " []"),
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
    if bezug is not None:
        lines.append(f'bezug: {{vorlage: "{bezug}", art: {art.bezug or "Ergänzung"}}}')
    return {f"{folder}/vorlage.yaml": "\n".join(lines) + "\n", **{f"{folder}/{k}": v for k, v in texts.items()}}


def _fail(data: Path, message: str) -> BuildFailed:
    return BuildFailed([Problem(Where(f"{data.name}/vorlagen"), message)])


# (word in the body's name, title of its head): the first word found decides; words are matched whole or as the
# end of a compound (Rhein-Sieg-Kreis, Musterstadt)
_VERWALTUNGSCHEFS = (
    ("landkreis", "Der Landrat"),
    ("kreis", "Der Landrat"),
    ("landratsamt", "Der Landrat"),
    ("samtgemeinde", "Der Samtgemeindebürgermeister"),
    ("amt", "Der Amtsvorsteher"),
    ("stadt", "Der Bürgermeister"),
    ("gemeinde", "Der Bürgermeister"),
    ("markt", "Der Bürgermeister"),
)


def verwaltungschef(name: str) -> str:
    """A suggestion for the head of a new body, from its name (Landkreis → Der Landrat, Stadt → Der Bürgermeister,
    Amt → Der Amtsvorsteher), for a commented line: the value itself is not written (not a known fact)."""
    woerter = [w for w in re.split(r"[^\w]+", name.lower()) if w]
    for wort, titel in _VERWALTUNGSCHEFS:
        if any(w == wort or (len(wort) > 3 and w.endswith(wort)) for w in woerter):
            return f"{titel}  # z. B. so oder {_weiblich(titel)}"
    return "Der Bürgermeister  # oder Die Landrätin, Der Amtsvorsteher …"


def _land_zeile(land: str | None) -> str:
    """The `land:` line: the Land given (checked), else a commented line – no default, never NRW unasked."""
    if land is None:
        return "# land: NRW  # Ihr Bundesland (Name oder Abkürzung): wählt das Haushaltsrecht – bitte eintragen"
    from vorlagen.load.land import land_von, unbekanntes_land

    gefunden = land_von(land)
    if gefunden is None:
        raise BuildFailed([Problem(Where("--land"), unbekanntes_land(land))])
    return f"land: {gefunden.name}"


def _weiblich(titel: str) -> str:
    """'Der Landrat' → 'Die Landrätin' (the example in the comment)."""
    wort = titel.split(" ", 1)[1]
    return "Die " + {"Landrat": "Landrätin"}.get(wort, wort + "in")


KOERPERSCHAFT = """\
# Stammdaten der Körperschaft. Was „vorlagen neu“ nicht wissen kann, steht hier nicht: tragen Sie es ein.
# Einträge mit „platzhalter: true“ sind Beispiele, damit das Datenrepository gleich baut – gebaut wird damit,
# veröffentlicht nicht: ersetzen Sie sie durch Ihre eigenen und entfernen Sie „platzhalter: true“.
name: {name}
{land}
# verwaltungschef: {verwaltungschef}
# anschrift: Straße Nr., PLZ Ort  # eine Zeile unter dem Namen im Kopf
aemter:
  - {{id: HA, name: Hauptamt, platzhalter: true}}
gremien:
  - {{id: AS, name: Ausschuss für Soziales, frist_tage: 14, platzhalter: true}}
"""

SITZUNG = """\
platzhalter: true  # ein Beispiel: ersetzen Sie Tag, Zeit und Ort, und entfernen Sie diese Zeile
gremium: AS
datum: {datum}
beginn: "17:00 Uhr"
ort: Rathaus, Sitzungssaal
tagesordnung:
  oeffentlich:
    - {{top: "1", titel: Eröffnung und Feststellung der Beschlussfähigkeit}}
    - {{top: "2", vorlage: "{nummer}"}}
    - {{top: "3", titel: Mitteilungen und Anfragen}}
"""

README = """\
# Vorlagen – {name}

Fakten und Texte der Sitzungsvorlagen. Das Programm `vorlagen` (Version {version}) macht daraus fertige
Vorlagen als PDF, HTML und Text.

| Befehl | was er tut |
|---|---|
| `vorlagen` | baut `data/` nach `output/` |
| `vorlagen pruefen` | prüft alles, schreibt nichts, zeigt die Fristen |
| `vorlagen vorschau` | Vorschau im Browser unter http://127.0.0.1:8000/ |
| `vorlagen vorlage neu --art Beschlussvorlage "Betreff"` | legt eine neue Vorlage mit der nächsten freien Nummer an |
| `vorlagen schema` | schreibt die Schemadateien in `schema/` neu (nach einem Programm-Update) |
| `vorlagen zeichnen NUMMER --rolle Kämmerei --name "…"` | zeichnet eine Vorlage mit, so wie sie jetzt gedruckt wird |
| `vorlagen freigabe` | zeigt je Vorlage die Mitzeichnungen: gültig, veraltet oder fehlt |
| `vorlagen --help` | alle Befehle |

- `data/koerperschaft.yaml` – Name, Ämter, Gremien; `data/sitzungen/` – Sitzungen mit Tagesordnung;
  `data/vorlagen/<nummer>/` – je Vorlage `vorlage.yaml` und die Texte in Markdown.
- `vorlagen.toml` – die erwartete Programmversion.
- Editor: Visual Studio Code mit der Erweiterung „YAML“ (Red Hat) ergänzt und prüft die Schlüssel
  beim Tippen (Schema in `schema/`).
- Nach dem Klonen einmal, damit `git diff` PDFs als Text vergleicht:
  `git config diff.vorlage.textconv "vorlagen text"`
"""
