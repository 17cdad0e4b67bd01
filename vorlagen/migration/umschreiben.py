"""What `vorlagen aktualisieren` rewrites in a data folder of an earlier version, line by line in the files as they
are (comments, layout and line endings stay), what it cannot rewrite, and which printed figures this version changes
on purpose (migration/erklaerungen.py).

Each rule of migration/umschreibregeln.py looks at the facts as loaded and edits the copy through `Quelltexte`. A rule
whose old reading this version gives up on purpose (rows named "1" are read by that name now, not by position) makes
two kinds of edit: the ones written to the repository, and – only in the `bewahrend` copy – the ones that keep the
old reading, so the proof can show that nothing else changed and name the reason of each figure that does.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from vorlagen.core.fmt import gekuerzt
from vorlagen.core.pfade import genannte_datei, gezeigt
from vorlagen.core.problems import Problem, Where, os_error_reason
from vorlagen.core.schreibvorgang import unsicher
from vorlagen.load.land import Land
from vorlagen.load.settings import version_matches
from vorlagen.load.yamlfile import nicht_utf8
from vorlagen.migration.erklaerungen import Erklaerung, Textaenderung


@dataclass(frozen=True)
class Umschreibung:
    """One rewrite: in `datei` (as messages name it), line `zeile`, `vorher` became `nachher`, because …"""

    datei: str
    zeile: int
    vorher: str
    nachher: str
    grund: str

    def __str__(self) -> str:
        if not self.vorher:
            return f"{self.datei}:{self.zeile}: neue Zeile „{self.nachher}“ – {self.grund}"
        return f"{self.datei}:{self.zeile}: „{self.vorher}“ → „{self.nachher}“ – {self.grund}"


@dataclass(frozen=True)
class Offen:
    """Something this version reads differently that could not be rewritten: where, and what to do."""

    where: Where
    was: str

    def __str__(self) -> str:
        return f"{self.where}: {self.was}"


YAML = (".yaml", ".yml")


def kommentar_getrennt(line: str) -> tuple[str, str]:
    """A YAML line split before its comment (a „#“ at its start or after a space, outside quotes), the line's end
    kept with the comment: ('  erwartet: 3871.65', '  # laut Bescheid\n')."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"" and (index == 0 or line[index - 1] in " \t:-[{,"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            start = len(line[:index].rstrip(" \t"))
            return line[:start], line[start:]
    ende = len(line.rstrip("\r\n"))
    return line[:ende], line[ende:]


class NichtLesbar(Exception):
    """A file of the data folder that cannot be read as it is: the rewrite stops (umschreibregeln.umschreiben hands
    it over as a problem) – read as no lines, it would be written back empty."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Quelltexte:
    """The files of a data folder being rewritten: lines as read (with their endings), edits, what was done."""

    data: Path
    bewahrend: bool = False  # also make the edits that keep an old reading (the proof's copy)
    land: Land | None = None  # the Land named with `aktualisieren --land`
    fuer: str | None = None  # the version vorlagen.toml says the data are written for („0.2“); None: it says none
    umschreibungen: list[Umschreibung] = field(default_factory=list)
    offen: list[Offen] = field(default_factory=list)
    erklaerungen: list[Erklaerung] = field(default_factory=list)
    textaenderungen: list[Textaenderung] = field(default_factory=list)  # words printed differently on purpose
    geaendert: list[str] = field(default_factory=list)  # files written, relative to the data folder
    probleme: list[Problem] = field(default_factory=list)  # a file it cannot read: nothing is rewritten
    _lines: dict[Path, list[str]] = field(default_factory=dict)
    _geschrieben: set[str] = field(default_factory=set)

    def vor(self, version: str) -> bool:
        """Whether the data were written for a version before `version` (which reads them differently): vorlagen.toml
        names none, or one that does not admit it. Data `aktualisieren` brought to this version say so there."""
        return self.fuer is None or not version_matches(self.fuer, version)

    def path(self, where: Where) -> Path:
        """The file a message's place names (core/pfade.gezeigt: from the folder the command runs in)."""
        return genannte_datei(where.path)

    def zeile(self, where: Where) -> str | None:
        lines = self._file(self.path(where))
        return lines[where.line - 1] if where.line and lines and where.line <= len(lines) else None

    def ersetzen(self, where: Where, vorher: str, nachher: str, grund: str, bewahrend: bool = False) -> bool:
        """Replaces `vorher` on the line `where` names (each place on it); False when it is not there. `bewahrend`:
        an edit only of the proof's copy, not listed."""
        line = self.zeile(where)
        path = self.path(where)
        wert, kommentar = kommentar_getrennt(line) if line is not None and path.suffix in YAML else (line, "")
        if wert is None or vorher not in wert:
            return False
        if bewahrend and not self.bewahrend:
            return True
        assert where.line is not None
        self._file(path)[where.line - 1] = wert.replace(vorher, nachher) + kommentar  # a comment stays as written
        if not bewahrend:
            self.umschreibungen.append(Umschreibung(where.path, where.line, vorher, nachher, grund))
        return True

    def wert_ersetzen(self, where: Where, schluessel: str, neu: str, grund: str) -> bool:
        """Replaces the value of `schluessel:` on the line `where` names (plain, quoted, in `{…}` or a block) by
        the YAML text `neu`; False when that line has no such key."""
        line = self.zeile(where)
        pattern = re.compile(
            rf"""(?P<kopf>(?:^|[{{,\s]){re.escape(schluessel)}\s*:\s*)(?P<wert>"[^"]*"|'[^']*'|[^,}}#\r\n]*?)(?=\s*(?:[,}}]|\s\#|$|\r|\n))"""
        )
        match = pattern.search(line) if line is not None else None
        if match is None or line is None:
            return False
        assert where.line is not None
        self._file(self.path(where))[where.line - 1] = line[: match.start("wert")] + neu + line[match.end("wert") :]
        self.umschreibungen.append(
            Umschreibung(where.path, where.line, f"{schluessel}: {match['wert']}", f"{schluessel}: {neu}", grund)
        )
        return True

    def zahl_ersetzen(self, where: Where, vorher: str, nachher: str, grund: str, anzahl: int = 1) -> bool:
        """Replaces the number `vorher` where it stands as a whole value on the line `where` names (after a key,
        in a list or a sum, quoted or not – never inside a text) `anzahl` times; False when it stands there as a
        whole value more or less often (a quoted text "1.500" beside it: which is which is not certain)."""
        line = self.zeile(where)
        pattern = re.compile(
            rf"""((?:^|[:\[{{,+"']|(?:^|\s)-)[ \t]*){re.escape(vorher)}(?=[ \t]*(?:[,\]}}+"']|[ \t]\#|\r|\n|$))"""
        )
        if line is None or len(pattern.findall(line)) != anzahl:
            return False
        assert where.line is not None
        self._file(self.path(where))[where.line - 1] = pattern.sub(lambda m: m[1] + nachher, line)
        self.umschreibungen.append(Umschreibung(where.path, where.line, vorher, nachher, grund))
        return True

    def zeile_einfuegen(self, where: Where, neu: str, grund: str) -> bool:
        """Inserts the line `neu` after the line `where` names, indented like it (its line ending too)."""
        line = self.zeile(where)
        if line is None:
            return False
        assert where.line is not None
        ending = line[len(line.rstrip("\r\n")) :] or "\n"
        indent = line[: len(line) - len(line.lstrip())]
        # kept in the same entry as the line before it: the line numbers of the facts stay valid for later edits
        self._file(self.path(where))[where.line - 1] = (
            f"{line if line.endswith(ending) else line + ending}{indent}{neu}{ending}"
        )
        self.umschreibungen.append(Umschreibung(where.path, where.line + 1, "", neu, grund))
        return True

    def id_einfuegen(self, where: Where, name: str, grund: str) -> bool:
        """Gives the list entry that starts on the line `where` names the key `id: name` – in `{…}` as its first
        key, in a block as a line of its own; False when that line is no list entry."""
        line = self.zeile(where)
        if line is None:
            return False
        assert where.line is not None
        lines = self._file(self.path(where))
        flow = re.match(r"(\s*-\s*\{\s*)(.*)$", line, re.S)
        block = re.match(r"(\s*)-(\s+)(\S.*)$", line, re.S)
        if flow:
            lines[where.line - 1] = f"{flow[1]}id: {name}, {flow[2]}"
        elif block:
            ending = line[len(line.rstrip("\r\n")) :]
            lines[where.line - 1] = f"{block[1]}-{block[2]}id: {name}{ending}{block[1]} {block[2]}{block[3]}"
        else:
            return False
        new = lines[where.line - 1].split("\n")[0].strip()
        self.umschreibungen.append(Umschreibung(where.path, where.line, gekuerzt(line, 60), gekuerzt(new, 60), grund))
        return True

    def zeilen_anhaengen(self, path: Path, nach: int, neu: list[str], ending: str, berichte: dict) -> None:
        """Inserts the lines `neu` after line `nach` of a file (kept in that line's entry, like zeile_einfuegen);
        `berichte`: index in `neu` → (what the report says, why) of the line it starts."""
        lines = self._file(path)
        davor = lines[nach - 1] if lines[nach - 1].endswith(("\n", "\r")) else lines[nach - 1] + ending
        lines[nach - 1] = davor + "".join(line + ending for line in neu)
        shown = gezeigt(path)
        for index, (was, grund) in sorted(berichte.items()):
            self.umschreibungen.append(Umschreibung(shown, nach + index + 1, "", was, grund))

    def texte(self, folder: Path) -> list[Path]:
        """The Markdown texts of a folder and its subfolders."""
        return sorted(p for p in folder.rglob("*.md") if p.is_file())

    def text_ersetzen(self, path: Path, nummer: int, vorher: str, nachher: str, grund: str, bis: int = 0) -> None:
        """Like `ersetzen`, for a line of a text file given by path – or for the lines `nummer` to `bis`, where
        `vorher` is wrapped over them (they become one line, the others' entries empty: the numbers stay valid)."""
        lines = self._file(path)
        bis = max(bis, nummer)
        lines[nummer - 1] = "".join(lines[nummer - 1 : bis]).replace(vorher, nachher)
        lines[nummer:bis] = [""] * (bis - nummer)
        shown = gezeigt(path)
        self.umschreibungen.append(Umschreibung(shown, nummer, " ".join(vorher.split()), nachher, grund))

    def lines(self, path: Path) -> list[str]:
        return self._file(path)

    def schreiben(self) -> list[str]:
        """Writes every changed file of the copy; returns the paths of all files written so far, relative to the
        data folder (a rule may write before the last one, to read the copy as rewritten)."""
        for path, lines in self._lines.items():
            text = "".join(lines)
            if text.encode("utf-8") != path.read_bytes():
                path.write_bytes(text.encode("utf-8"))
                self._geschrieben.add(path.relative_to(self.data).as_posix())
        return sorted(self._geschrieben)

    def neu_lesen(self) -> None:
        """Writes what was rewritten so far and reads each file again as it now is: the line numbers of facts read
        from the copy hold for the next edits (lines inserted so far are lines of their own now)."""
        self.schreiben()
        self._lines.clear()

    def _file(self, path: Path) -> list[str]:
        """A file's lines as read; a file that cannot be read or is not UTF-8 stops the rewrite (NichtLesbar) –
        read as no lines, it would be written back empty."""
        if path not in self._lines:
            grund = unsicher(path, [Path(os.path.abspath(self.data))])
            if grund:  # a link of a revision's tree, a path a message names outside: never read, never written
                raise NichtLesbar(Problem(Where(gezeigt(path)), f"{grund} – nichts umgeschrieben."))
            try:
                raw = path.read_bytes()
            except OSError as error:
                reason = f"Die Datei lässt sich nicht lesen ({os_error_reason(error)}) – prüfen Sie, ob Sie sie öffnen dürfen."
                raise NichtLesbar(Problem(Where(gezeigt(path)), reason)) from None
            try:
                self._lines[path] = raw.decode("utf-8").splitlines(keepends=True)
            except UnicodeDecodeError as error:
                line = raw[: error.start].count(b"\n") + 1
                raise NichtLesbar(Problem(Where(gezeigt(path), line), nicht_utf8(raw))) from None
        return self._lines[path]
