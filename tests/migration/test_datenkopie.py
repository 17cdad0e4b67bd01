"""The copy `aktualisieren` proves (issue 54, point 9): made by the build's rules for links, bounded, and gone soon
after a kill. Before, `copytree` followed every link: a text linked to a file outside was read and quoted in the
report, a link to /dev/zero filled the temporary disk, a loop copied the folder some 40 times, a named pipe blocked,
and the copy of a read-only file could not be rewritten (a message named the temporary copy)."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hilfen import ROOT, run
from vorlagen.core.fmt import zahl
from vorlagen.core.problems import BuildFailed

pytestmark = [
    pytest.mark.usefixtures("aus_dem_repository"),
    pytest.mark.skipif(sys.platform == "win32", reason="Verknüpfungen und Pipes brauchen unter Windows Rechte"),
]

LOHNE = ROOT / "tests" / "fixtures" / "altbestand" / "lohne"
V = "data/vorlagen/2010-014"
HINAUS = (
    "„{}“ liegt außerhalb des Datenordners (eine Verknüpfung zeigt hinaus) – vorlagen liest nur Dateien im "
    "Datenordner; legen Sie die Datei selbst dorthin."
)


def _lohne(tmp_path: Path) -> Path:
    repo = tmp_path / "lohne"
    shutil.copytree(LOHNE, repo)
    return repo


def _meldungen(tmp_path: Path) -> list[str]:
    """The problems `kopieren` names for the data folder tmp_path/data (messages name it data/…)."""
    from vorlagen.migration.datenkopie import kopieren

    with pytest.raises(BuildFailed) as failed:
        kopieren(tmp_path / "data", tmp_path / "kopie")
    assert not (tmp_path / "kopie" / "data").exists()  # refused before anything is copied
    return [str(p) for p in failed.value.problems]


def test_a_text_linked_to_a_file_outside_is_named_and_never_read(tmp_path, capsys):
    repo = _lohne(tmp_path)
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("Kasse monatlich, PIN 4711\n", encoding="utf-8")
    (repo / V / "notiz.md").symlink_to(geheim)
    code, out, err = run(capsys, "--data", str(repo), "aktualisieren")
    assert code == 1 and "4711" not in out + err
    assert err.splitlines()[0] == f"{V}/notiz.md: " + HINAUS.format("notiz.md")


def test_a_link_to_a_device_a_pipe_a_loop_and_into_nothing_are_each_named_before_anything_is_opened(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(LOHNE / "data", data)
    folder = data / "vorlagen" / "2010-014"
    (folder / "null.md").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.md")
    (folder / "kreis.md").symlink_to("kreis.md")
    (folder / "zurueck").symlink_to("..")  # the folder above, again and again
    (folder / "leer.md").symlink_to("gibt-es-nicht.md")
    assert _meldungen(tmp_path) == [
        "data/vorlagen/2010-014/kreis.md: „kreis.md“ ist eine Verknüpfung, die im Kreis verweist (auf sich selbst "
        "oder über andere zurück) – ersetzen Sie sie durch die Datei selbst.",
        "data/vorlagen/2010-014/leer.md: „leer.md“ ist eine Verknüpfung, die ins Leere zeigt (die Datei, auf die sie "
        "verweist, gibt es nicht) – ersetzen Sie sie durch die Datei selbst oder entfernen Sie sie.",
        "data/vorlagen/2010-014/null.md: " + HINAUS.format("null.md"),
        "data/vorlagen/2010-014/pipe.md: „pipe.md“ ist keine gewöhnliche Datei (sondern z. B. eine benannte Pipe oder "
        "ein Gerät) – legen Sie dort eine echte Datei ab.",
        "data/vorlagen/2010-014/zurueck: „zurueck“ ist eine Verknüpfung, die im Kreis verweist (auf sich selbst oder "
        "über andere zurück) – ersetzen Sie sie durch die Datei selbst.",
    ]


def test_the_whole_copy_is_bounded(tmp_path, monkeypatch):
    from vorlagen.migration import datenkopie

    data = tmp_path / "data"
    shutil.copytree(LOHNE / "data", data)
    groesse = sum(p.stat().st_size for p in data.rglob("*") if p.is_file())
    monkeypatch.setattr(datenkopie, "MAX_DATENORDNER", groesse - 1)
    assert _meldungen(tmp_path) == [
        f"data: Der Datenordner ist zusammen größer als {zahl(groesse - 1)} Bytes – so viel kopiert „aktualisieren“ für "
        "seinen Beweis nicht; legen Sie große Dateien (Anlagen, Bilder) außerhalb ab."
    ]


def test_links_inside_the_data_folder_are_copied_as_the_files_they_name(tmp_path):
    from vorlagen.migration.datenkopie import kopieren

    data = tmp_path / "data"
    shutil.copytree(LOHNE / "data", data)
    folder = data / "vorlagen" / "2010-014"
    (folder / "gemeinsam.md").symlink_to("sachverhalt.md")
    (data / "vorlagen" / "verweis").symlink_to("2010-014")
    copy = kopieren(data, tmp_path / "kopie")
    assert not [p for p in copy.rglob("*") if p.is_symlink()]
    text = (folder / "sachverhalt.md").read_bytes()
    assert (copy / "vorlagen/2010-014/gemeinsam.md").read_bytes() == text
    assert (copy / "vorlagen/verweis/sachverhalt.md").read_bytes() == text


def test_the_copy_of_a_read_only_file_can_be_rewritten(tmp_path):
    """Issue 54, point 12: the copy of a read-only data file was read-only too, and the rewrite's message named the
    temporary copy; the copy takes no mode of the original, a message about the file names the user's."""
    from vorlagen.migration.datenkopie import kopieren

    data = tmp_path / "data"
    shutil.copytree(LOHNE / "data", data)
    (data / "vorlagen/2010-014/vorlage.yaml").chmod(0o444)
    copy = kopieren(data, tmp_path / "kopie")
    assert stat.S_IMODE((copy / "vorlagen/2010-014/vorlage.yaml").stat().st_mode) & stat.S_IWUSR


