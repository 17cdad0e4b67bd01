"""The editing side of the preview in a real browser (headless Chromium), on a server in this process without builds:
a save writes exactly the edits; a foreign page, a stale file and an invalid value are refused with German words."""

from __future__ import annotations

import difflib
import http.client
import re
import urllib.parse

import pytest

from tests.hilfen import DATA, edit
from tests.hilfen.vorschau import im_hintergrund
from vorlagen.building.bearbeiten.routen import Bearbeiten
from vorlagen.building.vorschauseiten import State, server

SEITE = "/__vorlagen/bearbeiten/vorlage/2021-0123"


@pytest.fixture
def editor(data, tmp_path):
    """The editing side of a preview on a copy of the example (nothing is built: the PDF frame stays empty)."""
    (tmp_path / "output").mkdir()
    state = State()  # what a build publishes (a test publishes it by hand)
    httpd = server(tmp_path / "output", state, 0, Bearbeiten(data, lambda: state.version))
    httpd.state = state
    with im_hintergrund(httpd):
        yield f"http://127.0.0.1:{httpd.port}", httpd


def _aenderungen(data) -> list[str]:
    """Every changed line of the data folder against the example, as git diff shows them."""
    lines = []
    for path in sorted(data.rglob("*")):
        if path.is_file():
            original = DATA / path.relative_to(data)
            old = original.read_text(encoding="utf-8").splitlines() if original.is_file() else []
            new = path.read_text(encoding="utf-8").splitlines()
            diff = difflib.unified_diff(old, new, lineterm="", n=0)
            lines += [
                f"{path.relative_to(data).as_posix()}: {line}"
                for line in diff
                if line[:1] in "+-" and line[1:3] not in ("++", "--")
            ]
    return lines


def test_a_save_writes_exactly_the_edits(browser, editor, data):
    url, _ = editor
    page = browser.new_page()
    page.goto(url + SEITE)
    page.get_by_label("Betreff", exact=True).fill("KIM – Stellen und Finanzierung bis Ende 2022")
    text = page.get_by_label("vorbemerkungen.md", exact=True)
    text.fill(text.input_value() + "\nEin neuer Satz.\n")
    page.get_by_role("button", name="Speichern").first.click()
    page.wait_for_url(re.compile(r"gespeichert="))
    assert page.get_by_role("status").inner_text() == (
        "Gespeichert: vorbemerkungen.md, vorlage.yaml. Die Vorschau baut die Vorlage neu; das PDF rechts zeigt sie "
        "gleich."
    )
    assert _aenderungen(data) == [
        "vorlagen/2021-0123/vorbemerkungen.md: +",
        "vorlagen/2021-0123/vorbemerkungen.md: +Ein neuer Satz.",
        "vorlagen/2021-0123/vorlage.yaml: -betreff: Kommunales Integrationsmanagement (KIM) – Stellenbesetzung und "
        "Finanzierung bis Ende 2022",
        "vorlagen/2021-0123/vorlage.yaml: +betreff: KIM – Stellen und Finanzierung bis Ende 2022",
    ]


def test_a_file_changed_since_the_form_was_opened_is_never_overwritten(browser, editor, data):
    url, _ = editor
    page = browser.new_page()
    page.goto(url + SEITE)
    page.get_by_label("Betreff", exact=True).fill("Mein Betreff")
    edit(data / "vorlagen/2021-0123/vorlage.yaml", "datum: 2021-05-27", "datum: 2021-05-28")  # a colleague, meanwhile
    page.get_by_role("button", name="Speichern").first.click()
    alert = page.locator(".konflikt")
    assert alert.locator("h2").inner_text() == "Die Dateien haben sich geändert, seit Sie das Formular geöffnet haben"
    assert "-datum: 2021-05-27\n+datum: 2021-05-28" in alert.locator("pre").inner_text()
    assert page.get_by_role("link", name="Neu laden").get_attribute("href") == SEITE
    assert _aenderungen(data) == [
        "vorlagen/2021-0123/vorlage.yaml: -datum: 2021-05-27",
        "vorlagen/2021-0123/vorlage.yaml: +datum: 2021-05-28",
    ]


def test_an_invalid_value_is_shown_at_its_field_with_the_words_of_pruefen_and_not_written(browser, editor, data):
    url, _ = editor
    page = browser.new_page()
    page.goto(url + SEITE)
    page.get_by_label("federführendes Amt").fill("KJ")
    page.get_by_label("Anzahl").first.fill("3.500")
    page.get_by_role("button", name="Speichern").first.click()
    anzahl = page.locator(".feld", has=page.get_by_label("Anzahl").first)
    assert anzahl.locator(".meldung").inner_text() == (
        "„anzahl“: „3.500“ lässt sich zweifach lesen: mit Tausenderpunkt als 3500, mit Dezimalpunkt als 3,500; "
        "gemeint ist nur eines – schreiben Sie 3500 oder 3,500."
    )
    page.get_by_label("Anzahl").first.fill("3,5")
    page.get_by_role("button", name="Speichern").first.click()
    amt = page.locator(".feld", has=page.get_by_label("federführendes Amt"))
    assert amt.locator(".meldung").inner_text() == (
        "data/vorlagen/2021-0123/vorlage.yaml:5: Unbekanntes Amt „KJ“ – tragen Sie es in koerperschaft.yaml unter "
        "„aemter“ ein."
    )
    assert page.get_by_label("federführendes Amt").get_attribute("aria-invalid") == "true"
    assert _aenderungen(data) == []


