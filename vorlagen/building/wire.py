"""How build commands reach their render service: its address, and messages over a Unix socket.

A service belongs to one project and one program: its socket name hashes the data folder, the house-style
folders and the engine's location (so two clones or two data repositories never share one) and the code
and library versions (so a changed program never talks to an old service). The socket lives in a folder
only this user can enter. Messages are length-prefixed pickles; a receiver never waits longer than it is
told, and a busy side sends `HEARTBEAT` messages so that silence means trouble.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import select
import socket
import struct
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from vorlagen.core.engine import LIBRARIES, PACKAGE, TEMPLATES, code_files

HEARTBEAT = ("warte", None)  # "still working": sent every HEARTBEAT_SECONDS while a request runs
HEARTBEAT_SECONDS = 2.0
FAILURES = (OSError, EOFError, pickle.PickleError, struct.error)


def folder() -> Path:
    """/tmp/vorlagen-<uid>/, entered only by this user."""
    path = Path(tempfile.gettempdir()) / f"vorlagen-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    if path.stat().st_uid != os.getuid() or path.stat().st_mode & 0o077:
        raise OSError(f"{path} gehört nicht diesem Benutzer allein")
    return path


def project_key(data_dir: Path) -> str:
    """Which project a service renders for: data folder, house-style folders and engine, by location."""
    data = Path(data_dir).resolve()
    places = [data, (data / "templates").resolve(), TEMPLATES.resolve(), PACKAGE.resolve()]
    return hashlib.sha256("\0".join(map(str, places)).encode()).hexdigest()[:16]


def code_key() -> str:
    """Which program a service runs: the engine's code, the interpreter and the library versions."""
    version = hashlib.sha256(sys.executable.encode())
    for path in code_files():
        version.update(path.read_bytes())
    for name in LIBRARIES:
        version.update(f"{name}={importlib.metadata.version(name)}".encode())
    return version.hexdigest()[:16]


def socket_path(data_dir: Path) -> Path:
    """/tmp/vorlagen-<uid>/<project>-<code>.sock."""
    return folder() / f"{project_key(data_dir)}-{code_key()}.sock"


def same_project(path: Path, other: Path) -> bool:
    """True for the socket of another program version serving the same project."""
    return path.name.split("-")[0] == other.name.split("-")[0]


class Channel:
    """One connection: whole messages in, whole messages out (one sender at a time)."""

    def __init__(self, conn: socket.socket):
        self.conn = conn
        self.lock = threading.Lock()

    def __enter__(self) -> Channel:
        return self

    def __exit__(self, *exc) -> None:
        self.conn.close()

    def send(self, payload: object) -> None:
        data = pickle.dumps(payload)
        with self.lock:
            self.conn.sendall(struct.pack("!Q", len(data)) + data)

    def receive(self, seconds: float | None, heartbeats: bool = False) -> object:
        """The next message; OSError (socket.timeout) when nothing arrives for `seconds`. With
        `heartbeats`, HEARTBEAT messages are skipped (each restarts the wait)."""
        self.conn.settimeout(seconds)
        while True:
            header = self._read(8)
            message = pickle.loads(self._read(struct.unpack("!Q", header)[0]))
            if not (heartbeats and message == HEARTBEAT):
                return message

    def gone(self) -> bool:
        """True when the other side has closed the connection (it sends nothing after its request)."""
        try:
            readable, _, _ = select.select([self.conn], [], [], 0)
            return bool(readable) and self.conn.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    @contextmanager
    def heartbeat(self):
        """Sends HEARTBEAT every HEARTBEAT_SECONDS while the block runs, so the client knows we are alive."""
        done = threading.Event()

        def beat() -> None:
            while not done.wait(HEARTBEAT_SECONDS):
                try:
                    self.send(HEARTBEAT)
                except OSError:
                    return

        thread = threading.Thread(target=beat, daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()

    def _read(self, size: int) -> bytes:
        chunks, left = [], size
        while left:
            chunk = self.conn.recv(min(left, 1 << 20))
            if not chunk:
                raise EOFError("Verbindung zum Render-Dienst abgebrochen")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)


def connect(path: Path, seconds: float) -> Channel:
    """A channel to the service at `path`; OSError when there is none."""
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.settimeout(seconds)
        conn.connect(str(path))
    except OSError:
        conn.close()
        raise
    return Channel(conn)
