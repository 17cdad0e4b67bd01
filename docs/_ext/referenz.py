"""Writes the handbook's reference (docs/referenz/*.md) from the code before Sphinx reads the sources.

The pages are generated, never edited: data keys from the JSON schema, commands from the CLI table,
limits from vorlagen/core/limits.py, messages from the message texts in the source."""

from __future__ import annotations

from pathlib import Path

from referenz_text import PAGES


def write(folder: Path) -> list[Path]:
    """Writes every generated page into `folder`; a page whose text is unchanged is left alone (fast rebuilds)."""
    written = []
    for name, make in PAGES.items():
        path = folder / f"{name}.md"
        text = make()
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _generate(app) -> None:
    write(Path(app.srcdir) / "referenz")


def setup(app):
    app.connect("builder-inited", _generate)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
