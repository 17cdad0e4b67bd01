"""History and comparison in a real browser (Chromium, through Playwright) against the server started as a
process (issue 56, point 3): Anna saves twice, opens the Vorlage's history from its page, chooses the first and the
last version, and sees her changes old → new – the Betreff in the header fields, the changed word in the text."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.hilfen.server import KENNWORT, gestartet, git, repository

VORLAGE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
YAML = "data/vorlagen/2021-0123/vorlage.yaml"


@pytest.fixture
def server(tmp_path):
    wurzel = repository(tmp_path / "repo")
    with gestartet(wurzel) as adresse:
        yield adresse, wurzel


def _speichern(page) -> None:
    page.get_by_role("button", name="Speichern").first.click()
    page.wait_for_url("**gespeichert=*")


def test_anna_saves_twice_and_compares_the_first_and_the_last_version(browser, server, tmp_path):
    from playwright.sync_api import expect

    adresse, wurzel = server
    bilder = Path(os.environ.get("VORLAGEN_BILDER") or tmp_path)  # the pages as a person sees them, to look at
    betreff_vorher = re.search(r"^betreff: (.*)$", (wurzel / YAML).read_text(encoding="utf-8"), re.M).group(1)
    kontext = browser.new_context(viewport={"width": 1280, "height": 1000})
    try:
        anna = kontext.new_page()
        anna.goto(adresse + VORLAGE)
        anna.fill('[name="benutzer"]', "anna")
        anna.fill('[name="kennwort"]', KENNWORT)
        anna.get_by_role("button", name="Anmelden").click()
        anna.wait_for_url(adresse + VORLAGE)
        text = anna.locator('[name="t:beschlussvorschlag.md"]')
        assert "Der Ausschuss für Soziales" in text.input_value()  # the seed's words
        text.fill(text.input_value().replace("Der Ausschuss für Soziales", "Der Fachausschuss für Soziales"))
        _speichern(anna)
        anna.fill('[name="f:betreff"]', "Betreff von Anna")
        _speichern(anna)
        anna.get_by_role("link", name="Verlauf und Vergleich der Fassungen").click()
        zeilen = anna.locator("tr.eintrag")
        expect(zeilen).to_have_count(3)
        anna.screenshot(path=bilder / "verlauf.png", full_page=True)
        assert [zeilen.nth(i).locator("td.wer").inner_text() for i in range(3)] == [
            "Anna Amsel",
            "Anna Amsel",
            "Einrichtung",
        ]
        zeilen.nth(2).locator('input[name="alt"]').check()  # the first version, before Anna's saves
        zeilen.nth(0).locator('input[name="neu"]').check()
        anna.get_by_role("button", name="Vergleichen").click()
        expect(anna.locator("h1")).to_have_text("Vorlage 2021-0123: Vergleich zweier Fassungen", timeout=120_000)
        abfrage = dict(teil.split("=") for teil in anna.url.split("?", 1)[1].split("&"))
        assert abfrage == {
            "alt": git(wurzel, "rev-list", "--max-parents=0", "HEAD").strip(),
            "neu": git(wurzel, "rev-parse", "HEAD").strip(),
        }
        betreff = anna.locator("table.kopfdaten tr", has=anna.locator("th", has_text=re.compile("^Betreff$")))
        expect(betreff.locator("td.alt")).to_have_text(betreff_vorher)
        expect(betreff.locator("td.neu")).to_have_text("Betreff von Anna")
        geaendert = anna.locator("ul.textaenderungen li.geaendert").filter(has_text="für Soziales")
        expect(geaendert.locator("del")).to_have_text("Ausschuss")
        expect(geaendert.locator("ins")).to_have_text("Fachausschuss")
        anna.screenshot(path=bilder / "vergleich.png", full_page=True)
        adresse_des_vergleichs = anna.url
    finally:
        kontext.close()
    # the address sent to a colleague of another Amt: nothing to see for her
    kontext = browser.new_context()
    try:
        clara = kontext.new_page()
        clara.goto(adresse_des_vergleichs)
        clara.fill('[name="benutzer"]', "clara")
        clara.fill('[name="kennwort"]', KENNWORT)
        clara.get_by_role("button", name="Anmelden").click()
        clara.wait_for_load_state()
        assert "Diese Seite gibt es nicht (oder Sie dürfen sie nicht sehen)" in clara.content()
        assert "Fachausschuss" not in clara.content()
    finally:
        kontext.close()
    assert len(git(wurzel, "log", "--format=%H").splitlines()) == 3
