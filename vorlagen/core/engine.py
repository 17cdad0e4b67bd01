"""Where the engine lives: its package, its Python files and the default house style."""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


def _default_house_style() -> Path:
    """The repository's templates/, or the copy the wheel ships as vorlagen/templates/."""
    shipped = PACKAGE / "templates"
    return shipped if shipped.is_dir() else PACKAGE.parent / "templates"


TEMPLATES = _default_house_style()
# the libraries whose versions shape the output (in cache keys)
LIBRARIES = (
    "weasyprint",
    "pydyf",
    "fonttools",
    "tinycss2",
    "cssselect2",
    "pyphen",
    "pillow",
    "jinja2",
    "markdown-it-py",
    "babel",
    "pypdf",
    "pyyaml",
)


def code_files() -> list[Path]:
    """Every Python file of the engine, in a stable order (for cache keys)."""
    return sorted(PACKAGE.rglob("*.py"), key=lambda p: p.relative_to(PACKAGE).as_posix())


def befehl() -> str:
    """The command as the user runs it, for hints: in this repository `./bauen.sh` (Windows: `.\\bauen.cmd`, which
    cmd and PowerShell both run), else `vorlagen`."""
    called = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    if called != "build.py":
        return "vorlagen"
    return ".\\bauen.cmd" if sys.platform == "win32" else "./bauen.sh"
