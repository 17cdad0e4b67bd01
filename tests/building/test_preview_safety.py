"""The preview's HTTP side under hostile or careless use: foreign Host headers, idle connections, bad paths, bad ports.

The server runs in this process on a small hand-made output folder (no build), on a port the kernel picks.
"""

from __future__ import annotations

import errno
import http.client
import socket
import threading
import time

import pytest

from tests.hilfen import DATA, run
from tests.hilfen.vorschau import im_hintergrund
from vorlagen.building import preview, vorschauseiten
from vorlagen.building.preview import Preview
from vorlagen.building.vorschauseiten import State, server

SECRET = "Nichtöffentlich: Grundstückskauf Flur 7"


@pytest.fixture
def site(tmp_path):
    """A running preview server on an output folder with a public page, an internal page and a PDF."""
    out = tmp_path / "output"
    (out / "intern").mkdir(parents=True)
    (out / "vorlagen").mkdir()
    (out / "index.html").write_text("<html><body><h1>Übersicht</h1></body></html>", encoding="utf-8")
    (out / "intern" / "geheim.html").write_text(f"<html><body>{SECRET}</body></html>", encoding="utf-8")
    (out / "vorlagen" / "a.pdf").write_bytes(b"%PDF-1.7 fake")
    (tmp_path / "ausserhalb.txt").write_text("außerhalb der Ausgabe", encoding="utf-8")
    state = State()
    httpd = server(out, state, 0)
    with im_hintergrund(httpd):
        yield httpd, state


def port_of(httpd) -> int:
    return httpd.server_address[1]


def request(port: int, path: str, host: str | None = "default", method: str = "GET") -> tuple[int, str]:
    """A raw request with exactly the Host header given (None: no Host header at all)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    if host == "default":
        host = f"127.0.0.1:{port}"
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


def raw(port: int, data: bytes) -> tuple[int, bytes]:
    """Sends bytes as they are (for request lines http.client refuses to write); returns status and whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
        conn.sendall(data)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1]), answer


# 1. Only this machine, by its own names: DNS rebinding gets nothing of the project.


def test_own_names_are_served(site):
    httpd, _ = site
    port = port_of(httpd)
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        status, body = request(port, "/intern/geheim.html", host)
        assert status == 200 and SECRET in body


@pytest.mark.parametrize(
    "host",
    [
        "attacker.example",
        "attacker.example:{port}",
        "localhost:{wrong}",
        "127.0.0.1:{wrong}",
        "127.0.0.1",
        "localhost",
        "127.0.0.1.attacker.example:{port}",
        "[::1]:{port}",
        "0.0.0.0:{port}",
        "",
        None,
    ],
)
def test_foreign_host_is_refused(site, host):
    httpd, _ = site
    port = port_of(httpd)
    if host is not None:
        host = host.format(port=port, wrong=port + 1 if port < 65535 else port - 1)
    for path in ("/intern/geheim.html", "/", "/vorlagen/a.pdf", vorschauseiten.EVENTS):
        status, body = request(port, path, host)
        assert status == 403
        assert body == (
            f"Die Vorschau antwortet nur auf http://127.0.0.1:{port}/ und http://localhost:{port}/ "
            "– öffnen Sie eine dieser Adressen auf diesem Rechner.\n"
        )
        assert SECRET not in body and "Übersicht" not in body
    status, _ = request(port, "/intern/geheim.html", host, method="HEAD")
    assert status == 403


def _with(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], str]:
    """A request from this machine with these extra headers: status, headers and body of the answer."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    answer = response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    connection.close()
    return answer


@pytest.mark.parametrize(
    "origin", ["https://attacker.example", "http://127.0.0.1:{wrong}", "http://localhost", "null", "file://"]
)
def test_a_request_from_another_page_is_refused(site, origin):
    """A page of another origin may ask the preview (fetch, an event stream): the browser names that page in
    Origin, and the preview answers it nothing – not the pages, not the build's problems."""
    httpd, state = site
    port = port_of(httpd)
    state.publish(False, [f"data/x.yaml:1: {SECRET}"])
    for path in ("/intern/geheim.html", "/", vorschauseiten.EVENTS):
        status, _, body = _with(port, path, {"Origin": origin.format(wrong=port + 1 if port < 65535 else port - 1)})
        assert status == 403 and SECRET not in body
        assert body == (
            "Die Vorschau antwortet nicht auf Anfragen anderer Webseiten – öffnen Sie "
            f"http://127.0.0.1:{port}/ selbst in der Adresszeile dieses Rechners.\n"
        )


