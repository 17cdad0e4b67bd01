"""The data repository: where its data and output are, and which version of the tool it wants.

A data repository is a folder with `data/` (the facts) and, optionally, `vorlagen.toml` at its root:

    version = "0.3"       # this repository expects vorlagen 0.3.x (also "0.3.1", ">=0.3, <0.5")
    daten = "data"        # the data folder, relative to this file (default: data)
    ausgabe = "output"    # the output folder, relative to this file (default: output)

Defaults are relative to the data repository (the current directory, the nearest folder above it with
a `vorlagen.toml`, or the folder given with --data), never to where the engine is installed.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import vorlagen
from vorlagen.core.engine import befehl
from vorlagen.core.limits import MAX_EINSTELLUNGEN
from vorlagen.core.problems import Paths, Problem, Where
from vorlagen.core.schreibvorgang import wiederherstellen
from vorlagen.load.yamlfile import read_text

SETTINGS = "vorlagen.toml"
KEYS = {
    "version": "welche Programmversion dieses Repository erwartet",
    "daten": "der Datenordner",
    "ausgabe": "der Ausgabeordner",
}
EXAMPLES = {"version": "0.3", "daten": "data", "ausgabe": "output"}


@dataclass(frozen=True)
class Repository:
    """Where one data repository keeps its facts and its output."""

    root: Path
    data: Path
    out: Path


def locate(
    data: Path | None = None, out: Path | None = None, start: Path | None = None, version: bool = True
) -> tuple[Repository | None, list[Problem]]:
    """The data repository for --data/--out as given (None: not given), seen from `start` (the cwd); None when
    its vorlagen.toml has problems or there is none. `version=False` (for `aktualisieren`, which brings it to this
    version) accepts a repository that wants another version. A change a killed writer decided is finished first
    (core/schreibvorgang): it may rewrite vorlagen.toml itself, whose old version would refuse the repository."""
    root = wurzel(data, start)
    wiederherstellen(root)
    if data is not None and not _is_repository(data):  # --data names the data folder
        settings, problems = read_settings(root / SETTINGS, version)
        repository = Repository(root, data, out if out is not None else root / settings.get("ausgabe", "output"))
        return (None if problems else repository), problems
    settings, problems = read_settings(root / SETTINGS, version)
    if problems:
        return None, problems
    folder = root / settings.get("daten", "data")
    if data is None and not folder.is_dir():
        return None, [
            Problem(
                Where(folder.as_posix()),
                "Hier liegt kein Datenrepository: der Datenordner fehlt "
                "– wechseln Sie in Ihr Datenrepository, geben Sie es mit --data an oder legen "
                f"Sie eines an: {befehl()} neu ORDNER.",
            )
        ]
    return Repository(root, folder, out if out is not None else root / settings.get("ausgabe", "output")), []


def wurzel(data: Path | None = None, start: Path | None = None) -> Path:
    """The root `locate` takes for --data as given (None: not given), seen from `start` (the cwd), before
    vorlagen.toml is read."""
    if data is not None:
        return data.resolve() if _is_repository(data) else wurzel_von(data)
    start = (start or Path.cwd()).resolve()
    return _settings_above(start) or start


def wurzel_von(data: Path) -> Path:
    """The root of the data repository whose data folder is `data` (as `locate` finds it for --data): where the
    journal and lock of core/schreibvorgang live."""
    return _settings_above(data.resolve()) or data.resolve().parent


def _is_repository(folder: Path) -> bool:
    """A data repository root (not a data folder): it has a vorlagen.toml or a data/ folder with facts."""
    return (folder / SETTINGS).is_file() or (folder / "data" / "koerperschaft.yaml").is_file()


def _settings_above(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / SETTINGS).is_file():
            return candidate
    return None


def read_settings(path: Path, version: bool = True) -> tuple[dict[str, str], list[Problem]]:
    """The settings of vorlagen.toml (none where there is no such file), checked: known keys, text values, a
    version this program satisfies (unless `version` is False)."""
    text, problems = read_text(path, Paths(), MAX_EINSTELLUNGEN) if path.is_file() else ("", [])
    if text is None:  # not UTF-8, a named pipe, too large, unreadable: said with the file (and line)
        return {}, problems
    try:
        settings = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"at line (\d+)", str(error))
        return {}, [
            Problem(
                Where(path.name, int(line.group(1)) if line else None),
                "Die Einstellungsdatei ist kein gültiges TOML – schreiben Sie jede Einstellung "
                'als name = "wert" in eine eigene Zeile.',
            )
        ]
    problems = []
    for key, value in settings.items():
        where = Where(path.name, _line_of(text, key))
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"meinten Sie „{close[0]}“? " if close else ""
            allowed = ", ".join(f"„{k}“ ({meaning})" for k, meaning in KEYS.items())
            problems.append(Problem(where, f"Unbekannte Einstellung „{key}“ – {hint}Erlaubt sind: {allowed}."))
        elif not isinstance(value, str) or not value.strip():
            problems.append(
                Problem(where, f'„{key}“ muss ein Text in Anführungszeichen sein, z. B. {key} = "{EXAMPLES[key]}".')
            )
        elif key == "version" and version and not version_matches(value, vorlagen.__version__):
            problems.append(Problem(where, version_problem(value, vorlagen.__version__)))
    return settings, problems


def declared_version(text: str) -> str | None:
    """The `version` a vorlagen.toml's text names, unchecked; None where it names none or does not read."""
    try:
        value = tomllib.loads(text).get("version")
    except tomllib.TOMLDecodeError:
        return None
    return value if isinstance(value, str) and value.strip() else None


