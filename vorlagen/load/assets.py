"""Image and font files checked before anything renders: a logo, an image or font of the Hausstil's stylesheet,
an image in a text. WeasyPrint would otherwise report a broken file in English, with the build machine's path and
without the file that named it – or spend minutes and gigabytes on an image of 30000 × 30000 pixels.

Each check returns its problems at the line that named the file (none when the file is fine).
"""

from __future__ import annotations

import io
import re
import warnings
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from vorlagen.core.problems import Problem, Where
from vorlagen.core.reads import NotReadable, read_file

MAX_PIXELS = 40_000_000  # about 7300 × 5500; a scanned A4 page at 300 dpi has 8,7 million
MAX_IMAGE_BYTES = 50 * 1024 * 1024
MAX_FONT_BYTES = 30 * 1024 * 1024
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff"}
FONT_SUFFIXES = {".ttf", ".otf", ".woff", ".woff2", ".ttc"}
_FONT_STARTS = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf", b"wOFF", b"wOF2")
_SVG = "{http://www.w3.org/2000/svg}svg"


def check_image(path: Path, name: str, where: Where) -> list[Problem]:
    """Why the image `name` (at `path`, named at `where`) cannot be printed."""
    try:
        data = read_file(path, MAX_IMAGE_BYTES)
    except OSError as error:
        reason: str | None = _unreadable(error, name)
    else:
        svg = path.suffix.lower() == ".svg" or data.lstrip()[:5] in (b"<?xml", b"<svg ", b"<svg>", b"<!DOC")
        reason = _svg_problem(data, name) if svg else _raster_problem(data, name)
    return [Problem(where, reason)] if reason else []


def _svg_problem(data: bytes, name: str) -> str | None:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        line, column = error.position
        return (
            f"„{name}“ ist kein gültiges SVG-Bild (Fehler in Zeile {line}, Spalte {column + 1}) – speichern Sie "
            "es im Zeichenprogramm neu als SVG."
        )
    if root.tag != _SVG:
        return f"„{name}“ ist kein SVG-Bild (es fehlt das Element <svg>) – speichern Sie es neu als SVG oder PNG."
    return None


def _raster_problem(data: bytes, name: str) -> str | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)  # Pillow's own limit, as an error
            with Image.open(io.BytesIO(data)) as image:  # reads the header only
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return _too_large(name, f"{width} × {height} Pixel")
                image.verify()  # the structure and checksums, without decoding the pixels
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        pixels = re.search(r"\((\d+) pixels\)", str(error))
        return _too_large(name, f"{int(pixels[1]) // 1_000_000} Millionen Pixel" if pixels else "sehr")
    except UnidentifiedImageError:
        return f"„{name}“ ist kein Bild, das vorlagen lesen kann – speichern Sie es als PNG, JPEG oder SVG."
    except Exception:  # noqa: BLE001 – Pillow reports a damaged file in many ways
        return f"„{name}“ ist beschädigt oder unvollständig – speichern Sie das Bild neu als PNG, JPEG oder SVG."
    return None


def _too_large(name: str, size: str) -> str:
    return (
        f"„{name}“ ist {size} groß – mehr als {MAX_PIXELS // 1_000_000} Millionen Pixel setzt vorlagen nicht; "
        "verkleinern Sie das Bild (für den Druck genügen 300 dpi)."
    )


def check_font(path: Path, name: str, where: Where) -> list[Problem]:
    """Why the font file `name` (at `path`, named at `where`) cannot be used."""
    reason = _font_problem(path, name)
    return [Problem(where, reason)] if reason else []


def _font_problem(path: Path, name: str) -> str | None:
    try:
        data = read_file(path, MAX_FONT_BYTES)
    except OSError as error:
        return _unreadable(error, name)
    if not data.startswith(_FONT_STARTS):
        return (
            f"„{name}“ ist keine Schriftdatei (TrueType, OpenType oder WOFF) – legen Sie dort die Schriftdatei "
            "selbst ab."
        )
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(io.BytesIO(data), fontNumber=0, lazy=True)
        font["cmap"].getBestCmap()
    except Exception:  # noqa: BLE001 – fontTools reports a damaged font in many ways
        return f"„{name}“ ist eine beschädigte oder unvollständige Schriftdatei – laden Sie die Schrift neu herunter."
    return None


def _unreadable(error: OSError, name: str) -> str:
    if isinstance(error, NotReadable):
        return str(error)
    return f"„{name}“ lässt sich nicht lesen – prüfen Sie die Datei."
