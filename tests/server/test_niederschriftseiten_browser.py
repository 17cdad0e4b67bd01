"""After the meeting in a real browser (Chromium, through Playwright) against the server started as a process (issue
56, points 5 and 6): the Sitzungsdienst opens the Niederschrift of the example's Kreisausschuss, enters the result of
TOP 2 – votes and a changed Beschluss –, builds Niederschrift and Auszüge with one click and reads the entered result
in the built Niederschrift; git shows the entry under her name; a clerk signed in beside her is refused."""

from __future__ import annotations

import pytest

from tests.hilfen.server import KENNWORT, gestartet, git, repository

SEITE = "/__vorlagen/bearbeiten/niederschrift/"
KA = f"{SEITE}KA-2021-06-21"


def _angemeldet(browser, adresse: str, name: str, pfad: str):
    kontext = browser.new_context()
    page = kontext.new_page()
    page.goto(adresse + pfad)
    page.fill('[name="benutzer"]', name)
    page.fill('[name="kennwort"]', KENNWORT)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(adresse + pfad)
    return kontext, page


@pytest.mark.langsam  # the server builds the example with its PDFs, the button builds again
def test_the_result_of_a_top_entered_and_built_into_the_niederschrift(browser, tmp_path):
    from playwright.sync_api import expect

    wurzel = repository(tmp_path / "repo")
    kontexte = []
    with gestartet(wurzel) as adresse:
        try:
            kontext_s, sina = _angemeldet(browser, adresse, "sina", "/__vorlagen/bearbeiten/start")
            kontext_a, anna = _angemeldet(browser, adresse, "anna", "/__vorlagen/bearbeiten/start")
            kontexte += [kontext_s, kontext_a]
            sina.get_by_role("link", name="Niederschriften: Ergebnisse eintragen").click()
            sina.get_by_role("link", name="Kreisausschuss am 21.06.2021").click()
            sina.wait_for_url(adresse + KA)
            top = sina.locator('form[data-top="2"]')
            expect(top.get_by_label("Ergebnis", exact=True)).to_have_value("Beschluss")
            expect(top.get_by_label("Ja", exact=True)).to_have_value("8")  # as the example's file records it
            top.get_by_label("Abstimmung", exact=True).select_option("gezaehlt")
            top.get_by_label("Ja", exact=True).fill("7")
            top.get_by_label("Nein", exact=True).fill("1")
            top.get_by_label("Enthaltungen", exact=True).fill("1")
            beschluss = "Der Kreisausschuss beschließt das Integrationsmanagement mit Bericht im Herbst."
            top.get_by_label("Geänderter Beschluss (Markdown)").fill(beschluss)
            top.get_by_role("button", name="Ergebnis zu TOP 2 eintragen").click()
            expect(sina.locator("p.gespeichert")).to_contain_text("Eingetragen – als Commit unter Ihrem Namen.")
            expect(sina.locator('form[data-top="2"]').get_by_label("Ja", exact=True)).to_have_value("7")
            assert git(wurzel, "log", "-1", "--format=%an|%s") == (
                "Sina Sommer|Niederschrift KA-2021-06-21: Ergebnis zu TOP 2 eingetragen (im Browser)\n"
            )
            # the clerk beside her: neither the page nor the write
            antwort = anna.request.get(adresse + KA)
            assert antwort.status == 403
            token = anna.locator('form.abmelden [name="token"]').input_value()
            antwort = anna.request.post(
                f"{adresse}{KA}/eintragen",
                form={"token": token, "top": "2", "ergebnis": "abgesetzt"},
                headers={"Origin": adresse},
                max_redirects=0,
            )
            assert (antwort.status, antwort.text()) == (
                403,
                "Ergebnisse in die Niederschrift eintragen darf nur der Sitzungsdienst – Ihr Konto hat dieses Recht "
                "nicht; nichts gespeichert.\n",
            )
            # built with one click: the Niederschrift prints what was entered, the Auszug is there
            sina.get_by_role("button", name="Niederschrift und Auszüge bauen").click()
            expect(sina.locator("p.gespeichert")).to_contain_text("Gebaut", timeout=300_000)
            expect(sina.get_by_role("link", name="Auszug zu TOP 2 (PDF)")).to_have_count(1)
            text = sina.request.get(
                adresse + sina.get_by_role("link", name="Niederschrift, vollständig (Text)").get_attribute("href")
            )
            assert text.status == 200
            assert beschluss in text.text()
            assert "mit 7 Ja-Stimmen, 1 Nein-Stimme und 1 Enthaltung angenommen" in text.text()
        finally:
            for kontext in kontexte:
                kontext.close()
