"""The live preview in headless Chromium: a changed fact appears by itself; a broken file shows its problem."""

from __future__ import annotations

import http.client
import queue
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.hilfen import ROOT, edit, free_port

PAGE = "/vorlagen/2021-0123/2021-0123.html"


@pytest.fixture
def preview(data, tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "serve",
            "--data",
            str(data),
            "--out",
            str(tmp_path / "output"),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    try:
        while True:
            line = lines.get(timeout=180)  # the first build of the example; a busy machine takes its time
            if line.startswith("Vorschau: "):
                assert line.strip() == f"Vorschau: http://127.0.0.1:{port}/ – Beenden mit Strg+C."
                break
        yield f"http://127.0.0.1:{port}", lines
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_changed_fact_appears_without_reload(browser, data, preview):
    url, _ = preview
    page = browser.new_page()
    page.goto(url + PAGE)
    assert "es verbleibt ein Eigenanteil von 10.335\u00a0€" in page.inner_text("body")
    page.evaluate("window.unveraendert = true")  # survives only as long as the page is not reloaded by hand
    edit(data / "kostensaetze/kgst-2020.yaml", "E5: 73780", "E5: 74980")
    edit(data / "vorlagen/2021-0123/vorlage.yaml", "erwartet: {eigenanteil: 10335}", "erwartet: {eigenanteil: 10985}")
    page.wait_for_function("document.body.innerText.includes('Eigenanteil von 10.985')", timeout=60000)
    assert page.evaluate("window.unveraendert === undefined")  # the page reloaded itself


@pytest.mark.langsam  # a preview process builds the example
def test_build_errors_show_in_the_page(browser, data, preview):
    url, _ = preview
    page = browser.new_page()
    page.goto(url + PAGE)
    edit(data / "sitzungen/KA-2021-06-21.yaml", "gremium: KA", "gremium: KAA")
    banner = page.wait_for_selector("#vorlagen-fehler", timeout=60000)
    assert banner.get_attribute("role") == "alert"
    assert banner.inner_text() == (
        "Der letzte Bau ist fehlgeschlagen – die Seite zeigt den vorherigen Stand.\n\n"
        "data/sitzungen/KA-2021-06-21.yaml:1: Unbekanntes Gremium „KAA“ – meinten Sie „KA“? Tragen Sie es in "
        "koerperschaft.yaml unter „gremien“ ein."
    )
    assert "10.335\u00a0€" in page.inner_text("body")  # the previous state stays readable
    edit(data / "sitzungen/KA-2021-06-21.yaml", "gremium: KAA", "gremium: KA")
    page.wait_for_function("document.getElementById('vorlagen-fehler') === null", timeout=60000)


@pytest.mark.langsam  # a preview process builds the example
def test_preview_listens_on_loopback_only(preview):
    """The kernel's table of listening TCP sockets shows the preview's port bound to 127.0.0.1 only."""
    url, _ = preview
    port = int(url.rsplit(":", 1)[1])
    listening = []
    for line in Path("/proc/net/tcp").read_text(encoding="ascii").splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, local_port = local.split(":")
        if int(local_port, 16) == port and state == "0A":  # 0A: LISTEN
            listening.append(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    assert listening == ["127.0.0.1"]


@pytest.mark.langsam  # a preview process builds the example
def test_preview_answers_only_requests_for_this_machine(preview, tmp_path):
    """DNS rebinding: a page of attacker.example that resolves to 127.0.0.1 gets nothing, not even internal pages."""
    url, _ = preview
    port = int(url.rsplit(":", 1)[1])

    def get(path, host):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.putrequest("GET", path, skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        answer = response.status, response.read().decode("utf-8")
        connection.close()
        return answer

    internal = (tmp_path / "output" / "intern" / "index.html").read_text(encoding="utf-8").split("</body>")[0]
    status, body = get("/intern/index.html", f"localhost:{port}")
    assert status == 200 and internal in body
    for host in ("attacker.example", f"attacker.example:{port}", f"localhost:{port + 1}", None):
        assert get("/intern/index.html", host) == (
            403,
            f"Die Vorschau antwortet nur auf http://127.0.0.1:{port}/ und http://localhost:{port}/ "
            "– öffnen Sie eine dieser Adressen auf diesem Rechner.\n",
        )


@pytest.mark.langsam  # a preview process builds the example
def test_a_folder_without_an_overview_gets_a_german_answer_not_a_listing(preview):
    url, lines = preview
    port = int(url.rsplit(":", 1)[1])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # the first build makes assets/
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", "/assets/")
        response = connection.getresponse()
        status, body = response.status, response.read().decode("utf-8")
        connection.close()
        if "Übersichtsseite" in body:
            break
        time.sleep(0.5)
    assert status == 404
    assert body.strip() == (
        "Dieser Ordner hat keine Übersichtsseite – öffnen Sie die Startseite (/) oder eine Datei aus "
        "ihm, z. B. über die Links der Startseite."
    )
    assert "Directory listing" not in body


def test_serve_oeffnen_opens_the_browser(data, tmp_path, monkeypatch, capsys):
    import webbrowser

    from vorlagen.building.preview import Preview
    from vorlagen.cli import main

    opened = []
    monkeypatch.setattr(webbrowser, "open", opened.append)
    monkeypatch.setattr(Preview, "open", lambda self: None)
    monkeypatch.setattr(Preview, "run", lambda self: None)
    assert main(["serve", "--oeffnen", "--port", "8123", "--data", str(data), "--out", str(tmp_path / "o")]) == 0
    assert opened == ["http://127.0.0.1:8123/"]
