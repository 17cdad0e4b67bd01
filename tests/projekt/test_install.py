"""The release (issue 45, point 2): `python -m build` makes sdist and wheel – also in the repository's root, where
build.py hands over to the packaging tool –, `twine check` finds them fit for PyPI, and the installation page of the
handbook, followed literally in fresh folders, installs the wheel with the lock as constraints (and without a
network from a folder of packages), scaffolds a data repository and builds it. The installed program builds the
example the same as the repository – also where the system has no time-zone database (Windows) – and shows its whole
handbook without Sphinx and without a network."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.hilfen import DATA, ROOT

INSTALLATION = ROOT / "docs" / "anleitungen" / "installation.md"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _run(command: list, cwd, env) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def shown_commands(heading: str) -> list[str]:
    """The command lines of the ```sh blocks under `### heading` of the installation page, in order; `sudo` (the
    system's packages, installed on this machine already) left out."""
    text = INSTALLATION.read_text(encoding="utf-8")
    section = text.split(f"\n### {heading}\n", 1)[1].split("\n#", 1)[0]
    blocks = re.findall(r"^```sh\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip() and not line.startswith("sudo ")]


def _follow(headings: list[str], cwd: Path, env: dict) -> str:
    """Runs what the page shows under `headings` in one shell, as a reader types it; its output."""
    script = "\n".join(["set -euo pipefail", *(line for heading in headings for line in shown_commands(heading))])
    return _run(["bash", "-c", script], cwd, env)


def _reader(tmp_path: Path, name: str, env: dict) -> dict:
    """The environment of a reader with an empty home folder, whose `python3` is the Python of these tests."""
    tools = tmp_path / f"{name}-werkzeuge"
    tools.mkdir()
    (tools / "python3").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    (tools / "python3").chmod(0o755)
    home = tmp_path / name
    home.mkdir()
    # pip's cache stays the machine's: the packages are not downloaded again for every reader
    cache = env.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")
    return dict(env, HOME=str(home), PATH=f"{tools}{os.pathsep}{env['PATH']}", PIP_CACHE_DIR=cache)


def _check_wheel(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "templates").rglob("*") if p.is_file())
    assert sorted(n.removeprefix("vorlagen/") for n in names if n.startswith("vorlagen/templates/")) == shipped
    assert not any(n.startswith(("data/", "tests/")) or n.endswith(".pyc") for n in names)
    # the handbook, reference and pictures included, built into the wheel (hatch_build.py)
    for page in ("index.html", "tutorial/index.html", "referenz/meldungen.html", "referenz/lizenzen.html"):
        assert f"vorlagen/handbuch/{page}" in names, page
    assert any(n.startswith("vorlagen/handbuch/_images/") and n.endswith(".png") for n in names)
    # the files of Sphinx and Furo in the handbook go with their licence texts (issue 57, point 3)
    for name in ("sphinx-LICENSE.rst", "furo-LICENSE", "sphinx-basic-ng-LICENSE", "pygments-LICENSE"):
        assert f"vorlagen/handbuch/_static/lizenzen/{name}" in names, name
    info = f"vorlagen-{VERSION}.dist-info"
    assert f"{info}/licenses/LICENSE" in names
    assert zipfile.ZipFile(wheel).read(f"{info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
    metadata = zipfile.ZipFile(wheel).read(f"{info}/METADATA").decode().splitlines()
    assert "License-Expression: EUPL-1.2" in metadata and "Requires-Dist: weasyprint==70.0" in metadata
    assert any(line.startswith("Requires-Dist: tzdata") for line in metadata)


def _check_sdist(sdist: Path) -> None:
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "requirements.lock", "pyproject.toml", "README.md", "hatch_build.py"} <= names
    assert "vorlagen/cli/__init__.py" in names and "docs/anleitungen/installation.md" in names
    assert not any(name.startswith(("tests/", "data/", "output/", ".venv/")) for name in names)


