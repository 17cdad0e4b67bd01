"""vorlagen.toml as users save it (issue 54, point 12): saved as Latin-1 by an old editor it ended every command in a
traceback (UnicodeDecodeError); now a German line names the file, the line and the encoding to save it in. It is
read bounded, like every file (core/limits.MAX_EINSTELLUNGEN)."""

from __future__ import annotations

import shutil

import pytest

from tests.hilfen import DATA, run

NICHT_UTF8 = (
    "vorlagen.toml:1: Die Datei ist nicht als UTF-8 gespeichert, sondern vermutlich als Windows-1252 (ANSI) – "
    "speichern Sie sie im Editor mit der Kodierung „UTF-8“."
)


@pytest.mark.parametrize("befehl", [["pruefen"], ["aktualisieren", "--trocken"], ["bauen"]])
def test_a_latin_1_vorlagen_toml_is_one_german_line(capsys, tmp_path, monkeypatch, befehl):
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    (repo / "vorlagen.toml").write_bytes('# Einstellungen für Köln\nversion = "0.3"  # geändert\n'.encode("latin-1"))
    monkeypatch.chdir(repo)
    code, out, err = run(capsys, *befehl)
    assert (code, out) == (1, "") and "Traceback" not in err
    assert err.splitlines()[0] == NICHT_UTF8


def test_a_vorlagen_toml_larger_than_its_bound_is_not_read(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    (repo / "vorlagen.toml").write_bytes(b"#" * (1024 * 1024) + b"\n")
    monkeypatch.chdir(repo)
    code, out, err = run(capsys, "pruefen")
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == (
        "vorlagen.toml: „vorlagen.toml“ ist größer als 1 MB – so große Dateien liest vorlagen nicht; verkleinern Sie "
        "die Datei."
    )
