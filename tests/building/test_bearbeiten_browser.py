"""A clerk's whole way in the browser, against a preview that builds PDFs: a new Vorlage with a Finanzierungsplan, a
named figure, a Haushalt position and a text that quotes the figure – without touching a file – and the PDF beside the
form showing each change. Afterwards the data folder differs from the example by exactly what was entered."""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import threading

import pytest

from tests.hilfen import ROOT
from tests.hilfen.pdf import pdf_text

pytestmark = pytest.mark.langsam  # a preview process builds the example with its PDFs

ERWARTET = """\
# yaml-language-server: $schema=../../../schema/vorlage.schema.json
nummer: "2021/0200"
art: "Beschlussvorlage"
oeffentlich: true
platzhalter: true  # ein Gerüst: ersetzen Sie Texte und Angaben durch Ihre, dann entfernen Sie diese Zeile
datum: {heute}
federfuehrend: "KI"
betreff: "Zuschuss für die Stadtbibliothek"
beratungsfolge:
  - {{sitzung: ASI-2021-06-10, rolle: Vorberatung}}
  - {{sitzung: KA-2021-06-21, rolle: Entscheidung}}
beschlussvorschlag: beschlussvorschlag.md
abschnitte: [sachverhalt.md]
finanzierung:
  - id: zuschuss
    art: Finanzierungsplan
    titel: Neue Medien der Stadtbibliothek
    kosten:
      - {{als: Neue Medien, betrag: 15000}}
    quellen:
      - {{als: Land, foerdersatz: 80}}
      - {{als: Stadt, art: Eigenmittel, rest: true}}
zahlen:
  - id: eigenanteil
    formel: finanzierung.zuschuss.eigenmittel
finanzielle_auswirkungen:
  positionen:
    - konto: "05.02.01"
      jahre:
        2021: eigenanteil
"""


@pytest.fixture
def vorschau(data, tmp_path):
    from tests.hilfen import free_port

    port = free_port()
    command = [sys.executable, str(ROOT / "build.py"), "serve", "--data", str(data), "--out", str(tmp_path / "out")]
    process = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    try:
        while not lines.get(timeout=300).startswith("Vorschau: "):
            pass
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def _speichern(page) -> None:
    page.get_by_role("button", name="Speichern").first.click()
    page.wait_for_url(re.compile(r"gespeichert="))


def _pdf_zeigt(page, text: str, tmp_path) -> bool:
    """Whether the PDF beside the form shows `text` once the preview has built after the save (two minutes at most)."""
    import time

    adresse = page.url.split("/__vorlagen")[0] + page.locator("#pdf").get_attribute("data-pdf")
    datei = tmp_path / "vorlage.pdf"
    for _ in range(120):
        antwort = page.request.get(adresse)
        if antwort.ok:
            datei.write_bytes(antwort.body())
            if text in pdf_text(datei).replace("\u00a0", " "):
                return True
        time.sleep(1)
    return False


def _neu(page, url: str) -> None:
    page.goto(url + "/__vorlagen/bearbeiten/")
    page.get_by_label("Art").select_option("Beschlussvorlage")
    page.get_by_label("Betreff").fill("Zuschuss für die Stadtbibliothek")
    page.get_by_label("federführendes Amt").select_option("KI")
    page.get_by_label("Beratung 1: Gremium und Sitzung").select_option("sitzung:ASI-2021-06-10")
    page.get_by_label("Beratung 2: Gremium und Sitzung").select_option("sitzung:KA-2021-06-21")
    page.get_by_label("Nummer").fill("2021/0200")
    page.get_by_role("button", name="Vorlage anlegen").click()
    page.wait_for_url(re.compile(r"/vorlage/2021-0200$"))


