"""No secret in a log or a message (issue 55, point 7): the server configured with an OpenID Connect client secret
and local accounts, signed in both ways, a wrong password typed, a save made – and then neither the process's
output, nor the state file with its audit log, nor a commit, nor any page the server sent holds a password, the
client secret or a session id."""

from __future__ import annotations

import base64
import sqlite3

from tests.hilfen.server import KENNWORT, Klient, anbieter, formular, gestartet, git, oidc_anmelden, repository

VORLAGE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
GEHEIMNIS = "geheimnis-der-tests"  # the client secret tests.hilfen.server.anbieter configures
VERTIPPT = "ein-langes-kennwort-vertippt"


def test_no_password_client_secret_or_session_id_in_a_log_a_commit_or_a_page(browser, tmp_path):
    wurzel = repository(tmp_path / "repo")
    ausgabe: list[str] = []
    seiten: list[str] = []
    with anbieter(wurzel), gestartet(wurzel, ausgabe) as adresse:
        anna = Klient(adresse)
        for kennwort, erwartet in ((VERTIPPT, 401), (KENNWORT, 303)):
            _, seite, _ = anna.holen("/anmelden")
            felder = formular(seite, "/anmelden") | {"benutzer": "anna", "kennwort": kennwort}
            status, seite, _ = anna.holen("/anmelden", felder)
            assert status == erwartet
            seiten += [seite]
        sitzung_anna = anna.cookie("vorlagen_sitzung")
        _, seite, _ = anna.holen(VORLAGE)
        status, gespeichert, kopf = anna.holen(VORLAGE, formular(seite, VORLAGE) | {"f:betreff": "Von Anna"})
        assert status == 303
        seiten += [
            seite,
            gespeichert,
            str(kopf),
            anna.holen(kopf["Location"])[1],
            anna.holen("/__vorlagen/bearbeiten/")[1],
        ]
        kontext = browser.new_context()
        try:
            page = kontext.new_page()
            page.goto(adresse + VORLAGE)
            oidc_anmelden(page, "hanna")
            page.wait_for_url(adresse + VORLAGE)
            seiten.append(page.content())
            sitzung_hanna = next(c["value"] for c in kontext.cookies() if c["name"] == "vorlagen_sitzung")
        finally:
            kontext.close()
        token = formular(anna.holen("/__vorlagen/bearbeiten/")[1], "/abmelden")["token"]
        assert anna.holen("/abmelden", {"token": token})[0] == 303
    with sqlite3.connect(wurzel / "vorlagen-server.sqlite") as db:
        zustand = "\n".join(db.iterdump())
        protokoll = list(db.execute("SELECT person, ereignis FROM protokoll ORDER BY rowid"))
    assert protokoll == [
        ("anna", "Anmeldung"),
        ("anna", "Speichern"),
        ("hanna", "Anmeldung über OpenID Connect"),
        ("anna", "Abmeldung"),
    ]
    commits = git(wurzel, "log", "--all", "--format=%an %ae %cn %ce %B")
    assert "vorlagen server: http://127.0.0.1:" in ausgabe[0] and "Von Anna" in "".join(seiten)
    zugang = base64.b64encode(f"vorlagen:{GEHEIMNIS}".encode()).decode()
    for geheim in (KENNWORT, VERTIPPT, GEHEIMNIS, zugang, sitzung_anna, sitzung_hanna):
        assert geheim and len(geheim) >= 16
        for name, text in (("Ausgabe", "".join(ausgabe)), ("Zustand", zustand), ("Commits", commits)):
            assert geheim not in text, name
        for seite in seiten:
            assert geheim not in seite
