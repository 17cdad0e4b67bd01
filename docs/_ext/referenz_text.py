"""The text of the generated reference pages (MyST Markdown), one function per page."""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

import vorlagen
from vorlagen.core import limits

PACKAGE = Path(vorlagen.__file__).resolve().parent
GENERATED = (
    "Diese Seite ist aus dem Programmcode erzeugt (`docs/_ext/referenz.py`), nicht von Hand geschrieben; ein Test "
    "prüft, dass sie zur Programmversion passt."
)


def _cell(text: object) -> str:
    """Text for one Markdown table cell (code spans stay as they are)."""
    return str(text).replace("|", "\\|").replace("\n", " ") or "–"


def _text(text: str) -> str:
    """Plain text from the code for Markdown: every character Markdown would read as markup escaped."""
    return "".join("\\" + c if c in "\\`*_[]<>|#$~" else c for c in " ".join(text.split())) or "–"


# --- data keys -------------------------------------------------------------------------------------------------


def _kind(node: dict, schema: dict) -> str:
    """A German name for the type of a schema node."""
    if "$ref" in node:
        return "Abschnitt"
    if "enum" in node:
        return "eine von: " + ", ".join(f"`{value}`" for value in node["enum"] if value is not None)
    for key in ("anyOf", "allOf"):
        if key in node:
            kinds = [_kind(part, schema) for part in node[key] if part.get("type") != "null"]
            return " oder ".join(dict.fromkeys(kinds))
    types = node.get("type", [])
    types = [types] if isinstance(types, str) else [t for t in types if t != "null"]
    if "array" in types:
        return f"Liste ({_kind(node.get('items', {}), schema)})"
    if "object" in types:
        return "Abschnitt" if node.get("properties") else "Zuordnung Name → Wert"
    if node.get("pattern", "").startswith("^(\\d{4}"):
        return "Datum"
    names = {"string": "Text", "number": "Zahl", "integer": "ganze Zahl", "boolean": "true/false"}
    kinds = [names.get(t, t) for t in types]
    if kinds == ["Text", "Zahl"]:
        return "Text"
    return " oder ".join(kinds) or "beliebig"


def _target(node: dict, schema: dict) -> dict | None:
    """The record (object with properties) a node leads to, following $ref, anyOf, items and additionalProperties."""
    if "$ref" in node:
        return schema["definitions"][node["$ref"].rsplit("/", 1)[1]]
    for key in ("anyOf", "allOf"):
        for part in node.get(key, []):
            found = _target(part, schema)
            if found is not None:
                return found
    if isinstance(node.get("items"), dict):
        return _target(node["items"], schema)
    if isinstance(node.get("additionalProperties"), dict):
        return _target(node["additionalProperties"], schema)
    return node if node.get("properties") else None


def _rows(record: dict, schema: dict, depth: int, path: tuple[str, ...]) -> list[str]:
    """One list item per key, the keys of a section, list or mapping nested below it."""
    rows = []
    required = set(record.get("required", []))
    for key, node in record.get("properties", {}).items():
        text = node.get("description", "")
        if "default" in node and node["default"] not in (None, [], {}):
            default = node["default"]
            shown = str(default).lower() if isinstance(default, bool) else default
            text += f" (Standard: {shown})"
        kind = _kind(node, schema) + (", Pflicht" if key in required else "")
        rows.append(f"{'  ' * depth}- `{key}` ({kind}): {_text(text)}")
        target = _target(node, schema)
        ref = str(id(target))
        if target is not None and target is not record and ref not in path and len(path) < 8:
            rows += _rows(target, schema, depth + 1, path + (ref,))
    return rows


def daten() -> str:
    from vorlagen.load.schema import FILES, schema

    lines = [
        "# Datendateien und ihre Schlüssel",
        "",
        GENERATED + " Die Beschreibungen sind dieselben, die der Editor aus dem JSON-Schema zeigt (`vorlagen schema`).",
        "",
        "Eingerückte Schlüssel stehen unter dem Schlüssel darüber – bei einer Liste in jedem ihrer Einträge, "
        "bei einer Zuordnung unter jedem frei gewählten Namen. Unbekannte Schlüssel sind ein Fehler.",
        "",
    ]
    for kind in FILES:
        tree = schema(kind)
        lines += [f"## `{kind.pattern}`", "", _text(kind.description), "", *_rows(tree, tree, 0, ()), ""]
    return "\n".join(lines)


