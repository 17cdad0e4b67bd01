"""`vorlagen server` as the tests use it: a git data repository, its configuration and accounts made by the real
commands, the server started as a real process (and stopped after, nothing left running), and a client that keeps
its cookies and reads forms like a browser."""

from __future__ import annotations

import contextlib
import html.parser
import http.cookiejar
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from tests.hilfen import DATA, ROOT, free_port, vorgebaut
from vorlagen.server.konten import anlegen
from vorlagen.server.muster import muster

KENNWORT = "ein-langes-kennwort"
KONTEN = {  # name → role, Amt, full name
    "anna": ("Sachbearbeitung", "KI", "Anna Amsel"),
    "bert": ("Sachbearbeitung", "KI", "Bert Buche"),
    "clara": ("Sachbearbeitung", "BA", "Clara Cremer"),
    "lena": ("Lesen", "", "Lena Lind"),
    "karl": ("Mitzeichnung", "Kämmerei", "Karl Kämmerer"),
    "rita": ("Mitzeichnung", "Rechtsamt", "Rita Recht"),
    "sina": ("Sitzungsdienst", "", "Sina Sommer"),
}
NEU = "2026-0001"  # the folder of the Vorlage zur_mitzeichnung adds


def vorlagen(*args: str, cwd: Path, eingabe: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args],
        cwd=cwd,
        input=eingabe,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def git(wurzel: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(wurzel), *args], capture_output=True, text=True, timeout=60, check=True
    ).stdout


def repository(wurzel: Path) -> Path:
    """A data repository with the example's data, committed; its configuration and the accounts of KONTEN; the
    example's output as `vorlagen bauen` made it, so that the server starts from a built repository. A copy of this
    process's first such repository with a configuration of its own (a free port): each account's password is hashed
    with Argon2, a fifth of a second each – seven per repository, made once per process instead of once per test."""
    shutil.copytree(_vorlage(), wurzel, symlinks=True, dirs_exist_ok=True)
    datei = wurzel / "vorlagen-server.toml"  # made as the commands make it (tests/cli/test_server.py runs them)
    datei.write_text(muster(wurzel, datei, free_port()), encoding="utf-8")
    return wurzel


def _vorlage() -> Path:
    """This process's repository to copy: data committed, output, accounts (made as the commands make them, in this
    process), beside the built example and removed with it (tests/hilfen/vorgebaut.py); made under another name and
    renamed when complete, so that a failure half-way leaves nothing a later test would copy."""
    fertig = vorgebaut.ordner() / "server"
    if not fertig.is_dir():
        wurzel = fertig.with_name("server.im-bau")
        shutil.rmtree(wurzel, ignore_errors=True)
        shutil.copytree(DATA, wurzel / "data")
        (wurzel / ".gitignore").write_text("vorlagen-server.sqlite*\n.vorlagen/\noutput/\n", encoding="utf-8")
        git(wurzel, "init", "-q")
        git(wurzel, "add", "-A")
        git(wurzel, "-c", "user.name=Einrichtung", "-c", "user.email=it@stadt.example", "commit", "-qm", "Beispiel")
        vorgebaut.ausgabe_dazu(wurzel)
        for name, (rolle, amt, voll) in KONTEN.items():
            anlegen(wurzel / "vorlagen-server.sqlite", name, KENNWORT, rolle, amt, voll, f"{name}@stadt.example")
        wurzel.rename(fertig)
    return fertig


