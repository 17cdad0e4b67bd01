"""A repository without a version in vorlagen.toml is read one way by every command (issue 57, point 2): `bauen` and
`pruefen` read it in this version's format, and `vergleichen` read each of its revisions as an earlier format – a
formula's numbers in Mio. € as euros, so Leipzig's „27,5 Mio. €“ stopped with „Die Zahl ist 27,5 € …“ (exit 2). A
rule that reads numbers anew applies only with a marker that says the data are older, or where a revision builds only
so – found by trying, and said so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.hilfen import ROOT, edit, git, run
from vorlagen.building.vorbereitung import vorbereitet
from vorlagen.migration.fruehere import umstellen

NBSP = "\u00a0"
MIO = f"{NBSP}Mio.{NBSP}€"
VORLAGE = "vorlagen/2021-0123/vorlage.yaml"
LEIPZIG = '  - id: invest\n    titel: Investitionen\n    formel: "27,5"\n    einheit: Mio. €\n'


def mit_zahl(data: Path) -> Path:
    edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n" + LEIPZIG + "verteilungen:\n")
    return data


def test_a_revision_without_marker_that_builds_now_is_read_as_bauen_reads_it(data):
    assert not (data.parent / "vorlagen.toml").exists()
    mit_zahl(data)
    vorher = (data / VORLAGE).read_text(encoding="utf-8")
    assert umstellen(data, "HEAD") is None  # nothing read anew: 27,5 stays 27,5 Mio. €
    assert (data / VORLAGE).read_text(encoding="utf-8") == vorher
    assert vorbereitet(data).rechnungen["2021-0123"].zahlen["invest"].text == f"27,5{MIO}"


def test_a_revision_without_marker_that_builds_only_as_an_earlier_format_is_said_so(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests/fixtures/fruehere/b15efc8-nienburg/data", data)
    umgestellt = umstellen(data, "HEAD~1")
    assert umgestellt is not None
    assert umgestellt.zeile().startswith(
        "„HEAD~1“ ist im Format einer früheren Version (vorlagen.toml nennt keine Version, und im Format dieser "
        "Version lässt es sich nicht bauen): verglichen wird es so, wie „vorlagen aktualisieren“ es umschreibt ("
    )
    # its numbers in Mio. € were euros then: 52.780.000 € → 52,78 Mio. €
    assert 'formel: "52780000"' not in (data / "kennzahlen/personal-2024.yaml").read_text(encoding="utf-8")


@pytest.mark.langsam  # builds two revisions with their PDFs
def test_vergleichen_reads_the_leipzig_repository_as_bauen_does(tmp_path, capsys):
    repo = tmp_path / "repo"
    data = mit_zahl(shutil.copytree(ROOT / "data", repo / "data"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Leipzig")
    edit(data / VORLAGE, 'formel: "27,5"', 'formel: "28"')
    code, out, err = run(capsys, "vergleichen", "HEAD", "--data", str(data))
    assert (code, err) == (1, "")
    assert f"    Zahl „Investitionen“: 27,5{MIO} → 28{MIO} (+0,5{MIO})\n" in out
    assert "früheren Version" not in out
