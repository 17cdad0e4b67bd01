"""Tests of vorlagen/load: a test of vorlagen/load/<modul>.py lives here as test_<modul>[_<aspekt>].py."""
