"""The Sitzungsdienst's way in a real browser (Chromium, through Playwright; issue 56, points 4 and 6): from the start
page to the Sitzung's page, a released Vorlage put on the public part and a non-public one on the non-public part,
agenda, Mappen and publish bundle built with one click, the bundle's contents seen – no non-public item in it – and
the bundle published as a ZIP whose SHA256SUMS hold – against the server as a process of its own, as IT runs it.
Who may not do any of it, and each refusal: test_sitzungsdienst.py."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile

import pytest

from tests.hilfen.server import KENNWORT, gestartet, git, repository, zur_mitzeichnung
from vorlagen.server.protokoll import eintraege

START = "/__vorlagen/bearbeiten/start"
# the bundle of a Sitzung with 2021/0123 (one Anlage) in its public part, as the handbook names its files
PAKET = [
    "oparl.json",
    "sitzungsmappe.pdf",
    "tagesordnung.pdf",
    "vorlage-2021-0123-anlage-1.pdf",
    "vorlage-2021-0123.pdf",
    "SHA256SUMS",
]


def _angemeldet(browser, adresse: str, name: str):
    kontext = browser.new_context(accept_downloads=True)
    page = kontext.new_page()
    page.goto(adresse + START)
    page.fill('[name="benutzer"]', name)
    page.fill('[name="kennwort"]', KENNWORT)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(adresse + START)
    return kontext, page


def _setzen(page, nummer: str, top: str, teil: str) -> None:
    from playwright.sync_api import expect

    page.select_option("#vorlage", nummer)
    page.fill("#top", top)
    page.select_option("#teil-s", teil)
    page.get_by_role("button", name="Auf die Tagesordnung setzen").click()
    expect(page.locator("p.gespeichert")).to_have_text(
        "Auf die Tagesordnung gesetzt – eingetragen als Commit unter Ihrem Namen."
    )


@pytest.mark.langsam  # some 25 s: the sign-ins, the first composing of a Vorlage in the process, two builds
def test_the_sitzungsdienst_puts_a_vorlage_on_the_agenda_builds_and_publishes(browser, tmp_path):
    from playwright.sync_api import expect

    wurzel = repository(tmp_path / "repo")
    zur_mitzeichnung(wurzel)
    tag = dt.date.today() + dt.timedelta(days=40)
    kennung = f"ASI-{tag}"
    kontexte = []
    with gestartet(wurzel) as adresse:
        try:
            kontext, sina = _angemeldet(browser, adresse, "sina")
            kontexte.append(kontext)
            sina.get_by_role("link", name=f"Ausschuss für Soziales und Integration am {tag:%d.%m.%Y}").click()
            sina.wait_for_url(f"{adresse}/__vorlagen/bearbeiten/sitzung/{kennung}")
            expect(sina.locator("#kein-paket")).to_be_visible()
            _setzen(sina, "2021/0123", "1", "oeffentlich")
            _setzen(sina, "2021/0130", "2", "nichtoeffentlich")
            zeilen = sina.locator("#tagesordnung tbody tr")
            expect(zeilen).to_have_count(2)
            assert zeilen.nth(1).get_attribute("data-teil") == "nichtoeffentlich"
            sina.get_by_role("button", name="Tagesordnung, Mappe und Paket bauen").click()
            expect(sina.locator("#bau-fertig")).to_be_visible(timeout=120_000)
            dateien = sina.locator("#paket tbody tr")
            assert [dateien.nth(i).get_attribute("data-datei") for i in range(dateien.count())] == PAKET
            assert set(sina.locator("#paket td.oeffentlich").all_inner_texts()) == {"ja"}
            assert "2021-0130" not in sina.locator("#paket").inner_text()
            assert "2021/0130" not in sina.locator("#paket").inner_text()
            expect(sina.locator("#draussen")).to_have_text("TOP 2: Vorlage 2021/0130 (nichtöffentlicher Teil)")
            with sina.expect_download() as geladen:
                sina.get_by_role("button", name="Paket veröffentlichen (als ZIP herunterladen)").click()
            assert geladen.value.suggested_filename == f"veroeffentlichung-{kennung}.zip"
            with zipfile.ZipFile(geladen.value.path()) as archiv:
                inhalt = {name.removeprefix(f"{kennung}/"): archiv.read(name) for name in archiv.namelist()}
            assert sorted(inhalt) == sorted(PAKET)
            summen = inhalt["SHA256SUMS"].decode().splitlines()
            assert summen == [f"{hashlib.sha256(inhalt[n]).hexdigest()}  {n}" for n in sorted(PAKET[:-1])]
            assert b"2021-0130" not in inhalt["oparl.json"] and b"2021/0130" not in inhalt["oparl.json"]
            sina.reload()
            expect(sina.locator("#veroeffentlicht li")).to_contain_text("von sina")
        finally:
            for kontext in kontexte:
                kontext.close()
    assert git(wurzel, "log", "-2", "--format=%an: %s").splitlines() == [
        f"Sina Sommer: Sitzung {kennung}: Vorlage 2021/0130 als TOP 2 auf die Tagesordnung gesetzt (nichtöffentlich) "
        "(im Browser)",
        f"Sina Sommer: Sitzung {kennung}: Vorlage 2021/0123 als TOP 1 auf die Tagesordnung gesetzt (öffentlich) "
        "(im Browser)",
    ]
    ereignisse = [e[2] for e in eintraege(wurzel / "vorlagen-server.sqlite") if e[1] == "sina"]
    assert ereignisse[-2:] == [
        f"Sitzungsmappen {kennung} gebaut",
        f"Veröffentlichungspaket {kennung} veröffentlicht (SHA256SUMS {hashlib.sha256(inhalt['SHA256SUMS']).hexdigest()[:16]})",
    ]
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""
