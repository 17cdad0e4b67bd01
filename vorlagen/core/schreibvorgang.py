"""The one way to write users' files: every file of one change written together or not at all.

`schreiben(wurzel, bereiche, aenderungen)` is used by every command and page that changes a user's data
(`aktualisieren`, the editing side, `zeichnen` …). It
1. takes the lock of the repository (the operating system's own, freed however the process ends) and holds it from
   the check to the last rename;
2. finishes or undoes what a killed writer left (`wiederherstellen`);
3. checks every target: inside one of the allowed folders, reached through no link, a regular file or absent, and
   still exactly the state the change was based on (its hash) – else nothing is written;
4. writes the journal (which files, where their new bytes lie), then each file's new bytes beside it, synced;
5. renames the journal to its committed name – the one instant that decides: before it the old files stand, after
   it the new ones will, even after kill -9 (the next start renames the rest);
6. renames each new file onto its target and removes the journal.

A reader may see some files old and others new only during step 6 of a live writer; no kill, full disk or refusal
leaves them so (docs/entwicklung/architektur.md, „Schreiben“).
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import secrets
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from vorlagen.core.pfade import gezeigt
from vorlagen.core.problems import Problem, Where, os_error_reason
from vorlagen.core.reads import ABSENT, digest
from vorlagen.core.speichern import nicht_einchecken

ORDNER = ".vorlagen"  # beside the data: the journal and the lock (ignored by git through its own .gitignore)
JOURNAL = "schreibvorgang.json"  # written before the new files: what to remove when the writer died before deciding
BESCHLOSSEN = "schreibvorgang-beschlossen.json"  # renamed from JOURNAL: the change stands, finish it
WARTEN = 30  # seconds a writer waits for another one before it gives up with a message


@dataclass(frozen=True)
class Aenderung:
    """One file of a change: its new bytes (None: remove it) and the hash of the bytes the change was based on
    (`stand_von(bytes)`; core/reads.ABSENT: the file did not exist)."""

    ziel: Path
    inhalt: bytes | None
    stand: str


@dataclass(frozen=True, order=True)
class Veraltet(Problem):
    """A target changed since the change was based on it: nothing was written."""


def stand_von(inhalt: bytes | None) -> str:
    """The state a change is based on: the hash of the bytes read (a UTF-8 byte order mark aside: it is the hash of
    the text a reader of UTF-8 gets), or ABSENT when there was no file."""
    return ABSENT if inhalt is None else digest(inhalt.removeprefix(codecs.BOM_UTF8))


def stand_der_datei(path: Path) -> str:
    """The state of a file as it is now (ABSENT when there is none)."""
    try:
        return stand_von(path.read_bytes())
    except FileNotFoundError:
        return ABSENT


def schreiben(wurzel: Path, bereiche: Sequence[Path], aenderungen: Sequence[Aenderung]) -> list[Problem]:
    """Writes every change or none; the German problems when it cannot (nothing was written then). `wurzel`: where
    the journal and the lock live (the data repository's root); `bereiche`: the folders and files that may be
    written (the data folder, vorlagen.toml)."""
    if not aenderungen:
        return []
    try:
        with gesperrt(wurzel):
            wiederherstellen(wurzel, gesperrt_schon=True)
            problems = _pruefen(bereiche, aenderungen)
            if problems:
                return problems
            return _ausfuehren(wurzel, aenderungen)
    except Timeout:
        return [
            Problem(
                Where(gezeigt(wurzel)),
                f"Gerade schreibt ein anderer Vorgang in dieses Datenrepository (seit über {WARTEN} Sekunden) – "
                "nichts geschrieben; versuchen Sie es gleich noch einmal.",
            )
        ]
    except OSError as error:
        return [_nicht_geschrieben(Path(os.fsdecode(error.filename or wurzel)), error)]


@contextlib.contextmanager
def gesperrt(wurzel: Path, warten: float = WARTEN) -> Iterator[None]:
    """The repository's write lock (raises filelock.Timeout after `warten` seconds, OSError when its folder cannot
    be made)."""
    ordner = _ordner(wurzel)
    lock = FileLock(
        ordner / "schreiben.lock", timeout=warten, thread_local=False, fallback_to_soft=False, preserve_lock_file=True
    )
    with lock:
        yield


def wiederherstellen(wurzel: Path, gesperrt_schon: bool = False) -> None:
    """Finishes a change a killed writer had decided (its new files renamed onto their targets) or removes what it
    had only begun (its new files). Without the lock it does nothing while another writer holds it."""
    if not (wurzel / ORDNER).is_dir():
        return
    if not gesperrt_schon:
        try:
            with gesperrt(wurzel, warten=0):
                wiederherstellen(wurzel, gesperrt_schon=True)
        except (Timeout, OSError):
            return
        return
    ordner = wurzel / ORDNER
    beschlossen, begonnen = ordner / BESCHLOSSEN, ordner / JOURNAL
    if beschlossen.is_file():
        eintraege = _eintraege(wurzel, beschlossen)
        for ziel, neu in eintraege:
            _anwenden(ziel, neu)
        for folder in {ziel.parent for ziel, _ in eintraege}:
            _sync_ordner(folder)
        beschlossen.unlink()
    if begonnen.is_file():
        _aufgeben(begonnen, _eintraege(wurzel, begonnen))
    for rest in ordner.glob(f"{JOURNAL}.*"):  # a journal killed while it was written: nothing had begun
        rest.unlink(missing_ok=True)


def _aufgeben(begonnen: Path, eintraege: list[tuple[Path, Path | None]]) -> None:
    """Undoes a change that was not decided: its new files go, every target stays as it was."""
    for _, neu in eintraege:
        if neu is not None:
            neu.unlink(missing_ok=True)
    begonnen.unlink(missing_ok=True)


def _pruefen(bereiche: Sequence[Path], aenderungen: Sequence[Aenderung]) -> list[Problem]:
    problems: list[Problem] = []
    erlaubt = [Path(os.path.abspath(b)) for b in bereiche]
    for aenderung in aenderungen:
        ziel = Path(os.path.abspath(aenderung.ziel))
        grund = unsicher(ziel, erlaubt)
        if grund:
            problems.append(Problem(Where(gezeigt(ziel)), f"{grund} – nichts geschrieben."))
        elif stand_der_datei(ziel) != aenderung.stand:
            problems.append(
                Veraltet(
                    Where(gezeigt(ziel)),
                    "Die Datei wurde geändert, seit sie gelesen wurde (in einem Editor oder von jemand anderem) – "
                    "nichts geschrieben, damit diese Änderung nicht verloren geht; lesen Sie sie neu und wiederholen "
                    "Sie Ihre Änderung.",
                )
            )
    return problems


def unsicher(ziel: Path, erlaubt: list[Path]) -> str:
    """Why `ziel` may not be written (or read as a user's file to rewrite): outside every allowed folder (absolute
    paths, compared without following links), reached through a link, or not a regular file; "" when it may."""
    bereich = next((b for b in erlaubt if ziel == b or ziel.is_relative_to(b)), None)
    if bereich is None:
        return "Die Datei liegt außerhalb des Datenordners"
    weg = bereich
    for teil in ziel.relative_to(bereich).parts:
        weg = weg / teil
        try:
            art = os.lstat(weg).st_mode
        except FileNotFoundError:
            return ""  # the rest is made as folders and the file
        except OSError as error:
            return f"Die Datei lässt sich nicht prüfen ({os_error_reason(error)})"
        if stat.S_ISLNK(art):
            was = "Die Datei" if weg == ziel else f"Der Ordner {gezeigt(weg)}"
            return (
                f"{was} ist eine Verknüpfung – durch eine Verknüpfung schreibt vorlagen nie; ersetzen Sie sie durch "
                f"{'die Datei' if weg == ziel else 'den Ordner'} selbst"
            )
        if weg != ziel and not stat.S_ISDIR(art):
            return f"{gezeigt(weg)} ist kein Ordner"
        if weg == ziel and not stat.S_ISREG(art):
            return "Dort liegt keine gewöhnliche Datei"
    return ""


def _ausfuehren(wurzel: Path, aenderungen: Sequence[Aenderung]) -> list[Problem]:
    ordner = _ordner(wurzel)
    kennung = secrets.token_hex(6)
    eintraege = [
        (
            Path(os.path.abspath(a.ziel)),
            None if a.inhalt is None else _neuer_name(Path(os.path.abspath(a.ziel)), kennung),
        )
        for a in aenderungen
    ]
    begonnen = ordner / JOURNAL
    _datei_schreiben(ordner / f"{JOURNAL}.{kennung}", _journal(wurzel, eintraege))
    os.replace(ordner / f"{JOURNAL}.{kennung}", begonnen)  # whole or absent: a kill never leaves half a journal
    try:
        for aenderung, (ziel, neu) in zip(aenderungen, eintraege, strict=True):
            if neu is not None and aenderung.inhalt is not None:
                ziel.parent.mkdir(parents=True, exist_ok=True)
                _datei_schreiben(neu, aenderung.inhalt, _modus(ziel))
        for folder in {ordner, *(neu.parent for _, neu in eintraege if neu is not None)}:
            _sync_ordner(folder)
        os.replace(begonnen, ordner / BESCHLOSSEN)  # the instant that decides
        _sync_ordner(ordner)
    except OSError as error:
        with contextlib.suppress(OSError):
            _aufgeben(begonnen, eintraege)
        ziele = {str(neu): ziel for ziel, neu in eintraege if neu is not None}
        genannt = os.fsdecode(error.filename) if error.filename else str(ordner)
        return [_nicht_geschrieben(ziele.get(genannt, Path(genannt)), error)]
    try:
        wiederherstellen(wurzel, gesperrt_schon=True)  # the renames, as after a kill
    except OSError as error:
        return [
            Problem(
                Where(gezeigt(wurzel)),
                f"Die Änderung ist beschlossen, aber noch nicht an jeder Stelle eingetragen ({os_error_reason(error)})"
                " – der nächste Aufruf von vorlagen trägt sie zu Ende ein; keine Datei ist halb geschrieben.",
            )
        ]
    return []


def _nicht_geschrieben(path: Path, error: OSError) -> Problem:
    return Problem(
        Where(gezeigt(path)),
        f"Nichts geschrieben: die Datei lässt sich nicht schreiben ({os_error_reason(error)}) – prüfen Sie "
        "Schreibrechte und Speicherplatz; alle Dateien sind wie vorher.",
    )


def _neuer_name(ziel: Path, kennung: str) -> Path:
    """Where a target's new bytes wait: beside it (one file system, so the rename is atomic), hidden."""
    return ziel.with_name(f".{ziel.name}.{kennung}.neu")


