"""Every hint the program prints is a command that works as typed in bash, PowerShell and cmd (issue 45, point 6):
arguments a shell would split or read stand in double quotes, one command a line, never `&&`."""

from __future__ import annotations

import ast
import shlex
import sys

import pytest

from tests.hilfen import ROOT
from vorlagen.core import engine
from vorlagen.core.befehlszeile import argument, befehlszeile


@pytest.mark.parametrize("plain", ["2021/0123", "2021-0123", "meine-verwaltung", "m1-steuerung", "Kämmerei", "a.b:c"])
def test_a_plain_argument_stays_as_it_is(plain):
    assert argument(plain) == plain


@pytest.mark.parametrize(
    "text", ["Gemeinde Übach Palenberg", "a,b", "C:\\Daten\\x", "50%", "a&b", "a|b", "a;b", "(x)", "a'b", "", "a b"]
)
def test_anything_a_shell_reads_is_quoted_and_reads_back_as_one_argument(text):
    quoted = argument(text)
    assert quoted == f'"{text}"'
    if "\\" not in text:  # bash reads a backslash inside double quotes as itself only before few characters
        assert shlex.split(quoted) == [text]  # bash's reading (POSIX), by a tool we did not write


def test_the_command_is_never_quoted():
    """A quoted first word is a string, not a command, in PowerShell (".\\bauen.cmd" would only be printed)."""
    assert befehlszeile(".\\bauen.cmd", "zahlen", "ohne Nummer", "T") == '.\\bauen.cmd zahlen "ohne Nummer" T'


def test_the_repository_command_on_windows_is_bauen_cmd(monkeypatch):
    monkeypatch.setattr(sys, "argv", [str(ROOT / "build.py")])
    monkeypatch.setattr(sys, "platform", "win32")
    assert engine.befehl() == ".\\bauen.cmd"  # cmd and PowerShell both run it; ./bauen.sh neither
    monkeypatch.setattr(sys, "platform", "linux")
    assert engine.befehl() == "./bauen.sh"
    monkeypatch.setattr(sys, "argv", ["/usr/local/bin/vorlagen"])
    assert engine.befehl() == "vorlagen"


def test_no_text_of_the_program_joins_commands_with_and_and():
    """`&&` fails in Windows PowerShell 5.1 (and a hint after it would never run): each command on its own line."""
    found = []
    for path in sorted((ROOT / "vorlagen").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "&&" in node.value:
                found.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    assert found == []
    assert [n for n in ast.walk(ast.parse('x = f"cd {a} && b"')) if isinstance(n, ast.Constant) and "&&" in n.value]
