"""Issue 33, point 3: `vergleichen` compares what two revisions print – every output document by its text rendition
and its pages, the data files that change the print without changing a word, the sign-offs – and says
„Keine Änderungen.“ only when every output is the same. Each case here gave „Keine Änderungen.“ (exit 0) before."""

from __future__ import annotations

import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from tests.hilfen import DATA, edit, freigeben, git, run
from vorlagen.cli import main

pytestmark = pytest.mark.langsam  # each case builds both revisions with their Mappen: about 2½ minutes in all

V = "data/vorlagen/2021-0123"


def png(rot: int) -> bytes:
    """A 2 × 2 PNG of one colour."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\0" + bytes([rot, 0, 0]) * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def gebaut(tmp_path_factory) -> Path:
    """The example with a data stylesheet and an image in git, signed and built once into output/ (the cache a
    review starts from)."""
    repo = tmp_path_factory.mktemp("druck") / "repo"
    shutil.copytree(DATA, repo / "data")
    edit(repo / "data/koerperschaft.yaml", "hausstil:\n", "hausstil:\n  stylesheet: stil/haus.css\n")
    (repo / "data/stil").mkdir()
    (repo / "data/stil/haus.css").write_text("h2 { letter-spacing: 0; }\n", encoding="utf-8")
    (repo / V / "karte.png").write_bytes(png(200))
    edit(repo / V / "erlaeuterungen.md", "\n", "\n\n![Karte der Beratungsstellen](karte.png)\n\n")
    freigeben(repo / "data")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Ausgangsfassung")
    assert main(["--data", str(repo / "data"), "--out", str(repo / "output")]) == 0
    return repo


@pytest.fixture
def repo(gebaut, tmp_path) -> Path:
    """A copy of the built repository with its output and the build's state beside it."""
    return Path(shutil.copytree(gebaut, tmp_path / "repo", symlinks=True))


def vergleich(capsys, repo: Path) -> tuple[int, str]:
    capsys.readouterr()
    code, out, err = run(capsys, "vergleichen", "HEAD", "--mappen", "--data", str(repo / "data"))
    assert err == ""
    return code, out


def test_nothing_changed_is_no_change(capsys, repo):
    code, out = vergleich(capsys, repo)
    assert (code, out) == (0, "Vergleich: HEAD → Arbeitsstand\n\nKeine Änderungen.\n"), out


BETREFF = "Kommunales Integrationsmanagement (KIM) – Stellenbesetzung und Finanzierung bis Ende 2022"


def erika(repo: Path) -> str:
    """The Kämmerei's sign-off as the review names it: who, when, and the start of the fingerprint she signed."""
    text = (repo / V / "mitzeichnungen.yaml").read_text(encoding="utf-8")
    fingerabdruck = re.search(r'fingerabdruck: "(sha256:[0-9a-f]{12})', text)
    assert fingerabdruck is not None
    return f"Erika Mustermann, 26.05.2021, {fingerabdruck[1]}…"


def veraltet(repo: Path) -> str:
    return (
        f"Vorlage 2021/0123: {BETREFF}\n  Kopfdaten:\n"
        f"    Mitzeichnungen: „Kämmerei: gültig ({erika(repo)})“ → „Kämmerei: veraltet ({erika(repo)})“\n\n"
    )


