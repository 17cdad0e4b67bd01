"""A render service that outlives one command: warm worker processes, reached over a Unix socket.

The first build starts it in the background; later builds send their jobs to it and save starting
workers and importing WeasyPrint. It stops after ten idle minutes. The socket lives in a folder
only this user can enter, and its name carries the code version, so a changed program never talks
to an old service. When anything about it fails, the build renders with local workers instead.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import Future
from pathlib import Path

from vorlagen.building.workers import Renderer, RenderJob
from vorlagen.core.engine import PACKAGE, code_files

IDLE_SECONDS = 600


def socket_path() -> Path:
    """Per user and code version: /tmp/vorlagen-<uid>/<version>.sock."""
    version = hashlib.sha256()
    for path in code_files():
        version.update(path.read_bytes())
    version.update(importlib.metadata.version("weasyprint").encode())
    folder = Path(tempfile.gettempdir()) / f"vorlagen-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.stat().st_uid != os.getuid() or folder.stat().st_mode & 0o077:
        raise OSError(f"{folder} gehört nicht diesem Benutzer allein")
    return folder / f"{version.hexdigest()[:16]}.sock"


def _send(conn: socket.socket, payload: object) -> None:
    data = pickle.dumps(payload)
    conn.sendall(struct.pack("!Q", len(data)) + data)


def _receive(conn: socket.socket) -> object:
    header = _read_exactly(conn, 8)
    return pickle.loads(_read_exactly(conn, struct.unpack("!Q", header)[0]))


def _read_exactly(conn: socket.socket, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = conn.recv(min(left, 1 << 20))
        if not chunk:
            raise ConnectionError("Verbindung zum Render-Dienst abgebrochen")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class ServiceRenderer(Renderer):
    """Sends jobs to the render service, starting it when needed; falls back to local workers."""

    def __init__(self):
        super().__init__()
        self.path: Path | None = None
        self.fallback: Renderer | None = None

    def start(self) -> None:
        """Makes sure a service runs; a newly launched one gets ready while the build composes."""
        if self.path is not None or self.fallback is not None:
            return
        try:
            path = socket_path()
            _ensure(path)
            self.path = path
        except OSError:
            self.fallback = Renderer()
            self.fallback.start()

    def submit(self, job: RenderJob) -> Future:
        self.start()
        if self.fallback is not None:
            return self.fallback.submit(job)
        future: Future = Future()
        threading.Thread(target=self._call, args=(job, future), daemon=True).start()
        return future

    def _call(self, job: RenderJob, future: Future) -> None:
        try:
            _await(self.path)
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.connect(str(self.path))
                _send(conn, job)
                ok, value = _receive(conn)
        except (OSError, ConnectionError, EOFError, pickle.PickleError):
            try:  # the service went away: render here
                future.set_result(_local().submit(job).result())
            except Exception as error:  # noqa: BLE001 – handed to the caller
                future.set_exception(error)
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def close(self) -> None:
        if self.fallback is not None:
            self.fallback.close()


_local_renderer: Renderer | None = None


def _local() -> Renderer:
    global _local_renderer
    if _local_renderer is None:
        _local_renderer = Renderer(workers=0)
    return _local_renderer


def _ask(path: Path, word: str) -> bool:
    """Sends "ping" or "stop"; True when a service answered."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(2)
            conn.connect(str(path))
            _send(conn, word)
            return _receive(conn) == (True, "pong")
    except (OSError, ConnectionError, EOFError, pickle.PickleError):
        return False


def _ping(path: Path) -> bool:
    return _ask(path, "ping")


def stop(path: Path | None = None) -> bool:
    """Asks the service to stop after its current jobs; True when one was running."""
    return _ask(path or socket_path(), "stop")


def stop_all() -> None:
    """Stops every service of this user, whatever its code version, and waits until they are gone."""
    folder = socket_path().parent
    for path in folder.glob("*.sock"):
        stop(path)
    deadline = time.monotonic() + 15
    while any(folder.glob("*.sock")) and time.monotonic() < deadline:
        time.sleep(0.1)


_launched: set[Path] = set()


