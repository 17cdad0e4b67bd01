"""What the server's builds make, as the people signed in see it (issue 55, point 6), against the server started as
a process: a save is built by the queue and its PDF appears; who may change a public Vorlage sees its draft, a
reader the released state; a non-public Vorlage's files reach no one without the right; a build that fails keeps
the last good PDF and names the problem at its field; no other file can be named."""

from __future__ import annotations

import json
import time

import pytest

from tests.hilfen.server import Klient, formular, gestartet, git, repository

VORLAGE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
PDF = "/vorlagen/2021-0123/2021-0123.pdf"
STAND = "/__vorlagen/stand/2021-0123"
YAML = "data/vorlagen/2021-0123/vorlage.yaml"


@pytest.fixture
def server(tmp_path):
    wurzel = repository(tmp_path / "repo")
    with gestartet(wurzel) as adresse:
        anna, lena = Klient(adresse), Klient(adresse)
        assert anna.anmelden("anna") == 303 and lena.anmelden("lena") == 303
        yield wurzel, anna, lena, adresse


def _stand(klient: Klient, bis, pfad: str = STAND) -> dict:
    """The build state the page of the Vorlage asks for, once `bis(state)` holds (at most two minutes)."""
    ende = time.monotonic() + 120
    while True:
        status, text, kopf = klient.holen(pfad)
        assert (status, kopf["Content-Type"]) == (200, "application/json")
        stand = json.loads(text)
        if bis(stand) or time.monotonic() > ende:
            return stand
        time.sleep(0.2)


def _text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join((seite.extract_text() or "") for seite in PdfReader(io.BytesIO(pdf)).pages).replace("\n", " ")


def test_a_save_is_built_and_the_draft_shows_to_its_clerk_the_released_state_to_a_reader(server):
    wurzel, anna, lena, _ = server
    erster = _stand(anna, lambda s: s["version"] >= 1)
    assert (erster["version"], erster["probleme"], erster["felder"], erster["word"]) == (1, [], {}, True)
    status, freigegeben = lena.datei(PDF)
    assert status == 200 and freigegeben.startswith(b"%PDF-")
    assert anna.datei(PDF) == (200, freigegeben)  # released: the same for both
    status, seite, _ = anna.holen(VORLAGE)
    felder = formular(seite, VORLAGE) | {"f:betreff": "Stellen des Integrationsmanagements"}
    assert anna.holen(VORLAGE, felder)[0] == 303
    assert _stand(anna, lambda s: s["version"] >= 2)["version"] == 2
    status, entwurf = anna.datei(PDF)
    assert status == 200 and entwurf != freigegeben
    assert "Stellen des Integrationsmanagements" in _text(entwurf)
    assert lena.datei(PDF) == (200, freigegeben)  # the public part keeps the released state until it is signed
    assert "Stellen des Integrationsmanagements" not in _text(freigegeben)
    assert anna.datei(PDF.replace(".pdf", ".docx"))[1].startswith(b"PK")  # the Word file beside it


def test_a_non_public_vorlage_reaches_no_one_without_the_right(server):
    _, anna, lena, adresse = server
    _stand(anna, lambda s: s["version"] >= 1)
    intern = "/intern/vorlagen/2021-0130/2021-0130.pdf"
    status, pdf = anna.datei(intern)
    assert status == 200 and pdf.startswith(b"%PDF-")
    assert lena.datei(intern)[0] == 404
    assert lena.datei("/vorlagen/2021-0130/2021-0130.pdf")[0] == 404
    assert lena.holen("/__vorlagen/stand/2021-0130")[0] == 404
    assert Klient(adresse).datei(PDF)[0] == 401  # without a session: the login


@pytest.mark.parametrize(
    "pfad",
    [
        "/vorlagen/2021-0123/..%2F..%2Findex.html",
        "/vorlagen/..%2Fintern/2021-0130.pdf",
        "/vorlagen/2021-0123/2021-0123.html",  # only PDF, Word and text
        "/vorlagen/2021-0123/.manifest.pdf",
        "/vorlagen/2021-0123/%2E%2E%2Fvorlage.yaml",
        "/intern/vorlagen/2021-0123/..%5C..%5Cvorlagen-server.sqlite",
        "/vorlagen/2021-9999/2021-9999.pdf",
    ],
)
def test_no_other_file_can_be_named(server, pfad):
    _, anna, _, _ = server
    _stand(anna, lambda s: s["version"] >= 1)
    assert anna.datei(pfad)[0] == 404


def test_a_failed_build_keeps_the_last_pdf_and_names_the_problem_at_its_field(server):
    wurzel, anna, _, _ = server
    _stand(anna, lambda s: s["version"] >= 1)
    vorher = anna.datei(PDF)
    yaml = wurzel / YAML
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("datum: 2021-05-27", "datum: 2021-13-45"), "utf-8")
    git(wurzel, "-c", "user.name=Kollege", "-c", "user.email=k@stadt.example", "commit", "-qam", "von Hand")
    assert anna.holen(VORLAGE)[0] == 200  # the page notices the commit made outside the server
    stand = _stand(anna, lambda s: s["felder"])
    assert stand["version"] == 1 and stand["probleme"] == []
    assert list(stand["felder"]) == ["f:datum"]
    [meldung] = stand["felder"]["f:datum"]
    assert meldung.endswith(f"{YAML}:4: „datum“: Den 2021-13-45 gibt es nicht im Kalender – prüfen Sie Tag und Monat.")
    assert anna.datei(PDF) == vorher
