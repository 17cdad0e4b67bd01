"""Shell completion from the table of commands through argcomplete (bash run for real; zsh, fish and PowerShell
through the program's answers, which their scripts read), and `serve --oeffnen` (issues 26 and 37)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.hilfen import DATA, ROOT, run
from vorlagen.cli import COMMANDS
from vorlagen.cli.parsing import command_parser

# the completion function of argcomplete's bash script, called as bash calls it on Tab
BASH = """
source {script}
t() {{
  COMP_LINE="$*"; COMP_POINT=${{#COMP_LINE}}; COMP_WORDS=("$@"); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); COMPREPLY=()
  _python_argcomplete "$1"; echo "${{COMPREPLY[*]}}"
}}
"""


@pytest.fixture
def shims(tmp_path):
    """`vorlagen` and `bauen.sh` on the PATH and `./bauen.sh` in the folder: all run this checkout's program (the shell runs the
    command it completes, as typed, to ask it)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    shim = f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m vorlagen "$@"\n'
    for path in (folder / "vorlagen", folder / "bauen.sh", tmp_path / "bauen.sh"):
        path.write_text(shim, encoding="utf-8")
        path.chmod(0o755)
    return dict(os.environ, PATH=f"{folder}{os.pathsep}{os.environ['PATH']}")


def _script(capsys, shell: str, tmp_path) -> str:
    code, out, err = run(capsys, "vervollstaendigung", shell)
    assert (code, err) == (0, "")
    path = tmp_path / f"vorlagen.{shell}"
    path.write_text(out, encoding="utf-8")
    return str(path)


def _complete(script: str, env: dict, cwd, *lines: str) -> list[str]:
    """What bash offers at the end of each command line (its last word is the one being typed)."""
    calls = "\n".join("t " + " ".join(f"'{w}'" for w in line.split(" ")) for line in lines)
    done = subprocess.run(
        ["bash", "-c", BASH.format(script=script) + calls],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout.splitlines()


def _answer(line: str, shell: str, cwd) -> list[str]:
    """The program's answer to a shell's question by argcomplete's protocol (what each shell's script asks)."""
    env = dict(
        os.environ,
        _ARGCOMPLETE="1",
        _ARGCOMPLETE_SHELL=shell,
        _ARGCOMPLETE_DFS="\t" if shell in ("fish", "powershell") else "",
        _ARGCOMPLETE_IFS="\n",
        COMP_LINE=line,
        COMP_POINT=str(len(line)),
        _ARGCOMPLETE_STDOUT_FILENAME=str(cwd / "antwort.txt"),
        PYTHONPATH=str(ROOT),
    )
    done = subprocess.run([sys.executable, "-m", "vorlagen"], env=env, cwd=cwd, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return (cwd / "antwort.txt").read_text(encoding="utf-8").split("\n")


def _options(name: str) -> list[str]:
    command = next(c for c in COMMANDS if c.name == name)
    return [o for a in command_parser(command)._actions if a.help != "==SUPPRESS==" for o in a.option_strings]


needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash fehlt")


@needs_bash
def test_bash_completes_the_commands_and_options_of_the_table(capsys, tmp_path, shims):
    script = _script(capsys, "bash", tmp_path)
    names = [c.name for c in COMMANDS]
    first = [n for n in names if n.startswith("s")]
    assert len(first) >= 2
    offered = _complete(
        script,
        shims,
        tmp_path,
        "vorlagen ",
        "vorlagen s",
        "vorlagen --data daten s",
        "vorlagen bauen --",
        "vorlagen vervollstaendigung ",
        "vorlagen vervollstaendigung f",
        "vorlagen vorschau --p",
        "./bauen.sh build --",
        "bauen.sh serve --p",
    )
    assert offered[0].split() == names  # every command, in the table's order; the English aliases not offered
    assert offered[1].split() == first
    assert offered[2].split() == first  # the folder after --data is no command
    assert offered[3].split() == [o for o in _options("bauen") if o.startswith("--")]
    assert "--mappen" in offered[3].split()
    assert [line.strip() for line in offered[4:7]] == ["bash zsh fish powershell", "fish", "--port"]
    assert [line.strip() for line in offered[7:]] == [
        offered[3],
        "--port",
    ]  # the English aliases get the options of their command


@needs_bash
def test_bash_registers_the_installed_program_and_the_repository_script(capsys, tmp_path):
    script = _script(capsys, "bash", tmp_path)
    done = subprocess.run(
        ["bash", "-c", f"source {script}; complete -p vorlagen bauen.sh ./bauen.sh"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.stdout.splitlines() == [
        f"complete -o bashdefault -o default -o nospace -F _python_argcomplete {name}"
        for name in ("vorlagen", "bauen.sh", "./bauen.sh")
    ]


@needs_bash
def test_bash_offers_folders_after_data_and_out(capsys, tmp_path, shims):
    script = _script(capsys, "bash", tmp_path)
    (tmp_path / "daten").mkdir()
    (tmp_path / "datei.txt").write_text("x")
    offered = _complete(script, shims, tmp_path, "vorlagen --data d", "vorlagen bauen --out d")
    assert offered == ["daten/", "daten/"]  # folders only, no file


def test_zsh_fish_and_powershell_get_each_command_with_its_german_summary(tmp_path):
    for shell, separator in (("zsh", ":"), ("fish", "\t"), ("powershell", "\t")):
        answer = _answer("vorlagen ", shell, tmp_path)
        assert answer == [f"{c.name}{separator}{c.summary}" for c in COMMANDS], shell
    pruefen = _answer("vorlagen pruefen --", "fish", tmp_path)
    assert [entry.split("\t")[0] for entry in pruefen] == [o for o in _options("pruefen") if o.startswith("--")]
    check = _answer("./bauen.sh check --", "zsh", tmp_path)  # an English alias, after the repository's script
    assert [entry.split(":")[0] for entry in check] == [o for o in _options("pruefen") if o.startswith("--")]
    assert (
        "--data:Datenordner oder Datenrepository (Standard: data/ des Datenrepositorys, in dem Sie gerade sind)"
        in check
    )


@pytest.mark.parametrize(
    ("shell", "setup", "registers"),
    [
        ("zsh", 'in ~/.zshrc (nach compinit) die Zeile  eval "$(vorlagen vervollstaendigung zsh)"', "compdef"),
        ("fish", "in ~/.config/fish/config.fish die Zeile  vorlagen vervollstaendigung fish | source", "complete"),
        (
            "powershell",
            "in Ihrem Profil ($PROFILE) die Zeile  vorlagen vervollstaendigung powershell | Out-String | "
            "Invoke-Expression",
            "Register-ArgumentCompleter",
        ),
    ],
)
def test_each_shell_gets_its_script_with_the_line_that_sets_it_up(capsys, shell, setup, registers):
    code, out, err = run(capsys, "vervollstaendigung", shell)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [
        f"# {shell}-Vervollständigung für vorlagen (erzeugt von „vorlagen vervollstaendigung {shell}“).",
        f"# Einrichten: {setup}",
    ]
    assert any(line.lstrip().startswith(registers) and "vorlagen" in line for line in lines)


def test_an_unknown_shell_is_refused_in_german(capsys):
    with pytest.raises(SystemExit) as done:
        run(capsys, "vervollstaendigung", "tcsh")
    assert done.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "vorlagen vervollstaendigung: Fehler: SHELL: „tcsh“ geht nicht – möglich sind: 'bash', 'zsh', 'fish', "
        "'powershell'"
    )


class _Preview:
    """Stands in for the preview server: records when its port opens and when it runs."""

    calls: list[str] = []

    def __init__(self, data, out, port, say):
        self.port = port

    def open(self):
        _Preview.calls.append("open")

    def run(self):
        _Preview.calls.append("run")


@pytest.mark.parametrize("oeffnen", [True, False])
def test_serve_oeffnen_opens_the_browser_once_the_port_is_open(capsys, monkeypatch, tmp_path, oeffnen):
    import webbrowser

    import vorlagen.building.preview as preview

    _Preview.calls = []
    monkeypatch.setattr(preview, "Preview", _Preview)
    monkeypatch.setattr(webbrowser, "open", lambda url: _Preview.calls.append(url))
    args = ["serve", "--data", str(DATA), "--out", str(tmp_path / "out"), "--port", "8123"]
    code, _, err = run(capsys, *args, *(["--oeffnen"] if oeffnen else []))
    assert (code, err) == (0, "")
    assert _Preview.calls == (["open", "http://127.0.0.1:8123/", "run"] if oeffnen else ["open", "run"])
