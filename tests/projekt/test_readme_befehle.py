"""The README's `vorlagen …` commands work as the README says to call them (issue 61, point 10): `./bauen.sh`
sets up no command `vorlagen`, so the README says that `./bauen.sh` stands for it in the repository; every command
it names is one of the program's, and `./bauen.sh` hands its arguments to the program."""

from __future__ import annotations

import re

from tests.hilfen import ROOT
from vorlagen.cli import COMMANDS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_says_how_to_call_its_vorlagen_commands_in_the_repository():
    assert "`./bauen.sh` legt keinen\nBefehl `vorlagen` an – hier steht `./bauen.sh` an seiner Stelle" in README
    assert "`vorlagen nachrechnen\nvorlage.pdf` heißt `./bauen.sh nachrechnen vorlage.pdf`" in README


def test_every_vorlagen_command_of_the_readme_is_a_command_that_bauen_sh_hands_on():
    names = {c.name for c in COMMANDS} | {c.alias for c in COMMANDS if c.alias}
    used = set(re.findall(r"`(?:vorlagen|\./bauen\.sh)\s+([a-z]+)", README))
    assert used and used <= names, used - names
    assert (ROOT / "bauen.sh").read_text(encoding="utf-8").rstrip().endswith('exec .venv/bin/python build.py "$@"')
    assert (ROOT / "bauen.cmd").read_text(encoding="utf-8").count('".venv\\Scripts\\python.exe" build.py %*') == 1
    assert "from vorlagen.cli import run" in (ROOT / "build.py").read_text(encoding="utf-8")
