"""The render service: warm worker processes for one project, reached over a Unix socket (see wire.py).

A build starts it in the background (client.py); later builds hand it their jobs or the whole build and
save starting workers and importing WeasyPrint. It stops after ten idle minutes or when asked. A client
that goes away has its queued jobs cancelled; one that sends nothing is dropped after REQUEST_SECONDS.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from concurrent.futures import CancelledError, wait
from pathlib import Path

from vorlagen.building.wire import FAILURES, Channel, socket_path
from vorlagen.building.workers import Renderer, RenderJob, cancel
from vorlagen.core.runtime import collect_less_often

IDLE_SECONDS = 600
REQUEST_SECONDS = 10.0  # a client must have sent its whole request by then
WATCH_SECONDS = 0.2  # how often a waiting request checks that its client is still there


class Service:
    """Answers requests on one socket: ping, stop, status, one render job, or a whole build."""

    def __init__(self, path: Path, renderer: Renderer):
        self.path, self.key, self.renderer = path, path.stem, renderer
        self.stats = {"gerendert": 0, "abgebrochen": 0, "bauten": 0, "bauten_abgebrochen": 0}
        self.busy = 0
        self.lock = threading.Lock()
        self.build_lock = threading.Lock()  # one build at a time
        self.stopping = threading.Event()

    def count(self, name: str, by: int = 1) -> None:
        with self.lock:
            self.stats[name] += by

    def status(self) -> dict:
        pool = self.renderer.pool
        with self.lock:
            return {**self.stats, "verbindungen": self.busy - 1, "ersetzt": self.renderer.replaced,
                    "worker": sorted(pool._processes) if pool is not None else []}

    def handle(self, conn: socket.socket) -> None:
        channel = Channel(conn)
        try:
            request = channel.receive(REQUEST_SECONDS)
            kind = request[0] if isinstance(request, tuple) and request else request
            if kind in ("ping", "stop"):
                channel.send((True, "pong"))
                if kind == "stop":
                    self.stopping.set()
            elif kind == "status":
                channel.send((True, self.status()))
            elif kind not in ("job", "build") or len(request) < 3 or request[1] != self.key:
                channel.send(("fremd", None))  # another project or program: the client renders itself
            elif kind == "job":
                self.job(channel, request[2])
            else:
                with channel.heartbeat(), self.build_lock:  # a client waiting for another build hears from us
                    if channel.gone():
                        self.count("bauten_abgebrochen")
                        return
                    self.build(channel, *request[2:])
        except FAILURES:
            pass
        finally:
            conn.close()
            with self.lock:
                self.busy -= 1

    def job(self, channel: Channel, job: RenderJob) -> None:
        """Renders one job; cancels it when the client goes away before it has started."""
        future = self.renderer.submit(job)
        with channel.heartbeat():
            while not wait([future], timeout=WATCH_SECONDS).done:
                if channel.gone() and cancel(future):
                    self.count("abgebrochen")
                    return
        try:
            result = future.result()
        except Exception as error:  # noqa: BLE001 – the caller decides
            channel.send((False, error))
            return
        self.count("gerendert")
        channel.send((True, result))

    def build(self, channel: Channel, data: str, out: str, mappen: list[str], stichtag: str | None = None) -> None:
        """A whole build with the warm imports and workers; the data is read fresh. Stops when the client goes."""
        import datetime as dt
        import traceback

        from vorlagen.building.builder import Builder
        from vorlagen.building.progress import Progress
        from vorlagen.compute.project import prepare, summary
        from vorlagen.core.problems import BuildFailed
        watched = _Watched(self, channel)
        self.count("bauten")
        with watched:
            try:
                project = prepare(Path(data))
                builder = Builder(project, Progress(stream=_Lines(channel), live=False), watched,
                                  dt.date.fromisoformat(stichtag) if stichtag else None)
                count = builder.build(Path(out), set(mappen))
                answer = ("done", (summary(project), builder.rendered, count))
            except BuildFailed as failed:
                answer = ("failed", failed.problems)
            except (Exception, CancelledError):  # noqa: BLE001 – an internal error: the client shows its traceback
                answer = ("error", traceback.format_exc())
        if watched.cancelled.is_set():
            self.count("bauten_abgebrochen")
            return
        channel.send(answer)


class _Watched:
    """The service's renderer for one build: counts its jobs and cancels them once the client is gone."""

    def __init__(self, service: Service, channel: Channel):
        self.service, self.channel = service, channel
        self.workers = service.renderer.workers
        self.pending: list = []
        self.lock = threading.Lock()
        self.cancelled = threading.Event()
        self.done = threading.Event()

    def __enter__(self):
        threading.Thread(target=self._watch, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.done.set()

    def _watch(self) -> None:
        while not self.done.wait(WATCH_SECONDS):
            if self.channel.gone():
                with self.lock:
                    self.cancelled.set()
                    pending, self.pending = self.pending, []
                self.service.count("abgebrochen", sum(cancel(f) for f in pending))
                return

    def start(self) -> None:
        self.service.renderer.start()

    def submit(self, job: RenderJob):
        with self.lock:
            if self.cancelled.is_set():
                raise CancelledError("Der Auftraggeber ist nicht mehr da")
            future = self.service.renderer.submit(job)
            self.pending = [f for f in self.pending if not f.done()] + [future]
        future.add_done_callback(lambda f: None if f.cancelled() or f.exception() else self.service.count("gerendert"))
        return future

    def close(self) -> None:
        pass


class _Lines:
    """A text stream that sends each line to the client as it is written."""

    def __init__(self, channel: Channel):
        self.channel, self.buffer = channel, ""

    def write(self, text: str) -> None:
        self.buffer += text
        while "\n" in self.buffer:
            line, self.buffer = self.buffer.split("\n", 1)
            self.channel.send(("line", line))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def serve(path: Path, data_dir: Path, starting: int | None = None) -> None:
    """The service for the project of `data_dir`; `starting` is the start lock the launching command handed
    over (held until the socket listens, so that waiting commands know a start is under way)."""
    if socket_path(data_dir) != path:  # launched by another program version: not ours to serve
        return
    collect_less_often()
    renderer = Renderer()
    renderer.start()
    for _ in range(renderer.workers):  # wait until the workers are warm before answering pings
        renderer.pool.submit(int).result()
    from vorlagen.building.client import ping
    if ping(path):  # one is running already: this one is not needed
        renderer.close()
        return
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    server.bind(str(tmp))
    os.chmod(tmp, 0o600)
    server.listen(16)
    os.replace(tmp, path)
    if starting is not None:
        os.close(starting)
    run(Service(path, renderer), server)


def run(service: Service, server: socket.socket) -> None:
    """Accepts requests until the service has been idle for IDLE_SECONDS or is asked to stop."""
    server.settimeout(0.5)
    inode = service.path.stat().st_ino
    last = time.monotonic()
    try:
        while True:
            try:
                conn, _ = server.accept()
            except socket.timeout:
                with service.lock:
                    idle = service.busy == 0
                if idle and (time.monotonic() - last > IDLE_SECONDS or service.stopping.is_set()):
                    break
                continue
            last = time.monotonic()
            with service.lock:
                service.busy += 1
            threading.Thread(target=service.handle, args=(conn,), daemon=True).start()
    finally:
        server.close()
        try:
            if service.path.stat().st_ino == inode:  # not the socket of a newer service in its place
                service.path.unlink()
        except OSError:
            pass
        service.renderer.close()


if __name__ == "__main__":
    serve(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)
