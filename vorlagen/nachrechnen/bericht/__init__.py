"""Berichten: the report of a check, as text and as JSON."""
