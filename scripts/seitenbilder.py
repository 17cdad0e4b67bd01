"""Pictures of the example's pages for the handbook: builds data/ (with Sitzungsmappen) into a temporary folder,
renders the chosen pages with pdftoppm (poppler-utils, from the test set-up) into small PNGs in docs/bilder/ and
records which PDF each shows (its SHA-256): tests/projekt/test_handbuch.py checks that every picture shows the PDF the
example builds now. The pictures of the page on tables and page breaks (docs/anleitungen/layout-pruefung.md) come
from the test fixture Kreis Weserbruch into docs/bilder/satz/, each a page or the part of a page between two lines
of text (tests/render/test_satzregeln.py checks them). Run it after a change that alters these pages:

    .venv/bin/python scripts/seitenbilder.py
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BILDER = ROOT / "docs" / "bilder"
QUELLEN = BILDER / "quellen.json"
RESOLUTION = 50  # pixels per inch: an A4 page is 413 × 585 pixels, readable as a picture of the page
COLOURS = 48  # a palette this small keeps a page near 30 KB and its text legible
# picture → (PDF in the example's output, page)
PAGES = {
    "vorlage-seite-1.png": ("vorlagen/2021-0123/2021-0123.pdf", 1),
    "vorlage-finanzierung.png": ("vorlagen/2021-0123/2021-0123.pdf", 3),
    "tagesordnung.png": ("sitzungen/ASI-2021-06-10/tagesordnung.pdf", 1),
    "sitzungsmappe.png": ("sitzungen/ASI-2021-06-10/sitzungsmappe.pdf", 1),
    "niederschrift.png": ("sitzungen/ASI-2021-06-10/niederschrift.pdf", 1),
    "beschlusskontrolle.png": ("intern/beschlusskontrolle/beschlusskontrolle.pdf", 1),
}
WESERBRUCH = ROOT / "tests" / "fixtures" / "weserbruch"
SATZ = BILDER / "satz"
MARGIN = 4  # mm above the first and below the last line of a part of a page
# picture → (PDF in the fixture's output, a text on its page, the first and the last line shown; None: whole page)
SATZBILDER = {
    "sechs-spalten.png": (
        "vorlagen/2023-0232/2023-0232.pdf",
        "2. Neueinrichtung von Stellen",
        ("2. Neueinrichtung von Stellen", "Seite 1 von"),
    ),
    "kopf-wiederholt.png": (
        "vorlagen/2023-0232/2023-0232.pdf",
        "FD 122",
        ("Kreis Weserbruch – Vorlage", "Summe 6,000"),
    ),
    "neun-spalten-quer.png": ("vorlagen/2023-0232/2023-0232.pdf", "10.01.004", None),
    "neun-spalten-dinslaken.png": ("vorlagen/2023-0240/2023-0240.pdf", "Averbruch", None),
    "verkleinert.png": (
        "vorlagen/2023-0233/2023-0233.pdf",
        "Kosten der besetzten Stellen",
        ("Kosten der besetzten Stellen", "Summe 1.362.290"),
    ),
    "querformat-marke.png": ("vorlagen/2023-0233/2023-0233.pdf", "FB 70 Umwelt", None),
    "anlage-quer.png": (
        "vorlagen/2023-0232/anlage-1-stellenuebersicht-nach-fachbereichen.pdf",
        "FD 403 Infektionsschutz",
        None,
    ),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render(
    pdf: Path, page: int, target: Path, crop: tuple[float, float, float] | None = None, resolution: int = RESOLUTION
) -> None:
    """One page (or the part of it from `crop[0]` to `crop[1]` mm below its top, `crop[2]` mm wide) as a small PNG."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "seite"
        command = ["pdftoppm", "-png", "-r", str(resolution), "-f", str(page), "-l", str(page), "-singlefile"]
        if crop is not None:
            top, height, width = (round(mm / 25.4 * resolution) for mm in (crop[0], crop[1] - crop[0], crop[2]))
            command += ["-x", "0", "-y", str(top), "-W", str(width), "-H", str(height)]
        subprocess.run([*command, str(pdf), str(prefix)], check=True)
        with Image.open(prefix.with_suffix(".png")) as image:
            image.convert("RGB").quantize(colors=COLOURS).save(target, optimize=True)


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm fehlt – installieren Sie poppler-utils (./testen.sh richtet es ein).", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    from vorlagen.cli import main as vorlagen

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "output"
        if vorlagen(["--data", str(ROOT / "data"), "--out", str(out), "--mappen"]) != 0:
            return 1
        BILDER.mkdir(exist_ok=True)
        quellen = {}
        for name, (pdf, page) in PAGES.items():
            render(out / pdf, page, BILDER / name)
            quellen[name] = {"pdf": pdf, "seite": page, "sha256": digest(out / pdf)}
            print(f"docs/bilder/{name}: Seite {page} von output/{pdf} ({(BILDER / name).stat().st_size // 1024} KB)")
    QUELLEN.write_text(json.dumps(quellen, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return satzbilder(vorlagen)


def satzbilder(vorlagen) -> int:
    """The pictures of tables and page breaks, from the Kreis Weserbruch."""
    from tests.hilfen.satz import seite_mit, seiten

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "output"
        if vorlagen(["--data", str(WESERBRUCH), "--out", str(out)]) != 0:
            return 1
        SATZ.mkdir(exist_ok=True)
        quellen = {}
        for name, (pdf, needle, part) in SATZBILDER.items():
            pages = seiten(out / pdf)
            index = seite_mit(pages, needle)
            crop = None
            if part is not None:
                lines = pages[index].zeilen
                first = next(z for z in lines if part[0] in z.text)
                last = next(z for z in lines if part[1] in z.text and z.oben >= first.oben)
                # a line's place is its baseline
                crop = (first.oben - MARGIN - 3, last.oben + MARGIN, pages[index].breite)
            render(out / pdf, index + 1, SATZ / name, crop, 72 if crop else 45)
            quellen[name] = {"pdf": pdf, "sha256": digest(out / pdf)}
            print(f"docs/bilder/satz/{name}: Seite {index + 1} von {pdf} ({(SATZ / name).stat().st_size // 1024} KB)")
    (SATZ / "quellen.json").write_text(
        json.dumps(quellen, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
