"""Pictures of the example's pages for the handbook: builds data/ (with Sitzungsmappen) into a temporary folder,
renders the chosen pages with pdftoppm (poppler-utils, from the test set-up) into small PNGs in docs/bilder/ and
records which PDF each shows (its SHA-256): tests/projekt/test_handbuch.py checks that every picture shows the PDF the
example builds now. Run it after a change that alters these pages:

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


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render(pdf: Path, page: int, target: Path) -> None:
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "seite"
        command = ["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", str(page), "-l", str(page), "-singlefile"]
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
