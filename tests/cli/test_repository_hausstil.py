"""What `vorlage neu` and `neu` write fits the Körperschaft (issue 57, point 3): a new Vorlage's Rolle was a word the
body's own `hausstil: rollen` does not have (the new file failed at once), and its date today's although
`datum_pflicht: false`; `neu` left a git repository without a first commit, so the handbook's next step (`git rm`
of a placeholder) failed."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
import yaml

from tests.hilfen import run


def _heute() -> dt.date:
    """Today, read when a test asks (a constant read at import went stale when a run crossed midnight)."""
    return dt.date.today()


EIGENE = "hausstil:\n  datum_pflicht: false\n  rollen:\n    Beratung: {}\n    Beschluss: {entscheidet: true}\n"


def test_a_new_vorlage_takes_the_bodys_own_roles_and_no_date_where_none_is_required(capsys, tmp_path):
    repo = tmp_path / "r"
    assert run(capsys, "neu", str(repo))[0] == 0
    koerperschaft = repo / "data" / "koerperschaft.yaml"
    koerperschaft.write_text(koerperschaft.read_text(encoding="utf-8") + EIGENE, encoding="utf-8")
    code, out, err = run(capsys, "--data", str(repo), "vorlage", "neu", "Neubau der Kita", "--art", "Beschlussvorlage")
    assert (code, err) == (0, "")
    vorlage = yaml.safe_load((repo / "data" / "vorlagen" / f"{_heute().year}-0002" / "vorlage.yaml").read_text())
    sitzung = (_heute() + dt.timedelta(days=28)).isoformat()
    # the last Beratung decides: the body's deciding word, not „Entscheidung“
    assert vorlage["beratungsfolge"] == [{"sitzung": f"AS-{sitzung}", "rolle": "Beschluss"}]
    assert "datum" not in vorlage  # not known yet: the body allows it
    code, out, err = run(capsys, "--data", str(repo), "pruefen", "--ohne-satz")
    assert f"vorlagen/{_heute().year}-0002/" not in out + err  # the new file fits the body (neu's example does not)


@pytest.mark.skipif(shutil.which("git") is None, reason="ohne git")
def test_neu_makes_a_first_commit_so_that_git_rm_of_a_placeholder_works(capsys, tmp_path):
    repo = tmp_path / "r"
    assert run(capsys, "neu", str(repo))[0] == 0
    log = subprocess.run(["git", "log", "--format=%s"], cwd=repo, capture_output=True, text=True, check=True)
    assert log.stdout.strip() != ""
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True, check=True)
    assert status.stdout == ""  # everything `neu` wrote is in that commit
    vorlagen = sorted((repo / "data" / "vorlagen").iterdir())
    rm = subprocess.run(["git", "rm", "-r", "-q", vorlagen[0].relative_to(repo).as_posix()], cwd=repo)
    assert rm.returncode == 0
