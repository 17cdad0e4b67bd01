"""Benchmark of `vorlagen server` (issue 55, point 6): seconds from a save in the browser's form to the moment the
server sends the PDF with the change, for one person and for 20 people working at once – on loopback, against the
server started as a process on a git repository of the synthetic meeting (20 Vorlagen, each person a Vorlage of
their own), every wait bounded.

Three figures: one person saving while no one else does (median of RUNS saves); 20 people working at once, each
saving every INTERVALL seconds at a moment of their own (ROUNDS saves each; the median and the slowest); and the
worst case, all 20 saving in the same second. The page asks for the build state every second; the figures are the
server's time (asked for every 0,25 s here), so a person sees the PDF up to a second later."""

from __future__ import annotations

import io
import json
import random
import statistics
import sys
import threading
import time
from pathlib import Path

from benchmark.generate import generate
from tests.hilfen.server import KENNWORT, Klient, formular, gestartet, git
from vorlagen.server.konten import anlegen
from vorlagen.server.muster import freier_port, muster

PERSONEN = 20
INTERVALL = 60.0  # seconds between two saves of one person (a clerk writing a Vorlage saves every few minutes)
ROUNDS = 2
RUNS = 5
GRENZE = 300.0  # seconds a save may take to show before the benchmark gives up
TEXT = "t:beschlussvorschlag.md"


def repository(work: Path) -> Path:
    """A git repository with the synthetic meeting, the server's configuration and an account per person."""
    generate(work, PERSONEN)
    (work / ".gitignore").write_text("vorlagen-server.sqlite*\n.vorlagen/\noutput/\n", encoding="utf-8")
    git(work, "init", "-q")
    git(work, "add", "-A")
    git(work, "-c", "user.name=Benchmark", "-c", "user.email=b@example.org", "commit", "-qm", "Sitzung")
    datei = work / "vorlagen-server.toml"
    datei.write_text(muster(work, datei, freier_port()), encoding="utf-8")
    for i in range(1, PERSONEN + 1):
        name = f"p{i:02d}"
        anlegen(work / "vorlagen-server.sqlite", name, KENNWORT, "Sachbearbeitung", "KI", name, f"{name}@b.example")
    return work


class Person:
    """One clerk with a Vorlage of their own: saves a changed text and waits for the PDF that carries it."""

    def __init__(self, adresse: str, nummer: int):
        self.klient, self.slug, self.n = Klient(adresse), f"2022-{nummer:04d}", 0
        assert self.klient.anmelden(f"p{nummer:02d}") == 303

    def speichern(self) -> float:
        """Seconds from sending the form to the first answer for the PDF that shows the saved text."""
        seite = f"/__vorlagen/bearbeiten/vorlage/{self.slug}"
        status, html, _ = self.klient.holen(seite)
        assert status == 200, html
        felder = formular(html, seite)
        self.n += 1
        marke = f"Mz{self.n}x{self.slug[-2:]}"  # short: a long word would be hyphenated in the PDF
        felder[TEXT] = felder[TEXT].rstrip("\n") + f" {marke}\n"
        beginn = time.perf_counter()
        status, antwort, _ = self.klient.holen(seite, felder)
        assert status == 303, antwort
        version = -1
        while time.perf_counter() - beginn < GRENZE:
            stand = self._stand()
            if stand != version:
                version = stand
                if marke in _text(self.klient.datei(f"/vorlagen/{self.slug}/{self.slug}.pdf")[1]):
                    return time.perf_counter() - beginn
            time.sleep(0.25)  # as a page asks (every second), four times finer
        raise SystemExit(f"server: das PDF von {self.slug} zeigt die Speicherung nach {GRENZE:.0f} s nicht")

    def _stand(self) -> int:
        status, text, _ = self.klient.holen(f"/__vorlagen/stand/{self.slug}")
        return json.loads(text)["version"] if status == 200 else -1


def _text(pdf: bytes) -> str:
    from pypdf import PdfReader

    try:
        return "".join((seite.extract_text() or "") for seite in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")
    except Exception:  # noqa: BLE001 – not (yet) a PDF: asked again
        return ""


def messen(work: Path) -> dict[str, float]:
    """The three figures (seconds): `eine` (median), `zwanzig` (median and `zwanzig_max`), `zugleich` (median and
    `zugleich_max`)."""
    wurzel = repository(work)
    with gestartet(wurzel) as adresse:
        personen = [Person(adresse, i) for i in range(1, PERSONEN + 1)]
        ende = time.perf_counter() + GRENZE
        while personen[0]._stand() < 1 and time.perf_counter() < ende:  # the first build of the meeting
            time.sleep(0.2)
        eine = statistics.median(personen[6].speichern() for _ in range(RUNS))
        zwanzig = _gemeinsam(personen, lambda i, runde: random.Random(i).uniform(0, INTERVALL) + runde * INTERVALL)
        zugleich = _gemeinsam(personen, lambda i, runde: 0.0, runden=1)
    return {
        "eine": eine,
        "zwanzig": statistics.median(zwanzig),
        "zwanzig_max": max(zwanzig),
        "zugleich": statistics.median(zugleich),
        "zugleich_max": max(zugleich),
    }


def _gemeinsam(personen: list[Person], wann, runden: int = ROUNDS) -> list[float]:
    """Every person saves `runden` times, each at `wann(person, round)` seconds from now; all their times."""
    zeiten: list[float] = []
    fehler: list[BaseException] = []
    start = time.perf_counter()

    def arbeiten(i: int, person: Person) -> None:
        try:
            for runde in range(runden):
                time.sleep(max(0.0, start + wann(i, runde) - time.perf_counter()))
                zeiten.append(person.speichern())
        except BaseException as error:  # noqa: BLE001 – reported by the main thread
            fehler.append(error)

    faeden = [threading.Thread(target=arbeiten, args=(i, p)) for i, p in enumerate(personen)]
    for faden in faeden:
        faden.start()
    for faden in faeden:
        faden.join(timeout=GRENZE + runden * INTERVALL)
    if fehler or len(zeiten) != runden * len(personen):
        raise SystemExit(f"server: {len(zeiten)} von {runden * len(personen)} Speicherungen gemessen; {fehler[:1]}")
    return zeiten


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="vorlagen-server-benchmark-") as ordner:
        print(messen(Path(ordner)), file=sys.stderr)
