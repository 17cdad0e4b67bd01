"""PDF rendering in long-lived worker processes, one per core, each keeping its WeasyPrint font setup.

Workers start when the build starts, so importing WeasyPrint there overlaps with loading and composing
in the main process. A build with a single document renders it in-process instead.
"""

from __future__ import annotations

import atexit
import ctypes
import datetime as dt
import multiprocessing
import os
import signal
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from vorlagen.core.reads import recording
from vorlagen.core.problems import Where


@dataclass(frozen=True)
class RenderJob:
    html: str
    base: Path  # relative URLs in the document resolve against this folder
    roots: tuple[Path, ...]  # the only folders the renderer may read
    where: Where  # named in problems
    created: dt.date
    text: str | None  # plain-text rendition to embed, or None


@dataclass(frozen=True)
class RenderResult:
    pdf: bytes
    reads: dict[Path, str]  # every file WeasyPrint read for it → content hash


_font_config = None


def _start_worker() -> None:
    """Runs once in each worker: import WeasyPrint and set up fonts before the first job arrives."""
    global _font_config
    _die_with_parent()
    from weasyprint.text.fonts import FontConfiguration
    _font_config = FontConfiguration()
    atexit.register(_release_fonts)
    _warm_up()


def _warm_up() -> None:
    """Renders a tiny page in the house font, so that the first real document does not pay for
    setting up fonts and layout machinery."""
    from weasyprint import HTML
    from vorlagen.render.templates import TEMPLATES
    css = f"@font-face {{ font-family: W; src: url({(TEMPLATES / 'fonts' / 'LiberationSans-Regular.ttf').as_uri()}); }}"
    HTML(string=f"<style>{css} p {{ font-family: W }}</style><table><tr><th>A</th><td><p>Ä 1 €</p></td></tr></table>"
         ).write_pdf(font_config=_font_config)


def _die_with_parent() -> None:
    """On Linux, the kernel ends this worker when its parent ends, however that happens."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except OSError:
            pass


def _release_fonts() -> None:
    """Frees the font setup while the interpreter is still whole (its cleanup needs shutil)."""
    global _font_config
    _font_config = None


def render(job: RenderJob) -> RenderResult:
    """Renders one job in this process, reusing the process's font configuration."""
    from vorlagen.render.pdf import render_pdf
    if _font_config is None:
        _start_worker()
    with recording() as reads:
        pdf = render_pdf(job.html, job.base, list(job.roots), job.where, job.created, job.text, _font_config)
    return RenderResult(pdf, reads)


def worker_count() -> int:
    """One worker per core; VORLAGEN_WORKER overrides (0 renders in the main process)."""
    configured = os.environ.get("VORLAGEN_WORKER")
    return int(configured) if configured and configured.isdigit() else (os.cpu_count() or 1)


class Renderer:
    """Renders jobs in worker processes, started lazily at the first `start()`."""

    def __init__(self, workers: int | None = None):
        self.workers = worker_count() if workers is None else workers
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Starts the workers now, so that they get ready while the main process loads data."""
        if self.pool is None and self.workers > 0:
            # spawn, not fork: a worker must share nothing with the parent (forked font setups would
            # remove the parent's font files when they are replaced)
            self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_start_worker,
                                            mp_context=multiprocessing.get_context("spawn"))
            for _ in range(self.workers):
                self.pool.submit(_ready)

    def submit(self, job: RenderJob) -> Future:
        if self.pool is None:
            future: Future = Future()
            try:
                future.set_result(render(job))
            except Exception as error:  # noqa: BLE001 – handed to the caller like a worker's failure
                future.set_exception(error)
            return future
        return self.pool.submit(render, job)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _ready() -> bool:
    return True
