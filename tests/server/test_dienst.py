"""The server as a service (dienst.py): systemd stops it with SIGTERM, and it ends – also when the signal arrives
while it is answering requests (waitress swallows any exception raised there but SystemExit and KeyboardInterrupt,
and a service that swallowed its stop would run on until systemd kills it)."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import time
import urllib.request

from tests.hilfen import ROOT
from tests.hilfen.server import repository


def test_sigterm_ends_the_server_while_it_answers_requests(tmp_path):
    wurzel = repository(tmp_path / "repo")
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "server", "--config", "vorlagen-server.toml"],
        cwd=wurzel,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    fertig = threading.Event()
    try:
        adresse = process.stdout.readline().split()[2].rstrip("/")

        def fragen() -> None:  # pages asked for without a pause, as many open pages do
            while not fertig.is_set():
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(adresse + "/anmelden", timeout=5).read()

        faeden = [threading.Thread(target=fragen) for _ in range(4)]
        for faden in faeden:
            faden.start()
        time.sleep(2)
        beginn = time.monotonic()
        process.terminate()
        process.wait(timeout=20)
        dauer = time.monotonic() - beginn
    finally:
        fertig.set()
        if process.poll() is None:
            process.kill()
            process.wait(timeout=20)
    for faden in faeden:
        faden.join(timeout=10)
    assert process.returncode == 0
    assert process.stdout.read().endswith("vorlagen server beendet.\n")
    assert dauer < 10