def zur_mitzeichnung(wurzel: Path, tage: int = 40) -> Path:
    """Adds a Vorlage still to be signed (a copy of 2021/0123, the Kämmerei's sign-off missing: its amounts are
    über- and außerplanmäßig) that an Ausschuss decides in `tage` days (0: today), so that it may be signed today;
    committed."""
    import datetime as dt

    heute = dt.date.today()
    sitzung = f"ASI-{heute + dt.timedelta(days=tage)}"
    data = wurzel / "data"
    (data / "sitzungen" / f"{sitzung}.yaml").write_text(
        f'gremium: ASI\ndatum: {heute + dt.timedelta(days=tage)}\nbeginn: "15:00 Uhr"\nort: Kreishaus\n',
        encoding="utf-8",
    )
    ordner = data / "vorlagen" / NEU
    shutil.copytree(data / "vorlagen" / "2021-0123", ordner)
    shutil.rmtree(ordner / "gezeichnet")
    for name in ("mitzeichnungen.yaml", "beschlossen.yaml"):
        (ordner / name).unlink()
    yaml = (ordner / "vorlage.yaml").read_text(encoding="utf-8")
    yaml = yaml.replace('nummer: "2021/0123"', 'nummer: "2026/0001"').replace("datum: 2021-05-27", f"datum: {heute}")
    yaml = yaml.replace(
        "  - {sitzung: ASI-2021-06-10, rolle: Vorberatung}\n  - {sitzung: KA-2021-06-21, rolle: Entscheidung}\n",
        f"  - {{sitzung: {sitzung}, rolle: Entscheidung}}\n",
    )
    (ordner / "vorlage.yaml").write_text(yaml, encoding="utf-8")
    git(wurzel, "add", "-A")
    git(wurzel, "-c", "user.name=Einrichtung", "-c", "user.email=it@stadt.example", "commit", "-qm", "Neue Vorlage")
    return ordner


@contextlib.contextmanager
def gestartet(
    wurzel: Path, ausgabe: list[str] | None = None, ende: list[tuple[int | None, float]] | None = None
) -> Iterator[str]:
    """The server of this repository as a process; its base address. Stopped with SIGTERM (and waited for) at the
    end; all it wrote to stdout and stderr in `ausgabe` then, if given, and in `ende` its return code and the seconds
    it took to end when asked (None: it did not end within a minute and was killed)."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "server", "--config", "vorlagen-server.toml"],
        cwd=wurzel,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    gelesen = ausgabe if ausgabe is not None else []
    leser = threading.Thread(target=lambda: [(lines.put(x), gelesen.append(x)) for x in process.stdout], daemon=True)
    leser.start()
    try:
        erste = lines.get(timeout=60)
        adresse = re.match(r"vorlagen server: (http://127\.0\.0\.1:\d+)/", erste)
        assert adresse, erste
        yield adresse.group(1)
    finally:
        gefragt = time.monotonic()
        process.terminate()
        try:
            process.wait(timeout=60)  # a second, or a few on a loaded machine
            if ende is not None:
                ende.append((process.returncode, time.monotonic() - gefragt))
        finally:
            if process.poll() is None:  # it did not end when asked: ended, so that nothing is left running
                process.kill()
                process.wait(timeout=20)
            leser.join(timeout=20)


class _Formular(html.parser.HTMLParser):
    """The fields of the first form with a given action: hidden and text inputs, selects, text areas."""

    def __init__(self, action: str):
        super().__init__()
        self.action, self.drin, self.felder = action, False, {}
        self._feld: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            pfad, _, anfrage = (a.get("action") or "").partition("?")
            self.drin = pfad == self.action and not self.felder
            if self.drin:  # the preview's editing pages carry the token in their address: sent as a field here
                self.felder.update(urllib.parse.parse_qsl(anfrage))
        elif self.drin and tag == "input" and a.get("name") and a.get("type") not in ("radio", "submit"):
            self.felder[a["name"]] = a.get("value") or ""
        elif self.drin and tag in ("textarea", "select") and a.get("name"):
            self._feld = a["name"]
            self.felder[self._feld] = ""
        elif self.drin and tag == "option" and self._feld and "selected" in a:
            self.felder[self._feld] = a.get("value") or ""

    def handle_data(self, data):
        if self._feld and self.drin and self.lasttag == "textarea":
            self.felder[self._feld] += data.removeprefix("\n") if not self.felder[self._feld] else data

    def handle_endtag(self, tag):
        if tag == "form":
            self.drin = False
        if tag in ("textarea", "select"):
            self._feld = None


def formular(seite: str, action: str) -> dict[str, str]:
    parser = _Formular(action)
    parser.feed(seite)
    return parser.felder


class _OhneWeiter(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Klient:
    """A browser without a screen: its own cookies, Origin on every write, redirects not followed."""

    def __init__(self, adresse: str, origin: str | None = None):
        self.adresse, self.origin = adresse, origin if origin is not None else adresse
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _OhneWeiter)

    def holen(self, pfad: str, daten: dict | None = None, kopf: dict | None = None) -> tuple[int, str, dict]:
        body = urllib.parse.urlencode(daten).encode() if daten is not None else None
        anfrage = urllib.request.Request(self.adresse + pfad, data=body, headers=kopf or {})
        if body is not None:
            anfrage.add_header("Content-Type", "application/x-www-form-urlencoded")
            if self.origin:
                anfrage.add_header("Origin", self.origin)
        try:
            with self.opener.open(anfrage, timeout=60) as antwort:
                return antwort.status, antwort.read().decode("utf-8"), dict(antwort.headers)
        except urllib.error.HTTPError as fehler:
            return fehler.code, fehler.read().decode("utf-8"), dict(fehler.headers)

    def datei(self, pfad: str) -> tuple[int, bytes]:
        """A file as it is sent (a PDF), with its status."""
        try:
            with self.opener.open(self.adresse + pfad, timeout=60) as antwort:
                return antwort.status, antwort.read()
        except urllib.error.HTTPError as fehler:
            return fehler.code, fehler.read()

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.cookies if c.name == name), None)

    def anmelden(self, name: str, kennwort: str = KENNWORT) -> int:
        _, seite, _ = self.holen("/anmelden")
        felder = formular(seite, "/anmelden") | {"benutzer": name, "kennwort": kennwort}
        return self.holen("/anmelden", felder)[0]


OIDC_DIR = ROOT / "tests" / "oidc"
GRUPPE = '\n[[recht]]\ngruppe = "Amt KI"\nrolle = "Sachbearbeitung"\namt = "KI"\n'


def angemeldet(adresse: str, name: str) -> Klient:
    """A client signed in as `name` with the tests' password (the login answers with its redirect)."""
    klient = Klient(adresse)
    assert klient.anmelden(name) == 303
    return klient


