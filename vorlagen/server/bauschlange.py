"""The server's one build queue: every save (and every commit brought in from elsewhere) asks for a build; one
thread builds the data repository's output with a warm worker pool, one build at a time, and the saves that come
while it runs are built together by the next one. A failed build keeps the last good output (the builder swaps
its staging folder in only when everything was made) and its problems are kept for the pages to show. The
Sitzungsdienst may ask for the Sitzungsmappen and publish bundle of a Sitzung (as `vorlagen sitzung` builds them):
the next build makes them; when the build's own rules refuse them (an ENTWURF on the agenda), their problems are kept
for that Sitzung and the rest is built without them, so that nobody else's page waits for a Mappe."""

from __future__ import annotations

import dataclasses
import io
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vorlagen.building.builder import Builder
from vorlagen.building.preview import failure_text
from vorlagen.building.progress import Progress
from vorlagen.building.vorbereitung import vorbereitet
from vorlagen.building.workers import Renderer
from vorlagen.core.fmt import anzahl
from vorlagen.core.problems import BuildFailed, Problem


@dataclass(frozen=True)
class Stand:
    """How far the queue has built: `version` grows with each successful build; `probleme` are those of the last
    build when it failed (empty after a good one); `gebaut` the number of the last request it built."""

    version: int = 0
    probleme: tuple[Problem, ...] = ()
    fehler: tuple[str, ...] = ()  # what went wrong outside the data (a full disk), in German
    gebaut: int = 0
    laeuft: bool = False
    sekunden: float = 0.0  # how long the last build took
    bauten: int = 0  # builds run so far


@dataclass
class Bauschlange:
    data: Path
    ausgabe: Path
    say: Callable[[str], None] = print
    renderer: Renderer = field(default_factory=Renderer)

    def __post_init__(self) -> None:
        self.stand = Stand()
        self._gefragt = 0  # requests so far
        self._mappen: set[str] = set()  # Sitzungen whose Mappen the next build makes
        self.mappen: dict[str, tuple[int, tuple[str, ...]]] = {}  # Sitzung → (request built, problems of its Mappen)
        self._ende = False
        self._bedingung = threading.Condition()
        self._faden = threading.Thread(target=self._arbeiten, name="vorlagen-bauschlange", daemon=True)

    def starten(self) -> None:
        """Starts the workers and the queue's thread, and asks for the first build."""
        self.renderer.start()
        self._faden.start()
        self.anstossen()

    def anstossen(self, mappen: frozenset[str] = frozenset()) -> int:
        """Asks for a build of the data as they stand now – with the Sitzungsmappen and publish bundles of the
        Sitzungen `mappen`; the number of this request (see `warten`)."""
        with self._bedingung:
            self._gefragt += 1
            self._mappen |= mappen
            self._bedingung.notify_all()
            return self._gefragt

    def warten(self, auftrag: int, sekunden: float) -> Stand:
        """The state once the build that includes request `auftrag` has ended (or after `sekunden`)."""
        ende = time.monotonic() + sekunden
        with self._bedingung:
            while self.stand.gebaut < auftrag and not self._ende:
                rest = ende - time.monotonic()
                if rest <= 0:
                    break
                self._bedingung.wait(rest)
            return self.stand

    def schliessen(self) -> None:
        """Ends the queue now, a running build with it: its workers end at once, and its thread (a daemon, which may
        wait on a job the workers never finish) ends with the process. The builder swaps its output in only when it
        is complete, so the last good output stays as it was."""
        with self._bedingung:
            self._ende = True
            self._bedingung.notify_all()
        self.renderer.close()
        if self._faden.is_alive():
            self._faden.join(timeout=1)

    def _arbeiten(self) -> None:
        while True:
            with self._bedingung:
                while self._gefragt == self.stand.gebaut and not self._ende:
                    self._bedingung.wait()
                if self._ende:
                    return
                auftrag, mappen = self._gefragt, frozenset(self._mappen)
                self._mappen.clear()
                self.stand = dataclasses.replace(self.stand, laeuft=True)
            beginn = time.monotonic()
            probleme, fehler = self._bauen(auftrag, mappen)
            dauer = time.monotonic() - beginn
            with self._bedingung:
                gut = not probleme and not fehler
                version = self.stand.version + 1 if gut else self.stand.version
                bauten = self.stand.bauten + 1
                self.stand = Stand(version, tuple(probleme), tuple(fehler), auftrag, False, dauer, bauten)
                self._bedingung.notify_all()

    def _bauen(self, auftrag: int = 0, mappen: frozenset[str] = frozenset()) -> tuple[list[Problem], list[str]]:
        """One build; its problems (data) or its failure (anything else, in German) – the queue goes on either way."""
        try:
            project = vorbereitet(self.data)
            Builder(project, Progress(io.StringIO(), live=False), self.renderer).build(self.ausgabe, set(mappen))
        except BuildFailed as failed:
            if mappen:  # the Mappen asked for are refused (or the data fail): said for them, the rest built without
                texte = tuple(p.message for p in failed.problems)
                self.mappen.update({sid: (auftrag, texte) for sid in mappen})
                return self._bauen()
            self.say(
                f"Bau fehlgeschlagen ({anzahl(len(failed.problems), 'Problem', 'Probleme')}) – die Seiten der Vorlagen zeigen sie an."
            )
            return list(failed.problems), []
        except Exception as error:  # noqa: BLE001 – the queue must outlive any failure of one build
            if self._ende:  # the server stops: its workers were ended under the build
                return [], []
            self.say(f"Bau fehlgeschlagen: {failure_text(error)}")
            self.mappen.update({sid: (auftrag, (failure_text(error),)) for sid in mappen})
            return [], [failure_text(error)]
        self.mappen.update({sid: (auftrag, ()) for sid in mappen})
        return [], []
