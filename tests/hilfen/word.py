"""Reading a Word file as tools we did not write read it: python-docx gives the body in order – each paragraph's text
(a list item with its number in front, as the text rendition writes it), each table as rows of cells, a merged cell
once –; LibreOffice converts it to PDF."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests.hilfen import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def falten(text: str) -> str:
    """Runs of white space as one space, as HTML shows them – a no-break space is not white space here."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip(" ")


def gelesen(data: bytes):
    return docx.Document(io.BytesIO(data))


def _marken(data: bytes):
    """For each list (numId) its first number and whether it counts (decimal) or shows a bullet."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "word/numbering.xml" not in archive.namelist():
            return {}
        root = ElementTree.fromstring(archive.read("word/numbering.xml"))
    levels = {}
    for abstract in root.iter(f"{W}abstractNum"):
        lvl = abstract.find(f"{W}lvl")
        fmt = lvl.find(f"{W}numFmt").get(f"{W}val")
        levels[abstract.get(f"{W}abstractNumId")] = (fmt, int(lvl.find(f"{W}start").get(f"{W}val")))
    return {num.get(f"{W}numId"): levels[num.find(f"{W}abstractNumId").get(f"{W}val")] for num in root.iter(f"{W}num")}


def zellen(table: Table) -> list[list[str]]:
    """The rows of a table, each cell's text with its white space folded (falten), a cell merged over columns or rows
    once."""
    seen: list = []  # the cells' elements, kept alive: an id() of a freed one may come again
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if not any(cell._tc is other for other in seen):
                seen.append(cell._tc)
                cells.append(falten(cell.text))
        rows.append(cells)
    return rows


def bloecke(data: bytes) -> list:
    """The body in reading order: a paragraph's text (str; a list item as „1. …“ or „- …“) or a table (its rows; a
    row of boxes side by side – the page head, the signatures – is a table, too)."""
    document, marken = gelesen(data), _marken(data)
    zaehler: dict[str, int] = {}
    found: list = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            found.append(zellen(block))
            continue
        assert isinstance(block, Paragraph)
        numpr = block._p.find(f"{W}pPr/{W}numPr")
        text = block.text
        if numpr is not None and text.strip():
            number = numpr.find(f"{W}numId").get(f"{W}val")
            fmt, start = marken[number]
            zaehler[number] = zaehler.get(number, start - 1) + 1
            text = f"{zaehler[number]}. {text}" if fmt == "decimal" else f"- {text}"
        found.append(text)
    return found


def zeilen(data: bytes) -> list[str]:
    """The body as lines: each paragraph that says something, each table row with its cells two spaces apart."""
    lines = []
    for block in bloecke(data):
        if isinstance(block, str):
            lines += [block] if block.strip() else []
        else:
            lines += ["  ".join(row) for row in block]
    return lines


def tabellen(data: bytes) -> list[list[list[str]]]:
    """The print's tables (style Table Grid), not the rows of boxes side by side."""
    document = gelesen(data)
    return [zellen(t) for t in document.iter_inner_content() if isinstance(t, Table) and t.style.name == "Table Grid"]


def libreoffice(dateien: list[Path], ziel: Path) -> dict[Path, Path]:
    """Each Word file converted to PDF by LibreOffice headless (installed by scripts/setup.sh --test), with the
    project's fonts (as the PDF has them); file → its PDF. A file LibreOffice cannot convert has no PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None, "LibreOffice fehlt – scripts/setup.sh --test installiert es"
    ziel.mkdir(parents=True, exist_ok=True)
    fonts = ziel / "fonts.conf"
    fonts.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{ROOT / "templates" / "fonts"}</dir>'
        f"<cachedir>{ziel / 'fontcache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    eingang = ziel / "eingang"
    eingang.mkdir(exist_ok=True)
    namen = {}
    for number, datei in enumerate(dateien):
        kopie = eingang / f"{number:03d}-{datei.stem}.docx"
        shutil.copyfile(datei, kopie)
        namen[datei] = ziel / "pdf" / f"{kopie.stem}.pdf"
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts), "HOME": str(ziel)}
    profil = (ziel / "profil").as_uri()
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={profil}", "--convert-to", "pdf",
         "--outdir", str(ziel / "pdf"), *sorted(str(p) for p in eingang.glob("*.docx"))],
        check=True, capture_output=True, timeout=600, env=env,
    )  # fmt: skip
    return {datei: pdf for datei, pdf in namen.items() if pdf.is_file()}