@contextlib.contextmanager
def anbieter(wurzel: Path) -> Iterator[str]:
    """A real OpenID Connect provider (tests/oidc/anbieter.mjs, the npm package oidc-provider) for the server of
    this repository, which gets its [oidc] section and the right of the group „Amt KI“; stopped at the end."""
    datei = wurzel / "vorlagen-server.toml"
    text = datei.read_text(encoding="utf-8")
    oeffentlich = re.search(r'^oeffentlich = "(.*)"$', text, re.M).group(1)
    port = free_port()
    process = subprocess.Popen(
        ["node", str(OIDC_DIR / "anbieter.mjs"), str(port), f"{oeffentlich}/anmelden/oidc/zurueck"],
        cwd=OIDC_DIR,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        erste = process.stdout.readline()
        assert erste.startswith("Anbieter: "), erste
        adresse = erste.removeprefix("Anbieter: ").strip()
        datei.write_text(
            text + f'\n[oidc]\nanbieter = "{adresse}"\nclient_id = "vorlagen"\n'
            f'client_secret = "geheimnis-der-tests"\n' + GRUPPE,
            encoding="utf-8",
        )
        yield adresse
    finally:
        process.terminate()
        process.wait(timeout=20)


def oidc_anmelden(page, name: str) -> None:
    """Through the provider's own pages (its login and consent), as a clerk would."""
    page.get_by_role("link", name="Mit dem Konto der Stadt anmelden").click()
    page.fill('[name="login"]', name)
    page.fill('[name="password"]', "beliebig")
    page.locator('button[type="submit"]').click()
    page.locator('button[type="submit"]').click()  # the consent: „Continue“
