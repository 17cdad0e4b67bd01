"""Shared fixtures: the example data, a writable copy of it, one build of each Körperschaft."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Small test builds render in this process (no worker start-up per build); test_speed.py checks the workers.
os.environ.setdefault("VORLAGEN_WORKER", "0")

from vorlagen.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
AACHEN = ROOT / "tests" / "fixtures" / "aachen"
WIESENBRUECK = ROOT / "tests" / "fixtures" / "wiesenbrueck"
ERLENBRUCH = ROOT / "tests" / "fixtures" / "erlenbruch"
HEIDEMOOR = ROOT / "tests" / "fixtures" / "heidemoor"
RECHENWEGE = ROOT / "tests" / "fixtures" / "rechenwege"
WESERBRUCH = ROOT / "tests" / "fixtures" / "weserbruch"
GOLDEN = ROOT / "tests" / "golden"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden", action="store_true", help="Golden-HTML-Dateien aus der aktuellen Ausgabe neu schreiben"
    )


@pytest.fixture(scope="session", autouse=True)
def seitenbilder(tmp_path_factory) -> None:
    """Page images written by tests go to seitenbilder/ in pytest's folder of this run, unless
    $VORLAGEN_SEITENBILDER names another (see tests/satz.py)."""
    from .satz import setze_ordner

    setze_ordner(tmp_path_factory.getbasetemp() / "seitenbilder")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def copy_data(source: Path, target: Path) -> Path:
    """A writable copy of a data folder, beside a folder named like the original."""
    target.mkdir(parents=True, exist_ok=True)
    dest = target / "data"
    shutil.copytree(source, dest)
    return dest


@pytest.fixture
def data(tmp_path) -> Path:
    """A writable copy of data/ at tmp_path/data; paths in messages read data/…"""
    return copy_data(DATA, tmp_path)


@pytest.fixture
def aachen(tmp_path) -> Path:
    return copy_data(AACHEN, tmp_path)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replaces `old` in a file, failing loudly when it is not there."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def freigeben(data: Path) -> Path:
    """Signs every open sign-off of a data folder anew: for tests that change the example's content on purpose
    and then build Sitzungsmappen (which refuse an ENTWURF)."""
    import contextlib
    import io

    from vorlagen.compute.project import prepare
    from vorlagen.render.document import Composer

    for doc in Composer(prepare(data)).compose_all():
        for stand in doc.freigabe.offen if doc.freigabe else []:
            with contextlib.redirect_stdout(io.StringIO()):
                assert (
                    main(
                        [
                            "--data",
                            str(data),
                            "zeichnen",
                            doc.source.auswahl,
                            "--rolle",
                            stand.rolle,
                            "--name",
                            "Erika Mustermann",
                            "--datum",
                            "2021-05-26",
                        ]
                    )
                    == 0
                )
    return data


def ohne_mitzeichnung(data: Path) -> Path:
    """The example without its sign-off rule and sign-offs: for tests that change its content before every build.
    The Haushalt then holds its amounts (nothing bound at Produkt 05.06.01): an überplanmäßige amount needs the
    Kämmerei whatever the Hausstil says."""
    edit(data / "koerperschaft.yaml", "    finanzielle_auswirkungen: [Kämmerei]\n", "")
    edit(data / "haushalt/2021.yaml", "gebunden: 1284300", "gebunden: 0")
    edit(data / "haushalt/2022.yaml", "gebunden: 1310000", "gebunden: 0")
    for path in data.glob("vorlagen/*/mitzeichnungen.yaml"):
        path.unlink()
    return data


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def problems_of(data: Path) -> list[str]:
    """The problems a data folder's computation reports, as printed (it must report some)."""
    from vorlagen.compute.project import prepare
    from vorlagen.core.problems import BuildFailed

    with pytest.raises(BuildFailed) as failed:
        prepare(data)
    return [str(p) for p in failed.value.problems]


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Runs the command in this process; returns exit code, stdout and stderr."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The example built once for all tests that only read it."""
    out = tmp_path_factory.mktemp("example") / "output"
    assert main(["--data", str(DATA), "--out", str(out), "--mappen"]) == 0
    return out


@pytest.fixture(scope="session")
def built_wiesenbrueck(tmp_path_factory) -> Path:
    """The third Körperschaft (own Hausstil) built once."""
    out = tmp_path_factory.mktemp("wiesenbrueck") / "output"
    assert main(["--data", str(WIESENBRUECK), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def built_aachen(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("aachen") / "output"
    assert main(["--data", str(AACHEN), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def built_erlenbruch(tmp_path_factory) -> Path:
    """The Kreis Erlenbruch (every table kind) built once."""
    out = tmp_path_factory.mktemp("erlenbruch") / "output"
    assert main(["--data", str(ERLENBRUCH), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def built_heidemoor(tmp_path_factory) -> Path:
    """The Landkreis Heidemoor built once, with its Sitzungsmappen (every Vorlage on an agenda has a Nummer)."""
    out = tmp_path_factory.mktemp("heidemoor") / "output"
    assert main(["--data", str(HEIDEMOOR), "--out", str(out), "--mappen"]) == 0
    return out


@pytest.fixture(scope="session")
def built_rechenwege(tmp_path_factory) -> Path:
    """The six Rechenwege of the Landkreis built once."""
    out = tmp_path_factory.mktemp("rechenwege") / "output"
    assert main(["--data", str(RECHENWEGE), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def built_weserbruch(tmp_path_factory) -> Path:
    """The Kreis Weserbruch (tables as a body types them) built once."""
    out = tmp_path_factory.mktemp("weserbruch") / "output"
    assert main(["--data", str(WESERBRUCH), "--out", str(out)]) == 0
    return out


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from the system (installed by scripts/setup.sh --test), driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
