"""Every commit stays reviewable (issue 43, point 3): `vergleichen PARENT COMMIT` works for every commit of the
project's own history that touches data/, whatever format each side was written in; a revision of an earlier
format is brought to this one in memory, the report says so and whether every printed figure stays."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.hilfen import ROOT
from tests.hilfen.vorgebaut import ausgabe
from vorlagen.cli import main

FRUEHERE = ROOT / "tests" / "fixtures" / "fruehere"


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=60).stdout


def _datencommits() -> list[str]:
    """The commits that touch data/ and have a parent; [] without git or with a shallow history."""
    try:
        if _git("rev-parse", "--is-shallow-repository").strip() == "true":
            return []
        commits = _git("log", "--format=%h %p", "--", "data/").splitlines()
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.split()[0] for line in commits if len(line.split()) > 1]


COMMITS = _datencommits()
OHNE = pytest.param(None, marks=pytest.mark.skip(reason="ohne vollständige git-Geschichte"))


@pytest.mark.langsam  # builds two revisions of the example with their PDFs, for every data commit
@pytest.mark.parametrize("commit", COMMITS or [OHNE])
def test_every_data_commit_of_the_example_compares_with_its_parent(commit, capsys):
    # the example's build of today as the user's last build: the older revision reuses what it still prints alike
    code = main(["--data", str(ROOT / "data"), "--out", str(ausgabe()), "vergleichen", f"{commit}^", commit])
    out, err = capsys.readouterr()
    assert code in (0, 1), err  # 2 would be a refusal
    assert out.startswith(f"Vergleich: {commit}^ → {commit}\n"), out
    if "im Format einer früheren Version" in out:
        assert "Gedruckte Zahlen: " in out, out


@pytest.mark.langsam  # builds the repository before and after the update
def test_the_review_of_an_update_commit_shows_that_no_printed_figure_changed(tmp_path, capsys):
    if shutil.which("git") is None:
        pytest.skip("ohne git")
    repo = tmp_path / "repo"
    shutil.copytree(FRUEHERE / "0.2.0-rhein-sieg" / "data", repo / "data")
    _git("init", "-q", cwd=repo)
    for step in ("vorher", "aktualisiert"):
        if step == "aktualisiert":
            vorher = FRUEHERE / "0.2.0-rhein-sieg" / "ausgabe"
            assert main(["--data", str(repo / "data"), "aktualisieren", "--vorher", str(vorher)]) == 0
        _git("add", "-A", cwd=repo)
        _git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", step, cwd=repo)
    capsys.readouterr()
    code = main(["--data", str(repo / "data"), "vergleichen", "HEAD~1", "HEAD"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    lines = out.splitlines()
    assert lines[2].startswith(
        "„HEAD~1“ ist im Format einer früheren Version: verglichen wird es so, wie „vorlagen aktualisieren“ es "
        "umschreibt ("
    )
    assert lines[3].startswith("Gedruckte Zahlen: alle ") and lines[3].endswith(" wie vorher."), out


def test_the_changelog_names_the_commit_of_each_version_and_no_tag_the_repository_lacks():
    import re

    text = (ROOT / "docs" / "aenderungen.md").read_text(encoding="utf-8")
    commits = re.findall(r"^\| (\d+\.\d+\.\d+) \| `([0-9a-f]{7})`", text, re.M)
    assert [v for v, _ in commits] == ["0.3.2", "0.3.1", "0.3.0", "0.2.0"]
    seiten = [p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]]
    assert not [s for s in seiten if re.search(r"git checkout v\d", s)]
    if not COMMITS:
        pytest.skip("ohne vollständige git-Geschichte")
    for version, commit in commits:
        pyproject = _git("show", f"{commit}:pyproject.toml")
        assert f'version = "{version}"' in pyproject, (version, commit)
        nachfolger = _git("log", "--first-parent", "--format=%h", f"{commit}..HEAD").split()
        assert nachfolger, commit  # on main's line, before its end


@pytest.mark.langsam  # builds the repository before and after the update
def test_the_update_commit_of_a_repository_with_figures_in_mio_eur_compares_with_its_parent(tmp_path, capsys):
    """b15efc8-nienburg has numbers-only formulas in Mio. € and T€ (`formel: "52780000"`): the update rewrites them
    into the figure's unit, and the revision after the update is in this format already – it must not be divided
    again (issue 43, tester's finding V1)."""
    if shutil.which("git") is None:
        pytest.skip("ohne git")
    name = "b15efc8-nienburg"
    repo = tmp_path / "repo"
    shutil.copytree(FRUEHERE / name / "data", repo / "data")
    _git("init", "-q", cwd=repo)
    for step in ("vorher", "aktualisiert"):
        if step == "aktualisiert":
            vorher = FRUEHERE / name / "ausgabe"
            assert main(["--data", str(repo / "data"), "aktualisieren", "--vorher", str(vorher)]) == 0
        _git("add", "-A", cwd=repo)
        _git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", step, cwd=repo)
    capsys.readouterr()
    code = main(["--data", str(repo / "data"), "vergleichen", "HEAD~1", "HEAD"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "„HEAD“ ist im Format einer früheren Version" not in out, out
    assert "Gedruckte Zahlen: alle " in out and " wie vorher." in out, out
