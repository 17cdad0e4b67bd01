"""WeasyPrint's text libraries are found from the kept lookups without asking the system again, load the same
libraries as without them, and a kept file can never make the program load a library from a path it names
(issue 25: a render worker's start)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hilfen import ROOT

pytestmark = pytest.mark.skipif(
    not os.path.exists("/etc/ld.so.cache"), reason="nur wo das System eine Bibliotheksliste führt (Linux)"
)

# a fresh interpreter per run (WeasyPrint is imported once per process): imports WeasyPrint our way and reports
# how often the system was asked and which library files the process has loaded
PROBE = """
import ctypes.util, json, sys
asked = []
original = ctypes.util.find_library
ctypes.util.find_library = lambda name: asked.append(name) or original(name)
from vorlagen.render.libraries import import_weasyprint
import_weasyprint()
maps = open("/proc/self/maps").read()
loaded = sorted({line.split()[-1].rsplit("/", 1)[-1] for line in maps.splitlines()
                 if any(n in line for n in ("libpango", "libharfbuzz", "libfontconfig", "libgobject"))})
print(json.dumps({"asked": len(asked), "loaded": loaded}))
"""


def _probe(cache: Path) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_second_start_asks_the_system_nothing_and_loads_the_same_libraries(tmp_path):
    first = _probe(tmp_path)
    assert first["asked"] > 0 and first["loaded"]  # the system was asked, and the lookups kept
    assert (tmp_path / "vorlagen" / "bibliotheken.txt").is_file()
    second = _probe(tmp_path)
    assert second == {"asked": 0, "loaded": first["loaded"]}


def test_a_kept_path_is_never_loaded_and_a_wrong_name_changes_nothing(tmp_path):
    first = _probe(tmp_path)
    kept = tmp_path / "vorlagen" / "bibliotheken.txt"
    stamp, *lines = kept.read_text(encoding="utf-8").splitlines()
    evil = tmp_path / "boese.so"
    evil.write_bytes(b"\x7fELF")  # never loaded: a path is no answer the file may give
    as_path = [f"{line.split(chr(9))[0]}\t{evil}" for line in lines]
    kept.write_text("\n".join([stamp, *as_path]) + "\n", encoding="utf-8")
    assert _probe(tmp_path) == first  # the file is refused whole: the system is asked as without it
    wrong = [f"{line.split(chr(9))[0]}\tlibgibtesnicht.so.9" for line in lines]
    kept.write_text("\n".join([stamp, *wrong]) + "\n", encoding="utf-8")
    assert _probe(tmp_path)["loaded"] == first["loaded"]  # a name that does not load: WeasyPrint tries the next
