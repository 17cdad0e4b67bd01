"""Unsaved input survives an expired session (issue 55, point 5): the form sent after the session ended is kept,
the login says so, and after signing in the form shows the input again – nothing written until the person saves."""

from __future__ import annotations

import sqlite3

from tests.hilfen.server import Klient, formular, gestartet, git, repository

VORLAGE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
YAML = "data/vorlagen/2021-0123/vorlage.yaml"


def test_the_input_of_an_expired_session_is_offered_again_after_signing_in(tmp_path):
    wurzel = repository(tmp_path / "repo")
    with gestartet(wurzel) as adresse:
        anna = Klient(adresse)
        assert anna.anmelden("anna") == 303
        felder = formular(anna.holen(VORLAGE)[1], VORLAGE) | {"f:betreff": "Getippt, bevor die Sitzung ablief"}
        with sqlite3.connect(wurzel / "vorlagen-server.sqlite") as db:
            db.execute("DELETE FROM sitzungen")  # the session expired while she typed
        vorher = (wurzel / YAML).read_bytes()
        status, seite, _ = anna.holen(VORLAGE, felder)
        assert status == 401
        assert (
            "Ihre Sitzung war abgelaufen – Ihre Eingaben sind aufbewahrt, aber noch nicht gespeichert. Melden Sie "
            "sich an; danach zeigt das Formular sie wieder."
        ) in seite
        assert (wurzel / YAML).read_bytes() == vorher
        anmelden = formular(seite, "/anmelden")
        assert anmelden["weiter"] == VORLAGE
        status, _, kopf = anna.holen("/anmelden", anmelden | {"benutzer": "anna", "kennwort": "ein-langes-kennwort"})
        assert (status, kopf["Location"]) == (303, VORLAGE)
        _, seite, _ = anna.holen(VORLAGE)
        assert "Diese Eingaben stammen aus Ihrer abgelaufenen Sitzung und sind noch nicht gespeichert" in seite
        wieder = formular(seite, VORLAGE)
        assert wieder["f:betreff"] == "Getippt, bevor die Sitzung ablief"
        assert (wurzel / YAML).read_bytes() == vorher  # nothing written before she saves
        assert anna.holen(VORLAGE, wieder)[0] == 303
        assert formular(anna.holen(VORLAGE)[1], VORLAGE)["f:betreff"] == "Getippt, bevor die Sitzung ablief"
    assert (
        git(wurzel, "log", "-1", "--format=%an|%s") == "Anna Amsel|Vorlage 2021-0123: betreff geändert (im Browser)\n"
    )
