"""The PDF does not depend on where the project lies: WeasyPrint sees each allowed folder by a location-free URI
(druckbild.virtuell) and ProjectFetcher maps it back, keeping every rule of what may be read."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image

from vorlagen.core.problems import BuildFailed, Where
from vorlagen.render import pdf as pdf_module
from vorlagen.render.druckbild import virtuell
from vorlagen.render.templates import TEMPLATES

HTML = '<html lang="de"><body><p>Logo:</p><img src="{src}" alt="Logo"></body></html>'


def _projekt(folder: Path) -> Path:
    folder.mkdir(parents=True)
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 40)).save(buffer, "PNG")
    (folder / "logo.png").write_bytes(buffer.getvalue())
    return folder


def _render(html: str, folder: Path) -> bytes:
    return pdf_module.render_pdf(html, folder, [folder, TEMPLATES], Where("test.html"), dt.date(2021, 5, 27))


@pytest.mark.parametrize("absolut", [False, True], ids=["relativ", "als-file-uri"])
def test_a_pdf_with_an_image_is_byte_identical_in_another_folder(tmp_path, absolut):
    """An image (a Hausstil logo comes as its absolute file: URI, an image in a text relative) gives the same bytes
    wherever the project lies: WeasyPrint names a raster image by its URL."""
    pdfs = []
    for folder in (tmp_path / "a", tmp_path / "ganz" / "woanders" / "projekt"):
        folder = _projekt(folder)
        src = (folder / "logo.png").resolve().as_uri() if absolut else "logo.png"
        pdfs.append(_render(HTML.format(src=src), folder))
    assert b"/Subtype /Image" in pdfs[0]
    assert pdfs[0] == pdfs[1]


@pytest.mark.parametrize(
    "src",
    [
        virtuell(0) + "../etc/hostname",
        virtuell(0) + "%2e%2e/%2e%2e/etc/hostname",
        virtuell(7) + "logo.png",
        "file:///vorlagen-ordner-x/logo.png",
    ],
)
def test_a_location_free_url_reaches_nothing_outside_the_allowed_folders(tmp_path, src):
    folder = _projekt(tmp_path / "projekt")
    with pytest.raises(BuildFailed) as failed:
        _render(HTML.format(src=src), folder)
    (problem,) = failed.value.problems
    assert str(problem).startswith("test.html: Das Dokument verweist auf „")
    assert str(tmp_path) not in str(problem)
    assert str(problem).endswith(
        "“ – erlaubt sind nur Dateien im Projektordner; entfernen Sie den Verweis oder legen Sie die Datei in den "
        "Ordner der Vorlage."
    )


def test_the_fetcher_refuses_a_location_free_url_leaving_its_folder(tmp_path):
    """Asked directly (not through WeasyPrint, which would normalise the URL first), `..` is still refused."""
    folder = _projekt(tmp_path / "projekt")
    (tmp_path / "geheim.txt").write_text("geheim", encoding="utf-8")
    fetcher = pdf_module.ProjectFetcher([folder])
    assert fetcher.fetch(virtuell(0) + "logo.png").read() == (folder / "logo.png").read_bytes()
    for url in (virtuell(0) + "../geheim.txt", virtuell(0) + "%2E%2E/geheim.txt", virtuell(1) + "geheim.txt"):
        with pytest.raises(pdf_module.ForbiddenResource):
            fetcher.fetch(url)


def test_a_missing_image_is_named_relative_to_the_project(tmp_path):
    """The message shows the file as the user knows it, neither the machine's folder nor the location-free URI."""
    folder = _projekt(tmp_path / "projekt")
    with pytest.raises(BuildFailed) as failed:
        _render(HTML.format(src="bilder/fehlt.png"), folder)
    (problem,) = failed.value.problems
    assert "„bilder/fehlt.png“" in str(problem), str(problem)
    assert "vorlagen-ordner" not in str(problem) and str(tmp_path) not in str(problem)
