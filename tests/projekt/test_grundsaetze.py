"""The principles the code cites live in the repository (issue 58, point 5): docs/entwicklung/grundsaetze.md numbers
them, and every citation in the code and the tests names that page and a principle it has."""

from __future__ import annotations

import re

from tests.hilfen import ROOT

SEITE = ROOT / "docs" / "entwicklung" / "grundsaetze.md"
ZITAT = re.compile(r"docs/entwicklung/grundsaetze\.md,\s+Grundsatz\s+(\d+)")
# a citation of a file the repository does not have, or of a principle by number without the page
FREMD = re.compile(r"DESIGN\.md|DESIGN principle|\bprinciple \d+|\(Grundsatz \d+\)")


def _quellen() -> list:
    return sorted(
        p
        for folder in ("vorlagen", "tests", "benchmark", "scripts")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in (".py", ".yaml", ".md", ".j2", ".txt") and "fixtures" not in p.parts and p.is_file()
    )


def _nummern() -> set[int]:
    return {int(n) for n in re.findall(r"(?m)^(\d+)\. \*\*", SEITE.read_text(encoding="utf-8"))}


def test_the_page_numbers_its_principles_one_after_the_other():
    assert sorted(_nummern()) == list(range(1, 24))


def test_every_citation_names_a_principle_of_the_page():
    zitate = [(p, int(n)) for p in _quellen() for n in ZITAT.findall(p.read_text(encoding="utf-8", errors="replace"))]
    assert len(zitate) >= 5  # maschine, problems, haushalt, and the tests that cite one
    assert [(p.relative_to(ROOT).as_posix(), n) for p, n in zitate if n not in _nummern()] == []


def test_no_citation_points_outside_the_repository():
    fremd = [
        f"{p.relative_to(ROOT).as_posix()}:{nummer}"
        for p in _quellen()
        if p != ROOT / "tests" / "projekt" / "test_grundsaetze.py"
        for nummer, zeile in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if FREMD.search(zeile)
    ]
    assert fremd == []


def test_the_developer_part_links_the_page():
    assert "\ngrundsaetze\n" in (ROOT / "docs" / "entwicklung" / "index.md").read_text(encoding="utf-8")
