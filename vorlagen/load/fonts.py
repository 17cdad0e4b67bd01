"""The characters a Hausstil's font prints: the cmaps of its font files, read once per file and process."""

from __future__ import annotations

from pathlib import Path

from vorlagen.core.engine import TEMPLATES
from vorlagen.load.hausstil import SCHRIFTEN

SCHNITTE = ("Regular", "Bold", "Italic", "BoldItalic")
# Line ends and what every shipped font prints in every Schnitt (tests/compute/test_glyphs.py checks it): texts of
# only these characters need no font file read, so most builds never import fontTools for this check.
GEMEINSAM = frozenset(chr(c) for c in [*range(0x20, 0x7F), *range(0xA0, 0x180)]) | frozenset(
    "\t\n\r–—‚‘’“”„…•·€‰−±≤≥≈≠§°‹›→←↑↓↔™′″†‡"
)

_cmaps: dict[tuple[Path, int, int], frozenset[int] | None] = {}


def font_files(data_dir: Path, schrift: str) -> list[Path]:
    """The Schnitte of the Hausstil's font as print uses them: the data's templates/fonts/ before the shipped ones."""
    files = []
    for schnitt in SCHNITTE:
        name = f"{SCHRIFTEN[schrift]}-{schnitt}.ttf"
        found = [f for f in (data_dir / "templates" / "fonts" / name, TEMPLATES / "fonts" / name) if f.is_file()]
        files += found[:1]
    return files


def shipped(files: list[Path]) -> bool:
    """True when every file is one of the fonts that come with the program (GEMEINSAM holds for them)."""
    return all(f.resolve().parent == (TEMPLATES / "fonts").resolve() for f in files)


def covered(files: list[Path]) -> frozenset[int] | None:
    """Code points printed in every Schnitt; None when no file could be read (the PDF step says why)."""
    maps = [m for m in map(_cmap, files) if m is not None]
    return frozenset.intersection(*maps) if maps else None


def _cmap(path: Path) -> frozenset[int] | None:
    stat = path.stat()
    key = (path.resolve(), stat.st_mtime_ns, stat.st_size)  # a font replaced while the preview runs is read again
    if key not in _cmaps:
        from fontTools.ttLib import TTFont  # imported only when a text has a character outside GEMEINSAM

        try:
            with TTFont(path, lazy=True) as font:
                _cmaps[key] = frozenset(font.getBestCmap() or ())
        except Exception:  # noqa: BLE001 – a damaged font of a data folder: WeasyPrint reports it when it sets the PDF
            _cmaps[key] = None
    return _cmaps[key]
