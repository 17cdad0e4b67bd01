"""`vorlagen vervollstaendigung bash|zsh`: a shell completion script, generated from the table of commands so that
it names exactly the commands and options there are."""

from __future__ import annotations

import argparse

from vorlagen.cli.parsing import PROG, Command, command_parser

SHELLS = ("bash", "zsh")
# the program's names on a command line: installed, and the repository's script (bash and zsh look up the name as
# typed – ./bauen.sh – and then without its folder)
NAMES = (PROG, "bauen.sh", "./bauen.sh")
FOLDER_OPTIONS = ("--data", "--out")  # their values are folders


def options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help="die Shell: bash oder zsh")


def run(args: argparse.Namespace, commands: list[Command]) -> int:
    print(script(args.shell, commands), end="")
    return 0


def _options(command: Command | None, commands: list[Command]) -> dict[str, tuple[str, bool]]:
    """Option → (its help, whether it takes a value); without a command the options valid before any command."""
    found: dict[str, tuple[str, bool]] = {}
    parsers = [command_parser(command)] if command else []
    for parser in parsers:
        for action in parser._actions:
            if action.help == argparse.SUPPRESS:
                continue
            for option in action.option_strings:
                found[option] = (_first_clause(action.help or ""), action.nargs != 0)
    if command is None:
        found.update(
            {
                "--data": ("Datenordner oder Datenrepository", True),
                "--out": ("Ausgabeordner", True),
                "--help": ("die Hilfe zeigen", False),
                "--version": ("die Programmversion und die getesteten Bibliotheken zeigen", False),
            }
        )
    return found


def _choices(command: Command) -> list[str]:
    """The words the command's first positional argument allows (empty: any word or a file)."""
    for action in command_parser(command)._actions:
        if not action.option_strings and action.choices:
            return [str(choice) for choice in action.choices]
    return []


def _valued(commands: list[Command]) -> list[str]:
    """Every option that takes a value: the word after it is no command."""
    return sorted(
        {option for command in [None, *commands] for option, (_, value) in _options(command, commands).items() if value}
    )


def _names(command: Command) -> str:
    """The command's name and its English alias, as a pattern of `case`."""
    return "|".join(name for name in (command.name, command.alias) if name)


def _first_clause(text: str) -> str:
    return text.split(" (")[0].split("; ")[0]


def script(shell: str, commands: list[Command]) -> str:
    return _bash(commands) if shell == "bash" else _zsh(commands)


def _bash(commands: list[Command]) -> str:
    cases = [
        f'    {_names(c)}) optionen="{" ".join(_options(c, commands))}"; woerter="{" ".join(_choices(c))}" ;;'
        for c in commands
    ]
    return "\n".join(
        [
            f"# bash-Vervollständigung für {PROG} (erzeugt von „{PROG} vervollstaendigung bash“).",
            f'# Einrichten: in ~/.bashrc die Zeile  eval "$({PROG} vervollstaendigung bash)"',
            f"_{PROG}() {{",
            '  local aktuell=${COMP_WORDS[COMP_CWORD]} vorher=${COMP_WORDS[COMP_CWORD-1]} befehl="" i',
            "  for (( i = 1; i < COMP_CWORD; i++ )); do",
            "    case ${COMP_WORDS[i]} in",
            f"      {'|'.join(_valued(commands))}) (( i++ )) ;;",
            "      -*) ;;",
            "      *) befehl=${COMP_WORDS[i]}; break ;;",
            "    esac",
            "  done",
            "  case $vorher in",
            f'    {"|".join(FOLDER_OPTIONS)}) COMPREPLY=($(compgen -d -- "$aktuell")); return ;;',
            "  esac",
            f'  local optionen="{" ".join(_options(None, commands))}" woerter=""',
            "  case $befehl in",
            *cases,
            "  esac",
            "  if [[ $aktuell == -* ]]; then",
            '    COMPREPLY=($(compgen -W "$optionen" -- "$aktuell"))',
            '  elif [ -z "$befehl" ]; then',
            f'    COMPREPLY=($(compgen -W "{" ".join(c.name for c in commands)}" -- "$aktuell"))',
            '  elif [ -n "$woerter" ]; then',
            '    COMPREPLY=($(compgen -W "$woerter" -- "$aktuell"))',
            "  fi",
            "}",
            f"complete -o default -F _{PROG} {' '.join(NAMES)}",
            "",
        ]
    )


def _quoted(text: str) -> str:
    """A word in single quotes for zsh."""
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh(commands: list[Command]) -> str:
    def described(options: dict[str, tuple[str, bool]]) -> str:
        return " ".join(_quoted(f"{option}:{text}") for option, (text, _) in options.items())

    cases = [
        f"    ({_names(c)}) optionen=({described(_options(c, commands))}); woerter=({' '.join(_choices(c))}) ;;"
        for c in commands
    ]
    befehle = " ".join(_quoted(f"{c.name}:{c.summary}") for c in commands)
    return "\n".join(
        [
            f"#compdef {PROG}",
            f"# zsh-Vervollständigung für {PROG} (erzeugt von „{PROG} vervollstaendigung zsh“).",
            f'# Einrichten: in ~/.zshrc (nach compinit) die Zeile  eval "$({PROG} vervollstaendigung zsh)"',
            f"_{PROG}() {{",
            '  local befehl="" i',
            "  local -a optionen woerter befehle",
            f"  befehle=({befehle})",
            "  for (( i = 2; i < CURRENT; i++ )); do",
            "    case ${words[i]} in",
            f"      ({'|'.join(_valued(commands))}) (( i++ )) ;;",
            "      (-*) ;;",
            "      (*) befehl=${words[i]}; break ;;",
            "    esac",
            "  done",
            "  case ${words[CURRENT-1]} in",
            f"    ({'|'.join(FOLDER_OPTIONS)}) _files -/; return ;;",
            "  esac",
            f"  optionen=({described(_options(None, commands))})",
            "  case $befehl in",
            *cases,
            "  esac",
            "  if [[ ${words[CURRENT]} == -* ]]; then",
            "    _describe 'Option' optionen",
            "  elif [[ -z $befehl ]]; then",
            "    _describe 'Befehl' befehle",
            "  elif (( ${#woerter} )); then",
            "    compadd -a woerter",
            "  else",
            "    _files",
            "  fi",
            "}",
            f"compdef _{PROG} {' '.join(NAMES)}",
            "",
        ]
    )
