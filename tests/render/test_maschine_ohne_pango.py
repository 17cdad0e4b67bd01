"""A machine without Pango (issue 57, point 3): simulated by making the library fail to load, a build printed 115
lines with three Python tracebacks and blamed the memory. The machine's lack is one German line – as `vorlagen
--version` says it –, exit code 2, no document blamed, no traceback."""

from __future__ import annotations

import pytest

from tests.hilfen import run
from vorlagen.building import satzprozess
from vorlagen.core.problems import FehltHier
from vorlagen.render import libraries
from vorlagen.render.maschine import PANGO_FEHLT


def ohne_pango() -> None:
    print("WeasyPrint could not import some external libraries.")  # its English banner, on stdout
    raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")


def test_a_build_without_pango_says_so_in_one_german_line(data, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(libraries, "import_weasyprint", ohne_pango)
    monkeypatch.setattr(satzprozess, "_font_config", None)  # this process has not set up WeasyPrint yet
    code, out, err = run(capsys, "bauen", "--data", str(data), "--out", str(tmp_path / "aus"))
    assert (code, err) == (2, PANGO_FEHLT + "\n")
    assert "Traceback" not in out and "WeasyPrint could not" not in out
    assert not (tmp_path / "aus").exists()  # nothing written


def test_a_worker_without_pango_starts_quietly_and_its_first_job_says_what_is_missing(monkeypatch, capsys):
    """In a worker process the set-up runs as the pool's initializer: an exception there is a traceback on stderr
    and a broken pool, which was blamed on the memory. It starts quietly; its job raises the one line (FehltHier
    reaches the command through the job's future)."""
    import signal

    monkeypatch.setattr(libraries, "import_weasyprint", ohne_pango)
    monkeypatch.setattr(satzprozess, "_font_config", None)
    monkeypatch.setattr(signal, "signal", lambda *a: None)  # the test process keeps its Strg+C
    monkeypatch.setattr(signal, "pthread_sigmask", lambda *a: set(), raising=False)
    satzprozess.start_worker(None)
    assert capsys.readouterr() == ("", "")
    with pytest.raises(FehltHier) as fehlt:
        satzprozess.render(None)  # the job is never looked at: setting up WeasyPrint fails first
    assert str(fehlt.value) == PANGO_FEHLT