def _ensure(path: Path) -> None:
    """Starts the service unless it answers, or this or another process is starting it already."""
    if path in _launched or _ping(path):
        return
    starting = path.with_suffix(".startet")
    try:
        os.close(os.open(starting, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        if time.time() - starting.stat().st_mtime < 60:
            _launched.add(path)  # another command is starting it: wait for its socket
            return
        starting.unlink(missing_ok=True)  # left over from a start that failed
        return _ensure(path)
    _launch(path)
    _launched.add(path)


def _launch(path: Path) -> None:
    """Starts the service in the background (stopping services of older code versions)."""
    for other in path.parent.glob("*.sock"):
        if other != path:
            stop(other)
    path.unlink(missing_ok=True)
    # It runs where the command was started (the data repository), never in the engine's folder; -P and
    # PYTHONPATH make it import this engine, whatever folders named "vorlagen" that directory holds.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(PACKAGE.parent), os.environ.get("PYTHONPATH")])))
    subprocess.Popen([sys.executable, "-P", "-m", "vorlagen.building.service", str(path)], cwd=Path.cwd(), env=env,
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)


def _await(path: Path, seconds: float = 30) -> None:
    """Waits until the service has bound its socket (it binds once its workers are warm)."""
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            raise OSError("Der Render-Dienst antwortet nicht")
        time.sleep(0.02)


def serve(path: Path) -> None:
    """The service: accepts jobs until it has been idle for IDLE_SECONDS."""
    renderer = Renderer()
    renderer.start()
    for _ in range(renderer.workers):  # wait until the workers are warm before answering pings
        renderer.pool.submit(int).result()
    if _ping(path):  # one is running already: this one is not needed
        renderer.close()
        path.with_suffix(".startet").unlink(missing_ok=True)
        return
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    server.bind(str(tmp))
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    path.with_suffix(".startet").unlink(missing_ok=True)
    server.listen(16)
    server.settimeout(0.5)
    last = time.monotonic()
    busy = [0]
    lock = threading.Lock()
    build_lock = threading.Lock()  # one build at a time
    stopping = threading.Event()

    def handle(conn: socket.socket) -> None:
        with conn:
            try:
                request = _receive(conn)
                if isinstance(request, tuple) and request[0] == "build":
                    with build_lock:
                        _build(conn, renderer, *request[1:])
                    return
                if request in ("ping", "stop"):
                    _send(conn, (True, "pong"))
                    if request == "stop":
                        stopping.set()
                    return
                try:
                    _send(conn, (True, renderer.submit(request).result()))
                except Exception as error:  # noqa: BLE001 – the caller decides
                    _send(conn, (False, error))
            except (OSError, ConnectionError, EOFError, pickle.PickleError):
                pass
            finally:
                with lock:
                    busy[0] -= 1

    try:
        while True:
            try:
                conn, _ = server.accept()
            except socket.timeout:
                with lock:
                    idle = busy[0] == 0
                if idle and (time.monotonic() - last > IDLE_SECONDS or stopping.is_set()):
                    break
                continue
            last = time.monotonic()
            with lock:
                busy[0] += 1
            threading.Thread(target=handle, args=(conn,), daemon=True).start()
    finally:
        server.close()
        if path.exists():
            path.unlink()
        renderer.close()


class _Lines:
    """A text stream that sends each line to the client as it is written."""

    def __init__(self, conn: socket.socket):
        self.conn, self.buffer = conn, ""

    def write(self, text: str) -> None:
        self.buffer += text
        while "\n" in self.buffer:
            line, self.buffer = self.buffer.split("\n", 1)
            _send(self.conn, ("line", line))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _build(conn: socket.socket, renderer: Renderer, data: str, out: str, mappen: list[str],
           stichtag: str | None = None) -> None:
    """A whole build in the service, with its warm imports and workers; the data is read fresh."""
    import datetime as dt
    import traceback

    from vorlagen.building.builder import Builder
    from vorlagen.core.problems import BuildFailed
    from vorlagen.building.progress import Progress
    from vorlagen.compute.project import prepare, summary
    try:
        project = prepare(Path(data))
        builder = Builder(project, Progress(stream=_Lines(conn), live=False), renderer,
                          dt.date.fromisoformat(stichtag) if stichtag else None)
        count = builder.build(Path(out), set(mappen))
        _send(conn, ("done", (summary(project), builder.rendered, count)))
    except BuildFailed as failed:
        _send(conn, ("failed", failed.problems))
    except Exception:  # noqa: BLE001 – an internal error: the client shows its traceback
        _send(conn, ("error", traceback.format_exc()))


def delegate(data: Path, out: Path, mappen: list[str], say, stichtag=None) -> tuple | None:
    """Runs a build in the running service: ("done", (summary, rendered, files)), ("failed", problems) or
    ("error", traceback). None when no service runs (one is started for the next build)."""
    try:
        path = socket_path()
        if not _ping(path):
            _ensure(path)  # for this build's rendering, and for the next build
            return None
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.connect(str(path))
            _send(conn, ("build", str(data.resolve()), str(out.resolve()), sorted(mappen),
                         stichtag.isoformat() if stichtag else None))
            while True:
                kind, value = _receive(conn)
                if kind == "line":
                    say(value)
                    continue
                return kind, value
    except (OSError, ConnectionError, EOFError, pickle.PickleError):
        return None


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
