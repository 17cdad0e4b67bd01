"""The Hausstil's own files: its logo, its CSS and every file the CSS names, its fonts – each checked where it is
named, before anything renders."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from vorlagen.core.pfade import innerhalb, schleife, schleife_text
from vorlagen.core.problems import Paths, Problem, Where
from vorlagen.core.reads import NotReadable, read_file
from vorlagen.load.assets import FONT_SUFFIXES, IMAGE_SUFFIXES, check_font, check_image
from vorlagen.load.dateien import inside
from vorlagen.load.fonts import font_files
from vorlagen.load.hausstil import Hausstil

_CSS_URL = re.compile(r"""url\(\s*["']?([^"')\s]*)|@import\s+["']([^"']*)""", re.I)
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:|//", re.I)
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.I)


def stildateien(data_dir: Path, stil: Hausstil, paths: Paths) -> tuple[tuple[Path | None, Path | None], list[Problem]]:
    """The Hausstil's logo and CSS file (None where it names none), and the problems of every file it uses."""
    logo, problems = _stil_datei(data_dir, stil, "logo", "Die Logodatei")
    if logo is not None and logo.exists():
        problems += check_image(logo, stil.logo or "", stil.where("logo"))
    stylesheet, found = _stil_datei(data_dir, stil, "stylesheet", "Die CSS-Datei")
    problems += found
    if stylesheet is not None and stylesheet.exists():
        problems += _stylesheet_references(stylesheet, data_dir, paths)
    problems += _own_fonts(data_dir, stil, paths)
    return (logo, stylesheet), problems


def _stil_datei(data_dir: Path, stil: Hausstil, key: str, what: str) -> tuple[Path | None, list[Problem]]:
    """A file the Hausstil names (logo, stylesheet), inside the data folder and present."""
    name = getattr(stil, key)
    if not name:
        return None, []
    path, problems = inside(data_dir, data_dir, name, stil.where(key))
    if path is not None and not path.exists():
        problems.append(Problem(stil.where(key), f"{what} „{name}“ gibt es nicht – prüfen Sie den Namen."))
    return path, problems


def _stylesheet_references(stylesheet: Path, data_dir: Path, paths: Paths) -> list[Problem]:
    """Every file the Hausstil's CSS names, checked here with its line. An address on the network is refused: the
    CSS goes as it is into the HTML output, and would load from there in every reader's browser (a tracking pixel
    on the public site). A local file must be there, be a file, and be a sound image or font."""
    try:
        text = read_file(stylesheet).decode("utf-8", "replace")
    except OSError as error:
        return [
            Problem(
                paths.where(stylesheet),
                str(error)
                if isinstance(error, NotReadable)
                else "Die CSS-Datei lässt sich nicht lesen – prüfen Sie die Datei.",
            )
        ]
    fonts = [m.span() for m in _FONT_FACE.finditer(text)]
    problems = []
    for match in _CSS_URL.finditer(text):
        target = match[1] if match[1] is not None else match[2]
        where = paths.where(stylesheet, text.count("\n", 0, match.start()) + 1)
        if _SCHEME.match(target) and not target.lower().startswith("data:"):
            problems.append(
                Problem(
                    where,
                    f"„{target}“ ist eine Adresse im Netz – der Hausstil darf nur Dateien des "
                    'Datenordners nennen (z. B. url("stil/bild.png")); Leserinnen und Leser '
                    "würden sonst beim Öffnen jedes Dokuments diese Adresse abrufen.",
                )
            )
        elif target and not _SCHEME.match(target) and not target.startswith("#"):
            in_font_face = any(start <= match.start() < end for start, end in fonts)
            problems += _referenced_file(data_dir, stylesheet.parent, target, in_font_face, where)
    return problems


def _referenced_file(data_dir: Path, folder: Path, target: str, font: bool, where: Where) -> list[Problem]:
    """Why the file `target` (relative to `folder`, as a CSS url() names it at `where`) cannot be used."""
    path = folder / unquote(urlsplit(target).path)
    if schleife(path):
        reason = schleife_text(path)
    elif not innerhalb(path, data_dir):
        reason = (
            f"„{target}“ liegt außerhalb des Datenordners – der Hausstil darf nur Dateien des Datenordners "
            "nennen; legen Sie die Datei dorthin, z. B. nach stil/."
        )
    elif path.is_dir():
        reason = f'„{target}“ ist ein Ordner, keine Datei – nennen Sie eine Datei darin, z. B. url("bilder/logo.png").'
    elif not path.exists():
        reason = f"„{target}“ gibt es nicht – prüfen Sie den Namen (er gilt relativ zur CSS-Datei)."
    elif font or path.suffix.lower() in FONT_SUFFIXES:
        return check_font(path, target, where)
    elif path.suffix.lower() in IMAGE_SUFFIXES:
        return check_image(path, target, where)
    else:
        return []
    return [Problem(where, reason)]


def _own_fonts(data_dir: Path, stil: Hausstil, paths: Paths) -> list[Problem]:
    """The data's own font files for the Hausstil's Schrift (templates/fonts/) must be sound fonts."""
    problems = []
    for path in font_files(data_dir, stil.schrift):
        if path.is_relative_to(data_dir):
            problems += check_font(path, paths.show(path), stil.where("schrift"))
    return problems
