"""PDF rendering in worker processes, one per core, each keeping its WeasyPrint font setup.

The command starts a first worker before it loads the data (all of them when there is no previous output),
so that importing WeasyPrint overlaps with loading and composing in the main process; the build starts the
others only when it has more than one document to render. Workers end with the command.
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
from collections.abc import Iterator
from concurrent.futures import Future, InvalidStateError, ProcessPoolExecutor, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from vorlagen.core.problems import BuildFailed, FehltHier, Problem, Where
from vorlagen.core.reads import hash_of, recording
from vorlagen.core.runtime import befehlsordner
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


def _start_worker(temporary: Path | None, verwaist: Path | None = None) -> None:
    """Runs once in each worker: import WeasyPrint and set up fonts and hyphenation before the first job arrives.
    The worker's temporary files (WeasyPrint's copies of fonts) go into the renderer's own folder, which the
    renderer removes when it ends the workers – also a worker ended in the middle of its work leaves nothing;
    `verwaist` is what it removes when the command dies under it (the command's own temporary folder).
    Strg+C reaches every process of the terminal: the worker ignores it (no traceback of its own); the parent
    handles it and ends the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # started with Strg+C held back (_no_interrupt): a pending one is dropped
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


@contextmanager
def _no_interrupt() -> Iterator[None]:
    """Holds Strg+C back in this thread while it may start a worker: the worker inherits that, so a Strg+C while
    it imports (before _start_worker ignores it) prints no traceback either. This thread gets it afterwards."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


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


def render_seconds() -> float:
    """How long the build waits for a worker that finishes nothing; VORLAGEN_SATZ_SEKUNDEN overrides."""
    configured = os.environ.get("VORLAGEN_SATZ_SEKUNDEN", "")
    return float(configured) if configured.replace(".", "", 1).isdigit() else 600.0


def worker_count() -> int:
    """One worker per core; VORLAGEN_WORKER overrides (0 renders in the main process)."""
    configured = os.environ.get("VORLAGEN_WORKER")
    return int(configured) if configured and configured.isdigit() else (os.cpu_count() or 1)


class Renderer:
    """Renders jobs in worker processes, started at `start()`: a first one when the command begins, so that it
    gets ready while the main process loads data, the others when the build knows it has more than one document.

    A worker that dies (killed, out of memory) breaks its whole pool: the pool is replaced and each job
    it took down is tried once more. Pools start in one long-lived thread of their own, so that replacing a
    broken pool never waits on the thread that found it broken; workers end with this process (_die_with_parent).
    """

    def __init__(self, workers: int | None = None):
        self.workers = worker_count() if workers is None else workers
        self.pool: ProcessPoolExecutor | None = None
        self.replaced = 0  # pools replaced after a worker died
        self._starter: ThreadPoolExecutor | None = None
        self._temporary: Path | None = None  # the workers' folder for temporary files
        self._asked = 0  # workers asked for by start()
        self._first: Future | None = None  # done when the first worker is ready
        self._lock = threading.Lock()
        self._closed = False  # closed for good: no worker starts again, no job runs (a server that stops)

    def start(self, count: int | None = None) -> None:
        """Starts `count` workers (all by default) now, so that they get ready while the main process works."""
        if self.workers <= 0 or self._closed:
            return
        self._starter = self._starter or ThreadPoolExecutor(1, thread_name_prefix="vorlagen-pool")
        self._starter.submit(self._spawn, min(count or self.workers, self.workers)).result()

    def _spawn(self, count: int) -> None:
        with self._lock:
            if self.pool is None:
                self._new_pool()
            self._start_workers(count)

    def _replace_broken(self, broken: ProcessPoolExecutor) -> None:
        """A fresh pool with every worker started, unless `broken` was replaced already (or the renderer closed)."""
        with self._lock:
            if self.pool is not broken:
                return
            broken.shutdown(wait=False, cancel_futures=True)
            self.replaced += 1
            self._new_pool()
            self._start_workers(self.workers)

    def _new_pool(self) -> None:
        """A pool whose workers start as jobs arrive (the lock is held)."""
        if self._temporary is None:
            self._temporary = Path(tempfile.mkdtemp(prefix="vorlagen-satz-"))
        # spawn, not fork: a worker must share nothing with the parent (forked font setups would
        # remove the parent's font files when they are replaced)
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers,
            initializer=_start_worker,
            # a command that dies under its workers leaves its whole temporary folder to them (kill -9)
            initargs=(self._temporary, befehlsordner()),
            mp_context=multiprocessing.get_context("spawn"),
        )

    def _start_workers(self, count: int) -> None:
        """Starts up to `count` workers now (the lock is held): the pool starts one for each job while none is idle."""
        self._asked = max(self._asked, count)
        assert self.pool is not None  # started by _spawn, which holds the lock
        for _ in range(count):
            with _no_interrupt():
                ready = self.pool.submit(_ready)
            self._first = self._first or ready

    def submit(self, job: RenderJob) -> Future:
        if self._closed:  # a build still running in another thread ends here instead of rendering on in-process
            raise RuntimeError("the renderer is closed")
        if self.pool is None:
            future: Future = Future()
            try:
                _settle(future, result=render(job))
            except Exception as error:  # noqa: BLE001 – handed to the caller like a worker's failure
                _settle(future, error=error)
            return future
        if self._asked < self.workers and self._first is not None:
            # fewer workers were asked for: the pool would start another for a job that finds none idle
            wait([self._first], timeout=render_seconds())
        outer = _Auftrag()
        self._run(job, outer, attempt=1)
        return outer

    def _run(self, job: RenderJob, outer: _Auftrag, attempt: int) -> None:
        """Runs `job` in the pool, passing its outcome to `outer`; a broken pool is replaced, once per job."""
        pool = self.pool
        if pool is None or outer.cancelled():
            outer.cancel()
            return
        try:
            with _no_interrupt():
                inner = pool.submit(render, job)
        except BrokenProcessPool as error:
            return self._retry(job, outer, attempt, pool, error)
        except RuntimeError:  # the pool was shut down: the renderer is closing
            outer.cancel()
            return
        outer.inner = inner  # so that cancelling the outer future reaches the pool

        def done(inner: Future) -> None:
            outer.inner = None  # no cycle outer → inner → done → outer keeps the PDF alive until a full collection
            if inner.cancelled():
                outer.cancel()
                return
            error = inner.exception()
            if isinstance(error, BrokenProcessPool):
                self._retry(job, outer, attempt, pool, error)
            elif error is not None:
                _settle(outer, error=error)
            else:
                _settle(outer, result=inner.result())

        inner.add_done_callback(done)

    def _retry(
        self, job: RenderJob, outer: _Auftrag, attempt: int, pool: ProcessPoolExecutor, error: BaseException
    ) -> None:
        def again() -> None:
            self._replace_broken(pool)
            if attempt > 1:  # it took down a worker twice: the document is the cause, not bad luck
                _settle(outer, error=BuildFailed([Problem(job.where, _CRASHED)]))
            else:
                self._run(job, outer, attempt + 1)

        try:
            if self._starter is None:
                raise RuntimeError("closing")
            self._starter.submit(again)
        except RuntimeError:  # closing
            _settle(outer, error=error)

    def replace(self) -> None:
        """Ends every worker at once (one hangs) and starts a fresh pool; their jobs are lost – the caller names
        them. (ProcessPoolExecutor has no way to end a busy worker; its processes are ended one by one.)"""
        with self._lock:
            pool, self.pool = self.pool, None
        if pool is None or self._closed:
            return
        _end(pool)
        self.replaced += 1
        assert self._starter is not None  # made when the first workers were started
        self._starter.submit(self._spawn, self.workers).result()

    def close(self) -> None:
        """Ends the workers at once – the build has collected everything it waits for – and removes their folder
        for temporary files."""
        self._closed = True
        with self._lock:
            pool, self.pool = self.pool, None
        if pool is not None:
            _end(pool)
        if self._starter is not None:
            self._starter.shutdown(wait=True)
            self._starter = None
        if self._temporary is not None:
            shutil.rmtree(self._temporary, ignore_errors=True)
            self._temporary = None


def _end(pool: ProcessPoolExecutor) -> None:
    """Shuts a pool down and ends its workers now, busy or not: ProcessPoolExecutor has no way to end a busy
    worker, so its processes are ended one by one."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
        process.join(timeout=5)


_CRASHED = (
    "Der Satzprozess ist beim Setzen dieses Dokuments zweimal abgestürzt – ist der Arbeitsspeicher knapp? "
    "Schließen Sie andere Programme und bauen Sie erneut; bleibt es dabei, setzen Sie VORLAGEN_WORKER=1."
)


class _Auftrag(Future):
    """The future of a job given to the pool: `inner` is the pool's own future while the job waits or runs there
    (cancelling the job must reach it)."""

    inner: Future | None = None


def cancel(future: Future) -> bool:
    """Cancels a job that has not started yet (True), also one waiting in the pool of a Renderer."""
    inner = future.inner if isinstance(future, _Auftrag) else None
    if inner is not None and not inner.cancel():
        return False
    return future.cancel()


def _settle(future: Future, result: RenderResult | None = None, error: BaseException | None = None) -> None:
    if result is not None:  # the machine's notices reach the command, whoever waits for the document
        maschine.aufnehmen(result.maschine)
    if future.cancelled() or future.done():
        return
    with suppress(InvalidStateError):
        future.set_exception(error) if error is not None else future.set_result(result)


def _ready() -> bool:
    return True
