"""An HTTP server for this machine only: loopback, own host names, bounded threads, checked paths, German answers.

Why it is not `ThreadingHTTPServer`: that one starts a thread for every connection before a byte
arrives (a hundred idle connections are a hundred threads) and answers any Host header, so a web
page could reach it through DNS rebinding. Here one loop accepts connections and collects each
request head without a thread; only a complete head gets one of a few threads, and only when it
names this machine as 127.0.0.1:PORT or localhost:PORT. What the answer to a request checks and says is
building/lokalanfrage.py.
"""

from __future__ import annotations

import contextlib
import re
import selectors
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus

from vorlagen.core.plattform import portabel

SLOTS = 16  # requests answered at once (each with its own thread)
STREAMS = SLOTS // 2  # of those, long-lived event streams at most
BODIES = SLOTS // 2  # of those, requests still sending their body (a form) at most
WAITING = 256  # connections still sending their request head; beyond this the oldest is dropped
PATIENCE = 10.0  # seconds a connection may take to send its whole request (head and body), and each answer to leave
MAX_HEAD = 16 * 1024  # bytes of a request head
MAX_PATH = 2048  # characters of a path

FORBIDDEN = (
    "Die Vorschau antwortet nur auf http://127.0.0.1:{port}/ und http://localhost:{port}/ "
    "– öffnen Sie eine dieser Adressen auf diesem Rechner."
)
FREMD = (
    "Die Vorschau antwortet nicht auf Anfragen anderer Webseiten – öffnen Sie http://127.0.0.1:{port}/ selbst in "
    "der Adresszeile dieses Rechners."
)
# every answer: no page of another origin may show ours in a frame (clickjacking)
FRAMING = (("X-Frame-Options", "DENY"), ("Content-Security-Policy", "frame-ancestors 'none'"))
# the preview's answers: its own pages may frame them (the editor shows the PDF beside the form), no other page
OWN_FRAMING = (("X-Frame-Options", "SAMEORIGIN"), ("Content-Security-Policy", "frame-ancestors 'self'"))
MAX_BODY = 4 * 1024 * 1024  # bytes of a form the browser sends (the texts of a Vorlage)
ANSWERS = {
    HTTPStatus.BAD_REQUEST: "Diese Adresse ist ungültig – prüfen Sie sie in der Adresszeile.",
    HTTPStatus.NOT_FOUND: "Diese Seite gibt es in der Vorschau nicht – zur Übersicht: http://127.0.0.1:{port}/",
    HTTPStatus.REQUEST_URI_TOO_LONG: "Diese Adresse ist zu lang – prüfen Sie sie in der Adresszeile.",
    HTTPStatus.LENGTH_REQUIRED: "Die Anfrage sagt nicht, wie lang sie ist – senden Sie das Formular aus dem Browser.",
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE: "Das Formular ist größer als 4 MB – so viel Text nimmt die Vorschau nicht an; "
    "teilen Sie den Text auf mehrere Abschnitte.",
    HTTPStatus.NOT_IMPLEMENTED: "Die Vorschau zeigt nur Seiten an und ändert nichts.",
    HTTPStatus.REQUEST_TIMEOUT: "Die Anfrage kam nicht rechtzeitig ganz an – senden Sie das Formular noch einmal aus "
    "der Seite der Vorschau; nichts ist gespeichert.",
    HTTPStatus.SERVICE_UNAVAILABLE: "Die Vorschau ist gerade ausgelastet – schließen Sie einige Vorschau-Fenster "
    "oder laden Sie die Seite gleich noch einmal.",
}
BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


@dataclass
class _Visitor:
    """A connection that has not yet sent its whole request head."""

    address: tuple
    arrived: float
    head: bytearray = field(default_factory=bytearray)


