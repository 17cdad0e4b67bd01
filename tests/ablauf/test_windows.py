"""Windows as far as Linux can prove it (docs/anleitungen/windows.md): paths with spaces in what git runs, any
console encoding, device names (CON, NUL …), no links where Windows forbids them, no shared port, and the output
replaced while a viewer holds one of its files – with Windows' rule that an open file cannot be renamed."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hilfen import DATA, ROOT, copy_data, edit, freigeben, git, run
from vorlagen.building import localserver, lokalanfrage
from vorlagen.cli import konsole, main
from vorlagen.core.dateinamen import DEVICES, windows_problem

V = "vorlagen/2021-0123"


# --- git runs textconv through a shell: the path of Python is quoted ------------------------------------------


def test_textconv_of_a_python_in_a_folder_with_a_space_shows_the_pdf_as_text(tmp_path, built, monkeypatch):
    programs = tmp_path / "Program Files" / "Python 3.11"
    programs.mkdir(parents=True)
    python = programs / "python"
    python.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(python))
    repo = tmp_path / "repo"
    with pytest.MonkeyPatch.context() as quiet:
        quiet.setattr(sys, "stdout", open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 – closed with the test
        assert main(["neu", str(repo)]) == 0
    textconv = git(repo, "config", "diff.vorlage.textconv").strip()
    assert textconv == f"'{python}' -m vorlagen text"
    pdf = built / V / "2021-0123.pdf"
    shutil.copy(pdf, repo / "vorlage.pdf")
    git(repo, "add", "vorlage.pdf")
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "PDF")
    shutil.copy(built / "intern/vorlagen/2021-0130/2021-0130.pdf", repo / "vorlage.pdf")
    shown = git(repo, "diff", "vorlage.pdf")
    assert "-Vorlage-Nr.: 2021/0123" in shown and "+Vorlage-Nr.: 2021/0130" in shown


# --- any console encoding ------------------------------------------------------------------------------------


def _command(args: list[str], cwd: Path, encoding: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING=encoding, PYTHONPATH=str(ROOT), VORLAGEN_WORKER="0")
    return subprocess.run([sys.executable, "-m", "vorlagen", *args], cwd=cwd, env=env, capture_output=True)


def test_vergleichen_through_a_cp1252_pipe_writes_arrows_as_plain_text(tmp_path):
    repo = tmp_path / "repo"
    copy_data(DATA, repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "Ausgang")
    edit(repo / "data" / V / "beschlussvorschlag.md", "Die Verwaltung", "Die Kreisverwaltung")
    done = _command(["vergleichen"], repo, "cp1252")
    assert done.returncode == 1, done.stderr.decode("cp1252")
    out = done.stdout.decode("cp1252")
    assert out.startswith("Vergleich: HEAD -> Arbeitsstand\n\nVorlage 2021/0123: ")  # → is not in cp1252
    assert "Kreisverwaltung" in out and b"Traceback" not in done.stderr


def test_an_ascii_console_gets_umlauts_and_quotes_in_plain_letters(tmp_path):
    copy_data(DATA, tmp_path)
    (tmp_path / "vorlagen.toml").write_text('version = "9.1"\n', encoding="utf-8")
    done = _command(["pruefen"], tmp_path, "ascii")
    assert done.returncode == 1
    assert done.stderr.decode("ascii").startswith(
        "vorlagen.toml:1: Dieses Datenrepository verlangt vorlagen 9.1, installiert ist "
    )
    assert '- installieren Sie eine passende Version oder passen Sie "version" in vorlagen.toml an.' in (
        done.stderr.decode("ascii")
    )


def test_the_plain_forms_are_ascii_and_keep_the_meaning():
    assert "".join(konsole.plain(c) for c in "→ − „Grüße“ … 3 × 5 ≠ 15 €") == '-> - "Gruesse" ... 3 x 5 != 15 EUR'
    assert konsole.plain("é") == "e" and konsole.plain("☃") == "?"
    assert all(konsole.plain(c).isascii() for c in konsole.PLAIN)
    assert "→ Öl".encode("cp1252", konsole.HANDLER) == b"-> \xd6l"  # what cp1252 has stays as it is


# --- device names ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["CON", "con", "Nul.yaml", "aux.tar.gz", "COM1", "lpt9.pdf", "COM\u00b9", "CONIN$", "PRN .txt"]
)
def test_device_names_are_refused(name):
    assert windows_problem(name) is not None


@pytest.mark.parametrize("name", ["CONTRA.yaml", "2021-0123", "COM10", "LPT", "nullen.md", "console", "a.con"])
def test_ordinary_names_pass(name):
    assert windows_problem(name) is None


def test_the_rule_is_pythons_where_python_has_it():
    ntpath = pytest.importorskip("ntpath")
    if not hasattr(ntpath, "isreserved"):
        pytest.skip("ntpath.isreserved gibt es erst ab Python 3.13")
    names = [*DEVICES, *(d.lower() + ".txt" for d in DEVICES), "x.", "x ", "COM10", "nullen", "a.con"]
    assert [name for name in names if (windows_problem(name) is not None) != ntpath.isreserved(name)] == []


def test_a_nummer_that_names_a_device_is_refused_with_a_fix_that_parses(capsys, data):
    edit(data / V / "vorlage.yaml", 'nummer: "2021/0123"', 'nummer: "NUL"')
    code, _, err = run(capsys, "--data", str(data), "pruefen")
    assert code == 1
    line = next(line for line in err.splitlines() if "NUL" in line)
    assert line.endswith(
        "Die Nummer „NUL“ benennt Ordner und Dateien der Ausgabe: „NUL“ ist unter Windows der Name eines Geräts "
        "(CON, PRN, AUX, NUL, COM0 bis COM9, LPT0 bis LPT9) und kann dort weder Datei noch Ordner sein – benennen "
        "Sie es um, z. B. in „NUL-1“."
    )
    edit(data / V / "vorlage.yaml", 'nummer: "NUL"', 'nummer: "NUL-1"')  # the proposed fix
    code, _, err = run(capsys, "--data", str(data), "pruefen")
    assert "Windows" not in err


def test_a_data_file_named_like_a_device_is_refused(capsys, data):
    (data / "sitzungen" / "ASI-2021-06-10.yaml").rename(data / "sitzungen" / "con.yaml")
    code, _, err = run(capsys, "--data", str(data), "pruefen")
    assert code == 1
    assert err.splitlines()[1] == (
        "data/sitzungen/con.yaml: „con.yaml“ ist unter Windows der Name eines Geräts (CON, PRN, AUX, NUL, COM0 bis "
        "COM9, LPT0 bis LPT9) und kann dort weder Datei noch Ordner sein – benennen Sie es um, z. B. in "
        "„con-1.yaml“."
    )


def test_a_name_ending_in_a_dot_is_refused():
    assert windows_problem("2021-0123.") == (
        "Der Name „2021-0123.“ endet auf einen Punkt oder ein Leerzeichen, die Windows stillschweigend weglässt – "
        "benennen Sie ihn um, z. B. in „2021-0123“."
    )


# --- links in a revision where the system makes none ---------------------------------------------------------


def test_vergleichen_reads_a_linked_file_where_no_link_can_be_made(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    copy_data(DATA, repo)
    folder = repo / "data" / V
    (folder / "gemeinsam").mkdir()
    (folder / "beschlussvorschlag.md").rename(folder / "gemeinsam" / "beschluss.md")
    (folder / "beschlussvorschlag.md").symlink_to("gemeinsam/beschluss.md")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "Verknüpfung")

    def refused(self, target, target_is_directory=False):
        raise OSError(errno.EPERM, "Der Client besitzt nicht die erforderlichen Rechte", str(self))

    monkeypatch.setattr(Path, "symlink_to", refused)  # Windows without the right to make links
    edit(folder / "gemeinsam" / "beschluss.md", "Die Verwaltung", "Die Kreisverwaltung")
    code, out, err = run(capsys, "vergleichen", "--data", str(repo / "data"))
    assert (code, err) == (1, "")
    assert "Kreisverwaltung" in out


# --- the port is the preview's alone --------------------------------------------------------------------------


class _Socket:
    def __init__(self):
        self.options = []

    def setsockopt(self, level, option, value):
        self.options.append((level, option, value))


def test_the_windows_way_never_shares_the_port(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(socket, "SO_EXCLUSIVEADDRUSE", -5, raising=False)
    sock = _Socket()
    localserver.bind_options(sock)
    assert sock.options == [(socket.SOL_SOCKET, -5, 1)]


def test_linux_reuses_the_port_at_once_and_the_portable_way_does_not(monkeypatch):
    def reuse() -> int:
        server = localserver.LocalServer(0, lokalanfrage.LocalHandler)
        try:
            return server.socket.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR)
        finally:
            server.server_close()

    monkeypatch.delenv("VORLAGEN_PORTABEL", raising=False)
    assert reuse() != 0
    monkeypatch.setenv("VORLAGEN_PORTABEL", "1")
    assert reuse() == 0


# --- the output is replaced while a viewer holds one of its files --------------------------------------------


@pytest.fixture
def open_files(monkeypatch):
    """Windows' rule, on Linux: a file that is open – or a folder with an open file in it – cannot be renamed,
    neither as the source nor as the target of a rename."""
    held: set[Path] = set()
    real_replace, real_rename = os.replace, os.rename

    def checked(real):
        def rename(source, target, *args, **kwargs):
            for path in (Path(source), Path(target)):
                path = path.absolute()
                if any(held_file == path or path in held_file.parents for held_file in held):
                    raise PermissionError(
                        errno.EACCES, "Der Prozess kann nicht auf die Datei zugreifen", os.fspath(source)
                    )
            return real(source, target, *args, **kwargs)

        return rename

    monkeypatch.setattr(os, "replace", checked(real_replace))
    monkeypatch.setattr(os, "rename", checked(real_rename))
    monkeypatch.setenv("VORLAGEN_PORTABEL", "1")
    return held


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.langsam  # builds whole repositories
def test_a_build_replaces_the_output_while_an_unchanged_pdf_is_open(capsys, tmp_path, open_files):
    data = copy_data(DATA, tmp_path)
    out = tmp_path / "output"
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    viewed = (out / V / "2021-0123.pdf").absolute()
    inode = viewed.stat().st_ino
    open_files.add(viewed)
    text = (data / "vorlagen/2021-0130/sachstand.md").read_text(encoding="utf-8")
    (data / "vorlagen/2021-0130/sachstand.md").write_text(text + "\nEin neuer Absatz.\n", encoding="utf-8")
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert (code, err) == (0, "")
    assert "Ein neuer Absatz." in (out / "intern/vorlagen/2021-0130/2021-0130.txt").read_text(encoding="utf-8")
    assert viewed.stat().st_ino == inode  # never moved: it may stay open
    state = tmp_path / ".vorlagen" / "output"
    assert not [p.name for p in state.iterdir() if p.name.startswith(("alt-", "neu-"))]


@pytest.mark.langsam  # builds whole repositories
def test_an_open_pdf_that_changes_stops_the_build_and_the_output_stays_as_it_was(capsys, tmp_path, open_files):
    data = copy_data(DATA, tmp_path)
    out = tmp_path / "output"
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    before = _snapshot(out)
    open_files.add((out / V / "2021-0123.pdf").absolute())
    edit(data / V / "beschlussvorschlag.md", "Die Verwaltung", "Die Kreisverwaltung")
    freigeben(data)  # signed again: its public PDF is replaced (an ENTWURF would go to intern/)
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 1
    assert err.splitlines()[0] == (
        "output/vorlagen/2021-0123/2021-0123.pdf: Diese Datei ist in einem anderen Programm geöffnet (etwa einem "
        "PDF-Betrachter) und lässt sich nicht ersetzen – schließen Sie sie und bauen Sie noch einmal."
    )
    assert _snapshot(out) == before
    state = tmp_path / ".vorlagen" / "output"
    assert (state / "manifest.json").is_file()
    assert not [p.name for p in state.iterdir() if p.name.startswith(("alt-", "neu-")) or p.suffix == ".alt"]
    open_files.clear()  # the viewer is closed
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    assert "Kreisverwaltung" in (out / V / "2021-0123.txt").read_text(encoding="utf-8")


# --- the tests themselves run where POSIX-only modules are missing --------------------------------------------

POSIX_ONLY = ("fcntl", "termios", "pwd", "grp", "resource")


@pytest.mark.langsam  # builds whole repositories
def test_the_suite_is_collected_without_posix_only_modules():
    code = (
        "import sys\n"
        f"for name in {POSIX_ONLY!r}:\n"
        "    sys.modules[name] = None\n"
        "import pytest\n"
        "sys.exit(pytest.main(['--collect-only', '-q', '-p', 'no:cacheprovider', 'tests']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "tests/building/test_output.py: " in done.stdout and "tests/ablauf/test_windows.py: " in done.stdout


# --- the Windows entry points do what ./bauen.sh and ./testen.sh do -------------------------------------------


def test_the_windows_entry_points_match_the_shell_scripts():
    bauen, testen = (ROOT / "bauen.cmd").read_bytes(), (ROOT / "testen.cmd").read_bytes()
    einrichten = (ROOT / "scripts" / "einrichten.cmd").read_bytes()
    for script in (bauen, testen, einrichten):
        assert script.count(b"\r\n") == script.count(b"\n") and script.isascii()  # cmd reads CRLF in its code page
    assert b'".venv\\Scripts\\python.exe" build.py %*' in bauen  # every argument to build.py, as bauen.sh
    assert b"call scripts\\einrichten.cmd requirements.lock requirements-handbuch.lock" in bauen  # bauen hilfe
    assert b'".venv\\Scripts\\python.exe" -m pytest %*' in testen
    assert b"call scripts\\einrichten.cmd requirements-test.lock requirements-handbuch.lock" in testen
    shell = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    for lock in ("requirements.lock", "requirements-test.lock", "requirements-handbuch.lock"):
        assert lock in shell and lock.encode() in bauen + testen
    attributes = subprocess.run(
        ["git", "check-attr", "eol", "bauen.cmd", "testen.cmd", "scripts/einrichten.cmd"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert attributes.stdout.count(": eol: crlf") == 3
