"""Where the engine lives: its package, its Python files and the default house style."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


def _default_house_style() -> Path:
    """The repository's templates/, or the copy the wheel ships as vorlagen/templates/."""
    shipped = PACKAGE / "templates"
    return shipped if shipped.is_dir() else PACKAGE.parent / "templates"


TEMPLATES = _default_house_style()


def code_files() -> list[Path]:
    """Every Python file of the engine, in a stable order (for cache keys and the service identity)."""
    return sorted(PACKAGE.rglob("*.py"), key=lambda p: p.relative_to(PACKAGE).as_posix())
