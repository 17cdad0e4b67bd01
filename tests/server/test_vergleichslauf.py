"""A comparison for a page runs in a process of its own: ended with a German message when it takes longer than its
time, and refused while as many run as may (vorlagen/server/vergleichslauf.py)."""

from __future__ import annotations

import pytest

from tests.hilfen.server import git, repository
from vorlagen.server import vergleichslauf


@pytest.fixture(scope="module")
def wurzel(tmp_path_factory):
    return repository(tmp_path_factory.mktemp("lauf") / "repo")


def test_a_comparison_longer_than_its_time_is_ended_with_a_german_message(wurzel, tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    kopf = git(wurzel, "rev-parse", "HEAD").strip()
    with pytest.raises(vergleichslauf.Abgebrochen) as abbruch:
        vergleichslauf.vergleichen(wurzel / "data", kopf, kopf, "2021-0123", wurzel / "vorlagen.toml", sekunden=0.05)
    assert str(abbruch.value).startswith("Der Vergleich hat länger als 0,05 Sekunden gedauert und wurde abgebrochen")
    assert list(tmp_path.iterdir()) == []  # the ended process's files are gone with it


def test_no_more_comparisons_than_may_run_at_once(wurzel):
    belegt = [vergleichslauf._plaetze.acquire(blocking=False) for _ in range(vergleichslauf.GLEICHZEITIG)]
    try:
        assert all(belegt)
        with pytest.raises(vergleichslauf.Abgebrochen) as abbruch:
            vergleichslauf.vergleichen(wurzel / "data", "0" * 40, "0" * 40, "2021-0123", wurzel / "vorlagen.toml")
        assert str(abbruch.value) == (
            f"Gerade laufen schon {vergleichslauf.GLEICHZEITIG} Vergleiche auf dem Server – versuchen Sie es in "
            "einer Minute noch einmal (die Adresse bleibt gültig)."
        )
    finally:
        for _ in belegt:
            vergleichslauf._plaetze.release()
