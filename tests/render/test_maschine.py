"""The machine never fails a document (issue 45, point 3): what WeasyPrint says about this machine – HarfBuzz-Subset
missing, so it embeds fonts with fontTools – is one German line per command and named by `vorlagen --version`; what
it says about the document (a CSS rule it ignores, an image it cannot load) stays an error with file and line."""

from __future__ import annotations

import ast
import datetime as dt
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hilfen import ROOT, run
from tests.hilfen.pdf import pdf_text
from vorlagen.core.problems import BuildFailed, Where
from vorlagen.render import maschine
from vorlagen.render import pdf as pdf_module
from vorlagen.render.templates import TEMPLATES

HTML = '<html lang="de"><head><style>{css}</style></head><body><p>Haushalt 2021: 12.500 €</p></body></html>'
# the way to take the library away: a sitecustomize.py on PYTHONPATH that makes cffi fail to load it
OHNE_HARFBUZZ_SUBSET = """import cffi

_dlopen = cffi.FFI.dlopen


def dlopen(self, name, *args, **kwargs):
    if name and "harfbuzz-subset" in str(name):
        raise OSError(f"cannot load library {name!r}")
    return _dlopen(self, name, *args, **kwargs)


cffi.FFI.dlopen = dlopen
"""
SATZ = (
    "Hinweis: Diesem Rechner fehlt die Bibliothek HarfBuzz-Subset – WeasyPrint bettet die Schriften mit fontTools "
    "ein, etwas langsamer; die Seiten sehen gleich aus, die PDF-Dateien haben aber andere Bytes als auf einem Rechner "
    "mit ihr; installieren Sie sie, wenn Sie können (Debian und Ubuntu: sudo apt install libharfbuzz-subset0). Die "
    "Dokumente entstehen trotzdem."
)


def _render(tmp_path: Path, css: str = "") -> bytes:
    html = HTML.format(css=css + ' body { font-family: "Vorlage Sans"; }')
    styles = f'<link rel="stylesheet" href="{(TEMPLATES / "vorlage.css").as_uri()}">'
    html = html.replace("<style>", styles + "<style>")
    return pdf_module.render_pdf(html, tmp_path, [tmp_path, TEMPLATES], Where("test.html"), dt.date(2021, 5, 27))


def test_the_notices_are_weasyprints_own_words():
    """A WeasyPrint that words its notice otherwise fails here, not in a user's build."""
    import weasyprint

    source = Path(weasyprint.__file__).parent / "pdf" / "fonts.py"
    said = {
        node.args[0].value
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "warning"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert set(maschine.VORLAGEN) <= said


def test_a_missing_harfbuzz_subset_sets_the_document_and_is_noted_once(tmp_path, monkeypatch):
    monkeypatch.setattr("weasyprint.pdf.fonts.harfbuzz_subset", None)  # WeasyPrint falls back to fontTools
    maschine.genommen()
    (tmp_path / "a.pdf").write_bytes(_render(tmp_path))
    assert "Haushalt 2021: 12.500 €" in pdf_text(tmp_path / "a.pdf")
    assert maschine.genommen() == (maschine.HARFBUZZ_SUBSET,)
    assert maschine.genommen() == ()  # handed on once


def test_what_weasyprint_says_about_the_document_still_fails_it(tmp_path, monkeypatch):
    monkeypatch.setattr("weasyprint.pdf.fonts.harfbuzz_subset", None)
    with pytest.raises(BuildFailed) as failed:
        _render(tmp_path, css="p { colour: red; }")
    (problem,) = failed.value.problems
    assert str(problem).startswith("test.html: PDF-Erzeugung: Ignored `colour: red` at 1:")
    assert str(problem).endswith(" – prüfen Sie Template und Stylesheet.")


def test_only_the_known_templates_are_the_machines():
    record = logging.LogRecord("weasyprint", logging.WARNING, "fonts.py", 1, "Unable to subset %r", ("x",), None)
    assert not maschine.notieren(record)
    record.msg, record.args = next(iter(maschine.VORLAGEN)), ("Vorlage Sans",)
    assert maschine.notieren(record)
    assert maschine.genommen() == (maschine.HARFBUZZ_SUBSET,)


def test_the_line_names_every_missing_library_once():
    assert maschine.zeile((maschine.HARFBUZZ_SUBSET,)) == SATZ
    both = maschine.zeile((maschine.HARFBUZZ_SUBSET, maschine.HARFBUZZ_VECTOR))
    assert both.count("\n") == 0 and both.count("Diesem Rechner fehlt") == 1
    assert "; außerdem fehlt HarfBuzz 13 mit harfbuzz-vector – farbige Schriften" in both


def test_a_build_in_this_process_says_it_once_and_writes_everything(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("VORLAGEN_WORKER", "0")  # rendered here, where the library is taken away
    monkeypatch.setattr("weasyprint.pdf.fonts.harfbuzz_subset", None)
    assert run(capsys, "neu", str(tmp_path / "x"))[0] == 0
    code, out, err = run(capsys, "--data", str(tmp_path / "x"), "bauen")
    assert code == 0, err
    assert err.splitlines() == [SATZ] and "Fertig:" in out
    assert len(list((tmp_path / "x" / "output" / "vorlagen").rglob("*.pdf"))) == 1


def _ohne_harfbuzz_subset(tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "ohne-harfbuzz-subset"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(OHNE_HARFBUZZ_SUBSET, encoding="utf-8")
    return dict(os.environ, PYTHONPATH=f"{folder}{os.pathsep}{ROOT}")


def test_version_names_the_missing_library(tmp_path):
    for env, said in (
        (_ohne_harfbuzz_subset(tmp_path), "HarfBuzz-Subset: fehlt – "),
        (None, "HarfBuzz-Subset: vorhanden"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "vorlagen", "--version"], env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0 and done.stderr == "", done.stderr
        assert "\nAuf diesem Rechner:\n  Pango 1." in done.stdout
        assert done.stdout.splitlines()[-1].startswith(f"  {said}"), done.stdout


def test_version_without_pango_says_what_to_install(monkeypatch):
    def fehlt() -> None:
        print("WeasyPrint could not import some external libraries.")  # its English banner: not shown
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr("vorlagen.render.libraries.import_weasyprint", fehlt)
    assert maschine.versionstext() == (
        "Auf diesem Rechner:\n  Pango: nicht gefunden – ohne Pango setzt WeasyPrint keine PDF-Dateien; installieren "
        "Sie es, wie die Anleitung „Installation“ des Handbuchs sagt.\n"
    )


@pytest.mark.langsam  # scaffolds and builds with its render workers, each without the library
def test_a_machine_without_harfbuzz_subset_builds_a_new_repository(tmp_path):
    env = _ohne_harfbuzz_subset(tmp_path)
    env.pop("VORLAGEN_WORKER", None)  # the render workers in their own processes, as a user's build has them

    def vorlagen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "vorlagen", *args]
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)

    assert vorlagen("neu", "x", cwd=tmp_path).returncode == 0
    done = vorlagen(cwd=tmp_path / "x")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [SATZ]
    assert "Fertig: 1 Vorlage" in done.stdout and "PDF-Erzeugung" not in done.stdout + done.stderr
    pdfs = list((tmp_path / "x" / "output").rglob("*.pdf"))
    assert pdfs and all(pdf.read_bytes().startswith(b"%PDF-") for pdf in pdfs)
