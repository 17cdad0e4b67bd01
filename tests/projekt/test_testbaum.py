"""The tests mirror the package (docs/entwicklung/tests.md): a test of vorlagen/<stufe>/<modul>.py lives in
tests/<stufe>/test_<modul>[_<aspekt>].py, whole runs in tests/ablauf/, the repository in tests/projekt/; helpers in
tests/hilfen/, the exact reference in tests/referenz/ (apart from the engine); no test module imports another; every
test asserts its outcome."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.hilfen import ROOT, STAGES

TESTS = ROOT / "tests"
FREE = ["ablauf", "projekt"]  # whole runs across the stages; the repository itself
SHARED = ["hilfen", "referenz"]
OWN_PLACE = re.compile(r"Path\(__" + r"file__\)")  # written apart, so that this file does not match itself
GROUPING = re.compile(r":,\}\"\.replace\(")  # German digit groups by hand: zahl/euro of the reference do that
HALF_UP = re.compile(r"(?:floor|int)\(.*\+ F(?:raction)?\(1, 2\)")  # a rounding by hand
# the first step of a largest-remainder split by hand: the floors of all shares, or a share less its floor
SPLIT = re.compile(r"\[(?:math\.)?floor\(.+ for .+ in .+\]|\w+\[\w+\] - \w+\[\w+\]\)?\s*(?:>|<|\)|for)")


def _modules(stage: str) -> set[str]:
    """The module and package names of a stage: what a test file of that folder may be named after."""
    folder = ROOT / "vorlagen" / stage
    names = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    names |= {p.name for p in folder.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    return names | {stage}


def _test_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("test_*.py") if "fixtures" not in p.relative_to(TESTS).parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(level, module) of every import of a file; level > 0 for a relative import."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            found.append((node.level, node.module or ""))
        elif isinstance(node, ast.Import):
            found += [(0, alias.name) for alias in node.names]
    return found


def test_every_test_file_lives_in_the_folder_of_its_stage_and_is_named_after_its_module():
    misplaced = []
    for path in _test_files():
        parts = path.relative_to(TESTS).parts
        if len(parts) != 2 or parts[0] not in STAGES + FREE:
            misplaced.append(f"{'/'.join(parts)}: liegt nicht in tests/<stufe>/, tests/ablauf/ oder tests/projekt/")
            continue
        stage, name = parts[0], path.stem.removeprefix("test_")
        if stage in STAGES and not any(name == m or name.startswith(m + "_") for m in _modules(stage)):
            misplaced.append(f"{'/'.join(parts)}: vorlagen/{stage}/ hat kein Modul „{name.split('_')[0]}…“")
    assert misplaced == []


def test_the_rule_sees_a_misplaced_file():
    """The check above would catch a test in the wrong stage or beside the folders."""
    assert not any(n == "zeichnen" or n.startswith("zeichnen_") for n in _modules("compute"))
    assert "zeichnen" in _modules("cli") and "pruefen" in _modules("nachrechnen") and "review" in _modules("review")


def test_every_folder_of_tests_is_a_package_and_a_stage_a_free_or_a_shared_one():
    folders = {p.name for p in TESTS.iterdir() if p.is_dir() and p.name != "__pycache__"}
    data = {
        "fixtures",
        "golden",
        "korpus_nachrechnen",
        "korpus_nachrechnen_echt",
        "oidc",
        "oparl-1.1-schema",
        "portabel",
    }
    assert folders - data == set(STAGES + FREE + SHARED)
    assert [f for f in STAGES + FREE + SHARED if not (TESTS / f / "__init__.py").is_file()] == []
    assert sorted(p.name for p in TESTS.glob("*.py")) == ["__init__.py", "conftest.py"]


def test_no_test_module_imports_another():
    """Shared code lives in tests/hilfen (or the reference), so a test file can move without breaking another."""
    crossing = []
    for path in _test_files():
        for level, module in _imports(path):
            if level or (module.startswith("tests") and not module.startswith(("tests.hilfen", "tests.referenz"))):
                crossing.append(f"{path.relative_to(TESTS)}: {'.' * level}{module}")
    assert crossing == []


def test_the_reference_is_written_apart_from_the_engine():
    """tests/referenz imports nothing of vorlagen and no helper: its figures cannot be the engine's own."""
    borrowed = [
        f"{path.relative_to(TESTS)}: {module}"
        for path in sorted((TESTS / "referenz").rglob("*.py"))
        for _, module in _imports(path)
        if module.split(".")[0] == "vorlagen" or module.startswith("tests.hilfen")
    ]
    assert borrowed == []