class LocalServer(socketserver.TCPServer):
    """Listens on 127.0.0.1 only; answers complete requests with at most SLOTS threads."""

    allow_reuse_address = False  # server_bind sets the system's own option (bind_options)
    request_queue_size = 128

    def __init__(self, port: int, handler: Callable[..., socketserver.BaseRequestHandler]):
        super().__init__(("127.0.0.1", port), handler)
        self.port = self.server_address[1]
        self.hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}
        self.origins = {f"http://{host}" for host in self.hosts}  # a page of ours asks with one of these
        self.patience, self.waiting_limit = PATIENCE, WAITING
        self.slots = threading.BoundedSemaphore(SLOTS)
        self.streams = threading.BoundedSemaphore(STREAMS)
        self.bodies = threading.BoundedSemaphore(BODIES)
        self.heads: dict[socket.socket, tuple[bytes, float]] = {}  # each request's head and its deadline
        self._waiting: dict[socket.socket, _Visitor] = {}
        self._ready: list[tuple[socket.socket, _Visitor]] = []
        self._stop = threading.Event()
        self._done = threading.Event()
        self._done.set()
        self.socket.setblocking(False)

    def server_bind(self) -> None:
        bind_options(self.socket)
        super().server_bind()

    def serve_forever(self, poll_interval: float = 0.25) -> None:
        self._stop.clear()
        self._done.clear()
        try:
            with selectors.DefaultSelector() as selector:
                self._selector = selector
                selector.register(self.socket, selectors.EVENT_READ)
                while not self._stop.is_set():
                    for key, _ in selector.select(0.02 if self._ready else poll_interval):
                        if key.fileobj is self.socket:
                            self._accept()
                        elif isinstance(key.fileobj, socket.socket):  # a visitor's connection
                            self._read(key.fileobj)
                    self._dispatch()
                    self._expire()
        finally:
            for conn in list(self._waiting) + [conn for conn, _ in self._ready]:
                conn.close()
            self._waiting.clear()
            self._ready.clear()
            self._done.set()

    def shutdown(self) -> None:
        self._stop.set()
        self._done.wait()

    def _accept(self) -> None:
        for _ in range(64):  # all that wait, within reason
            try:
                conn, address = self.socket.accept()
            except OSError:  # none left, or gone again before we took it
                return
            conn.setblocking(False)
            self._waiting[conn] = _Visitor(address, time.monotonic())
            self._selector.register(conn, selectors.EVENT_READ)
            if len(self._waiting) > self.waiting_limit:
                self._drop(next(iter(self._waiting)))

    def _read(self, conn: socket.socket) -> None:
        visitor = self._waiting[conn]
        try:
            chunk = conn.recv(4096)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        visitor.head += chunk
        if not chunk:
            self._drop(conn)
        elif len(visitor.head) > MAX_HEAD:
            self._drop(conn, HTTPStatus.REQUEST_URI_TOO_LONG)
        elif b"\r\n\r\n" in visitor.head or b"\n\n" in visitor.head:
            self._selector.unregister(conn)
            del self._waiting[conn]
            self._ready.append((conn, visitor))

    def _dispatch(self) -> None:
        while self._ready and self.slots.acquire(blocking=False):
            conn, visitor = self._ready.pop(0)
            threading.Thread(target=self._answer, args=(conn, visitor), daemon=True).start()

    def _expire(self) -> None:
        too_old = time.monotonic() - self.patience
        for conn in [conn for conn, visitor in self._waiting.items() if visitor.arrived < too_old]:
            self._drop(conn)
        for conn, visitor in [entry for entry in self._ready if entry[1].arrived < too_old]:
            self._ready.remove((conn, visitor))
            _refuse(conn, HTTPStatus.SERVICE_UNAVAILABLE)

    def _drop(self, conn: socket.socket, status: HTTPStatus | None = None) -> None:
        self._selector.unregister(conn)
        del self._waiting[conn]
        if status is None:
            conn.close()
        else:
            _refuse(conn, status)

    def _answer(self, conn: socket.socket, visitor: _Visitor) -> None:
        try:
            conn.setblocking(True)
            conn.settimeout(self.patience)
            self.heads[conn] = (bytes(visitor.head), visitor.arrived + self.patience)
            self.finish_request(conn, visitor.address)
        except Exception:  # noqa: BLE001 – one failed answer must not stop the others
            self.handle_error(conn, visitor.address)
        finally:
            self.heads.pop(conn, None)
            _verwerfen(conn)
            self.shutdown_request(conn)
            self.slots.release()

    def handle_error(self, request: object, client_address: object) -> None:
        """One line instead of a traceback; a reader who went away is no error."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            print(
                f"Vorschau: interner Fehler bei einer Anfrage ({type(error).__name__}: {error}) – "
                "die Vorschau läuft weiter.",
                file=sys.stderr,
                flush=True,
            )


def bind_options(sock: socket.socket) -> None:
    """Linux and macOS: SO_REUSEADDR, to listen again at once after Strg+C (they still refuse a port another
    program listens on). Windows: never SO_REUSEADDR – there it lets a second server take the same port silently –
    but SO_EXCLUSIVEADDRUSE, so that no other program can; with VORLAGEN_PORTABEL=1 Linux leaves out SO_REUSEADDR
    too (it has no SO_EXCLUSIVEADDRUSE)."""
    if not portabel():
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    elif hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)


def _verwerfen(conn: socket.socket) -> None:
    """Takes what has arrived of a body that was refused unread (at most MAX_BODY, without waiting): closed with it
    unread, the connection would be reset and the sender might never see the answer."""
    with contextlib.suppress(OSError):
        conn.setblocking(False)
        for _ in range(MAX_BODY // 65536 + 1):
            if not conn.recv(65536):
                return


def _refuse(conn: socket.socket, status: HTTPStatus) -> None:
    """Answers without a thread, as far as the connection takes it at once, and closes it."""
    body = (ANSWERS[status] + "\n").encode()
    head = (
        f"HTTP/1.0 {status.value} {status.phrase}\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n"
        + "".join(f"{name}: {value}\r\n" for name, value in FRAMING)
        + "\r\n"
    )
    with contextlib.suppress(OSError):
        conn.send(head.encode() + body)
    conn.close()
