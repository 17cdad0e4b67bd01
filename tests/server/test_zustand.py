"""The server's state file (zustand.py): it holds password hashes and session ids, so a new one – and the journal
files SQLite makes beside it – can be read by the service's user alone, whatever the umask says."""

from __future__ import annotations

import os
import stat

import pytest

from vorlagen.server.zustand import verbunden


@pytest.mark.skipif(os.name == "nt", reason="Windows kennt keine POSIX-Rechte; dort gelten die Rechte des Ordners")
def test_a_new_state_file_is_for_the_services_user_alone(tmp_path):
    datei = tmp_path / "vorlagen-server.sqlite"
    vorher = os.umask(0o022)  # the usual umask would leave it readable for everyone
    try:
        with verbunden(datei) as db:
            db.execute("INSERT INTO protokoll VALUES ('jetzt', 'anna', 'Anmeldung', '', '')")
            rechte = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    finally:
        os.umask(vorher)
    assert rechte == {
        "vorlagen-server.sqlite": 0o600,
        "vorlagen-server.sqlite-wal": 0o600,
        "vorlagen-server.sqlite-shm": 0o600,
    }


@pytest.mark.skipif(os.name == "nt", reason="Windows kennt keine POSIX-Rechte; dort gelten die Rechte des Ordners")
def test_an_existing_state_file_keeps_its_rights_and_content(tmp_path):
    datei = tmp_path / "vorlagen-server.sqlite"
    with verbunden(datei) as db:
        db.execute("INSERT INTO protokoll VALUES ('jetzt', 'anna', 'Anmeldung', '', '')")
    datei.chmod(0o640)  # as IT set it
    with verbunden(datei) as db:
        assert db.execute("SELECT person FROM protokoll").fetchall() == [("anna",)]
    assert stat.S_IMODE(datei.stat().st_mode) == 0o640
