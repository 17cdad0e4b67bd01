"""The server as a service: the configuration checked, the data repository found (a git repository), the state
file opened, and the application served by waitress; the first line names the address it listens on."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from flask import Flask

from vorlagen.core.pfade import gezeigt
from vorlagen.load.settings import locate
from vorlagen.server import fehlerseiten, gitstand
from vorlagen.server.anwendung import anwendung
from vorlagen.server.bauschlange import Bauschlange
from vorlagen.server.konfiguration import Konfiguration, Ungueltig
from vorlagen.server.zustand import verbunden

THREADS = 8  # requests answered at once (a save waits for the one before it: dienstdaten.Dienst.speichern)


def vorbereiten(konfiguration: Konfiguration) -> tuple[Flask, Bauschlange]:
    """The application for this configuration and its build queue (not started; it builds into the repository's
    output/ as `bauen` does); Ungueltig when the data repository or the state file is not usable."""
    repository, problems = locate(None, None, start=konfiguration.datenrepository)
    if repository is None:
        raise Ungueltig("\n".join(str(p) for p in problems))
    if not gitstand.ist_repository(repository.root):
        raise Ungueltig(
            f"{gezeigt(repository.root)}: Das Datenrepository ist kein git-Repository – jede "
            "Speicherung des Servers ist ein Commit; legen Sie es mit „git init“ an und checken Sie "
            "den Stand ein."
        )
    try:
        with verbunden(konfiguration.zustand):
            pass
    except Exception:  # sqlite3.Error or OSError: the file or its folder is not writable, or no SQLite file
        raise Ungueltig(
            f"{gezeigt(konfiguration.zustand)}: Die Zustandsdatei lässt sich nicht öffnen – prüfen Sie, "
            "ob der Ordner für den Dienst beschreibbar ist und die Datei eine SQLite-Datei."
        ) from None
    bauschlange = Bauschlange(repository.data, repository.root / "output", say=_log)
    return anwendung(konfiguration, repository.data, bauschlange), bauschlange


def _log(zeile: str) -> None:
    print(zeile, file=sys.stderr, flush=True)


def starten(konfiguration: Konfiguration) -> int:
    from waitress import create_server

    app, bauschlange = vorbereiten(konfiguration)
    try:
        server = create_server(
            app,
            host=konfiguration.adresse,
            port=konfiguration.port,
            threads=THREADS,
            ident="vorlagen",
            clear_untrusted_proxy_headers=True,
        )
    except OSError:
        print(
            f"Der Port {konfiguration.port} auf {konfiguration.adresse} lässt sich nicht öffnen (schon belegt "
            f"oder nicht erlaubt) – wählen Sie in {gezeigt(konfiguration.datei)} einen anderen.",
            file=sys.stderr,
        )
        return 1
    server.channel_class = fehlerseiten.Kanal  # what waitress cannot read, answered in German
    vorher = _beim_beenden()  # before the first line: whoever reads it may stop the server at once
    try:
        print(
            f"vorlagen server: http://{konfiguration.adresse}:{konfiguration.port}/ (für die Benutzer: "
            f"{konfiguration.oeffentlich}/) – Beenden mit Strg+C.",
            flush=True,
        )
        bauschlange.starten()  # the first build runs while the first people sign in
        server.run()  # returns after Strg+C or SIGTERM: waitress closes itself on SystemExit and KeyboardInterrupt
    except SystemExit:
        pass  # SIGTERM before waitress's loop took over: the server ends the same way
    finally:
        server.close()
        bauschlange.schliessen()
        if vorher is not None:
            signal.signal(signal.SIGTERM, vorher)
    print("vorlagen server beendet.", flush=True)
    return 0


def _beenden(signum: int, frame: FrameType | None) -> None:
    """Once: a second SIGTERM while the server closes is ignored, so the closing is not cut short."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise SystemExit(0)


def _beim_beenden() -> Callable[[int, FrameType | None], Any] | int | None:
    """SIGTERM (systemd stops the service) raises SystemExit while the server runs: the only exceptions besides
    Strg+C that waitress passes on when they arrive in the middle of answering a request – any other (the command's
    own) it would log and swallow, and the service would run on. The handler before; None outside the main thread."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _beenden)
