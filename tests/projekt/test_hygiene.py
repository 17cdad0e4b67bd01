"""Code hygiene (issue 26): ruff and the type check are clean, the code names no file that is gone, and the set-up
installs for building no test tool."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.hilfen import ROOT

BIN = Path(sys.executable).parent


def _tool(name: str, *args: str) -> subprocess.CompletedProcess:
    tool = BIN / name
    assert tool.is_file(), f"{name} fehlt in {BIN} – richten Sie die Tests mit scripts/setup.sh --test ein."
    return subprocess.run([str(tool), *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_is_clean():
    done = _tool("ruff", "check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_code_is_formatted():
    """`ruff format` owns the layout of every Python file: run it before committing."""
    done = _tool("ruff", "format", "--check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_type_check_of_core_load_and_compute_is_clean():
    done = _tool("mypy")  # what and how: [tool.mypy] in pyproject.toml
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Success: no issues found")


def test_the_type_check_would_find_an_error(tmp_path):
    """The configuration checks something: a wrong type in core is an error."""
    broken = tmp_path / "kaputt.py"
    broken.write_text("from vorlagen.core.fmt import anzahl\n\nanzahl('3', 'Problem', 'Probleme')\n", encoding="utf-8")
    done = _tool("mypy", str(broken))
    assert done.returncode == 1 and "[arg-type]" in done.stdout, done.stdout


def test_every_file_the_code_names_exists():
    """A comment or docstring that names a module (`see workers.py`) names one that is there."""
    names = {path.name for path in ROOT.rglob("*.py") if ".venv" not in path.parts}
    stale = []
    for path in sorted((ROOT / "vorlagen").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"(?<![\w./-])([\w/]+\.py)\b", text):
            named = match.group(1)
            found = (
                (ROOT / named).is_file() or (ROOT / "vorlagen" / named).is_file() or (path.parent / named).is_file()
                if "/" in named
                else named in names
            )
            if not found:
                stale.append(f"{path.relative_to(ROOT)}: {named}")
    assert stale == []


def _pins(name: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith(("#", "-r ")):
            package, version = line.split("==")
            pins[package.lower().replace("_", "-")] = version
    return pins


def test_building_installs_no_test_tool_and_testing_adds_them():
    run, test = _pins("requirements.lock"), _pins("requirements-test.lock")
    for tool in ("pytest", "hypothesis", "jsonschema", "playwright", "ruff", "mypy", "greenlet", "pyee"):
        assert tool not in run and tool in test, tool
    assert not set(run) & set(test)  # each pin in one place
    assert (ROOT / "requirements-test.lock").read_text(encoding="utf-8").count("\n-r requirements.lock\n") == 1
    assert "scripts/setup.sh\n" in (ROOT / "bauen.sh").read_text(encoding="utf-8")  # without --test
    assert "scripts/setup.sh --test\n" in (ROOT / "testen.sh").read_text(encoding="utf-8")


def test_the_validators_live_in_the_project_not_in_opt():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".werkzeuge/" in ignored
    for script in (
        "scripts/setup.sh",
        "scripts/pdf-pruefen.sh",
        "scripts/validators/einrichten.sh",
        "tests/render/test_conformance.py",
    ):
        text = (ROOT / script).read_text(encoding="utf-8")
        assert "/opt" not in text and ".werkzeuge" in text, script
