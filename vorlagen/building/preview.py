"""`python build.py serve`: a local preview that rebuilds on every change and reloads open pages by itself.

It listens on 127.0.0.1 only. Pages get a small script (added when served, never written to the
output) that listens for build events: a new build reloads the page, a failed build shows its
problems in German with file and line above the previous state.
"""

from __future__ import annotations

import json
import threading
import time
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from vorlagen.building.builder import Builder, default_renderer
from vorlagen.core.problems import BuildFailed
from vorlagen.building.progress import Progress
from vorlagen.compute.project import prepare
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
  var events = new EventSource("%s");
  events.onmessage = function (event) {
    var state = JSON.parse(event.data);
    if (version === null) version = state.version;
    if (state.version !== version) { location.reload(); return; }
    show(state.probleme);
  };
})();
</script>
""" % EVENTS


class State:
    """The latest build: a version that grows with each successful build, and the problems of a failed one."""

    def __init__(self):
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


class Handler(SimpleHTTPRequestHandler):
    """Serves the output folder; adds the reload script to HTML pages; streams build events."""

    state: State

    def do_GET(self):  # noqa: N802 – the http.server interface
        if self.path == EVENTS:
            return self._events()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            body = path.read_text(encoding="utf-8").replace("</body>", SCRIPT + "</body>").encode()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().do_GET()

    def _events(self):
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        sent = None
        try:
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
        except (BrokenPipeError, ConnectionResetError):
            return

    def log_message(self, format, *args):  # noqa: A002 – quiet: the terminal shows builds, not requests
        pass


def _snapshot(folders: list[Path]) -> dict[Path, tuple[int, int]]:
    files = {}
    for folder in folders:
        for path in folder.rglob("*"):
            try:
                if path.is_file():
                    stat = path.stat()
                    files[path] = (stat.st_mtime_ns, stat.st_size)
            except OSError:
                continue
    return files


class Preview:
    def __init__(self, data: Path, out: Path, port: int, say=print):
        self.data, self.out, self.port, self.say = data, out, port, say
        self.state = State()
        self.renderer = default_renderer()
        self.stopped = threading.Event()

    def build(self) -> None:
        start = time.monotonic()
        try:
            builder = Builder(prepare(self.data), Progress(live=False, stream=_Null()), self.renderer)
            builder.build(self.out)
        except BuildFailed as failed:
            probleme = [str(p) for p in failed.problems]
            self.state.publish(False, probleme)
            self.say(f"Bau fehlgeschlagen ({len(probleme)} Probleme) – die Vorschau zeigt sie an.")
            return
        self.state.publish(True, [])
        self.say(f"Gebaut: {builder.rendered} PDF neu gesetzt ({time.monotonic() - start:.1f} s).")

    def watch(self) -> None:
        folders = [self.data, TEMPLATES]
        seen = _snapshot(folders)
        while not self.stopped.wait(0.25):
            now = _snapshot(folders)
            if now != seen:
                time.sleep(0.1)  # let an editor finish writing
                seen = _snapshot(folders)
                self.build()

    def run(self) -> None:
        self.build()
        handler = partial(type("BoundHandler", (Handler,), {"state": self.state}), directory=str(self.out))
        server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        server.daemon_threads = True
        watcher = threading.Thread(target=self.watch, daemon=True)
        watcher.start()
        self.say(f"Vorschau: http://127.0.0.1:{server.server_address[1]}/ – Beenden mit Strg+C.")
        try:
            server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            self.stopped.set()
            server.server_close()
            self.renderer.close()


class _Null:
    def write(self, text):
        pass

    def flush(self):
        pass

    def isatty(self):
        return False
