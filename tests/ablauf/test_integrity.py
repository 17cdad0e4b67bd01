"""Non-public stays internal; a failing build at any stage leaves the previous output as it was."""

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
MARK_V = "GEHEIMVORLAGE7311"
MARK_A = "GEHEIMANLAGE5129"


def readable(path: Path) -> str:
    """Everything a reader of the file could see: text and metadata of a PDF, else the file itself."""
    if path.suffix == ".pdf":
        reader = pypdf.PdfReader(path)
        parts = [page.extract_text() for page in reader.pages] + [str(reader.metadata)]
        parts += [str(item) for item in reader.outline]
        return "\n".join(parts) + path.read_bytes().decode("latin-1")
    return path.read_bytes().decode("utf-8", errors="replace")


@pytest.fixture
def with_secrets(data):
    """A non-public Vorlage and a public Vorlage with a non-public Anlage, each carrying a marker."""
    secret = data / "vorlagen" / "2021-0124"
    shutil.copytree(data / V, secret)
    edit(secret / "vorlage.yaml", 'nummer: "2021/0123"', 'nummer: "2021/0124"')
    edit(secret / "vorlage.yaml", "oeffentlich: true", "oeffentlich: false")
    edit(secret / "vorlage.yaml", "betreff: Kommunales", f"betreff: {MARK_V} Kommunales")
    edit(secret / "vorbemerkungen.md", "# Vorbemerkungen", f"# Vorbemerkungen\n\nVertraulich: {MARK_V}")
    (data / V / "anlagen" / "stellungnahme.md").write_text(f"# Inhalt\n\nVertraulich: {MARK_A}\n", encoding="utf-8")
    edit(
        data / V / "vorlage.yaml",
        "anlagen:\n",
        f"anlagen:\n  - {{titel: {MARK_A} Stellungnahme, datei: anlagen/stellungnahme.md, oeffentlich: false}}\n",
    )
    return freigeben(data)  # the Sitzungsmappen take no ENTWURF


@pytest.mark.langsam  # builds whole repositories
def test_non_public_documents_never_reach_public_output(with_secrets, tmp_path):
    out = tmp_path / "output"
    assert main(["--data", str(with_secrets), "--out", str(out), "--mappen"]) == 0
    files = [p for p in out.rglob("*") if p.is_file()]
    public = [p for p in files if p.relative_to(out).parts[0] != "intern"]
    internal = [p for p in files if p.relative_to(out).parts[0] == "intern"]
    assert len(public) >= 8
    oparl = [p for p in public if p.relative_to(out).parts[0] == "oparl"]
    assert len(oparl) > 30 and (out / "publish" / "ASI-2021-06-10" / "oparl.json") in public
    for path in public:
        assert "geheim" not in path.relative_to(out).as_posix().lower(), path
        text = readable(path)
        assert MARK_V not in text and MARK_A not in text, path
        if path.relative_to(out).parts[0] in (
            "oparl",
            "publish",
        ):  # OParl: neither the secret Vorlage nor the secret Anlage of the public one
            assert "2021/0124" not in text and "2021-0124" not in text and "anlage-1" not in text, path
    # The markers do reach the internal output: the search above would have found them.
    internal_text = "".join(readable(p) for p in internal)
    assert MARK_V in internal_text and MARK_A in internal_text
    public_html = (out / V / "2021-0123.html").read_text(encoding="utf-8")
    assert "Anlage 1: nichtöffentlich (nur für Mitglieder des Gremiums)" in public_html
    assert (out / "intern" / V / "anlage-1-geheimanlage5129-stellungnahme.pdf").is_file()


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
