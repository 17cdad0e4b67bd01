"""`python build.py serve`: a local preview that rebuilds on every change and reloads open pages by itself.

It listens on 127.0.0.1 only. Its pages (vorschauseiten.py) get a small script (added when served, never written to
the output) that listens for build events: a new build reloads the page, a failed build shows its problems in German
with file and line above the previous state.
"""

from __future__ import annotations

import io
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from vorlagen.building.bearbeiten import routen
from vorlagen.building.builder import Builder
from vorlagen.building.localserver import LocalServer
from vorlagen.building.progress import Progress
from vorlagen.building.vorbereitung import vorbereitet
from vorlagen.building.vorschauseiten import State, server
from vorlagen.building.workers import Renderer
from vorlagen.core.fmt import anzahl
from vorlagen.core.problems import BuildFailed, os_error_text
from vorlagen.render.templates import TEMPLATES


def _told(folders: list[Path], stopped: threading.Event) -> Iterator[set]:
    """The changes below `folders` as the system tells them, grouped until 50 ms pass without another (an editor's
    save is one change); an empty set every half second while nothing changes, the first once the watch stands.
    Editors' backup and swap files and version-control folders do not count (watchfiles' default filter)."""
    import watchfiles  # only the preview watches

    return watchfiles.watch(
        *folders, stop_event=stopped, step=50, rust_timeout=500, yield_on_timeout=True, raise_interrupt=False
    )


def _snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Every file below `folders` → (modification time, size); one stat per file."""
    files = {}
    stack = [str(folder) for folder in folders]
    while stack:
        try:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        elif entry.is_file():
                            info = entry.stat()
                            files[entry.path] = (info.st_mtime_ns, info.st_size)
                    except OSError:
                        continue
        except OSError:
            continue
    return files


def _interval(seconds_per_look: float) -> float:
    """How long the watcher waits between two looks: short, so that a saved file shows at once, but never more
    than a tenth of the time in looking (a year's archive has thousands of files)."""
    return min(0.25, max(0.03, 10 * seconds_per_look))


class Preview:
    """The `serve` command: bind the port, build once, then rebuild on every change and serve the output."""

    def __init__(self, data: Path, out: Path, port: int, say: Callable[[str], None] = print):
        self.data, self.out, self.port, self.say = data, out, port, say
        self.state = State()
        self.renderer = Renderer()  # serve keeps its own workers warm for the writing loop
        self.stopped = threading.Event()
        self.httpd: LocalServer | None = None
        self.watcher: threading.Thread | None = None

    def open(self) -> None:
        """Binds the port (OSError when it is taken), before any time goes into building."""
        bearbeiten = routen.Bearbeiten(self.data, lambda: self.state.version)
        self.httpd = server(self.out, self.state, self.port, bearbeiten)
        self.port = self.httpd.port

    def build(self) -> None:
        """One build; whatever goes wrong is shown in the page and the terminal, and the preview goes on."""
        start = time.monotonic()
        try:
            builder = Builder(vorbereitet(self.data), Progress(io.StringIO(), live=False), self.renderer)
            builder.build(self.out)
        except BuildFailed as failed:
            probleme = [str(p) for p in failed.problems]
            self.state.publish(False, probleme)
            self.say(
                f"Bau fehlgeschlagen ({anzahl(len(probleme), 'Problem', 'Probleme')}) – die Vorschau zeigt sie an."
            )
            return
        except Exception as error:  # noqa: BLE001 – the watcher must outlive any failure of one build
            message = failure_text(error)
            self.state.publish(False, [message])
            self.say(f"Bau fehlgeschlagen: {message}")
            return
        self.state.publish(True, [])
        self.say(f"Gebaut: {builder.rendered} PDF neu gesetzt ({time.monotonic() - start:.1f} s).")

    def watch(self, seen: dict[str, tuple[int, int]]) -> None:
        """Builds after every change below the data folder and the house style. The system tells of a change
        (watchfiles); where it cannot (no watch left, a folder that may not be watched), the folders are looked
        through every quarter second. `seen`: the files as they were before the first build."""
        try:
            self._watch_told(seen)
        except Exception:  # noqa: BLE001 – any failure of the watching (no watch left: ENOSPC) falls back to looking
            if self.stopped.is_set():
                return
            self.say(
                "Das System meldet der Vorschau Änderungen hier nicht; sie sieht stattdessen alle 0,25 s in den "
                "Ordnern nach."
            )
            self._watch_polling(seen)

    def _watch_told(self, seen: dict[str, tuple[int, int]]) -> None:
        folders = [self.data, TEMPLATES]
        armed = False
        for changes in _told(folders, self.stopped):
            if not armed:  # the watch stands now: what changed while the first build ran was not told
                armed = True
                if _snapshot(folders) != seen:
                    self.build()
            elif changes:
                self.build()

    def _watch_polling(self, seen: dict[str, tuple[int, int]]) -> None:
        folders = [self.data, TEMPLATES]
        interval = 0.25
        while not self.stopped.wait(interval):
            try:
                start = time.monotonic()
                now = _snapshot(folders)
                interval = _interval(time.monotonic() - start)
                if now != seen:
                    while not self.stopped.wait(0.03):  # until the editor has finished writing
                        seen, now = now, _snapshot(folders)
                        if now == seen:
                            break
                    self.build()
            except Exception as error:  # noqa: BLE001 – look again at the next tick
                self.say(
                    f"Die Vorschau konnte die Ordner nicht durchsehen ({failure_text(error)}); sie versucht es weiter."
                )

    def serve(self) -> None:
        """Builds once, starts the watcher and serves until stopped (Strg+C reaches the caller)."""
        if self.httpd is None:
            self.open()
        httpd = self.httpd
        assert httpd is not None  # open() binds it
        try:
            self.renderer.start()  # the workers get ready while the first build loads the data
            seen = _snapshot([self.data, TEMPLATES])  # before the build: a change while it runs is seen
            self.build()
            self.watcher = threading.Thread(target=self.watch, args=(seen,), daemon=True)
            self.watcher.start()
            self.say(f"Vorschau: http://127.0.0.1:{self.port}/ – Beenden mit Strg+C.")
            httpd.serve_forever(poll_interval=0.2)
        finally:
            self.stopped.set()
            httpd.server_close()
            self.renderer.close()

    def run(self) -> None:
        try:
            self.serve()
        except KeyboardInterrupt:
            self.say("Vorschau beendet (Strg+C).")

    def stop(self) -> None:
        self.stopped.set()
        if self.httpd is not None:
            self.httpd.shutdown()


def failure_text(error: Exception) -> str:
    """A German line for an exception that is no problem of the data: a full disk, or a bug of the program."""
    if isinstance(error, OSError) and error.errno is not None:
        return (
            f"{os_error_text(error)} – prüfen Sie freien Speicherplatz und Schreibrechte und speichern "
            "Sie erneut; die Vorschau zeigt bis dahin den vorherigen Stand."
        )
    detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return (
        f"Interner Fehler beim Bauen ({detail}) – die Vorschau läuft weiter und zeigt den vorherigen Stand; "
        "bleibt der Fehler nach dem nächsten Speichern, melden Sie ihn mit diesem Text."
    )
