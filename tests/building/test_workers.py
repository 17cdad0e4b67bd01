"""A command renders with its own worker processes: right for every checkout, survives dead workers, frees its PDFs,
and leaves no process behind when it returns (issue 25: the background render service is retired)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hilfen import AACHEN, ROOT
from vorlagen.building.satzprozess import RenderJob
from vorlagen.core.problems import Where


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _until(condition, seconds: float = 60) -> None:
    """Waits for something that must happen (a generous bound: a loaded machine is slow, never wrong)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "did not happen in time"
        time.sleep(0.05)


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
    env = dict(os.environ, TMPDIR=str(tmp), VORLAGEN_WORKER="1")
    result = subprocess.run(
        [sys.executable, "build.py", "--out", "out"], cwd=checkout, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return checkout / "out" / "vorlagen" / "2021-0207" / "2021-0207.pdf"


def _corner(pdf: Path) -> tuple[int, int, int]:
    """The colour of the first page's top left corner."""
    from PIL import Image

    picture = pdf.parents[3] / "corner"  # beside the output folder, not in it
    subprocess.run(
        ["pdftoppm", "-png", "-r", "10", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(picture)], check=True
    )
    with Image.open(picture.with_suffix(".png")) as image:
        return image.convert("RGB").getpixel((1, 1))


def _descendants(pid: int) -> list[int]:
    """Every living process below `pid` (Linux /proc)."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _running_in(folder: Path) -> list[int]:
    """Living processes whose working folder lies in `folder` (a build and its workers work in the checkout)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if (
                Path(os.readlink(entry / "cwd")).is_relative_to(folder)
                and (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
            ):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_two_clones_render_each_with_its_own_house_style_and_leave_nothing_running(tmp_path):
    """Clone b differs only in its house style (a pink page): its PDF is pink and a's white; after each command
    no process of the tool remains (no background service, no worker)."""
    a = _clone(tmp_path / "a")
    b = _clone(tmp_path / "b", "@page { background: #ff0000; }\n")
    assert _corner(_build_in(a, tmp_path)) == (255, 255, 255)
    assert _corner(_build_in(b, tmp_path)) == (255, 0, 0)
    assert _corner(_build_in(a, tmp_path)) == (255, 255, 255)
    _until(lambda: _running_in(tmp_path) == [], 10)  # nothing of the tool keeps running after a command
    # nor leaves temporary files: the workers' copies of fonts go into a folder the command removes
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("vorlagen-", "weasyprint-"))) == []


def test_a_killed_command_takes_its_workers_with_it(tmp_path):
    """kill -9 of a build while its workers render: the workers end too, nothing keeps running, and their
    temporary files (WeasyPrint's copies of fonts) go with them."""
    checkout = _clone(tmp_path / "a")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = dict(os.environ, VORLAGEN_WORKER="2", TMPDIR=str(temporary))
    process = subprocess.Popen(
        [sys.executable, "build.py", "--out", "out"],
        cwd=checkout,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _until(lambda: len(_descendants(process.pid)) >= 2 or process.poll() is not None)
    workers = _descendants(process.pid)
    _kill(process.pid)
    process.wait()
    _until(
        lambda: not any(Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text() for w in workers)
    )
    assert list(temporary.iterdir()) == []


def test_a_warm_worker_never_uses_another_checkouts_or_an_old_font(tmp_path):
    """WeasyPrint keeps an @font-face once loaded: the worker must not hand its fonts to a job of other roots
    (the first clone's font of the same family would win) nor keep a font file that has changed."""
    from weasyprint.text.fonts import FontConfiguration

    from vorlagen.building.satzprozess import render
    from vorlagen.render.pdf import render_pdf

    fonts = ROOT / "templates" / "fonts"
    for name, font in (("a", "LiberationSans-Regular.ttf"), ("b", "LiberationSerif-Regular.ttf")):
        (tmp_path / name).mkdir()
        shutil.copy(fonts / font, tmp_path / name / "Haus.ttf")

    def job(name: str) -> RenderJob:
        html = (
            f"<html lang='de'><title>T</title><style>@font-face {{ font-family: Haus; src: url("
            f"{(tmp_path / name / 'Haus.ttf').as_uri()}) }} p {{ font-family: Haus }}</style><p>Hallo</p>"
        )
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


# 2. Dead worker


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
            "knapp? Schließen Sie andere Programme und bauen Sie erneut; bleibt es dabei, setzen Sie VORLAGEN_WORKER=1."
        ]
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


