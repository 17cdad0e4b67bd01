"""Same versions, same files – or a warning (issue 26): the tested versions are requirements.lock's, `--version`
shows them, and build, check and serve warn in German, naming both versions, when a library that changes the PDFs
differs."""

from __future__ import annotations

import pytest

from tests.hilfen import ROOT, run
from vorlagen.core import versions


def _lock() -> dict[str, str]:
    """requirements.lock read here, apart from the program: name (lower case, '-' for '_') → version."""
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def _installed_except(monkeypatch, **changed: str | None) -> None:
    """The tested versions installed, except the ones named (None: not installed)."""
    lock = _lock()
    monkeypatch.setattr(versions, "installed", lambda name: changed[name] if name in changed else lock[name])


def test_the_tested_versions_are_the_pins_of_requirements_lock():
    assert _lock() == versions.TESTED
    assert set(versions.PDF_LIBRARIES) == {"weasyprint", "pydyf", "fonttools", "pyphen", "pypdf"}


def test_the_installed_versions_are_looked_up_like_importlib_metadata():
    from importlib.metadata import version

    for name in (*versions.PDF_LIBRARIES, *versions.DIRECT, "markupsafe", "typing-extensions"):
        assert versions.installed(name) == version(name), name
    assert versions.installed("kein-solches-paket-vorlagen") is None


def test_the_tested_versions_give_no_warning(monkeypatch):
    _installed_except(monkeypatch)
    assert versions.drift() == []


def test_another_version_is_warned_naming_both(monkeypatch):
    _installed_except(monkeypatch, weasyprint="69.0")
    tested = _lock()["weasyprint"]
    assert versions.drift() == [
        f"Warnung: WeasyPrint 69.0 ist installiert, getestet ist WeasyPrint {tested} – die PDF-Dateien können von "
        "denen der getesteten Fassung abweichen (gleiche Quellen, andere Dateien); installieren Sie die getestete "
        f"mit „pip install weasyprint=={tested}“ (im Repository von vorlagen: ./bauen.sh, unter Windows .\\bauen.cmd)."
    ]


def test_every_library_that_changes_the_pdfs_is_compared_and_a_missing_one_is_named(monkeypatch):
    _installed_except(
        monkeypatch, pydyf="0.12.1", fonttools="4.60.0", pyphen="0.17.0", pypdf=None, jinja2="3.1.2"
    )  # Jinja2 does not change the PDFs: no warning
    warnings = versions.drift()
    assert [w.split(" ist installiert")[0] for w in warnings] == [
        "Warnung: pydyf 0.12.1",
        "Warnung: fontTools 4.60.0",
        "Warnung: Pyphen 0.17.0",
        "Warnung: pypdf (nicht gefunden)",
    ]
    lock = _lock()
    assert f"getestet ist Pyphen {lock['pyphen']} –" in warnings[2]
    assert f"„pip install pyphen=={lock['pyphen']}“" in warnings[2]
    assert f"getestet ist pypdf {lock['pypdf']} –" in warnings[3]


def test_version_shows_the_tested_versions_and_a_differing_installed_one(monkeypatch, capsys):
    _installed_except(monkeypatch, pyphen="0.17.0")
    with pytest.raises(SystemExit) as done:
        run(capsys, "--version")
    assert done.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("vorlagen 0.") and lines[1].startswith("Python 3.")
    assert lines[2] == "Bibliotheken (getestet mit; abweichend installierte in Klammern):"
    lock = _lock()
    shown = [
        ("WeasyPrint", "weasyprint"),
        ("pydyf", "pydyf"),
        ("fontTools", "fonttools"),
        ("Pyphen", "pyphen"),
        ("pypdf", "pypdf"),
        ("Jinja2", "jinja2"),
        ("markdown-it-py", "markdown-it-py"),
        ("PyYAML", "pyyaml"),
        ("Babel", "babel"),
        ("python-docx", "python-docx"),
        ("filelock", "filelock"),
    ]
    assert lines[3 : 3 + len(shown)] == [
        f"  {label} {lock[name]}" + (" (installiert: 0.17.0)" if name == "pyphen" else "") for label, name in shown
    ]
    assert lines[3 + len(shown)] == "Auf diesem Rechner:"  # what the machine gives WeasyPrint (render/maschine.py)


def test_build_and_check_warn_on_stderr_and_still_work(monkeypatch, capsys, tmp_path):
    repo = tmp_path / "r"
    assert run(capsys, "neu", str(repo))[0] == 0
    _installed_except(monkeypatch, weasyprint="71.0")
    tested = _lock()["weasyprint"]
    warning = (
        f"Warnung: WeasyPrint 71.0 ist installiert, getestet ist WeasyPrint {tested} – die PDF-Dateien "
        "können von denen der getesteten Fassung abweichen (gleiche Quellen, andere Dateien); installieren Sie "
        f"die getestete mit „pip install weasyprint=={tested}“ (im Repository von vorlagen: ./bauen.sh, unter Windows .\\bauen.cmd).\n"
    )
    code, out, err = run(capsys, "check", "--data", str(repo))
    assert (code, err) == (0, warning) and out.startswith("Geprüft:")
    code, out, err = run(capsys, "build", "--data", str(repo))
    assert (code, err) == (0, warning) and "\nFertig: 1 Vorlage" in out
    assert next((repo / "output" / "vorlagen").rglob("*.pdf")).read_bytes().startswith(b"%PDF-")


def test_an_install_without_the_lock_gets_the_tested_pdf_libraries():
    """pyproject.toml pins what changes the PDFs, so `pip install vorlagen` alone gets the versions `drift()` accepts
    (no warning at every command); every other range admits the tested version."""
    import tomllib

    from packaging.requirements import Requirement

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    requirements = {Requirement(line).name.lower(): Requirement(line) for line in declared}
    for name in versions.PDF_LIBRARIES:
        assert str(requirements[name].specifier) == f"=={versions.TESTED[name]}", name
    for name, requirement in requirements.items():
        assert requirement.specifier.contains(versions.TESTED[name]), (name, str(requirement.specifier))
    assert not requirements["pypdf"].specifier.contains("7.2.0")  # a newer pypdf (the old range let it in)
