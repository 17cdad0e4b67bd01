"""The reverse proxy's user header (issue 55, point 2): believed only from the configured proxy addresses – then
the person is signed in, with the rights of the configuration, and saves as themselves; from any other address the
same header counts for nothing."""

from __future__ import annotations

import pytest

from tests.hilfen.server import Klient, formular, gestartet, git, repository

VORLAGE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
RECHT = '\n[[recht]]\nperson = "meise@STADT.EXAMPLE"\nrolle = "Sachbearbeitung"\namt = "KI"\n'


def _mit_proxy(wurzel, proxys: str) -> None:
    datei = wurzel / "vorlagen-server.toml"
    text = datei.read_text(encoding="utf-8")
    text = text.replace(
        '# proxy_kopf = "X-Remote-User"\n# proxys = ["127.0.0.1"]\n',
        f'proxy_kopf = "X-Remote-User"\nproxys = [{proxys}]\n',
    )
    datei.write_text(text + RECHT, encoding="utf-8")


@pytest.fixture
def wurzel(tmp_path):
    return repository(tmp_path / "repo")


def test_the_header_from_a_configured_proxy_signs_in_and_saves_as_that_person(wurzel):
    _mit_proxy(wurzel, '"127.0.0.1"')
    with gestartet(wurzel) as adresse:
        proxy = Klient(adresse)
        kopf = {"X-Remote-User": "meise@STADT.EXAMPLE"}
        status, seite, _ = proxy.holen(VORLAGE, kopf=kopf)
        assert status == 200 and "Angemeldet: meise@STADT.EXAMPLE (meise@STADT.EXAMPLE)" in seite
        felder = formular(seite, VORLAGE) | {"f:betreff": "Über den Proxy"}
        status, _, _ = proxy.holen(VORLAGE, felder, kopf)
        assert status == 303
        # without its session's token the header alone writes nothing (a page of another site cannot read it)
        assert Klient(adresse).holen(VORLAGE, felder | {"f:betreff": "Fremd"}, kopf)[0] == 403
    assert git(wurzel, "log", "-1", "--format=%an <%ae>|%s") == (
        "meise@STADT.EXAMPLE <meise@STADT.EXAMPLE>|Vorlage 2021-0123: betreff geändert (im Browser)\n"
    )


def test_the_header_from_any_other_address_counts_for_nothing(wurzel):
    _mit_proxy(wurzel, '"127.0.0.2"')  # the proxy is elsewhere: this client (127.0.0.1) is not it
    with gestartet(wurzel) as adresse:
        status, seite, _ = Klient(adresse).holen(VORLAGE, kopf={"X-Remote-User": "anna"})
        assert status == 401 and '<form method="post" action="/anmelden"' in seite