def _post(url: str, path: str, felder: dict[str, str], headers: dict[str, str]) -> tuple[int, str]:
    host = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=20)
    body = urllib.parse.urlencode(felder)
    connection.request(
        "POST", path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded", **headers}
    )
    response = connection.getresponse()
    answer = response.status, response.read().decode("utf-8")
    connection.close()
    return answer


def test_a_write_needs_the_page_of_the_preview_and_its_token(editor, data):
    url, httpd = editor
    port = httpd.port
    token = httpd.RequestHandlerClass.func.bearbeiten.sitzung.token
    eigene = {"Origin": url}
    formular = {"aktion": "speichern", "entwurf": ""}
    mit = f"?token={token}"  # the token goes in the address: checked from the head, before the body is read
    assert _post(url, SEITE + mit, formular, {"Origin": "https://attacker.example"}) == (
        403,
        "Die Vorschau antwortet nicht auf Anfragen anderer Webseiten – öffnen Sie "
        f"http://127.0.0.1:{port}/ selbst in der Adresszeile dieses Rechners.\n",
    )
    assert _post(url, SEITE + mit, formular, {}) == (
        403,
        "Gespeichert wird nur aus den Seiten der Vorschau selbst – öffnen Sie "
        f"http://127.0.0.1:{port}/__vorlagen/bearbeiten/.\n",
    )
    abgelaufen = (
        403,
        "Dieses Formular gehört zu einer früheren Vorschau (oder zu keiner) – laden Sie die Seite neu; Ihre Eingaben "
        "sind nicht gespeichert.\n",
    )
    assert _post(url, f"{SEITE}?token={token[:-1]}x", formular, eigene) == abgelaufen
    assert _post(url, SEITE, {**formular, "token": token}, eigene) == abgelaufen  # in the body it comes too late
    assert _post(url, "/__vorlagen/bearbeiten/vorlage/..%2F..%2Fkoerperschaft.yaml" + mit, formular, eigene)[0] == 404
    assert _post(url, "/__vorlagen/bearbeiten/vorlage/gibt-es-nicht" + mit, formular, eigene)[0] == 404
    assert _aenderungen(data) == []


def test_an_invalid_formula_is_refused_at_its_field_while_typed_and_when_saved(browser, editor, data):
    from playwright.sync_api import expect

    url, _ = editor
    page = browser.new_page()
    page.goto(url + SEITE)
    page.get_by_role("button", name="Zu „Benannte Zahlen“ hinzufügen").click()
    zahl = page.locator("#g-zahlen\\.0")
    zahl.get_by_label("Name (für Texte und Formeln)").fill("quote")
    zahl.get_by_label("Formel", exact=True).fill("finanzierung.m1-steuerung.eigenanteil *")
    meldung = "Zahl „quote“: Die Formel endet zu früh – es fehlt ein Wert oder eine schließende Klammer."
    expect(zahl.locator("output.formelwert")).to_have_text(
        f"data/vorlagen/2021-0123/vorlage.yaml:71: {meldung}", timeout=20000
    )  # while it is typed: the words of pruefen, at the line the figure would stand on
    page.get_by_role("button", name="Speichern").first.click()
    formel = page.locator('input[name="f:zahlen.0.formel"]')
    feld = page.locator(".feld", has=formel)
    assert feld.locator(".meldung").inner_text() == f"data/vorlagen/2021-0123/vorlage.yaml:71: {meldung}"
    assert formel.get_attribute("aria-invalid") == "true"
    assert formel.input_value() == "finanzierung.m1-steuerung.eigenanteil *"  # what was typed stays in the form
    assert page.get_by_role("alert").first.inner_text() == (
        "Nicht gespeichert: 1 Feld braucht eine Änderung – die Meldungen stehen an den Feldern."
    )
    assert _aenderungen(data) == []


FOKUS = """() => {
  const e = document.activeElement, s = getComputedStyle(e);
  return [e.tagName.toLowerCase(), e.matches("a, button, summary") ? e.textContent.trim() : e.id, s.outlineStyle,
          parseFloat(s.outlineWidth)];
}"""
TABBAR = """() => [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")]
  .filter(e => !e.disabled && e.checkVisibility())
  .map(e => [e.tagName.toLowerCase(), e.matches("a, button, summary") ? e.textContent.trim() : e.id])"""


