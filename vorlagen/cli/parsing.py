"""Reads a command line: the command may stand anywhere among the options; help and errors in German."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vorlagen.cli.umfang import optionen
from vorlagen.core.engine import befehl

PROG = "vorlagen"
DEFAULT = "bauen"


def as_run(text: str) -> str:
    """A help text whose example calls („vorlagen neu ORDNER“) name the command as the user runs it."""
    return text.replace(f"{PROG} ", f"{befehl()} ") if befehl() != PROG else text


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
    data: bool = True  # takes --data and works in a data repository
    out: bool = False  # takes --out
    failure: int = 1  # exit code when the data has problems
    alias: str = ""  # the English name of earlier versions, which keeps working
    liest: bool = False  # only reads and writes nothing: its problems do not say „es wurde nichts geschrieben“
    version: bool = True  # refuses a data repository that wants another version of the program (aktualisieren not)
    ergebnis: bool = False  # its standard output is what was asked for: -q keeps it (cli/umfang.py)
    rueckgabe: tuple[tuple[int, str], ...] = ()  # what its exit codes 0 and 1 (and 2) mean, where not the usual


def command_parser(command: Command, called: str = "") -> argparse.ArgumentParser:
    """The options of one command; `called` is the name the user typed (the German name or its alias)."""
    parser = argparse.ArgumentParser(
        prog=f"{befehl()} {called or command.name}",
        description=as_run(command.description or command.summary),
        epilog=rueckgabe(command),
        allow_abbrev=False,
    )
    add_arguments(parser, command)
    return parser


def rueckgabe(command: Command) -> str:
    """What each exit code of the command means (its help and the reference show it)."""
    codes = {0: "erledigt", 1: "Probleme in den Daten oder Dateien (auf der Fehlerausgabe)"}
    codes.update(command.rueckgabe)
    codes.setdefault(2, "falscher Aufruf, oder auf diesem Rechner fehlt, was der Befehl braucht")
    codes.update({130: "mit Strg+C abgebrochen", 143: "beendet (Signal TERM)"})
    return "Rückgabewert: " + "; ".join(f"{code} {was}" for code, was in codes.items()) + "."


def add_arguments(parser: argparse.ArgumentParser, command: Command) -> None:
    """The command's options in `parser`: --data and --out where it takes them, then its own."""
    if command.data:
        parser.add_argument(
            "--data",
            type=Path,
            metavar="ORDNER",
            help="Datenordner oder Datenrepository (Standard: data/ des Datenrepositorys, in dem Sie gerade sind)",
        )
    if command.out:
        parser.add_argument(
            "--out", type=Path, metavar="ORDNER", help="Ausgabeordner (Standard: output/ des Datenrepositorys)"
        )
    optionen(parser, command.ergebnis)
    command.options(parser)


def parse(argv: list[str], commands: list[Command]) -> tuple[Command, argparse.Namespace]:
    """The command named anywhere among the options (default: bauen) and its parsed options.

    Exits like argparse (0 after help or version, 2 after a usage error) with German text."""
    table = names(commands)
    if "--version" in _before_dashes(argv):  # wherever it stands, as with git and pip
        from vorlagen import __version__
        from vorlagen.core.versions import version_text
        from vorlagen.render.maschine import versionstext

        print(version_text(f"{PROG} {__version__}") + versionstext(), end="")
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
        command, rest = table[argv[position]], argv[:position] + argv[position + 1 :]
        return command, command_parser(command, argv[position]).parse_args(rest)
    return command, command_parser(command).parse_args(rest)


def names(commands: list[Command]) -> dict[str, Command]:
    """Every name a command answers to: its German name, then its English alias."""
    table = {command.name: command for command in commands}
    table.update({command.alias: command for command in commands if command.alias})
    return table


def _before_dashes(argv: list[str]) -> list[str]:
    return argv[: argv.index("--")] if "--" in argv else argv


def _command_position(argv: list[str], commands: list[Command]) -> int | None:
    """Index of the first word that is not an option or an option's value."""
    valued = {
        option
        for command in commands
        for action in command_parser(command)._actions
        for option in action.option_strings
        if action.nargs != 0
    }
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
    german = dict.fromkeys(command.name for command in table.values())
    print(
        f"{PROG}: Fehler: unbekannter Befehl „{word}“{hint} Es gibt: {', '.join(german)}.\n"
        f"Übersicht: {befehl()} --help",
        file=sys.stderr,
    )
    raise SystemExit(2)


def overview(commands: list[Command]) -> str:
    """`vorlagen --help`: every command with its one line."""
    width = max(len(command.name) for command in commands) + 2
    lines = [
        f"Aufruf: {befehl()} [BEFEHL] [OPTIONEN]",
        "",
        "Sitzungsvorlagen als Code: baut aus den Fakten und Texten eines Datenrepositorys fertige Vorlagen",
        "(PDF, HTML, Text), Tagesordnungen und Sitzungsmappen.",
        "",
        "Befehle:",
    ]
    for command in commands:
        default = " – auch ohne Befehl" if command.name == DEFAULT else ""
        lines.append(f"  {command.name.ljust(width)}{as_run(command.summary)}{default}")
    lines += [
        "",
        "Optionen (vor oder nach dem Befehl):",
        "  --data ORDNER  Datenordner oder Datenrepository (Standard: das Datenrepository, in dem Sie sind)",
        "  --out ORDNER   Ausgabeordner (Standard: output/ des Datenrepositorys)",
        "  -q, --quiet    leise: nur Probleme und Warnungen (und das Ergebnis von text, zahlen …)",
        "  -v, --verbose  ausführlich: Programmversion, Ordner, Rückgabewert und Dauer dazu",
        "  -h, --help     diese Hilfe zeigen; mit Befehl: die Hilfe des Befehls",
        "  --version      die Programmversion, die getesteten Bibliotheken und die des Rechners zeigen",
        "",
        f"Mehr zu einem Befehl: {befehl()} BEFEHL --help",
        "",
    ]
    aliases = [f"{command.alias} = {command.name}" for command in commands if command.alias]
    if aliases:
        lines[-2:-2] = [f"Die englischen Namen früherer Fassungen gelten weiter: {', '.join(aliases)}."]
    return "\n".join(lines)
