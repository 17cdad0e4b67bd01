"""Commands the program prints as hints, written so that they work as typed in bash, PowerShell and cmd: an argument
with anything a shell would read (a space, a quote, a comma …) stands in double quotes, and each command goes on a
line of its own – never joined by the shell's and-operator, which Windows PowerShell 5.1 does not know."""

from __future__ import annotations

import re

# what no shell reads specially, unquoted; a comma is PowerShell's array, a backslash bash's escape, % cmd's variable
_SCHLICHT = re.compile(r"[A-Za-z0-9ÄÖÜäöüß_./:+-]+")


def argument(text: str) -> str:
    """`text` as one argument in every shell: as it is when no shell reads anything in it, else in double quotes.
    (Inside double quotes, $ and ` still mean something to bash and PowerShell, % to cmd, and a doubled quote is a
    quote to cmd and PowerShell only; such names are rare – one with a quote Windows refuses, core/dateinamen.py.)"""
    return text if _SCHLICHT.fullmatch(text) else '"' + text.replace('"', '""') + '"'


def befehlszeile(befehl: str, *argumente: str) -> str:
    """A command (as core/engine.befehl names it, never quoted: a quoted word is no command in PowerShell) with its
    arguments, each as argument() writes it."""
    return " ".join([befehl, *(argument(teil) for teil in argumente)])
