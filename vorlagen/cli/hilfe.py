"""`vorlagen hilfe`: shows the handbook on 127.0.0.1 – nothing from the network. An installed program shows the one
its wheel carries (vorlagen/handbuch/, built by hatch_build.py); a checkout of the repository builds docs/ anew
with Sphinx when needed – from a copy in the user's cache folder, so that nothing is written into the repository
(the reference pages as committed, which tests/projekt/test_handbuch.py keeps current)."""

from __future__ import annotations

import argparse
import importlib.util
import io
import shutil
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vorlagen.building.lokalanfrage import LocalHandler

SOURCES = Path(__file__).resolve().parents[2] / "docs"  # the handbook of this checkout of the program
PACKAGED = Path(__file__).resolve().parents[1] / "handbuch"  # the handbook an installed program carries
PORT = 8010  # beside the preview's 8000, so that both may run at once
MISSING_SPHINX = (
    "Das Handbuch wird mit Sphinx gebaut, das hier nicht installiert ist – installieren Sie es mit "
    "„./bauen.sh hilfe“ (Windows: „.\\bauen.cmd hilfe“) im Repository von vorlagen (oder der Testeinrichtung); "
    "die Versionen stehen in requirements-handbuch.lock."
)
NO_SOURCES = (
    "Das Handbuch fehlt in dieser Installation von vorlagen – installieren Sie das Programm neu (sein Paket bringt "
    "das Handbuch mit) oder lesen Sie es im Repository von vorlagen, Ordner docs/, z. B. docs/tutorial/index.md."
)


def hilfe_options(parser: argparse.ArgumentParser) -> None:
    from vorlagen.cli.building import _port

    parser.add_argument("--port", type=_port, default=PORT, help=f"Port auf 127.0.0.1 (Standard: {PORT})")
    parser.add_argument("--oeffnen", action="store_true", help="das Handbuch gleich im Browser öffnen")
    parser.add_argument(
        "--nur-bauen", action="store_true", help="nur bauen und die Startseite nennen, ohne es auf 127.0.0.1 zu zeigen"
    )


def build(sources: Path | None = None) -> tuple[Path | None, str]:
    """The handbook's start page: in a checkout built outside it (Sphinx reuses what is unchanged), installed the one
    the package carries; (start page, problem)."""
    sources = sources or SOURCES
    if not (sources / "conf.py").is_file():
        if (PACKAGED / "index.html").is_file():
            return PACKAGED / "index.html", ""
        return None, NO_SOURCES
    if importlib.util.find_spec("sphinx") is None or importlib.util.find_spec("myst_parser") is None:
        return None, MISSING_SPHINX
    from sphinx.cmd.build import build_main

    work = arbeitsordner(sources)
    copy = work / "quellen"
    shutil.rmtree(copy, ignore_errors=True)  # a page removed from docs/ goes from the copy too
    # copy2 keeps the times of the files: Sphinx sets again only the pages changed since the last build
    shutil.copytree(sources, copy, ignore=shutil.ignore_patterns("_build", "__pycache__", "*.mo"))
    out = work / "html"
    said = io.StringIO()
    with redirect_stdout(said), redirect_stderr(said):
        # not strict (-W): a reader gets the handbook even with a broken link; the tests build it strictly
        code = build_main(
            ["-q", "-b", "html", "-D", "referenz_erzeugen=0", "-d", str(work / "doctrees"), str(copy), str(out)]
        )
    if code != 0:
        return None, (
            said.getvalue().replace(str(copy), str(sources)).rstrip() + "\n\nDas Handbuch ließ sich nicht bauen "
            "(Meldungen oben) – prüfen Sie die genannten Seiten in docs/."
        )
    return out / "index.html", ""


def arbeitsordner(sources: Path) -> Path:
    """Where the handbook of `sources` is built: a folder of the user's cache per checkout, else (no cache folder on
    this system) one in the command's own temporary folder, gone when it ends."""
    from vorlagen.core.usercache import handbuch

    folder = handbuch(sources)
    if folder is None:
        return Path(tempfile.mkdtemp(prefix="handbuch-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _handbook_handler() -> type[LocalHandler]:
    """The local server's handler, answering as the handbook instead of as the preview."""
    from vorlagen.building.localserver import ANSWERS, FORBIDDEN, FREMD
    from vorlagen.building.lokalanfrage import LocalHandler

    def own(text: str) -> str:
        return (
            text.replace("Die Vorschau", "Das Handbuch")
            .replace("in der Vorschau", "im Handbuch")
            .replace("Vorschau-Fenster", "Handbuch-Fenster")
        )

    class HandbookHandler(LocalHandler):
        forbidden = own(FORBIDDEN)
        fremd = own(FREMD)
        answers = {status: own(text) for status, text in ANSWERS.items()}

    return HandbookHandler


def hilfe(args: argparse.Namespace) -> int:
    """`hilfe`: the handbook, built when needed, served on 127.0.0.1 until Strg+C."""
    index, problem = build()
    if index is None:
        print(problem, file=sys.stderr)
        return 1
    if args.nur_bauen:
        print(f"Handbuch: {index.as_posix()}")
        return 0
    from vorlagen.building.localserver import LocalServer
    from vorlagen.cli.building import _port_problem

    try:
        server = LocalServer(args.port, partial(_handbook_handler(), directory=str(index.parent)))
    except OSError as error:
        problem = _port_problem(args.port, error)
        print(problem.replace("die Vorschau", "das Handbuch").replace("Die Vorschau", "Das Handbuch"), file=sys.stderr)
        return 1
    address = f"http://127.0.0.1:{server.port}/"
    print(f"Handbuch: {address} – Beenden mit Strg+C.", flush=True)
    if args.oeffnen:
        import webbrowser

        webbrowser.open(address)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
