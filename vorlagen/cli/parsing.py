"""Reads a command line: the command may stand anywhere among the options; help and errors in German."""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


PROG = "vorlagen"
DEFAULT = "build"


def _no_options(parser: argparse.ArgumentParser) -> None:
    pass


@dataclass(frozen=True)
class Command:
    """One command: its name, the one line `vorlagen --help` shows, what it runs and which options it takes."""

    name: str
    summary: str
    run: Callable[[argparse.Namespace], int]
    options: Callable[[argparse.ArgumentParser], None] = _no_options
    description: str = ""  # the text of `vorlagen NAME --help` (default: summary)
    data: bool = True      # takes --data and works in a data repository
    out: bool = False      # takes --out
    failure: int = 1       # exit code when the data has problems


def command_parser(command: Command) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"{PROG} {command.name}", description=command.description or command.summary,
                                     allow_abbrev=False)
    if command.data:
        parser.add_argument("--data", type=Path, metavar="ORDNER",
                            help="Datenordner oder Datenrepository (Standard: data/ des Datenrepositorys, "
                                 "in dem Sie gerade sind)")
    if command.out:
        parser.add_argument("--out", type=Path, metavar="ORDNER",
                            help="Ausgabeordner (Standard: output/ des Datenrepositorys)")
    command.options(parser)
    return parser


def parse(argv: list[str], commands: list[Command]) -> tuple[Command, argparse.Namespace]:
    """The command named anywhere among the options (default: build) and its parsed options.

    Exits like argparse (0 after help or version, 2 after a usage error) with German text."""
    table = {command.name: command for command in commands}
    if "--version" in _before_dashes(argv):  # wherever it stands, as with git and pip
        from vorlagen import __version__
        from vorlagen.core.versions import version_text
        print(version_text(f"{PROG} {__version__}"), end="")
        raise SystemExit(0)
    position = _command_position(argv, commands)
    if position is None:
        if any(arg in ("-h", "--help") for arg in _before_dashes(argv)):
            print(overview(commands), end="")
            raise SystemExit(0)
        command, rest = table[DEFAULT], argv
    elif argv[position] not in table:
        _unknown(argv[position], table)
    else:
        command, rest = table[argv[position]], argv[:position] + argv[position + 1:]
    return command, command_parser(command).parse_args(rest)


def _before_dashes(argv: list[str]) -> list[str]:
    return argv[:argv.index("--")] if "--" in argv else argv


def _command_position(argv: list[str], commands: list[Command]) -> int | None:
    """Index of the first word that is not an option or an option's value."""
    valued = {option for command in commands for action in command_parser(command)._actions
              for option in action.option_strings if action.nargs != 0}
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--":
            return None
        if not word.startswith("-") or word == "-":
            return index
        index += 2 if word in valued else 1
    return None


def _unknown(word: str, table: dict[str, Command]) -> None:
    close = difflib.get_close_matches(word, table, n=1)
    hint = f" – meinten Sie „{close[0]}“?" if close else ""
    print(f"{PROG}: Fehler: unbekannter Befehl „{word}“{hint} Es gibt: {', '.join(table)}.\n"
          f"Übersicht: {PROG} --help", file=sys.stderr)
    raise SystemExit(2)


def overview(commands: list[Command]) -> str:
    """`vorlagen --help`: every command with its one line."""
    width = max(len(command.name) for command in commands) + 2
    lines = [f"Aufruf: {PROG} [BEFEHL] [OPTIONEN]", "",
             "Sitzungsvorlagen als Code: baut aus den Fakten und Texten eines Datenrepositorys fertige Vorlagen",
             "(PDF, HTML, Text), Tagesordnungen und Sitzungsmappen.", "", "Befehle:"]
    for command in commands:
        default = " – auch ohne Befehl" if command.name == DEFAULT else ""
        lines.append(f"  {command.name.ljust(width)}{command.summary}{default}")
    lines += ["", "Optionen (vor oder nach dem Befehl):",
              "  --data ORDNER  Datenordner oder Datenrepository (Standard: das Datenrepository, in dem Sie sind)",
              "  --out ORDNER   Ausgabeordner (Standard: output/ des Datenrepositorys)",
              "  -h, --help     diese Hilfe zeigen; mit Befehl: die Hilfe des Befehls",
              "  --version      die Programmversion und die getesteten Bibliotheken zeigen", "",
              f"Mehr zu einem Befehl: {PROG} BEFEHL --help", ""]
    return "\n".join(lines)
