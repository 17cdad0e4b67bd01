"""A Vorlage's whole way in real browsers (Chromium, through Playwright; issue 56, point 6), against the server started
as a process with its mail going to the test's SMTP server: the clerk (anna) sends it to the Kämmerei (karl), who
sends it back once with a comment; anna changes it and sends it again, karl signs; the Sitzungsdienst (sina) puts it
on the agenda, builds the bundle and publishes it – the ZIP holds no non-public item and no ENTWURF –; after the
meeting sina enters its result into the Niederschrift. git shows each step under its person, each mail arrives, and
at every step a person without the right is refused with the product's own message.

The dates: a sign-off is refused after the last Sitzung of the Beratungsfolge (mitzeichnen.BERATEN), a result before
the Sitzung has taken place (niederschriftseiten.NOCH_NICHT). The one day both pages allow is the day of the Sitzung
itself, so the Vorlage is decided by an Ausschuss that meets today: signed and put on the agenda in the morning, so to
speak, and its result entered in the evening – the same pages, in the same order, as over the weeks of a real way (a
run across midnight would find the Sitzung in the past and the sign-off refused)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile

import pypdf
import pytest

from tests.hilfen.postfach import post_an, postfach
from tests.hilfen.server import KENNWORT, NEU, gestartet, git, repository, zur_mitzeichnung
from vorlagen.server import mitzeichnen, niederschriftseiten, sitzungsdienst, vorlagenseiten
from vorlagen.server.protokoll import eintraege

WURZEL = "/__vorlagen/bearbeiten/"
MITZEICHNUNG = f"{WURZEL}mitzeichnung/{NEU}"
VORLAGE = f"{WURZEL}vorlage/{NEU}"
BETREFF = "Kommunales Integrationsmanagement – Stellen und Finanzierung"


def _angemeldet(browser, adresse: str, name: str, pfad: str):
    kontext = browser.new_context(accept_downloads=True)
    page = kontext.new_page()
    page.goto(adresse + pfad)
    page.fill('[name="benutzer"]', name)
    page.fill('[name="kennwort"]', KENNWORT)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(adresse + pfad)
    return kontext, page


def _gesendet(page, adresse: str, pfad: str, felder: dict[str, str]) -> tuple[int, str]:
    """A write sent with the person's own session and token, as a form of the page would send it: status and text."""
    token = page.locator('form.abmelden [name="token"]').input_value()
    antwort = page.request.post(
        adresse + pfad, form={"token": token, **felder}, headers={"Origin": adresse}, max_redirects=0
    )
    return antwort.status, antwort.text()


def _pdf_text(inhalt: bytes) -> str:
    return "\n".join(seite.extract_text() or "" for seite in pypdf.PdfReader(io.BytesIO(inhalt)).pages)


