"""What every page of the server knows (`Dienst`): the configuration, the data folder, the one lock of the
server's saves, the build queue and the commit it was last asked to build. Its own module so that every page module
can name the type without importing the application that assembles them (anwendung.py)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from vorlagen.server.bauschlange import Bauschlange
from vorlagen.server.konfiguration import Konfiguration


@dataclass
class Dienst:
    """What every page knows: the configuration, the data folder, the one lock of the server's saves, the build
    queue, and the commit it was last asked to build."""

    konfiguration: Konfiguration
    data: Path
    speichern: threading.Lock
    bauschlange: Bauschlange
    kopf: str = ""
