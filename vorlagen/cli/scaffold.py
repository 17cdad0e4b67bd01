"""`vorlagen neu`: a new data repository – a Körperschaft, a Gremium, a Sitzung and one Vorlage, files that build at
once, in a git repository whose diff shows PDFs as text."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from vorlagen import __version__
from vorlagen.core.befehlszeile import argument
from vorlagen.core.engine import befehl
from vorlagen.core.problems import BuildFailed, Problem, Where
from vorlagen.load.hausstil import Hausstil
from vorlagen.load.neuanlage import anlegen, text_value
from vorlagen.load.neue_vorlage import Auftrag, Schritt, vorlage_dateien
from vorlagen.load.schemadateien import schema_comment, schema_files, vscode_settings
from vorlagen.load.settings import SETTINGS


def new_repository(folder: Path, name: str | None, today: dt.date, land: str | None = None) -> list[str]:
    """A data repository with a Körperschaft, a Gremium, a Sitzung and one Vorlage. It states no fact it does not
    know: no address, no head of administration, the Land only when given; what it needs to build – the body's name
    when none is given, the Gremium, the Amt, the Sitzung and the Vorlage's texts – is marked `platzhalter: true`
    (built, never published)."""
    beispielname = name is None
    name = BEISPIELNAME if name is None else name
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
            platzhalter=""
            if not beispielname
            else "platzhalter: true  # der Name ist ein Beispiel: tragen Sie Ihren ein, dann entfernen Sie diese Zeile\n",
            land=_land_zeile(land),
            verwaltungschef=verwaltungschef(name),
        ),
        f"data/sitzungen/{sitzung}.yaml": schema_comment("sitzungen/x.yaml", "sitzung")
        + SITZUNG.format(datum=sitzung_datum.isoformat(), nummer=f"{today.year}/0001"),
    }
    auftrag = Auftrag(
        "Beschlussvorlage", "Beispiel: Einrichtung einer Beratungsstelle", today, [Schritt(sitzung)], "HA"
    )
    beispiel = vorlage_dateien(folder / "data", Hausstil(), auftrag)
    files |= {f"data/{name}": text for name, text in beispiel.items()}
    anlegen(folder, files, "Das Datenrepository")
    _git(folder)
    return list(files)


def _git(folder: Path) -> None:
    """A git repository whose diff shows PDFs as text (textconv); left alone inside an existing one."""
    if shutil.which("git") is None:
        print(
            f"Hinweis: git ist auf diesem Rechner nicht installiert – das Datenrepository ist ohne git angelegt; "
            f"installieren Sie git (Debian und Ubuntu: sudo apt install git; Windows: Git für Windows) und richten Sie "
            f"es dann im Ordner {argument(folder.as_posix())} mit „git init“ und „git config diff.vorlage.textconv "
            '"vorlagen text"“ ein: dann zeigt „vorlagen vergleichen“, was sich geändert hat.',
            file=sys.stderr,
        )
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
        return
    _erster_commit(folder)


def _erster_commit(folder: Path) -> None:
    """The first commit of everything `neu` wrote, so that git knows the files (`git rm` of a placeholder works, and
    `vergleichen` has a revision to compare with). Without a name and address of the user's own, it is made in the
    program's name – only this one."""
    wer = subprocess.run(["git", "config", "user.email"], cwd=folder, capture_output=True, text=True)
    name = [] if wer.stdout.strip() else ["-c", "user.name=vorlagen neu", "-c", "user.email=vorlagen@localhost"]
    try:
        subprocess.run(["git", "add", "-A"], cwd=folder, check=True, capture_output=True)
        subprocess.run(
            [
                "git",
                *name,
                "-c",
                "commit.gpgsign=false",
                "commit",
                "-q",
                "-m",
                "Datenrepository angelegt (vorlagen neu)",
            ],
            cwd=folder,
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError):
        print(
            "Hinweis: git ließ die Dateien nicht festhalten – halten Sie sie selbst fest: git add -A, dann "
            'git commit -m "Datenrepository angelegt".',
            file=sys.stderr,
        )


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
        raise BuildFailed([Problem(Where("--land"), unbekanntes_land(land, option=True))])
    return f"land: {gefunden.name}"


def _weiblich(titel: str) -> str:
    """'Der Landrat' → 'Die Landrätin' (the example in the comment)."""
    wort = titel.split(" ", 1)[1]
    return "Die " + {"Landrat": "Landrätin"}.get(wort, wort + "in")


BEISPIELNAME = "Musterstadt"  # the body's name until the user gives one (marked as a placeholder)

KOERPERSCHAFT = """\
# Stammdaten der Körperschaft. Was „vorlagen neu“ nicht wissen kann, steht hier nicht: tragen Sie es ein.
# Einträge mit „platzhalter: true“ sind Beispiele, damit das Datenrepository gleich baut – gebaut wird damit,
# veröffentlicht nicht: ersetzen Sie sie durch Ihre eigenen und entfernen Sie „platzhalter: true“.
name: {name}
{platzhalter}{land}
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
