"""Every bound on work and memory that data can ask for, in one place (the handbook's referenz/grenzen.md)."""

from __future__ import annotations

# Periods (Berechnungen, Bescheide, Anträge): each year of a period is a column and a split.
LANG_MONATE = 72  # plausibility: a longer period needs „lang: true“ in its record
MAX_JAHRE = 50  # never more calendar years in one period, not even with „lang: true“

# YAML files, lists and tables.
MAX_TIEFE = 50  # levels of nesting in one YAML file (the deepest real one has six)
MAX_EINTRAEGE = 1000  # entries in one YAML list or section (rows of Kosten, Werte, Positionen, TOPs …)
MAX_TABELLENZEILEN = 1000  # rows of one Markdown table, header included

# Templates and prose expressions (render/sandbox.py).
MAX_TEXT = 1_000_000  # characters (or list items) one operation may produce
MAX_STEPS = 100_000  # range() items per rendering
MAX_EXPONENT = 64  # exponent of **
MAX_AUSGABE = 10 * MAX_TEXT  # characters one template rendering may print
MAX_GEMACHT = 5 * MAX_AUSGABE  # characters and list entries all operations of one rendering may make together
MAX_SCHLEIFE = 1_000_000  # rounds of all {% for %} loops of one rendering
MAX_STELLEN = 1000  # decimal digits of an integer made by * or **
MAX_ARGUMENT = 1000  # integer arguments that set the size of a filter's result (batch, round, zahl, prozent)

# Layout check (render/layout.py): boxes of one laid-out document looked at; a larger one is checked that far.
MAX_BOXEN = 1_000_000
