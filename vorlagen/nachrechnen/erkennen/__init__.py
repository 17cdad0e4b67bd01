"""Erkennen: the recognisers, one form each; each returns its readings (register.py lists them by priority)."""
