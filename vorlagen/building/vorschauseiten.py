"""The preview's pages (`vorlagen vorschau`, preview.py): the output served on 127.0.0.1 with a small script added to
each page (never written to the output) that listens for build events – a new build reloads the page, a failed
build shows its problems in German with file and line above the previous state – the Word file beside a PDF, a
draft's PDF, and the editing side of the data folder."""

from __future__ import annotations

import json
import threading
import urllib.parse
from functools import partial
from http import HTTPStatus
from pathlib import Path

from vorlagen.building.bearbeiten import routen
from vorlagen.building.localserver import ANSWERS, OWN_FRAMING, LocalServer
from vorlagen.building.lokalanfrage import LocalHandler

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
