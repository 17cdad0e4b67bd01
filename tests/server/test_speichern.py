"""Saving through the server (issue 55, points 4 and 5): every save a git commit by the person who made it, with a
message naming the Vorlage and what changed, in the audit log with its commit; two people editing the same Vorlage
merged field by field (YAML) and by lines (Markdown); the same field changed by both asked side by side, nothing
written until the second person decides; the same against a commit made outside the server."""

from __future__ import annotations

import sqlite3

import pytest

from tests.hilfen.server import Klient, formular, gestartet, git, repository

VORLAGE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
YAML = "data/vorlagen/2021-0123/vorlage.yaml"
TEXT = "data/vorlagen/2021-0123/beschlussvorschlag.md"
BETREFF = "betreff: Kommunales Integrationsmanagement (KIM) – Stellenbesetzung und Finanzierung bis Ende 2022\n"


@pytest.fixture
def server(tmp_path):
    wurzel = repository(tmp_path / "repo")
    with gestartet(wurzel) as adresse:
        anna, bert = Klient(adresse), Klient(adresse)
        assert anna.anmelden("anna") == 303 and bert.anmelden("bert") == 303
        yield wurzel, anna, bert


def _formular(klient: Klient) -> dict[str, str]:
    status, seite, _ = klient.holen(VORLAGE)
    assert status == 200
    return formular(seite, VORLAGE)


def _commits(wurzel) -> list[str]:
    return git(wurzel, "log", "--format=%an <%ae>|%cn <%ce>|%s").splitlines()


def test_a_save_is_a_commit_by_the_person_with_what_changed(server):
    wurzel, anna, _ = server
    status, _, kopf = anna.holen(VORLAGE, _formular(anna) | {"f:betreff": "Neuer Betreff von Anna"})
    assert (status, kopf["Location"]) == (303, f"{VORLAGE}?gespeichert=vorlage.yaml")
    assert (wurzel / YAML).read_text(encoding="utf-8").count("betreff: Neuer Betreff von Anna\n") == 1
    assert _commits(wurzel) == [
        "Anna Amsel <anna@stadt.example>|Anna Amsel <anna@stadt.example>|Vorlage 2021-0123: betreff geändert "
        "(im Browser)",
        "Einrichtung <it@stadt.example>|Einrichtung <it@stadt.example>|Beispiel",
    ]
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""
    head = git(wurzel, "rev-parse", "HEAD").strip()
    with sqlite3.connect(wurzel / "vorlagen-server.sqlite") as db:
        eintraege = [z[1:] for z in db.execute("SELECT * FROM protokoll ORDER BY rowid")]
    assert eintraege == [
        ("anna", "Anmeldung", "", ""),
        ("bert", "Anmeldung", "", ""),
        ("anna", "Speichern", "2021-0123", head),
    ]


def test_two_people_changing_different_fields_are_merged(server):
    wurzel, anna, bert = server
    fuer_anna, fuer_bert = _formular(anna), _formular(bert)
    assert anna.holen(VORLAGE, fuer_anna | {"f:betreff": "Betreff von Anna"})[0] == 303
    status, _, _ = bert.holen(VORLAGE, fuer_bert | {"f:datum": "2021-05-28"})
    assert status == 303
    text = (wurzel / YAML).read_text(encoding="utf-8")
    assert "betreff: Betreff von Anna\n" in text and "datum: 2021-05-28\n" in text
    assert [c.split("|")[0] for c in _commits(wurzel)[:2]] == [
        "Bert Buche <bert@stadt.example>",
        "Anna Amsel <anna@stadt.example>",
    ]
    assert _commits(wurzel)[0].endswith("Vorlage 2021-0123: datum geändert (im Browser)")
    # nothing else of the file changed: the example's text with exactly these two lines
    vorher = git(wurzel, "show", "HEAD~2:" + YAML)
    assert text == vorher.replace(BETREFF, "betreff: Betreff von Anna\n").replace(
        "datum: 2021-05-27\n", "datum: 2021-05-28\n"
    )


