"""The wheel: installed into a fresh virtual environment outside the repository, it scaffolds and builds – also where
the system has no time-zone database (Windows) – and shows its whole handbook without Sphinx and without a network."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.hilfen import DATA, ROOT


def _run(command: list, cwd, env) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.langsam  # builds and installs the wheel, then the example with it
def test_wheel_installs_and_builds_outside_the_repository(tmp_path, built):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "dist", ROOT], tmp_path, env)
    wheel = next((tmp_path / "dist").glob("vorlagen-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "templates").rglob("*") if p.is_file())
    assert sorted(n.removeprefix("vorlagen/") for n in names if n.startswith("vorlagen/templates/")) == shipped
    assert not any(n.startswith(("data/", "tests/")) or n.endswith(".pyc") for n in names)
    # the handbook, reference and pictures included, built into the wheel (hatch_build.py)
    for page in ("index.html", "tutorial/index.html", "referenz/meldungen.html", "referenz/daten.html", "search.html"):
        assert f"vorlagen/handbuch/{page}" in names, page
    assert any(n.startswith("vorlagen/handbuch/_images/") and n.endswith(".png") for n in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    requires = [line for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines() if "Requires-Dist" in line]
    assert any(line.startswith("Requires-Dist: tzdata") for line in requires), requires

    home = tmp_path / "venv"
    venv.create(home, with_pip=True)
    python, vorlagen = home / "bin" / "python", home / "bin" / "vorlagen"
    # the wheel's dependencies in the versions of requirements.lock (from pip's cache where it has them)
    _run([python, "-m", "pip", "install", "-q", wheel, "-c", ROOT / "requirements.lock"], tmp_path, env)

    assert _run([vorlagen, "--version"], tmp_path, env).startswith("vorlagen 0.")
    _run([vorlagen, "neu", "x"], tmp_path, env)
    _run([vorlagen], tmp_path / "x", env)
    pdfs = sorted((tmp_path / "x" / "output" / "vorlagen").rglob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF-")

    # the example (its OParl endpoint names times in Europe/Berlin), built by the installed engine with its shipped
    # house style where the system has no time-zone database: the same bytes as from here
    no_zones = tmp_path / "keine-zeitzonen"
    no_zones.mkdir()
    zoneless = dict(env, PYTHONTZPATH=str(no_zones))
    out = _run([python, "-m", "vorlagen", "--data", DATA, "--out", tmp_path / "beispiel"], tmp_path, zoneless)
    assert out.startswith("[") and "Fertig: 2 Vorlagen" in out
    for name in ("vorlagen/2021-0123/2021-0123.pdf", "vorlagen/2021-0123/2021-0123.html", "assets/vorlage.css"):
        assert (tmp_path / "beispiel" / name).read_bytes() == (built / name).read_bytes(), name

    # the handbook from the installed program: no Sphinx there, nothing fetched from a network
    shown = _run([vorlagen, "hilfe", "--nur-bauen"], tmp_path, env)
    index = Path(shown.removeprefix("Handbuch: ").strip())
    assert index.is_file() and index.is_relative_to(home), shown
    assert _run([python, "-c", "import importlib.util as u; print(u.find_spec('sphinx'))"], tmp_path, env) == "None\n"
    handbook = index.parent
    assert "## `vorlagen hilfe`" not in (handbook / "referenz" / "befehle.html").read_text(encoding="utf-8")
    assert "vorlagen hilfe" in (handbook / "referenz" / "befehle.html").read_text(encoding="utf-8")
    remote = re.compile(
        r"""src=["']https?://|url\(\s*["']?https?://|@import\s+["']?https?://|<link[^>]*href=["']https?://"""
    )
    for page in handbook.rglob("*"):
        if page.suffix in (".html", ".css", ".js"):
            loaded = remote.findall(page.read_text(encoding="utf-8", errors="replace"))
            assert loaded == [], f"{page.relative_to(handbook)} lädt aus dem Netz: {loaded}"
