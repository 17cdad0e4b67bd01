"""Renders the page images of the handbook's page on tables and page breaks (docs/anleitungen/layout-pruefung.md)
from the real output: the test fixture Kreis Weserbruch is built, and each image is a page or the part of a page
between two lines of text. docs/bilder/satz/quellen.json records the PDF each image was made from (its SHA-256);
tests/test_satz.py fails when a build makes other PDFs, so that this script is run again:

    .venv/bin/python scripts/seitenbilder.py
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.satz import seite_mit, seiten  # noqa: E402 (the repository's root on the path first)
from vorlagen.cli import main  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "weserbruch"
TARGET = ROOT / "docs" / "bilder" / "satz"
SOURCES = TARGET / "quellen.json"
MARGIN = 4  # mm above the first and below the last line of a part of a page

# image → (PDF in the output, a text on its page, the first and the last line of the part shown; None: whole page)
IMAGES = {
    "sechs-spalten": (
        "vorlagen/2023-0232/2023-0232.pdf",
        "2. Neueinrichtung von Stellen",
        ("2. Neueinrichtung von Stellen", "Seite 1 von"),
    ),
    "kopf-wiederholt": ("vorlagen/2023-0232/2023-0232.pdf", "FD 122", ("Kreis Weserbruch – Vorlage", "Summe 6,000")),
    "neun-spalten-quer": ("vorlagen/2023-0232/2023-0232.pdf", "10.01.004", None),
    "verkleinert": (
        "vorlagen/2023-0233/2023-0233.pdf",
        "Kosten der besetzten Stellen",
        ("Kosten der besetzten Stellen", "Summe 1.362.290"),
    ),
    "querformat-marke": ("vorlagen/2023-0233/2023-0233.pdf", "FB 70 Umwelt", None),
    "anlage-quer": (
        "vorlagen/2023-0232/anlage-1-stellenuebersicht-nach-fachbereichen.pdf",
        "FD 403 Infektionsschutz",
        None,
    ),
}
DPI = {True: 45, False: 72}  # a whole page, a part of one


def build(out: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["--data", str(FIXTURE), "--out", str(out)])
    if code != 0:
        raise SystemExit("Der Bau des Kreises Weserbruch ist fehlgeschlagen – die Bilder bleiben, wie sie sind.")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render(pdf: Path, needle: str, part: tuple[str, str] | None, target: Path) -> None:
    pages = seiten(pdf)
    index = seite_mit(pages, needle)
    page = pages[index]
    dpi = DPI[part is None]
    crop = []
    if part is not None:
        lines = [zeile for zeile in page.zeilen]
        first = next(z for z in lines if part[0] in z.text)
        last = next(z for z in lines if part[1] in z.text and z.oben >= first.oben)
        top, bottom = first.oben - MARGIN - 3, last.oben + MARGIN
        pixels = [round(value / 25.4 * dpi) for value in (0, top, page.breite, bottom - top)]
        crop = ["-x", str(pixels[0]), "-y", str(pixels[1]), "-W", str(pixels[2]), "-H", str(pixels[3])]
    page_number = str(index + 1)
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", page_number, "-l", page_number, *crop, "-singlefile"]
        + [str(pdf), str(target.with_suffix(""))],
        check=True,
        timeout=120,
    )


def erneuern() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="seitenbilder-") as folder:
        out = Path(folder) / "out"
        build(out)
        sources = {}
        for name, (pdf, needle, part) in IMAGES.items():
            render(out / pdf, needle, part, TARGET / f"{name}.png")
            sources[f"{name}.png"] = {"pdf": pdf, "sha256": digest(out / pdf)}
    SOURCES.write_text(json.dumps(sources, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(IMAGES)} Bilder in {TARGET.relative_to(ROOT)}/")


if __name__ == "__main__":
    erneuern()
