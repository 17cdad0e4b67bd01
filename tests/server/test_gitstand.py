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


def _hier_eingecheckt(wurzel, datei: str, alt: str, neu: str) -> None:
    """A commit in the server's repository that never reached the remote (made by hand, or its push failed)."""
    pfad = wurzel / datei
    pfad.write_text(pfad.read_text(encoding="utf-8").replace(alt, neu), encoding="utf-8")
    git(wurzel, "-c", "user.name=Ida IT", "-c", "user.email=ida@stadt.example", "commit", "-qam", "von Hand")


def test_histories_that_went_apart_are_merged_by_the_person_and_sent_back(ablage):
    wurzel, kollege = ablage
    _hier_eingecheckt(wurzel, "data/vorlagen/2021-0130/vorlage.yaml", "datum: 2021-05-27", "datum: 2021-05-26")
    _kollege_aendert(kollege, "datum: 2021-05-27", "datum: 2021-05-28")
    with gestartet(wurzel) as adresse:
        anna = Klient(adresse)
        assert anna.anmelden("anna") == 303
        felder = formular(anna.holen(VORLAGE)[1], VORLAGE)
        assert felder["f:datum"] == "2021-05-28"  # the colleague's commit arrived through the merge
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""
    assert "datum: 2021-05-26\n" in (wurzel / "data/vorlagen/2021-0130/vorlage.yaml").read_text(encoding="utf-8")
    assert git(wurzel, "log", "-1", "--format=%an <%ae>|%cn|%P|%s").split("|")[:2] == [
        "Anna Amsel <anna@stadt.example>",
        "Anna Amsel",
    ]
    assert len(git(wurzel, "log", "-1", "--format=%P").split()) == 2  # a merge of both
    assert git(wurzel, "log", "-1", "--format=%s") == (
        "Zusammengeführt: die Commits von „ablage“ mit denen des Servers (im Browser)\n"
    )
    git(kollege, "pull", "-q")  # sent back at once
    assert "datum: 2021-05-26\n" in (kollege / "data/vorlagen/2021-0130/vorlage.yaml").read_text(encoding="utf-8")


def test_histories_that_changed_the_same_line_are_left_as_they_are_and_said(ablage):
    wurzel, kollege = ablage
    _hier_eingecheckt(wurzel, YAML, "datum: 2021-05-27", "datum: 2021-05-29")
    _kollege_aendert(kollege, "datum: 2021-05-27", "datum: 2021-05-28")
    kopf = git(wurzel, "rev-parse", "HEAD")
    ausgabe: list[str] = []
    with gestartet(wurzel, ausgabe) as adresse:
        anna = Klient(adresse)
        assert anna.anmelden("anna") == 303
        assert formular(anna.holen(VORLAGE)[1], VORLAGE)["f:datum"] == "2021-05-29"
    assert git(wurzel, "rev-parse", "HEAD") == kopf
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""
    assert (
        "Die Commits von „ablage“ und die dieses Servers ändern dieselben Zeilen (data/vorlagen/2021-0123/"
        "vorlage.yaml) – führen Sie sie mit git zusammen; der Server speichert weiter hier und holt danach wieder.\n"
    ) in ausgabe
