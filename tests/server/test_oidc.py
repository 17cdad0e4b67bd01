"""Signing in with OpenID Connect (issue 55, point 2) against a real provider the tests start (the certified npm
package oidc-provider on the machine's Node): the clerk goes through the provider's own pages, comes back signed
in with the name, e-mail and groups it names, and saves as themselves; a group without a right sees nothing; a way
back that was not begun here is refused."""

from __future__ import annotations

import pytest

from tests.hilfen.server import Klient, anbieter, gestartet, git, oidc_anmelden, repository

VORLAGE = "/__vorlagen/bearbeiten/vorlage/2021-0123"


@pytest.fixture
def server(tmp_path):
    wurzel = repository(tmp_path / "repo")
    with anbieter(wurzel), gestartet(wurzel) as adresse:
        yield adresse, wurzel


def test_a_clerk_signs_in_at_the_provider_and_saves_as_themselves(browser, server):
    adresse, wurzel = server
    kontext = browser.new_context()
    try:
        page = kontext.new_page()
        page.goto(adresse + VORLAGE)
        oidc_anmelden(page, "hanna")
        page.wait_for_url(adresse + VORLAGE)
        assert "Angemeldet: Hanna Hahn (hanna)" in page.content()
        page.fill('[name="f:betreff"]', "Betreff von Hanna")
        page.get_by_role("button", name="Speichern").first.click()
        page.wait_for_url("**gespeichert=*")
    finally:
        kontext.close()
    assert git(wurzel, "log", "-1", "--format=%an <%ae>|%cn <%ce>") == (
        "Hanna Hahn <hanna@stadt.example>|Hanna Hahn <hanna@stadt.example>\n"
    )


def test_a_group_without_a_right_sees_no_vorlage(browser, server):
    adresse, _ = server
    kontext = browser.new_context()
    try:
        page = kontext.new_page()
        page.goto(adresse + "/__vorlagen/bearbeiten/")
        oidc_anmelden(page, "otto")
        page.wait_for_url(adresse + "/__vorlagen/bearbeiten/")
        assert "Angemeldet: Otto Ohne (otto)" in page.content()
        assert page.locator("table.liste tbody a").count() == 0
        assert page.goto(adresse + VORLAGE).status == 404
    finally:
        kontext.close()


def test_a_way_back_not_begun_here_is_refused(server):
    adresse, _ = server
    status, seite, _ = Klient(adresse).holen("/anmelden/oidc/zurueck?code=erfunden&state=erfunden")
    assert status == 403
    assert (
        "Diese Anmeldung ist abgelaufen oder gehört nicht zu diesem Browser – melden Sie sich noch einmal an." in seite
    )
