"""Tests of vorlagen/review: a test of vorlagen/review/<modul>.py lives here as test_<modul>[_<aspekt>].py."""
