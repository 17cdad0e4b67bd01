"""`python build.py serve`: a local preview that rebuilds on every change and reloads open pages by itself.

It listens on 127.0.0.1 only. Pages get a small script (added when served, never written to the
output) that listens for build events: a new build reloads the page, a failed build shows its
problems in German with file and line above the previous state.
"""

from __future__ import annotations

import io
import json
import os
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from functools import partial
from http import HTTPStatus
from pathlib import Path

from vorlagen.building.bearbeiten import routen
from vorlagen.building.builder import Builder
from vorlagen.building.localserver import ANSWERS, OWN_FRAMING, LocalServer
from vorlagen.building.lokalanfrage import LocalHandler
from vorlagen.building.progress import Progress
from vorlagen.building.vorbereitung import vorbereitet
from vorlagen.building.workers import Renderer
from vorlagen.core.fmt import anzahl
from vorlagen.core.problems import BuildFailed, os_error_text
from vorlagen.render.templates import TEMPLATES

EVENTS = "/__vorlagen/ereignisse"
SCRIPT = """<script>
(function () {
  var version = null;
  function show(problems) {
    var box = document.getElementById("vorlagen-fehler");
    if (!problems.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "vorlagen-fehler";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;top:0;z-index:9999;background:#fde8e8;color:#7a0c0c;"
        + "border-bottom:3px solid #c00;padding:12px 16px;font:14px/1.45 sans-serif;white-space:pre-wrap;"
        + "max-height:60vh;overflow:auto";
      document.body.prepend(box);
    }
    box.textContent = "Der letzte Bau ist fehlgeschlagen – die Seite zeigt den vorherigen Stand.\\n\\n"
      + problems.join("\\n");
  }
  var link = document.createElement("a");
  link.href = "/__vorlagen/bearbeiten/";
  link.textContent = "Vorlagen bearbeiten";
  link.style.cssText = "position:fixed;right:12px;bottom:12px;z-index:9998;background:#1f4e79;color:#fff;"
    + "padding:6px 12px;border-radius:4px;font:14px sans-serif";
  document.body.append(link);
  var events = new EventSource("__EVENTS__");
  events.onmessage = function (event) {
    var state = JSON.parse(event.data);
    if (version === null) version = state.version;
    if (state.version !== version) { location.reload(); return; }
    show(state.probleme);
  };
})();
</script>
""".replace("__EVENTS__", EVENTS)


class State:
    """The latest build: a version that grows with each successful build, and the problems of a failed one."""

    def __init__(self) -> None:
        self.version = 0
        self.probleme: list[str] = []
        self.changed = threading.Condition()

    def publish(self, ok: bool, probleme: list[str]) -> None:
        with self.changed:
            if ok:
                self.version += 1
            self.probleme = probleme
            self.changed.notify_all()

    def snapshot(self) -> str:
        return json.dumps({"version": self.version, "probleme": self.probleme}, ensure_ascii=False)


# a POST, PUT or DELETE anywhere but at the forms of the editing side
NIMMT_NICHTS = (
    "An dieser Adresse nimmt die Vorschau nichts an – Vorlagen ändern Sie in ihren Formularen: "
    "http://127.0.0.1:{port}/__vorlagen/bearbeiten/"
)


class Handler(LocalHandler):
    """Serves the output folder; adds the reload script to HTML pages; streams build events; the editing side."""

    state: State
    bearbeiten: routen.Bearbeiten | None = None
    framing = OWN_FRAMING  # the editing side shows the PDF in a frame of its own page
    answers = ANSWERS | {HTTPStatus.NOT_IMPLEMENTED: NIMMT_NICHTS}

    def do_GET(self) -> None:  # noqa: N802 – the http.server interface
        if self.path == EVENTS:
            return self._events()
        if self.bearbeiten is not None and self.path.startswith(routen.STAND):
            return routen.stand(self, self.bearbeiten, self.state.probleme, self._word)
        if self.bearbeiten is not None and self.path.startswith(routen.WURZEL[:-1]):
            return routen.get(self, self.bearbeiten)
        entwurf = self._entwurf()
        if entwurf is not None:
            self.send_response(HTTPStatus.TEMPORARY_REDIRECT)
            self.send_header("Location", entwurf)
            self.send_header("Content-Length", "0")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return None
        return super().do_GET()

    def _word(self, pdf: str) -> bool:
        """Whether the build made the Word file beside the PDF at this address (or beside its draft in intern/)."""
        word = pdf[:-4].lstrip("/") + ".docx"
        ausgabe = Path(self.directory)
        return (ausgabe / word).is_file() or (ausgabe / "intern" / word).is_file()

    def _entwurf(self) -> str | None:
        """Where the preview shows a public Vorlage that is an ENTWURF: the output keeps its draft in intern/ (the
        public part keeps the released state), and whoever writes it sees the draft at its usual address."""
        pfad = urllib.parse.urlsplit(self.path).path
        teile = urllib.parse.unquote(pfad, errors="replace").split("/")
        if teile[:2] != ["", "vorlagen"] or ".." in teile or "." in teile or "\\" in pfad:
            return None
        datei = Path(self.directory).resolve().joinpath("intern", *[t for t in teile if t])
        return "/intern" + pfad if datei.is_file() else None

    def do_POST(self) -> None:  # noqa: N802
        if self.bearbeiten is not None and self.path.startswith(routen.WURZEL):
            return routen.post(self, self.bearbeiten)
        return self.send_error(HTTPStatus.NOT_IMPLEMENTED)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page after a failed build (the first one, say) shows the problems instead of a bare 404."""
        if code == HTTPStatus.NOT_FOUND and self.state.probleme:
            return self.answer(
                HTTPStatus.NOT_FOUND,
                "Diese Seite gibt es noch nicht – der letzte Bau ist "
                "fehlgeschlagen:\n\n"
                + "\n".join(self.state.probleme)
                + "\n\nBeheben Sie die Fehler, speichern Sie und laden Sie die Seite neu.",
            )
        return super().send_error(code, message, explain)

    def serve(self, path: Path, body: bool) -> None:
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            page = path.read_text(encoding="utf-8").replace("</body>", SCRIPT + "</body>").encode()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if body:
                self.wfile.write(page)
            return None
        return super().serve(path, body)

    def _events(self) -> None:
        if not self.server.streams.acquire(blocking=False):
            return self.send_error(HTTPStatus.SERVICE_UNAVAILABLE)
        try:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            sent = None
            while True:
                with self.state.changed:
                    current = self.state.snapshot()
                    if current == sent:
                        self.state.changed.wait(timeout=15)
                        current = self.state.snapshot()
                message = f"data: {current}\n\n" if current != sent else ": noch da\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                sent = current
        except OSError:  # the page was closed, or stopped reading
            return None
        finally:
            self.server.streams.release()


def server(out: Path, state: State, port: int, bearbeiten: routen.Bearbeiten | None = None) -> LocalServer:
    """The preview's HTTP server on 127.0.0.1:port (0: any free port), bound but not yet serving; with
    `bearbeiten`, the editing side of that data folder."""
    bound = type("BoundHandler", (Handler,), {"state": state, "bearbeiten": bearbeiten})
    return LocalServer(port, partial(bound, directory=str(out)))


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
