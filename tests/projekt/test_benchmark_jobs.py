"""The benchmark renders the documents a build renders: its list of jobs follows the builder's (it broke once
unnoticed when a job gained its title)."""

from __future__ import annotations

import sys

from tests.hilfen import DATA, ROOT


def test_the_benchmark_lists_every_vorlage_and_agenda_of_the_example_with_its_title():
    sys.path.insert(0, str(ROOT))
    from benchmark.run import print_jobs
    from vorlagen.load.facts import load

    jobs = print_jobs(DATA)
    facts, problems = load(DATA)
    assert not problems
    names = [name for name, _ in jobs]
    for source in facts.vorlagen:
        assert source.vorlage.nummer in names
    agendas = [sid for sid, sitzung in facts.sitzungen.items() if sitzung.tagesordnung]
    assert sorted({n for n in names if n.startswith("Tagesordnung ")}) == sorted(f"Tagesordnung {s}" for s in agendas)
    assert all(job.titel and job.html.lstrip().startswith("<!DOCTYPE") for _, job in jobs)
