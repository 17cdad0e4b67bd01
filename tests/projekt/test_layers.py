"""The package is one pipeline: no module imports from a stage above its own."""

import ast

from tests.hilfen import ROOT

PACKAGE = ROOT / "vorlagen"
STAGES = ["core", "load", "compute", "render", "meetings", "building", "review", "cli"]


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