@pytest.mark.langsam
def test_fifty_kills_at_random_moments_leave_a_complete_output_and_nothing_running(tmp_path):
    """kill -9 of a build at random moments – while it loads, renders, swaps the output in, and while its data
    folder is being replaced – 50 times: afterwards output/ is always a complete build (old or new), no process
    of the tool remains, and the next build succeeds in its normal time."""
    import random

    checkout = _clone(tmp_path / "a")
    # a build killed before its workers started cannot remove its temporary folder (nothing runs to do it): the
    # builds' temporary files go into this test's folder, not into the run's (tests/conftest.py)
    (tmp_path / "tmp").mkdir()
    env = dict(os.environ, VORLAGEN_WORKER="2", TMPDIR=str(tmp_path / "tmp"))
    command = [sys.executable, "build.py", "--out", "out"]
    assert subprocess.run(command, cwd=checkout, env=env, capture_output=True, timeout=300).returncode == 0
    out = checkout / "out"
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    text = checkout / "data/vorlagen/2021-0207/sachlage.md"
    rng = random.Random(25)
    for round_ in range(50):
        text.write_text(text.read_text(encoding="utf-8") + f"\nRunde {round_}.\n", encoding="utf-8")
        process = subprocess.Popen(command, cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if round_ % 5 == 0:  # the data folder is replaced under the running build (as a git checkout would)
            shutil.copytree(checkout / "data", checkout / "data-neu")
            os.rename(checkout / "data", checkout / "data-alt")
            os.rename(checkout / "data-neu", checkout / "data")
            shutil.rmtree(checkout / "data-alt")
        time.sleep(rng.uniform(0.05, 3.0))
        _kill(process.pid)
        process.wait()
        _until(lambda: _running_in(checkout) == [], 30)
        if out.exists():
            now = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
            assert now == files, f"Runde {round_}: unvollständige Ausgabe"
            for pdf in out.rglob("*.pdf"):
                content = pdf.read_bytes()
                assert content.startswith(b"%PDF") and b"%%EOF" in content[-64:], f"Runde {round_}: {pdf}"
    started = time.monotonic()
    result = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 120
    _until(lambda: _running_in(checkout) == [], 10)


class _Hang(str):
    """A page whose worker never answers: unpickling it sleeps for an hour."""

    def __reduce__(self):
        return time.sleep, (3600,)


def test_a_worker_that_does_not_answer_is_replaced_and_the_document_named(monkeypatch, tmp_path):

    from vorlagen.building.window import Window
    from vorlagen.building.workers import Renderer
    from vorlagen.core.problems import BuildFailed

    monkeypatch.setenv("VORLAGEN_SATZ_SEKUNDEN", "3")
    renderer = Renderer(workers=1)
    renderer.start()

    try:
        window = Window(renderer, limit=4)
        job = RenderJob(_Hang(), *list(vars(_job()).values())[1:])
        from pathlib import PurePosixPath

        window.submit(PurePosixPath("vorlagen/x/haengt.pdf"), job, lambda result: None)
        started = time.monotonic()
        with pytest.raises(BuildFailed) as failed:
            window.drain()
        assert time.monotonic() - started < 60
        assert [str(p) for p in failed.value.problems] == [
            "test: Das Dokument „haengt.pdf“ wurde in 3 Sekunden nicht fertig gesetzt – der Satzprozess wurde beendet. "
            "Prüfen Sie sehr große Bilder oder Tabellen; bleibt es dabei, setzen Sie VORLAGEN_SATZ_SEKUNDEN höher."
        ]
        assert renderer.replaced == 1
        assert renderer.submit(_job()).result(timeout=120).pdf.startswith(b"%PDF")  # the fresh pool serves on
    finally:
        renderer.close()


def test_a_worker_that_ends_normally_prints_nothing(capfd):
    """A worker that gets the pool's end signal just before it would be terminated ends its interpreter normally:
    WeasyPrint's font cleanup must not print a TypeError from a half torn-down interpreter into the build's output."""
    from vorlagen.building.workers import Renderer

    renderer = Renderer(workers=1)
    renderer.start()
    try:
        font = (ROOT / "templates" / "fonts" / "LiberationSans-Regular.ttf").as_uri()
        html = (
            f"<html lang='de'><title>Test</title><style>@font-face {{ font-family: W; src: url({font}); }} "
            "p { font-family: W }</style><p>Seite</p>"
        )  # an @font-face: WeasyPrint keeps a copy to clean up
        renderer.submit(RenderJob(html, ROOT, (ROOT / "templates",), Where("test"), dt.date(2021, 6, 1), None)).result(
            timeout=120
        )
        pool, renderer.pool = renderer.pool, None
        pool.shutdown(wait=True)  # the end signal, not terminate: the worker's interpreter ends as usual
    finally:
        renderer.close()
    err = capfd.readouterr().err
    assert "Error" not in err and "Exception" not in err, err


_TERM_AT_THE_WORST_MOMENT = """
import multiprocessing, os, signal, threading, time
from multiprocessing.context import SpawnProcess

from tests.building.test_workers import _job
from vorlagen.building.workers import Renderer
from vorlagen.cli.ausfuehrung import Beendet, beendet

started = SpawnProcess.start


def start_then_term(self):
    started(self)
    if threading.current_thread() is threading.main_thread():  # the pool starts a worker for a job of the build
        os.kill(os.getpid(), signal.SIGTERM)  # TERM arrives before the pool has noted its new worker


if __name__ == "__main__":
    SpawnProcess.start = start_then_term
    signal.signal(signal.SIGTERM, beendet)
    renderer = Renderer(workers=2)
    renderer.start(1)
    try:
        for _ in range(3):
            renderer.submit(_job(40))
        time.sleep(5)
    except Beendet:
        print("beendet", flush=True)
    finally:
        renderer.close()
    print("übrig", len(multiprocessing.active_children()), flush=True)  # the renderer has ended every worker
"""


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="braucht POSIX-Signale")
def test_a_term_while_the_pool_starts_a_worker_leaves_no_worker_behind(tmp_path):
    """SIGTERM (a job runner's timeout) that arrives while the pool starts a worker for the build, after the process
    exists but before the pool has noted it: that worker was known to nobody, so closing the renderer left it running,
    and the command hung at its end waiting for it (a CI run waited 120 s for `bauen` after its German line). A TERM
    is now held back while the pool starts a worker, as Strg+C is; it arrives right after."""
    script = tmp_path / "term.py"
    script.write_text(_TERM_AT_THE_WORST_MOMENT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.stdout.split("\n")[:2] == ["beendet", "übrig 0"], result.stdout + result.stderr
    assert result.returncode == 0, result.stderr
