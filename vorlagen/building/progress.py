"""Progress of a build: one updating line with counts and elapsed time on a terminal, plain lines elsewhere."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO | None = None, live: bool | None = None) -> None:
        self.stream = stream or sys.stdout
        if live is None:
            live = self.stream.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"
        self.live = live
        self.start = time.monotonic()
        self.total = 0
        self.done = 0
        self.width = 0

    def plan(self, total: int) -> None:
        """How many documents this build renders or reuses."""
        self.total = total

    def step(self, label: str) -> None:
        """One document finished."""
        self.done += 1
        elapsed = time.monotonic() - self.start
        line = f"[{self.done:>{len(str(self.total))}}/{self.total}] {label}"
        if self.live:
            text = f"\r{line[:100]}  {elapsed:5.1f} s"
            self.stream.write(text + " " * max(0, self.width - len(text)))
            self.width = len(text)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def warn(self, message: str) -> None:
        """A warning on its own line; the build goes on."""
        if self.live and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.width = 0
        self.stream.write(f"Warnung: {message}\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.live and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