# what a Sitzung publishes only while every Vorlage on its agenda is released (with their page counts)
MAPPEN = [
    ("intern/sitzungen/ASI-2021-06-10/sitzungsmappe-nichtoeffentlich.pdf", "3 Seiten"),
    ("intern/sitzungen/KA-2021-06-21/sitzungsmappe-nichtoeffentlich.pdf", "3 Seiten"),
    ("publish/ASI-2021-06-10/niederschrift.pdf", "3 Seiten"),
    ("publish/ASI-2021-06-10/sitzungsmappe.pdf", "9 Seiten"),
    ("publish/ASI-2021-06-10/tagesordnung.pdf", "1 Seite"),
    ("publish/ASI-2021-06-10/vorlage-2021-0123-anlage-1.pdf", "2 Seiten"),
    ("publish/ASI-2021-06-10/vorlage-2021-0123.pdf", "5 Seiten"),
    ("publish/KA-2021-06-21/niederschrift.pdf", "2 Seiten"),
    ("publish/KA-2021-06-21/sitzungsmappe.pdf", "9 Seiten"),
    ("publish/KA-2021-06-21/tagesordnung.pdf", "1 Seite"),
    ("publish/KA-2021-06-21/vorlage-2021-0123-anlage-1.pdf", "2 Seiten"),
    ("publish/KA-2021-06-21/vorlage-2021-0123.pdf", "5 Seiten"),
    ("sitzungen/ASI-2021-06-10/sitzungsmappe.pdf", "9 Seiten"),
    ("sitzungen/KA-2021-06-21/sitzungsmappe.pdf", "9 Seiten"),
]
ANLAGE = "vorlagen/2021-0123/anlage-1-handlungskonzept-kommunales-integrationsmanagement.pdf"
# the Word files beside the Vorlage's PDF and its Anlage's, whose text changes as theirs does (issue 48)
WORD = "  vorlagen/2021-0123/2021-0123.docx: Text geändert wie in vorlagen/2021-0123/2021-0123.pdf\n"
WORD_ANLAGE = f"  {ANLAGE[:-4]}.docx: Text geändert wie in {ANLAGE}\n"
PAKETE = ", ".join(
    f"publish/{sid}/{name} ({{}})"
    for sid in ("ASI-2021-06-10", "KA-2021-06-21")
    for name in ("SHA256SUMS", "oparl.json")
)
# what OParl publishes only while every Vorlage of a Sitzung is released: its Mappe
SITZUNGSMAPPEN = ", ".join(f"oparl/file/sitzungsmappe-{sid}.json ({{}})" for sid in ("asi-2021-06-10", "ka-2021-06-21"))


ENTWURF_LINIE = "ENTWURF – noch nicht freigegeben; Mitzeichnung ausstehend: Kämmerei ({})"


def entwurf_und_fassung(neu: str, alt: str, linie: str, anlage: str) -> str:
    """The Vorlage's new files in one state (`neu`: intern/ for its draft, "" for its released print) compared with
    those of the other (`alt`): the Vorlage's text is shown above, its Anlage's here – the ENTWURF line and `anlage`."""
    wozu = "Entwurf zur freigegebenen Fassung" if neu else "freigegeben, vorher"
    pdf, anlage_pdf = f"{neu}vorlagen/2021-0123/2021-0123.pdf", f"{neu}{ANLAGE}"
    return (
        f"  {pdf}: neu (5 Seiten), {wozu} {alt}vorlagen/2021-0123/2021-0123.pdf (der Text oben bei der Vorlage)\n"
        f"  {pdf[:-4]}.docx: neu, {wozu} {alt}vorlagen/2021-0123/2021-0123.docx (Text geändert wie in {pdf})\n"
        f"  {anlage_pdf}: neu (2 Seiten), {wozu} {alt}{ANLAGE} (Text geändert)\n"
        f"    {linie}\n"
        + anlage
        + f"  {anlage_pdf[:-4]}.docx: neu, {wozu} {alt}{ANLAGE[:-4]}.docx (Text geändert wie in {anlage_pdf})\n"
    )


def entwurf_geworden(repo: Path, weitere: str = "", *, anlage: str = "") -> str:
    """The Vorlage's sign-off went stale: its released print stays public, its ENTWURF is built in intern/ (with
    its image) and compared with it; its Sitzungen publish no Mappe and no bundle, OParl keeps the Vorlage as
    released."""
    mappen = [f"  {name}: entfernt ({seiten})\n" for name, seiten in MAPPEN]
    return (
        "Vergleich: HEAD → Arbeitsstand\n\n"
        + veraltet(repo)
        + "Gedruckte Dokumente:\n"
        + "".join(mappen[:2])  # intern/sitzungen/…, before intern/vorlagen/…
        + entwurf_und_fassung("intern/", "", "+ " + ENTWURF_LINIE.format("veraltet"), anlage)
        + "".join(mappen[2:])
        + "\n"
        + weitere
        + "Weitere Dateien der Ausgabe geändert: index.html, intern/index.html, "
        + "intern/vorlagen/2021-0123/karte.png (neu), "
        + PAKETE.format(*["entfernt"] * 4)
        + "\n\nOParl-Schnittstelle: "
        + SITZUNGSMAPPEN.format(*["entfernt"] * 2)
        + ", 4 Objekte geändert\n\nGeändert: 1, neu: 0, entfernt: 0.\n"
    )


