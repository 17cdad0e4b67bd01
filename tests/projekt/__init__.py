"""Tests of the repository itself: hygiene, the layers, the handbook, set-up and installation."""