CLAUSE = re.compile(r"\s*(==|>=|<=|!=|>|<|~=)?\s*v?(\d+(?:\.\d+)*)\s*")


def version_problem(spec: str, installed: str) -> str:
    """Why the installed program does not fit the version a data repository pins, and what to write or do."""
    major, minor_number = (installed.split(".") + ["0"])[:2]
    minor, later = f"{major}.{minor_number}", f"{major}.{int(minor_number) + 2}"
    if not all(CLAUSE.fullmatch(clause) for clause in spec.split(",")):
        return (
            f'„{spec}“ ist keine Versionsangabe – schreiben Sie z. B. version = "{minor}" (jede {minor}.x), '
            f'version = "{installed}" (genau diese) oder version = ">={minor}, <{later}" (ein Bereich).'
        )
    if _older(spec, installed):
        return (
            f"Dieses Datenrepository verlangt vorlagen {spec}, installiert ist {installed} – bringen Sie es mit "
            f"„{befehl()} aktualisieren“ auf diese Version (es prüft dabei jede gedruckte Zahl; was sich sonst "
            f"geändert hat, nennt die Seite „Änderungen“ des Handbuchs) oder installieren Sie eine passende Version."
        )
    return (
        f"Dieses Datenrepository verlangt vorlagen {spec}, installiert ist {installed} – installieren Sie eine "
        f"passende Version oder passen Sie „version“ in {SETTINGS} an."
    )


def _older(spec: str, installed: str) -> bool:
    """True when the installed version is past what the spec allows (the data repository is an older one's)."""
    have = _numbers(installed) or ()
    for clause in spec.split(","):
        match = CLAUSE.fullmatch(clause)
        op, want = match.group(1) if match else None, _numbers(match.group(2)) if match else None
        if want is None:
            continue
        if op is None and have[: len(want)] > want:
            return True
        if op in ("<", "<=", "==", "~=") and not version_matches(clause, installed) and have > want:
            return True
    return False


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
            return number
    return None


def version_matches(spec: str, version: str) -> bool:
    """ "0.2" means 0.2.x; "0.2.1" exactly; clauses like ">=0.2, <0.4" must all hold. Invalid specs never match."""
    have = _numbers(version)
    for clause in spec.split(","):
        match = CLAUSE.fullmatch(clause)
        if not match or have is None:
            return False
        op, want = match.group(1), _numbers(match.group(2)) or ()  # the pattern matched digits: never empty
        if op is None:
            if have[: len(want)] != want:
                return False
            continue
        padded = have + (0,) * max(0, len(want) - len(have))
        want_padded = want + (0,) * max(0, len(have) - len(want))
        results = {
            "==": padded == want_padded,
            "!=": padded != want_padded,
            ">=": padded >= want_padded,
            "<=": padded <= want_padded,
            ">": padded > want_padded,
            "<": padded < want_padded,
            "~=": padded >= want_padded and have[: len(want) - 1] == want[:-1],
        }
        if not results[op]:
            return False
    return True


def _numbers(version: str) -> tuple[int, ...] | None:
    match = re.match(r"(\d+(?:\.\d+)*)", version)
    return tuple(int(part) for part in match.group(1).split(".")) if match else None
