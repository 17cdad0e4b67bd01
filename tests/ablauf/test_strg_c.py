"""Strg+C in a terminal reaches every process of the command: only the parent answers, in German; the render
workers print no traceback of their own."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.hilfen import ROOT, free_port
from vorlagen import cli
from vorlagen.cli import ausfuehrung

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="braucht Linux (/proc, Prozessgruppen)")


def _children(pid: int) -> list[str]:
    try:
        return [
            child
            for task in os.listdir(f"/proc/{pid}/task")
            for child in open(f"/proc/{pid}/task/{task}/children").read().split()
        ]
    except OSError:
        return []


def _strg_c_wie_im_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interrupt(args: list[str], after: str | None) -> tuple[int, str, str]:
    """Runs build.py in its own process group, waits for a line starting with `after` (None: for its first child
    process, a render worker) and sends SIGINT to the whole group, as a terminal does on Strg+C."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "VORLAGEN_WORKER": "2"},  # the tests' default is none
        # a terminal's command gets Strg+C; a test run started in the background (`pytest &`) ignores it and would
        # pass that on, and Python then never raises KeyboardInterrupt
        preexec_fn=_strg_c_wie_im_terminal,
    )
    out = ""
    try:
        if after is None:
            deadline = time.monotonic() + 60
            while not _children(process.pid) and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.02)
            assert _children(process.pid), "kein Prozess zum Setzen gestartet"
        else:
            for line in process.stdout:
                out += line
                if line.startswith(after):
                    break
        time.sleep(0.2)
        os.killpg(process.pid, signal.SIGINT)
        rest, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    return process.returncode, out + rest, err


def test_strg_c_in_the_preview_ends_it_quietly(data, tmp_path):
    code, out, err = interrupt(
        ["vorschau", "--data", str(data), "--out", str(tmp_path / "output"), "--port", str(free_port())], "Vorschau: "
    )
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err == ""
    assert out.splitlines()[-1] == "Vorschau beendet (Strg+C)."
    assert code == 0


@pytest.mark.langsam  # builds whole repositories
@pytest.mark.parametrize("after", [None, "["])  # while the workers start and import WeasyPrint; while they render
def test_strg_c_in_a_build_prints_one_german_line(data, tmp_path, after):
    code, out, err = interrupt(["bauen", "--data", str(data), "--out", str(tmp_path / "output")], after)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.strip() == "Abgebrochen (Strg+C) – die bisherige Ausgabe ist unverändert."
    assert code == 130
    assert not (tmp_path / "output").exists()


def _raising(error: BaseException):
    def run(args):
        raise error

    return run


def _wrapped(stop: BaseException) -> RuntimeError:
    """What Python 3.11 makes of Strg+C while a class body is set up during an import (dataclasses' __set_name__):
    a RuntimeError raised from the KeyboardInterrupt."""
    try:
        raise stop
    except BaseException as cause:
        try:
            raise RuntimeError("Error calling __set_name__ on 'Field' instance 'name' in 'Foerdersatz'") from cause
        except RuntimeError as wrapped:
            return wrapped


@pytest.mark.parametrize(
    ("stop", "line", "expected_code"),
    [
        (KeyboardInterrupt(), "Abgebrochen (Strg+C) – die bisherige Ausgabe ist unverändert.", 130),
        (ausfuehrung.Beendet(), "Beendet (Signal TERM) – die bisherige Ausgabe ist unverändert.", 143),
    ],
)
def test_a_stop_wrapped_by_an_import_still_prints_one_german_line(monkeypatch, capsys, data, stop, line, expected_code):
    commands = [
        dataclasses.replace(command, run=_raising(_wrapped(stop))) if command.name == "pruefen" else command
        for command in cli.COMMANDS
    ]
    monkeypatch.setattr(cli, "COMMANDS", commands)
    code = cli.main(["pruefen", "--data", str(data)])
    err = capsys.readouterr().err
    assert err.strip() == line
    assert code == expected_code


def test_an_error_of_the_program_itself_keeps_its_traceback(monkeypatch, data):
    commands = [
        dataclasses.replace(command, run=_raising(RuntimeError("Fehler im Programm")))
        if command.name == "pruefen"
        else command
        for command in cli.COMMANDS
    ]
    monkeypatch.setattr(cli, "COMMANDS", commands)
    with pytest.raises(RuntimeError, match="Fehler im Programm"):
        cli.main(["pruefen", "--data", str(data)])
