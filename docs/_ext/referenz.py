"""Writes the handbook's reference (docs/referenz/*.md) from the code: before Sphinx reads the sources, and as a
script (`python docs/_ext/referenz.py`) after a change of the code.

The pages are generated, never edited: data keys from the JSON schema, commands from the CLI table,
limits from vorlagen/core/limits.py, messages from the message texts in the source. They are committed, so that
their links work where the handbook is read on the platform; tests/projekt/test_handbuch.py checks they are current. The
wheel's build (hatch_build.py) uses them as committed: it has none of the program's libraries to generate them."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENZ = HERE.parent / "referenz"


def write(folder: Path) -> list[Path]:
    """Writes every generated page into `folder`; a page whose text is unchanged is left alone (fast rebuilds)."""
    from referenz_text import PAGES

    written = []
    for name, make in PAGES.items():
        path = folder / f"{name}.md"
        text = make()
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _generate(app) -> None:
    if app.config.referenz_erzeugen:
        write(Path(app.srcdir) / "referenz")


def setup(app):
    app.add_config_value("referenz_erzeugen", True, "env", bool)  # -D referenz_erzeugen=0: the committed pages
    app.connect("builder-inited", _generate)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}


if __name__ == "__main__":
    sys.path[:0] = [str(HERE), str(HERE.parent.parent)]
    for path in write(REFERENZ):
        print(path.relative_to(HERE.parent.parent).as_posix())
