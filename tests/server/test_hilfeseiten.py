"""The handbook in the server without a session (issue 55, point 3): its pages answer before signing in, read-only;
no path outside the handbook's folder – by „..“, encoded, absolute, or through a link in the folder – and no
listing of a folder. The handbook here: files where `vorlagen hilfe` builds it, in a cache folder of the test."""

from __future__ import annotations

import pytest

from tests.hilfen.server import Klient, gestartet, repository
from vorlagen.core.usercache import handbuch
from vorlagen.server.hilfeseiten import SOURCES

GEHEIM = "GEHEIM-ausserhalb-des-handbuchs"


@pytest.fixture
def server(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the server process inherits it
    gebaut = handbuch(SOURCES)
    assert gebaut is not None and gebaut.is_relative_to(tmp_path)
    html = gebaut / "html"
    (html / "anleitungen").mkdir(parents=True)
    (html / "index.html").write_text("<h1>Handbuch von vorlagen</h1>", encoding="utf-8")
    (html / "anleitungen" / "server-arbeiten.html").write_text("<h1>Im Browser arbeiten</h1>", encoding="utf-8")
    (gebaut / "geheim.txt").write_text(GEHEIM, encoding="utf-8")
    (html / "verweis.txt").symlink_to(gebaut / "geheim.txt")
    wurzel = repository(tmp_path / "repo")
    (wurzel / "geheim.txt").write_text(GEHEIM, encoding="utf-8")
    with gestartet(wurzel) as adresse:
        yield adresse, wurzel


def test_the_handbook_answers_without_a_session_and_only_with_its_own_files(server):
    adresse, wurzel = server
    fremd = Klient(adresse)  # never signed in
    status, seite, kopf = fremd.holen("/hilfe/")
    assert (status, seite, kopf["Content-Type"].split(";")[0]) == (200, "<h1>Handbuch von vorlagen</h1>", "text/html")
    assert fremd.holen("/hilfe/anleitungen/server-arbeiten.html")[:2] == (200, "<h1>Im Browser arbeiten</h1>")
    assert "script-src 'self'" in kopf["Content-Security-Policy"]
    for pfad in (
        "/hilfe/../geheim.txt",
        "/hilfe/..%2Fgeheim.txt",
        "/hilfe/%2e%2e/geheim.txt",
        "/hilfe/anleitungen/..%2F..%2Fgeheim.txt",
        "/hilfe/%2E%2E%5Cgeheim.txt",
        f"/hilfe/{wurzel}/geheim.txt".replace("//", "/"),
        f"/hilfe/%2F{str(wurzel).lstrip('/')}/geheim.txt",
        "/hilfe/verweis.txt",  # a link in the folder that points out of it
        "/hilfe/anleitungen",  # a folder without its index page: no listing
        "/hilfe/anleitungen/",
    ):
        status, seite, kopf = fremd.holen(pfad)
        if status == 308:  # „//“ merged into one: the path inside the handbook, which is not there either
            ziel = kopf["Location"].removeprefix(adresse)
            assert ziel.startswith("/hilfe/"), pfad
            status, seite, _ = fremd.holen(ziel)
        assert status in (401, 404), pfad
        assert GEHEIM not in seite and "server-arbeiten.html" not in seite, pfad


def test_only_the_handbook_is_open_and_it_takes_no_write(server):
    adresse, _ = server
    fremd = Klient(adresse)
    for pfad in ("/hilfe", "/hilfex/", "/__vorlagen/bearbeiten/"):  # beside the handbook the login answers
        status, seite, _ = fremd.holen(pfad)
        assert status == 401 and '<form method="post" action="/anmelden"' in seite, pfad
        assert '<a href="/hilfe/">das Handbuch</a>' in seite  # the login points to the help
    assert fremd.holen("/hilfe/", {"f": "x"})[0] == 405
    assert fremd.holen("/hilfe/", kopf={"Host": "angreifer.example"})[0] == 400
