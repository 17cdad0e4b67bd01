"""The render service is right for every checkout: its own project only, survives dead workers, drops
vanished and silent clients, and never waits on a stale start."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from vorlagen.building import client, service, wire
from vorlagen.building.workers import RenderJob
from vorlagen.core.problems import Where

from .conftest import AACHEN, ROOT, copy_data, edit


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _until(condition, seconds: float = 60) -> None:
    """Waits for something that must happen (a generous bound: a loaded machine is slow, never wrong)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "did not happen in time"
        time.sleep(0.05)


def _service(data: Path, monkeypatch) -> Path:
    """A running service with one worker for the project of `data`; its socket."""
    monkeypatch.setenv("VORLAGEN_WORKER", "1")
    path = wire.socket_path(data)
    client.ensure(path, data)
    client.wait_for_start(path)
    _until(lambda: client.ping(path))
    return path


def _job(pages: int = 1) -> RenderJob:
    html = "<html lang='de'><title>Test</title><p>Seite</p>" + "<p style='break-before: page'>Seite</p>" * (pages - 1)
    return RenderJob(html, ROOT, (ROOT / "templates",), Where("test"), dt.date(2021, 6, 1), None)


# 1. Identity


def _clone(target: Path, css: str | None = None) -> Path:
    """A copy of the project (engine, house style, example data), as another checkout would be."""
    target.mkdir()
    for name in ("vorlagen", "templates"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "build.py", target)
    shutil.copytree(AACHEN, target / "data")
    if css:
        style = target / "templates" / "vorlage.css"
        style.write_text(css + style.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def _build_in(checkout: Path, tmp: Path) -> Path:
    env = dict(os.environ, TMPDIR=str(tmp), VORLAGEN_WORKER="1", VORLAGEN_DIENST="1")
    result = subprocess.run([sys.executable, "build.py", "--out", "out"], cwd=checkout, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return checkout / "out" / "vorlagen" / "2021-0207" / "2021-0207.pdf"


def _corner(pdf: Path) -> tuple[int, int, int]:
    """The colour of the first page's top left corner."""
    from PIL import Image
    picture = pdf.parents[3] / "corner"  # beside the output folder, not in it
    subprocess.run(["pdftoppm", "-png", "-r", "10", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(picture)],
                   check=True)
    with Image.open(picture.with_suffix(".png")) as image:
        return image.convert("RGB").getpixel((1, 1))


def test_two_clones_never_share_a_service(private_tmp, tmp_path):
    """Clone b differs only in its house style (a pink page); built while clone a's service runs, its PDF
    must be pink and a's white – today b's build ran in a's service with a's templates."""
    a = _clone(tmp_path / "a")
    b = _clone(tmp_path / "b", "@page { background: #ff0000; }\n")
    assert _corner(_build_in(a, private_tmp)) == (255, 255, 255)  # starts a's service
    _until(lambda: any(client.ping(p) for p in private_tmp.glob("vorlagen-*/*.sock")))
    assert _corner(_build_in(b, private_tmp)) == (255, 0, 0)
    assert _corner(_build_in(a, private_tmp)) == (255, 255, 255)  # a's service untouched by b's
    sockets = sorted(private_tmp.glob("vorlagen-*/*.sock"))
    assert len(sockets) == 2 and all(client.ping(p) for p in sockets)  # one service per clone, both alive


def test_a_warm_worker_never_uses_another_checkouts_or_an_old_font(tmp_path):
    """WeasyPrint keeps an @font-face once loaded: the worker must not hand its fonts to a job of other roots
    (the first clone's font of the same family would win) nor keep a font file that has changed."""
    from weasyprint.text.fonts import FontConfiguration

    from vorlagen.building.workers import render
    from vorlagen.render.pdf import render_pdf
    fonts = ROOT / "templates" / "fonts"
    for name, font in (("a", "LiberationSans-Regular.ttf"), ("b", "LiberationSerif-Regular.ttf")):
        (tmp_path / name).mkdir()
        shutil.copy(fonts / font, tmp_path / name / "Haus.ttf")

    def job(name: str) -> RenderJob:
        html = (f"<html lang='de'><title>T</title><style>@font-face {{ font-family: Haus; src: url("
                f"{(tmp_path / name / 'Haus.ttf').as_uri()}) }} p {{ font-family: Haus }}</style><p>Hallo</p>")
        return RenderJob(html, tmp_path / name, (tmp_path / name,), Where("test"), dt.date(2021, 6, 1), None)

    def fresh(job: RenderJob) -> bytes:
        return render_pdf(job.html, job.base, list(job.roots), job.where, job.created, None, FontConfiguration())

    sans = render(job("a")).pdf
    assert sans == fresh(job("a"))
    assert render(job("b")).pdf == fresh(job("b")) != sans  # b's serif, not a's sans of the same family
    assert render(job("a")).pdf == sans
    shutil.copy(fonts / "LiberationSerif-Regular.ttf", tmp_path / "a" / "Haus.ttf")  # a's font file changes
    serif = render(job("a")).pdf
    assert serif == fresh(job("a")) != sans


def test_the_socket_name_hashes_project_and_program(tmp_path):
    one, two = copy_data(AACHEN, tmp_path / "eins"), copy_data(AACHEN, tmp_path / "zwei")
    assert wire.project_key(one) != wire.project_key(two)
    assert wire.project_key(one) == wire.project_key(tmp_path / "eins" / "." / "data")
    assert wire.socket_path(one).name.endswith(f"-{wire.code_key()}.sock")


def test_a_new_service_stops_only_stale_services_of_its_own_project(private_tmp, tmp_path, monkeypatch):
    data = copy_data(AACHEN, tmp_path)
    path = wire.socket_path(data)
    stale = path.with_name(path.name.split("-")[0] + "-0000000000000000.sock")  # same project, old program
    other = path.with_name("ffffffffffffffff-" + path.name.split("-")[1])  # another project
    asked = {stale: [], other: []}
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: None)
    with _fake_service(stale, asked[stale], answer=True), _fake_service(other, asked[other], answer=True):
        client.ensure(path, data)
    assert asked == {stale: ["stop"], other: []}


@contextmanager
def _fake_service(path: Path, asked: list, answer: bool):
    """A socket that records the requests it gets; answers pings and stops only when `answer`, never
    answers anything else."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(8)

    def serve():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            channel = wire.Channel(conn)
            try:
                request = channel.receive(5)
            except wire.FAILURES:
                continue
            asked.append(request if isinstance(request, str) else request[0])
            if answer and request in ("ping", "stop"):
                channel.send((True, "pong"))
                conn.close()
            else:
                threading.Timer(30, conn.close).start()  # silent, but not forever

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield
    finally:
        server.close()
        path.unlink()


# 2. Dead worker


def test_a_killed_worker_is_replaced_and_the_next_build_succeeds(private_tmp, tmp_path, monkeypatch, capsys):
    from vorlagen.cli import main
    data = copy_data(AACHEN, tmp_path)
    monkeypatch.setenv("VORLAGEN_DIENST", "1")
    path = _service(data, monkeypatch)
    workers = client.status(path)["worker"]
    assert len(workers) == 1
    _kill(workers[0])
    _until(lambda: not Path(f"/proc/{workers[0]}").exists() or "Z" in Path(f"/proc/{workers[0]}/stat").read_text())
    edit(data / "vorlagen/2021-0207/sachlage.md", "a", "ä")  # something to render
    assert main(["--data", str(data), "--out", str(tmp_path / "out")]) == 0
    assert "Fertig: 1 Vorlage" in capsys.readouterr().out
    after = client.status(path)
    assert after["bauten"] == 1 and after["gerendert"] >= 1 and after["ersetzt"] == 1
    assert after["worker"] and after["worker"] != workers


class _Crash:
    """Kills the worker process that unpickles it: a job that takes its worker down every time."""

    def __reduce__(self):
        return os._exit, (9,)


class _CrashOnce(str):
    """Kills the first worker that unpickles it (a marker file remembers), then is an ordinary page."""

    def __reduce__(self):
        return _crash_once, (str(self), self.marker)


def _crash_once(html: str, marker: str) -> str:
    if not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(9)
    return html


def test_a_job_whose_worker_died_is_retried_in_a_new_pool(tmp_path):
    from vorlagen.building.workers import Renderer
    renderer = Renderer(workers=1)
    renderer.start()
    try:
        html = _CrashOnce(_job().html)
        html.marker = str(tmp_path / "abgestuerzt")
        pdf = renderer.submit(RenderJob(html, *list(vars(_job()).values())[1:])).result(timeout=120).pdf
        assert pdf.startswith(b"%PDF") and renderer.replaced == 1
        assert renderer.submit(_job()).result(timeout=120).pdf.startswith(b"%PDF")  # the new pool serves on
    finally:
        renderer.close()


def test_a_job_that_kills_its_worker_twice_is_a_german_problem():
    from vorlagen.building.workers import Renderer
    from vorlagen.core.problems import BuildFailed
    renderer = Renderer(workers=1)
    renderer.start()
    try:
        with pytest.raises(BuildFailed) as failed:
            renderer.submit(RenderJob(_Crash(), *list(vars(_job()).values())[1:])).result(timeout=120)
        assert [str(p) for p in failed.value.problems] == [
            "test: Der Satzprozess ist beim Setzen dieses Dokuments zweimal abgestürzt – ist der Arbeitsspeicher "
            "knapp? Schließen Sie andere Programme und bauen Sie erneut; bleibt es dabei, setzen Sie VORLAGEN_WORKER=1."]
        assert renderer.submit(_job()).result(timeout=120).pdf.startswith(b"%PDF")
        assert renderer.replaced == 2  # after each crash a fresh pool
    finally:
        renderer.close()


def test_a_rendered_pdf_is_freed_as_soon_as_nobody_holds_it():
    """A long-lived service renders thousands of PDFs: none may wait in a reference cycle for the garbage
    collector (a year's build grew the service by 16 MB that way)."""
    import gc
    import weakref
    from vorlagen.building.workers import Renderer
    renderer = Renderer(workers=1)
    renderer.start()
    gc.disable()
    try:
        future = renderer.submit(_job())
        assert future.result(timeout=120).pdf.startswith(b"%PDF")
        gone = weakref.ref(future)
        del future
        assert gone() is None
    finally:
        gc.enable()
        renderer.close()


def test_the_command_searches_for_reference_cycles_less_often_the_workers_do_not():
    """Python looks for cycles after every 700 new objects; a build's objects live until it ends, and those
    searches cost a fifth of an unchanged year's build: the command waits for 10,000. WeasyPrint's workers
    keep 700: their cyclic garbage, collected later, raised a year's peak memory from 333 to 366 MB."""
    import gc
    from vorlagen import cli
    from vorlagen.building.workers import Renderer
    before = gc.get_threshold()
    renderer = Renderer(workers=1)
    renderer.start()
    try:
        gc.set_threshold(700, 10, 10)
        assert renderer.pool.submit(gc.get_threshold).result(timeout=120)[0] == 700
        with pytest.raises(SystemExit):
            cli.main(["--version"])
        assert gc.get_threshold() == (10_000, 10, 10)
    finally:
        gc.set_threshold(*before)
        renderer.close()


# 3. Vanished client


def test_a_build_whose_client_vanished_is_cancelled(private_tmp, tmp_path, monkeypatch):
    """The client asks for a whole build and goes away at once: nothing is rendered for nobody, and the
    output folder is not touched."""
    data = copy_data(AACHEN, tmp_path)
    path = _service(data, monkeypatch)
    out = tmp_path / "out"
    with wire.connect(path, 5) as channel:
        channel.send(("build", path.stem, str(data), str(out), [], None))
    _until(lambda: client.status(path)["bauten_abgebrochen"] == 1)
    assert client.status(path)["gerendert"] == 0 and not out.exists()


def test_jobs_whose_client_vanished_are_cancelled(private_tmp, tmp_path, monkeypatch):
    """Eight long jobs, each client gone right after asking: the worker renders only the jobs it had taken
    before the service noticed, the rest are cancelled unstarted. How many it takes depends on the
    machine's speed (a fresh quiet machine took four), so the test asks only that some were cancelled –
    without cancelling, all eight are rendered."""
    data = copy_data(AACHEN, tmp_path)
    path = _service(data, monkeypatch)
    for _ in range(8):
        with wire.connect(path, 5) as channel:
            channel.send(("job", path.stem, _job(pages=40)))
    _until(lambda: client.status(path)["verbindungen"] == 0)
    done = client.status(path)
    assert done["abgebrochen"] >= 1 and done["abgebrochen"] + done["gerendert"] <= 8


# 4. Silent connection


def _in_thread(data: Path, monkeypatch) -> tuple[Path, threading.Thread]:
    """A service in this process (rendering in-process) that drops silent clients after half a second."""
    monkeypatch.setattr(service, "REQUEST_SECONDS", 0.5)
    monkeypatch.setenv("VORLAGEN_WORKER", "0")
    path = wire.socket_path(data)
    thread = threading.Thread(target=service.serve, args=(path, data), daemon=True)
    thread.start()
    _until(lambda: client.ping(path))
    return path, thread


def test_a_silent_client_does_not_keep_the_service_busy(private_tmp, tmp_path, monkeypatch):
    """One client connects and sends nothing, another half a header: the service still stops when asked
    (today it waited for them forever and never went idle)."""
    data = copy_data(AACHEN, tmp_path)
    path, thread = _in_thread(data, monkeypatch)
    silent, half = socket.socket(socket.AF_UNIX), socket.socket(socket.AF_UNIX)
    silent.connect(str(path))
    half.connect(str(path))
    half.sendall(b"\0\0\0")
    try:
        _until(lambda: client.status(path)["verbindungen"] == 2)
        assert client.stop(path)
        thread.join(timeout=20)
        assert not thread.is_alive() and not path.exists()
    finally:
        silent.close()
        half.close()


def test_a_silent_service_makes_the_build_render_itself(private_tmp, tmp_path, monkeypatch):
    """A service that answers pings but never a build: after SILENCE_SECONDS the command builds by itself
    and says so in German – it never hangs."""
    monkeypatch.setattr(client, "SILENCE_SECONDS", 1)
    data = copy_data(AACHEN, tmp_path)
    path = wire.socket_path(data)
    asked, notes, answers = [], [], []
    monkeypatch.setattr(client, "ping", lambda p: True)
    worker = threading.Thread(target=lambda: answers.append(client.delegate(data, tmp_path / "out", [], notes.append)),
                              daemon=True)
    with _fake_service(path, asked, answer=False):
        worker.start()
        worker.join(timeout=20)
    assert not worker.is_alive() and answers == [None] and asked == ["build"]
    assert notes == ["Hinweis: Der Render-Dienst antwortet nicht – dieser Bau setzt die PDFs ohne ihn."]


def test_a_job_the_service_never_answers_is_rendered_here(private_tmp, tmp_path, monkeypatch):
    monkeypatch.setattr(client, "SILENCE_SECONDS", 1)
    data = copy_data(AACHEN, tmp_path)
    path = wire.socket_path(data)
    asked, notes = [], []
    renderer = client.ServiceRenderer(data, say=notes.append)
    with _fake_service(path, asked, answer=True):
        try:
            pdfs = [renderer.submit(_job()).result(timeout=60).pdf for _ in range(2)]
        finally:
            renderer.close()
    assert asked[-1:] == ["job"] and all(pdf.startswith(b"%PDF") for pdf in pdfs)
    assert notes == ["Hinweis: Der Render-Dienst antwortet nicht – dieser Bau setzt die PDFs ohne ihn."]


# 5. Stale start marker


def test_a_stale_start_marker_does_not_delay_the_start(private_tmp, tmp_path, monkeypatch):
    """A marker left by a start that died (here: one written a moment ago, by nobody alive) – the next build
    starts the service at once instead of waiting 30 s for a socket that never comes."""
    data = copy_data(AACHEN, tmp_path)
    path = wire.socket_path(data)
    path.with_suffix(".startet").write_text("")
    launched = []
    monkeypatch.setattr(client, "_launch", lambda *args: launched.append(args[0]))
    client.ensure(path, data)
    assert launched == [path]


def test_a_start_whose_starter_was_killed_is_not_waited_for(private_tmp, tmp_path, monkeypatch):
    """While a live process holds the start lock, others wait for its socket; once it dies (kill -9)
    they stop waiting at once and render locally."""
    monkeypatch.setattr(client, "START_SECONDS", 1000)
    data = copy_data(AACHEN, tmp_path)
    path = wire.socket_path(data)
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, os, sys, time; fd = os.open(sys.argv[1], "
                               "os.O_CREAT | os.O_RDWR); fcntl.flock(fd, fcntl.LOCK_EX); print(flush=True); "
                               "time.sleep(600)", str(path.with_suffix(".startet"))], stdout=subprocess.PIPE)
    try:
        holder.stdout.readline()  # the lock is held
        launched = []
        monkeypatch.setattr(client, "_launch", lambda *args: launched.append(args[0]))
        client.ensure(path, data)
        assert launched == [] and client.starting(path)  # another start is under way: no second one
        errors = []
        waiting = threading.Thread(target=lambda: _catch(errors, client.wait_for_start, path), daemon=True)
        waiting.start()
        holder.kill()
        waiting.join(timeout=20)
        assert not waiting.is_alive() and errors == ["Der Render-Dienst ist nicht gestartet"]
    finally:
        holder.kill()
        holder.wait()


def _catch(errors: list, function, *args) -> None:
    try:
        function(*args)
    except OSError as error:
        errors.append(str(error))
