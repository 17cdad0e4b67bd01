"""How our processes run: settings of the Python runtime that every entry point (command, service, worker) makes."""

from __future__ import annotations

import gc

# Python looks for reference cycles after every 700 new objects. A build makes millions of small objects
# (YAML nodes, records, template output) that nearly all live until it ends, so most of those searches find
# nothing and walk the same young objects again: a fifth of an unchanged build of a year, and a few
# percent of every PDF WeasyPrint sets. Looking after 10,000 objects finds the same cycles, a little later.
YOUNG_OBJECTS_BEFORE_COLLECTING = 10_000


def collect_less_often() -> None:
    """Searches for reference cycles less often (the older generations keep Python's own rhythm)."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS_BEFORE_COLLECTING, middle, old)
