"""Tests of vorlagen/meetings: a test of vorlagen/meetings/<modul>.py lives here as test_<modul>[_<aspekt>].py."""