def test_the_half_up_rounding_and_the_german_digits_are_written_once():
    """The idioms of a rounding by hand (`+ Fraction(1, 2)` before a floor or int) and of German digit groups by
    hand (`f"{x:,}".replace(…)`) stand only in the reference."""
    written = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(TESTS.rglob("*.py"))
        if "referenz" not in path.relative_to(TESTS).parts and path.name != "test_testbaum.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HALF_UP.search(line) or GROUPING.search(line)
    ]
    assert written == []


def _splits(path: Path) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{number}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SPLIT.search(line)
    ]


def test_the_largest_remainder_split_is_written_once():
    """The split that makes parts add up (floors, then the largest remainders) stands only in the reference
    (tests/referenz/rechnen.py: verteilen); a test that needs parts calls it."""
    written = [
        place
        for path in sorted(TESTS.rglob("*.py"))
        if "referenz" not in path.relative_to(TESTS).parts and path.name != "test_testbaum.py"
        for place in _splits(path)
    ]
    assert written == []
    assert _splits(TESTS / "referenz" / "rechnen.py")  # the rule sees the idiom where it is written


def _asserts(function: ast.AST, helpers: dict[str, ast.AST], seen: set[str]) -> bool:
    """Whether a test asserts: an assert, pytest.raises/warns/fail, a raised AssertionError, or a call of a helper of
    its module that does."""
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Raise) and node.exc is not None and "AssertionError" in ast.unparse(node.exc):
            return True
        if isinstance(node, ast.withitem) and any(
            word in ast.unparse(node.context_expr) for word in ("raises", "warns")
        ):
            return True
        if isinstance(node, ast.Call):
            called = ast.unparse(node.func)
            if called.startswith(("pytest.fail", "pytest.raises")):
                return True
            name = called.split(".")[-1]
            if name in helpers and name not in seen:
                seen.add(name)
                if _asserts(helpers[name], helpers, seen):
                    return True
    return False


def _silent(source: str) -> list[str]:
    tree = ast.parse(source)
    helpers = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    tests = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test")]
    tests += [
        m
        for c in tree.body
        if isinstance(c, ast.ClassDef)
        for m in c.body
        if isinstance(m, ast.FunctionDef) and m.name.startswith("test")
    ]
    return [t.name for t in tests if not _asserts(t, helpers, set())]


def test_every_test_asserts_its_outcome():
    """A test that only runs code passes whatever the code returns: each one asserts something that could fail."""
    silent = [
        f"{path.relative_to(TESTS)}::{name}"
        for path in _test_files()
        for name in _silent(path.read_text(encoding="utf-8"))
    ]
    assert silent == []


def test_the_assertion_check_sees_a_silent_test():
    source = (
        "def helper(x):\n    assert x\n\n"
        "def test_silent():\n    compute()\n\n"
        "def test_via_helper():\n    helper(1)\n\n"
        "def test_raises():\n    with pytest.raises(ValueError):\n        compute()\n\n"
        "def wait_for(c):\n    if not c():\n        raise AssertionError('not in time')\n\n"
        "def test_waits():\n    wait_for(ready)\n"
    )
    assert _silent(source) == ["test_silent"]


def test_a_test_finds_the_repository_through_root_not_through_its_own_place():
    """A path built from the test file's own place breaks when the file moves to another folder; ROOT, DATA,
    FIXTURES … of tests.hilfen do not."""
    own_place = [
        str(path.relative_to(TESTS)) for path in _test_files() if OWN_PLACE.search(path.read_text(encoding="utf-8"))
    ]
    assert own_place == []
