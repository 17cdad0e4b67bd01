"""What runs in each render worker: the job and its result, the process's WeasyPrint font setup, rendering one job.

A worker sets itself up once (hyphenation patterns, fonts) and reuses its font configuration while it fits the
job's roots; it ends when the command that started it ends. The pool of workers is building/workers.py.
"""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from vorlagen.core.problems import FehltHier, Problem, Where
from vorlagen.core.reads import hash_of, recording
from vorlagen.load.satz import Satz
from vorlagen.render import maschine


@dataclass(frozen=True)
class RenderJob:
    html: str
    base: Path  # relative URLs in the document resolve against this folder
    roots: tuple[Path, ...]  # the only folders the renderer may read
    where: Where  # named in problems
    created: dt.date
    text: str | None  # plain-text rendition to embed, or None
    titel: str = ""  # the document as warnings name it, e.g. „Vorlage 2021/0123“
    satz: Satz = Satz()  # the Hausstil's rules for tables and hyphenation
    word: bool = False  # a Word file of the same layout, too


@dataclass(frozen=True)
class RenderResult:
    pdf: bytes
    reads: dict[Path | str, str]  # every file WeasyPrint read for it → content hash
    warnings: tuple[Problem, ...] = ()  # what the layout check found (text running out of its box)
    maschine: tuple[str, ...] = ()  # what the worker's machine lacks (render/maschine.py), said once by the command
    docx: bytes | None = None  # the Word file, where the job asked for it


_font_config = None


def start_worker(temporary: Path | None, verwaist: Path | None = None) -> None:
    """Runs once in each worker: import WeasyPrint and set up fonts and hyphenation before the first job arrives.
    The worker's temporary files (WeasyPrint's copies of fonts) go into the renderer's own folder, which the
    renderer removes when it ends the workers – also a worker ended in the middle of its work leaves nothing;
    `verwaist` is what it removes when the command dies under it (the command's own temporary folder).
    Strg+C reaches every process of the terminal: the worker ignores it (no traceback of its own); the parent
    handles it and ends the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(
        signal, "pthread_sigmask"
    ):  # started with Strg+C held back (workers._no_interrupt): a pending one is dropped
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent(verwaist or temporary)
    if temporary is not None:
        tempfile.tempdir = str(temporary)
    gc.disable()  # importing WeasyPrint makes many objects and no garbage: searching it for cycles is wasted time
    try:
        _set_up()
    except FehltHier:
        pass  # no traceback from the pool: its first job says what the machine lacks, in German (render())
    finally:
        gc.freeze()  # those objects live as long as the worker: later searches for cycles skip them
        gc.enable()


def _set_up() -> None:
    """Sets up this process for rendering, once: hyphenation patterns and fonts. (No warm-up page: the worker
    is the slower one at the start of a build, so a page rendered for practice only delays the first document.)"""
    global _font_config
    if _font_config is not None:
        return
    from vorlagen.render.hyphenation import prime

    maschine.weasyprint_laden()  # FehltHier: the machine lacks Pango – one German line, no document blamed
    prime()
    from weasyprint.text.fonts import FontConfiguration

    _font_config = FontConfiguration()
    atexit.register(release_fonts)


def _die_with_parent(temporary: Path | None) -> None:
    """The worker ends when its parent ends, however that happens (Ctrl-C, kill -9, a crash), on every system:
    a thread waits on the parent's sentinel, which multiprocessing closes with the parent – also when the parent
    was gone before this worker got here (the sentinel is then ready at once). The parent cannot remove the
    workers' temporary folder then, so each worker does before it ends."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
        os._exit(1)

    threading.Thread(target=watch, name="vorlagen-elternwache", daemon=True).start()


def release_fonts() -> None:
    """Frees every font setup while the interpreter is still whole (its cleanup needs shutil): a worker that ends
    normally – one that got the pool's end signal just before it was terminated – would otherwise print
    „TypeError: 'NoneType' object is not callable“ from WeasyPrint's cleanup at exit. A command that rendered in
    its own process frees them at its end too: their copies of fonts lie in the command's temporary folder."""
    global _font_config, _fonts
    _font_config = _fonts = None


def render(job: RenderJob) -> RenderResult:
    """Renders one job in this process, reusing the process's font configuration while it fits the job."""
    _set_up()
    from vorlagen.render.pdf import render_pdf

    fonts, warnings = _fonts_for(job), list[Problem]()
    word: list[bytes] | None = [] if job.word else None
    with recording() as reads:
        pdf = render_pdf(
            job.html, job.base, list(job.roots), job.where, job.created, job.text, fonts.config, job.titel, warnings,
            job.satz, word,
        )  # fmt: skip
    fonts.learn(reads)
    return RenderResult(pdf, reads, tuple(warnings), maschine.genommen(), word[0] if word else None)


class _Fonts:
    """A font configuration for one set of roots, and the font files it has read (path → content hash).

    WeasyPrint keeps an @font-face once it has loaded it and never reads the file again; a long-lived
    worker must therefore not hand a configuration to a job of other roots (another clone's fonts of the
    same family would win) or after one of its font files changed."""

    def __init__(self, roots: tuple[Path, ...], config: object) -> None:
        self.roots, self.config = roots, config
        self.reads: dict[Path, str] = {}

    def fits(self, roots: tuple[Path, ...]) -> bool:
        return roots == self.roots and all(hash_of(path) == value for path, value in self.reads.items())

    def learn(self, reads: dict[Path | str, str]) -> None:
        fonts = {path: value for path, value in reads.items() if isinstance(path, Path)}
        self.reads.update({path: value for path, value in fonts.items() if path.suffix.lower() in _FONT_FILES})


_FONT_FILES = {".ttf", ".otf", ".woff", ".woff2", ".ttc"}
_fonts: _Fonts | None = None


def _fonts_for(job: RenderJob) -> _Fonts:
    global _fonts
    roots = tuple(root.resolve() for root in job.roots)
    if _fonts is None or not _fonts.fits(roots):
        from weasyprint.text.fonts import FontConfiguration

        _fonts = _Fonts(roots, _font_config if _fonts is None else FontConfiguration())
    return _fonts
