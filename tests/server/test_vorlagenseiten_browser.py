"""Two clerks in real browsers (Chromium, through Playwright) against the server started as a process (issue 55,
point 9): one signs in at the town's identity provider (OpenID Connect, a real provider the test starts), one with a
local account at /anmelden; both edit the same Vorlage; the changes to different fields are merged, the one field both changed is shown side by side with who wrote
the other, nothing is written until the second decides; the commits carry their authors; a person without the right
is refused."""

from __future__ import annotations

import re

import pytest

from tests.hilfen.server import KENNWORT, anbieter, gestartet, git, oidc_anmelden, repository

VORLAGE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
YAML = "data/vorlagen/2021-0123/vorlage.yaml"


@pytest.fixture
def server(tmp_path):
    wurzel = repository(tmp_path / "repo")
    with anbieter(wurzel), gestartet(wurzel) as adresse:
        yield adresse, wurzel


def _angemeldet(browser, adresse: str, name: str, oidc: bool = False):
    kontext = browser.new_context()
    page = kontext.new_page()
    page.goto(adresse + VORLAGE)
    assert page.title() == "Anmelden – vorlagen"  # without a session the page is the login
    if oidc:
        oidc_anmelden(page, name)
    else:
        page.fill('[name="benutzer"]', name)
        page.fill('[name="kennwort"]', KENNWORT)
        page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(adresse + VORLAGE)
    return kontext, page


def test_two_clerks_edit_the_same_vorlage_and_the_second_decides_side_by_side(browser, server):
    adresse, wurzel = server
    kontexte = []
    try:
        kontext_a, anna = _angemeldet(browser, adresse, "anna")
        kontext_b, hanna = _angemeldet(browser, adresse, "hanna", oidc=True)
        kontexte += [kontext_a, kontext_b]
        anna.fill('[name="f:betreff"]', "Betreff von Anna")
        text = anna.locator('[name="t:beschlussvorschlag.md"]')
        text.fill(text.input_value().replace("Der Ausschuss", "Der Fachausschuss"))
        hanna.fill('[name="f:betreff"]', "Betreff von Hanna")
        hanna.fill('[name="f:datum"]', "2021-05-28")
        anna.get_by_role("button", name="Speichern").first.click()
        anna.wait_for_url("**gespeichert=*")
        stand = (wurzel / YAML).read_bytes()
        hanna.get_by_role("button", name="Speichern").first.click()
        hanna.wait_for_selector("table.nebeneinander")
        zeile = hanna.locator("tr.frage")
        assert zeile.locator("th").inner_text() == "betreff"
        assert zeile.locator("pre.meins").inner_text() == "Betreff von Hanna"
        assert zeile.locator("pre.anderer").inner_text() == "Betreff von Anna"
        assert "Wert von Anna Amsel <anna@stadt.example>" in zeile.inner_text()
        assert (wurzel / YAML).read_bytes() == stand  # nothing written before the decision
        zeile.get_by_label("Ihr Wert").check()
        hanna.get_by_role("button", name="So speichern").click()
        hanna.wait_for_url("**gespeichert=*")
        assert hanna.locator('[name="f:betreff"]').input_value() == "Betreff von Hanna"
        assert hanna.locator('[name="f:datum"]').input_value() == "2021-05-28"
        assert "Der Fachausschuss" in hanna.locator('[name="t:beschlussvorschlag.md"]').input_value()
    finally:
        for kontext in kontexte:
            kontext.close()
    assert git(wurzel, "log", "--format=%an <%ae>: %s").splitlines() == [
        "Hanna Hahn <hanna@stadt.example>: Vorlage 2021-0123: datum, betreff geändert (im Browser)",
        "Anna Amsel <anna@stadt.example>: Vorlage 2021-0123: betreff, beschlussvorschlag.md geändert (im Browser)",
        "Einrichtung <it@stadt.example>: Beispiel",
    ]


def test_a_clerk_of_another_amt_is_refused_in_the_browser(browser, server):
    adresse, wurzel = server
    kontext, clara = _angemeldet(browser, adresse, "clara")
    try:
        clara.fill('[name="f:betreff"]', "Von Clara")
        clara.get_by_role("button", name="Speichern").first.click()
        clara.wait_for_load_state()
        assert "Diese Vorlage darf nur die Sachbearbeitung ihres federführenden Amts ändern" in clara.content()
    finally:
        kontext.close()
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""
    assert len(git(wurzel, "log", "--format=%H").splitlines()) == 1


