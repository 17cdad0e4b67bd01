"""Tests of vorlagen/cli: a test of vorlagen/cli/<modul>.py lives here as test_<modul>[_<aspekt>].py."""
