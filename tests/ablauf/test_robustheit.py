"""Bounds and clean exits (issue 36, point 6): what a document's texts may print, link loops in the data folder,
cache files damaged in any way, `neu` on a full disk, a build ended with SIGTERM. Each ends in one German message
or in silence – never a traceback, never a machine's path, never half a result."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hilfen import ROOT, can_mount, edit, line_of, run
from vorlagen.core import usercache
from vorlagen.core.limits import MAX_DOKUMENTTEXT
from vorlagen.meetings.oparl_graph import Graph
from vorlagen.meetings.oparl_pages import Pages

V = Path("vorlagen/2021-0123")
BETREFF = "B" * 100  # a Betreff of exactly 100 characters, printed as it is (no character HTML escapes)
TOO_MUCH = (
    "ergeben die Texte dieses Dokuments mehr als 1.000.000 Zeichen – so viel setzt vorlagen in einem Dokument "
    "nicht; kürzen Sie die Texte, prüfen Sie die Ausdrücke oder legen Sie lange Teile als PDF-Anlage bei."
)


def pruefen(capsys, data: Path) -> tuple[int, list[str], str]:
    """`pruefen` (it composes every document, as a build does before layout): exit code, the problem lines, and
    the whole of stderr."""
    code, _, err = run(capsys, "pruefen", "--ohne-satz", "--data", str(data))
    return code, err.split("\n\n")[0].splitlines() if code else [], err


def test_the_texts_of_a_document_print_at_most_a_million_characters(data, capsys):
    """The expression that takes the Vorlage's texts past MAX_DOKUMENTTEXT is named, nothing after it is
    evaluated, and the check takes seconds (16 expressions of 600.000 characters took 485 s and 1,1 GB)."""
    betreff = "betreff: Kommunales Integrationsmanagement (KIM) – Stellenbesetzung und Finanzierung bis Ende 2022"
    edit(data / V / "vorlage.yaml", betreff, f'betreff: "{BETREFF}"')
    line, lines = "{{ vorlage.betreff }}\n", 20_000
    (data / V / "vorbemerkungen.md").write_text(line * lines, encoding="utf-8")
    # independently: the text itself counts first, then each value; the first expression past the bound is named
    rest = MAX_DOKUMENTTEXT - len(line) * lines
    first_past = rest // len(BETREFF) + 1
    start = time.monotonic()
    code, problems, _ = pruefen(capsys, data)
    assert time.monotonic() - start < 60
    assert (code, problems) == (
        1,
        [f"data/vorlagen/2021-0123/vorbemerkungen.md:{first_past}: Mit {{{{ vorlage.betreff }}}} {TOO_MUCH}"],
    )


def test_a_text_longer_than_the_bound_is_refused_before_anything_is_laid_out(data, capsys):
    (data / V / "vorbemerkungen.md").write_text("x" * (MAX_DOKUMENTTEXT + 1), encoding="utf-8")
    code, problems, _ = pruefen(capsys, data)
    assert (code, problems) == (1, [f"data/vorlagen/2021-0123/vorbemerkungen.md: Mit diesem Text {TOO_MUCH}"])


def test_a_long_text_below_the_bound_is_printed(data, capsys):
    """Four fifths of the bound in one text: the Vorlage's other texts are far smaller than the fifth left."""
    (data / V / "vorbemerkungen.md").write_text("x" * (MAX_DOKUMENTTEXT * 4 // 5), encoding="utf-8")
    code, problems, err = pruefen(capsys, data)
    assert (code, problems) == (0, []), err


LOOP = (
    "„{name}“ ist eine Verknüpfung, die im Kreis verweist (auf sich selbst oder über andere zurück) – ersetzen Sie "
    "sie durch die Datei selbst."
)


@pytest.mark.skipif(sys.platform == "win32", reason="Verknüpfungen brauchen unter Windows Rechte")
def test_link_loops_in_the_data_folder_are_german_messages(data, capsys):
    (data / V / "schleife.md").symlink_to("schleife.md")  # a link to itself
    edit(data / V / "vorlage.yaml", "  - vorbemerkungen.md\n", "  - schleife.md\n  - vorbemerkungen.md\n")
    (data / "kostensaetze" / "a.yaml").symlink_to("b.yaml")  # round through another
    (data / "kostensaetze" / "b.yaml").symlink_to("a.yaml")
    (data / "textbausteine").mkdir()
    (data / "textbausteine" / "rund").symlink_to("..")  # a folder loop nothing names: no problem
    code, problems, err = pruefen(capsys, data)
    line = line_of(data / V / "vorlage.yaml", "abschnitte:")  # the texts are named at their list
    assert code == 1 and "Traceback" not in err and str(data) not in err
    assert problems == [
        f"data/kostensaetze/a.yaml: {LOOP.format(name='a.yaml')}",
        f"data/kostensaetze/b.yaml: {LOOP.format(name='b.yaml')}",
        f"data/vorlagen/2021-0123/vorlage.yaml:{line}: {LOOP.format(name='schleife.md')}",
    ]


# --- caches -----------------------------------------------------------------------------------------------------

DAMAGES = {
    "leer": lambda data: b"",
    "nur der Stempel": lambda data: data[: data.index(b"\n") + 1],
    "abgeschnitten nach 3 Bytes": lambda data: data[: data.index(b"\n") + 4],
    "abgeschnitten nach 20 Bytes": lambda data: data[: data.index(b"\n") + 21],
    "abgeschnitten in der Mitte": lambda data: data[: len(data) // 2],
    "ein Byte weniger": lambda data: data[:-1],
    "ein Bit gekippt": lambda data: data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
    "Müll dahinter": lambda data: data + b"\x00\xff garbage",
    "anderer Inhalt": lambda data: data.replace(b"\n", b"\r\n"),
}


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_cache_file_is_never_read(damage, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    content = bytes(range(256)) * 40 + b"\nzweite Zeile\n"
    usercache.keep_bytes("probe.bin", "stempel 1", content)
    assert usercache.read_kept_bytes("probe.bin", "stempel 1", 100_000) == content
    path = tmp_path / "vorlagen" / "probe.bin"
    path.write_bytes(DAMAGES[damage](path.read_bytes()))
    assert usercache.read_kept_bytes("probe.bin", "stempel 1", 100_000) is None


def _pruefen(data: Path, cache: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "pruefen", "--ohne-satz", "--data", str(data)],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(cache)},
        timeout=300,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="XDG_CACHE_HOME gilt unter Linux und macOS")
def test_damaged_compiled_templates_are_compiled_again_without_a_word(data, tmp_path):
    """A truncated compiled-template file ended in pickle's English traceback; now every one is made anew."""
    cache = tmp_path / "cache"
    first = _pruefen(data, cache)
    kept = sorted((cache / "vorlagen").glob("*.jinja"))
    assert first.returncode == 0 and kept
    for number, path in enumerate(kept):
        damage = list(DAMAGES.values())[number % len(DAMAGES)]
        path.write_bytes(damage(path.read_bytes()))
    again = _pruefen(data, cache)
    assert (again.returncode, again.stderr, again.stdout) == (0, "", first.stdout)


def test_a_damaged_oparl_ledger_is_a_fresh_one(tmp_path):
    graph = Graph("https://ratsinfo.example.de/")
    graph.add({"id": graph.url("body", "x"), "type": "https://schema.oparl.org/1.1/Body"}, dt.date(2021, 6, 10))
    fresh = Pages(graph, None, 100)
    for ledger in (b"", b'{"a": 1', b"[1, 2]", b'{"x": {"hash": 1}}', b"\xff\xfe", b'{"x": 5}'):
        damaged = Pages(graph, ledger, 100)
        assert (damaged.old, damaged.fresh) == (fresh.old, fresh.fresh) == ({}, True), ledger


# --- neu on a full disk ---------------------------------------------------------------------------------------------


@pytest.mark.skipif(
    sys.platform != "linux" or not can_mount(),
    reason="braucht Linux mit unshare (Benutzer- und Mount-Namensraum) für ein kleines tmpfs",
)
@pytest.mark.parametrize("size", ["32k", "128k"])
def test_neu_on_a_full_disk_writes_nothing_and_says_so(tmp_path, size):
    """`neu` on a really full disk (a small tmpfs): one German message without traceback, and no half-written
    repository – nothing at all. Before, it left half a repository and said nothing was written."""
    disk = tmp_path / "platte"
    disk.mkdir()
    neu = f'"{sys.executable}" "{ROOT / "build.py"}" neu neues'
    script = f'mount -t tmpfs -o size={size} tmpfs "$1" && cd "$1" && {neu}; echo "Rückgabe $?"; ls -A'
    result = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh", str(disk)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in result.stderr and str(tmp_path) not in result.stderr, result.stderr
    assert result.stdout.splitlines() == ["Rückgabe 1"], result.stdout + result.stderr  # and nothing on the disk
    assert result.stderr.splitlines() == [
        "neues: Das Datenrepository lässt sich nicht anlegen (Der Speicherplatz ist voll) – prüfen Sie freien "
        "Speicherplatz und Schreibrechte; angelegt wurde nichts.",
        "",
        "1 Problem gefunden – es wurde nichts geschrieben; die bisherige Ausgabe ist unverändert.",
    ]


def test_neu_writes_the_whole_repository(tmp_path, capsys):
    code, out, err = run(capsys, "neu", str(tmp_path / "neues"))
    assert (code, err) == (0, "")
    assert (tmp_path / "neues" / "data" / "koerperschaft.yaml").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["neues"]  # no temporary folder left beside it


# --- SIGTERM ------------------------------------------------------------------------------------------------------


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="braucht Linux (Prozessgruppen)")
@pytest.mark.parametrize("group", [False, True], ids=["der Befehl", "seine Prozessgruppe"])
def test_sigterm_ends_a_build_with_one_german_line(data, tmp_path, group):
    """SIGTERM (a system shutting down, a job runner's timeout) – to the command or to its whole process group:
    one German line, no resource_tracker warning in English, no /tmp/vorlagen-satz-* left, the output untouched."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "bauen", "--data", str(data), "--out", str(tmp_path / "output")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "VORLAGEN_WORKER": "2", "TMPDIR": str(temporary)},
    )
    try:
        for line in process.stdout or ():
            if line.startswith("["):  # the workers render
                break
        (os.killpg if group else os.kill)(process.pid, signal.SIGTERM)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    # the workers and the resource tracker end after the command – on a busy machine a few seconds later
    for _ in range(100):
        if not any(temporary.iterdir()):
            break
        time.sleep(0.1)
    assert err.strip() == "Beendet (Signal TERM) – die bisherige Ausgabe ist unverändert.", err
    assert process.returncode == 143
    assert list(temporary.iterdir()) == []
    assert not (tmp_path / "output").exists()
