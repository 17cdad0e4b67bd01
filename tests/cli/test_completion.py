"""Shell completion from the table of commands (bash and zsh, run in the real shells), and `serve --oeffnen`
(issue 26 item 6)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.hilfen import DATA, run
from vorlagen.cli import COMMANDS
from vorlagen.cli.parsing import command_parser

BASH = """
source {script}
t() {{ COMP_WORDS=("$@"); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); COMPREPLY=(); _vorlagen; echo "${{COMPREPLY[*]}}"; }}
"""
# zsh's completion functions stubbed: each prints what it would offer
ZSH = """
compdef() {{ : }}
_describe() {{ print -r -- "${{(j:|:)${{(P)2}}}}" }}
compadd() {{ print -r -- "${{(j:|:)${{(P)2}}}}" }}
_files() {{ print -r -- "_files $*" }}
source {script}
t() {{ words=("$@"); CURRENT=${{#words}}; _vorlagen }}
"""


def _script(capsys, shell: str, tmp_path) -> str:
    code, out, err = run(capsys, "vervollstaendigung", shell)
    assert (code, err) == (0, "")
    path = tmp_path / f"vorlagen.{shell}"
    path.write_text(out, encoding="utf-8")
    return str(path)


def _complete(shell: str, script: str, *lines: str) -> list[str]:
    """What the shell offers at the end of each command line (its last word is the one being typed)."""
    setup = (BASH if shell == "bash" else ZSH).format(script=script)
    calls = "\n".join("t " + " ".join(f"'{w}'" for w in line.split(" ")) for line in lines)
    done = subprocess.run(
        [shell, "-f", "-c", setup + calls] if shell == "zsh" else [shell, "-c", setup + calls],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout.splitlines()


def script_text(path: str) -> str:
    with open(path, encoding="utf-8") as file:
        return file.read()


def _options(name: str) -> list[str]:
    command = next(c for c in COMMANDS if c.name == name)
    return [o for a in command_parser(command)._actions if a.help != "==SUPPRESS==" for o in a.option_strings]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash fehlt")
def test_bash_completes_the_commands_and_options_of_the_table(capsys, tmp_path):
    script = _script(capsys, "bash", tmp_path)
    names = [c.name for c in COMMANDS]
    first = [n for n in names if n.startswith("s")]
    assert len(first) >= 2
    offered = _complete(
        "bash",
        script,
        "vorlagen ",
        "vorlagen s",
        "vorlagen --data daten s",
        "vorlagen bauen --",
        "vorlagen vervollstaendigung ",
        "vorlagen vervollstaendigung z",
        "vorlagen vorschau --p",
        "./bauen.sh build --",
        "bauen.sh serve --p",
    )
    assert offered[0].split() == names  # every command, in the table's order
    assert offered[1].split() == first
    assert offered[2].split() == first  # the folder after --data is no command
    assert offered[3].split() == [o for o in _options("bauen") if o.startswith("--")]
    assert "--mappen" in offered[3].split()
    assert offered[4:7] == ["bash zsh", "zsh", "--port"]
    assert offered[7:] == [offered[3], "--port"]  # the English aliases get the options of their command


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash fehlt")
def test_bash_registers_the_installed_program_and_the_repository_script(capsys, tmp_path):
    script = _script(capsys, "bash", tmp_path)
    done = subprocess.run(
        ["bash", "-c", f"source {script}; complete -p vorlagen bauen.sh ./bauen.sh"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.stdout.splitlines() == [
        f"complete -o default -F _vorlagen {name}" for name in ("vorlagen", "bauen.sh", "./bauen.sh")
    ]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash fehlt")
def test_bash_offers_folders_after_data_and_out(capsys, tmp_path):
    script = _script(capsys, "bash", tmp_path)
    (tmp_path / "daten").mkdir()
    (tmp_path / "datei.txt").write_text("x")
    offered = _complete("bash", script + f"; cd {tmp_path}", "vorlagen --data d", "vorlagen bauen --out d")
    assert offered == ["daten", "daten"]  # folders only, no file


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh fehlt")
def test_zsh_completes_commands_with_their_german_summary(capsys, tmp_path):
    script = _script(capsys, "zsh", tmp_path)
    offered = _complete(
        "zsh",
        script,
        "vorlagen ",
        "vorlagen --out x ",
        "vorlagen vervollstaendigung ",
        "vorlagen pruefen --",
        "vorlagen --data ",
        "vorlagen text ",
        "./bauen.sh check --",
    )
    assert offered[0].split("|") == [f"{c.name}:{c.summary}" for c in COMMANDS]
    assert offered[1] == offered[0]
    assert offered[2] == "bash|zsh"
    assert [entry.split(":")[0] for entry in offered[3].split("|")] == _options("pruefen")
    assert offered[4:6] == ["_files -/", "_files "]
    assert offered[6] == offered[3]  # an English alias, after the repository's script
    assert script_text(script).splitlines()[-1] == "compdef _vorlagen vorlagen bauen.sh ./bauen.sh"


def test_an_unknown_shell_is_refused_in_german(capsys):
    with pytest.raises(SystemExit) as done:
        run(capsys, "vervollstaendigung", "fish")
    assert done.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "vorlagen vervollstaendigung: Fehler: SHELL: „fish“ geht nicht – möglich sind: 'bash', 'zsh'"
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
