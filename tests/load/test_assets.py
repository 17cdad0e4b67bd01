"""Images and fonts of a Hausstil or a text are checked before anything renders: every broken, foreign, huge or
unreadable file is a German problem at the line that names it, without the build machine's path (issue 25)."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from tests.hilfen import AACHEN, copy_data, edit, line_of, problems_of, run

HAUSSTIL = "koerperschaft.yaml"


def _png(width: int, height: int, complete: bool = True) -> bytes:
    """A PNG of this size by its header; the pixel data is a few bytes (enough for everything but decoding)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"\0" * 64))
    return png + chunk(b"IEND", b"") if complete else png  # without its end: cut off in copying


@pytest.fixture
def stil(tmp_path) -> Path:
    return copy_data(AACHEN, tmp_path / "data")


def _logo(data: Path, name: str, content: bytes | None) -> int:
    """Makes `name` the logo (with `content`, or leaves it as it is); returns the line of `logo:`."""
    if content is not None:
        (data / "stil" / name).write_bytes(content)
    edit(data / HAUSSTIL, "logo: stil/logo.svg", f"logo: stil/{name}")
    return line_of(data / HAUSSTIL, "logo:")


@pytest.mark.parametrize(
    "name, content, reason",
    [
        (
            "kaputt.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="10">\n</svg>\n',
            "„stil/kaputt.svg“ ist kein gültiges SVG-Bild (Fehler in Zeile 3, Spalte 3) – speichern Sie es im "
            "Zeichenprogramm neu als SVG.",
        ),
        (
            "fremd.svg",
            b"<html><body>kein Bild</body></html>",
            "„stil/fremd.svg“ ist kein SVG-Bild (es fehlt das Element <svg>) – speichern Sie es neu als SVG oder PNG.",
        ),
        (
            "riesig.png",
            _png(30000, 30000),
            "„stil/riesig.png“ ist 900 Millionen Pixel groß – mehr als 40 Millionen Pixel setzt vorlagen nicht; "
            "verkleinern Sie das Bild (für den Druck genügen 300 dpi).",
        ),
        (
            "gross.png",
            _png(7000, 8000),
            "„stil/gross.png“ ist 7000 × 8000 Pixel groß – mehr als 40 Millionen Pixel setzt vorlagen nicht; "
            "verkleinern Sie das Bild (für den Druck genügen 300 dpi).",
        ),
        (
            "text.png",
            b"Das ist kein Bild.",
            "„stil/text.png“ ist kein Bild, das vorlagen lesen kann – speichern Sie es als PNG, JPEG oder SVG.",
        ),
        (
            "halb.png",
            _png(200, 100, complete=False),
            "„stil/halb.png“ ist beschädigt oder unvollständig – speichern Sie das Bild neu als PNG, JPEG oder SVG.",
        ),
    ],
)
def test_a_broken_foreign_or_huge_logo_is_named_at_its_line(stil, name, content, reason):
    line = _logo(stil, name, content)
    assert problems_of(stil) == [f"data/{HAUSSTIL}:{line}: {reason}"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="benannte Pipes gibt es hier nicht")
def test_a_named_pipe_as_logo_is_refused_not_waited_for(stil):
    os.mkfifo(stil / "stil" / "pipe.png")
    line = _logo(stil, "pipe.png", None)
    assert problems_of(stil) == [
        f"data/{HAUSSTIL}:{line}: „pipe.png“ ist keine gewöhnliche Datei (sondern z. B. "
        "eine benannte Pipe oder ein Gerät) – legen Sie dort eine echte Datei ab."
    ]


def test_the_datas_own_font_must_be_a_font(stil):
    fonts = stil / "templates" / "fonts"
    fonts.mkdir(parents=True)
    (fonts / "LiberationSans-Regular.ttf").write_text("keine Schrift", encoding="utf-8")
    (fonts / "LiberationSans-Bold.ttf").write_bytes(b"\x00\x01\x00\x00" + b"\x07" * 200)  # a font's start, then junk
    problems = problems_of(stil)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "„data/templates/fonts/LiberationSans-Bold.ttf“ ist eine beschädigte oder unvollständige Schriftdatei – "
        "laden Sie die Schrift neu herunter.",
        "„data/templates/fonts/LiberationSans-Regular.ttf“ ist keine Schriftdatei (TrueType, OpenType oder WOFF) – "
        "legen Sie dort die Schriftdatei selbst ab.",
    ]
    assert all(p.startswith(f"data/{HAUSSTIL}:") for p in problems)


def test_every_file_the_stylesheet_names_is_checked_at_its_line(stil):
    (stil / "stil" / "riesig.png").write_bytes(_png(30000, 30000))
    (stil / "stil" / "haus.css").write_text(
        "/* Hausstil */\n"
        'body { background: url("."); }\n'
        ".a { background: url('fehlt.png'); }\n"
        ".b { background: url(riesig.png); }\n"
        '@font-face { font-family: Haus;\n  src: url("logo.svg"); }\n'
        '.c { background: url("logo.svg"); }\n'  # a sound image: no problem
        '.d { background: url("#verlauf"); }\n'
        '.e { background: url("../../geheim.png"); }\n'
        '.f { background: url("/etc/hostname"); }\n',
        encoding="utf-8",
    )
    (stil.parent / "geheim.png").write_bytes(_png(30000, 30000))  # outside: neither read nor judged
    edit(stil / HAUSSTIL, "logo: stil/logo.svg", "logo: stil/logo.svg\n  stylesheet: stil/haus.css")
    assert problems_of(stil) == [
        "data/stil/haus.css:2: „.“ ist ein Ordner, keine Datei – nennen Sie eine Datei darin, z. B. "
        'url("bilder/logo.png").',
        "data/stil/haus.css:3: „fehlt.png“ gibt es nicht – prüfen Sie den Namen (er gilt relativ zur CSS-Datei).",
        "data/stil/haus.css:4: „riesig.png“ ist 900 Millionen Pixel groß – mehr als 40 Millionen Pixel setzt vorlagen "
        "nicht; verkleinern Sie das Bild (für den Druck genügen 300 dpi).",
        "data/stil/haus.css:6: „logo.svg“ ist keine Schriftdatei (TrueType, OpenType oder WOFF) – legen Sie dort die "
        "Schriftdatei selbst ab.",
        "data/stil/haus.css:9: „../../geheim.png“ liegt außerhalb des Datenordners – der Hausstil darf nur Dateien des "
        "Datenordners nennen; legen Sie die Datei dorthin, z. B. nach stil/.",
        "data/stil/haus.css:10: „/etc/hostname“ liegt außerhalb des Datenordners – der Hausstil darf nur Dateien des "
        "Datenordners nennen; legen Sie die Datei dorthin, z. B. nach stil/.",
    ]


def test_a_broken_image_in_a_text_is_named_at_its_line(capsys, stil):
    folder = next((stil / "vorlagen").iterdir())
    text = next(p for p in sorted(folder.glob("*.md")))
    (folder / "grafik.png").write_bytes(_png(9000, 9000))
    text.write_text(text.read_text(encoding="utf-8") + "\n![Grafik](grafik.png)\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--data", str(stil))
    line = line_of(text, "![Grafik]")
    assert code == 1
    assert err.splitlines()[0] == (
        f"data/vorlagen/{folder.name}/{text.name}:{line}: „grafik.png“ ist 9000 × 9000 "
        "Pixel groß – mehr als 40 Millionen Pixel setzt vorlagen nicht; verkleinern Sie "
        "das Bild (für den Druck genügen 300 dpi)."
    )
