"""Crash-safe output: bookkeeping outside the public tree, a complete output at every instant, one build at
a time, users' files and permissions (issue 9, points 3 and 5)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hilfen import ROOT, edit, git, run

V = Path("vorlagen/2021-0123")


def build(capsys, data: Path, out: Path) -> tuple[int, str, str]:
    return run(capsys, "--data", str(data), "--out", str(out))


@pytest.mark.langsam  # builds whole repositories
def test_bookkeeping_lives_outside_the_output_and_is_git_ignored(capsys, data, tmp_path):
    out = tmp_path / "output"
    assert build(capsys, data, out)[0] == 0
    hidden = [p.relative_to(out).as_posix() for p in out.rglob(".*")]
    assert hidden == []  # no manifest, no marker in the published tree
    manifest = (tmp_path / ".vorlagen" / "output" / "manifest.json").read_text(encoding="utf-8")
    assert "intern/vorlagen/2021-0130" in manifest
    git(tmp_path, "init", "-q", "-b", "main")
    assert ".vorlagen" not in git(tmp_path, "status", "--porcelain", "--untracked-files=all")


KILLED_BUILD = """
import os, sys
from pathlib import Path
from vorlagen.building import output
out = Path(sys.argv[2]).resolve()
mode = sys.argv[3]
if mode == "rename":
    real = os.replace
    def replace(src, dst):
        real(src, dst)
        if Path(src).resolve() == out or Path(dst).resolve() == out:
            os._exit(9)  # killed right after the first rename that touches the output
    os.replace = replace
else:
    real_write = output.Staging.write
    calls = []
    def write(self, relative, data):
        calls.append(relative)
        if len(calls) == 5:
            os._exit(9)  # killed while writing the new output
        real_write(self, relative, data)
    output.Staging.write = write
