"""Issue 47, point 3: nothing is passed behind the back. A context variable stays only where a bounded reader needs
one – the records of what a computation reads and where it may read (core/reads.py), the sources kept while a data
file is read (load/yamlfile.py) and the notation fallbacks noted while a value is read (load/schreibweise.py) –, each
documented in docs/entwicklung/architektur.md with why. Formatting travels as a Zahlformat the Körperschaft carries."""

from __future__ import annotations

import ast

from tests.hilfen import ROOT

PACKAGE = ROOT / "vorlagen"
ARCHITEKTUR = ROOT / "docs" / "entwicklung" / "architektur.md"
# module → the context variables it may hold: the bounded readers' records
ERLAUBT = {
    "core/reads.py": {"_active", "_allowed", "_overlay"},
    "load/yamlfile.py": {"_keeping"},
    "load/schreibweise.py": {"_altlesungen"},
}


def kontextvariablen(source: str) -> list[str]:
    """The context variables a module's source makes: the name each `ContextVar(…)` is bound to (`?` where it is
    bound to none), whether called as `ContextVar` or `contextvars.ContextVar`."""
    tree = ast.parse(source)
    found, bound = [], set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            calls = [id(n) for n in ast.walk(node.value) if _ist_kontextvariable(n)]
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found += [t.id if isinstance(t, ast.Name) else "?" for t in targets] if calls else []
            bound.update(calls)
    return found + ["?" for n in ast.walk(tree) if _ist_kontextvariable(n) and id(n) not in bound]


def _ist_kontextvariable(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    f = node.func
    return (isinstance(f, ast.Name) and f.id == "ContextVar") or (
        isinstance(f, ast.Attribute) and f.attr == "ContextVar"
    )


def test_the_scan_finds_a_context_variable():
    assert kontextvariablen(
        "from contextvars import ContextVar\n_waehrung = ContextVar('waehrung', default='€')\n"
    ) == ["_waehrung"]
    assert kontextvariablen("import contextvars\nx: contextvars.ContextVar[str] = contextvars.ContextVar('x')\n") == [
        "x"
    ]
    assert kontextvariablen("import contextvars\nSTATE = {'sign': contextvars.ContextVar('sign')}\n") == ["STATE"]
    assert kontextvariablen("from contextvars import ContextVar\ndef f():\n    return ContextVar('y')\n") == ["?"]
    assert kontextvariablen("from contextvars import ContextVar\n\n# ContextVar(...) in a comment\n") == []


def test_context_variables_only_where_a_bounded_reader_needs_them():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        names = kontextvariablen(path.read_text(encoding="utf-8"))
        if names:
            found[path.relative_to(PACKAGE).as_posix()] = set(names)
    behind_the_back = {module: names - ERLAUBT.get(module, set()) for module, names in found.items()}
    assert {module: names for module, names in behind_the_back.items() if names} == {}
    assert found == ERLAUBT  # an entry that is no longer needed leaves the list, and the architecture page


def test_each_context_variable_is_documented_with_why():
    page = ARCHITEKTUR.read_text(encoding="utf-8")
    section = page.split("## Kontextvariablen", 1)[1].split("\n## ", 1)[0]
    for module, names in ERLAUBT.items():
        assert module in section, module
        for name in names:
            assert f"`{name}`" in section, name
    assert "Zahlformat" in section
