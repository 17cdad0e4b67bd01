"""Every path in a message opens from the folder the command ran in (issue 47, point 4): relative when it lies
below it, absolute otherwise – one function makes that choice (core/pfade.gezeigt)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.hilfen import HEIDEMOOR, edit, run
from vorlagen.core.pfade import genannte_datei, gezeigt
from vorlagen.core.problems import Paths


def test_below_the_folder_relative_else_absolute(tmp_path):
    hier = tmp_path / "hier"
    (hier / "d").mkdir(parents=True)
    assert gezeigt(hier / "d" / "koerperschaft.yaml", hier) == "d/koerperschaft.yaml"
    assert gezeigt(hier, hier) == "."
    assert gezeigt(tmp_path / "d" / "x.yaml", hier) == (tmp_path / "d" / "x.yaml").as_posix()  # beside: absolute
    assert gezeigt(tmp_path, hier) == tmp_path.as_posix()  # above: absolute, never „..“


def test_a_relative_path_counts_from_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / "hier").mkdir()
    monkeypatch.chdir(tmp_path / "hier")
    assert gezeigt(Path("d/x.yaml")) == "d/x.yaml"
    assert gezeigt(Path("../d/x.yaml")) == (tmp_path / "d" / "x.yaml").as_posix()
    assert Paths().show(Path("../d/x.yaml")) == (tmp_path / "d" / "x.yaml").as_posix()  # the loads' names alike
    for datei in (tmp_path / "hier" / "d" / "x.yaml", tmp_path / "d" / "x.yaml"):  # and back, below and beside
        assert genannte_datei(gezeigt(datei)) == datei


def test_a_revision_checked_out_elsewhere_is_named_as_in_the_repository(tmp_path):
    (tmp_path / "stand" / "data").mkdir(parents=True)
    datei = tmp_path / "stand" / "data" / "koerperschaft.yaml"
    assert Paths(tmp_path / "stand").show(datei) == "data/koerperschaft.yaml"


@pytest.mark.parametrize(
    "von, data",
    [
        ("anders", "../d"),  # the case of the issue: a sibling folder („d/…“ did not exist from there): absolute
        (".", "d"),  # from the folder that holds the data
        ("d", "."),  # from the data folder itself
        ("d/vorlagen", ".."),  # from below the data folder: the file lies above, so it is named absolute
    ],
)
def test_the_file_a_message_names_opens_from_where_the_command_ran(tmp_path, monkeypatch, capsys, von, data):
    d = tmp_path / "d"
    shutil.copytree(HEIDEMOOR, d)
    (tmp_path / "anders").mkdir()
    edit(d / "koerperschaft.yaml", "name:", "name: [kein, Text]\nalter_name:")
    monkeypatch.chdir(tmp_path / von)
    code, out, err = run(capsys, "--data", data, "pruefen")
    assert code == 1, out + err
    genannt = re.findall(r"^(\S*koerperschaft\.yaml):\d+: ", err, re.M)
    assert genannt, err
    for pfad in genannt:
        assert Path(pfad).is_file(), f"„{pfad}“ öffnet sich nicht aus {von}"
        assert Path(pfad).is_absolute() == (von in ("anders", "d/vorlagen")), pfad  # not below: absolute


def test_no_output_depends_on_the_folder_the_build_ran_in(tmp_path, monkeypatch, capsys, schnellsatz):
    """Messages name files from where the command ran; what the build writes does not (a table's line for the layout
    check is taken out of every file written, satzregeln.ohne_quellen)."""
    from tests.hilfen import DATA, tree

    shutil.copytree(DATA, tmp_path / "repo" / "data")
    (tmp_path / "woanders").mkdir()
    ausgaben = []
    for von, data in (("repo", "data"), ("woanders", "../repo/data")):
        monkeypatch.chdir(tmp_path / von)
        out = tmp_path / f"aus-{von}"
        code, stdout, err = run(capsys, "--data", data, "--out", str(out))
        assert code == 0, stdout + err
        ausgaben.append(tree(out))
    assert ausgaben[0] == ausgaben[1]