# --- commands --------------------------------------------------------------------------------------------------


def befehle() -> str:
    from vorlagen.cli import COMMANDS
    from vorlagen.cli.german import speak_german
    from vorlagen.cli.parsing import command_parser

    speak_german()
    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "90"  # the same line breaks on every machine, narrow enough for the page
    called = sys.argv[:1]
    sys.argv[:1] = ["vorlagen"]  # the installed command, whoever generates the page (./bauen.sh hilfe: build.py)
    try:
        lines = [
            "# Befehle",
            "",
            GENERATED,
            "",
            "Aufruf: `vorlagen [BEFEHL] [OPTIONEN]`; ohne Befehl baut `vorlagen` (wie `vorlagen bauen`). "
            "Optionen dürfen vor oder nach dem Befehl stehen. Die englischen Namen früherer Fassungen "
            "gelten weiter.",
            "",
            "| Befehl | was er tut | früherer Name |",
            "|---|---|---|",
        ]
        lines += [
            f"| [`{c.name}`](#vorlagen-{c.name}) | {_text(c.summary)} | {f'`{c.alias}`' if c.alias else ''} |"
            for c in COMMANDS
        ]
        lines += [
            "",
            "Für alle Befehle gilt: `vorlagen --version` nennt die Programmversion, "
            "`vorlagen BEFEHL --help` die Angaben eines Befehls – wie unten, mit der Bedeutung jedes Rückgabewerts.",
            "",
            "Jeder Befehl nimmt `-q` (`--quiet`) und `-v` (`--verbose`). **Leise** (`-q`): Auf der Standardausgabe "
            "stehen nur Zeilen, die mit „Warnung“ beginnen – kein Fortschritt, keine Zusammenfassung, kein Hinweis; "
            "wo die Ausgabe das Erfragte ist (`text`, `zahlen`, `vervollstaendigung`, die Adresse von `vorschau` "
            "und `hilfe`), bleibt sie ganz. Auf der Fehlerausgabe entfallen die Zeilen, die mit „Hinweis“ beginnen "
            "(etwa, was diesem Rechner fehlt). Probleme und Fehler bleiben, der Rückgabewert auch. **Ausführlich** "
            "(`-v`): dazu auf der Fehlerausgabe zuerst Programmversion, Datenrepository, Daten- und Ausgabeordner, "
            "zuletzt Rückgabewert und Dauer; der Fortschritt eines Baus steht auch im Terminal Zeile für Zeile.",
            "",
            "Rückgabewerte, die für jeden Befehl gelten: 2 – falscher Aufruf (eine unbekannte Option, eine fehlende "
            "Angabe) oder auf diesem Rechner fehlt, was der Befehl braucht (git für `vergleichen`); 130 – mit "
            "Strg+C abgebrochen; 143 – beendet mit dem Signal TERM. Was 0 und 1 heißen, steht bei jedem Befehl.",
            "",
        ]
        for command in COMMANDS:
            lines += [f"## `vorlagen {command.name}`", ""]
            if command.alias:
                lines += [f"Früherer Name, der weiter gilt: `vorlagen {command.alias}`.", ""]
            lines += ["```text", command_parser(command).format_help().rstrip("\n"), "```", ""]
    finally:
        sys.argv[:1] = called
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns
    return "\n".join(lines)


# --- limits ----------------------------------------------------------------------------------------------------

