"""The user name a reverse proxy passes after its own sign-in (Kerberos/AD single sign-on): believed only in the
configured header and only from the configured proxy addresses; from anywhere else the header counts for nothing."""

from __future__ import annotations

import re
from typing import Protocol

from vorlagen.server import konten
from vorlagen.server.konfiguration import Konfiguration
from vorlagen.server.rechte import Person


class Kopf(Protocol):
    """The head of a request as the web framework gives it: a header by its name, in any case."""

    def get(self, name: str) -> str | None: ...


NAME = re.compile(r"[A-Za-z0-9._@\\-]{1,200}")


def person(konfiguration: Konfiguration, adresse: str | None, kopf: Kopf) -> Person | None:
    """The person the proxy names, or None (no proxy configured, another address, no or no plain name). A local
    account of that name gives name, e-mail and role; else the configuration's rights by name."""
    if not konfiguration.proxy_kopf or adresse not in konfiguration.proxys:
        return None
    name = (kopf.get(konfiguration.proxy_kopf) or "").strip()
    if not NAME.fullmatch(name):
        return None
    return konten.person(konfiguration.zustand, name) or Person(name, name, name if "@" in name else "", ())
