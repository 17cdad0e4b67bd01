"""The wheel carries the whole handbook: hatchling runs this hook, which builds docs/ with Sphinx into the wheel as
vorlagen/handbuch/ – `vorlagen hilfe` of an installed program shows it, offline. The reference pages are used as
committed (docs/referenz/, checked current by tests/projekt/test_handbuch.py): the build has none of the program's
libraries to generate them. The Sphinx versions are those of requirements-handbuch.lock (pyproject.toml
[build-system])."""

from __future__ import annotations

import io
import re
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# the programs whose files the built handbook carries – Sphinx's scripts and styles, Furo's theme and the basic-ng
# templates it builds on, Pygments' colours of code –: their licence texts go with them (vorlagen/handbuch/_static/
# lizenzen/), as their licences (BSD-2-Clause, MIT) ask
MITGELIEFERT = ("sphinx", "furo", "sphinx-basic-ng", "pygments")


def lizenzen(ziel: Path) -> list[Path]:
    """Writes the licence texts of MITGELIEFERT, as their packages ship them, into `ziel` as NAME-DATEI; their
    paths. A package without one stops the build: the wheel never carries files without their licence."""
    from importlib import metadata

    ziel.mkdir(parents=True, exist_ok=True)
    geschrieben = []
    for name in MITGELIEFERT:
        dist = metadata.distribution(name)
        texte = [f for f in dist.files or [] if ".dist-info" in str(f) and re.search(r"LICEN[CS]E|COPYING", f.name)]
        if not texte:
            raise RuntimeError(f"{name} {dist.version} bringt keinen Lizenztext mit – das Handbuch ginge ohne ihn.")
        for datei in texte:
            target = ziel / f"{name}-{datei.name}"
            target.write_bytes(Path(str(datei.locate())).read_bytes())
            geschrieben.append(target)
    return geschrieben


class HandbuchHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        from sphinx.cmd.build import build_main

        docs = Path(self.root) / "docs"
        self._tmp = tempfile.TemporaryDirectory(prefix="vorlagen-handbuch-")
        html, trees = Path(self._tmp.name) / "html", Path(self._tmp.name) / "doctrees"
        said = io.StringIO()
        with redirect_stdout(said), redirect_stderr(said):
            code = build_main(["-q", "-b", "html", "-D", "referenz_erzeugen=0", "-d", str(trees), str(docs), str(html)])
        if code != 0:
            raise RuntimeError(f"Das Handbuch (docs/) ließ sich nicht bauen:\n{said.getvalue()}")
        for leftover in (".buildinfo", ".doctrees"):
            target = html / leftover
            if target.is_file():
                target.unlink()
        lizenzen(html / "_static" / "lizenzen")
        build_data["force_include"][str(html)] = "vorlagen/handbuch"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if getattr(self, "_tmp", None) is not None:
            self._tmp.cleanup()
