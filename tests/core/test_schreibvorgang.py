"""The one way to write users' files (core/schreibvorgang.py): all files of a change or none, never through a link,
never outside, never over a change made meanwhile – and whole after kill -9 at any instant."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.hilfen import ROOT
from vorlagen.core.reads import ABSENT
from vorlagen.core.schreibvorgang import (
    BESCHLOSSEN,
    JOURNAL,
    ORDNER,
    Aenderung,
    Veraltet,
    schreiben,
    stand_der_datei,
    wiederherstellen,
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    data = tmp_path / "repo" / "data"
    (data / "vorlagen" / "a").mkdir(parents=True)
    (data / "vorlagen" / "a" / "vorlage.yaml").write_bytes(b"betreff: alt\n")
    (data / "vorlagen" / "a" / "text.md").write_bytes(b"Alter Text\n")
    return tmp_path / "repo"


def aenderung(path: Path, neu: bytes | None) -> Aenderung:
    return Aenderung(path, neu, stand_der_datei(path))


def test_every_file_of_a_change_is_written(repo: Path) -> None:
    a = repo / "data" / "vorlagen" / "a"
    problems = schreiben(
        repo,
        [repo / "data"],
        [
            aenderung(a / "vorlage.yaml", b"betreff: neu\n"),
            aenderung(a / "text.md", b"Neuer Text\n"),
            aenderung(a / "anlagen" / "neu.md", b"Anlage\n"),
        ],
    )
    assert problems == []
    assert (a / "vorlage.yaml").read_bytes() == b"betreff: neu\n"
    assert (a / "text.md").read_bytes() == b"Neuer Text\n"
    assert (a / "anlagen" / "neu.md").read_bytes() == b"Anlage\n"
    # nothing of the writer stays beside the files: no journal, no waiting new bytes
    assert sorted(p.name for p in (repo / ORDNER).iterdir()) == [".gitignore", "schreiben.lock"]
    assert not [p for p in a.rglob(".*") if p.is_file()]


def test_a_file_changed_since_it_was_read_stops_the_whole_change(repo: Path) -> None:
    a = repo / "data" / "vorlagen" / "a"
    gelesen = stand_der_datei(a / "text.md")
    (a / "text.md").write_bytes(b"Im Editor geaendert\n")  # a colleague saved meanwhile
    problems = schreiben(
        repo,
        [repo / "data"],
        [aenderung(a / "vorlage.yaml", b"betreff: neu\n"), Aenderung(a / "text.md", b"Neuer Text\n", gelesen)],
    )
    assert [type(p) for p in problems] == [Veraltet]
    assert problems[0].message == (
        "Die Datei wurde geändert, seit sie gelesen wurde (in einem Editor oder von jemand anderem) – nichts "
        "geschrieben, damit diese Änderung nicht verloren geht; lesen Sie sie neu und wiederholen Sie Ihre Änderung."
    )
    assert (a / "vorlage.yaml").read_bytes() == b"betreff: alt\n"
    assert (a / "text.md").read_bytes() == b"Im Editor geaendert\n"


def test_a_new_file_that_appeared_meanwhile_is_not_overwritten(repo: Path) -> None:
    neu = repo / "data" / "vorlagen" / "a" / "neu.md"
    neu.write_bytes(b"von jemand anderem\n")
    problems = schreiben(repo, [repo / "data"], [Aenderung(neu, b"meins\n", ABSENT)])
    assert len(problems) == 1 and isinstance(problems[0], Veraltet)
    assert neu.read_bytes() == b"von jemand anderem\n"


def test_never_through_a_link_and_never_outside(repo: Path, tmp_path: Path) -> None:
    draussen = tmp_path / "tabelle.xlsx"
    draussen.write_bytes(b"Haushalt 2027")
    a = repo / "data" / "vorlagen" / "a"
    (a / "notizen.md").symlink_to(draussen)
    (repo / "data" / "weg").symlink_to(tmp_path)
    faelle = [
        (
            a / "notizen.md",
            "Die Datei ist eine Verknüpfung – durch eine Verknüpfung schreibt vorlagen nie; ersetzen Sie sie durch "
            "die Datei selbst – nichts geschrieben.",
        ),
        (
            repo / "data" / "weg" / "tabelle.xlsx",
            f"Der Ordner {repo / 'data' / 'weg'} ist eine Verknüpfung – durch eine Verknüpfung schreibt vorlagen "
            "nie; ersetzen Sie sie durch den Ordner selbst – nichts geschrieben.",
        ),
        (repo / "data" / ".." / ".." / "tabelle.xlsx", "Die Datei liegt außerhalb des Datenordners – nichts"),
        (draussen, "Die Datei liegt außerhalb des Datenordners – nichts geschrieben."),
    ]
    for ziel, meldung in faelle:
        problems = schreiben(
            repo,
            [repo / "data"],
            [aenderung(a / "text.md", b"Neu\n"), Aenderung(ziel, b"", stand_der_datei(ziel))],
        )
        assert [p.message for p in problems] == [meldung] or meldung in problems[0].message, (ziel, problems)
        assert draussen.read_bytes() == b"Haushalt 2027"
        assert (a / "text.md").read_bytes() == b"Alter Text\n"


def test_a_fifo_or_a_folder_is_no_target(repo: Path) -> None:
    a = repo / "data" / "vorlagen" / "a"
    os.mkfifo(a / "rohr.md")
    (a / "ordner.md").mkdir()
    for ziel in (a / "rohr.md", a / "ordner.md"):
        problems = schreiben(repo, [repo / "data"], [Aenderung(ziel, b"x", ABSENT)])
        assert [p.message for p in problems] == ["Dort liegt keine gewöhnliche Datei – nichts geschrieben."]


def test_a_failure_after_some_files_leaves_every_file_old(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up while the new bytes are written: the change is undone, no new bytes stay behind."""
    import vorlagen.core.schreibvorgang as modul

    a = repo / "data" / "vorlagen" / "a"
    echt = modul._datei_schreiben
    geschrieben: list[Path] = []

    def voll(path: Path, inhalt: bytes, modus: int | None = None) -> None:
        if path.name.endswith(".neu") and geschrieben:
            raise OSError(28, "No space left on device", str(path))
        geschrieben.append(path)
        echt(path, inhalt, modus)

    monkeypatch.setattr(modul, "_datei_schreiben", voll)
    problems = schreiben(
        repo, [repo / "data"], [aenderung(a / "text.md", b"Neu\n"), aenderung(a / "vorlage.yaml", b"betreff: neu\n")]
    )
    assert len(problems) == 1
    assert problems[0].message == (
        "Nichts geschrieben: die Datei lässt sich nicht schreiben (Der Speicherplatz ist voll) – prüfen Sie "
        "Schreibrechte und Speicherplatz; alle Dateien sind wie vorher."
    )
    assert (a / "text.md").read_bytes() == b"Alter Text\n"
    assert (a / "vorlage.yaml").read_bytes() == b"betreff: alt\n"
    assert not [p for p in a.rglob(".*")], "no new bytes stay behind"
    assert not (repo / ORDNER / JOURNAL).exists()


