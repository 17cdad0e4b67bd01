"""`vorlagen server` in the test's own process, for tests of what the pages write and show rather than of the PDFs:
the server's own application (dienst.vorbereiten: configuration, rights, pages, build queue) served on the
configuration's address, its build queue setting each PDF with the stand-in (tests/hilfen/schnellsatz.py), so that a
build takes a second instead of half a minute and no build of real PDFs runs beside the test. Stopped at the end,
nothing left running."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def im_prozess(wurzel: Path) -> Iterator[str]:
    """The server of the data repository `wurzel` (made by tests.hilfen.server.repository); its base address."""
    from werkzeug.serving import WSGIRequestHandler, make_server

    class Leise(WSGIRequestHandler):  # no line per request on stderr
        def log_request(self, *args, **kwargs) -> None:
            pass

    from tests.hilfen.schnellsatz import Schnellsatz
    from vorlagen.server.dienst import vorbereiten
    from vorlagen.server.konfiguration import lesen

    konfiguration = lesen(wurzel / "vorlagen-server.toml")
    app, schlange = vorbereiten(konfiguration)
    schlange.renderer = Schnellsatz()
    schlange.starten()
    server = make_server(konfiguration.adresse, konfiguration.port, app, threaded=True, request_handler=Leise)
    faden = threading.Thread(target=server.serve_forever, daemon=True)
    faden.start()
    try:
        yield f"http://{konfiguration.adresse}:{konfiguration.port}"
    finally:
        server.shutdown()
        faden.join(timeout=20)
        server.server_close()
        schlange.schliessen()
