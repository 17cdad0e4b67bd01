"""A failing build at any stage leaves the previous output as it was (that nothing non-public reaches public
output: tests/ablauf/test_public.py)."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pypdf
import pytest

from tests.hilfen import DATA, ROOT, copy_data, edit, freigeben
from vorlagen.building import output as output_module
from vorlagen.cli import main
from vorlagen.render import pdf as pdf_module

V = Path("vorlagen/2021-0123")


def readable(path: Path) -> str:
    """Everything a reader of the file could see: text and metadata of a PDF, else the file itself."""
    if path.suffix == ".pdf":
        reader = pypdf.PdfReader(path)
        parts = [page.extract_text() for page in reader.pages] + [str(reader.metadata)]
        parts += [str(item) for item in reader.outline]
        return "\n".join(parts) + path.read_bytes().decode("latin-1")
    return path.read_bytes().decode("utf-8", errors="replace")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> Path:
    """A first, good build of a copy of the example, made once: data/, output/ and the build's state .vorlagen/."""
    base = tmp_path_factory.mktemp("erster-bau")
    data = copy_data(DATA, base)
    assert main(["--data", str(data), "--out", str(base / "output")]) == 0
    return base


@pytest.fixture
def previous(first_build, tmp_path):
    """A copy of the first, good build; returns (data, output folder, its snapshot)."""
    for name in ("data", "output", ".vorlagen"):
        shutil.copytree(first_build / name, tmp_path / name, symlinks=True)
    out = tmp_path / "output"
    return tmp_path / "data", out, snapshot(out)


def assert_untouched(out: Path, before: dict[str, bytes]):
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == [".vorlagen", "data", "output"]
    state = out.parent / ".vorlagen" / "output"
    assert sorted(p.name for p in state.iterdir()) == [
        "ausgabe",
        "lock",
        "manifest.json",
        "oparl-ledger.json",
    ]  # no staging


def test_template_failure_keeps_output(previous):
    data, out, before = previous
    (data / "templates").mkdir()
    (data / "templates" / "kopf.html.j2").write_text("{% if %}\n", encoding="utf-8")
    assert main(["--data", str(data), "--out", str(out)]) == 1
    assert_untouched(out, before)


def test_pdf_failure_keeps_output(previous):
    data, out, before = previous
    (data / "templates").mkdir()
    kopf = (ROOT / "templates" / "kopf.html.j2").read_text(encoding="utf-8")
    (data / "templates" / "kopf.html.j2").write_text(
        kopf.replace("<header", '<img src="fehlt.png"><header'), encoding="utf-8"
    )
    edit(data / V / "beschlussvorschlag.md", "Die Verwaltung", "GEÄNDERT")
    assert main(["--data", str(data), "--out", str(out)]) == 1
    assert_untouched(out, before)


@pytest.mark.parametrize(
    "error, code, message",
    [
        (OSError("interner Fehler"), None, None),  # not the user's: the traceback stays
        (
            OSError(errno.ENOSPC, "No space left on device"),
            1,
            "Der Speicherplatz ist voll – prüfen Sie freien Speicherplatz",
        ),
        (KeyboardInterrupt(), 130, "Abgebrochen (Strg+C) – die bisherige Ausgabe ist unverändert."),
    ],
)
def test_exception_while_writing_keeps_output(previous, monkeypatch, capsys, error, code, message):
    data, out, before = previous
    edit(data / V / "beschlussvorschlag.md", "Die Verwaltung", "GEÄNDERT")
    original, calls = output_module.Staging.write, []

    def failing_write(self, relative, content):
        calls.append(relative)
        if len(calls) == 4:
            raise error
        original(self, relative, content)

    monkeypatch.setattr(output_module.Staging, "write", failing_write)
    if code is None:
        with pytest.raises(type(error)):
            main(["--data", str(data), "--out", str(out)])
    else:  # something the user can cause or fix: a German line, no traceback
        assert main(["--data", str(data), "--out", str(out)]) == code
        assert message in capsys.readouterr().err
    assert len(calls) == 4
    assert_untouched(out, before)


def test_exception_in_pdf_rendering_keeps_output(previous, monkeypatch):
    data, out, before = previous
    edit(data / V / "beschlussvorschlag.md", "Die Verwaltung", "GEÄNDERT")  # so that something must be rendered

    def broken(*args, **kwargs):
        raise RuntimeError("Renderer abgestürzt")

    monkeypatch.setattr("vorlagen.render.pdf.render_pdf", broken)
    with pytest.raises(RuntimeError):
        main(["--data", str(data), "--out", str(out)])
    assert_untouched(out, before)


def test_renderer_cannot_read_a_marker_outside_the_project(previous, tmp_path):
    data, out, before = previous
    marker = tmp_path.parent / "ausserhalb-marker.css"
    marker.write_text("body::after { content: 'AUSSERHALB4471'; }", encoding="utf-8")
    (data / "templates").mkdir()
    base = (ROOT / "templates" / "base.html.j2").read_text(encoding="utf-8")
    (data / "templates" / "base.html.j2").write_text(
        base.replace("</head>", f'<link rel="stylesheet" href="{marker.as_uri()}">\n</head>'), encoding="utf-8"
    )
    assert main(["--data", str(data), "--out", str(out)]) == 1
    assert_untouched(out, before)
    assert all("AUSSERHALB4471" not in readable(p) for p in out.rglob("*") if p.is_file())


def test_staging_is_replaced_atomically_on_success(previous):
    data, out, before = previous
    edit(data / V / "beschlussvorschlag.md", "Die Verwaltung", "Die Kreisverwaltung")
    freigeben(data)  # signed again: an ENTWURF would go to intern/ and leave the released state public
    assert main(["--data", str(data), "--out", str(out)]) == 0
    after = snapshot(out)
    assert after.keys() == before.keys()
    assert after[f"{V}/2021-0123.html"] != before[f"{V}/2021-0123.html"]
    assert_untouched(out, after)


def test_fetcher_refuses_parent_escapes_inside_file_urls(tmp_path):
    fetcher = pdf_module.ProjectFetcher([tmp_path / "projekt"])
    (tmp_path / "projekt").mkdir()
    (tmp_path / "geheim.txt").write_text("x", encoding="utf-8")
    with pytest.raises(pdf_module.ForbiddenResource):
        fetcher.fetch((tmp_path / "projekt").as_uri() + "/../geheim.txt")
