"""The server and the town's git server (issue 55, point 4): with a remote in the configuration it brings in the
commits made elsewhere before a Vorlage's page and before each save – through the one safe way of writing – and
sends each of its commits there; a colleague's commit that arrived meanwhile is merged field by field."""

from __future__ import annotations

import pytest

from tests.hilfen.server import Klient, formular, gestartet, git, repository

VORLAGE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
YAML = "data/vorlagen/2021-0123/vorlage.yaml"


@pytest.fixture
def ablage(tmp_path):
    """The data repository with a bare remote „ablage“, and a colleague's clone of it."""
    wurzel = repository(tmp_path / "repo")
    git(tmp_path, "clone", "-q", "--bare", str(wurzel), "ablage.git")
    git(wurzel, "remote", "add", "ablage", str(tmp_path / "ablage.git"))
    datei = wurzel / "vorlagen-server.toml"
    datei.write_text(
        datei.read_text(encoding="utf-8").replace('# remote = "origin"', 'remote = "ablage"'), encoding="utf-8"
    )
    git(tmp_path, "clone", "-q", str(tmp_path / "ablage.git"), "kollege")
    return wurzel, tmp_path / "kollege"


def _kollege_aendert(kollege, alt: str, neu: str) -> None:
    datei = kollege / YAML
    datei.write_text(datei.read_text(encoding="utf-8").replace(alt, neu), encoding="utf-8")
    git(kollege, "-c", "user.name=Karl Kollege", "-c", "user.email=karl@stadt.example", "commit", "-qam", "Datum")
    git(kollege, "push", "-q")


def test_a_commit_pushed_elsewhere_arrives_and_a_save_is_sent(ablage):
    wurzel, kollege = ablage
    _kollege_aendert(kollege, "datum: 2021-05-27", "datum: 2021-05-28")
    with gestartet(wurzel) as adresse:
        anna = Klient(adresse)
        assert anna.anmelden("anna") == 303
        _, seite, _ = anna.holen(VORLAGE)
        felder = formular(seite, VORLAGE)
        assert felder["f:datum"] == "2021-05-28"  # brought in before the page
        assert anna.holen(VORLAGE, felder | {"f:betreff": "Betreff von Anna"})[0] == 303
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""
    assert git(kollege, "pull", "-q") == ""
    assert git(kollege, "log", "--format=%an").splitlines() == ["Anna Amsel", "Karl Kollege", "Einrichtung"]
    text = (kollege / YAML).read_text(encoding="utf-8")
    assert "datum: 2021-05-28\n" in text and "betreff: Betreff von Anna\n" in text


def test_a_commit_that_arrives_while_the_form_is_open_is_merged(ablage):
    wurzel, kollege = ablage
    with gestartet(wurzel) as adresse:
        anna = Klient(adresse)
        assert anna.anmelden("anna") == 303
        felder = formular(anna.holen(VORLAGE)[1], VORLAGE)
        _kollege_aendert(kollege, "datum: 2021-05-27", "datum: 2021-05-28")
        assert anna.holen(VORLAGE, felder | {"f:betreff": "Betreff von Anna"})[0] == 303
    text = (wurzel / YAML).read_text(encoding="utf-8")
    assert "datum: 2021-05-28\n" in text and "betreff: Betreff von Anna\n" in text
    assert git(wurzel, "log", "--format=%an").splitlines() == ["Anna Amsel", "Karl Kollege", "Einrichtung"]