_GEHALTEN = """
import sys, time
from pathlib import Path
from vorlagen.migration import arbeitsordner
ordner = Path(sys.argv[1])
ordner.mkdir()
(ordner / "neu").mkdir()
arbeitsordner.halten(ordner)
print("bereit", flush=True)
time.sleep(600)
"""


def test_a_copy_left_by_kill_9_is_removed_by_the_next_run_and_a_living_one_is_not(tmp_path):
    from vorlagen.migration import arbeitsordner

    temp = tmp_path / "temp"
    temp.mkdir()
    ordner = temp / f"{arbeitsordner.PRAEFIX}getoetet"
    lauf = subprocess.Popen([sys.executable, "-c", _GEHALTEN, str(ordner)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert lauf.stdout.readline() == "bereit\n"
        frueher = time.time() - 3600
        os.utime(ordner, (frueher, frueher))
        assert arbeitsordner.aufraeumen(temp) == [] and ordner.is_dir()  # its run lives: held
        lauf.send_signal(signal.SIGKILL)
        lauf.wait(timeout=60)
    finally:
        lauf.kill()
        lauf.wait(timeout=60)
    assert arbeitsordner.aufraeumen(temp) == [ordner]
    assert list(temp.iterdir()) == []


def test_a_work_folder_of_a_run_after_this_one_began_is_left_alone(tmp_path):
    from vorlagen.migration import arbeitsordner

    temp = tmp_path / "temp"
    neu = temp / f"{arbeitsordner.PRAEFIX}neu"
    neu.mkdir(parents=True)  # made now, after this run began: a run starting beside this one
    alt = temp / f"{arbeitsordner.PRAEFIX}alt"
    alt.mkdir()
    os.utime(alt, (time.time() - 2 * 24 * 3600,) * 2)  # no lock, two days old: killed before it took one
    assert arbeitsordner.aufraeumen(temp) == [alt]
    assert neu.is_dir()


def test_a_process_that_runs_many_times_holds_only_the_work_folders_still_there(tmp_path):
    """A server calls aktualisieren again and again in one process: the lock of each ended run is given back."""
    from vorlagen.migration import arbeitsordner

    temp = tmp_path / "temp"
    erster, zweiter = (temp / f"{arbeitsordner.PRAEFIX}{n}" for n in ("eins", "zwei"))
    erster.mkdir(parents=True)
    arbeitsordner.halten(erster)
    shutil.rmtree(erster)  # its run ended (TemporaryDirectory removed it)
    zweiter.mkdir()
    arbeitsordner.halten(zweiter)
    try:
        assert erster not in arbeitsordner._gehalten and zweiter in arbeitsordner._gehalten
        assert sorted(p.name for p in temp.iterdir()) == [zweiter.name, f"{zweiter.name}.sperre"]
    finally:
        arbeitsordner._gehalten.pop(zweiter).release()
