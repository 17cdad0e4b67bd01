"""What many tests share: the data folders, a writable copy, an edit that fails loudly, the line of a text, the
problems of a computation, a command run in this process, an output tree, git, a tmpfs of one's own and a free
port.

Fixtures live in tests/conftest.py; test modules import helpers from here (`from tests.hilfen import edit`), never
from another test module."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from vorlagen.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures"
AACHEN = FIXTURES / "aachen"
WIESENBRUECK = FIXTURES / "wiesenbrueck"
ERLENBRUCH = FIXTURES / "erlenbruch"
HEIDEMOOR = FIXTURES / "heidemoor"
RECHENWEGE = FIXTURES / "rechenwege"
GOLDEN = ROOT / "tests" / "golden"
# the stages of the package, lowest first (docs/entwicklung/architektur.md): imports only go down this list
STAGES = [
    "core",
    "load",
    "compute",
    "render",
    "meetings",
    "building",
    "migration",
    "review",
    "nachrechnen",
    "server",
    "cli",
]
# the session builds of conftest.py (the example and five fixtures, each built once per test process), by fixture name
SITZUNGSBAUTEN = (
    "built",
    "built_aachen",
    "built_erlenbruch",
    "built_heidemoor",
    "built_rechenwege",
    "built_weserbruch",
    "built_wiesenbrueck",
)
# the fixtures no session build has: a test that reads every fixture builds these itself (tests/fixtures/* without
# fruehere/ and altbestand/, which hold repositories of earlier formats; tests/render/test_word_alle.py holds the list)
OHNE_SITZUNGSBAU = (
    "braunschweig",
    "fuerstenwalde",
    "hockenheim",
    "lohne",
    "mainz",
    "rostock",
    "schwaebisch-hall",
    "wernigerode",
)


def copy_data(source: Path, target: Path) -> Path:
    """A writable copy of a data folder, beside a folder named like the original."""
    target.mkdir(parents=True, exist_ok=True)
    dest = target / "data"
    shutil.copytree(source, dest)
    return dest


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replaces `old` in a file, failing loudly when it is not there."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def vor_dem_beschluss(data: Path) -> Path:
    """The example before the Kreisausschuss decided 2021/0123: its Niederschrift removed, and with it the Haushalt
    its decision kept (beschlossen.yaml belongs to a decision; without one it is an error)."""
    (data / "sitzungen" / "KA-2021-06-21" / "niederschrift.yaml").unlink()
    (data / "vorlagen" / "2021-0123" / "beschlossen.yaml").unlink()
    return data


def composed(data: Path, nummer: str = "2021/0123"):
    """One Vorlage composed as a build composes it – web HTML, print HTML, `.text` as its TXT is written – without
    rendering a PDF (milliseconds instead of seconds): for every test whose point is content, not the PDF."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.render.document import Composer

    project = vorbereitet(data)
    source = next(s for s in project.facts.vorlagen if s.vorlage.nummer == nummer)
    return Composer(project).compose(source)


def freigeben(data: Path) -> Path:
    """Signs every open sign-off of a data folder anew: for tests that change the example's content on purpose
    and then build Sitzungsmappen (which refuse an ENTWURF)."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.render.document import Composer

    for doc in Composer(vorbereitet(data)).compose_all():
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


def nichts_gebunden(data: Path) -> Path:
    """The example with nothing bound at Produkt 05.06.01, in its Haushalt and in the Haushalt its decision kept."""
    for path in ("haushalt/2021.yaml", "vorlagen/2021-0123/beschlossen.yaml"):
        edit(data / path, "gebunden: 1284300", "gebunden: 0")
    for path in ("haushalt/2022.yaml", "vorlagen/2021-0123/beschlossen.yaml"):
        edit(data / path, "gebunden: 1310000", "gebunden: 0")
    return data


def ohne_mitzeichnung(data: Path) -> Path:
    """The example without its sign-off rule and sign-offs: for tests that change its content before every build.
    The Haushalt then holds its amounts (nothing bound at Produkt 05.06.01): an überplanmäßige amount needs the
    Kämmerei whatever the Hausstil says."""
    edit(data / "koerperschaft.yaml", "    finanzielle_auswirkungen: [Kämmerei]\n", "")
    nichts_gebunden(data)
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
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.core.problems import BuildFailed

    with pytest.raises(BuildFailed) as failed, im_repository(data):
        vorbereitet(data)
    return [str(p) for p in failed.value.problems]


@contextlib.contextmanager
def im_repository(data: Path | str | None):
    """What follows runs from the data repository (the folder named, or the one holding the data folder named), as users
    work; messages name files from the folder a command runs in (core/pfade.gezeigt, tests/core/test_pfade_gezeigt.py).
    A relative or no data folder: from here."""
    if data is None or not Path(data).is_absolute():
        yield
        return
    vorher, ordner = Path.cwd(), Path(data)
    repository = (ordner / "data").is_dir() and not (ordner / "koerperschaft.yaml").is_file()  # --data REPOSITORY
    os.chdir(ordner if repository else ordner.parent)
    try:
        yield
    finally:
        os.chdir(vorher)


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Runs the command in this process, from the folder that holds its data folder (`im_repository`); returns exit
    code, stdout and stderr."""
    data = args[args.index("--data") + 1] if "--data" in args[:-1] else None
    with im_repository(data):
        code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def tree(out: Path) -> dict[str, bytes]:
    """Every file below an output folder, by its relative path, with its bytes."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


def git(repo: Path, *args: str) -> str:
    """Runs git in `repo` with a test identity; fails loudly; returns its output."""
    result = subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def can_mount() -> bool:
    """Whether this machine lets a test mount a small tmpfs of its own (Linux, user and mount namespaces)."""
    try:
        result = subprocess.run(
            ["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
