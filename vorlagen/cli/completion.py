"""`vorlagen vervollstaendigung bash|zsh|fish|powershell`: the shell's part of the completion, from argcomplete.

The shell asks the program itself on every Tab (argcomplete's protocol: the environment variable _ARGCOMPLETE);
`complete` answers from a parser built from the table of commands, so the answers name exactly the commands,
aliases and options there are, with their German help, and only folders after --data and --out."""

from __future__ import annotations

import argparse

from vorlagen.cli.parsing import PROG, Command, add_arguments

SHELLS = ("bash", "zsh", "fish", "powershell")
# the program's names on a command line: installed, and the repository's script (bash and zsh look up the name as
# typed – ./bauen.sh – and then without its folder); fish and PowerShell complete the installed program
NAMES = {"bash": (PROG, "bauen.sh", "./bauen.sh"), "zsh": (PROG, "bauen.sh", "./bauen.sh")}
SETUP = {
    "bash": f'in ~/.bashrc die Zeile  eval "$({PROG} vervollstaendigung bash)"',
    "zsh": f'in ~/.zshrc (nach compinit) die Zeile  eval "$({PROG} vervollstaendigung zsh)"',
    "fish": f"in ~/.config/fish/config.fish die Zeile  {PROG} vervollstaendigung fish | source",
    "powershell": f"in Ihrem Profil ($PROFILE) die Zeile  {PROG} vervollstaendigung powershell | Out-String | "
    "Invoke-Expression",
}
FOLDER_OPTIONS = ("--data", "--out")  # their values are folders


def options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help="die Shell: bash, zsh, fish oder powershell")


def run(args: argparse.Namespace, commands: list[Command]) -> int:
    print(script(args.shell), end="")
    return 0


def script(shell: str) -> str:
    """The shell's part: a German comment how to set it up, then argcomplete's code for the shell."""
    import argcomplete

    head = (
        f"# {shell}-Vervollständigung für {PROG} (erzeugt von „{PROG} vervollstaendigung {shell}“).\n"
        f"# Einrichten: {SETUP[shell]}\n"
    )
    return head + argcomplete.shellcode(list(NAMES.get(shell, (PROG,))), shell=shell)


def complete(commands: list[Command]) -> None:
    """Answers the shell's question and ends the process (argcomplete does both); does nothing when no shell asks."""
    import argcomplete

    # the English names of earlier versions keep working but are not offered
    aliases = [command.alias for command in commands if command.alias]
    argcomplete.autocomplete(parser(commands), always_complete_options=False, exclude=aliases)


def parser(commands: list[Command]) -> argparse.ArgumentParser:
    """The whole command line as argcomplete reads it: the options before a command, then each command (its German
    name and its English alias) with its options. Parsing itself is parsing.parse's: a command may stand anywhere."""
    from argcomplete.completers import DirectoriesCompleter

    top = argparse.ArgumentParser(prog=PROG, allow_abbrev=False)
    top.add_argument("--data", metavar="ORDNER", help="Datenordner oder Datenrepository")
    top.add_argument("--out", metavar="ORDNER", help="Ausgabeordner")
    top.add_argument("--version", action="store_true", help="die Programmversion und die getesteten Bibliotheken")
    befehle = top.add_subparsers(dest="befehl", metavar="BEFEHL")
    parsers = [top]
    for command in commands:
        aliases = [command.alias] if command.alias else []
        sub = befehle.add_parser(command.name, aliases=aliases, help=command.summary, allow_abbrev=False)
        add_arguments(sub, command)
        parsers.append(sub)
    for each in parsers:
        for action in each._actions:
            if set(action.option_strings) & set(FOLDER_OPTIONS):
                action.completer = DirectoriesCompleter()  # type: ignore[attr-defined]
    return top