def test_a_request_of_its_own_pages_is_answered(site):
    httpd, _ = site
    port = port_of(httpd)
    for origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}"):
        status, _, body = _with(port, "/intern/geheim.html", {"Origin": origin})
        assert status == 200 and SECRET in body


def test_no_answer_may_be_shown_in_a_frame_of_another_page(site):
    """Every answer – a page, a file, a refusal – forbids other pages to frame it (clickjacking); only the preview's
    own pages may (the editing side shows the PDF beside its form)."""
    httpd, _ = site
    port = port_of(httpd)
    for path, headers in (
        ("/intern/geheim.html", {}),
        ("/vorlagen/a.pdf", {}),
        ("/gibt-es-nicht.html", {}),
        ("/", {"Origin": "https://attacker.example"}),
    ):
        _, answer, _ = _with(port, path, headers)
        assert answer["X-Frame-Options"] == "SAMEORIGIN", path
        assert answer["Content-Security-Policy"] == "frame-ancestors 'self'", path
    status, answer = raw(port, b"GET /" + b"a" * 20_000)  # an endless request head is refused without a thread
    assert status == 414 and b"X-Frame-Options: DENY\r\n" in answer


def test_two_host_headers_are_refused(site):
    httpd, _ = site
    port = port_of(httpd)
    status, answer = raw(
        port, f"GET /intern/geheim.html HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: attacker.example\r\n\r\n".encode()
    )
    assert status == 403 and SECRET.encode() not in answer


def test_nothing_changes_state_but_the_forms_of_the_editing_side(site):
    httpd, _ = site
    port = port_of(httpd)
    for method in ("POST", "PUT", "DELETE"):
        status, body = request(port, "/intern/geheim.html", method=method)
        assert status == 501 and SECRET not in body
        assert body == (
            "An dieser Adresse nimmt die Vorschau nichts an – Vorlagen ändern Sie in ihren Formularen: "
            f"http://127.0.0.1:{port}/__vorlagen/bearbeiten/\n"
        )


def test_listens_on_loopback_only(site):
    httpd, _ = site
    assert httpd.server_address[0] == "127.0.0.1"


# 2. Bounded: idle or slow connections cost no thread and do not block others.


def test_idle_connections_cost_no_threads_and_others_get_through(site):
    httpd, _ = site
    httpd.patience = 60  # the normal request must get through while the idle ones are still open
    port = port_of(httpd)
    before = threading.active_count()
    idle = [socket.create_connection(("127.0.0.1", port), timeout=20) for _ in range(100)]
    slow = [socket.create_connection(("127.0.0.1", port), timeout=20) for _ in range(100)]
    try:
        for conn in slow:  # slowloris: a request head that never ends
            conn.sendall(f"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-a: ".encode())
        time.sleep(0.5)
        assert threading.active_count() - before <= 2
        start = time.monotonic()
        status, body = request(port, "/index.html")
        assert status == 200 and "Übersicht" in body
        assert time.monotonic() - start < 10
    finally:
        for conn in idle + slow:
            conn.close()


def test_idle_connections_are_dropped(site):
    httpd, _ = site
    httpd.patience = 0.5
    port = port_of(httpd)
    conn = socket.create_connection(("127.0.0.1", port), timeout=20)
    conn.sendall(b"GET / HTTP/1.1\r\n")
    start = time.monotonic()
    assert conn.recv(100) == b""  # closed by the server
    assert time.monotonic() - start < 10
    conn.close()


def test_waiting_connections_are_bounded(site):
    httpd, _ = site
    httpd.waiting_limit = 20
    port = port_of(httpd)
    conns = [socket.create_connection(("127.0.0.1", port), timeout=20) for _ in range(40)]
    try:
        time.sleep(0.5)
        assert conns[0].recv(100) == b""  # the oldest made room
        status, _ = request(port, "/index.html")
        assert status == 200
    finally:
        for conn in conns:
            conn.close()


