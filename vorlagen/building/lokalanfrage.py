"""A request to the server for this machine: it names this machine and comes from no other page, its path lies inside
the served folder, its form arrives whole and in time – and every refusal is a short German answer.

The server that accepts connections and hands each complete request to a thread is building/localserver.py.
"""

from __future__ import annotations

import io
import os
import time
import urllib.parse
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from vorlagen.building.localserver import (
    ANSWERS,
    BAD_PERCENT,
    FORBIDDEN,
    FRAMING,
    FREMD,
    MAX_BODY,
    MAX_PATH,
    LocalServer,
)
from vorlagen.core.pfade import innerhalb

FOLDER = (
    "Dieser Ordner hat keine Übersichtsseite – öffnen Sie die Startseite (/) oder eine Datei aus ihm, "
    "z. B. über die Links der Startseite."
)


class LocalHandler(SimpleHTTPRequestHandler):
    """Serves files of one folder to requests that name this machine; German answers for every refusal."""

    server: LocalServer
    forbidden = FORBIDDEN  # the German answers; a server that is no preview (the handbook) names itself
    fremd = FREMD
    answers = ANSWERS
    framing = FRAMING

    def setup(self) -> None:
        super().setup()
        self.rfile.close()
        head, self.deadline = self.server.heads.get(self.request, (b"", time.monotonic() + self.server.patience))
        self.rfile = io.BytesIO(head)

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1 or hosts[0].strip().lower() not in self.server.hosts:
            self.answer(HTTPStatus.FORBIDDEN, self.forbidden.format(port=self.server.port))
            return False
        origins = self.headers.get_all("Origin") or []  # a browser names the page that asks, where it is another
        if any(origin.strip().lower() not in self.server.origins for origin in origins):
            self.answer(HTTPStatus.FORBIDDEN, self.fremd.format(port=self.server.port))
            return False
        return True

    def end_headers(self) -> None:
        for name, value in self.framing:
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 – the http.server interface
        path = self.local_path()
        if path is not None:
            self.serve(path, body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        path = self.local_path()
        if path is not None:
            self.serve(path, body=False)

    def read_body(self, limit: int = MAX_BODY) -> bytes | None:
        """The body of a request (a form), at most `limit` bytes; None after refusing one without a length, a
        larger one, one that does not arrive whole before the request's deadline (408), or one more than BODIES
        requests send at once (503). Part of it may have come with the head; the rest is read from the connection.
        Whoever calls it has checked what the head can tell (the token) before."""
        length = self.headers.get("Content-Length", "")
        if not (length.isascii() and length.isdigit()):
            self.send_error(HTTPStatus.LENGTH_REQUIRED)
            return None
        size = int(length)
        if size > limit:
            self.send_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            return None
        if not self.server.bodies.acquire(blocking=False):
            self.send_error(HTTPStatus.SERVICE_UNAVAILABLE)
            return None
        try:
            body = self._bis_zur_frist(self.rfile.read(size), size)
        finally:
            self.server.bodies.release()
            self.connection.settimeout(self.server.patience)  # for the answer
        if body is None:
            self.send_error(HTTPStatus.REQUEST_TIMEOUT)
        return body

    def _bis_zur_frist(self, body: bytes, size: int) -> bytes | None:
        """The rest of a body of `size` bytes as it arrives; None when the request's deadline passes first."""
        while len(body) < size:
            rest = self.deadline - time.monotonic()
            if rest <= 0:
                return None
            self.connection.settimeout(rest)
            try:
                chunk = self.connection.recv(min(65536, size - len(body)))
            except TimeoutError:
                return None
            if not chunk:
                break
            body += chunk
        return body

    def serve(self, path: Path, body: bool) -> None:
        """Answers with the file (or folder) at `path`, which lies inside the served folder."""
        super().do_GET() if body else super().do_HEAD()

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """A folder without index.html: a German answer, never Python's English folder listing."""
        self.answer(HTTPStatus.NOT_FOUND, FOLDER)
        return None

    def local_path(self) -> Path | None:
        """The file a request names inside the served folder; None after refusing a malformed or foreign path."""
        target = self.path.split("?", 1)[0].split("#", 1)[0]
        if len(target) > MAX_PATH:
            self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
            return None
        if not target.startswith("/") or not target.isascii() or BAD_PERCENT.search(target):
            self.send_error(HTTPStatus.BAD_REQUEST)
            return None
        try:
            text = urllib.parse.unquote(target, errors="strict")
        except UnicodeDecodeError:
            self.send_error(HTTPStatus.BAD_REQUEST)
            return None
        parts = text.split("/")
        if "\\" in text or any(ord(c) < 32 or ord(c) == 127 for c in text) or ".." in parts or "." in parts:
            self.send_error(HTTPStatus.BAD_REQUEST)
            return None
        root = Path(self.directory).resolve()
        path = root.joinpath(*[part for part in parts if part])
        try:
            if not innerhalb(path, root):
                raise ValueError(path)
            path.stat()
        except (OSError, ValueError):  # outside, missing, or a name too long for the file system
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return path

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        text = self.answers.get(HTTPStatus(code), self.answers[HTTPStatus.BAD_REQUEST])
        self.answer(HTTPStatus(code), text.format(port=self.server.port))

    def answer(self, status: HTTPStatus, text: str) -> None:
        """A short German plain-text answer; the connection closes after it."""
        self.close_connection = True
        body = (text + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 – quiet: the terminal shows builds, not requests
        pass