from vorlagen.cli import main
main(["--data", sys.argv[1], "--out", sys.argv[2]])
"""


def killed_build(data: Path, out: Path, mode: str) -> int:
    env = dict(os.environ, VORLAGEN_WORKER="0", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", KILLED_BUILD, str(data), str(out), mode], env=env, capture_output=True
    ).returncode


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.langsam  # builds whole repositories
def test_a_build_killed_while_swapping_leaves_a_complete_output(capsys, data, tmp_path):
    out = tmp_path / "output"
    assert build(capsys, data, out)[0] == 0
    edit(data / V / "beschlussvorschlag.md", "Die Verwaltung", "Die Kreisverwaltung")
    killed_build(data, out, "rename")
    assert (out / V / "2021-0123.pdf").is_file() and (out / "index.html").is_file()
    assert "Kreisverwaltung" in (out / V / "2021-0123.txt").read_text(encoding="utf-8")


@pytest.mark.langsam  # builds whole repositories
def test_a_build_killed_while_writing_leaves_only_hidden_staging_that_the_next_build_removes(capsys, data, tmp_path):
    out = tmp_path / "output"
    assert build(capsys, data, out)[0] == 0
    before = snapshot(out)
    edit(data / V / "beschlussvorschlag.md", "Die Verwaltung", "Die Kreisverwaltung")
    assert killed_build(data, out, "write") == 9
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".vorlagen", "data", "output"]
    state = tmp_path / ".vorlagen" / "output"
    assert [p.name for p in state.iterdir() if p.name.startswith("neu-")]  # the staging folder of the killed build
    assert build(capsys, data, out)[0] == 0
    assert [p.name for p in state.iterdir() if p.name.startswith("neu-")] == []


@pytest.mark.langsam  # builds whole repositories
def test_a_second_build_at_the_same_time_is_told_in_german(capsys, data, tmp_path):
    out = tmp_path / "output"
    assert build(capsys, data, out)[0] == 0
    before = snapshot(out)
    from filelock import FileLock  # the build's own lock library: the same system lock on every system

    with FileLock(tmp_path / ".vorlagen" / "output" / "lock", thread_local=False):
        code, _, err = build(capsys, data, out)
    assert code == 1
    assert err.splitlines()[0] == (
        "output: Gerade baut ein anderer Lauf in diesen Ausgabeordner – warten Sie, bis er "
        "fertig ist, und starten Sie dann neu."
    )
    assert snapshot(out) == before


@pytest.mark.langsam  # builds whole repositories
def test_a_users_file_in_the_output_is_not_deleted(capsys, data, tmp_path):
    out = tmp_path / "output"
    assert build(capsys, data, out)[0] == 0
    (out / "vorlagen" / "notiz.txt").write_text("meine Notiz\n", encoding="utf-8")
    code, _, err = build(capsys, data, out)
    assert code == 1
    assert err.splitlines()[0] == (
        "output/vorlagen/notiz.txt: Diese Datei stammt nicht von vorlagen – der "
        "Ausgabeordner wird bei jedem Lauf ganz ersetzt; legen Sie eigene Dateien an einen "
        "anderen Ort."
    )
    assert (out / "vorlagen" / "notiz.txt").read_text(encoding="utf-8") == "meine Notiz\n"


@pytest.mark.langsam  # builds whole repositories
def test_permissions_of_output_folders_are_kept(capsys, data, tmp_path):
    out = tmp_path / "output"
    assert build(capsys, data, out)[0] == 0
    os.chmod(out / "intern", 0o700)
    edit(data / V / "beschlussvorschlag.md", "Die Verwaltung", "Die Kreisverwaltung")
    assert build(capsys, data, out)[0] == 0
    assert stat.S_IMODE((out / "intern").stat().st_mode) == 0o700
    assert stat.S_IMODE(out.stat().st_mode) == 0o755


def test_out_pointing_at_a_file(capsys, data, tmp_path):
    target = tmp_path / "ausgabe.pdf"
    target.write_bytes(b"%PDF-1.7\n")
    code, _, err = build(capsys, data, target)
    assert code == 1
    assert err.splitlines()[0] == "ausgabe.pdf: Der Ausgabeordner ist eine Datei – wählen Sie mit --out einen Ordner."
    assert target.read_bytes() == b"%PDF-1.7\n"


@pytest.mark.langsam  # builds whole repositories
def test_disk_full_read_only_and_ctrl_c_are_one_german_line(capsys, data, tmp_path, monkeypatch):
    import errno

    from vorlagen.building import output

    out = tmp_path / "output"
    assert build(capsys, data, out)[0] == 0
    before = snapshot(out)
    edit(data / V / "beschlussvorschlag.md", "Die Verwaltung", "Die Kreisverwaltung")
    for error, code, line in [
        (
            OSError(errno.ENOSPC, "No space left on device", "output/x.pdf"),
            1,
            "output/x.pdf: Der Speicherplatz ist voll – prüfen Sie freien Speicherplatz und Schreibrechte; die bisherige "
            "Ausgabe ist unverändert.",
        ),
        (
            OSError(errno.EROFS, "Read-only file system", "output/x.pdf"),
            1,
            "output/x.pdf: Das Laufwerk ist schreibgeschützt – prüfen Sie freien Speicherplatz und Schreibrechte; die "
            "bisherige Ausgabe ist unverändert.",
        ),
        (KeyboardInterrupt(), 130, "Abgebrochen (Strg+C) – die bisherige Ausgabe ist unverändert."),
    ]:

        def failing(self, relative, content, error=error):
            raise error

        monkeypatch.setattr(output.Staging, "write", failing)
        result, printed, err = build(capsys, data, out)
        assert (result, err.strip()) == (code, line)
        assert "Traceback" not in err and "Fertig" not in printed
        assert snapshot(out) == before


def test_serve_port_out_of_range_and_text_of_an_encrypted_pdf(capsys, tmp_path):
    import io

    import pypdf
    import pytest

    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    writer.encrypt("geheim")
    buffer = io.BytesIO()
    writer.write(buffer)
    (tmp_path / "geheim.pdf").write_bytes(buffer.getvalue())
    code, _, err = run(capsys, "text", str(tmp_path / "geheim.pdf"))
    assert code == 1
    assert err.splitlines()[0].endswith(
        "geheim.pdf: Die PDF-Datei ist verschlüsselt (Kennwortschutz) – ihr Text lässt "
        "sich nicht lesen; speichern Sie sie ohne Kennwort."
    )
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "serve", "--port", "70000")
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "vorlagen serve: Fehler: --port: „70000“ ist kein möglicher Port – wählen Sie eine Zahl von 1024 bis 65535, "
        "z. B. 8000."
    )


def test_no_module_needs_a_posix_only_module_at_import_time():
    """Windows has no fcntl, termios, pwd, grp or resource: every module of the engine imports without them."""
    import subprocess
    import sys

    code = (
        "import sys, pkgutil, importlib\n"
        "for name in ('fcntl', 'termios', 'pwd', 'grp', 'resource'):\n"
        "    sys.modules[name] = None\n"
        "import vorlagen\n"
        "for module in pkgutil.walk_packages(vorlagen.__path__, 'vorlagen.'):\n"
        "    if not module.name.endswith('__main__'):\n"
        "        importlib.import_module(module.name)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.mark.langsam  # builds whole repositories
def test_the_portable_swap_replaces_the_output_whole(tmp_path, monkeypatch):
    """VORLAGEN_PORTABEL=1 takes the way Windows takes (what changed moves file by file, the old files kept aside
    until the new are in): a rebuild after an edit gives the new output, and nothing is left aside."""
    from tests.hilfen import DATA, copy_data, edit
    from vorlagen.cli import main

    monkeypatch.setenv("VORLAGEN_PORTABEL", "1")
    data = copy_data(DATA, tmp_path)
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    edit(data / "vorlagen/2021-0123/vorbemerkungen.md", "seit 2020", "seit dem Jahr 2020")
    assert main(["--data", str(data), "--out", str(out)]) == 0
    assert "seit dem Jahr 2020" in (out / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8")
    state = tmp_path / ".vorlagen" / "out"
    assert not [p for p in state.iterdir() if p.name.startswith(("alt-", "neu-"))]


def test_the_overview_lists_sitzungen_by_date(built):
    import re

    html = (built / "index.html").read_text(encoding="utf-8")
    dates = re.findall(r"<tr><td>(\d\d)\.(\d\d)\.(\d{4})</td><th scope=\"row\">", html)
    assert len(dates) == 3
    assert [(y, m, d) for d, m, y in dates] == sorted((y, m, d) for d, m, y in dates)
