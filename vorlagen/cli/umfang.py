"""How much a command says: -q/--quiet and -v/--verbose, the same for every command.

- `-q` (leise): on standard output only the lines that begin with „Warnung“ – no progress, no summary, no hint; a
  command whose output is what was asked for (`text`, `zahlen`, `vervollstaendigung`, the address of `vorschau` and
  `hilfe`) keeps it whole. On the error output only the lines that begin with „Hinweis“ go (what the machine lacks,
  git not set up); problems and errors stay, and so does the exit code.
- `-v` (ausführlich): adds on the error output, first, the program's version and the data repository, data and
  output folder it works with, and last, the exit code and how long the command took; the progress of a build is
  one line per document also on a terminal.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

LEISE, NORMAL, AUSFUEHRLICH = -1, 0, 1


def optionen(parser: argparse.ArgumentParser, ergebnis: bool) -> None:
    """-q and -v, which exclude each other; `ergebnis`: the command's standard output is what was asked for."""
    group = parser.add_mutually_exclusive_group()
    behalten = (
        "das Ergebnis auf der Standardausgabe bleibt ganz" if ergebnis else "auf der Standardausgabe nur Warnungen"
    )
    group.add_argument(
        "-q",
        "--quiet",
        dest="umfang",
        action="store_const",
        const=LEISE,
        default=NORMAL,
        help=f"leise: {behalten}, keine Hinweise; Probleme und Fehler und der Rückgabewert bleiben",
    )
    group.add_argument(
        "-v",
        "--verbose",
        dest="umfang",
        action="store_const",
        const=AUSFUEHRLICH,
        help="ausführlich: dazu auf der Fehlerausgabe Programmversion, Datenrepository, Daten- und Ausgabeordner, "
        "am Ende Rückgabewert und Dauer; der Fortschritt eines Baus Zeile für Zeile",
    )


class _Filter(io.TextIOBase):
    """A text stream that passes on only the whole lines `behalten` keeps (what is left at the end, too)."""

    def __init__(self, stream: TextIO, behalten: Callable[[str], bool]) -> None:
        self.stream, self.behalten, self.rest = stream, behalten, ""

    def write(self, text: str) -> int:
        *lines, self.rest = (self.rest + text).split("\n")
        for line in lines:
            if self.behalten(line):
                self.stream.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def close_rest(self) -> None:
        if self.rest and self.behalten(self.rest):
            self.stream.write(self.rest)
        self.rest = ""
        self.stream.flush()

    def isatty(self) -> bool:  # no live progress line where nobody sees it
        return False

    def fileno(self) -> int:
        return self.stream.fileno()

    @property  # io.TextIOBase's own is read-only too; typeshed declares a plain attribute
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")


def _warnung(line: str) -> bool:
    return line.lstrip("\r ").startswith("Warnung")


def _kein_hinweis(line: str) -> bool:
    return not line.lstrip().startswith("Hinweis")


@contextmanager
def gesprochen(umfang: int, ergebnis: bool) -> Iterator[None]:
    """The standard streams as -q wants them while the command runs (as they are without it)."""
    if umfang != LEISE:
        yield
        return
    streams = sys.stdout, sys.stderr
    filters = [_Filter(sys.stderr, _kein_hinweis)]
    sys.stderr = filters[0]
    if not ergebnis:
        filters.append(_Filter(sys.stdout, _warnung))
        sys.stdout = filters[1]
    try:
        yield
    finally:
        for stream in filters:
            stream.close_rest()
        sys.stdout, sys.stderr = streams


def ausfuehrlich(umfang: int, text: str) -> None:
    """A line on the error output for -v only."""
    if umfang == AUSFUEHRLICH:
        print(text, file=sys.stderr, flush=True)
