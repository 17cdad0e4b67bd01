"""Tests of vorlagen/render: a test of vorlagen/render/<modul>.py lives here as test_<modul>[_<aspekt>].py."""
