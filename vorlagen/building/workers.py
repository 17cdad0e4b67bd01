"""PDF rendering in worker processes, one per core: the pool that starts them, hands them jobs and replaces them
when one dies. What runs in each worker (the job, its result, the WeasyPrint font setup) is building/satzprozess.py.

The command starts a first worker before it loads the data (all of them when there is no previous output),
so that importing WeasyPrint overlaps with loading and composing in the main process; the build starts the
others only when it has more than one document to render. Workers end with the command.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, InvalidStateError, ProcessPoolExecutor, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from multiprocessing.context import SpawnContext, SpawnProcess
from pathlib import Path
from typing import Any

from vorlagen.building.satzprozess import RenderJob, RenderResult, render, start_worker
from vorlagen.core.problems import BuildFailed, Problem
from vorlagen.core.runtime import befehlsordner
from vorlagen.render import maschine


@contextmanager
def _no_interrupt() -> Iterator[None]:
    """Holds Strg+C back in this thread while it may start a worker: the worker inherits that, so a Strg+C while
    it imports (before start_worker ignores it) prints no traceback either. This thread gets it afterwards."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


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
        self.pool: _Pool | None = None
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
            self.start_workers(count)

    def _replace_broken(self, broken: _Pool) -> None:
        """A fresh pool with every worker started, unless `broken` was replaced already (or the renderer closed)."""
        with self._lock:
            if self.pool is not broken:
                return
            broken.shutdown(wait=False, cancel_futures=True)
            self.replaced += 1
            self._new_pool()
            self.start_workers(self.workers)

    def _new_pool(self) -> None:
        """A pool whose workers start as jobs arrive (the lock is held)."""
        if self._temporary is None:
            self._temporary = Path(tempfile.mkdtemp(prefix="vorlagen-satz-"))
        # spawn, not fork: a worker must share nothing with the parent (forked font setups would
        # remove the parent's font files when they are replaced)
        self.pool = _Pool(
            max_workers=self.workers,
            initializer=start_worker,
            # a command that dies under its workers leaves its whole temporary folder to them (kill -9)
            initargs=(self._temporary, befehlsordner()),
        )

    def start_workers(self, count: int) -> None:
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

    def _retry(self, job: RenderJob, outer: _Auftrag, attempt: int, pool: _Pool, error: BaseException) -> None:
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


class _Pool(ProcessPoolExecutor):
    """A pool that knows every worker it has started, from the moment it starts it: ProcessPoolExecutor notes a
    worker only after its start, so a Strg+C or SIGTERM raised in between (in the thread that handed in a job) left
    a worker nobody ended – the command waited for it at its end (a CI run waited two minutes for `bauen` after its
    German line)."""

    def __init__(self, max_workers: int, initializer: Callable[..., None], initargs: tuple) -> None:
        self.started: list[SpawnProcess] = []
        super().__init__(max_workers, _NotingContext(self.started), initializer, initargs)


class _NotingContext(SpawnContext):
    """The spawn way of starting processes, each noted in `started` before it starts."""

    def __init__(self, started: list[SpawnProcess]) -> None:
        self.started = started

    def Process(self, *args: Any, **kwargs: Any) -> SpawnProcess:  # type: ignore[override]
        process = _NotedProcess(*args, **kwargs)
        process.noted = self.started
        return process


class _NotedProcess(SpawnProcess):
    noted: list[SpawnProcess]

    def start(self) -> None:
        self.noted.append(self)
        super().start()

    def __getstate__(self) -> dict:
        """What the worker gets of it: not the list of its siblings (processes are not sent to processes)."""
        return {name: value for name, value in self.__dict__.items() if name != "noted"}


def _end(pool: _Pool) -> None:
    """Shuts a pool down and ends its workers now, busy or not: ProcessPoolExecutor has no way to end a busy
    worker, so its processes are ended one by one – every one it started, also one it had not noted yet."""
    pool.shutdown(wait=False, cancel_futures=True)
    processes = [process for process in pool.started if process.pid is not None]  # None: its start failed
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():  # it does not end on TERM: it must not outlive the command
            process.kill()
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