def test_event_streams_are_bounded(site):
    httpd, _ = site
    port = port_of(httpd)
    streams = []
    try:
        for _ in range(8):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            connection.request("GET", vorschauseiten.EVENTS)
            response = connection.getresponse()
            assert response.status == 200
            streams.append(connection)
        status, body = request(port, vorschauseiten.EVENTS)
        assert status == 503
        assert (
            body == "Die Vorschau ist gerade ausgelastet – schließen Sie einige Vorschau-Fenster oder laden Sie "
            "die Seite gleich noch einmal.\n"
        )
        status, _ = request(port, "/index.html")  # pages still load
        assert status == 200
    finally:
        for connection in streams:
            connection.close()


# 4. Malformed paths: 400 or 404, never a traceback, never a file outside the output folder.


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/index.html%00", 400),
        ("/%00", 400),
        ("/intern/%00/geheim.html", 400),
        ("/%0a", 400),
        ("/..%2fausserhalb.txt", 400),
        ("/%2e%2e/ausserhalb.txt", 400),
        ("/../ausserhalb.txt", 400),
        ("/vorlagen/..%2f..%2fausserhalb.txt", 400),
        ("/..%5causserhalb.txt", 400),
        ("/%zz", 400),
        ("/%", 400),
        ("/abc%4", 400),
        ("/%ff", 400),
        ("/%c0%ae%c0%ae/ausserhalb.txt", 400),
        ("/" + "a" * 5000, 414),
        ("/" + "a/" * 2000, 414),
        ("/" + "a" * 300 + ".html", 404),
        ("/gibt-es-nicht.html", 404),
        ("//etc/passwd", 404),
        ("/?%00", 200),
    ],
)
def test_malformed_paths(site, capfd, path, expected):
    httpd, _ = site
    port = port_of(httpd)
    status, body = request(port, path)
    assert status == expected
    assert "außerhalb" not in body and "Traceback" not in body
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize(
    "target",
    [
        b"/\xff\xfe",
        b"/intern/geh\x00eim.html",
        b"/\xc3\xa4",
        b"http://x/intern/geheim.html",
        b"*",
        b"intern/geheim.html",
    ],
)
def test_raw_bytes_in_the_path(site, capfd, target):
    httpd, _ = site
    port = port_of(httpd)
    status, answer = raw(port, b"GET " + target + f" HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    assert status in (400, 404)
    assert SECRET.encode() not in answer
    assert "Traceback" not in capfd.readouterr().err


def test_link_out_of_the_output_folder_is_not_followed(site, tmp_path):
    httpd, _ = site
    (tmp_path / "output" / "vorlagen" / "link.txt").symlink_to(tmp_path / "ausserhalb.txt")
    (tmp_path / "output" / "vorlagen" / "ordner").symlink_to(tmp_path)
    for path in ("/vorlagen/link.txt", "/vorlagen/ordner/ausserhalb.txt", "/vorlagen/ordner/"):
        status, body = request(port_of(httpd), path)
        assert status == 404 and "außerhalb" not in body and "ausserhalb" not in body


def test_error_pages_are_german(site):
    httpd, _ = site
    port = port_of(httpd)
    assert request(port, "/gibt-es-nicht.html") == (
        404,
        f"Diese Seite gibt es in der Vorschau nicht – zur Übersicht: http://127.0.0.1:{port}/\n",
    )
    assert request(port, "/%00") == (400, "Diese Adresse ist ungültig – prüfen Sie sie in der Adresszeile.\n")


def test_missing_page_after_a_failed_build_shows_the_problems(site):
    httpd, state = site
    port = port_of(httpd)
    state.publish(False, ["data/sitzungen/KA.yaml:1: Unbekanntes Gremium „KAA“ – meinten Sie „KA“?"])
    assert request(port, "/vorlagen/2021-0123/2021-0123.html") == (
        404,
        "Diese Seite gibt es noch nicht – der letzte Bau ist fehlgeschlagen:\n\n"
        "data/sitzungen/KA.yaml:1: Unbekanntes Gremium „KAA“ – meinten Sie „KA“?\n\n"
        "Beheben Sie die Fehler, speichern Sie und laden Sie die Seite neu.\n",
    )
    assert request(port, "/%00")[0] == 400


# 3. The watcher survives any exception of a rebuild and shows it in the page.


class FakeBuilder:
    """Stands in for the real builder: fails with whatever `failure` holds, else succeeds."""

    failure: BaseException | None = None

    def __init__(self, project, progress, renderer):
        self.rendered = 0

    def build(self, out):
        if FakeBuilder.failure is not None:
            raise FakeBuilder.failure


def first_event(port: int) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.request("GET", vorschauseiten.EVENTS)
    response = connection.getresponse()
    line = response.fp.readline().decode()
    connection.close()
    return line


def wait_for(condition, seconds=30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


def test_watcher_survives_any_exception_and_shows_it(monkeypatch, tmp_path):
    monkeypatch.setattr(preview, "Builder", FakeBuilder)
    monkeypatch.setattr(preview, "vorbereitet", lambda data: None)
    data = tmp_path / "data"
    data.mkdir()
    (data / "koerperschaft.yaml").write_text("name: x\n", encoding="utf-8")
    out = tmp_path / "output"
    said = []
    view = Preview(data, out, 0, say=said.append)
    view.open()
    thread = threading.Thread(target=view.serve, daemon=True)
    thread.start()
    port = view.port
    try:
        wait_for(lambda: view.state.version == 1 and view.watcher is not None)
        cases = [
            (
                OSError(errno.ENOSPC, "No space left on device", "output/vorlagen/x.pdf"),
                "output/vorlagen/x.pdf: Der Speicherplatz ist voll – prüfen Sie freien Speicherplatz und Schreibrechte "
                "und speichern Sie erneut; die Vorschau zeigt bis dahin den vorherigen Stand.",
            ),
            (
                RuntimeError("kaputt"),
                "Interner Fehler beim Bauen (RuntimeError: kaputt) – die Vorschau läuft weiter und zeigt den vorherigen "
                "Stand; bleibt der Fehler nach dem nächsten Speichern, melden Sie ihn mit diesem Text.",
            ),
            (
                MemoryError(),
                "Interner Fehler beim Bauen (MemoryError) – die Vorschau läuft weiter und zeigt den "
                "vorherigen Stand; bleibt der Fehler nach dem nächsten Speichern, melden Sie ihn mit "
                "diesem Text.",
            ),
        ]
        for number, (failure, message) in enumerate(cases):
            FakeBuilder.failure = failure
            (data / "koerperschaft.yaml").write_text(f"name: x{number}\n", encoding="utf-8")
            wait_for(lambda: view.state.probleme == [message])  # noqa: B023 – waited for here
            assert message in first_event(port)  # what the open page shows
            assert view.watcher.is_alive()
        version = view.state.version
        FakeBuilder.failure = None
        (data / "koerperschaft.yaml").write_text("name: gut\n", encoding="utf-8")
        wait_for(lambda: view.state.probleme == [] and view.state.version == version + 1)
        assert '"probleme": []' in first_event(port)
    finally:
        FakeBuilder.failure = None
        view.stop()
        thread.join(timeout=10)


def _untold(folders, stopped):
    raise OSError(errno.ENOSPC, "inotify watch limit reached")


def _serve(monkeypatch, tmp_path, said):
    monkeypatch.setattr(preview, "Builder", FakeBuilder)
    monkeypatch.setattr(preview, "vorbereitet", lambda data: None)
    data = tmp_path / "data"
    data.mkdir()
    (data / "koerperschaft.yaml").write_text("name: x\n", encoding="utf-8")
    view = Preview(data, tmp_path / "output", 0, say=said.append)
    view.open()
    thread = threading.Thread(target=view.serve, daemon=True)
    thread.start()
    wait_for(lambda: view.state.version == 1 and view.watcher is not None)
    return view, thread, data


def test_a_saved_file_is_told_by_the_system_and_rebuilt(monkeypatch, tmp_path):
    """watchfiles tells of the change: one build per save, none while nothing changes."""
    said: list[str] = []
    view, thread, data = _serve(monkeypatch, tmp_path, said)
    try:
        time.sleep(1.5)  # the watch stands and nothing changed: no second build
        assert view.state.version == 1
        (data / "koerperschaft.yaml").write_text("name: y\n", encoding="utf-8")
        wait_for(lambda: view.state.version == 2)
        time.sleep(1.0)
        assert view.state.version == 2  # one save, one build
        assert not [line for line in said if "meldet" in line]
    finally:
        view.stop()
        thread.join(timeout=10)


def test_where_the_system_cannot_tell_the_preview_looks_through_the_folders(monkeypatch, tmp_path):
    monkeypatch.setattr(preview, "_told", _untold)
    said: list[str] = []
    view, thread, data = _serve(monkeypatch, tmp_path, said)
    try:
        wait_for(lambda: any("meldet" in line for line in said))
        assert [line for line in said if "meldet" in line] == [
            "Das System meldet der Vorschau Änderungen hier nicht; sie sieht stattdessen alle 0,25 s in den Ordnern nach."
        ]
        (data / "koerperschaft.yaml").write_text("name: y\n", encoding="utf-8")
        wait_for(lambda: view.state.version == 2)
    finally:
        view.stop()
        thread.join(timeout=10)


def test_a_change_during_the_first_build_is_built_once_the_watch_stands(monkeypatch, tmp_path):
    """The files are noted before the first build; what changes while it runs is not told by the system (the
    watch does not stand yet) and is found by comparing once the watch stands."""
    monkeypatch.setattr(preview, "Builder", FakeBuilder)
    monkeypatch.setattr(preview, "vorbereitet", lambda data: None)
    data = tmp_path / "data"
    data.mkdir()
    (data / "koerperschaft.yaml").write_text("name: x\n", encoding="utf-8")
    view = Preview(data, tmp_path / "output", 0, say=lambda line: None)
    first = view.build

    def build_and_change():
        if view.state.version == 0:
            (data / "koerperschaft.yaml").write_text("name: während\n", encoding="utf-8")
        first()

    view.build = build_and_change
    view.open()
    thread = threading.Thread(target=view.serve, daemon=True)
    thread.start()
    try:
        wait_for(lambda: view.state.version == 2)
    finally:
        view.stop()
        thread.join(timeout=10)


def test_watcher_survives_a_failing_look_at_the_folders(monkeypatch, tmp_path):
    monkeypatch.setattr(preview, "Builder", FakeBuilder)
    monkeypatch.setattr(preview, "vorbereitet", lambda data: None)
    real = preview._snapshot
    calls = []

    def flaky(folders):
        calls.append(1)
        if len(calls) == 2:
            raise PermissionError(errno.EACCES, "Permission denied", "data/vorlagen")
        return real(folders)

    monkeypatch.setattr(preview, "_snapshot", flaky)
    monkeypatch.setattr(preview, "_told", _untold)  # the looking-through is the fallback: force it
    data = tmp_path / "data"
    data.mkdir()
    view = Preview(data, tmp_path / "output", 0, say=lambda line: None)
    view.open()
    thread = threading.Thread(target=view.serve, daemon=True)
    thread.start()
    try:
        wait_for(lambda: len(calls) >= 4)
        assert view.watcher.is_alive()
    finally:
        view.stop()
        thread.join(timeout=10)


# 5. Ports: one German line, no traceback.


@pytest.mark.parametrize("port", ["70000", "-1", "abc", "0", "80", "²", "8000.5", ""])
def test_impossible_port(capsys, port):
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "serve", "--data", str(DATA), "--port", port)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        f"vorlagen serve: Fehler: --port: „{port}“ ist kein möglicher Port – wählen Sie "
        "eine Zahl von 1024 bis 65535, z. B. 8000."
    )
    assert "Traceback" not in err


def test_port_in_use(capsys, tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        start = time.monotonic()
        code, out, err = run(
            capsys, "serve", "--data", str(DATA), "--out", str(tmp_path / "output"), "--port", str(port)
        )
    assert code == 1 and out == ""
    assert err == (
        f"Port {port} ist schon belegt – läuft die Vorschau schon in einem anderen Fenster? "
        f"Sonst wählen Sie einen anderen Port, z. B. --port {port + 1 if port < 65535 else 8000}.\n"
    )
    assert time.monotonic() - start < 20  # refused before building anything
    assert not (tmp_path / "output").exists()