LIMITS = {  # every name of vorlagen/core/limits.py in German; a new limit without a line here stops the build
    "LANG_MONATE": (
        "Länge eines Zeitraums (Berechnung, Bescheid, Antrag) in Monaten",
        "ja: `lang: true` im selben Eintrag bzw. in der Bescheid- oder Antragsdatei",
    ),
    "MAX_JAHRE": ("Kalenderjahre eines Zeitraums, auch mit `lang: true`; Zahl der `haushaltsjahre`", "nein"),
    "MAX_VORKOMMA": (
        "Stellen vor dem Komma einer Zahl in den Daten, in einer Formel und im Wert einer benannten Zahl "
        "(in ihrer Einheit)",
        "nein",
    ),
    "MAX_FORMEL": ("Zeichen einer Formel", "nein"),
    "MAX_KLAMMERN": ("Ebenen von Klammern, Funktionen und Vorzeichen in einer Formel", "nein"),
    "MAX_RECHENSCHRITTE": (
        "Rechenschritte einer Formel hintereinander (`a + b + c` sind zwei); viele Summanden fasst "
        "`summe(a; b; …)` in einem Schritt zusammen",
        "nein",
    ),
    "MAX_TIEFE": ("Ebenen der Verschachtelung einer YAML-Datei (die Beispiele brauchen sechs)", "nein"),
    "MAX_EINTRAEGE": (
        "Einträge einer Liste oder eines Abschnitts in einer YAML-Datei (Kostenzeilen, Quellen, "
        "Werte, Positionen, TOPs, Mitglieder …)",
        "nein",
    ),
    "MAX_TABELLENZEILEN": ("Zeilen einer Markdown-Tabelle, Kopfzeile mitgezählt", "nein"),
    "MAX_EBENEN": (
        "Ebenen von Listen und Zitaten ineinander in einem Text (tiefer liest der Markdown-Leser nicht weiter)",
        "nein",
    ),
    "MAX_AUSZEICHNUNGEN": (
        "Hervorhebungen, Verweise und Bilder ineinander in einem Text (`*`, `**`, `_`, `[ … ]`)",
        "nein",
    ),
    "MAX_DATENORDNER": (
        "Bytes aller Dateien eines Datenordners, die `aktualisieren` für seinen Beweis kopiert und `vergleichen` aus "
        "einer git-Revision schreibt (Verknüpfungen auf Dateien mitgezählt)",
        "nein",
    ),
    "MAX_EINSTELLUNGEN": ("Bytes der Einstellungsdatei `vorlagen.toml`, auch in einer git-Revision", "nein"),
    "MAX_NAMEN": (
        "Dateien und Ordner eines Datenordners, deren Namen auf Windows geprüft werden (verbotene Zeichen, Namen, "
        "die sich nur in Groß- und Kleinschreibung unterscheiden), weitere werden nicht geprüft; Dateien, die "
        "`aktualisieren` kopiert und `vergleichen` aus einer git-Revision schreibt, mehr werden nicht gelesen",
        "nein",
    ),
    "MAX_TEXT": (
        "Zeichen (oder Listeneinträge), die ein einzelner Schritt in Template oder Ausdruck erzeugt "
        "(`*`, `+`, `~`, `join`, `format`, `replace` …)",
        "nein",
    ),
    "MAX_STEPS": ("Schritte von `range()` je Dokument bzw. Ausdruck", "nein"),
    "MAX_EXPONENT": ("Exponent bei `**`", "nein"),
    "MAX_DOKUMENTTEXT": (
        "Zeichen, die die Texte eines Dokuments zusammen drucken: Markdown und die Werte ihrer Ausdrücke (etwa 300 "
        "Seiten)",
        "nein",
    ),
    "MAX_UEBERSCHRIFT": ("Zeichen einer Überschrift, die der Hausstil nennt", "nein"),
    "MAX_BETREFF": ("Zeichen eines Betreffs, wie gedruckt – mit den Werten seiner Ausdrücke", "nein"),
    "MAX_AUSGABE": ("Zeichen, die ein Template ausgibt", "nein"),
    "MAX_GEMACHT": ("Zeichen und Listeneinträge, die alle Schritte eines Templates zusammen erzeugen", "nein"),
    "MAX_SCHLEIFE": ("Durchläufe aller `{% for %}`-Schleifen eines Templates", "nein"),
    "MAX_STELLEN": ("Stellen einer ganzen Zahl aus `*` oder `**`", "nein"),
    "MAX_ARGUMENT": ("Zahlen als Argument von `batch`, `round`, `zahl`, `prozent`", "nein"),
    "MAX_TEXTFASSUNG": ("`aktualisieren`: Bytes einer Textfassung (*.txt) des früheren Baus", "nein"),
    "MAX_ZAHLENVERGLEICH": (
        "`aktualisieren`: Vergleiche gleicher Zahlen, mit denen die abweichende Mitte einer Textfassung Zahl für Zahl "
        "zugeordnet wird (gleiche Zahlen an Anfang und Ende zählen nicht)",
        "nein",
    ),
    "NR_DATEI": ("`nachrechnen`: Bytes einer Datei", "nein"),
    "NR_ENTPACKT": ("`nachrechnen`: Bytes, zu denen eine Word-Datei entpackt wird, alle Teile zusammen", "nein"),
    "NR_XML": ("`nachrechnen`: Bytes eines entpackten Teils einer Word-Datei (beim Entpacken gezählt)", "nein"),
    "NR_TEILE": ("`nachrechnen`: Teile (Dateien im ZIP-Archiv) einer Word-Datei", "nein"),
    "NR_STROM": ("`nachrechnen`: Bytes eines entpackten Datenstroms einer PDF-Datei", "nein"),
    "NR_SEITEN": ("`nachrechnen`: Seiten einer PDF-Datei", "nein"),
    "NR_INHALT": (
        "`nachrechnen`: Bytes, zu denen die Inhalte aller Seiten einer PDF-Datei zusammen entpackt werden (ein Inhalt, "
        "den viele Seiten teilen, je Seite gezählt)",
        "nein",
    ),
    "NR_FORMULARE": ("`nachrechnen`: eingebettete Formulare (XObjects), die eine PDF-Seite beim Lesen aufruft", "nein"),
    "NR_ABSAETZE": ("`nachrechnen`: Absätze einer Word-Datei", "nein"),
    "NR_ZELLEN": (
        "`nachrechnen`: Tabellenzellen einer Word-Datei, eine verbundene Zelle je überspannter Spalte gezählt",
        "nein",
    ),
    "NR_SPANNE": ("`nachrechnen`: Spalten, über die eine Zelle einer Word-Tabelle verbunden ist", "nein"),
    "NR_ZEILEN": ("`nachrechnen`: Zeilen eines Dokuments", "nein"),
    "NR_ZEILENLAENGE": ("`nachrechnen`: Zeichen einer Zeile", "nein"),
    "NR_LISTE": (
        "`nachrechnen`: Zeilen einer Liste über einer Summe (die Summe einer längeren Liste bleibt „nicht geprüft“)",
        "nein",
    ),
    "NR_ZAHLEN": ("`nachrechnen`: Zahlen eines Dokuments", "nein"),
    "NR_SATZ": ("`nachrechnen`: Zeichen eines über Zeilen umbrochenen Satzes, der als ein Satz gelesen wird", "nein"),
    "MAX_BOXEN": (
        "Kästen eines gesetzten Dokuments, die die Prüfung nach dem Satz ansieht (ein größeres Dokument "
        "wird bis dahin geprüft)",
        "nein",
    ),
    "MAX_NEUSATZ": (
        "neue Sätze eines Dokuments mit einer zu breiten Tabelle (kleiner, im Querformat), bevor die Tabelle als "
        "zu breit gemeldet wird",
        "nein",
    ),
}


