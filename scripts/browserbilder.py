"""Pictures of the editing side for the tutorial „Die erste Vorlage im Browser“ (docs/tutorial/browser.md) and for
„Im Browser arbeiten“ (docs/anleitungen/server-arbeiten.md): starts `vorlagen vorschau` on a copy of the example and
walks through the tutorial, then `vorlagen server` on a repository as the tests make it and walks a Vorlage's way
(sent to the Kämmerei, on the agenda, the bundle built, a Niederschrift) as its people, in headless Chromium
(Playwright), and saves small PNGs (64 colours) in docs/bilder/browser/. docs/bilder/browser/quellen.json records the
SHA-256 of every page file of templates/bearbeiten/ and templates/server/ the pictures were taken with;
tests/projekt/test_handbuch.py fails when one has changed since. Run it after changing the editing side's pages:

    .venv/bin/python scripts/browserbilder.py
"""

from __future__ import annotations

import hashlib
import json
import queue
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BILDER = ROOT / "docs" / "bilder" / "browser"
QUELLEN = BILDER / "quellen.json"
SEITEN = ROOT / "templates" / "bearbeiten"
SERVER = ROOT / "templates" / "server"


def stand() -> dict[str, str]:
    """The files of the editing side's pages → their SHA-256 (what the pictures show); the server's own pages as
    „server/<name>“ (its systemd units are no page)."""
    seiten = {p.name: p for p in sorted(SEITEN.iterdir()) if p.is_file()}
    seiten |= {f"server/{p.name}": p for p in sorted(SERVER.iterdir()) if p.suffix in (".j2", ".css")}
    return {name: hashlib.sha256(p.read_bytes()).hexdigest() for name, p in seiten.items()}


