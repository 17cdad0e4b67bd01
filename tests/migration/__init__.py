"""Tests of vorlagen/migration: a test of vorlagen/migration/<modul>.py lives here as test_<modul>[_<aspekt>].py."""
