"""A build command's side of the render service: start it, hand it jobs or the whole build, and render
locally whenever it is missing, foreign, gone or silent – a build never waits on it for long.
"""

from __future__ import annotations

import fcntl
import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from pathlib import Path

from vorlagen.building.wire import FAILURES, connect, folder, same_project, socket_path
from vorlagen.building.workers import Renderer, RenderJob
from vorlagen.core.engine import PACKAGE

SILENCE_SECONDS = 30.0  # no message from the service for this long (it sends heartbeats): it is stuck
START_SECONDS = 30.0  # longest wait for a start under way before rendering without the service
SILENT = "Hinweis: Der Render-Dienst antwortet nicht – dieser Bau setzt die PDFs ohne ihn."


class ServiceRenderer(Renderer):
    """Sends jobs to the project's render service, starting it when needed; falls back to local workers."""

    def __init__(self, data_dir: Path, say=None):
        super().__init__()
        self.data_dir = data_dir
        self.path: Path | None = None
        self.say = say or (lambda line: print(line, file=sys.stderr, flush=True))
        self.fallback: Renderer | None = None
        self.warned = False
        self._guard = threading.Lock()

    def start(self) -> None:
        """Makes sure a service runs; a newly launched one gets ready while the build composes."""
        if self.path is not None or self.fallback is not None:
            return
        try:
            path = socket_path(self.data_dir)
            ensure(path, self.data_dir)
            self.path = path
        except OSError:
            self._local()

    def submit(self, job: RenderJob) -> Future:
        self.start()
        if self.fallback is not None:
            return self.fallback.submit(job)
        future: Future = Future()
        threading.Thread(target=self._call, args=(job, future), daemon=True).start()
        return future

    def _call(self, job: RenderJob, future: Future) -> None:
        try:
            wait_for_start(self.path)
            with connect(self.path, SILENCE_SECONDS) as channel:
                channel.send(("job", self.path.stem, job))
                answer = channel.receive(SILENCE_SECONDS, heartbeats=True)
        except FAILURES as error:  # gone or silent: render here
            if isinstance(error, socket.timeout):
                self._warn()
            answer = ("fremd", None)
        kind, value = answer
        if kind == "fremd":
            try:
                future.set_result(self._local().submit(job).result())
            except Exception as error:  # noqa: BLE001 – handed to the caller
                future.set_exception(error)
        elif kind:
            future.set_result(value)
        else:
            future.set_exception(value)

    def _local(self) -> Renderer:
        """Local workers for every job from now on."""
        with self._guard:
            if self.fallback is None:
                self.fallback = Renderer()
                self.fallback.start()
            return self.fallback

    def _warn(self) -> None:
        with self._guard:
            if not self.warned:
                self.warned = True
                self.say(SILENT)

    def close(self) -> None:
        if self.fallback is not None:
            self.fallback.close()


def delegate(data: Path, out: Path, mappen: list[str], say, stichtag=None) -> tuple | None:
    """Runs a build in the project's service: ("done", (summary, rendered, files)), ("failed", problems) or
    ("error", traceback). None when no service runs (one is started for the next build) or it fails."""
    try:
        path = socket_path(data)
        if not ping(path):
            ensure(path, data)  # for this build's rendering, and for the next build
            return None
        with connect(path, SILENCE_SECONDS) as channel:
            channel.send(("build", path.stem, str(data.resolve()), str(out.resolve()), sorted(mappen),
                          stichtag.isoformat() if stichtag else None))
            while True:
                kind, value = channel.receive(SILENCE_SECONDS, heartbeats=True)
                if kind == "line":
                    say(value)
                    continue
                return None if kind == "fremd" else (kind, value)
    except socket.timeout:
        say(SILENT)
        return None
    except FAILURES:
        return None


def _ask(path: Path, word: str) -> object:
    """Sends a one-word request; the answer's value, or None when no service answered."""
    try:
        with connect(path, 2) as channel:
            channel.send(word)
            ok, value = channel.receive(5)
            return value if ok is True else None
    except FAILURES:
        return None


def ping(path: Path) -> bool:
    return _ask(path, "ping") == "pong"


def status(path: Path) -> dict | None:
    """What the service has done: jobs rendered and cancelled, builds, its worker processes."""
    return _ask(path, ("status",))


def stop(path: Path) -> bool:
    """Asks the service to stop after its current jobs; True when one was running."""
    return _ask(path, "stop") == "pong"


def stop_all() -> None:
    """Stops every service of this user, whatever its project and program, and waits until they are gone."""
    here = folder()
    for path in here.glob("*.sock"):
        stop(path)
    deadline = time.monotonic() + 15
    while any(here.glob("*.sock")) and time.monotonic() < deadline:
        time.sleep(0.1)


_launched: set[Path] = set()


def ensure(path: Path, data_dir: Path) -> None:
    """Starts the service unless it answers, or another command is starting it right now."""
    if path in _launched or ping(path):
        return
    lock = os.open(_lock_file(path), os.O_CREAT | os.O_RDWR, 0o600)
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another command is starting it: wait for its socket
            _launched.add(path)
            return
        if not ping(path):
            _launch(path, data_dir, lock)
        _launched.add(path)
    finally:
        os.close(lock)  # the service holds its own copy of the lock until it listens


def starting(path: Path) -> bool:
    """True while a start is under way: its lock is held, by a live process (a dead one's lock is free)."""
    try:
        lock = os.open(_lock_file(path), os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(lock)


def wait_for_start(path: Path) -> None:
    """Waits while the service is being started; OSError when no start is under way or it takes too long."""
    deadline = time.monotonic() + START_SECONDS
    while not path.exists():
        if (not starting(path) and not path.exists()) or time.monotonic() > deadline:
            raise OSError("Der Render-Dienst ist nicht gestartet")
        time.sleep(0.02)


def _lock_file(path: Path) -> Path:
    return path.with_suffix(".startet")


def _launch(path: Path, data_dir: Path, lock: int) -> None:
    """Starts the service in the background with the start lock; stops this project's services of other
    program versions (never another project's)."""
    for other in path.parent.glob("*.sock"):
        if other != path and same_project(other, path):
            stop(other)
    # -P and PYTHONPATH make it import this engine, whatever folders named "vorlagen" the current directory holds
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(PACKAGE.parent), os.environ.get("PYTHONPATH")])))
    subprocess.Popen([sys.executable, "-P", "-m", "vorlagen.building.service", str(path), str(Path(data_dir).resolve()),
                      str(lock)], cwd=Path.cwd(), env=env, pass_fds=(lock,), stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