def _mitzeichnung(browser, adresse: str, fach, kontexte: list) -> None:
    """Sent, sent back with a comment, changed, sent again, signed – each write refused to one without the right."""
    from playwright.sync_api import expect

    kontext, anna = _angemeldet(browser, adresse, "anna", MITZEICHNUNG)
    kontexte.append(kontext)
    kontext, karl = _angemeldet(browser, adresse, "karl", f"{WURZEL}mitzeichnung/")
    kontexte.append(kontext)
    kontext, clara = _angemeldet(browser, adresse, "clara", f"{WURZEL}start")  # a clerk of another Amt
    kontexte.append(kontext)
    kontext, rita = _angemeldet(browser, adresse, "rita", f"{WURZEL}start")  # the Rechtsamt's sign-off
    kontexte.append(kontext)
    assert _gesendet(clara, adresse, f"{MITZEICHNUNG}/senden", {}) == (403, mitzeichnen.NUR_SACHBEARBEITUNG + "\n")
    anna.get_by_role("button", name="Zur Mitzeichnung senden").click()
    expect(anna.locator("p.gespeichert")).to_have_text(mitzeichnen.ERLEDIGT["gesendet"])
    an, brief = fach.warten(1)[0]
    assert (an, brief["Subject"]) == (["karl@stadt.example"], "Zur Mitzeichnung: Vorlage 2026/0001")
    # sent back by the Kämmerei, after the clerk may not do it in its name
    zurueck = {"rolle": "Kämmerei", "kommentar": "Nein"}
    kein_recht = mitzeichnen.KEIN_RECHT.format(rolle="Kämmerei") + "\n"
    assert _gesendet(anna, adresse, f"{MITZEICHNUNG}/zurueckgeben", zurueck) == (403, kein_recht)
    karl.reload()
    karl.locator("#wartend").get_by_role("link", name=NEU).click()
    expect(karl.locator("#pdf")).to_have_attribute("data-stand", "1", timeout=120_000)  # the first build
    karl.get_by_label("Kommentar zum Zurückgeben").fill("Bitte den Betreff kürzen.")
    karl.get_by_role("button", name="Zurückgeben").click()
    expect(karl.locator("p.gespeichert")).to_have_text(mitzeichnen.ERLEDIGT["zurückgegeben"])
    an, brief = fach.warten(2)[1]
    assert (an, brief["Subject"]) == (["anna@stadt.example"], f"Zurückgegeben: Vorlage {NEU} (Kämmerei)")
    assert "Bitte den Betreff kürzen." in brief.get_content()
    # changed by the clerk – not by one of another Amt – and sent again
    speichern = {"aktion": "speichern", "f:betreff": "Fremd"}
    assert _gesendet(clara, adresse, VORLAGE, speichern) == (403, vorlagenseiten.KEIN_RECHT + "\n")
    anna.goto(adresse + VORLAGE)
    expect(anna.locator("#mitzeichnungsstand")).to_contain_text("zurückgegeben von Kämmerei (Karl Kämmerer)")
    anna.fill('[name="f:betreff"]', BETREFF)
    anna.get_by_role("button", name="Speichern").first.click()
    anna.wait_for_url("**gespeichert=*")
    anna.goto(adresse + MITZEICHNUNG)
    anna.get_by_role("button", name="Zur Mitzeichnung senden").click()
    expect(anna.locator("p.gespeichert")).to_have_text(mitzeichnen.ERLEDIGT["gesendet"])
    assert [an for an, _ in fach.warten(3)] == [["karl@stadt.example"], ["anna@stadt.example"], ["karl@stadt.example"]]
    # signed by the Kämmerei; the Rechtsamt may not sign in its name
    assert _gesendet(rita, adresse, f"{MITZEICHNUNG}/zeichnen", {"rolle": "Kämmerei"}) == (403, kein_recht)
    karl.goto(adresse + MITZEICHNUNG)
    karl.get_by_role("button", name="Mitzeichnen als Kämmerei").click()
    expect(karl.locator("p.gespeichert[role=status]")).to_have_text(mitzeichnen.ERLEDIGT["gezeichnet"])
    expect(karl.locator("#zustand")).to_have_text("Stand: freigegeben.")


