"""Sixteen connections that sent a form's head and then one byte every few seconds held every answer thread of the
preview: the token was checked only after the body, and a body had no deadline. Now the token comes in the address
and is checked from the head, before a byte of the body is read, and the whole request (head and body) has one
deadline (issue 54, point 11). Real sockets on 127.0.0.1; every wait is bounded."""

from __future__ import annotations

import http.client
import socket
import threading
import time

import pytest

from tests.hilfen.vorschau import im_hintergrund
from vorlagen.building.bearbeiten.routen import Bearbeiten
from vorlagen.building.localserver import BODIES, SLOTS
from vorlagen.building.vorschauseiten import server

SEITE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
ABGELAUFEN = (
    "Dieses Formular gehört zu einer früheren Vorschau (oder zu keiner) – laden Sie die Seite neu; Ihre Eingaben sind "
    "nicht gespeichert.\n"
)
ZU_SPAET = (
    "Die Anfrage kam nicht rechtzeitig ganz an – senden Sie das Formular noch einmal aus der Seite der Vorschau; "
    "nichts ist gespeichert.\n"
)
AUSGELASTET = (
    "Die Vorschau ist gerade ausgelastet – schließen Sie einige Vorschau-Fenster oder laden Sie die Seite gleich noch "
    "einmal.\n"
)


@pytest.fixture
def editor(data, tmp_path):
    from vorlagen.building.vorschauseiten import State

    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "index.html").write_text("<html><body>Übersicht</body></html>", encoding="utf-8")
    httpd = server(tmp_path / "output", State(), 0, Bearbeiten(data, lambda: 0))
    with im_hintergrund(httpd):
        yield httpd


def _kopf(port: int, pfad: str, laenge: int = 1000) -> bytes:
    return (
        f"POST {pfad} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {laenge}\r\n\r\n"
    ).encode()


class Tropfen:
    """Connections that send a form's head and then one byte every `takt` seconds, for at most `dauer` seconds."""

    def __init__(self, port: int, pfad: str, anzahl: int, takt: float, dauer: float = 12.0):
        self.conns = [socket.create_connection(("127.0.0.1", port), timeout=15) for _ in range(anzahl)]
        for conn in self.conns:
            conn.sendall(_kopf(port, pfad) + b"a")
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._tropfen, args=(takt, dauer), daemon=True)
        self.thread.start()

    def _tropfen(self, takt: float, dauer: float) -> None:
        ende = time.monotonic() + dauer
        while not self.stop.wait(takt) and time.monotonic() < ende:
            for conn in self.conns:
                try:
                    conn.send(b"a")
                except OSError:
                    continue

    def antwort(self, conn: socket.socket) -> bytes:
        """Everything the server sends until it closes (bounded by the socket's timeout)."""
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass
        return answer

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=15)
        for conn in self.conns:
            conn.close()


def _status_und_text(answer: bytes) -> tuple[int, str]:
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body.decode("utf-8")


def _seite(port: int) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    connection.request("GET", "/index.html")
    status = connection.getresponse().status
    connection.close()
    return status


def test_the_adversarys_sixteen_slow_forms_without_token_are_refused_from_their_head(editor):
    editor.patience = 4.0  # a byte every second keeps each piece within it: before, the body was read on and on
    start = time.monotonic()
    tropfen = Tropfen(editor.port, SEITE, SLOTS, takt=1.0)
    try:
        antworten = [_status_und_text(tropfen.antwort(conn)) for conn in tropfen.conns]
        assert antworten == [(403, ABGELAUFEN)] * SLOTS
        assert time.monotonic() - start < 3  # at once, not after the body or the deadline
        assert _seite(editor.port) == 200
    finally:
        tropfen.close()


def test_a_slow_form_with_its_token_ends_at_the_deadline_of_the_whole_request(editor):
    editor.patience = 1.5
    token = editor.RequestHandlerClass.func.bearbeiten.sitzung.token
    start = time.monotonic()
    tropfen = Tropfen(editor.port, f"{SEITE}?token={token}", 1, takt=0.3)
    try:
        assert _status_und_text(tropfen.antwort(tropfen.conns[0])) == (408, ZU_SPAET)
        assert 1.4 < time.monotonic() - start < 4  # the deadline counts from the first byte, head and body together
    finally:
        tropfen.close()


def test_slow_forms_take_at_most_half_the_threads_and_pages_still_come(editor):
    editor.patience = 6.0
    token = editor.RequestHandlerClass.func.bearbeiten.sitzung.token
    tropfen = Tropfen(editor.port, f"{SEITE}?token={token}", BODIES, takt=0.5)
    try:
        time.sleep(0.5)  # each of them is reading its body now
        mehr = Tropfen(editor.port, f"{SEITE}?token={token}", 1, takt=0.5)
        try:
            start = time.monotonic()
            assert _status_und_text(mehr.antwort(mehr.conns[0])) == (503, AUSGELASTET)
            assert time.monotonic() - start < 3
        finally:
            mehr.close()
        start = time.monotonic()
        assert _seite(editor.port) == 200
        assert time.monotonic() - start < 3
    finally:
        tropfen.close()
