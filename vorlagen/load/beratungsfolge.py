"""A Beratungsfolge runs forward in time: its Sitzungen by date and, on one day, by start time, and a step dated
without a Sitzung file no earlier than the steps before it – in the words of `pruefen`, also said by the form of a new
Vorlage in the browser."""

from __future__ import annotations

import datetime as dt

from vorlagen.core.fmt import datum
from vorlagen.core.problems import Problem
from vorlagen.load.facts import Facts
from vorlagen.load.vorlage import Beratung


def zeitfolge(facts: Facts, beratungsfolge: list[Beratung], vom: dt.date | None = None) -> list[Problem]:
    """The Beratungsfolge runs forward in time; on one day, the stated order must fit the start times."""
    known = [b for b in beratungsfolge if b.sitzung in facts.sitzungen]
    problems = []
    for earlier, later in zip(known, known[1:]):
        assert earlier.sitzung is not None and later.sitzung is not None  # known: a file of facts.sitzungen
        problems += [Problem(later.where("sitzung"), m) for m in ungeordnet(facts, earlier.sitzung, later.sitzung)]
    problems += _check_datiert(facts, beratungsfolge, vom)
    return problems


def ungeordnet(facts: Facts, earlier: str, later: str) -> list[str]:
    """What is wrong when the Sitzung `later` follows `earlier` in a Beratungsfolge (both known): nothing, or the
    messages of `pruefen` (also said by the form of a new Vorlage in the browser)."""
    first, second = facts.sitzungen[earlier], facts.sitzungen[later]
    messages = []
    if second.datum < first.datum:
        messages.append(
            f"Die Beratungsfolge ist nicht nach Datum geordnet: „{later}“ ({datum(second.datum)}) steht nach "
            f"„{earlier}“ ({datum(first.datum)}) – ordnen Sie die Sitzungen nach ihrem Datum."
        )
    elif second.datum == first.datum and first.uhrzeit and second.uhrzeit and second.uhrzeit < first.uhrzeit:
        messages.append(
            f"Am {datum(first.datum)} beginnt „{later}“ ({second.beginn}) vor „{earlier}“ ({first.beginn}), steht "
            "in der Beratungsfolge aber danach – ordnen Sie die Sitzungen eines Tages nach ihrem Beginn."
        )
    if earlier == later:
        messages.append(
            f"Die Sitzung „{later}“ steht zweimal hintereinander in der Beratungsfolge – streichen Sie einen der "
            "Einträge."
        )
    return messages


def _check_datiert(facts: Facts, beratungsfolge: list[Beratung], vom: dt.date | None) -> list[Problem]:
    """A step dated without a Sitzung file (`datum`) comes no earlier than any step stated before it. A step before
    the Vorlage's own date (`vom`) is named by the check of results (compute/beschluss.py), which says more."""
    problems = []
    for i, later in enumerate(beratungsfolge):
        if later.sitzung is not None or later.datum is None or (vom is not None and later.datum < vom):
            continue
        for earlier in beratungsfolge[:i]:
            sitzung = facts.sitzungen.get(earlier.sitzung) if earlier.sitzung is not None else None
            tag = sitzung.datum if sitzung is not None else earlier.datum
            if tag is None or tag <= later.datum:
                continue
            wo = earlier.where("sitzung" if earlier.sitzung is not None else "datum")
            problems.append(
                Problem(
                    later.where("datum"),
                    f"Diese Beratung ist am {datum(later.datum)}, steht in der Beratungsfolge aber nach der "
                    f"Beratung vom {datum(tag)} ({wo}) – ein späterer Schritt kann nicht vor einem früheren liegen: "
                    "prüfen Sie beide Tage.",
                )
            )
            break
    return problems