def grenzen() -> str:
    names = [
        node.targets[0].id
        for node in ast.parse(Path(limits.__file__).read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
    ]
    missing = [name for name in names if name not in LIMITS]
    if missing:
        raise ValueError(
            f"docs/_ext/referenz_text.py: LIMITS beschreibt {', '.join(missing)} nicht – ergänzen "
            "Sie die deutsche Beschreibung jeder neuen Grenze."
        )
    lines = [
        "# Grenzen",
        "",
        GENERATED,
        "",
        "Keine Datei, kein Text und kein Template kann einen Lauf unbegrenzt rechnen lassen oder den Speicher "
        "füllen. Jede Grenze ist großzügig gewählt – kein echtes Dokument erreicht sie – und meldet sich mit "
        "Datei und Zeile, bevor gerechnet oder gesetzt wird. Die Werte stehen an einer Stelle im Code, "
        "`vorlagen/core/limits.py`.",
        "",
        "| Grenze | Wert | überschreibbar | Name im Code |",
        "|---|---|---|---|",
    ]
    for name in names:
        value = getattr(limits, name)
        shown = f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)
        text, override = LIMITS[name]
        lines.append(f"| {_cell(text)} | {shown} | {_cell(override)} | `{name}` |")
    lines += [
        "",
        "Dazu gelten ohne eigenen Namen: YAML-Anker und -Verweise (`&a`, `*a`) gibt es nicht; Zahlen in den "
        "`sum` rechnet nur über Zahlen.",
        "",
        "Braucht eine Aufstellung wirklich mehr als 1.000 Zeilen, gehört sie als PDF-Anlage zur Vorlage.",
        "",
    ]
    return "\n".join(lines)


