"""The pages of a Vorlage's signed print as this machine sets them now (seitenbild.py), kept per machine.

A layout is a function of the print HTML, every file it loads, the Hausstil's rules of setting (Satz) and the
renderer: the library versions, Pango's version and the fonts of the system, which fill in a character the
Hausstil's fonts lack. While all of these are the same, the pages are too: the result is kept in the user's cache
under a key over all of them, so a build checks a sign-off's Seitenbild without setting the pages again.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
from collections.abc import Sequence
from dataclasses import astuple
from pathlib import Path

from vorlagen.core.engine import LIBRARIES, code_files
from vorlagen.core.reads import hash_of
from vorlagen.core.usercache import keep, read_kept
from vorlagen.load.satz import Satz
from vorlagen.render import druckbild, seitenbild
from vorlagen.render.maschine import weasyprint_laden

MAX_CACHE = 1_000_000  # bytes of one kept Seitenbild (the example's: 4 KB)


@functools.cache
def setzer() -> str:
    """The renderer of this machine: library versions, Pango's version and each system font (path, size, time)."""
    weasyprint_laden()  # FehltHier where this machine lacks Pango
    from weasyprint.text.ffi import ffi, fontconfig, pango

    teile = [f"{name}={importlib.metadata.version(name)}" for name in LIBRARIES]
    teile.append(f"pango={pango.pango_version()}")
    config = fontconfig.FcInitLoadConfigAndFonts()
    try:
        fonts, name = fontconfig.FcConfigGetFonts(config, 0), ffi.new("FcChar8 **")  # 0: FcSetSystem
        for index in range(fonts.nfont if fonts != ffi.NULL else 0):
            if fontconfig.FcPatternGetString(fonts.fonts[index], b"file", 0, name) == 0:
                path = ffi.string(name[0]).decode("utf-8", "replace")
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                teile.append(f"{path} {stat.st_size} {stat.st_mtime_ns}")
    finally:
        fontconfig.FcConfigDestroy(config)
    return hashlib.sha256("\n".join(sorted(teile)).encode("utf-8")).hexdigest()


@functools.cache
def _programm() -> str:
    """The engine's code (how tables are fitted, how pages are digested), the stamp of what is kept."""
    return hashlib.sha256("".join(hash_of(path) for path in code_files()).encode()).hexdigest()


def _key(druck: dict[str, str], base: Path, roots: Sequence[Path], satz: Satz) -> str:
    h = hashlib.sha256(setzer().encode())
    h.update(repr(satz).encode("utf-8"))
    for was, html in druck.items():
        for number, root in enumerate(roots):
            html = html.replace(Path(root).resolve().as_uri() + "/", f"ordner{number}:/")
        h.update(f"\0{was}\0{html}\0".encode())
        for datei, wert in druckbild.geladen(druck[was], base, roots).items():
            h.update(f"{datei}\0{wert}\0".encode())
    return h.hexdigest()


def jetzt(druck: dict[str, str], base: Path, roots: Sequence[Path], satz: Satz) -> dict[str, list[seitenbild.Bereich]]:
    """Each print HTML ('Vorlage', 'Anlage N' → its HTML) laid out as render_pdf sets it, as its thirds of pages;
    from the user's cache while nothing that shapes the layout changed."""
    name, stamp = f"seitenbild-{_key(druck, base, roots, satz)}.txt", _programm()
    kept = _gelesen(read_kept(name, stamp, MAX_CACHE))
    if kept is not None:
        return kept
    from vorlagen.core.problems import Where
    from vorlagen.render.pdf import lay_out

    bild = {
        was: seitenbild.bereiche(lay_out(html, base, list(roots), Where(was), satz), roots)
        for was, html in druck.items()
    }
    keep(
        name, stamp, [json.dumps([was, *astuple(b)], ensure_ascii=False) for was, liste in bild.items() for b in liste]
    )
    return bild


def _gelesen(lines: list[str] | None) -> dict[str, list[seitenbild.Bereich]] | None:
    """The kept pages (one JSON list a third: document, page, third, digest, sections), None when unreadable."""
    if lines is None:
        return None
    bild: dict[str, list[seitenbild.Bereich]] = {}
    try:
        for line in lines:
            was, seite, drittel, digest, abschnitte = json.loads(line)
            bild.setdefault(str(was), []).append(
                seitenbild.Bereich(int(seite), int(drittel), str(digest), tuple(str(a) for a in abschnitte))
            )
    except (ValueError, TypeError):
        return None  # damaged: set anew
    return bild
