"""Every published PDF: PDF/UA-1 and PDF/A-2u, checked by veraPDF and outloud (when installed) and by our Matterhorn checks."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.hilfen import AACHEN, DATA, ROOT, WIESENBRUECK, copy_data, freigeben
from tests.hilfen.matterhorn import problems
from vorlagen.cli import main

# messages name files from where the command ran: as users, the tests run from the repository (tmp_path)
pytestmark = pytest.mark.usefixtures("aus_dem_repository")

# installed into the project by scripts/setup.sh --test (scripts/validators/einrichten.sh)
VERAPDF = str(ROOT / ".werkzeuge" / "validators" / "verapdf-check")
OUTLOUD = str(ROOT / ".werkzeuge" / "validators-venv" / "bin" / "outloud")


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


@pytest.mark.langsam  # every PDF of a whole build through the checkers
def test_matterhorn_checks_pass_for_every_pdf(published):
    found = {str(p.name): problems(p) for p in published}
    assert {name: issues for name, issues in found.items() if issues} == {}


def test_our_checks_find_what_they_look_for(tmp_path):
    """The checks catch an untagged PDF (as pypdf writes one) and the old <dl> header's L → Div."""
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    writer.write(tmp_path / "leer.pdf")
    assert problems(tmp_path / "leer.pdf")[:2] == [
        "01-002: nicht als getaggt markiert (MarkInfo/Marked)",
        "01-003: kein Strukturbaum",
    ]


@pytest.mark.langsam  # builds whole repositories
def test_a_table_breaking_before_its_sum_keeps_a_body_on_every_page(tmp_path):
    """One more paragraph pushed a Berechnung's page break between its last row and its sum: the next page
    then held a table of head and foot only (no TBody), which veraPDF rejects (PDF/UA-1 7.2-13/14)."""
    data = copy_data(DATA, tmp_path)
    with (data / "vorlagen" / "2021-0123" / "vorbemerkungen.md").open("a", encoding="utf-8") as text:
        text.write(
            "\nEin weiterer kurzer Absatz, der nur dazu dient, den Seitenumbruch zu verschieben, damit eine "
            "Tabelle über die Seitengrenze läuft.\n"
        )
    out = tmp_path / "output"
    assert main(["build", "--data", str(data), "--out", str(out)]) == 0
    assert problems(out / "intern" / "vorlagen" / "2021-0123" / "2021-0123.pdf") == []


@pytest.mark.langsam  # every PDF of a whole build through veraPDF (Java)
@pytest.mark.skipif(not Path(VERAPDF).exists(), reason="veraPDF nicht eingerichtet (scripts/setup.sh --test)")
def test_verapdf_passes_pdf_ua_1_and_pdf_a_2u(published):
    result = subprocess.run([VERAPDF, "ua1,2u", *map(str, published)], capture_output=True, text=True, timeout=600)
    failed = [line for line in result.stdout.splitlines() if not line.startswith(("PASS", "  time"))]
    assert result.returncode == 0 and failed == [], "\n".join(failed)
    assert result.stdout.count("PASS") == 2 * len(published)


@pytest.mark.langsam  # every PDF of a whole build through the checkers
@pytest.mark.skipif(
    not Path(OUTLOUD).exists() or shutil.which("java") is None,
    reason="outloud nicht eingerichtet (scripts/setup.sh --test)",
)
def test_outloud_finds_neither_errors_nor_warnings(published):
    """In a Sitzungsmappe each part's letterhead repeats; outloud warns (PAG-001) – errors still fail it."""
    mappen = [str(p) for p in published if p.name.startswith("sitzungsmappe")]
    others = [str(p) for p in published if not p.name.startswith("sitzungsmappe")]
    for level, paths in (("error", mappen), ("warning", others)):
        result = subprocess.run(
            [OUTLOUD, "--no-info", "--fail-on", level, *paths], capture_output=True, text=True, timeout=900
        )
        assert result.returncode == 0, result.stdout