@pytest.mark.langsam  # builds sdist and wheel, installs it twice as the handbook says, then builds with it
def test_the_release_builds_checks_and_installs_as_the_handbook_says(tmp_path, built):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    dist = tmp_path / "dist"
    # in the repository's root, as a developer types it: build.py hands over to the packaging tool
    said = _run([sys.executable, "-m", "build", "--outdir", dist, "."], ROOT, env)
    assert f"Successfully built vorlagen-{VERSION}.tar.gz and vorlagen-{VERSION}-py3-none-any.whl" in said
    wheel, sdist = dist / f"vorlagen-{VERSION}-py3-none-any.whl", dist / f"vorlagen-{VERSION}.tar.gz"
    checked = _run([sys.executable, "-m", "twine", "check", "--strict", wheel, sdist], tmp_path, env)
    assert checked.count("PASSED") == 2, checked
    _check_wheel(wheel)
    _check_sdist(sdist)

    # the page, literally: both files in one folder, a fresh home; the wheel named is the one of this version
    paket = tmp_path / "paket"
    paket.mkdir()
    shutil.copy(wheel, paket)
    shutil.copy(ROOT / "requirements.lock", paket)
    assert f"~/.vorlagen/bin/pip install ./{wheel.name} -c requirements.lock" in shown_commands("Debian und Ubuntu")
    reader = _reader(tmp_path, "leser", env)
    out = _follow(["Debian und Ubuntu", "Ein Datenrepository anlegen"], paket, reader)
    assert f"\nvorlagen {VERSION}\nPython " in out, out  # `vorlagen --version`, after what pip says
    assert "Fertig: " in out and "(installiert:" not in out  # the tested libraries, none other
    pdfs = sorted((paket / "meine-verwaltung" / "output" / "vorlagen").rglob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF-")
    program = Path(reader["HOME"]) / ".vorlagen"
    python, vorlagen = program / "bin" / "python", program / "bin" / "vorlagen"

    # without a network: the packages fetched into a folder once, then installed from it alone
    offline = _follow(["Ohne Netz installieren"], paket, _reader(tmp_path, "ohne-netz", env))
    assert f"\nvorlagen {VERSION}\nPython " in offline and "(installiert:" not in offline, offline

    # the example (its OParl endpoint names times in Europe/Berlin), built by the installed engine with its shipped
    # house style where the system has no time-zone database: the same bytes as from here
    no_zones = tmp_path / "keine-zeitzonen"
    no_zones.mkdir()
    zoneless = dict(env, PYTHONTZPATH=str(no_zones))
    out = _run([python, "-m", "vorlagen", "--data", DATA, "--out", tmp_path / "beispiel"], tmp_path, zoneless)
    assert out.startswith("[") and "Fertig: 2 Vorlagen" in out
    for name in ("vorlagen/2021-0123/2021-0123.pdf", "vorlagen/2021-0123/2021-0123.html", "assets/vorlage.css"):
        assert (tmp_path / "beispiel" / name).read_bytes() == (built / name).read_bytes(), name

    _check_handbook(python, vorlagen, program, tmp_path, env)


def _check_handbook(python: Path, vorlagen: Path, program: Path, cwd: Path, env: dict) -> None:
    """The handbook from the installed program: no Sphinx there, nothing fetched from a network."""
    shown = _run([vorlagen, "hilfe", "--nur-bauen"], cwd, env)
    index = Path(shown.removeprefix("Handbuch: ").strip())
    assert index.is_file() and index.is_relative_to(program), shown
    assert _run([python, "-c", "import importlib.util as u; print(u.find_spec('sphinx'))"], cwd, env) == "None\n"
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


def test_the_page_shows_the_commands_the_release_test_follows():
    """The sections the slow test runs exist and hold what a reader needs (a change of a heading fails here)."""
    debian = shown_commands("Debian und Ubuntu")
    assert debian[0] == "python3 -m venv ~/.vorlagen" and debian[-1] == "vorlagen --version"
    assert all(f"vorlagen-{VERSION}-py3-none-any.whl" in line for line in debian if ".whl" in line)
    assert shown_commands("Ein Datenrepository anlegen")[-1] == "vorlagen"
    offline = shown_commands("Ohne Netz installieren")
    assert offline[0] == "python3 -m pip download -r requirements.lock -d pakete"
    assert any("--no-index --find-links pakete" in line for line in offline)
    assert shown_commands("Das Paket selbst bauen") == ["python3 -m pip install build", "python3 -m build"]


def test_python_m_build_in_the_repository_root_is_the_packaging_tool():
    """`python -m build` finds build.py first in this folder: it hands over instead of building data/."""
    done = subprocess.run(
        [sys.executable, "-m", "build", "--version"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert re.match(r"build \d+\.\d+", done.stdout), done.stdout