def test_a_decided_change_is_finished_and_a_begun_one_undone_at_the_next_start(repo: Path) -> None:
    a = repo / "data" / "vorlagen" / "a"
    ordner = repo / ORDNER
    ordner.mkdir()
    # killed after the decision, one of two files renamed already
    (a / ".text.md.1.neu").write_bytes(b"Neu\n")
    (a / "vorlage.yaml").write_bytes(b"betreff: neu\n")
    (ordner / BESCHLOSSEN).write_text(
        '{"dateien": [{"ziel": "data/vorlagen/a/vorlage.yaml", "neu": "data/vorlagen/a/.vorlage.yaml.1.neu"},'
        ' {"ziel": "data/vorlagen/a/text.md", "neu": "data/vorlagen/a/.text.md.1.neu"}]}',
        encoding="utf-8",
    )
    wiederherstellen(repo)
    assert (a / "text.md").read_bytes() == b"Neu\n"
    assert (a / "vorlage.yaml").read_bytes() == b"betreff: neu\n"
    assert not (ordner / BESCHLOSSEN).exists()
    # killed before the decision: the new bytes go, the files stay
    (a / ".text.md.2.neu").write_bytes(b"Noch neuer\n")
    (ordner / JOURNAL).write_text(
        '{"dateien": [{"ziel": "data/vorlagen/a/text.md", "neu": "data/vorlagen/a/.text.md.2.neu"}]}', encoding="utf-8"
    )
    wiederherstellen(repo)
    assert (a / "text.md").read_bytes() == b"Neu\n"
    assert not (a / ".text.md.2.neu").exists() and not (ordner / JOURNAL).exists()


SCHREIBER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from vorlagen.core.schreibvorgang import Aenderung, schreiben, stand_der_datei

    repo = Path(sys.argv[1])
    dateien = [repo / "data" / f"t{i}.md" for i in range(6)]
    runde = 0
    while True:
        runde += 1
        inhalt = [f"Stand {runde} von {d.name}\\n".encode() * 2000 for d in dateien]
        problems = schreiben(repo, [repo / "data"], [Aenderung(d, i, stand_der_datei(d)) for d, i in zip(dateien, inhalt)])
        assert not problems, problems
        print(runde, flush=True)
    """
)


def test_kill_9_at_any_instant_leaves_every_file_of_the_change_old_or_every_one_new(tmp_path: Path) -> None:
    """A writer rewrites six files together again and again; it is killed at random instants. After the next start
    the six files are always of one and the same round: never some old and some new, never a file half written."""
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    for i in range(6):
        (repo / "data" / f"t{i}.md").write_bytes(f"Stand 0 von t{i}.md\n".encode() * 2000)
    zufall = random.Random(int(os.environ.get("VORLAGEN_ZUFALL_SEED", "5401")))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runden = set()
    for _ in range(25):
        child = subprocess.Popen(
            [sys.executable, "-c", SCHREIBER, str(repo)], env=env, stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        child.stdout.readline()  # it has started writing
        time.sleep(zufall.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        wiederherstellen(repo)
        texte = [(repo / "data" / f"t{i}.md").read_bytes() for i in range(6)]
        stand = texte[0].split(b" von ")[0].decode()
        erwartet = [f"{stand} von t{i}.md\n".encode() * 2000 for i in range(6)]
        assert texte == erwartet, f"nicht alle Dateien aus Runde „{stand}“, oder eine halb geschrieben"
        runden.add(stand)
        assert not [p for p in (repo / "data").iterdir() if p.name.startswith(".")]
    assert len(runden) > 1, "the writer was never killed between two rounds"
