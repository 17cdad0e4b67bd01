"""A sign-off in real browsers (Chromium, through Playwright) against the server started as a process (issue 56,
points 1 and 6): the clerk sends a Vorlage to the Kämmerei, the Kämmerei sends it back with a comment, the clerk
changes it and sends it again, the Kämmerei signs; git shows each change under its person, the audit log each
step; a reader and a clerk of another Amt are refused at each write."""

from __future__ import annotations

from tests.hilfen.server import KENNWORT, NEU, gestartet, git, repository, zur_mitzeichnung
from vorlagen.server.protokoll import eintraege

SEITE = f"/__vorlagen/bearbeiten/mitzeichnung/{NEU}"
VORLAGE = f"/__vorlagen/bearbeiten/vorlage/{NEU}"
PDF = f"/vorlagen/{NEU}/{NEU}.pdf"


def _angemeldet(browser, adresse: str, name: str, pfad: str):
    kontext = browser.new_context()
    page = kontext.new_page()
    page.goto(adresse + pfad)
    page.fill('[name="benutzer"]', name)
    page.fill('[name="kennwort"]', KENNWORT)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(adresse + pfad)
    return kontext, page


def _verweigert(page, adresse: str) -> list[int]:
    """The answers to each write of the sign-off page, sent with the person's own session and token."""
    token = page.locator('form.abmelden [name="token"]').input_value()
    kopf = {"Origin": adresse}
    felder = {"token": token, "rolle": "Kämmerei", "kommentar": "Nein"}
    return [
        page.request.post(f"{adresse}{SEITE}/{was}", form=felder, headers=kopf, max_redirects=0).status
        for was in ("senden", "zeichnen", "zurueckgeben")
    ]


def test_sent_back_once_changed_and_signed_each_step_under_its_person(browser, tmp_path):
    from playwright.sync_api import expect

    wurzel = repository(tmp_path / "repo")
    zur_mitzeichnung(wurzel)
    kontexte = []
    with gestartet(wurzel) as adresse:
        try:
            kontext_a, anna = _angemeldet(browser, adresse, "anna", VORLAGE)
            kontext_k, karl = _angemeldet(browser, adresse, "karl", "/__vorlagen/bearbeiten/mitzeichnung/")
            kontexte += [kontext_a, kontext_k]
            stand = anna.locator("#mitzeichnungsstand")
            expect(stand).to_contain_text("Mitzeichnung: noch nicht zur Mitzeichnung gesandt")
            expect(karl.locator("#wartend")).to_have_count(0)
            stand.get_by_role("link").click()
            anna.wait_for_url(adresse + SEITE)
            anna.get_by_role("button", name="Zur Mitzeichnung senden").click()
            expect(anna.locator("tr[data-rolle='Kämmerei'] td.ablauf")).to_contain_text(
                "zur Mitzeichnung gesandt von Anna Amsel"
            )
            # the Kämmerei's list, then the Vorlage's page with the PDF as it prints; sent back with a comment
            karl.reload()
            karl.locator("#wartend").get_by_role("link", name=NEU).click()
            assert karl.locator("#pdf").get_attribute("src").startswith(PDF + "?stand=")
            expect(karl.locator("#pdf")).to_have_attribute("data-stand", "1", timeout=120_000)  # the first build
            gedruckt = karl.request.get(adresse + PDF)
            assert (gedruckt.status, gedruckt.body()[:5]) == (200, b"%PDF-")
            expect(karl.get_by_role("button", name="Erneut mitzeichnen als Kämmerei")).to_have_count(0)
            karl.get_by_label("Kommentar zum Zurückgeben").fill("Bitte den Betreff kürzen.")
            karl.get_by_role("button", name="Zurückgeben").click()
            expect(karl.locator("p.gespeichert")).to_have_text(
                "Zurückgegeben – Ihr Kommentar steht beim Stand der Vorlage."
            )
            # the clerk sees it sent back, changes the Vorlage and sends it again
            anna.goto(adresse + VORLAGE)
            expect(stand).to_contain_text("Mitzeichnung: zurückgegeben von Kämmerei (Karl Kämmerer)")
            anna.fill('[name="f:betreff"]', "Kommunales Integrationsmanagement – Stellen und Finanzierung")
            anna.get_by_role("button", name="Speichern").first.click()
            anna.wait_for_url("**gespeichert=*")
            anna.goto(adresse + SEITE)
            expect(anna.locator("q.kommentar")).to_have_text("Bitte den Betreff kürzen.")
            anna.get_by_role("button", name="Zur Mitzeichnung senden").click()
            expect(anna.locator("p.gespeichert")).to_contain_text("Zur Mitzeichnung gesandt")
            # the Kämmerei signs what prints now: its name from the sign-in, no field to type one
            karl.goto(adresse + SEITE)
            assert karl.locator('[name="name"]').count() == 0
            expect(karl.locator("#pdf")).to_be_attached()
            karl.get_by_role("button", name="Mitzeichnen als Kämmerei").click()
            expect(karl.locator("tr[data-rolle='Kämmerei'] td.zustand")).to_contain_text("gültig (Karl Kämmerer,")
            expect(karl.locator("#zustand")).to_have_text("Stand: freigegeben.")
            # a reader and a clerk of another Amt: refused at each write, with their own session and token
            for name in ("lena", "clara"):
                kontext, page = _angemeldet(browser, adresse, name, VORLAGE)
                kontexte.append(kontext)
                expect(page.locator("#mitzeichnungsstand")).to_have_text("Mitzeichnung: mitgezeichnet von Kämmerei")
                assert page.request.get(adresse + SEITE).status == 404  # the draft's report is not for them
                assert _verweigert(page, adresse) == [403, 403, 403]
        finally:
            for kontext in kontexte:
                kontext.close()
    assert git(wurzel, "log", "--format=%an: %s").splitlines() == [
        f"Karl Kämmerer: Vorlage {NEU}: mitgezeichnet als Kämmerei (im Browser)",
        f"Anna Amsel: Vorlage {NEU}: betreff geändert (im Browser)",
        "Einrichtung: Neue Vorlage",
        "Einrichtung: Beispiel",
    ]
    schritte = [(e[1], e[2]) for e in eintraege(wurzel / "vorlagen-server.sqlite") if e[3] == NEU]
    assert schritte == [
        ("anna", "Zur Mitzeichnung gesandt: Kämmerei"),
        ("karl", "Zurückgegeben als Kämmerei: Bitte den Betreff kürzen."),
        ("anna", "Speichern"),
        ("anna", "Zur Mitzeichnung gesandt: Kämmerei"),
        ("karl", "Mitzeichnung als Kämmerei"),
    ]
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""
