"""Tests of vorlagen/compute: a test of vorlagen/compute/<modul>.py lives here as test_<modul>[_<aspekt>].py."""
