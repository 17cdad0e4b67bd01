"""Code hygiene (issue 26): ruff and the type check are clean, the code names no file that is gone, modules and
functions stay short, and the set-up installs for building no test tool."""

from __future__ import annotations

import ast
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


MAX_ZEILEN = 400  # a module has one job; past this length it has more (docs/entwicklung/architektur.md)
# Modules still longer, each with the issue whose work brings it under the limit ("building/builder.py": 36). Remove
# the line when it is done: the test fails while an exception is no longer needed.
ZU_LANG: dict[str, int] = {}


def _zu_lang(zeilen: dict[str, int], ausnahmen: dict[str, int]) -> list[str]:
    """What is wrong with the modules' lengths (module under vorlagen/ → lines) against the known exceptions."""
    fehler = [
        f"vorlagen/{modul}: {anzahl} Zeilen – mehr als {MAX_ZEILEN}: teilen Sie es nach seinen Aufgaben"
        for modul, anzahl in sorted(zeilen.items())
        if anzahl > MAX_ZEILEN and modul not in ausnahmen
    ]
    fehler += [
        f"vorlagen/{modul}: {'gibt es nicht mehr' if modul not in zeilen else f'hat nur noch {zeilen[modul]} Zeilen'}"
        f" – streichen Sie die Ausnahme (Issue {issue}) aus ZU_LANG"
        for modul, issue in sorted(ausnahmen.items())
        if zeilen.get(modul, 0) <= MAX_ZEILEN
    ]
    return fehler


def test_no_module_is_longer_than_400_lines():
    package = ROOT / "vorlagen"
    zeilen = {
        path.relative_to(package).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in package.rglob("*.py")
    }
    assert len(zeilen) > 150
    assert _zu_lang(zeilen, ZU_LANG) == []


def test_the_length_check_finds_a_long_module_and_a_stale_exception():
    assert _zu_lang(
        {"load/kurz.py": 400, "load/lang.py": 401, "compute/geteilt.py": 120, "cli/alt.py": 900},
        {"compute/geteilt.py": 7, "building/weg.py": 8, "cli/alt.py": 9},
    ) == [
        "vorlagen/load/lang.py: 401 Zeilen – mehr als 400: teilen Sie es nach seinen Aufgaben",
        "vorlagen/building/weg.py: gibt es nicht mehr – streichen Sie die Ausnahme (Issue 8) aus ZU_LANG",
        "vorlagen/compute/geteilt.py: hat nur noch 120 Zeilen – streichen Sie die Ausnahme (Issue 7) aus ZU_LANG",
    ]


MAX_FUNKTIONSZEILEN = 80  # a function has one job; past this length it has more (docs/entwicklung/architektur.md)


def _zu_lange_funktionen(quellen: dict[str, str]) -> list[str]:
    """The functions and methods longer than MAX_FUNKTIONSZEILEN (module under vorlagen/ → its source), counted
    from `def` to their last line, decorators not counted."""
    fehler = []
    for modul, text in sorted(quellen.items()):
        funktionen = [
            node for node in ast.walk(ast.parse(text)) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        ]
        for node in sorted(funktionen, key=lambda node: node.lineno):
            anzahl = node.end_lineno - node.lineno + 1
            if anzahl > MAX_FUNKTIONSZEILEN:
                fehler.append(
                    f"vorlagen/{modul}:{node.lineno} {node.name}: {anzahl} Zeilen – mehr als {MAX_FUNKTIONSZEILEN}: "
                    "teilen Sie sie nach ihren Aufgaben"
                )
    return fehler


def test_no_function_is_longer_than_80_lines():
    """Issue 47, point 1: no function or method in vorlagen/ over 80 lines, split by what each part does."""
    package = ROOT / "vorlagen"
    quellen = {path.relative_to(package).as_posix(): path.read_text(encoding="utf-8") for path in package.rglob("*.py")}
    assert len(quellen) > 150
    assert _zu_lange_funktionen(quellen) == []


def test_the_function_length_check_finds_each_long_function():
    def funktion(kopf: str, zeilen: int, einzug: str = "") -> str:
        """A function of `zeilen` lines from its `def` on."""
        return f"{einzug}{kopf}\n" + f"{einzug}    x = 1\n" * (zeilen - 1)

    assert _zu_lange_funktionen(
        {
            "load/kurz.py": funktion("def genau_achtzig():", 80),
            "review/lang.py": (
                "import functools\n\n\n"  # lines 1–3
                + "@functools.cache\n@functools.wraps(len)\n"  # decorators (4–5) are not counted
                + funktion("def geschmueckt():", 80)  # 6–85
                + funktion("async def warten():", 81)  # 86–166
                + "class Stil:\n"  # 167
                + funktion("def check(self):", 81, "    ")  # 168–248
                + funktion("def aussen():", 3)  # 249–251
                + funktion("def innen():", 82, "    ")  # 252–333, nested in aussen, which it makes 85 lines long
            ),
        }
    ) == [
        "vorlagen/review/lang.py:86 warten: 81 Zeilen – mehr als 80: teilen Sie sie nach ihren Aufgaben",
        "vorlagen/review/lang.py:168 check: 81 Zeilen – mehr als 80: teilen Sie sie nach ihren Aufgaben",
        "vorlagen/review/lang.py:249 aussen: 85 Zeilen – mehr als 80: teilen Sie sie nach ihren Aufgaben",
        "vorlagen/review/lang.py:252 innen: 82 Zeilen – mehr als 80: teilen Sie sie nach ihren Aufgaben",
    ]


# a text cut by hand: `text[: n - 1] + "…"` or `text[:59].rstrip() + "…"`
_EIGENE_KUERZUNG = re.compile(r"\[\s*:[^\]]+\](?:\.rstrip\([^)]*\))?\s*\+\s*\"…\"")


def _kuerzungen(texte: dict[str, str]) -> list[str]:
    """The modules (but core/fmt.py, home of `gekuerzt`) that cut a text with „…“ themselves."""
    return sorted(name for name, text in texte.items() if name != "core/fmt.py" and _EIGENE_KUERZUNG.search(text))


def test_one_text_shortener():
    """Issue 47, point 5: every text shortened for a message or a listing goes through core.fmt.gekuerzt."""
    package = ROOT / "vorlagen"
    texte = {path.relative_to(package).as_posix(): path.read_text(encoding="utf-8") for path in package.rglob("*.py")}
    assert "core/fmt.py" in texte
    assert _kuerzungen(texte) == []


def test_the_shortener_check_finds_a_cut_by_hand():
    assert _kuerzungen(
        {
            "render/a.py": 'shown = zeile if len(zeile) <= 60 else zeile[:59] + "…"',
            "render/b.py": 'return text[: SHOWN - 1].rstrip() + "…"',
            "review/c.py": "return gekuerzt(text, 60)",
            "core/fmt.py": 'return teil[:wortgrenze] + "…"',
        }
    ) == ["render/a.py", "render/b.py"]


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
