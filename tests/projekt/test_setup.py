"""scripts/setup.sh in a copy of the project with stand-ins for apt-get, pip and the validators' installer: what
building and testing install, and the one German line that says what the test set-up installs, where and why."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.hilfen import ROOT

TOOLS = (
    "bash",
    "sh",
    "cmp",
    "grep",
    "tr",
    "printf",
    "id",
    "mkdir",
    "cp",
    "touch",
    "rm",
    "cat",
    "dirname",
    "ldconfig",
    "echo",
)


def _project(tmp_path: Path, *, venv: bool) -> tuple[Path, dict]:
    """A copy of what setup.sh reads; PATH holds only basic tools and logging stand-ins (no chromium, no javac)."""
    project = tmp_path / "projekt"
    (project / "scripts" / "validators").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup.sh", project / "scripts" / "setup.sh")
    for lock in ("requirements.lock", "requirements-test.lock", "requirements-handbuch.lock"):
        shutil.copy(ROOT / lock, project / lock)
    (project / "tests" / "oidc").mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(ROOT / "tests" / "oidc" / name, project / "tests" / "oidc" / name)
    log = tmp_path / "aufrufe.txt"
    stubs = tmp_path / "bin"
    stubs.mkdir()
    for tool in TOOLS:
        found = shutil.which(tool)
        if found:
            (stubs / tool).symlink_to(found)
    (stubs / "npm").write_text(f'#!/bin/sh\necho "npm $*" >> {log}\nmkdir -p node_modules\n')
    (stubs / "npm").chmod(0o755)
    for stub in ("apt-get", "sudo", "python3"):
        (stubs / stub).write_text(f'#!/bin/sh\necho "{stub} $*" >> {log}\n')
        (stubs / stub).chmod(0o755)
    (project / "scripts" / "validators" / "einrichten.sh").write_text(f'echo "einrichten.sh" >> {log}\n')
    if venv:
        (project / ".venv" / "bin").mkdir(parents=True)
        (project / ".venv" / "bin" / "python").write_text(f'#!/bin/sh\necho "pip $*" >> {log}\n')
        (project / ".venv" / "bin" / "python").chmod(0o755)
        (project / ".venv" / ".harfbuzz-subset-versucht").touch()
    env = {"PATH": str(stubs), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    return project, env


def _setup(project: Path, env: dict, *args: str) -> tuple[str, list[str]]:
    done = subprocess.run(
        ["bash", str(project / "scripts" / "setup.sh"), *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    log = project.parent / "aufrufe.txt"
    return done.stdout, log.read_text().splitlines() if log.exists() else []


pytestmark = pytest.mark.skipif(
    not os.path.exists("/etc/ld.so.cache") or shutil.which("ldconfig") is None, reason="nur unter Linux mit ldconfig"
)


def test_building_installs_only_requirements_lock(tmp_path):
    project, env = _project(tmp_path, venv=True)
    out, calls = _setup(project, env)
    assert out == "Einrichtung: Python-Umgebung .venv mit den Paketen aus requirements.lock\n"
    assert calls == ["pip -m pip install -q --disable-pip-version-check -r requirements.lock"]
    # the second call does nothing
    (project.parent / "aufrufe.txt").unlink()
    assert _setup(project, env) == ("", [])


def test_the_test_set_up_says_in_one_line_what_it_installs_where_and_why(tmp_path):
    project, env = _project(tmp_path, venv=True)
    out, calls = _setup(project, env, "--test")
    jaxb = os.path.exists("/usr/share/java/jaxb-runtime.jar")
    assert out.splitlines()[0] == (
        "Einrichtung für die Tests: installiere Chromium ins System (apt, für die Browser-Tests); poppler-utils ins "
        "System (apt, Seitenbilder der PDFs für die Tests); LibreOffice Writer ohne Oberfläche ins System (apt, prüft "
        "die Word-Dateien, etwa 250 MB); die Schriften Liberation Sans und Serif ins System (apt, 2 MB, für die "
        "Word-Dateien in LibreOffice); Java und JAXB ins "
        "System (apt, für veraPDF); einen Kerberos-KDC mit kinit ins System (apt, für die Anmeldung über den "
        "Reverse-Proxy, 3 MB); Apache mit mod_auth_gssapi ins System (apt, der Reverse-Proxy der Kerberos-Anmeldung, "
        "10 MB); die Python-Pakete aus requirements.lock, requirements-test.lock und "
        "requirements-handbuch.lock nach .venv/ (Testwerkzeuge: pytest, playwright, ruff, mypy; Handbuch: Sphinx); "
        "die PDF-Prüfprogramme veraPDF und outloud nach "
        ".werkzeuge/ (für die PDF-Normtests, etwa 250 MB); den OpenID-Connect-Anbieter der Server-Tests (npm-Paket "
        "oidc-provider, 4 MB) nach tests/oidc/node_modules/."
    )
    calls = [c.removeprefix("sudo ") for c in calls]  # as root without sudo, else with it
    apt = [c.split()[5:] for c in calls if c.startswith("apt-get install -y -qq --no-install-recommends ")]
    wanted = ["chromium", "poppler-utils", "libreoffice-writer-nogui", "fonts-liberation", "default-jdk-headless"]
    wanted += [] if jaxb else ["libjaxb-java"]
    wanted += ["krb5-kdc", "krb5-admin-server", "krb5-user", "apache2", "libapache2-mod-auth-gssapi"]
    assert len(apt) == 1 and [p for p in apt[0] if not p.startswith("libpango")] == wanted
    assert [c for c in calls if c.startswith("pip")] == [
        "pip -m pip install -q --disable-pip-version-check -r requirements.lock",
        "pip -m pip install -q --disable-pip-version-check -r requirements-test.lock",
        "pip -m pip install -q --disable-pip-version-check -r requirements-handbuch.lock",
    ]
    assert calls[-2:] == ["einrichten.sh", "npm ci --no-audit --no-fund --loglevel=error"]  # without sudo
    assert (project / "tests" / "oidc" / "node_modules" / ".vorlagen-lock").read_bytes() == (
        ROOT / "tests" / "oidc" / "package-lock.json"
    ).read_bytes()


def _installed(project: Path, *folders: str) -> None:
    """Stamps requirements.lock as installed and adds the given dist-info folders to the stand-in .venv."""
    shutil.copy(project / "requirements.lock", project / ".venv" / ".requirements-lock")
    for folder in folders:
        (project / ".venv" / "lib" / "python3.11" / "site-packages" / folder).mkdir(parents=True)


def _pin(name: str) -> str:
    line = next(line for line in (ROOT / "requirements.lock").read_text().splitlines() if line.startswith(name + "=="))
    return line.split("==")[1].split()[0]


def test_a_pdf_library_in_another_version_than_the_lock_is_installed_again(tmp_path):
    project, env = _project(tmp_path, venv=True)
    _installed(
        project, f"weasyprint-{_pin('weasyprint')}.dist-info", "Pyphen-0.17.0.dist-info", "fonttools-1.0.dist-info"
    )
    out, calls = _setup(project, env)
    assert out.splitlines() == [
        "Einrichtung: in .venv sind Bibliotheken, die die PDF-Dateien verändern, in anderen Fassungen als in "
        f"requirements.lock (fonttools 1.0 statt {_pin('fonttools')}, pyphen 0.17.0 statt {_pin('pyphen')}) – "
        "installiere die getesteten.",
        "Einrichtung: Python-Umgebung .venv mit den Paketen aus requirements.lock",
    ]
    assert calls == ["pip -m pip install -q --disable-pip-version-check -r requirements.lock"]


@pytest.mark.parametrize(
    "folders",
    [
        (),  # nothing installed yet that the check could compare (pip installs from the lock anyway)
        (
            "weasyprint-{weasyprint}.dist-info",
            "pyphen-{pyphen}.dist-info",
            "pypdf-{pypdf}.dist-info",
            "pydyf-{pydyf}.dist-info",
            "fonttools-{fonttools}.dist-info",
            "jinja2-0.1.dist-info",
        ),  # others may differ
        ("WeasyPrint-{weasyprint}.dist-info",),  # dist-info names of older wheels keep the capitals
    ],
)
def test_the_tested_versions_are_left_alone(tmp_path, folders):
    project, env = _project(tmp_path, venv=True)
    pins = {name: _pin(name) for name in ("weasyprint", "pyphen", "pypdf", "pydyf", "fonttools")}
    _installed(project, *(folder.format(**pins) for folder in folders))
    assert _setup(project, env) == ("", [])


def test_setup_checks_the_libraries_that_change_the_pdfs():
    from vorlagen.core.versions import PDF_LIBRARIES

    line = next(
        line for line in (ROOT / "scripts" / "setup.sh").read_text().splitlines() if line.startswith("pdf_libraries=(")
    )
    assert line.split("(")[1].split(")")[0].split() == list(PDF_LIBRARIES)