def _tabelle(page) -> None:
    page.get_by_role("button", name="Zu „Tabellen (Berechnungen)“ hinzufügen").click()
    tabelle = page.locator("#g-finanzierung\\.0")
    tabelle.get_by_label("Name (für Texte und Formeln)").fill("zuschuss")
    tabelle.get_by_label("Titel").fill("Neue Medien der Stadtbibliothek")
    tabelle.get_by_label("Art", exact=True).select_option("Finanzierungsplan")
    tabelle.get_by_role("button", name="Zu „Kosten (Zeilen)“ hinzufügen").click()
    zeile = page.locator("#g-finanzierung\\.0\\.kosten\\.0")
    zeile.get_by_label("Bezeichnung").fill("Neue Medien")
    zeile.get_by_label("Betrag", exact=True).fill("12500")
    for als in ("Land", "Stadt"):
        page.locator("#g-finanzierung\\.0").get_by_role("button", name="Zu „Finanzierungsquellen“ hinzufügen").click()
        quelle = page.locator("#g-finanzierung\\.0\\.quellen").locator("fieldset.gruppe").last
        quelle.get_by_label("Bezeichnung").fill(als)
        if als == "Land":
            quelle.get_by_label("Fördersatz (%)").fill("80")
        else:
            quelle.get_by_label("Art").select_option("Eigenmittel")
            quelle.get_by_label("trägt den Rest").select_option("true")


def _zahl_und_haushalt(page) -> None:
    page.get_by_role("button", name="Zu „Benannte Zahlen“ hinzufügen").click()
    zahl = page.locator("#g-zahlen\\.0")
    zahl.get_by_label("Name (für Texte und Formeln)").fill("eigenanteil")
    zahl.get_by_label("Formel", exact=True).fill("finanzierung.zuschuss.eigenmittel")
    page.get_by_role("button", name="Finanzielle Auswirkungen eintragen").click()
    page.get_by_role("button", name="Zu „Positionen des Haushalts“ hinzufügen").click()
    position = page.locator("#g-finanzielle_auswirkungen\\.positionen\\.0")
    position.get_by_label("Position (Konto)").fill("05.02.01")
    jahre = position.get_by_role("group", name="Beträge je Haushaltsjahr (Name einer Zahl)")
    jahre.get_by_label("neu: Jahr oder Name").fill("2021")
    jahre.get_by_label("neu: Wert").fill("eigenanteil")


def test_a_clerk_makes_a_vorlage_with_a_finanzierungsplan_and_a_haushalt_position(browser, vorschau, data, tmp_path):
    import datetime as dt

    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    _neu(page, vorschau)
    _tabelle(page)
    _zahl_und_haushalt(page)
    _speichern(page)
    text = page.get_by_label("sachverhalt.md", exact=True)
    text.fill("# Sachverhalt\n\nDie Stadt trägt ")
    page.get_by_label("Zahl einfügen in sachverhalt.md").select_option('{{ zahlen["eigenanteil"] }}')
    page.locator(".feld.text", has=text).get_by_role("button", name="Einfügen").click()
    text.press("End")
    text.type(".")
    _speichern(page)
    assert _pdf_zeigt(page, "Die Stadt trägt 2.500 €.", tmp_path)
    page.locator("#g-finanzierung\\.0\\.kosten\\.0").get_by_label("Betrag", exact=True).fill("15000")
    formel = page.locator("#g-zahlen\\.0").get_by_label("Formel", exact=True)
    formel.fill("finanzierung.zuschuss.eigenmittel ")
    ausgabe = page.locator("#g-zahlen\\.0 output.formelwert")
    expect(ausgabe).to_contain_text("3.000", timeout=30000)
    assert ausgabe.inner_text().startswith(
        "eigenanteil = 3.000\u00a0€\n  Formel: finanzierung.zuschuss.eigenmittel   ["
    )
    formel.fill("finanzierung.zuschuss.eigenmittel")
    stand = page.locator("#pdf").get_attribute("data-stand")
    _speichern(page)
    assert _pdf_zeigt(page, "Die Stadt trägt 3.000 €.", tmp_path)
    # the frame follows the builds: the page's poll sets the new stand (it may come a poll after the PDF did)
    expect(page.locator("#pdf")).not_to_have_attribute("data-stand", stand, timeout=30000)
    ordner = data / "vorlagen" / "2021-0200"
    assert sorted(p.name for p in ordner.iterdir()) == ["beschlussvorschlag.md", "sachverhalt.md", "vorlage.yaml"]
    assert (ordner / "beschlussvorschlag.md").read_text(encoding="utf-8") == (
        "Der Ausschuss beschließt, … (Beschlussvorschlag hier eintragen)\n"
    )
    assert (ordner / "vorlage.yaml").read_text(encoding="utf-8") == ERWARTET.format(heute=dt.date.today().isoformat())
    assert (ordner / "sachverhalt.md").read_text(encoding="utf-8") == (
        '# Sachverhalt\n\nDie Stadt trägt {{ zahlen["eigenanteil"] }}.\n'
    )
