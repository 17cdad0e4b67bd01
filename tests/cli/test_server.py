"""`vorlagen server` on the command line (issue 55, points 1 and 2): the configuration printed for the data
repository at hand, local accounts made with the password from standard input (stored only as an Argon2 hash), a
bad configuration refused before anything starts."""

from __future__ import annotations

import io
import re
import sqlite3

import pytest

from vorlagen.cli import main


@pytest.fixture
def konfiguration(data, capsys):
    assert main(["server", "konfiguration"]) == 0
    text = capsys.readouterr().out
    (data.parent / "vorlagen-server.toml").write_text(text, encoding="utf-8")
    return text


def test_the_configuration_names_a_free_port_and_the_state_file_beside_it(konfiguration):
    port = re.search(r"^port = (\d+)$", konfiguration, re.M).group(1)
    assert f"Port {port} war beim Erzeugen frei." in konfiguration
    assert 'adresse = "127.0.0.1"\n' in konfiguration and 'zustand = "vorlagen-server.sqlite"\n' in konfiguration
    assert 'datenrepository = "."\n' in konfiguration


def test_an_account_is_made_from_one_line_of_standard_input_and_only_its_hash_is_kept(
    konfiguration, monkeypatch, capsys, data
):
    monkeypatch.setattr("sys.stdin", io.StringIO("ein-langes-kennwort\nzweite Zeile\n"))
    code = main(
        [
            "server",
            "konto",
            "anlegen",
            "anna",
            "--rolle",
            "Sachbearbeitung",
            "--amt",
            "KI",
            "--config",
            "vorlagen-server.toml",
        ]
    )
    assert (code, capsys.readouterr().out) == (0, "Konto „anna“ angelegt (Sachbearbeitung, KI).\n")
    zustand = data.parent / "vorlagen-server.sqlite"
    with sqlite3.connect(zustand) as db:
        assert db.execute("SELECT kennwort FROM konten").fetchone()[0].startswith("$argon2id$")
    assert b"ein-langes-kennwort" not in zustand.read_bytes()


def test_a_short_password_makes_no_account(konfiguration, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("kurz\n"))
    code = main(["server", "konto", "anlegen", "anna", "--rolle", "Lesen", "--config", "vorlagen-server.toml"])
    assert (code, capsys.readouterr().err) == (2, "Das Kennwort ist kürzer als 10 Zeichen – kein Konto angelegt.\n")


def test_a_bad_configuration_is_refused_with_file_and_line(konfiguration, data, capsys):
    datei = data.parent / "vorlagen-server.toml"
    datei.write_text(konfiguration.replace("lokal = true", "lokal = ja"), encoding="utf-8")
    assert main(["server", "--config", "vorlagen-server.toml"]) == 2
    assert capsys.readouterr().err == (
        "vorlagen-server.toml:24: Diese Zeile ist kein gültiges TOML – prüfen Sie Anführungszeichen, das "
        "Gleichheitszeichen und die eckigen Klammern (Muster: „vorlagen server konfiguration“).\n"
    )


def test_a_data_repository_without_git_is_refused(konfiguration, capsys):
    assert main(["server", "--config", "vorlagen-server.toml"]) == 2
    assert capsys.readouterr().err == (
        ".: Das Datenrepository ist kein git-Repository – jede Speicherung des Servers ist ein Commit; legen Sie es "
        "mit „git init“ an und checken Sie den Stand ein.\n"
    )
