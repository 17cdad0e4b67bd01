"""Kerberos single sign-on through the reverse proxy, for real (issue 55, point 2): a KDC of the test's own realm,
people with their tickets from kinit, Apache with mod_auth_gssapi configured with the handbook's own `<Location />`
block in front of the server, and curl with `--negotiate` as the handbook's check says. The signed-in person saves
as themselves; no header a client sends makes them someone else; without a ticket nothing reaches the server."""

from __future__ import annotations

import subprocess
import urllib.parse
from pathlib import Path

import pytest

from tests.hilfen import free_port, kerberos
from tests.hilfen.server import formular, gestartet, git, repository

VORLAGE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
AMSEL = f"amsel@{kerberos.REALM}"
FINK = f"fink@{kerberos.REALM}"
RECHT = f'\n[[recht]]\nperson = "{AMSEL}"\nrolle = "Sachbearbeitung"\namt = "KI"\n'


class Curl:
    """curl as a person at their desk: their ticket, their cookies, Negotiate against the proxy."""

    def __init__(self, adresse: str, umgebung: dict[str, str], ordner: Path, name: str):
        self.adresse, self.umgebung = adresse, umgebung
        self.dose, self.koerper = ordner / f"cookies-{name}", ordner / f"antwort-{name}"

    def holen(self, pfad: str, daten: dict | None = None, kopf: dict | None = None) -> tuple[int, str]:
        befehl = [
            "curl",
            "-s",
            "--max-time",
            "60",
            "--negotiate",
            "-u",
            ":",
            "-c",
            str(self.dose),
            "-b",
            str(self.dose),
        ]
        befehl += ["-o", str(self.koerper), "-w", "%{http_code}"]
        for name, wert in (kopf or {}).items():
            befehl += ["-H", f"{name}: {wert}"]
        if daten is not None:
            befehl += ["-H", f"Origin: {self.adresse}", "-H", "Content-Type: application/x-www-form-urlencoded"]
            befehl += ["--data-binary", urllib.parse.urlencode(daten)]
        fertig = subprocess.run(
            [*befehl, self.adresse + pfad], env=self.umgebung, capture_output=True, text=True, timeout=90, check=False
        )
        assert fertig.returncode == 0, fertig.stderr
        text = self.koerper.read_text(encoding="utf-8") if self.koerper.exists() else ""
        return int(fertig.stdout), text


@pytest.fixture(scope="module")
def anmeldung(tmp_path_factory):
    """The realm with the proxy's service key and two people, Apache before the server, the server running."""
    fehlt = kerberos.fehlende_programme()
    assert not fehlt, f"Es fehlt: {', '.join(fehlt)} – richten Sie die Tests mit scripts/setup.sh --test ein."
    ordner = tmp_path_factory.mktemp("kerberos")
    wurzel = repository(ordner / "repo")
    with kerberos.bereich() as bereich:
        keytab = bereich.ordner / "vorlagen.keytab"
        bereich.prinzipal("HTTP/localhost", keytab=keytab)
        bereich.prinzipal("amsel", "amsel-kennwort")
        bereich.prinzipal("fink", "fink-kennwort")
        port = free_port()
        datei = wurzel / "vorlagen-server.toml"
        text = datei.read_text(encoding="utf-8")
        dienst = int(text.split("\nport = ")[1].split("\n")[0])
        text = text.replace(f'oeffentlich = "http://127.0.0.1:{dienst}"', f'oeffentlich = "http://localhost:{port}"')
        text = text.replace(
            '# proxy_kopf = "X-Remote-User"\n# proxys = ["127.0.0.1"]\n',
            'proxy_kopf = "X-Remote-User"\nproxys = ["127.0.0.1"]\n',
        )
        datei.write_text(text + RECHT, encoding="utf-8")
        location = kerberos.location_des_handbuchs()
        with gestartet(wurzel), kerberos.apache(bereich, port, dienst, location, keytab):
            adresse = f"http://localhost:{port}"
            yield {
                "wurzel": wurzel,
                "amsel": Curl(adresse, bereich.ticket("amsel", "amsel-kennwort"), ordner, "amsel"),
                "fink": Curl(adresse, bereich.ticket("fink", "fink-kennwort"), ordner, "fink"),
                "ohne": Curl(adresse, bereich.umgebung, ordner, "ohne"),
            }


def test_a_person_with_a_ticket_is_signed_in_by_the_proxy_and_saves_as_themselves(anmeldung):
    amsel = anmeldung["amsel"]
    status, seite = amsel.holen(VORLAGE)
    assert status == 200 and f"Angemeldet: {AMSEL}" in seite
    felder = formular(seite, VORLAGE) | {"f:betreff": "Über Kerberos angemeldet"}
    assert amsel.holen(VORLAGE, felder)[0] == 303
    assert git(anmeldung["wurzel"], "log", "-1", "--format=%an|%s") == (
        f"{AMSEL}|Vorlage 2021-0123: betreff geändert (im Browser)\n"
    )


def test_no_header_a_client_sends_makes_it_someone_else(anmeldung):
    # the proxy sets the header itself, over one the browser sent – in either spelling a server might read as it
    kopf = {"X-Remote-User": FINK, "X_Remote_User": FINK}
    status, seite = anmeldung["amsel"].holen(VORLAGE, kopf=kopf)
    assert status == 200 and f"Angemeldet: {AMSEL}" in seite and FINK not in seite


def test_without_a_ticket_the_proxy_lets_nothing_through(anmeldung):
    vorher = git(anmeldung["wurzel"], "rev-parse", "HEAD")
    ohne = anmeldung["ohne"]
    for kopf in ({}, {"X-Remote-User": AMSEL}):
        status, seite = ohne.holen(VORLAGE, kopf=kopf)
        assert status == 401 and "Angemeldet" not in seite
    assert ohne.holen(VORLAGE, {"f:betreff": "Ohne Ticket"}, {"X-Remote-User": AMSEL})[0] == 401
    assert git(anmeldung["wurzel"], "rev-parse", "HEAD") == vorher


def test_a_person_the_configuration_gives_no_right_sees_no_vorlage_and_writes_nothing(anmeldung):
    vorher = git(anmeldung["wurzel"], "rev-parse", "HEAD")
    fink = anmeldung["fink"]
    status, seite = fink.holen(VORLAGE)
    assert status == 404 and "Diese Seite gibt es nicht (oder Sie dürfen sie nicht sehen)" in seite
    assert fink.holen(VORLAGE, {"f:betreff": "Fremd"})[0] in (403, 404)
    assert git(anmeldung["wurzel"], "rev-parse", "HEAD") == vorher
