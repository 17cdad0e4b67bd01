"""Modules are cut by job, and a name means one thing (issue 58, point 4): no catch-all module (its name says only
that its parts fit nowhere else), and no two functions called `gekuerzt` with two meanings."""

from __future__ import annotations

import ast

from tests.hilfen import ROOT

SAMMELNAMEN = {"weitere", "sonstiges", "sonstige", "diverses", "misc", "utils", "util", "helpers", "helper", "common"}


def test_no_module_is_a_catch_all():
    found = [
        p.relative_to(ROOT).as_posix()
        for p in sorted((ROOT / "vorlagen").rglob("*"))
        if "__pycache__" not in p.parts and (p.stem if p.suffix == ".py" else p.name) in SAMMELNAMEN
    ]
    assert found == []


def test_gekuerzt_is_one_function_that_shortens_a_text():
    """core/fmt.gekuerzt cuts a text for a listing; the check of compute/darstellung that a `stellen` drops typed
    digits was called `gekuerzt` too."""
    definiert = [
        p.relative_to(ROOT).as_posix()
        for p in sorted((ROOT / "vorlagen").rglob("*.py"))
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name == "gekuerzt"
    ]
    assert definiert == ["vorlagen/core/fmt.py"]
