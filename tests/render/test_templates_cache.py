"""Compiled templates are kept in the user's cache folder, only the program's own ones, and only code made under
the same Jinja, Python and sandbox is ever used (issue 25: a command after one edit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.hilfen import ROOT

# a fresh interpreter per run: renders one of the program's templates and one of the data folder's own, and says
# how many templates it compiled itself (Jinja's compile step) and what the own template printed
PROBE = """
import json, sys
from pathlib import Path
from jinja2 import Environment
compiled = []
original = Environment.compile
def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
    compiled.append(name)
    return original(self, source, name, filename, raw, defer_init)
Environment.compile = counting
from vorlagen.core.problems import Paths
from vorlagen.core.fmt import Zahlformat
from vorlagen.render.templates import Templates
data = Path(sys.argv[1])
templates = Templates(data, Paths(data.parent), Zahlformat("€"))
shown, _ = templates.render("entwurf.html.j2", wer="Kämmerei")
own, _ = templates.render("eigen.html.j2", wert=7)
print(json.dumps({"compiled": sorted(compiled), "own": own.strip(), "shown": "Kämmerei" in shown}))
"""


def _probe(cache: Path, data: Path) -> dict:
    import json

    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(data)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "daten"
    (data / "templates").mkdir(parents=True)
    (data / "templates" / "eigen.html.j2").write_text("<p>{{ wert * 6 }}</p>\n", encoding="utf-8")
    return data


def test_the_second_process_compiles_only_the_data_folders_own_template(tmp_path):
    cache, data = tmp_path / "cache", _data(tmp_path)
    first = _probe(cache, data)
    assert "entwurf.html.j2" in first["compiled"] and "eigen.html.j2" in first["compiled"]
    kept = sorted(p.name for p in (cache / "vorlagen").glob("vorlage-*.jinja"))
    assert kept, "the program's own templates are kept"
    second = _probe(cache, data)
    assert second["compiled"] == ["eigen.html.j2"]  # a data folder's template is never kept
    assert second["own"] == first["own"] == "<p>42</p>" and second["shown"]
    assert sorted(p.name for p in (cache / "vorlagen").glob("vorlage-*.jinja")) == kept


def test_kept_code_of_another_sandbox_or_a_damaged_file_is_never_used(tmp_path):
    cache, data = tmp_path / "cache", _data(tmp_path)
    _probe(cache, data)
    files = sorted((cache / "vorlagen").glob("vorlage-*.jinja"))
    stamp, _, code = files[0].read_bytes().partition(b"\n")
    files[0].write_bytes(stamp.replace(b" ", b" x", 1) + b"\n" + code)  # made under another program version
    for damaged in files[1:]:
        damaged.write_bytes(damaged.read_bytes()[:40])  # cut off while written by hand or a full disk
    again = _probe(cache, data)
    assert "entwurf.html.j2" in again["compiled"] and again["shown"]
    assert len(again["compiled"]) == len(files) + 1  # every template compiled anew, none from the bad files
    healed = _probe(cache, data)
    assert healed["compiled"] == ["eigen.html.j2"]  # the rewritten files serve the next process
