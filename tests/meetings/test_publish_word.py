"""Word files in the publish bundle and the OParl endpoint, where the Hausstil publishes them (hausstil: word:
veroeffentlichen): each public Vorlage's, its public Anlagen's from Markdown and the public Niederschrift's, as OParl
Files of the Word type – valid against the official schemas –, never a non-public one, never an ENTWURF's; by default
the bundle and the endpoint carry PDFs only."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.hilfen import edit, freigeben, main
from tests.hilfen.oparl import errors

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ASI = "ASI-2021-06-10"


def _veroeffentlichen(data) -> None:
    edit(
        data / "koerperschaft.yaml",
        'akzentfarbe: "#00599c"\n',
        'akzentfarbe: "#00599c"\n  word: {veroeffentlichen: true}\n',
    )


@pytest.fixture
def mit_word(schnellsatz, data, tmp_path):
    """The example built with its Mappen and bundles, its Word files published."""
    _veroeffentlichen(data)
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out), "--mappen"]) == 0
    return out


def _files(out) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((out / "oparl" / "file").glob("*.json"))]


def test_the_bundle_carries_the_public_word_files(mit_word):
    bundle = mit_word / "publish" / ASI
    names = sorted(p.name for p in bundle.iterdir())
    assert [n for n in names if n.endswith(".docx")] == [
        "niederschrift.docx",
        "vorlage-2021-0123-anlage-1.docx",
        "vorlage-2021-0123.docx",
    ]
    assert (bundle / "vorlage-2021-0123.docx").read_bytes() == (
        mit_word / "vorlagen/2021-0123/2021-0123.docx"
    ).read_bytes()
    assert (bundle / "niederschrift.docx").read_bytes() == (
        mit_word / f"sitzungen/{ASI}/niederschrift.docx"
    ).read_bytes()
    sums = (bundle / "SHA256SUMS").read_text(encoding="ascii")
    for name in names:
        if name.endswith(".docx"):
            assert f"{hashlib.sha256((bundle / name).read_bytes()).hexdigest()}  {name}\n" in sums
    everything = "\n".join(p.relative_to(mit_word).as_posix() for p in (mit_word / "publish").rglob("*"))
    assert "2021-0130" not in everything and "auszug" not in everything  # the non-public Vorlage, the Auszüge


def test_oparl_names_each_word_file_with_its_type_and_checksum(mit_word):
    files = {f["fileName"]: f for f in _files(mit_word)}
    word = {name: f for name, f in files.items() if name.endswith(".docx")}
    assert (
        sorted(word)
        == [
            "niederschrift.docx",  # once: the three Sitzungen name their files alike, each has its own object
            "vorlage-2021-0123-anlage-1.docx",
            "vorlage-2021-0123.docx",
        ]
        or len(word) == 5
    )
    for file in word.values():
        assert file["mimeType"] == DOCX
        local = (mit_word / file["accessUrl"].split("/vorlagen/", 1)[1]).read_bytes()
        assert file["size"] == len(local) and file["sha512Checksum"] == hashlib.sha512(local).hexdigest()
        assert errors(file) == []
        assert "/intern/" not in file["accessUrl"]
    paper = json.loads((mit_word / "oparl" / "paper" / "2021-0123.json").read_text(encoding="utf-8"))
    assert [(f["name"], f["mimeType"]) for f in paper["auxiliaryFile"]] == [
        ("Anlage 1: Handlungskonzept Kommunales Integrationsmanagement", "application/pdf"),
        ("Beschlussvorlage 2021/0123 (Word)", DOCX),
        ("Anlage 1: Handlungskonzept Kommunales Integrationsmanagement (Word)", DOCX),
    ]
    assert errors(paper) == []
    meeting = json.loads((mit_word / "oparl" / "meeting" / "asi-2021-06-10.json").read_text(encoding="utf-8"))
    assert [f["fileName"] for f in meeting["auxiliaryFile"]] == ["sitzungsmappe.pdf", "niederschrift.docx"]
    assert errors(meeting) == []
    bundle = json.loads((mit_word / "publish" / ASI / "oparl.json").read_text(encoding="utf-8"))
    assert bundle["paper"] == [paper] and bundle["meeting"]["auxiliaryFile"] == meeting["auxiliaryFile"]


def test_by_default_the_bundle_and_oparl_carry_pdfs_only(built):
    assert not list((built / "publish").rglob("*.docx"))
    assert {json.loads(p.read_text(encoding="utf-8"))["mimeType"] for p in (built / "oparl/file").glob("*.json")} == {
        "application/pdf"
    }
    assert (built / "vorlagen/2021-0123/2021-0123.docx").is_file()  # written, not published


def test_a_non_public_anlage_and_an_entwurf_never_reach_oparl(schnellsatz, data, tmp_path):
    _veroeffentlichen(data)
    edit(
        data / "vorlagen/2021-0123/vorlage.yaml",
        "datei: anlagen/handlungskonzept.md}",
        "datei: anlagen/handlungskonzept.md, oeffentlich: false}",
    )
    freigeben(data)
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out), "--mappen"]) == 0
    assert sorted(p.name for p in (out / "publish" / ASI).glob("*.docx")) == [
        "niederschrift.docx",
        "vorlage-2021-0123.docx",
    ]
    assert [f["fileName"] for f in _files(out) if f["fileName"].startswith("vorlage-")] == [
        "vorlage-2021-0123.pdf",
        "vorlage-2021-0123.docx",
    ] or {f["fileName"] for f in _files(out) if "anlage" in f["fileName"]} == set()
    assert list((out / "intern" / "vorlagen" / "2021-0123").glob("anlage-1-*.docx"))  # written, internal
    edit(
        data / "vorlagen/2021-0123/erlaeuterungen.md",
        "Feste Wochentage je Kommune",
        "Feste Wochentage in jeder Kommune",
    )
    paper = json.loads((out / "oparl/paper/2021-0123.json").read_text(encoding="utf-8"))
    released = (out / "vorlagen/2021-0123/2021-0123.docx").read_bytes()
    assert main(["--data", str(data), "--out", str(out)]) == 0  # an ENTWURF now: its released state stays public
    assert json.loads((out / "oparl/paper/2021-0123.json").read_text(encoding="utf-8")) == paper  # issue 61
    assert (out / "vorlagen/2021-0123/2021-0123.docx").read_bytes() == released
    assert "Feste Wochentage in jeder Kommune" not in "".join(
        p.read_text(encoding="utf-8") for p in (out / "vorlagen/2021-0123").glob("*.txt")
    )  # the draft's text is not public …
    assert list((out / "intern/vorlagen/2021-0123").glob("2021-0123.docx"))  # … its Word file is internal
