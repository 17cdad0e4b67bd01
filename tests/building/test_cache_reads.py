"""Never stale: every file a document reads is in its cache key, recorded where it is read (issue 9, point 2).

Each kind of read, when its file changes, rebuilds exactly the documents that read it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from tests.hilfen import edit, tree
from tests.hilfen.bauen import RSK, SECRET, build, inode
from vorlagen.compute.project import prepare
from vorlagen.core.problems import BuildFailed
from vorlagen.render.document import Composer

V = Path("vorlagen/2021-0123")


def png(color: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.langsam  # builds whole repositories
def test_a_section_outside_the_vorlage_folder_is_read_and_keyed(data, tmp_path):
    (data / "textbausteine").mkdir()
    (data / "textbausteine" / "recht.md").write_text("# Rechtsgrundlage\n\nFassung ALT7731.\n", encoding="utf-8")
    edit(
        data / V / "vorlage.yaml",
        "  - erlaeuterungen.md\n",
        "  - erlaeuterungen.md\n  - ../../textbausteine/recht.md\n",
    )
    out = tmp_path / "output"
    build(data, out)
    assert "ALT7731" in (out / "intern" / V / "2021-0123.txt").read_text(encoding="utf-8")
    secret = inode(out / SECRET)
    edit(data / "textbausteine" / "recht.md", "ALT7731", "NEU7732")
    builder = build(data, out)
    assert builder.rendered == 1  # the Vorlage that reads it, nothing else
    assert "NEU7732" in (out / "intern" / V / "2021-0123.txt").read_text(encoding="utf-8")
    assert "NEU7732" in (out / "intern" / V / "2021-0123.html").read_text(encoding="utf-8")
    assert inode(out / SECRET) == secret


@pytest.mark.langsam  # builds whole repositories
def test_an_image_is_read_and_keyed(data, tmp_path):
    folder = data / "vorlagen" / "2021-0130"
    (folder / "grafik.png").write_bytes(png("red"))
    edit(folder / "sachstand.md", "mündlich", "mündlich\n\n![Grafik](grafik.png)\n")
    out = tmp_path / "output"
    build(data, out)
    rsk = inode(out / RSK)
    before = (out / SECRET).read_bytes()
    (folder / "grafik.png").write_bytes(png("blue"))
    builder = build(data, out)
    assert builder.rendered == 1
    assert (out / SECRET).read_bytes() != before
    assert (out / "intern/vorlagen/2021-0130/grafik.png").read_bytes() == png("blue")
    assert inode(out / RSK) == rsk


@pytest.mark.langsam  # builds whole repositories
def test_a_pdf_anlage_is_read_and_keyed(data, tmp_path):
    folder = data / V
    out = tmp_path / "output"
    build(data, out)
    anlage = next(p for p in (out / V).glob("anlage-1-*.pdf"))  # released: public
    (folder / "anlagen" / "scan.pdf").write_bytes(anlage.read_bytes())
    edit(
        folder / "vorlage.yaml",
        "anlagen:\n",
        "anlagen:\n  - {titel: Scan, datei: anlagen/scan.pdf, oeffentlich: true}\n",
    )
    build(data, out)
    secret = inode(out / SECRET)
    changed = (out / SECRET).read_bytes()  # any other valid PDF
    (folder / "anlagen" / "scan.pdf").write_bytes(changed)
    builder = build(data, out)
    assert builder.rendered == 0  # the Vorlage looks the same; only the passed-through file changes
    assert (out / "intern" / V / "anlage-1-scan.pdf").read_bytes() == changed
    assert inode(out / SECRET) == secret


def test_the_logo_read_by_the_renderer_is_keyed(aachen, tmp_path):
    out = tmp_path / "output"
    first = build(aachen, out).rendered
    assert build(aachen, out).rendered == 0
    logo = aachen / "stil" / "logo.svg"
    logo.write_text(logo.read_text(encoding="utf-8").replace("<svg", "<svg data-neu='1'", 1), encoding="utf-8")
    assert build(aachen, out).rendered == first  # every document shows the logo


@pytest.mark.langsam  # builds whole repositories
def test_an_unread_file_in_the_folder_rebuilds_nothing(data, tmp_path):
    out = tmp_path / "output"
    build(data, out)
    (data / V / "notizen.txt").write_text("nicht verwendet\n", encoding="utf-8")
    before = tree(out)
    assert build(data, out).rendered == 0
    assert tree(out) == before


def test_a_text_changed_while_the_build_runs_is_named_and_never_printed_half_old(data):
    """Texts are read again when their document is composed; what they say then must be what was checked."""
    project = prepare(data)
    source = next(s for s in project.facts.vorlagen if s.slug == "2021-0123")
    edit(data / V / "erlaeuterungen.md", "\n", "\nNachträglich eingefügt.\n")
    with pytest.raises(BuildFailed) as failed:
        Composer(project).compose(source)
    assert [str(p) for p in failed.value.problems] == [
        "data/vorlagen/2021-0123/erlaeuterungen.md: Die Datei wurde während des Baus geändert – speichern Sie sie "
        "und bauen Sie noch einmal."
    ]


def _build_within_memory(data: Path, out: Path) -> tuple[int, str]:
    """A build in a process of at most 1,5 GB address space (a build of the example needs far less)."""
    import resource
    import subprocess
    import sys

    from tests.hilfen import ROOT

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1500 * 1024**2, 1500 * 1024**2))

    done = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--data", str(data), "--out", str(out)],
        preexec_fn=limit,
        capture_output=True,
        text=True,
        env={**os.environ, "VORLAGEN_WORKER": "0"},
    )
    return done.returncode, done.stderr


@pytest.mark.langsam  # builds whole repositories
def test_a_huge_file_in_a_data_folder_is_a_german_message_not_a_memory_error(data, tmp_path):
    """Every data read goes through one bounded reader (issue 36, point 2): a 2 GB Haushalt (a sparse file, it
    takes no room on disk) is refused with its name; a 2 GB file the loader does not read breaks nothing."""
    with open(data / "haushalt" / "2023.yaml", "wb") as huge:
        huge.truncate(2 * 1024**3)
    code, err = _build_within_memory(data, tmp_path / "output")
    assert code == 1
    assert "data/haushalt/2023.yaml: „2023.yaml“ ist größer als 200 MB – so große Dateien liest vorlagen nicht" in err
    assert "Traceback" not in err and "MemoryError" not in err
    (data / "haushalt" / "2023.yaml").unlink()
    with open(data / "haushalt" / "export.bin", "wb") as huge:
        huge.truncate(2 * 1024**3)
    code, err = _build_within_memory(data, tmp_path / "output")
    assert code == 0, err
    assert "Traceback" not in err


def test_a_data_file_linked_from_outside_the_data_folder_is_refused(data, tmp_path, capsys):
    """A Sitzung file that is a link to a file outside the data folder is not followed: a German message names it."""
    from tests.hilfen import run

    outside = tmp_path / "geheim.yaml"
    outside.write_text((data / "sitzungen" / "KA-2021-06-21.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (data / "sitzungen" / "KA-2021-06-21.yaml").unlink()
    (data / "sitzungen" / "KA-2021-06-21.yaml").symlink_to(outside)
    code, out, err = run(capsys, "--data", str(data), "check")
    assert code == 1
    assert (
        ": „KA-2021-06-21.yaml“ liegt außerhalb des Datenordners (eine Verknüpfung zeigt hinaus) – vorlagen liest "
        "nur Dateien im Datenordner; legen Sie die Datei selbst dorthin."
    ) in err
