"""The Word files in the record of each document (issue 48): made with their PDF from the same layout, kept with it
while nothing it was made from changed, made anew when the PDF is, when the Word file was changed or removed after the
build, or when the Hausstil turns them on or off. With the stand-in renderer: the bookkeeping is the point."""

from __future__ import annotations

from tests.hilfen import edit, freigeben
from tests.hilfen.bauen import build, inode
from tests.hilfen.word import zeilen

DOCX = "vorlagen/2021-0123/2021-0123.docx"
ANLAGE = "vorlagen/2021-0123/anlage-1-handlungskonzept-kommunales-integrationsmanagement.docx"
SECRET = "intern/vorlagen/2021-0130/2021-0130.docx"
NIEDERSCHRIFT = "sitzungen/ASI-2021-06-10/niederschrift.docx"
AUSZUG = "intern/sitzungen/ASI-2021-06-10/auszug-top-3.docx"


def test_a_build_writes_the_word_files_keeps_them_and_makes_anew_what_was_changed_after_it(schnellsatz, data, tmp_path):
    out = tmp_path / "output"
    build(data, out)
    for name in (DOCX, ANLAGE, SECRET, NIEDERSCHRIFT, AUSZUG):
        assert (out / name).read_bytes()[:2] == b"PK", name
    assert not list(out.rglob("tagesordnung.docx")) and not list(out.rglob("beschlusskontrolle*.docx"))
    before = {name: inode(out / name) for name in (DOCX, SECRET, NIEDERSCHRIFT)}
    again = build(data, out)
    assert again.rendered == 0
    assert {name: inode(out / name) for name in before} == before  # linked from the previous output
    built = {name: (out / name).read_bytes() for name in (DOCX, SECRET)}
    (out / DOCX).write_bytes(built[DOCX] + b"von Hand")  # what is published must be what was built and signed
    (out / SECRET).unlink()
    assert build(data, out).rendered == 2  # each of the two with its PDF, nothing else
    assert {name: (out / name).read_bytes() for name in (DOCX, SECRET)} == built


def test_a_changed_text_makes_the_pdf_and_the_word_file_anew(schnellsatz, data, tmp_path):
    out = tmp_path / "output"
    build(data, out)
    anlage = inode(out / ANLAGE)
    edit(
        data / "vorlagen/2021-0123/erlaeuterungen.md",
        "Feste Wochentage je Kommune",
        "Feste Wochentage in jeder Kommune",
    )
    freigeben(data)
    build(data, out)
    assert any(line.startswith("Feste Wochentage in jeder Kommune") for line in zeilen((out / DOCX).read_bytes()))
    assert inode(out / ANLAGE) == anlage  # its Anlage did not change


def test_the_hausstil_turns_the_word_files_off_and_on(schnellsatz, data, tmp_path):
    out = tmp_path / "output"
    build(data, out)
    with_word = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    edit(data / "koerperschaft.yaml", 'akzentfarbe: "#00599c"\n', 'akzentfarbe: "#00599c"\n  word: {dateien: false}\n')
    build(data, out)
    without = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert with_word - without == {p for p in with_word if p.endswith(".docx")} and len(with_word - without) == 15
    assert without <= with_word
    edit(data / "koerperschaft.yaml", "word: {dateien: false}", "word: {dateien: true}")
    build(data, out)
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == with_word