def test_a_changed_data_stylesheet_changes_every_document_s_print(capsys, repo):
    """The same words, laid out anew: every document is named „gleicher Text, anders gedruckt“, the stylesheet
    is named, and the signed Vorlage's sign-off is stale (its Druckbild changed)."""
    edit(repo / "data/stil/haus.css", "letter-spacing: 0;", "letter-spacing: 0.5pt;")
    code, out = vergleich(capsys, repo)
    assert code == 1
    assert out.startswith("Vergleich: HEAD → Arbeitsstand\n\n" + veraltet(repo) + "Gedruckte Dokumente:\n")
    for name in (
        "intern/beschlusskontrolle/beschlusskontrolle.pdf",
        "intern/vorlagen/2021-0130/2021-0130.pdf",
        "sitzungen/ASI-2021-06-10/tagesordnung.pdf",
        "sitzungen/ASI-2023-11-30/niederschrift.pdf",
    ):
        assert re.search(rf"\n  {re.escape(name)}: gleicher Text, anders gedruckt auf Seiten? 1(, \d+)*\n", out), name
    # a Mappe has no text rendition: its text is read from its pages; its published copy is named by it
    assert "\n  publish/ASI-2023-11-30/sitzungsmappe.pdf: gleicher Text, anders gedruckt auf Seiten 1, 2\n" in out
    assert (
        "\n  sitzungen/ASI-2023-11-30/sitzungsmappe.pdf: geändert wie publish/ASI-2023-11-30/sitzungsmappe.pdf\n" in out
    )
    assert (
        "\nAnders gedruckt: Stylesheet data/stil/haus.css (geändert) – das kann jedes Dokument betreffen.\n\n"
        "Weitere Dateien der Ausgabe geändert: assets/hausstil.css, index.html, " in out
    )
    # the stale sign-off: the Sitzungen's Mappen leave OParl; every other object that names a changed file changes
    assert re.search(
        "\nOParl-Schnittstelle: " + re.escape(SITZUNGSMAPPEN.format(*["entfernt"] * 2)) + r", \d+ Objekte geändert\n\n"
        "Geändert: 1, neu: 0, entfernt: 0.\n$",
        out,
    )


def test_a_replaced_image(capsys, repo):
    (repo / V / "karte.png").write_bytes(png(10))
    code, out = vergleich(capsys, repo)
    assert code == 1
    weitere = (
        "Anders gedruckt: Bild data/vorlagen/2021-0123/karte.png (geändert) – das kann jedes Dokument betreffen.\n\n"
    )
    # the draft in intern/ shows the new image; the public print keeps the released one
    assert out == entwurf_geworden(repo, weitere)


def test_a_changed_anlage_text(capsys, repo):
    edit(repo / V / "anlagen/handlungskonzept.md", "Modul 1 – Strategische Steuerung", "Modul 1 – Steuerung")
    code, out = vergleich(capsys, repo)
    assert code == 1
    assert out == entwurf_geworden(repo, anlage="    ~ Modul 1 – [-Strategische -]Steuerung\n")


