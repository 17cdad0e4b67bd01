"""A stand-in for the PDF renderer in tests of the build's bookkeeping: it reads what WeasyPrint would read (the
stylesheets, images and fonts a document links, through the same fetcher, so the reads are recorded) and answers
at once with a small valid PDF whose bytes depend on the document and on every file it read, and where the job asks
for one, with the document's Word file made without a layout. A build with it takes a fraction of a second, so that
hundreds of builds fit into a test."""

from __future__ import annotations

import hashlib
import re
from concurrent.futures import Future
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

from vorlagen.building.satzprozess import RenderJob, RenderResult
from vorlagen.building.workers import Renderer
from vorlagen.core.reads import recording
from vorlagen.render.pdf import ProjectFetcher
from vorlagen.render.satzregeln import ohne_quellen

_LINKED = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""")
_CSS = re.compile(r"""url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)""")
_PLACEHOLDER = "S" * 64
_template: bytes | None = None


def _template_pdf() -> bytes:
    """One real page, rendered once, whose title is a placeholder of 64 characters (the digest goes there)."""
    global _template
    if _template is None:
        from weasyprint import HTML

        from vorlagen.render.conformance import PDF_OPTIONS, finish

        html = f'<html lang="de"><head><title>{_PLACEHOLDER}</title></head><body><p>Schnellsatz</p></body></html>'
        _template = HTML(string=html).write_pdf(None, 1, finish, uncompressed_pdf=True, **PDF_OPTIONS)
        assert _template.count(_PLACEHOLDER.encode()) >= 1
    return _template


def _word(job: RenderJob, fetcher: ProjectFetcher) -> bytes:
    """The document's Word file without a layout: its text, tables and images with the shipped look, all upright."""
    from vorlagen.render.word import ohne_satz, worddatei

    def lesen(url: str) -> bytes | None:
        try:
            return fetcher.fetch(url).read()
        except Exception:  # noqa: BLE001 – an image the stand-in cannot read is left out, as the real one leaves it
            return None

    return worddatei(ohne_satz(job.html), job.created, job.satz.woerter, lesen)


class Schnellsatz(Renderer):
    """Renders nothing: each PDF is a copy of one page with the hash of its document and of its reads."""

    def __init__(self, workers: int | None = None):
        super().__init__(workers=0)

    def start(self, count: int | None = None) -> None:
        pass

    def submit(self, job: RenderJob) -> Future:
        future: Future = Future()
        with recording() as reads:
            fetcher = ProjectFetcher(list(job.roots))
            seen: set[str] = set()
            base = job.base.as_uri() + "/"
            for url in _LINKED.findall(job.html):
                self._fetch(fetcher, urljoin(base, url), seen)
        html = ohne_quellen(job.html)  # as render_pdf: a table's line for the layout check prints nothing
        for root in job.roots:
            html = html.replace(root.resolve().as_uri(), "").replace(root.as_uri(), "")
        parts = [html, job.text or "", job.created.isoformat()]
        parts += [f"{Path(p).name}={value}" for p, value in sorted(reads.items(), key=lambda item: str(item[0]))]
        name = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        pdf = _template_pdf().replace(_PLACEHOLDER.encode(), name.encode())
        future.set_result(RenderResult(pdf, dict(reads), docx=_word(job, fetcher) if job.word else None))
        return future

    def _fetch(self, fetcher: ProjectFetcher, url: str, seen: set[str]) -> None:
        """Reads one linked file like WeasyPrint; a stylesheet's own links are followed."""
        if urlsplit(url).scheme != "file" or url in seen:
            return
        seen.add(url)
        path = Path(url2pathname(urlsplit(url).path))
        if not any(path.resolve().is_relative_to(root) for root in fetcher.roots) or not path.is_file():
            return
        body = fetcher.fetch(url).read()
        if path.suffix == ".css":
            text = body.decode("utf-8", "replace")
            for match in _CSS.finditer(text):
                target = match[1] or match[2]
                self._fetch(fetcher, urljoin(url, target), seen)