# --- messages --------------------------------------------------------------------------------------------------

STAGES = {
    "core": "Grundlagen",
    "load": "Laden der Daten",
    "compute": "Rechnen und Prüfen",
    "render": "Setzen (HTML, PDF, Text)",
    "meetings": "Sitzungsdienst",
    "building": "Bauen und Vorschau",
    "migration": "Aktualisieren und frühere Formate",
    "review": "Vergleichen und Mitzeichnung",
    "nachrechnen": "Nachrechnen",
    "server": "Der Server für das ganze Haus",
    "cli": "Befehle",
}


def _template(node: ast.AST) -> str | None:
    """The text of a string or f-string, its inserted values shown as …; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "…" for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left), _template(node.right)
        return None if left is None or right is None else left + right
    return None


def _is_message(text: str) -> bool:
    """A message for people: German sentence with the project's „was ist falsch – was zu tun ist“ dash."""
    return " – " in text and len(text) > 25 and text.strip()[:1] not in ("#", "…", "–")


def _is_help(node: ast.AST) -> bool:
    """A call that declares a command or an option: its texts are help, listed under Befehle."""
    if not isinstance(node, ast.Call):
        return False
    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
    return name in ("Command", "add_argument", "ArgumentParser")


def messages() -> dict[str, list[str]]:
    """Every message text in the source, by stage; a docstring is none."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        inner = {
            id(part)
            for node in ast.walk(tree)
            if isinstance(node, (ast.JoinedStr, ast.BinOp))
            for part in ast.walk(node)
            if part is not node
        }
        inner |= {
            id(part)
            for node in ast.walk(tree)
            if _is_help(node)  # help texts: the reference of commands
            for argument in [*node.args, *(k.value for k in node.keywords)]
            for part in ast.walk(argument)
        }
        stage = path.relative_to(PACKAGE).parts[0] if len(path.relative_to(PACKAGE).parts) > 1 else "core"
        for node in ast.walk(tree):
            if id(node) in docstrings or id(node) in inner:
                continue
            text = _template(node)
            if text is not None and "\n" not in text and _is_message(text):  # multi-line: a file's template
                found.setdefault(stage, set()).add(" ".join(text.split()))
    return {stage: sorted(found[stage]) for stage in STAGES if stage in found}


def meldungen() -> str:
    found = messages()
    total = sum(len(texts) for texts in found.values())
    lines = [
        "# Meldungen",
        "",
        GENERATED + f" Sie nennt alle {total} Meldungstexte des Programms, nach der Stufe, "
        "in der sie entstehen. „…“ steht für das, was die Meldung einsetzt (Dateiname, Wert, Name).",
        "",
        "Jede Meldung steht nach dem Muster `datei:zeile: was ist falsch – was zu tun ist`; wer eine "
        "Meldung sucht, findet sie hier mit der Suche des Handbuchs (ohne den eingesetzten Teil). Setzt das "
        "Programm eine Meldung aus Teilen zusammen (etwa „Unbekannter Satz …“ aus dem Namen und einem Hinweis), "
        "steht hier der Teil mit dem Gedankenstrich.",
        "",
    ]
    for stage, texts in found.items():
        lines += [f"## {STAGES[stage]}", ""] + [f"- {_text(text)}" for text in texts] + [""]
    return "\n".join(lines)


def lizenzen() -> str:
    if str(Path(__file__).resolve().parent) not in sys.path:  # loaded by its path (tests): its neighbour too
        sys.path.append(str(Path(__file__).resolve().parent))
    from referenz_lizenzen import seite

    return seite(GENERATED)


PAGES = {"daten": daten, "befehle": befehle, "grenzen": grenzen, "meldungen": meldungen, "lizenzen": lizenzen}
