"""Rendering: Jinja (sandboxed) → HTML → PDF and text."""