def _sitzung(browser, adresse: str, kennung: str, kontexte: list) -> dict[str, bytes]:
    """On the agenda, built and published by the Sitzungsdienst – each step refused to others; the ZIP's files."""
    from playwright.sync_api import expect

    seite = f"{WURZEL}sitzung/{kennung}"
    kontext, sina = _angemeldet(browser, adresse, "sina", seite)
    kontexte.append(kontext)
    kontext, karl = _angemeldet(browser, adresse, "karl", f"{WURZEL}start")
    kontexte.append(kontext)
    setzen = {"vorlage": "2026/0001", "top": "1", "teil": "oeffentlich", "stand": "x"}
    assert _gesendet(karl, adresse, f"{seite}/setzen", setzen) == (403, sitzungsdienst.KEIN_RECHT + "\n")
    for nummer, top, teil in (("2026/0001", "1", "oeffentlich"), ("2021/0130", "2", "nichtoeffentlich")):
        sina.select_option("#vorlage", nummer)
        sina.fill("#top", top)
        sina.select_option("#teil-s", teil)
        sina.get_by_role("button", name="Auf die Tagesordnung setzen").click()
        expect(sina.locator("p.gespeichert")).to_have_text(
            "Auf die Tagesordnung gesetzt – eingetragen als Commit unter Ihrem Namen."
        )
    for was in ("bauen", "veroeffentlichen"):
        assert _gesendet(karl, adresse, f"{seite}/{was}", {}) == (403, sitzungsdienst.KEIN_RECHT + "\n")
    sina.get_by_role("button", name="Tagesordnung, Mappe und Paket bauen").click()
    expect(sina.locator("#bau-fertig")).to_be_visible(timeout=300_000)
    expect(sina.locator("#draussen")).to_have_text("TOP 2: Vorlage 2021/0130 (nichtöffentlicher Teil)")
    with sina.expect_download() as geladen:
        sina.get_by_role("button", name="Paket veröffentlichen (als ZIP herunterladen)").click()
    with zipfile.ZipFile(geladen.value.path()) as archiv:
        return {name.removeprefix(f"{kennung}/"): archiv.read(name) for name in archiv.namelist()}


def _niederschrift(browser, adresse: str, kennung: str, kontexte: list) -> None:
    """After the meeting: the Niederschrift made and the result of TOP 1 entered by the Sitzungsdienst alone."""
    from playwright.sync_api import expect

    seite = f"{WURZEL}niederschrift/{kennung}"
    kontext, sina = _angemeldet(browser, adresse, "sina", seite)
    kontexte.append(kontext)
    kontext, anna = _angemeldet(browser, adresse, "anna", f"{WURZEL}start")
    kontexte.append(kontext)
    kopf = {"beginn": "15:00 Uhr", "ende": "16:10 Uhr", "vorsitz": "Frau Vorsitzende", "anzahl": "9"}
    assert _gesendet(anna, adresse, f"{seite}/kopf", kopf) == (403, niederschriftseiten.KEIN_RECHT + "\n")
    sina.get_by_label("Beginn", exact=True).fill(kopf["beginn"])
    sina.get_by_label("Ende", exact=True).fill(kopf["ende"])
    sina.get_by_label("Vorsitz", exact=True).fill(kopf["vorsitz"])
    sina.get_by_label("Anwesende stimmberechtigte Mitglieder").fill(kopf["anzahl"])
    sina.get_by_role("button", name="Niederschrift anlegen").click()
    expect(sina.locator("p.gespeichert")).to_have_text(niederschriftseiten.ERLEDIGT["angelegt"])
    eintragen = {"top": "1", "ergebnis": "abgesetzt"}
    assert _gesendet(anna, adresse, f"{seite}/eintragen", eintragen) == (403, niederschriftseiten.KEIN_RECHT + "\n")
    top = sina.locator('form[data-top="1"]')
    top.get_by_label("Ergebnis", exact=True).select_option("Beschluss")
    top.get_by_label("Abstimmung", exact=True).select_option("gezaehlt")
    top.get_by_label("Ja", exact=True).fill("8")
    top.get_by_label("Nein", exact=True).fill("0")
    top.get_by_label("Enthaltungen", exact=True).fill("1")
    top.get_by_role("button", name="Ergebnis zu TOP 1 eintragen").click()
    expect(sina.locator("p.gespeichert")).to_have_text(niederschriftseiten.ERLEDIGT["eingetragen"])
    expect(sina.locator('form[data-top="1"]').get_by_label("Ja", exact=True)).to_have_value("8")