UNTAGGED = (
    "Warnung: data/vorlagen/2021-0123/{datei}: Die PDF-Anlage ist nicht getaggt – die öffentliche Sitzungsmappe "
    "{sid} und das Veröffentlichungspaket sind damit nicht barrierefrei (PDF/UA); ersetzen Sie die Anlage durch "
    "ein getaggtes PDF."
)
NOT_PDFA = (
    "Warnung: data/vorlagen/2021-0123/{datei}: Die PDF-Anlage ist kein PDF/A – die öffentliche Sitzungsmappe "
    "{sid} und das Veröffentlichungspaket sind damit nicht archivierbar (PDF/A); ersetzen Sie die Anlage durch "
    "ein PDF/A-2-Dokument (beim Speichern „PDF/A“ wählen)."
)
SITZUNGEN = ("ASI-2021-06-10", "KA-2021-06-21")  # the Sitzungen whose public TOPs hold Vorlage 2021/0123
ANTRAG = (
    '<html lang="de"><head><title>Antrag</title></head><body><h1>Antrag der Fraktion</h1>'
    "<p>Die Fraktion beantragt, das Integrationsmanagement fortzuführen.</p>{extra}</body></html>"
)


def handed_in(pdf: bytes, tmp_path: Path, capsys) -> tuple[Path, list[str]]:
    """A build of data/ with `pdf` as a public Anlage of 2021/0123 handed in as a file: output and warnings."""
    data = copy_data(DATA, tmp_path)
    (data / "vorlagen/2021-0123/scan.pdf").write_bytes(pdf)
    vorlage = data / "vorlagen/2021-0123/vorlage.yaml"
    vorlage.write_text(
        vorlage.read_text(encoding="utf-8").replace(
            "anlagen:\n", "anlagen:\n  - {titel: Eingescannter Antrag, datei: scan.pdf}\n"
        ),
        encoding="utf-8",
    )
    freigeben(data)
    out = tmp_path / "output"
    assert main(["build", "--data", str(data), "--out", str(out), "--mappen"]) == 0
    return out, [line for line in capsys.readouterr().out.splitlines() if line.startswith("Warnung:")]


def claims(path: Path) -> tuple[str | None, bool, bool]:
    """A PDF's PDF/A identification ("2U"), PDF/UA identification, and whether it has a structure tree."""
    import re

    import pypdf

    reader = pypdf.PdfReader(path)
    xmp = reader.xmp_metadata.stream.get_data().decode()
    pdfa = re.findall(r'pdfaid:part="(\d)" pdfaid:conformance="(\w)"', xmp)
    assert len(pdfa) <= 1 and xmp.count("pdfaid:part") == len(pdfa)
    return (
        "".join(pdfa[0]) if pdfa else None,
        "<pdfuaid:part>1</pdfuaid:part>" in xmp,
        "/StructTreeRoot" in reader.trailer["/Root"],
    )


@pytest.mark.langsam  # builds whole repositories
def test_an_untagged_pdf_anlage_is_named_and_the_packet_claims_nothing(tmp_path, capsys):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    scan = io.BytesIO()
    writer.write(scan)
    out, warnings = handed_in(scan.getvalue(), tmp_path, capsys)
    assert warnings == [
        message.format(datei="scan.pdf", sid=sid) for sid in SITZUNGEN for message in (UNTAGGED, NOT_PDFA)
    ]
    assert claims(out / "sitzungen/ASI-2021-06-10/sitzungsmappe.pdf") == (None, False, False)
    assert claims(out / "vorlagen/2021-0123/2021-0123.pdf") == ("2U", True, True)


