"""The rounding rule a computation uses: the Körperschaft's, or a table's or Bescheid's own `rundung`."""

from __future__ import annotations

import dataclasses

from vorlagen.core.money import Rundung, quantum_for
from vorlagen.load.facts import Facts


def rundung_of(facts: Facts) -> Rundung:
    """The Körperschaft's one rounding rule."""
    k = facts.koerperschaft
    return Rundung(quantum_for(k.rundung), k.runden == "je_einheit", k.prozent_stellen)


def eigene_rundung(rundung: Rundung, eigene: str | None) -> Rundung:
    """A table's or Bescheid's own `rundung: euro|cent`, else the Körperschaft's."""
    return rundung if eigene is None else dataclasses.replace(rundung, quantum=quantum_for(eigene))