@pytest.mark.langsam  # some 80 s alone: seven sign-ins, two builds of the Vorlage, the Sitzung's Mappen and bundle
def test_a_vorlage_goes_its_whole_way_each_step_under_its_person(browser, tmp_path):
    kennung = f"ASI-{dt.date.today()}"
    kontexte: list = []
    with postfach() as (fach, port):
        wurzel = repository(tmp_path / "repo")
        zur_mitzeichnung(wurzel, tage=0)
        post_an(wurzel, port)
        with gestartet(wurzel) as adresse:
            try:
                _mitzeichnung(browser, adresse, fach, kontexte)
                paket = _sitzung(browser, adresse, kennung, kontexte)
                _niederschrift(browser, adresse, kennung, kontexte)
            finally:
                for kontext in kontexte:
                    kontext.close()
        assert len(fach.briefe) == 3  # sent, sent back, sent again: no mail more
    # the bundle: the signed Vorlage as it prints now (no ENTWURF), its Anlage, nothing of the non-public TOP
    assert sorted(paket) == sorted(
        [
            "oparl.json",
            "sitzungsmappe.pdf",
            "tagesordnung.pdf",
            "vorlage-2026-0001-anlage-1.pdf",
            "vorlage-2026-0001.pdf",
            "SHA256SUMS",
        ]
    )
    vorlage = _pdf_text(paket["vorlage-2026-0001.pdf"])
    assert "Stellen und Finanzierung" in vorlage
    for name in ("vorlage-2026-0001.pdf", "sitzungsmappe.pdf", "tagesordnung.pdf"):
        assert "ENTWURF" not in _pdf_text(paket[name]), name
    assert all(b"2021-0130" not in inhalt and b"2021/0130" not in inhalt for inhalt in paket.values())
    assert git(wurzel, "log", "--format=%an: %s").splitlines() == [
        f"Sina Sommer: Niederschrift {kennung}: Ergebnis zu TOP 1 eingetragen (im Browser)",
        f"Sina Sommer: Niederschrift {kennung}: angelegt (im Browser)",
        f"Sina Sommer: Sitzung {kennung}: Vorlage 2021/0130 als TOP 2 auf die Tagesordnung gesetzt (nichtöffentlich) "
        "(im Browser)",
        f"Sina Sommer: Sitzung {kennung}: Vorlage 2026/0001 als TOP 1 auf die Tagesordnung gesetzt (öffentlich) "
        "(im Browser)",
        f"Karl Kämmerer: Vorlage {NEU}: mitgezeichnet als Kämmerei (im Browser)",
        f"Anna Amsel: Vorlage {NEU}: betreff geändert (im Browser)",
        "Einrichtung: Neue Vorlage",
        "Einrichtung: Beispiel",
    ]
    summe = hashlib.sha256(paket["SHA256SUMS"]).hexdigest()[:16]
    schritte = [(e[1], e[2]) for e in eintraege(wurzel / "vorlagen-server.sqlite") if e[2] != "Anmeldung"]
    assert schritte == [  # the audit log: each step under its person, no refused one
        ("anna", "Zur Mitzeichnung gesandt: Kämmerei"),
        ("karl", "Zurückgegeben als Kämmerei: Bitte den Betreff kürzen."),
        ("anna", "Speichern"),
        ("anna", "Zur Mitzeichnung gesandt: Kämmerei"),
        ("karl", "Mitzeichnung als Kämmerei"),
        ("sina", f"Sitzung {kennung}: Vorlage 2026/0001 als TOP 1 auf die Tagesordnung gesetzt (öffentlich)"),
        ("sina", f"Sitzung {kennung}: Vorlage 2021/0130 als TOP 2 auf die Tagesordnung gesetzt (nichtöffentlich)"),
        ("sina", f"Sitzungsmappen {kennung} gebaut"),
        ("sina", f"Veröffentlichungspaket {kennung} veröffentlicht (SHA256SUMS {summe})"),
        ("sina", f"Niederschrift {kennung}: angelegt (im Browser)"),
        ("sina", f"Niederschrift {kennung}: Ergebnis zu TOP 1 eingetragen (im Browser)"),
    ]
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""