@pytest.mark.parametrize(
    "seite,knopf,felder",
    [("/__vorlagen/bearbeiten/vorlage/2021-0130", "Speichern", 30), ("/__vorlagen/bearbeiten/", "Vorlage anlegen", 12)],
)
def test_the_tab_key_reaches_every_field_and_the_save_button_in_the_order_of_the_page_with_the_focus_visible(
    browser, editor, seite, knopf, felder
):
    url, _ = editor
    page = browser.new_page()
    page.goto(url + seite)
    erwartet = [tuple(e) for e in page.evaluate(TABBAR)]  # every control shown (not in a closed „Weitere Angaben“)
    assert ("button", knopf) in erwartet and len(erwartet) > felder
    assert page.evaluate("() => document.querySelectorAll('[tabindex]').length") == 0  # no order of its own
    erreicht = []
    while len(erreicht) < len(erwartet):
        page.keyboard.press("Tab")
        tag, name, rand, breite = page.evaluate(FOKUS)
        if tag in ("body", "iframe") or erreicht[-1:] == [(tag, name)]:
            continue  # the PDF frame (empty here: nothing is built); day, month and year of a date field
        erreicht.append((tag, name))
        assert rand == "solid" and breite >= 3, (tag, name)  # the focus is plain to see (outline 3 px)
    assert erreicht == erwartet
    if not page.locator("summary").count():
        return
    summary = page.locator("summary").first
    summary.focus()
    page.keyboard.press("Enter")  # a closed „Weitere Angaben“ opens from the keyboard; its fields are reached then
    assert summary.evaluate("e => e.parentElement.open") is True
    page.keyboard.press("Tab")
    assert page.evaluate(FOKUS)[0] in ("input", "select", "textarea")


def test_enter_in_a_field_saves_what_was_typed_and_in_a_text_begins_a_new_line(browser, editor, data):
    url, _ = editor
    page = browser.new_page()
    page.goto(url + "/__vorlagen/bearbeiten/vorlage/2021-0130")
    text = page.get_by_label("sachstand.md", exact=True)
    text.focus()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Neu.")
    betreff = page.get_by_label("Betreff", exact=True)
    betreff.fill("Auswahlverfahren für die Koordinationsstellen")
    betreff.press("Enter")  # the form's first button: Speichern
    page.wait_for_url(re.compile(r"gespeichert="))
    assert _aenderungen(data)[-3:] == [
        "vorlagen/2021-0130/sachstand.md: +Neu.",
        "vorlagen/2021-0130/vorlage.yaml: -betreff: Auswahlverfahren für die Koordinationsstellen im Kommunalen "
        "Integrationsmanagement",
        "vorlagen/2021-0130/vorlage.yaml: +betreff: Auswahlverfahren für die Koordinationsstellen",
    ]


def test_a_build_that_fails_after_a_save_is_said_above_the_form(browser, editor):
    from playwright.sync_api import expect

    url, httpd = editor
    page = browser.new_page()
    page.goto(url + SEITE)
    bau = page.locator("#bau")
    expect(bau).to_be_hidden()
    httpd.state.publish(False, ["data/vorlagen/2021-0123/vorlage.yaml:3: Ein Fehler des Baus – beheben Sie ihn."])
    expect(bau).to_have_text(
        "Der letzte Bau ist fehlgeschlagen – das PDF rechts zeigt den vorherigen Stand; gespeichert ist, was Sie "
        "gespeichert haben.\n\ndata/vorlagen/2021-0123/vorlage.yaml:3: Ein Fehler des Baus – beheben Sie ihn."
    )
    assert bau.get_attribute("role") == "alert"
    httpd.state.publish(True, [])
    expect(bau).to_be_hidden()
    expect(page.locator("#pdf")).to_have_attribute("data-stand", "1")  # and the PDF follows the good build


def test_a_page_of_another_site_cannot_save_through_the_browser(browser, editor, data):
    """A foreign page that knows the address sends a form to the preview from the clerk's own browser (cross-site
    request forgery): refused with the German words, nothing written."""
    url, _ = editor
    page = browser.new_page()
    fremd = (
        f'<form method="post" action="{url}{SEITE}"><input name="token" value="geraten">'
        '<input name="f:betreff" value="Gekapert"><button>Los</button></form>'
    )
    page.route("http://angreifer.example/", lambda route: route.fulfill(body=fremd, content_type="text/html"))
    page.goto("http://angreifer.example/")
    page.get_by_role("button", name="Los").click()
    page.wait_for_url(url + SEITE)
    assert page.locator("body").inner_text().strip() == (
        "Die Vorschau antwortet nicht auf Anfragen anderer Webseiten – öffnen Sie "
        f"http://127.0.0.1:{url.rsplit(':', 1)[1]}/ selbst in der Adresszeile dieses Rechners."
    )
    assert _aenderungen(data) == []
