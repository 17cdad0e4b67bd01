"""Every published PDF: PDF/UA-1 and PDF/A-2u, checked by veraPDF and outloud (when installed) and by our Matterhorn checks."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from vorlagen.cli import main

from .conftest import AACHEN, DATA, ROOT, WIESENBRUECK, copy_data
from .matterhorn import problems

VERAPDF = os.environ.get("VERAPDF_CHECK", "/opt/validators/verapdf-check")
OUTLOUD = os.environ.get("OUTLOUD", "/opt/validators-venv/bin/outloud")


ERLENBRUCH = ROOT / "tests" / "fixtures" / "erlenbruch"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> list[Path]:
    """Every PDF we make in builds with packets of data/ and the three fixtures: public and internal.

    A PDF Anlage handed in as a file is passed through unchanged (Aachen's untagged antrag.pdf): it
    is not ours to check; the build warns about it instead (see the tests below).
    """
    pdfs, counts = [], {}
    for source in (DATA, AACHEN, ERLENBRUCH, WIESENBRUECK):
        root = tmp_path_factory.mktemp(source.name)
        data = copy_data(source, root)
        out = root / "output"
        assert main(["build", "--data", str(data), "--out", str(out), "--mappen"]) == 0
        handed_in = {hashlib.sha256(p.read_bytes()).digest() for p in data.rglob("*.pdf")}
        built = sorted(p for p in out.rglob("*.pdf") if hashlib.sha256(p.read_bytes()).digest() not in handed_in)
        counts[source.name] = sum(p.name.startswith("sitzungsmappe") for p in built)
        pdfs += built
    assert len(pdfs) >= 60
    # data/: 3 Sitzungen (public, bundle, internal); Aachen has no Sitzung; the fixtures' Sitzungen have Mappen
    assert counts["data"] == 9 and counts["aachen"] == 0 and counts["erlenbruch"] >= 3 and counts["wiesenbrueck"] >= 3
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
def test_verapdf_passes_pdf_ua_1_and_pdf_a_2u(published):
    result = subprocess.run([VERAPDF, "ua1,2u", *map(str, published)], capture_output=True, text=True, timeout=600)
    failed = [line for line in result.stdout.splitlines() if not line.startswith(("PASS", "  time"))]
    assert result.returncode == 0 and failed == [], "\n".join(failed)
    assert result.stdout.count("PASS") == 2 * len(published)


@pytest.mark.skipif(not Path(OUTLOUD).exists() or shutil.which("java") is None,
                    reason="outloud nicht eingerichtet (scripts/validators/einrichten.sh)")
def test_outloud_finds_neither_errors_nor_warnings(published):
    """In a Sitzungsmappe each part's letterhead repeats; outloud warns (PAG-001) – errors still fail it."""
    mappen = [str(p) for p in published if p.name.startswith("sitzungsmappe")]
    others = [str(p) for p in published if not p.name.startswith("sitzungsmappe")]
    for level, paths in (("error", mappen), ("warning", others)):
        result = subprocess.run([OUTLOUD, "--no-info", "--fail-on", level, *paths], capture_output=True,
                                text=True, timeout=900)
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
