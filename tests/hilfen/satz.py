"""Measuring what a PDF shows: its pages' sizes and the lines of text on them with their places, read back from the
PDF with pypdf (not from the HTML, not from the layout the program made) – and page images for people to look at."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pypdf

from tests.hilfen import ROOT

PT = 25.4 / 72  # one PDF point in millimetres
HYPHENS = ("-", "\u2010")  # the hyphen WeasyPrint sets at a break is U+2010


@dataclass
class Zeile:
    """One line of text: its distance from the page's top and left edge and its right end (mm), its pieces of text
    as the PDF sets them (a cell, a run of one font) and the largest font size in it (pt)."""

    oben: float
    links: float
    rechts: float
    teile: list[str]
    groesse: float

    @property
    def text(self) -> str:
        """The pieces joined by a space; a no-break space stays one (it is what ties an amount to its unit)."""
        return re.sub(r"[ \t\n]+", " ", " ".join(self.teile)).strip()


@dataclass
class Seite:
    breite: float  # mm
    hoehe: float
    zeilen: list[Zeile] = field(default_factory=list)

    @property
    def quer(self) -> bool:
        return self.breite > self.hoehe

    def text(self) -> str:
        return "\n".join(zeile.text for zeile in self.zeilen)


def seiten(pdf: bytes | Path) -> list[Seite]:
    """The pages of a PDF with their lines, top to bottom; pieces of text at the same height are one line. A
    piece's right end is measured with the shipped font it is set in (fontTools reads its advance widths)."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    result = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        pieces: list[tuple[float, float, float, str, float]] = []

        def visit(text, cm, tm, font, size, pieces=pieces, height=height):
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            points = size * (abs(tm[0] * cm[0]) or 1.0)
            name = str((font or {}).get("/BaseFont", "")).split("+")[-1]
            right = x + breite(text.rstrip("\n"), name, points) / PT
            pieces.append((round(height - y, 1), x, right, text, points))

        page.extract_text(visitor_text=visit)
        lines: dict[float, list] = {}
        for top, left, right, text, size in pieces:
            key = next((k for k in lines if abs(k - top) < 1.5), top)
            lines.setdefault(key, []).append((left, right, text, size))
        seite = Seite(width * PT, height * PT)
        for top in sorted(lines):
            parts = sorted(lines[top])
            seite.zeilen.append(
                Zeile(
                    top * PT,
                    parts[0][0] * PT,
                    max(part[1] for part in parts) * PT,
                    [part[2].replace("\n", " ") for part in parts],
                    max(part[3] for part in parts),
                )
            )
        result.append(seite)
    return result


FONTS = ROOT / "templates" / "fonts"
_METRICS: dict[str, tuple] = {}


def breite(text: str, font: str, points: float) -> float:
    """The advance width of `text` in mm, set in the shipped font `font` (e.g. LiberationSans-Bold)."""
    from fontTools.ttLib import TTFont

    if font not in _METRICS:
        path = FONTS / f"{font}.ttf"
        ttf = TTFont(path if path.is_file() else FONTS / "LiberationSans-Regular.ttf")
        _METRICS[font] = (ttf.getBestCmap(), ttf["hmtx"], ttf["head"].unitsPerEm)
    cmap, metrics, units = _METRICS[font]
    advance = sum(metrics[cmap[ord(c)]][0] if ord(c) in cmap else units // 2 for c in text)
    return advance / units * points * PT


def seite_mit(pages: list[Seite], needle: str) -> int:
    """The index of the first page with a line containing `needle`."""
    for index, page in enumerate(pages):
        if any(needle in zeile.text for zeile in page.zeilen):
            return index
    raise AssertionError(f"{needle!r} steht auf keiner Seite")


def bilder(pdf: Path, name: str) -> list[Path]:
    """Page images of a PDF in the folder for people to look at (see `ordner`): <name>-<page>.png, small."""
    target = ordner()
    if target is None or shutil.which("pdftoppm") is None:
        return []
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(target / name)], check=True, timeout=120)
    return sorted(target.glob(f"{name}-*.png"))


def ordner() -> Path | None:
    """Where tests put page images: $VORLAGEN_SEITENBILDER, else `seitenbilder/` in pytest's folder of this run
    (pytest-of-<user>/pytest-current/seitenbilder, set by conftest.py)."""
    chosen = os.environ.get("VORLAGEN_SEITENBILDER")
    return Path(chosen) if chosen else _DEFAULT


_DEFAULT: Path | None = None


def setze_ordner(path: Path) -> None:
    global _DEFAULT
    _DEFAULT = path


def vorlage_pdf(data: Path, slug: str) -> bytes:
    """The PDF of one Vorlage of a data folder, set as a build sets it (without writing anything)."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.load.satz import Satz
    from vorlagen.render.document import Composer
    from vorlagen.render.pdf import render_pdf
    from vorlagen.render.templates import TEMPLATES

    project = vorbereitet(data)
    source = next(s for s in project.facts.vorlagen if s.slug == slug)
    doc = Composer(project).compose(source)
    where = project.facts.paths.where(source.folder)
    satz = Satz.aus(project.facts.koerperschaft.hausstil)
    return render_pdf(doc.print_html, source.folder, [data, TEMPLATES], where, source.stand, satz=satz)