def test_a_changed_top_title(capsys, repo):
    edit(repo / "data/sitzungen/ASI-2021-06-10.yaml", "titel: Mitteilungen und Anfragen", "titel: Anfragen")
    code, out = vergleich(capsys, repo)
    assert code == 1
    sitzung = "sitzungen/ASI-2021-06-10"
    assert out == (
        "Vergleich: HEAD → Arbeitsstand\n\nGedruckte Dokumente:\n"
        f"  intern/{sitzung}/niederschrift.pdf: geändert\n"
        "    ~ TOP 4: [-Mitteilungen und -]Anfragen\n"
        f"  intern/{sitzung}/niederschrift.docx: Text geändert wie in intern/{sitzung}/niederschrift.pdf\n"
        f"  intern/{sitzung}/sitzungsmappe-nichtoeffentlich.pdf: geändert, Text auf Seite 2\n"
        "    ~ 4 [-Mitteilungen und -]Anfragen\n"
        f"  intern/{sitzung}/tagesordnung.pdf: geändert\n"
        "    ~ 4    [-Mitteilungen und -]Anfragen\n"
        f"  publish/ASI-2021-06-10/niederschrift.pdf: geändert wie {sitzung}/niederschrift.pdf\n"
        "  publish/ASI-2021-06-10/sitzungsmappe.pdf: geändert, Text auf Seite 2\n"
        "    ~ 4 [-Mitteilungen und -]Anfragen\n"
        f"  publish/ASI-2021-06-10/tagesordnung.pdf: geändert wie {sitzung}/tagesordnung.pdf\n"
        f"  {sitzung}/niederschrift.pdf: geändert\n"
        "    ~ TOP 4: [-Mitteilungen und -]Anfragen\n"
        f"  {sitzung}/niederschrift.docx: Text geändert wie in {sitzung}/niederschrift.pdf\n"
        f"  {sitzung}/sitzungsmappe.pdf: geändert wie publish/ASI-2021-06-10/sitzungsmappe.pdf\n"
        f"  {sitzung}/tagesordnung.pdf: geändert\n"
        "    ~ 4    [-Mitteilungen und -]Anfragen\n\n"
        "Weitere Dateien der Ausgabe geändert: publish/ASI-2021-06-10/SHA256SUMS, publish/ASI-2021-06-10/oparl.json\n\n"
        "OParl-Schnittstelle: 8 Objekte geändert\n"
    )


def wie(stem: str) -> str:
    """The line of a Word file whose text changed as its PDF's did."""
    return f"  {stem}.docx: Text geändert wie in {stem}.pdf\n"


def test_a_changed_niederschrift(capsys, repo):
    edit(repo / "data/sitzungen/ASI-2021-06-10/top-3.md", "Frau Berger stellte", "Frau Dr. Berger stellte")
    code, out = vergleich(capsys, repo)
    assert code == 1
    satz = (
        "    ~ Frau{+ Dr.+} Berger stellte die Vorlage vor. Das Land fördere die Koordination im Modul 1 mit 3,5 "
        "Stellen; für Dezember 2021 bis Dezember 2022 verbleibe je nach Stellenumfang in Modul 3 ein Eigenanteil "
        "zwischen 510.330\u00a0€ und 578.466\u00a0€.\n"
    )
    assert out == (
        "Vergleich: HEAD → Arbeitsstand\n\nGedruckte Dokumente:\n"
        "  intern/sitzungen/ASI-2021-06-10/auszug-top-3.pdf: geändert\n"
        + satz
        + wie("intern/sitzungen/ASI-2021-06-10/auszug-top-3")
        + "  intern/sitzungen/ASI-2021-06-10/niederschrift.pdf: geändert\n"
        + satz
        + wie("intern/sitzungen/ASI-2021-06-10/niederschrift")
        + "  publish/ASI-2021-06-10/niederschrift.pdf: geändert wie sitzungen/ASI-2021-06-10/niederschrift.pdf\n"
        "  sitzungen/ASI-2021-06-10/niederschrift.pdf: geändert\n"
        + satz
        + wie("sitzungen/ASI-2021-06-10/niederschrift")
        + "\n"
        "Weitere Dateien der Ausgabe geändert: publish/ASI-2021-06-10/SHA256SUMS, publish/ASI-2021-06-10/oparl.json\n\n"
        "OParl-Schnittstelle: 4 Objekte geändert\n"
    )


