"""The `vorlagen` command (also `python -m vorlagen`, `python build.py`): one table of commands.

To add a command, write a function `run(args) -> int` (and one that adds its options) in the module of
its topic, and add one `Command` line to COMMANDS below; `vorlagen --help` lists it, options may stand
before or after it, and problems with the data (BuildFailed) are printed in German with exit code 1.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time

from vorlagen.cli import (
    aktualisierung,
    beschluss,
    building,
    completion,
    hilfe,
    repository,
    reviewing,
    server,
    zahlen,
    zeichnen,
)
from vorlagen.cli.ausfuehrung import ausfuehren, beendet
from vorlagen.cli.german import speak_german
from vorlagen.cli.konsole import safe_streams
from vorlagen.cli.parsing import Command, parse
from vorlagen.cli.umfang import ausfuehrlich, gesprochen
from vorlagen.core.fmt import dezimalkomma
from vorlagen.core.runtime import collect_less_often, eigener_tempordner
from vorlagen.render import maschine

GESCHRIEBEN = "Probleme in den Daten (auf der Fehlerausgabe) – es wurde nichts geschrieben"

COMMANDS: list[Command] = [
    Command(
        "bauen",
        "baut alle Vorlagen und Tagesordnungen (PDF, HTML, Text); Unverändertes wird übernommen",
        building.build,
        building.build_options,
        out=True,
        alias="build",
        rueckgabe=((0, "gebaut – Warnungen und Hinweise ändern daran nichts"), (1, GESCHRIEBEN)),
    ),
    Command(
        "pruefen",
        "lädt, rechnet und prüft alles und setzt die Texte – schreibt nichts; zeigt die Fristen",
        building.check,
        building.check_options,
        alias="check",
        rueckgabe=(
            (0, "keine Probleme – Warnungen, Hinweise, Fristen und Entwürfe ändern daran nichts"),
            (1, "Probleme in den Daten oder eine Tabelle zu breit für die Seite (auf der Fehlerausgabe)"),
        ),
    ),
    Command(
        "sitzung",
        "baut alles und dazu Sitzungsmappen und Veröffentlichungspaket einer Sitzung",
        building.build,
        building.sitzung_options,
        out=True,
        rueckgabe=((0, "gebaut – Warnungen und Hinweise ändern daran nichts"), (1, GESCHRIEBEN)),
    ),
    Command(
        "vorschau",
        "Vorschau im Browser auf 127.0.0.1, die bei jeder Änderung neu baut",
        building.serve,
        building.serve_options,
        out=True,
        alias="serve",
        ergebnis=True,  # its address
        rueckgabe=((0, "mit Strg+C beendet"), (1, "der Port lässt sich nicht öffnen (etwa schon belegt)")),
    ),
    Command(
        "server",
        "der Server für das ganze Haus: alle bearbeiten im Browser, angemeldet, jede Speicherung ein Commit",
        server.run,
        server.options,
        data=False,
        description="Startet den Server nach der Konfiguration (--config DATEI); „vorlagen server konfiguration“ "
        "gibt eine vollständige Konfiguration für das Datenrepository hier aus, „vorlagen server konto anlegen NAME "
        "--rolle ROLLE [--amt AMT] --config DATEI“ legt ein lokales Konto an (Kennwort ohne Echo oder als eine "
        "Zeile der Standardeingabe), „vorlagen server erinnern --config DATEI“ schickt die Erinnerungen des Tages "
        "vor einer Frist (täglich von einem systemd-Timer gestartet).",
        ergebnis=True,  # its address, or the configuration
        rueckgabe=(
            (0, "mit Strg+C beendet, Konfiguration ausgegeben, Konto angelegt oder Erinnerungen versandt"),
            (1, "kein Datenrepository hier, der Port lässt sich nicht öffnen oder eine Erinnerung nicht versenden"),
            (2, "die Konfiguration oder der Aufruf ist fehlerhaft (auf der Fehlerausgabe)"),
        ),
    ),
    Command(
        "vergleichen",
        "zeigt geänderte Zahlen, Kopfdaten, Sätze und gedruckte Dokumente zwischen zwei Fassungen (git)",
        reviewing.diff,
        reviewing.diff_options,
        failure=2,
        out=True,  # the user's build, whose cache the review starts from (never written)
        alias="diff",
        liest=True,
        description="Zeigt, welche Zahlen, Kopfdaten und Sätze sich zwischen zwei Fassungen geändert haben.",
        rueckgabe=(
            (0, "keine Änderung"),
            (1, "Änderungen (auf der Standardausgabe, mit -q nur als Rückgabewert)"),
            (2, "Fehler: Probleme in einer Fassung, falscher Aufruf, oder git fehlt auf diesem Rechner"),
        ),
    ),
    Command(
        "zeichnen",
        "zeichnet eine Vorlage mit, so wie sie jetzt gedruckt wird: vorlagen zeichnen NUMMER --rolle "
        'Kämmerei --name "…"',
        zeichnen.zeichnen,
        zeichnen.zeichnen_options,
    ),
    Command(
        "freigabe",
        "zeigt je Vorlage die Mitzeichnungen (gültig, veraltet, fehlt) und was sich seitdem geändert hat",
        zeichnen.freigabe,
        zeichnen.freigabe_options,
        failure=2,
        liest=True,
        description="Zeigt je Vorlage, welche Mitzeichnungen gültig sind, welche veraltet (mit dem, was sich seit "
        "der Mitzeichnung geändert hat) und welche fehlen.",
        rueckgabe=(
            (0, "alles freigegeben"),
            (1, "mindestens ein ENTWURF"),
            (2, "Fehler: Probleme in den Daten oder falscher Aufruf"),
        ),
    ),
    Command(
        "beschluss",
        "hält den Haushalt fest, auf dem eine Vorlage beschlossen wurde: vorlagen beschluss NUMMER",
        beschluss.beschluss,
        beschluss.beschluss_options,
        description="Schreibt beschlossen.yaml neben vorlage.yaml: die Beträge jeder Position der Haushaltsjahre, "
        "die die Vorlage liest, am Tag ihres Beschlusses. Die beschlossene Vorlage druckt sie, auch wenn die "
        "Kämmerei danach „gebunden“ erhöht. Aufrufen, sobald das Ergebnis erfasst ist.",
    ),
    Command(
        "zahlen",
        "listet jeden Namen, den die Texte einer Vorlage zitieren können, mit seinem Wert",
        zahlen.zahlen,
        zahlen.zahlen_options,
        liest=True,
        ergebnis=True,
        rueckgabe=((0, "ausgegeben"), (1, "die Vorlage, Tabelle oder Zelle gibt es nicht, oder Probleme in den Daten")),
    ),
    Command(
        "text",
        "gibt die Textfassung einer PDF-Datei aus (für git diff)",
        reviewing.text,
        reviewing.text_options,
        data=False,
        liest=True,
        ergebnis=True,
        rueckgabe=((0, "ausgegeben"), (1, "die Datei lässt sich nicht lesen")),
    ),
    Command(
        "nachrechnen",
        "rechnet die Rechnungen getippter Vorlagen nach (PDF, DOCX, HTML, TXT, MD)",
        reviewing.nachrechnen,
        reviewing.nachrechnen_options,
        data=False,
        failure=2,
        description="Rechnet jede erkannte Rechnung einer getippten Vorlage nach.",
        rueckgabe=(
            (0, "alles stimmt"),
            (1, "Fehler gefunden"),
            (2, "eine Datei lässt sich nicht lesen, oder falscher Aufruf"),
        ),
    ),
    Command(
        "neu",
        "legt ein neues Datenrepository an, das sofort baut: vorlagen neu ORDNER",
        repository.neu,
        repository.neu_options,
        data=False,
        rueckgabe=((0, "angelegt"), (1, "der Ordner ist schon belegt oder lässt sich nicht anlegen")),
    ),
    Command(
        "vorlage",
        'legt eine Vorlage mit der nächsten freien Nummer an: vorlagen vorlage neu "Betreff"',
        repository.vorlage,
        repository.vorlage_options,
    ),
    Command(
        "aktualisieren",
        "bringt ein Datenrepository einer früheren Programmversion auf diese und prüft jede gedruckte Zahl",
        aktualisierung.aktualisieren,
        aktualisierung.aktualisieren_options,
        version=False,
        description="Schreibt um, was diese Programmversion anders liest (Zeilen nach Namen statt nach Position, "
        "Zahlen in ihrer Einheit …), baut eine Kopie und vergleicht jede Zahl mit der Ausgabe des letzten Baus "
        "(output/ oder --vorher). Geschrieben wird nur, wenn jede Zahl wie vorher gedruckt wird oder diese Version "
        "sie mit Absicht anders druckt und sagt, warum.",
        rueckgabe=(
            (0, "aktualisiert, oder nichts zu tun"),
            (1, "nicht aktualisiert (warum, steht auf der Fehlerausgabe)"),
        ),
    ),
    Command(
        "schema",
        "schreibt das JSON-Schema aller Datendateien (für VS Code) nach schema/",
        repository.schema,
        repository.schema_options,
    ),
    Command(
        "hilfe",
        "zeigt das Handbuch im Browser auf 127.0.0.1, auch ohne Netz",
        hilfe.hilfe,
        hilfe.hilfe_options,
        data=False,
        description="Zeigt das ganze Handbuch mit Referenz auf http://127.0.0.1:8010/ – nur auf diesem Rechner, "
        "ohne Netz; das installierte Programm bringt es mit, im Repository von vorlagen wird es aus docs/ gebaut "
        "(mit Sphinx). Beenden mit Strg+C.",
        ergebnis=True,  # its address, or the start page
        rueckgabe=(
            (0, "mit Strg+C beendet (mit --nur-bauen: gebaut)"),
            (1, "das Handbuch lässt sich nicht bauen oder zeigen"),
        ),
    ),
    Command(
        "vervollstaendigung",
        "gibt die Vervollständigung der Befehle und Optionen für bash, zsh, fish oder PowerShell aus",
        lambda args: completion.run(args, COMMANDS),
        completion.options,
        data=False,
        description="Gibt ein Skript aus, mit dem bash, zsh, fish oder PowerShell Befehle und Optionen von vorlagen "
        'mit der Tabulatortaste ergänzen. Einrichten: die Zeile eval "$(vorlagen vervollstaendigung bash)" '
        "in ~/.bashrc (zsh: ... zsh in ~/.zshrc, nach compinit; fish: vorlagen vervollstaendigung fish | source in "
        "~/.config/fish/config.fish; PowerShell: vorlagen vervollstaendigung powershell | Out-String | "
        "Invoke-Expression in $PROFILE).",
        ergebnis=True,
        rueckgabe=((0, "ausgegeben"),),
    ),
]


def main(argv: list[str] | None = None) -> int:
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions on Tab: answer and end
        completion.complete(COMMANDS)
    collect_less_often()
    speak_german()
    safe_streams()
    maschine.genommen()  # what an earlier command in this process noticed was said by it
    if threading.current_thread() is not threading.main_thread():  # signal handlers belong to the main thread
        return _main(argv)
    before = signal.signal(signal.SIGTERM, beendet)
    try:
        with eigener_tempordner():
            try:
                return _main(argv)
            finally:
                _fonts_freigeben()
    finally:
        signal.signal(signal.SIGTERM, before)  # a caller that runs main() in its own process keeps its handler


def _fonts_freigeben() -> None:
    """The font setups this process kept for rendering in place: their files go with the command's temporary
    folder, so a later command in the same process (a test, a tool that calls main()) sets up its own."""
    satzprozess = sys.modules.get("vorlagen.building.satzprozess")
    if satzprozess is not None:
        satzprozess.release_fonts()


def _main(argv: list[str] | None) -> int:
    """The command run as -q or -v want it said; what the machine lacks, once at its end (render/maschine.py)."""
    command, args = parse(sys.argv[1:] if argv is None else argv, COMMANDS)
    start = time.monotonic()
    with gesprochen(args.umfang, command.ergebnis):
        try:
            code = ausfuehren(command, args)
        finally:
            maschine.melden()
        ausfuehrlich(args.umfang, f"Rückgabe {code} nach {dezimalkomma(time.monotonic() - start, 1)} s")
        return code


def run() -> None:
    """The command as a program (build.py, the installed `vorlagen`): main(), then end without searching its
    objects for cycles once more – the interpreter's last collection at exit walks every object of a build
    (0,1–0,2 s after it). Callers of main() in a longer-living process keep Python's usual collections."""
    code = main()
    gc.freeze()
    sys.exit(code)
