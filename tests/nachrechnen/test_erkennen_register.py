"""erkennen/register.py: the recognisers in one list with explicit priorities, run in that order, and each with a
test module of its own."""

from __future__ import annotations

from tests.hilfen import ROOT
from vorlagen.nachrechnen.erkennen import register

TESTS = ROOT / "tests" / "nachrechnen"


def test_every_priority_is_given_once_and_the_order_follows_it():
    raenge = [e.rang for e in register.ERKENNER]
    assert len(set(raenge)) == len(raenge)
    assert [e.rang for e in register.in_order()] == sorted(raenge)
    assert len({e.name for e in register.ERKENNER}) == len(register.ERKENNER)


def test_every_recogniser_has_a_test_module_of_its_own():
    ohne = [
        e.name
        for e in register.ERKENNER
        if not any(
            (TESTS / f"test_{prefix}_{e.name.split('_')[0]}.py").is_file() for prefix in ("erkennen", "nachrechnen")
        )
    ]
    assert ohne == [], f"ohne eigene Tests: {ohne} – tests/nachrechnen/test_erkennen_<name>.py anlegen"