def _vorschau(data: Path, out: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, str(ROOT / "build.py"), "serve", "--data", str(data), "--out", str(out)]
    process = subprocess.Popen(  # run from the repository folder, as a user does: files named „data/…“
        [*command, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=data.parent
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    while not lines.get(timeout=300).startswith("Vorschau: "):
        pass
    return process, f"http://127.0.0.1:{port}"


def _bild(page, name: str, farben: int = 64) -> None:
    from PIL import Image

    roh = BILDER / f"{name}.roh.png"
    page.screenshot(path=str(roh))
    Image.open(roh).convert("RGB").quantize(colors=farben).save(BILDER / f"{name}.png", optimize=True)
    roh.unlink()


def _rundgang(page, url: str) -> None:
    """The tutorial's steps with its values, a picture after each (the figure shows its value, not a message)."""
    page.goto(url + "/__vorlagen/bearbeiten/")
    page.get_by_label("Art").select_option("Beschlussvorlage")
    page.get_by_label("Betreff").fill("Zuschuss für die Stadtbibliothek")
    page.get_by_label("federführendes Amt").select_option("KI")
    page.get_by_label("Beratung 1: Gremium und Sitzung").select_option("sitzung:ASI-2021-06-10")
    page.get_by_label("Beratung 2: Gremium und Sitzung").select_option("sitzung:KA-2021-06-21")
    page.get_by_label("Nummer").fill("2021/0200")
    page.locator("#neu").scroll_into_view_if_needed()
    _bild(page, "neue-vorlage")
    page.get_by_role("button", name="Vorlage anlegen").click()
    page.wait_for_url("**/vorlage/2021-0200")
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
        tabelle.get_by_role("button", name="Zu „Finanzierungsquellen“ hinzufügen").click()
        quelle = page.locator("#g-finanzierung\\.0\\.quellen").locator("fieldset.gruppe").last
        quelle.get_by_label("Bezeichnung").fill(als)
        if als == "Land":
            quelle.get_by_label("Fördersatz (%)").fill("80")
        else:
            quelle.get_by_label("Art").select_option("Eigenmittel")
            quelle.get_by_label("trägt den Rest").select_option("true")
    stand = int(page.locator("#pdf").get_attribute("data-stand"))
    page.get_by_role("button", name="Speichern").first.click()
    page.wait_for_url("**gespeichert=**")
    _gebaut(page, stand + 1)
    page.locator("#g-finanzierung\\.0\\.kosten").scroll_into_view_if_needed()
    _bild(page, "tabelle")
    page.get_by_role("button", name="Zu „Benannte Zahlen“ hinzufügen").click()
    zahl = page.locator("#g-zahlen\\.0")
    zahl.get_by_label("Name (für Texte und Formeln)").fill("eigenanteil")
    zahl.get_by_label("Formel", exact=True).fill("finanzierung.zuschuss.eigenmittel")
    wert = zahl.locator("output.formelwert")
    wert.filter(has_text="eigenanteil = 2.500").wait_for(timeout=60000)
    zahl.scroll_into_view_if_needed()
    _bild(page, "formel")


def _gebaut(page, stand: int) -> None:
    """Waits until the PDF beside the form shows the preview's build `stand` or a later one."""
    for _ in range(240):  # two minutes at most (the page's rules run no script of ours from outside)
        if int(page.locator("#pdf").get_attribute("data-stand")) >= stand:
            break
        page.wait_for_timeout(500)
    page.wait_for_timeout(4000)  # the frame loads the new PDF and the viewer draws its thumbnail


def _angemeldet(browser, adresse: str, name: str, pfad: str):
    from tests.hilfen.server import KENNWORT

    page = browser.new_page(viewport={"width": 1200, "height": 760}, locale="de-DE")
    page.goto(adresse + pfad)
    page.fill('[name="benutzer"]', name)
    page.fill('[name="kennwort"]', KENNWORT)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(adresse + pfad)
    return page


def _weg(browser, adresse: str) -> None:
    """The way of tests/ablauf/test_weg_browser.py, a picture at each of its pages: the clerk's start page with her
    Vorlage sent to the Kämmerei, the Kämmerei's Mitzeichnung page, the Sitzung's page with the bundle built, the
    Niederschrift's form of the example's Kreisausschuss."""
    from tests.hilfen.server import NEU

    wurzel = "/__vorlagen/bearbeiten/"
    anna = _angemeldet(browser, adresse, "anna", f"{wurzel}mitzeichnung/{NEU}")
    anna.get_by_role("button", name="Zur Mitzeichnung senden").click()
    anna.locator("p.gespeichert").wait_for()
    karl = _angemeldet(browser, adresse, "karl", f"{wurzel}mitzeichnung/{NEU}")
    _gebaut(karl, 1)
    _bild(karl, "server-mitzeichnung", farben=32)  # the PDF's thumbnails: fewer colours keep it small
    anna.goto(f"{adresse}{wurzel}start")  # built now: its state „Entwurf“, not „noch nicht gebaut“
    _bild(anna, "server-start")
    karl.get_by_role("button", name="Mitzeichnen als Kämmerei").click()
    karl.locator("p.gespeichert[role=status]").wait_for()
    sina = _angemeldet(browser, adresse, "sina", f"{wurzel}start")
    sina.get_by_role("link", name="Ausschuss für Soziales und Integration am").click()
    for nummer, top, teil in (("2026/0001", "1", "oeffentlich"), ("2021/0130", "2", "nichtoeffentlich")):
        sina.select_option("#vorlage", nummer)
        sina.fill("#top", top)
        sina.select_option("#teil-s", teil)
        sina.get_by_role("button", name="Auf die Tagesordnung setzen").click()
        sina.locator("p.gespeichert").wait_for()
    sina.get_by_role("button", name="Tagesordnung, Mappe und Paket bauen").click()
    sina.locator("#bau-fertig").wait_for(timeout=300_000)
    sina.locator("#paket").scroll_into_view_if_needed()
    sina.evaluate("window.scrollBy(0, -110)")  # the heading above the bundle's files, what stays out below
    _bild(sina, "server-sitzung")
    sina.goto(f"{adresse}{wurzel}niederschrift/KA-2021-06-21")
    _bild(sina, "server-niederschrift")


def _server(browser) -> None:
    """`vorlagen server` on a repository as the tests make it (the example, its accounts, a Vorlage 2026/0001 to be
    signed for an Ausschuss in 40 days), stopped at the end."""
    sys.path.insert(0, str(ROOT))
    from tests.hilfen.server import gestartet, repository, zur_mitzeichnung

    with tempfile.TemporaryDirectory() as tmp:
        wurzel = repository(Path(tmp) / "repo")
        zur_mitzeichnung(wurzel)
        with gestartet(wurzel) as adresse:
            _weg(browser, adresse)


def main() -> int:
    from playwright.sync_api import sync_playwright

    BILDER.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        process, url = _vorschau(data, Path(tmp) / "out")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=["--no-sandbox"]
                )
                page = browser.new_page(viewport={"width": 1200, "height": 760}, locale="de-DE")
                _rundgang(page, url)
                _server(browser)
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=20)
    QUELLEN.write_text(json.dumps(stand(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Bilder in {BILDER.relative_to(ROOT)}/ neu aufgenommen.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
