"""No machine paths in documents: relative links go to the published Anlage or are German errors (issue 9, point 4)."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
import yaml

from tests.hilfen import ROOT, edit, freigeben, run

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


@pytest.mark.langsam  # builds whole repositories
def test_a_link_to_an_anlage_goes_to_its_published_file(capsys, data, tmp_path):
    edit(
        data / V / "vorbemerkungen.md",
        "# Vorbemerkungen",
        "# Vorbemerkungen\n\nSiehe [Konzept](anlagen/handlungskonzept.md).",
    )
    out = tmp_path / "output"
    freigeben(data)
    code, _, err = run(capsys, "--data", str(data), "--out", str(out), "--mappen")
    assert code == 0, err
    html = (out / V / "2021-0123.html").read_text(encoding="utf-8")
    name = next((out / V).glob("anlage-1-*.pdf")).name
    assert f'<a href="{name}" class="anlage-verweis">Konzept</a>' in html
    assert (out / V / name).is_file()
    # the PDF links to the Anlage where output/ is published: follow the address into the tree and the bundle
    basis = yaml.safe_load((data / "koerperschaft.yaml").read_text(encoding="utf-8"))["oparl"]["basis_url"]
    assert pdf_uris(out / V / "2021-0123.pdf") == [basis + f"{V.as_posix()}/{name}"]
    bundle = out / "publish" / "ASI-2021-06-10"
    assert pdf_uris(bundle / "vorlage-2021-0123.pdf") == [basis + f"{V.as_posix()}/{name}"]
    assert (bundle / "vorlage-2021-0123-anlage-1.pdf").read_bytes() == (out / V / name).read_bytes()
    for pdf in out.rglob("*.pdf"):
        assert not [u for u in pdf_uris(pdf) if u.startswith("file:") or str(tmp_path) in u], pdf


def _hint(reason: str, text: str = TEXT, nummer: str = "2021/0123") -> str:
    return (
        f"Hinweis: {text}:3: Vorlage {nummer}: Verweise auf Anlagen stehen im PDF nur als Text, auf der "
        f"Webseite sind sie Links; {reason}."
    )


@pytest.mark.langsam  # builds whole repositories
def test_without_a_published_address_the_pdf_prints_the_link_as_text_and_check_says_why(capsys, data, tmp_path):
    koerperschaft = data / "koerperschaft.yaml"
    text = koerperschaft.read_text(encoding="utf-8")
    koerperschaft.write_text(text[: text.index("oparl:")], encoding="utf-8")
    edit(
        data / V / "vorbemerkungen.md",
        "# Vorbemerkungen",
        "# Vorbemerkungen\n\nSiehe [Konzept](anlagen/handlungskonzept.md), auch [hier](anlagen/handlungskonzept.md).",
    )
    code, out, err = run(capsys, "check", "--ohne-satz", "--data", str(data))
    assert code == 0, err
    hints = [line for line in out.splitlines() if line.startswith("Hinweis")]
    assert hints == [
        _hint(
            "ohne „oparl: basis_url“ in koerperschaft.yaml ist nicht bekannt, unter welcher Adresse "
            "die Anlagen veröffentlicht werden – tragen Sie sie ein, dann verweist das PDF dorthin"
        )
    ]
    code, _, err = run(capsys, "--data", str(data), "--out", str(tmp_path / "output"))
    assert code == 0, err
    pdf = tmp_path / "output" / "intern" / V / "2021-0123.pdf"  # edited: an ENTWURF, in intern/
    assert pdf_uris(pdf) == [] and "Siehe Konzept, auch hier." in pypdf.PdfReader(pdf).pages[0].extract_text()


def test_a_non_public_vorlage_prints_links_as_text_and_check_says_why(capsys, data):
    """intern/ is not published at basis_url (README: „output/ ohne intern/“), so there is no address to link."""
    folder = data / "vorlagen" / "2021-0130"
    (folder / "liste.md").write_text("# Liste\n", encoding="utf-8")
    with (folder / "vorlage.yaml").open("a", encoding="utf-8") as vorlage:
        vorlage.write("anlagen:\n  - {titel: Liste, datei: liste.md}\n")
    edit(folder / "sachstand.md", "\n\n", "\n\nSiehe [Liste](liste.md).\n\n")
    code, out, err = run(capsys, "check", "--ohne-satz", "--data", str(data))
    assert code == 0, err
    reason = (
        "nichtöffentliche Anlagen werden nicht unter „oparl: basis_url“ veröffentlicht, ihre Adresse ist nicht bekannt"
    )
    assert [line for line in out.splitlines() if line.startswith("Hinweis")] == [
        _hint(reason, "data/vorlagen/2021-0130/sachstand.md", "2021/0130")
    ]


def test_links_without_a_target_are_errors_not_machine_paths(capsys, data):
    """On the old main `[x](?a=1)` and `[x]()` reached the PDF as file:///…/data/vorlagen/2021-0123/?a=1."""
    edit(
        data / V / "vorbemerkungen.md", "# Vorbemerkungen", "# Vorbemerkungen\n\n[leer]() [frage](?a=1) [oben](#titel)"
    )
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    reason = (
        "ist nicht erlaubt: er nennt weder eine Anlage noch eine Webadresse mit https: – Sprungmarken (#…) gibt "
        "es in den Dokumenten nicht; nennen Sie den Abschnitt mit Worten."
    )
    assert err.splitlines()[:3] == [f"{TEXT}:3: Verweis „{href}“ {reason}" for href in ("#titel", "?a=1", "")]


@pytest.mark.parametrize("name", ["built", "built_aachen", "built_wiesenbrueck"])
def test_no_pdf_of_the_example_or_the_fixtures_links_to_a_file_or_the_build_folder(name, request):
    out = request.getfixturevalue(name)
    pdfs = sorted(out.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        for uri in pdf_uris(pdf):
            assert not uri.lower().startswith("file:") and str(out.parent) not in uri and str(ROOT) not in uri, (
                pdf,
                uri,
            )


def test_a_link_to_another_file_or_a_non_public_anlage_is_an_error(capsys, data):
    (data / V / "notiz.md").write_text("# Notiz\n", encoding="utf-8")
    (data / V / "anlagen" / "intern.md").write_text("# Intern\n", encoding="utf-8")
    edit(
        data / V / "vorlage.yaml",
        "anlagen:\n",
        "anlagen:\n  - {titel: Intern, datei: anlagen/intern.md, oeffentlich: false}\n",
    )
    edit(
        data / V / "vorbemerkungen.md",
        "# Vorbemerkungen",
        "# Vorbemerkungen\n\nSiehe [Notiz](notiz.md) und [Intern](anlagen/intern.md).",
    )
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    assert err.splitlines()[:2] == [
        f"{TEXT}:3: Verweis „anlagen/intern.md“: ist eine nichtöffentliche Anlage; ein öffentliches Dokument nennt sie "
        "nicht.",
        f"{TEXT}:3: Verweis „notiz.md“: Dateien lassen sich nur als Anlage dieser Vorlage verlinken – tragen Sie die "
        "Datei unter „anlagen“ ein oder verlinken Sie eine Webadresse mit https:.",
    ]
