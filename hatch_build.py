"""The wheel carries the whole handbook: hatchling runs this hook, which builds docs/ with Sphinx into the wheel as
vorlagen/handbuch/ – `vorlagen hilfe` of an installed program shows it, offline. The reference pages are used as
committed (docs/referenz/, checked current by tests/projekt/test_handbuch.py): the build has none of the program's
libraries to generate them. The Sphinx versions are those of requirements-handbuch.lock (pyproject.toml
[build-system])."""

from __future__ import annotations

import io
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


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
        build_data["force_include"][str(html)] = "vorlagen/handbuch"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if getattr(self, "_tmp", None) is not None:
            self._tmp.cleanup()
