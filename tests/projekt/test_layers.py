"""The package is one pipeline: no module imports from a stage above its own."""

import ast
import graphlib

import pytest

from tests.hilfen import ROOT, STAGES

PACKAGE = ROOT / "vorlagen"


def _stage(module: str) -> int:
    parts = module.split(".")
    if parts[0] != "vorlagen" or len(parts) < 2:
        return -1
    return STAGES.index(parts[1]) if parts[1] in STAGES else len(STAGES)


def test_every_module_belongs_to_a_stage():
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"]
    assert sorted(
        p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__" and p.name != "templates"
    ) == sorted(STAGES)


def test_no_import_runs_back_up():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = ".".join(("vorlagen",) + path.relative_to(PACKAGE).with_suffix("").parts)
        level = _stage(here)
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] if node.level == 0 else []
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            upward += [f"{here} → {name}" for name in names if _stage(name) > level]
    assert upward == []


def _module_of(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each module of the package → the modules of the package it imports, at the top or inside a function."""
    modules = {_module_of(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                submodules = {f"{node.module}.{alias.name}" for alias in node.names} & modules.keys()
                targets |= submodules  # `from package import submodule` takes nothing from the package's own code
                if len(submodules) < len(node.names):
                    targets.add(node.module)
            elif isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def test_no_import_circle():
    """No module reaches itself through imports, not even through one inside a function (a circle is two modules
    that can only be understood together). The standard library's topological sort finds one if there is any (a
    search of every path took minutes as the package grew)."""
    try:
        graphlib.TopologicalSorter(_imports()).prepare()
    except graphlib.CycleError as error:
        pytest.fail("Importkreis: " + " → ".join(error.args[1]))


# nachrechnen's own pipeline (docs/entwicklung/nachrechnen.md): each part imports only from the parts before it
NACHRECHNEN = ["woerter", "lesen", "aufbau", "erkennen", "urteil", "bericht", "pruefen"]


def _nachrechnen_teil(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if parts[:2] == ["vorlagen", "nachrechnen"] and len(parts) > 2 else None


def test_nachrechnen_reads_in_the_order_of_its_pipeline():
    folder = PACKAGE / "nachrechnen"
    assert sorted(p.stem for p in folder.iterdir() if p.suffix == ".py" or (p / "__init__.py").is_file()) == sorted(
        NACHRECHNEN + ["__init__"]
    )
    backwards = []
    for path in sorted(folder.rglob("*.py")):
        here = ".".join(("vorlagen",) + path.relative_to(PACKAGE).with_suffix("").parts)
        teil = _nachrechnen_teil(here)
        if teil in (None, "__init__"):  # the package's own __init__ sits above its parts
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                other = _nachrechnen_teil(node.module)
                if other is not None and NACHRECHNEN.index(other) > NACHRECHNEN.index(teil):
                    backwards.append(f"{here} → {node.module}")
    assert backwards == [], f"nachrechnen liest gegen die Reihenfolge seiner Pipeline: {backwards}"
