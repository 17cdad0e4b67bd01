"""A table kind lives in one place per stage (issue 58, point 1): each stage reaches what varies by kind through its
own registry, keyed by the kind's name, and no other module switches on a kind by its name."""

from __future__ import annotations

import ast
import re

from tests.hilfen import ROOT
from vorlagen.building.bearbeiten.tabellenarten import ZEILEN
from vorlagen.compute.tabellenarten import KINDS
from vorlagen.load.tabellenarten import ARTEN
from vorlagen.migration.tabellenarten import UMSTELLUNG
from vorlagen.render.tabellenarten import DRUCK
from vorlagen.review.tabellenarten import PRUEFUNG

REGISTER = {  # module → its registry, lowest stage first
    "vorlagen/load/tabellenarten.py": ARTEN,
    "vorlagen/compute/tabellenarten.py": KINDS,
    "vorlagen/render/tabellenarten.py": DRUCK,
    "vorlagen/building/bearbeiten/tabellenarten.py": ZEILEN,
    "vorlagen/migration/tabellenarten.py": UMSTELLUNG,
    "vorlagen/review/tabellenarten.py": PRUEFUNG,
}


def test_every_stage_knows_the_same_kinds_in_the_same_order():
    """The order is the load registry's: the order of the schema's choices and of „Möglich sind: …“."""
    for module, register in REGISTER.items():
        assert list(register) == list(ARTEN), module


def _schaltet(tree: ast.AST, arten: set[str]) -> list[tuple[int, str]]:
    """(line, kind) of every place that switches on a kind by its name: a comparison with it (also in a tuple or set
    of choices), a key of a dict, an index, a case of a match, a choice of a Literal."""
    found = []

    def named(node: ast.AST | None) -> list[ast.Constant]:
        if isinstance(node, ast.Constant) and node.value in arten:
            return [node]
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            return [c for element in node.elts for c in named(element)]
        return []

    for node in ast.walk(tree):
        places: list[ast.Constant] = []
        if isinstance(node, ast.Compare):
            for operand in (node.left, *node.comparators):
                places += named(operand)
        elif isinstance(node, ast.Dict):
            for key in node.keys:
                places += named(key)
        elif isinstance(node, ast.Subscript):
            places += named(node.slice)
        elif isinstance(node, ast.MatchValue):
            places += named(node.value)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "get" and node.args:
            places += named(node.args[0])
        found += [(c.lineno, c.value) for c in places]
    return found


def test_no_module_but_the_registries_switches_on_a_kind_by_its_name():
    """Words printed as labels („Eigenanteil“ as a row, a column head) are no switch and stay where they print."""
    arten = set(ARTEN)
    found = [
        f"{p.relative_to(ROOT).as_posix()}:{line}: „{art}“"
        for p in sorted((ROOT / "vorlagen").rglob("*.py"))
        if p.relative_to(ROOT).as_posix() not in REGISTER
        for line, art in _schaltet(ast.parse(p.read_text(encoding="utf-8")), arten)
    ]
    assert found == []


def test_the_check_finds_a_switch_by_name():
    """The check above would see what it forbids (else it proves nothing)."""
    code = 'if t.art == "Matrix" or b.art in ("Vergleich",):\n    x = {"Aufstellung": 1}["Eigenanteil"]\n'
    assert sorted(_schaltet(ast.parse(code), set(ARTEN))) == [
        (1, "Matrix"),
        (1, "Vergleich"),
        (2, "Aufstellung"),
        (2, "Eigenanteil"),
    ]


def test_no_template_names_a_kind():
    """The templates set a table by the macro render/tabellenarten.py names for its kind (`t | makro`), never by
    comparing its `art`."""
    quoted = re.compile("[\"'](" + "|".join(map(re.escape, ARTEN)) + ")[\"']")
    found = [
        f"{p.relative_to(ROOT).as_posix()}: {match.group(0)}"
        for p in sorted((ROOT / "templates").rglob("*.j2"))
        for match in quoted.finditer(p.read_text(encoding="utf-8"))
    ]
    assert found == []
