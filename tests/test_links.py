"""No machine paths in documents: relative links go to the published Anlage or are German errors (issue 9, point 4)."""

from __future__ import annotations

from pathlib import Path

import pypdf

from .conftest import edit, run

V = Path("vorlagen/2021-0123")
TEXT = "data/vorlagen/2021-0123/vorbemerkungen.md"


def pdf_uris(path: Path) -> list[str]:
    uris = []
    for page in pypdf.PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def test_a_link_to_an_anlage_goes_to_its_published_file(capsys, data, tmp_path):
    edit(data / V / "vorbemerkungen.md", "# Vorbemerkungen", "# Vorbemerkungen\n\nSiehe [Konzept](anlagen/handlungskonzept.md).")
    out = tmp_path / "output"
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 0, err
    html = (out / V / "2021-0123.html").read_text(encoding="utf-8")
    name = next((out / V).glob("anlage-1-*.pdf")).name
    assert f'<a href="{name}" class="anlage-verweis">Konzept</a>' in html
    assert (out / V / name).is_file()
    for pdf in (out / V).glob("*.pdf"):
        assert not [u for u in pdf_uris(pdf) if u.startswith("file:")], pdf
        assert b"file://" not in pdf.read_bytes()


def test_a_link_to_another_file_or_a_non_public_anlage_is_an_error(capsys, data):
    (data / V / "notiz.md").write_text("# Notiz\n", encoding="utf-8")
    (data / V / "anlagen" / "intern.md").write_text("# Intern\n", encoding="utf-8")
    edit(data / V / "vorlage.yaml", "anlagen:\n", "anlagen:\n  - {titel: Intern, datei: anlagen/intern.md, oeffentlich: false}\n")
    edit(data / V / "vorbemerkungen.md", "# Vorbemerkungen",
         "# Vorbemerkungen\n\nSiehe [Notiz](notiz.md) und [Intern](anlagen/intern.md).")
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    assert err.splitlines()[:2] == [
        f"{TEXT}:3: Verweis „anlagen/intern.md“: ist eine nichtöffentliche Anlage; ein öffentliches Dokument nennt sie "
        "nicht.",
        f"{TEXT}:3: Verweis „notiz.md“: Dateien lassen sich nur als Anlage dieser Vorlage verlinken – tragen Sie die "
        "Datei unter „anlagen“ ein oder verlinken Sie eine Webadresse mit https:.",
    ]
