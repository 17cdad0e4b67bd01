"""A local SMTP server for the tests (aiosmtpd), never a real one: what it received, and the [post] section that
sends a server's mail to it."""

from __future__ import annotations

import contextlib
import email
import email.policy
import time
from collections.abc import Iterator
from pathlib import Path

from tests.hilfen import free_port


class Postfach:
    """What the test's SMTP server received: (envelope recipients, message)."""

    def __init__(self):
        self.briefe: list[tuple[list[str], email.message.Message]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 – aiosmtpd's name
        self.briefe.append(
            (list(envelope.rcpt_tos), email.message_from_bytes(envelope.content, policy=email.policy.default))
        )
        return "250 OK"

    def warten(self, anzahl: int) -> list[tuple[list[str], email.message.Message]]:
        ende = time.monotonic() + 60
        while len(self.briefe) < anzahl and time.monotonic() < ende:
            time.sleep(0.2)
        return self.briefe


@contextlib.contextmanager
def postfach() -> Iterator[tuple[Postfach, int]]:
    """The SMTP server, started on a free port and stopped at the end; what it received and its port."""
    from aiosmtpd.controller import Controller

    fach = Postfach()
    controller = Controller(fach, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield fach, controller.port
    finally:
        controller.stop()


def post_an(wurzel: Path, port: int) -> None:
    """The server of this repository sends its mail to the test's SMTP server on `port`."""
    datei = wurzel / "vorlagen-server.toml"
    datei.write_text(
        datei.read_text(encoding="utf-8")
        + f'\n[post]\nserver = "127.0.0.1"\nport = {port}\nabsender = "vorlagen@stadt.example"\n',
        encoding="utf-8",
    )
