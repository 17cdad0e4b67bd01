"""`python -m vorlagen`: the same as the `vorlagen` command."""

from vorlagen.cli import run

run()