def test_two_people_changing_different_lines_of_a_text_are_merged(server):
    wurzel, anna, bert = server
    fuer_anna, fuer_bert = _formular(anna), _formular(bert)
    text = fuer_anna["t:beschlussvorschlag.md"]
    von_anna = text.replace("Der Ausschuss für Soziales", "Der Ausschuss für Soziales (ASI)")
    von_bert = text.replace("zu besetzen.", "zu besetzen (Bert).")
    assert anna.holen(VORLAGE, fuer_anna | {"t:beschlussvorschlag.md": von_anna})[0] == 303
    assert bert.holen(VORLAGE, fuer_bert | {"t:beschlussvorschlag.md": von_bert})[0] == 303
    gespeichert = (wurzel / TEXT).read_text(encoding="utf-8")
    assert gespeichert == git(wurzel, "show", "HEAD~2:" + TEXT).replace(
        "Der Ausschuss für Soziales", "Der Ausschuss für Soziales (ASI)"
    ).replace("zu besetzen.", "zu besetzen (Bert).")


def test_the_same_field_changed_by_both_is_asked_side_by_side_and_written_only_after_the_decision(server):
    wurzel, anna, bert = server
    fuer_anna, fuer_bert = _formular(anna), _formular(bert)
    assert anna.holen(VORLAGE, fuer_anna | {"f:betreff": "Betreff von Anna"})[0] == 303
    stand = (wurzel / YAML).read_bytes()
    status, seite, _ = bert.holen(VORLAGE, fuer_bert | {"f:betreff": "Betreff von Bert", "f:datum": "2021-05-28"})
    assert status == 409
    assert '<pre class="meins">Betreff von Bert</pre>' in seite
    assert "Wert von Anna Amsel &lt;anna@stadt.example&gt;" in seite
    assert '<pre class="anderer">Betreff von Anna</pre>' in seite
    assert (wurzel / YAML).read_bytes() == stand and len(_commits(wurzel)) == 2  # nothing written yet
    felder = formular(seite, "/__vorlagen/bearbeiten/entscheiden/2021-0123") | {'wahl:y:["betreff"]': "meins"}
    status, _, _ = bert.holen("/__vorlagen/bearbeiten/entscheiden/2021-0123", felder)
    assert status == 303
    text = (wurzel / YAML).read_text(encoding="utf-8")
    assert "betreff: Betreff von Bert\n" in text and "datum: 2021-05-28\n" in text
    assert _commits(wurzel)[0].startswith("Bert Buche <bert@stadt.example>|Bert Buche <bert@stadt.example>|")


def test_choosing_the_other_value_keeps_it_and_saves_the_rest(server):
    wurzel, anna, bert = server
    fuer_anna, fuer_bert = _formular(anna), _formular(bert)
    assert anna.holen(VORLAGE, fuer_anna | {"f:betreff": "Betreff von Anna"})[0] == 303
    _, seite, _ = bert.holen(VORLAGE, fuer_bert | {"f:betreff": "Betreff von Bert", "f:datum": "2021-05-28"})
    felder = formular(seite, "/__vorlagen/bearbeiten/entscheiden/2021-0123") | {'wahl:y:["betreff"]': "anderer"}
    assert bert.holen("/__vorlagen/bearbeiten/entscheiden/2021-0123", felder)[0] == 303
    text = (wurzel / YAML).read_text(encoding="utf-8")
    assert "betreff: Betreff von Anna\n" in text and "datum: 2021-05-28\n" in text


def test_a_commit_made_outside_the_server_is_merged_like_a_colleagues_save(server):
    wurzel, anna, _ = server
    fuer_anna = _formular(anna)
    datei = wurzel / YAML
    datei.write_text(
        datei.read_text(encoding="utf-8").replace(BETREFF, "betreff: Von der Befehlszeile\n"), encoding="utf-8"
    )
    git(wurzel, "-c", "user.name=Carl Konsole", "-c", "user.email=carl@stadt.example", "commit", "-qam", "Betreff")
    assert anna.holen(VORLAGE, fuer_anna | {"f:datum": "2021-05-28"})[0] == 303
    text = datei.read_text(encoding="utf-8")
    assert "betreff: Von der Befehlszeile\n" in text and "datum: 2021-05-28\n" in text
    _, seite, _ = anna.holen(VORLAGE)
    fuer_anna = formular(seite, VORLAGE)
    datei.write_text(
        datei.read_text(encoding="utf-8").replace("datum: 2021-05-28", "datum: 2021-05-29"), encoding="utf-8"
    )
    status, seite, _ = anna.holen(VORLAGE, fuer_anna | {"f:datum": "2021-05-30"})
    assert status == 409 and "Wert von jemand außerhalb des Servers (nicht eingecheckt)" in seite
    assert "datum: 2021-05-29\n" in datei.read_text(encoding="utf-8")
