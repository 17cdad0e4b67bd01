"""Tests of vorlagen/core: a test of vorlagen/core/<modul>.py lives here as test_<modul>[_<aspekt>].py."""
