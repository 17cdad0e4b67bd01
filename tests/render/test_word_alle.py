"""Every Word file of the example and of each fixture, read by tools we did not write: python-docx reads it and finds
every figure of the document's text rendition, in order; `nachrechnen` recomputes it and finds no FEHLER. The
session builds of conftest.py are read (no build of their own); the fixtures without one are built here with the
stand-in renderer (their Word files then have no layout, the same words and tables)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hilfen import FIXTURES, OHNE_SITZUNGSBAU, SITZUNGSBAUTEN, main
from tests.hilfen.word import zeilen
from vorlagen.migration.gedruckt import figures


def test_every_fixture_is_read_here():
    named = {b.removeprefix("built_") for b in SITZUNGSBAUTEN} | set(OHNE_SITZUNGSBAU)
    assert named | {"built", "fruehere", "altbestand"} == {p.name for p in FIXTURES.iterdir() if p.is_dir()} | {"built"}


def _pruefen(out: Path) -> tuple[int, int]:
    """Checks every Word file of an output tree; (files, calculations confirmed)."""
    from vorlagen.nachrechnen.pruefen import check_file

    files, confirmed, wrong = 0, 0, []
    for docx in sorted(out.rglob("*.docx")):
        data = docx.read_bytes()
        text = docx.with_suffix(".txt").read_text(encoding="utf-8")
        im_word = [f.text for line in zeilen(data) for f in figures(line)]
        assert im_word == [f.text for f in figures(text)], docx
        pruefung = check_file(docx)
        wrong += [(docx.name, r.ergebnis.zeile.ort, r.status) for r in pruefung.rechnungen if r.status != "stimmt"]
        confirmed += pruefung.zaehle("stimmt")
        files += 1
    assert wrong == []
    return files, confirmed


@pytest.mark.parametrize("build", SITZUNGSBAUTEN)
def test_the_word_files_of_every_session_build(request, build):
    out = request.getfixturevalue(build)
    files, _ = _pruefen(out)
    # beside each Vorlage, Anlage from Markdown (a PDF Anlage has no text rendition), Niederschrift and Auszug
    expected = {p.with_suffix(".docx") for p in out.rglob("*.pdf") if _mit_word(p, out)}
    assert expected == set(out.rglob("*.docx")) and len(expected) == files > 0


def _mit_word(pdf: Path, out: Path) -> bool:
    """Whether a PDF of the output comes with a Word file."""
    if "vorlagen" in pdf.relative_to(out).parts[:2]:
        return pdf.with_suffix(".txt").is_file()
    return pdf.parent.parent.name == "sitzungen" and pdf.name.startswith(("niederschrift", "auszug-"))


def test_the_example_prints_its_calculations_in_word_as_in_its_pdf(built):
    files, confirmed = _pruefen(built)
    assert files == 15  # 2 Vorlagen, 1 Anlage from Markdown, 3 × 2 Niederschriften, 6 Auszüge
    assert confirmed >= 30  # measured (30): the Berechnungen, the Verteilung and the Übersicht, recomputed


@pytest.mark.parametrize("name", OHNE_SITZUNGSBAU)
def test_the_word_files_of_the_other_fixtures(schnellsatz, tmp_path, name):
    out = tmp_path / "out"
    assert main(["--data", str(FIXTURES / name), "--out", str(out)]) == 0
    files, _ = _pruefen(out)
    assert files >= 1