def test_the_pdf_beside_the_form_follows_each_build_and_a_failed_one_is_said_at_its_field(browser, server):
    """Point 6: the save is built by the server's queue and the PDF frame shows the new build without reloading;
    the Word file is offered; a build that fails (here: a commit made outside the server) says its problem at the
    field it concerns, and the PDF stays the last good one."""
    from playwright.sync_api import expect

    adresse, wurzel = server
    kontext, anna = _angemeldet(browser, adresse, "anna")
    try:
        pdf = anna.locator("#pdf")
        expect(pdf).to_have_attribute("data-stand", "1", timeout=120_000)  # the first build, seen without reloading
        expect(anna.locator("#word")).to_be_visible()
        assert anna.locator("#word a").get_attribute("href") == "/vorlagen/2021-0123/2021-0123.docx"
        anna.fill('[name="f:betreff"]', "Betreff von Anna")
        anna.get_by_role("button", name="Speichern").first.click()
        anna.wait_for_url("**gespeichert=*")
        expect(pdf).to_have_attribute("data-stand", "2", timeout=120_000)
        assert pdf.get_attribute("src") == "/vorlagen/2021-0123/2021-0123.pdf?stand=2"
        yaml = wurzel / YAML
        yaml.write_text(yaml.read_text(encoding="utf-8").replace("datum: 2021-05-27", "datum: 2021-13-45"), "utf-8")
        git(wurzel, "-c", "user.name=Kollege", "-c", "user.email=k@stadt.example", "commit", "-qam", "von Hand")
        anna.reload()
        meldung = anna.locator('[name="f:datum"]').locator("xpath=ancestor::div[1]").locator("p.baumeldung")
        expect(meldung).to_have_text(re.compile(r"vorlage\.yaml:4: „datum“: Den 2021-13-45 gibt es nicht im Kalender"))
        expect(anna.locator("#bau")).to_have_text(
            "Der letzte Bau ist fehlgeschlagen – das PDF rechts zeigt den vorherigen Stand; gespeichert ist, was Sie "
            "gespeichert haben. Was ihn aufhält, steht bei den Feldern."
        )
        assert pdf.get_attribute("data-stand") == "2"  # the last good build stays
    finally:
        kontext.close()


def test_input_of_a_save_that_never_reached_the_server_is_offered_again(browser, server):
    """Point 5: the connection breaks as the clerk saves; back online, the page offers the input, shows it in the
    form (nothing written), and it is saved as the clerk's commit with „Speichern“."""
    from playwright.sync_api import expect

    adresse, wurzel = server
    vorher = (wurzel / YAML).read_bytes()
    kontext, anna = _angemeldet(browser, adresse, "anna")
    try:
        anna.fill('[name="f:betreff"]', "Betreff nach dem Abbruch")
        anna.wait_for_timeout(700)  # kept 300 ms after the last keystroke
        kontext.set_offline(True)
        anna.get_by_role("button", name="Speichern").first.click()
        anna.wait_for_load_state()
        kontext.set_offline(False)
        anna.goto(adresse + VORLAGE)
        angebot = anna.locator("#ungespeichert")
        expect(angebot).to_be_visible()
        assert anna.locator('[name="f:betreff"]').input_value() != "Betreff nach dem Abbruch"
        angebot.get_by_role("button", name="Eingaben wiederherstellen").click()
        expect(anna.locator('[name="f:betreff"]')).to_have_value("Betreff nach dem Abbruch")
        assert (wurzel / YAML).read_bytes() == vorher  # shown, not written
        anna.get_by_role("button", name="Speichern").first.click()
        anna.wait_for_url("**gespeichert=*")
        expect(anna.locator("#ungespeichert")).to_be_hidden()
        anna.reload()
        expect(anna.locator("#ungespeichert")).to_be_hidden()  # saved as typed: nothing left to offer
    finally:
        kontext.close()
    assert "betreff: Betreff nach dem Abbruch\n" in (wurzel / YAML).read_text(encoding="utf-8")
    assert (
        git(wurzel, "log", "-1", "--format=%an: %s") == "Anna Amsel: Vorlage 2021-0123: betreff geändert (im Browser)\n"
    )


def test_signing_out_leaves_no_input_in_the_window(browser, server):
    from playwright.sync_api import expect

    adresse, _ = server
    kontext, anna = _angemeldet(browser, adresse, "anna")
    try:
        anna.fill('[name="f:betreff"]', "Nicht gespeichert")
        anna.wait_for_timeout(700)
        assert anna.evaluate("Object.keys(sessionStorage).length") == 1
        anna.get_by_role("button", name="Abmelden").click()
        anna.wait_for_load_state()
        assert anna.evaluate("Object.keys(sessionStorage).length") == 0
        anna.goto(adresse + VORLAGE)
        anna.fill('[name="benutzer"]', "bert")
        anna.fill('[name="kennwort"]', KENNWORT)
        anna.get_by_role("button", name="Anmelden").click()
        anna.wait_for_url(adresse + VORLAGE)
        expect(anna.locator("#ungespeichert")).to_be_hidden()
    finally:
        kontext.close()
