"""The handbook says what the program is (issue 57, point 3): einrichtung.md showed version 0.3.0 in the output of
`vorlagen --version`, datenrepository.md „zehn Arten“ of schemas where there are thirteen, and the security page said
the preview takes no changes, while its editing side writes the data files."""

from __future__ import annotations

import re
import tomllib

from tests.hilfen import ROOT
from vorlagen.core.fmt import zahlwort
from vorlagen.load.schema import FILES

DOCS = ROOT / "docs"


def test_the_version_shown_is_the_programs():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    text = (DOCS / "anleitungen/einrichtung.md").read_text(encoding="utf-8")
    assert re.findall(r"^vorlagen (\d+\.\d+\.\d+)$", text, re.M) == [version]


def test_the_schema_page_names_every_kind_and_their_number():
    text = " ".join((DOCS / "anleitungen/datenrepository.md").read_text(encoding="utf-8").split())
    satz = re.search(r"nach `schema/` \((\w+) Arten: ([^;]+);", text)
    assert satz is not None
    worte = {13: "dreizehn", 14: "vierzehn", 15: "fünfzehn", 16: "sechzehn"}  # zahlwort writes digits above twelve
    assert satz[1] == worte.get(len(FILES), zahlwort(len(FILES)))
    assert re.findall(r"`(\w+)`", satz[2]) == [f.name for f in FILES]


def test_the_security_page_says_the_editing_side_writes_the_data_files():
    text = " ".join((DOCS / "erklaerungen/sicherheit.md").read_text(encoding="utf-8").split())
    assert "nimmt keine Änderungen an" not in text
    assert "schreiben die Datendateien" in text and "/__vorlagen/bearbeiten/" in text