@pytest.mark.langsam  # builds whole repositories
def test_a_tagged_anlage_that_is_not_pdf_a_keeps_pdf_ua_and_drops_pdf_a(tmp_path, capsys):
    from weasyprint import HTML

    out, warnings = handed_in(HTML(string=ANTRAG.format(extra="")).write_pdf(pdf_tags=True), tmp_path, capsys)
    assert warnings == [NOT_PDFA.format(datei="scan.pdf", sid=sid) for sid in SITZUNGEN]
    mappe = out / "sitzungen/ASI-2021-06-10/sitzungsmappe.pdf"
    assert claims(mappe) == (None, True, True)
    if Path(VERAPDF).exists():
        result = subprocess.run([VERAPDF, "ua1", str(mappe)], capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("pdf/a-2u", ("2U", True, True)),  # tagged PDF/A-2u: the Mappe keeps both claims
        ("pdf/a-2b", ("2B", True, True)),  # PDF/A only at level b: so is the Mappe
        ("pdf/a-1b", ("2B", False, False)),  # untagged PDF/A-1b: level b, no PDF/UA
        ("pdf/a-3u+datei", (None, True, True)),  # a file attached on a page: PDF/A-3 only, not in a PDF/A-2 Mappe
        ("pdf/a-3u+textfassung", ("2U", True, True)),  # attached to the document (as our older PDFs): left behind
    ],
)
def test_the_mappe_claims_what_its_handed_in_parts_hold(built, kind, expected, tmp_path):
    import pypdf
    from weasyprint import HTML, Attachment

    from vorlagen.meetings import mappe

    variant, _, extra = kind.partition("+")
    html = ANTRAG.format(
        extra='<p><a rel="attachment" href="data:text/plain,Tabelle">Tabelle</a></p>' if extra == "datei" else ""
    )
    attachments = [Attachment(string="Text", name="textfassung.txt")] if extra == "textfassung" else []
    part = HTML(string=html).write_pdf(pdf_tags=variant != "pdf/a-1b", pdf_variant=variant, attachments=attachments)
    cover = (built / "sitzungen/ASI-2021-06-10/tagesordnung.pdf").read_bytes()
    merged = mappe.assemble(
        [mappe.Teil(part, [(0, "Antrag")])], lambda inhalt: cover, "Sitzungsmappe: Test", "Sitzungsmappe Test"
    )
    (tmp_path / "mappe.pdf").write_bytes(merged)
    assert claims(tmp_path / "mappe.pdf") == expected
    assert pypdf.PdfReader(tmp_path / "mappe.pdf").attachments == {}
    flavours = ",".join(([expected[0].lower()] if expected[0] else []) + (["ua1"] if expected[1] else []))
    if Path(VERAPDF).exists() and expected[0]:
        result = subprocess.run(
            [VERAPDF, flavours, str(tmp_path / "mappe.pdf")], capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stdout


@pytest.mark.langsam  # builds whole repositories
def test_a_pdf_a_3_anlage_with_a_file_on_its_page_is_named(tmp_path, capsys):
    from weasyprint import HTML

    html = ANTRAG.format(extra='<p><a rel="attachment" href="data:text/plain,Tabelle">Tabelle</a></p>')
    out, warnings = handed_in(HTML(string=html).write_pdf(pdf_tags=True, pdf_variant="pdf/a-3u"), tmp_path, capsys)
    assert warnings == [
        NOT_PDFA.format(datei="scan.pdf", sid=sid).replace(
            "ist kein PDF/A", "ist PDF/A-3 mit eingebetteten Dateien, die PDF/A-2 nicht erlaubt"
        )
        for sid in SITZUNGEN
    ]
    assert claims(out / "sitzungen/ASI-2021-06-10/sitzungsmappe.pdf") == (None, True, True)


def test_a_pdf_a_part_with_a_print_profile_does_not_fit_the_srgb_mappe():
    """An output intent with a CMYK profile (4 components): its DeviceCMYK colours are not covered by sRGB."""
    import pypdf
    from pypdf.generic import NameObject, NumberObject
    from weasyprint import HTML

    from vorlagen.meetings import mappe, mappe_claims

    reader = pypdf.PdfReader(
        io.BytesIO(HTML(string=ANTRAG.format(extra="")).write_pdf(pdf_tags=True, pdf_variant="pdf/a-2u"))
    )
    assert mappe_claims.anspruch(reader) == mappe_claims.Anspruch(True, "U")
    writer = pypdf.PdfWriter(clone_from=reader)
    intent = writer._root_object["/OutputIntents"][0].get_object()
    intent["/DestOutputProfile"].get_object()[NameObject("/N")] = NumberObject(4)
    printed = io.BytesIO()
    writer.write(printed)
    assert mappe.anspruch(printed.getvalue()) == mappe_claims.Anspruch(
        True, None, "ist PDF/A mit einem Druckfarbprofil (CMYK), die Mappe mit sRGB"
    )
    assert mappe_claims.stufe([mappe_claims.Anspruch(True, "U"), mappe_claims.Anspruch(False, "B")]) == "B"
