"""The server as a service (dienst.py): systemd stops it with SIGTERM, and it ends – also when the signal arrives
while it is answering requests (waitress swallows any exception raised there but SystemExit and KeyboardInterrupt,
and a service that swallowed its stop would run on until systemd kills it)."""

from __future__ import annotations

import contextlib
import threading
import time
import urllib.request

from tests.hilfen.server import gestartet, repository


def test_sigterm_ends_the_server_while_it_answers_requests(tmp_path):
    wurzel = repository(tmp_path / "repo")
    ausgabe: list[str] = []
    ende: list[tuple[int | None, float]] = []
    fertig = threading.Event()
    faeden: list[threading.Thread] = []
    try:
        with gestartet(wurzel, ausgabe, ende) as adresse:

            def fragen() -> None:  # pages asked for without a pause, as many open pages do
                while not fertig.is_set():
                    with contextlib.suppress(OSError):
                        urllib.request.urlopen(adresse + "/anmelden", timeout=5).read()

            faeden += [threading.Thread(target=fragen) for _ in range(4)]
            for faden in faeden:
                faden.start()
            time.sleep(2)
    finally:  # the pages keep asking until the server has ended
        fertig.set()
        for faden in faeden:
            faden.join(timeout=10)
    [(rueckgabe, sekunden)] = ende
    assert rueckgabe == 0
    assert "".join(ausgabe).endswith("vorlagen server beendet.\n")
    assert sekunden < 10


def test_sigterm_the_moment_the_address_is_printed_still_ends_the_server_in_order(tmp_path):
    """systemd may stop the service as soon as it runs: a SIGTERM right after the first line – while the first build
    starts, before waitress's loop – ends it with 0 and „beendet“, not killed by the signal or without a word."""
    wurzel = repository(tmp_path / "repo")
    for runde in range(3):
        ausgabe: list[str] = []
        ende: list[tuple[int | None, float]] = []
        with gestartet(wurzel, ausgabe, ende):
            pass  # stopped as soon as its address is read
        [(rueckgabe, sekunden)] = ende
        assert rueckgabe == 0, (runde, ausgabe)
        assert "".join(ausgabe).endswith("vorlagen server beendet.\n"), (runde, ausgabe)
        assert sekunden < 10
