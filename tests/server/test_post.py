"""E-mail through the mail server of [post] (issue 56, point 2): the roles a Vorlage is sent to for their sign-off
get a mail, and so does the clerk who sent it when it comes back – received by a local SMTP server the test starts
(aiosmtpd), never a real one; a bad [post] is refused before the server starts."""

from __future__ import annotations

import email
import email.policy
import re
import time

import pytest

from tests.hilfen import free_port
from tests.hilfen.server import NEU, Klient, formular, gestartet, repository, zur_mitzeichnung
from vorlagen.server.konfiguration import Ungueltig, lesen

SEITE = f"/__vorlagen/bearbeiten/mitzeichnung/{NEU}"


class _Postfach:
    """What the test's SMTP server received: (envelope recipients, message)."""

    def __init__(self):
        self.briefe: list[tuple[list[str], email.message.Message]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 – aiosmtpd's name
        self.briefe.append(
            (list(envelope.rcpt_tos), email.message_from_bytes(envelope.content, policy=email.policy.default))
        )
        return "250 OK"

    def warten(self, anzahl: int) -> list[tuple[list[str], email.message.Message]]:
        ende = time.monotonic() + 60
        while len(self.briefe) < anzahl and time.monotonic() < ende:
            time.sleep(0.2)
        return self.briefe


@pytest.fixture
def postfach():
    from aiosmtpd.controller import Controller

    fach = _Postfach()
    controller = Controller(fach, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield fach, controller.port
    finally:
        controller.stop()


def _token(klient: Klient) -> str:
    return formular(klient.holen("/__vorlagen/bearbeiten/start")[1], "/abmelden")["token"]


def test_sent_and_sent_back_arrive_as_mail(tmp_path, postfach):
    fach, port = postfach
    wurzel = repository(tmp_path / "repo")
    zur_mitzeichnung(wurzel)
    datei = wurzel / "vorlagen-server.toml"
    datei.write_text(
        datei.read_text(encoding="utf-8")
        + f'\n[post]\nserver = "127.0.0.1"\nport = {port}\nabsender = "vorlagen@stadt.example"\n',
        encoding="utf-8",
    )
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