def _journal(wurzel: Path, eintraege: list[tuple[Path, Path | None]]) -> bytes:
    def relativ(path: Path) -> str:
        return Path(os.path.relpath(path, wurzel)).as_posix()

    liste = [{"ziel": relativ(z), "neu": None if n is None else relativ(n)} for z, n in eintraege]
    return json.dumps({"dateien": liste}, ensure_ascii=False, indent=1).encode("utf-8")


def _eintraege(wurzel: Path, journal: Path) -> list[tuple[Path, Path | None]]:
    """The entries of a journal this program wrote (a journal it cannot read is left for a person: it is named)."""
    daten = json.loads(journal.read_bytes().decode("utf-8"))
    return [(wurzel / e["ziel"], None if e["neu"] is None else wurzel / e["neu"]) for e in daten["dateien"]]


def _anwenden(ziel: Path, neu: Path | None) -> None:
    """One entry of a committed change, again as often as it takes: a new file renamed onto its target (done when
    it is gone), or the target removed."""
    if neu is None:
        ziel.unlink(missing_ok=True)
    elif neu.exists():
        os.replace(neu, ziel)


def _datei_schreiben(path: Path, inhalt: bytes, modus: int | None = None) -> None:
    """A new file with these bytes, on the disk before it returns."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), modus or 0o666)
    with os.fdopen(handle, "wb") as out:
        out.write(inhalt)
        out.flush()
        os.fsync(out.fileno())
    if modus is not None:
        os.chmod(path, modus)


def _modus(ziel: Path) -> int | None:
    """The permissions of the file replaced (None: a new file gets what the system gives)."""
    try:
        return stat.S_IMODE(os.stat(ziel).st_mode)
    except FileNotFoundError:
        return None


def _sync_ordner(ordner: Path) -> None:
    """A folder's entries on the disk (renames survive a power cut); Windows has no such call and needs none."""
    if os.name != "posix":
        return
    handle = os.open(ordner, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _ordner(wurzel: Path) -> Path:
    ordner = wurzel / ORDNER
    ordner.mkdir(parents=True, exist_ok=True)
    nicht_einchecken(ordner)
    return ordner
