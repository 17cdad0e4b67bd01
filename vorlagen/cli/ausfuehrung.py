"""Running one command as the table COMMANDS (cli/__init__.py) describes it: its data repository found and a
killed writer's change finished first, every problem and error said in German with the command's exit code, a stop
from outside (Strg+C, SIGTERM) in one line – the previous output stays."""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from types import FrameType

from vorlagen.cli.parsing import Command
from vorlagen.cli.umfang import AUSFUEHRLICH, ausfuehrlich
from vorlagen.core.fmt import anzahl
from vorlagen.core.problems import BuildFailed, FehltHier, Problem, os_error_text


class Beendet(BaseException):
    """The command was asked to end (SIGTERM: the system shuts down, a job runner stops it): it cleans up as for
    Strg+C – the workers end, their temporary folder goes, the previous output stays."""


def beendet(signum: int, frame: FrameType | None) -> None:
    raise Beendet


def ausfuehren(command: Command, args: Namespace) -> int:
    """The command, every problem and error in German with its exit code."""
    try:
        if command.data:
            from vorlagen.load.settings import locate

            repository, problems = locate(args.data, getattr(args, "out", None), version=command.version)
            if repository is None:
                raise BuildFailed(problems)
            args.repository, args.data, args.out = repository, repository.data, repository.out
        if args.umfang == AUSFUEHRLICH:
            ausfuehrlich(args.umfang, _womit(command, args))
        return command.run(args)
    except BuildFailed as failed:
        report_problems(failed.problems, command.liest)
        return command.failure
    except FehltHier as fehlt:  # the machine lacks what the command needs: no problem of the data
        print(fehlt, file=sys.stderr)
        return 2
    except (KeyboardInterrupt, Beendet) as stop:
        return _stopped(stop)
    except BrokenPipeError:  # the reader went away (e.g. `vorlagen pruefen | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:
        behind = _stop_behind(error)
        if behind is not None:  # Strg+C while a module was imported: Python wraps it (e.g. in a RuntimeError)
            return _stopped(behind)
        if (
            not isinstance(error, OSError) or error.errno is None
        ):  # not the operating system's: a bug of the program, whose traceback helps
            raise
        print(
            f"{os_error_text(error)} – prüfen Sie freien Speicherplatz und Schreibrechte; "
            "die bisherige Ausgabe ist unverändert.",
            file=sys.stderr,
        )
        return max(command.failure, 1)  # vergleichen: 1 would say „changes found“


def _womit(command: Command, args: Namespace) -> str:
    """What -v says first: the program and what the command works with."""
    from vorlagen import __version__

    line = f"vorlagen {__version__} mit Python {sys.version.split()[0]}, Befehl {command.name}"
    if command.data:
        line += f"; Datenrepository {args.repository.root}, Daten {args.data}"
        line += f", Ausgabe {args.out}" if command.out else ""
    return line + "."


def _stop_behind(error: BaseException) -> BaseException | None:
    """The Strg+C or TERM signal an exception was raised from or during, if any (its cause chain, bounded)."""
    seen: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and len(seen) < 20 and cause not in seen:
        if isinstance(cause, (KeyboardInterrupt, Beendet)):
            return cause
        seen.append(cause)
        cause = cause.__cause__ or cause.__context__
    return None


def _stopped(stop: BaseException) -> int:
    """The one German line for a build stopped from outside, and its exit code."""
    if isinstance(stop, KeyboardInterrupt):
        print("\nAbgebrochen (Strg+C) – die bisherige Ausgabe ist unverändert.", file=sys.stderr)
        return 130
    print("\nBeendet (Signal TERM) – die bisherige Ausgabe ist unverändert.", file=sys.stderr)
    return 143


def report_problems(problems: list[Problem], liest: bool = False) -> None:
    """Every problem, then their count; a command that writes says that nothing was written (`liest`: it only
    reads)."""
    for problem in problems:
        print(problem, file=sys.stderr)
    count = len(problems)
    if liest:
        print(f"\n{anzahl(count, 'Problem', 'Probleme')} gefunden.", file=sys.stderr)
        return
    print(
        f"\n{anzahl(count, 'Problem', 'Probleme')} gefunden – es wurde nichts geschrieben; "
        "die bisherige Ausgabe ist unverändert.",
        file=sys.stderr,
    )
