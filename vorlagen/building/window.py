"""The render window: at most a few documents in flight, each handed on as soon as its PDF is done."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from pathlib import PurePosixPath

from vorlagen.building.satzprozess import RenderJob, RenderResult
from vorlagen.building.workers import Renderer, render_seconds
from vorlagen.core.problems import BuildFailed, Problem, raise_if


class Window:
    """Keeps at most `limit` render jobs in flight; `done` of each job runs in this thread when its PDF is there
    (and may submit more). A job that fails adds its problems; `drain` raises them all at the end."""

    def __init__(self, renderer: Renderer, limit: int):
        self.renderer, self.limit = renderer, limit
        self.pending: dict[Future, tuple[PurePosixPath, RenderJob, Callable[[RenderResult], None]]] = {}
        self.problems: list[Problem] = []
        self.rendered = 0

    def submit(self, path: PurePosixPath, job: RenderJob, done: Callable[[RenderResult], None]) -> None:
        while len(self.pending) >= self.limit:
            self._collect()
        self.rendered += 1
        self.pending[self.renderer.submit(job)] = (path, job, done)

    def drain(self) -> None:
        while self.pending:
            self._collect()
        raise_if(self.problems)

    def _collect(self) -> None:
        finished, _ = wait(self.pending, timeout=render_seconds(), return_when=FIRST_COMPLETED)
        if not finished:  # no worker finished anything for that long: one hangs – replace them, name what was open
            seconds = render_seconds()
            for path, job, _done in self.pending.values():
                self.problems.append(
                    Problem(
                        job.where,
                        f"Das Dokument „{path.name}“ wurde in {seconds:.0f} Sekunden nicht "
                        "fertig gesetzt – der Satzprozess wurde beendet. Prüfen Sie sehr "
                        "große Bilder oder Tabellen; bleibt es dabei, setzen Sie "
                        "VORLAGEN_SATZ_SEKUNDEN höher.",
                    )
                )
            for future in self.pending:
                future.cancel()  # so that the pool's replacement does not retry them
            self.pending.clear()
            self.renderer.replace()
            return
        for future in finished:
            _path, _job, done = self.pending.pop(future)
            try:
                result = future.result()
            except BuildFailed as failed:
                self.problems += failed.problems
                continue
            try:
                done(result)
            except BuildFailed as failed:
                self.problems += failed.problems
