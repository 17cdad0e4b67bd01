"""Tests of vorlagen/building: a test of vorlagen/building/<modul>.py lives here as test_<modul>[_<aspekt>].py."""
