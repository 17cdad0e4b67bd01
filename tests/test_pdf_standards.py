"""Every published PDF: PDF/UA-1 and PDF/A-3u, checked by veraPDF and outloud (when installed) and by our Matterhorn checks."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from vorlagen.cli import main

from .conftest import DATA, copy_data
from .matterhorn import problems

VERAPDF = os.environ.get("VERAPDF_CHECK", "/opt/validators/verapdf-check")
OUTLOUD = os.environ.get("OUTLOUD", "/opt/validators-venv/bin/outloud")


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> list[Path]:
    """Every PDF of a build of data/ with packets: public and internal, the packets included."""
    root = tmp_path_factory.mktemp("pdf")
    data = copy_data(DATA, root)
    out = root / "output"
    assert main(["build", "--data", str(data), "--out", str(out), "--mappen"]) == 0
    pdfs = sorted(out.rglob("*.pdf"))
    assert len(pdfs) >= 15
    assert sum(p.name.startswith("sitzungsmappe") for p in pdfs) == 9  # 3 Sitzungen: public, bundle, internal
    return pdfs




def test_matterhorn_checks_pass_for_every_pdf(published):
    found = {str(p.name): problems(p) for p in published}
    assert {name: issues for name, issues in found.items() if issues} == {}


def test_our_checks_find_what_they_look_for(tmp_path):
    """The checks catch an untagged PDF (as pypdf writes one) and the old <dl> header's L → Div."""
    import pypdf
    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    writer.write(tmp_path / "leer.pdf")
    assert problems(tmp_path / "leer.pdf")[:2] == ["01-002: nicht als getaggt markiert (MarkInfo/Marked)",
                                                   "01-003: kein Strukturbaum"]


@pytest.mark.skipif(not Path(VERAPDF).exists(), reason="veraPDF nicht eingerichtet (scripts/validators/einrichten.sh)")
def test_verapdf_passes_pdf_ua_1_and_pdf_a_3u(published):
    result = subprocess.run([VERAPDF, "ua1,3u", *map(str, published)], capture_output=True, text=True, timeout=600)
    failed = [line for line in result.stdout.splitlines() if not line.startswith(("PASS", "  time"))]
    assert result.returncode == 0 and failed == [], "\n".join(failed)
    assert result.stdout.count("PASS") == 2 * len(published)


@pytest.mark.skipif(not Path(OUTLOUD).exists() or shutil.which("java") is None,
                    reason="outloud nicht eingerichtet (scripts/validators/einrichten.sh)")
def test_outloud_finds_neither_errors_nor_warnings(published):
    """In a Sitzungsmappe each part's letterhead repeats; outloud warns (PAG-001) – errors still fail it."""
    for path in published:
        level = "error" if path.name.startswith("sitzungsmappe") else "warning"
        result = subprocess.run([OUTLOUD, "--no-info", "--fail-on", level, str(path)], capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 0, result.stdout


def test_an_untagged_pdf_anlage_is_named_and_the_packet_claims_nothing(tmp_path, capsys):
    import pypdf
    data = copy_data(DATA, tmp_path)
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(data / "vorlagen/2021-0123/scan.pdf")
    vorlage = data / "vorlagen/2021-0123/vorlage.yaml"
    vorlage.write_text(vorlage.read_text(encoding="utf-8").replace(
        "anlagen:\n", "anlagen:\n  - {titel: Eingescannter Antrag, datei: scan.pdf}\n"), encoding="utf-8")
    out = tmp_path / "output"
    assert main(["build", "--data", str(data), "--out", str(out), "--mappen"]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Warnung:")]
    assert warnings == [f"Warnung: data/vorlagen/2021-0123/scan.pdf: Die PDF-Anlage ist nicht getaggt – die öffentliche "
                        f"Sitzungsmappe {sid} und das Veröffentlichungspaket sind damit nicht barrierefrei (PDF/UA); "
                        "ersetzen Sie die Anlage durch ein getaggtes PDF." for sid in ("ASI-2021-06-10", "KA-2021-06-21")]
    packet = pypdf.PdfReader(out / "sitzungen/ASI-2021-06-10/sitzungsmappe.pdf")
    xmp = packet.xmp_metadata.stream.get_data().decode()
    assert "/StructTreeRoot" not in packet.trailer["/Root"] and "pdfuaid:part" not in xmp and "pdfaid:part" not in xmp
    tagged = pypdf.PdfReader(out / "vorlagen/2021-0123/2021-0123.pdf")
    assert "/StructTreeRoot" in tagged.trailer["/Root"]
