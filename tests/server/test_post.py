"""E-mail through the mail server of [post] (issue 56, point 2): the roles a Vorlage is sent to for their sign-off
get a mail, and so does the clerk who sent it when it comes back – received by a local SMTP server the test starts
(aiosmtpd), never a real one; a bad [post] is refused before the server starts."""

from __future__ import annotations

import re

import pytest

from tests.hilfen.postfach import post_an
from tests.hilfen.postfach import postfach as offenes_postfach
from tests.hilfen.server import NEU, Klient, formular, gestartet, repository, zur_mitzeichnung
from vorlagen.server.konfiguration import Ungueltig, lesen

SEITE = f"/__vorlagen/bearbeiten/mitzeichnung/{NEU}"


@pytest.fixture
def postfach():
    with offenes_postfach() as fach:
        yield fach


def _token(klient: Klient) -> str:
    return formular(klient.holen("/__vorlagen/bearbeiten/start")[1], "/abmelden")["token"]


def test_sent_and_sent_back_arrive_as_mail(tmp_path, postfach):
    fach, port = postfach
    wurzel = repository(tmp_path / "repo")
    zur_mitzeichnung(wurzel)
    post_an(wurzel, port)
    with gestartet(wurzel) as adresse:
        anna, karl = Klient(adresse), Klient(adresse)
        assert anna.anmelden("anna") == 303 and karl.anmelden("karl") == 303
        assert anna.holen(f"{SEITE}/senden", {"token": _token(anna)})[0] == 303
        an, brief = fach.warten(1)[0]
        assert an == ["karl@stadt.example"]  # the Kämmerei's account, not the Rechtsamt's nor the clerks'
        assert (brief["From"], brief["Subject"]) == ("vorlagen@stadt.example", "Zur Mitzeichnung: Vorlage 2026/0001")
        inhalt = brief.get_content().replace("\r\n", "\n")  # SMTP carries CRLF
        assert "Anna Amsel sendet Ihnen die Vorlage 2026/0001 zur Mitzeichnung als Kämmerei:" in inhalt
        assert f"{adresse}{SEITE}\n" in inhalt
        felder = {"token": _token(karl), "rolle": "Kämmerei", "kommentar": "Die Deckung 2022 fehlt."}
        assert karl.holen(f"{SEITE}/zurueckgeben", felder)[0] == 303
        an, brief = fach.warten(2)[1]
        assert an == ["anna@stadt.example"]
        assert brief["Subject"] == f"Zurückgegeben: Vorlage {NEU} (Kämmerei)"
        assert (
            "Karl Kämmerer (Kämmerei) gibt die Vorlage zurück:\n\nDie Deckung 2022 fehlt.\n"
            in brief.get_content().replace("\r\n", "\n")
        )
    assert len(fach.briefe) == 2


@pytest.mark.parametrize(
    ("post", "meldung"),
    [
        ('server = "mail.stadt.example"\n', "„absender“ fehlt in [post] oder ist kein Text in Anführungszeichen"),
        ('server = "m"\nabsender = "v@s.example"\nport = "587"\n', "„port“ ist eine Zahl von 1 bis 65535"),
        ('server = "m"\nabsender = "v@s.example"\nbenutzer = "vorlagen"\n', "„benutzer“ und „kennwort“"),
        ('server = "m"\nabsender = "v@s.example"\nsmtp = "m"\n', "Unbekannte Angabe „smtp“ in [post]"),
    ],
)
def test_a_bad_post_section_is_refused(tmp_path, post, meldung):
    wurzel = repository(tmp_path / "repo")
    datei = wurzel / "vorlagen-server.toml"
    datei.write_text(datei.read_text(encoding="utf-8") + "\n[post]\n" + post, encoding="utf-8")
    with pytest.raises(Ungueltig) as abgelehnt:
        lesen(datei)
    assert meldung in str(abgelehnt.value)
    assert re.match(r".*vorlagen-server\.toml:\d+: ", str(abgelehnt.value))
