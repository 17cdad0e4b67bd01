"""Safe by default: escaping, no raw HTML, safe links, no template evaluation of facts, a fenced PDF renderer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.hilfen import edit, run
from vorlagen.cli import main
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.problems import BuildFailed, Paths, Where
from vorlagen.render import pdf as pdf_module
from vorlagen.render.templates import TEMPLATES, Templates

# messages name files from where the command ran: as users, the tests run from the repository (tmp_path)
pytestmark = pytest.mark.usefixtures("aus_dem_repository")

VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")
HTML = Path("vorlagen/2021-0123/2021-0123.html")


def build(data: Path, tmp_path: Path) -> str:
    out = tmp_path / "output"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    entwurf = out / "intern" / HTML  # a test that edits the Vorlage makes it an ENTWURF: in intern/ (issue 61)
    return (entwurf if entwurf.is_file() else out / HTML).read_text(encoding="utf-8")


def test_templates_autoescape_and_refuse_undefined(data):
    env = Templates(data, Paths(data.parent), Zahlformat("€")).env
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


@pytest.mark.langsam  # builds whole repositories
def test_facts_are_escaped_and_never_evaluated(data, tmp_path):
    edit(
        data / VORLAGE,
        "betreff: Kommunales Integrationsmanagement (KIM) – Stellenbesetzung und Finanzierung bis Ende 2022",
        'betreff: "<script>alert(1)</script> Kommunales"',  # a Betreff's {{ }} quotes figures: tests/render/test_betreff.py
    )
    edit(
        data / "koerperschaft.yaml",
        "name: Kommunales Integrationszentrum",
        'name: "KI <img src=x onerror=alert(1)> {{ 2222*4 }}"',
    )
    edit(
        data / VORLAGE,
        "Troisdorf: eigene Stelle, gesondert berücksichtigt",
        'Troisdorf: "{{ koerperschaft.name }} <i>eigene</i> Stelle"',
    )
    html = build(data, tmp_path)
    assert "<script>" not in html and "<img src=x" not in html and "<i>eigene" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Kommunales" in html  # printed as typed, escaped
    assert "KI &lt;img src=x onerror=alert(1)&gt; {{ 2222*4 }}" in html
    assert "{{ koerperschaft.name }} &lt;i&gt;eigene&lt;/i&gt; Stelle" in html
    assert "8888" not in html


@pytest.mark.langsam  # builds whole repositories
def test_markdown_shows_raw_html_as_text(data, tmp_path):
    text = data / "vorlagen" / "2021-0123" / "vorbemerkungen.md"
    text.write_text(
        "<script>alert('x')</script>\n\nText mit <b onclick=\"x()\">Markup</b>.\n\n"
        "[drei](https://www.rhein-sieg-kreis.de) [vier](mailto:ki@example.org)\n",
        encoding="utf-8",
    )
    html = build(data, tmp_path)
    assert "<script>" not in html and "<b onclick" not in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "&lt;b onclick=&quot;x()&quot;&gt;Markup&lt;/b&gt;" in html
    assert '<a href="https://www.rhein-sieg-kreis.de">drei</a>' in html
    assert '<a href="mailto:ki@example.org">vier</a>' in html


def test_unsafe_links_are_refused_with_their_line(capsys, data):
    text = data / "vorlagen" / "2021-0123" / "vorbemerkungen.md"
    text.write_text(
        "# Links\n\n[eins](javascript:alert(1))\n\n[zwei](file:///etc/passwd) [drei](data:text/html,hi)\n\n"
        "[vier](//evil.example/x)\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    where = "data/vorlagen/2021-0123/vorbemerkungen.md"
    assert err.splitlines()[:4] == [
        f"{where}:3: Verweis „javascript:alert(1)“ ist nicht erlaubt: erlaubt sind https:, http: und mailto:.",
        f"{where}:5: Verweis „data:text/html,hi“ ist nicht erlaubt: erlaubt sind https:, http: und mailto:.",
        f"{where}:5: Verweis „file:///etc/passwd“ ist nicht erlaubt: erlaubt sind https:, http: und mailto:.",
        f"{where}:7: Verweis „//evil.example/x“ ist nicht erlaubt: Verweise auf Dateien müssen relativ zum Ordner "
        "der Vorlage sein.",
    ]


def test_prose_expressions_run_in_a_sandbox(capsys, data):
    text = data / "vorlagen" / "2021-0123" / "vorbemerkungen.md"
    text.write_text("{{ vorlage.__class__.__mro__ }}\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    assert (
        "data/vorlagen/2021-0123/vorbemerkungen.md:1: {{ vorlage.__class__.__mro__ }} greift auf Interna zu; "
        "das ist in Texten nicht erlaubt." in err
    )


@pytest.mark.parametrize("name", ["../../../README.md", "/etc/passwd", "../../../../etc/passwd"])
def test_files_outside_the_data_folder_are_refused(capsys, data, name):
    edit(data / VORLAGE, "  - vorbemerkungen.md", f"  - {name}")
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    if name.startswith("/"):
        expected = f"„{name}“: Geben Sie Dateien relativ zum Ordner der Vorlage an, ohne / oder Laufwerk am Anfang."
    else:
        expected = f"„{name}“ liegt außerhalb des Datenordners – legen Sie die Datei in den Ordner der Vorlage."
    assert f"data/{VORLAGE}:" in err and expected in err


def test_images_outside_the_vorlage_folder_are_refused(capsys, data):
    text = data / "vorlagen" / "2021-0123" / "vorbemerkungen.md"
    text.write_text("# Titel\n\n![geheim](/etc/passwd)\n\n![auch](../../koerperschaft.yaml)\n", encoding="utf-8")
    # (koerperschaft.yaml is inside the data folder, but not beside the text: refused as well)
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    for src, line in (("/etc/passwd", 3), ("../../koerperschaft.yaml", 5)):
        assert (
            f"data/vorlagen/2021-0123/vorbemerkungen.md:{line}: Bild „{src}“: Bilder müssen als Datei im Ordner "
            "der Vorlage liegen und relativ angegeben werden, z. B. bilder/grafik.png."
        ) in err


def render(html: str, tmp_path: Path) -> bytes:
    return pdf_module.render_pdf(html, tmp_path, [tmp_path, TEMPLATES], Where("test.html"), dt.date(2021, 5, 27))


@pytest.mark.parametrize(
    "url", ["file:///etc/hostname", "http://127.0.0.1:9/x.png", "https://example.org/x.png", "ftp://127.0.0.1/x.png"]
)
def test_pdf_renderer_never_reads_outside_the_project(tmp_path, url):
    with pytest.raises(BuildFailed) as failed:
        render(f'<html lang="de"><body><img src="{url}"></body></html>', tmp_path)
    (problem,) = failed.value.problems
    assert str(problem) == (
        f"test.html: Das Dokument verweist auf „{url}“ – erlaubt sind nur Dateien im Projektordner; "
        "entfernen Sie den Verweis oder legen Sie die Datei in den Ordner der Vorlage."
    )


def test_pdf_renderer_fails_on_a_missing_asset(tmp_path):
    with pytest.raises(BuildFailed):
        render('<html lang="de"><body><img src="fehlt.png"></body></html>', tmp_path)


@pytest.mark.langsam  # builds whole repositories
def test_a_real_build_fetches_only_project_files(data, tmp_path, monkeypatch):
    seen = []
    original = pdf_module.ProjectFetcher.fetch

    def spy(self, url, headers=None):
        seen.append((url, self.wirklich(url)))
        return original(self, url, headers)

    monkeypatch.setattr(pdf_module.ProjectFetcher, "fetch", spy)
    build(data, tmp_path)
    assert seen, "the stylesheet and fonts are fetched through the fetcher"
    # WeasyPrint asks by location-free URLs only (names it derives from them land in the PDF) ...
    assert all(url.startswith("file:///vorlagen-ordner-") for url, _ in seen), [
        u for u, _ in seen if "ordner-" not in u
    ]
    # ... and each names a file of the project or of the default house style
    allowed = (data.resolve().as_uri(), TEMPLATES.as_uri())
    assert all(real.startswith(allowed) for _, real in seen), seen


def test_a_named_pipe_as_a_hausstil_image_is_a_german_problem_not_a_hang(tmp_path):
    """A background image that is a named pipe would block the reader forever: it is refused, named."""
    import os
    import subprocess
    import sys

    from tests.hilfen import DATA, ROOT, copy_data, edit

    data = copy_data(DATA, tmp_path)
    (data / "stil").mkdir()
    os.mkfifo(data / "stil" / "fifo.png")
    (data / "stil" / "haus.css").write_text('body { background-image: url("fifo.png"); }\n', encoding="utf-8")
    edit(
        data / "koerperschaft.yaml",
        'hausstil:\n  akzentfarbe: "#00599c"\n',
        'hausstil:\n  akzentfarbe: "#00599c"\n  stylesheet: stil/haus.css\n',
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--data", str(data), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "VORLAGEN_WORKER": "1"},
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (  # named at the stylesheet's line, before anything renders
        "data/stil/haus.css:1: „fifo.png“ ist keine gewöhnliche Datei (sondern z. B. eine benannte Pipe oder ein "
        "Gerät) – legen Sie dort eine echte Datei ab."
    )
    assert "Traceback" not in result.stderr


def test_a_named_pipe_as_a_data_file_is_a_german_problem(tmp_path, capsys):
    import os

    from tests.hilfen import DATA, copy_data, run

    data = copy_data(DATA, tmp_path)
    os.mkfifo(data / "bescheide" / "haengt.yaml")
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    assert (
        "data/bescheide/haengt.yaml: „haengt.yaml“ ist keine gewöhnliche Datei (sondern z. B. eine benannte Pipe "
        "oder ein Gerät) – legen Sie dort eine echte Datei ab."
    ) in err


def test_a_hausstil_stylesheet_may_not_load_from_the_network(tmp_path, capsys):
    from tests.hilfen import DATA, copy_data, edit, run

    data = copy_data(DATA, tmp_path)
    (data / "stil").mkdir()
    (data / "stil" / "haus.css").write_text(
        "h1 { color: #333; }\n@media screen {\n  body { background: "
        'url("http://tracker.example/p.gif"); }\n}\n@import "//cdn.example/x.css";\n',
        encoding="utf-8",
    )
    edit(
        data / "koerperschaft.yaml",
        'hausstil:\n  akzentfarbe: "#00599c"\n',
        'hausstil:\n  akzentfarbe: "#00599c"\n  stylesheet: stil/haus.css\n',
    )
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    hint = (
        '– der Hausstil darf nur Dateien des Datenordners nennen (z. B. url("stil/bild.png")); Leserinnen und '
        "Leser würden sonst beim Öffnen jedes Dokuments diese Adresse abrufen."
    )
    assert f"data/stil/haus.css:3: „http://tracker.example/p.gif“ ist eine Adresse im Netz {hint}" in err
    assert f"data/stil/haus.css:5: „//cdn.example/x.css“ ist eine Adresse im Netz {hint}" in err


def test_a_folder_named_as_an_image_is_called_a_folder(tmp_path):
    (tmp_path / "bilder").mkdir()
    with pytest.raises(BuildFailed) as failed:
        render('<html lang="de"><body><img src="bilder"></body></html>', tmp_path)
    (problem,) = failed.value.problems
    assert str(problem) == (
        "test.html: Das Dokument liest „bilder“: „bilder“ ist ein Ordner, keine Datei – nennen Sie "
        "eine Datei darin, z. B. stil/bild.png."
    )


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="benannte Pipes gibt es hier nicht")
def test_a_named_pipe_the_renderer_is_asked_to_read_is_refused_not_waited_for(tmp_path):
    """The load stage names a pipe in the Hausstil at its line; the renderer refuses one on its own too (a data
    template could name it)."""
    import os

    os.mkfifo(tmp_path / "fifo.png")
    with pytest.raises(BuildFailed) as failed:
        render('<html lang="de"><body><img src="fifo.png"></body></html>', tmp_path)
    (problem,) = failed.value.problems
    assert str(problem) == (
        "test.html: Das Dokument liest „fifo.png“: „fifo.png“ ist keine gewöhnliche Datei (sondern "
        "z. B. eine benannte Pipe oder ein Gerät) – legen Sie dort eine echte Datei ab."
    )


def test_url_dot_is_the_folder_not_outside_the_project(tmp_path):
    with pytest.raises(BuildFailed) as failed:
        render('<html lang="de"><body><img src="."></body></html>', tmp_path)
    (problem,) = failed.value.problems
    assert str(problem) == (
        f"test.html: Das Dokument liest „.“: „{tmp_path.name}“ ist ein Ordner, keine Datei – "
        "nennen Sie eine Datei darin, z. B. stil/bild.png."
    )
    assert "außerhalb" not in str(problem) and "file:" not in str(problem)