def test_an_added_sign_off(capsys, repo):
    """The Kämmerei signs: the Vorlage is no ENTWURF any more – its draft leaves intern/, its Sitzungen publish
    Mappen and bundles. Its public print is the one the user's last build kept released (the review's seed), so it
    does not change."""
    folder = repo / V
    saved = {p.name: p.read_bytes() for p in (folder / "gezeichnet").iterdir()}
    yaml = (folder / "mitzeichnungen.yaml").read_bytes()
    shutil.rmtree(folder / "gezeichnet")
    (folder / "mitzeichnungen.yaml").unlink()
    git(repo, "commit", "-q", "-am", "ohne Mitzeichnung")
    (folder / "gezeichnet").mkdir()
    for name, content in saved.items():
        (folder / "gezeichnet" / name).write_bytes(content)
    (folder / "mitzeichnungen.yaml").write_bytes(yaml)
    code, out = vergleich(capsys, repo)
    assert code == 1
    mappen = [f"  {name}: neu ({seiten})\n" for name, seiten in MAPPEN]
    entwurf = (
        "  intern/vorlagen/2021-0123/2021-0123.pdf: entfernt (5 Seiten)\n"
        "  intern/vorlagen/2021-0123/2021-0123.docx: entfernt\n"
        f"  intern/{ANLAGE}: entfernt (2 Seiten)\n"
        f"  intern/{ANLAGE[:-4]}.docx: entfernt\n"
    )
    assert out == (
        f"Vergleich: HEAD → Arbeitsstand\n\nVorlage 2021/0123: {BETREFF}\n  Kopfdaten:\n"
        f"    Mitzeichnungen: „Kämmerei: fehlt“ → „Kämmerei: gültig ({erika(repo)})“\n\n"
        "Gedruckte Dokumente:\n"
        + "".join(mappen[:2])
        + entwurf
        + "".join(mappen[2:])
        + "\nWeitere Dateien der Ausgabe geändert: index.html, intern/index.html, "
        "intern/vorlagen/2021-0123/karte.png (entfernt), "
        + PAKETE.format(*["neu"] * 4)
        + "\n\nOParl-Schnittstelle: "
        + SITZUNGSMAPPEN.format(*["neu"] * 2)
        + ", 4 Objekte geändert\n\nGeändert: 1, neu: 0, entfernt: 0.\n"
    )


def test_the_user_s_build_is_only_read_and_a_link_in_it_is_not_followed(capsys, repo, tmp_path):
    """The review starts from the user's output/ but never writes into it; a file of it that is a link (here to a
    file outside the project, in place of an Anlage's PDF) is not taken – the review renders that PDF itself."""
    from tests.hilfen import tree

    geheim = tmp_path / "geheim.pdf"
    geheim.write_bytes(b"%PDF-1.7\nGEHEIM\n%%EOF\n")
    pdf = repo / "output" / ANLAGE
    pdf.unlink()
    pdf.symlink_to(geheim)
    vorher = tree(repo / "output")
    code, out = vergleich(capsys, repo)
    assert (code, out) == (0, "Vergleich: HEAD → Arbeitsstand\n\nKeine Änderungen.\n"), out
    assert tree(repo / "output") == vorher and pdf.is_symlink()
    assert geheim.read_bytes() == b"%PDF-1.7\nGEHEIM\n%%EOF\n"


def test_the_files_a_review_build_records_are_the_files_of_its_output(repo):
    """Issue 58, point 6: the comparison takes each side's files and their digests from the build that made them
    instead of reading both outputs again – which holds only while the build's record is every file of its output
    with its bytes, also after a change and with the Mappen."""
    from vorlagen.building.workers import Renderer
    from vorlagen.review.druckvergleich import _dateien
    from vorlagen.review.pruefbau import bauen

    edit(repo / V / "erlaeuterungen.md", "\n", "\n\nEin neuer Satz.\n\n")
    renderer = Renderer()
    try:
        gebaut = bauen(repo / "data", repo / "pruefung" / "output", repo / "output", renderer, mappen=True)
    finally:
        renderer.close()
    assert gebaut.dateien == _dateien(gebaut.out)
    assert any(name.endswith(".pdf") for name in gebaut.dateien)
