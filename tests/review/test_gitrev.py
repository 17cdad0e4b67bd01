"""Reading a revision from git – and without git on the machine, one German line and exit code 2 (issue 45, point 4):
never „Die Datei oder der Ordner fehlt“ and exit 1, which `vergleichen` uses for „changes found“."""

from __future__ import annotations

from tests.hilfen import DATA, copy_data, git, run

GIT_FEHLT = (
    "git ist auf diesem Rechner nicht installiert (oder nicht im Suchpfad PATH) – „vergleichen“ liest die Fassungen "
    "aus git; installieren Sie git (Debian und Ubuntu: sudo apt install git; Windows: Git für Windows) und rufen Sie "
    "den Befehl dann erneut auf.\n"
)


def test_vergleichen_without_git_says_so_in_one_line_and_exits_2(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    copy_data(DATA, repo)
    git(repo, "init", "-q", "-b", "main")
    leer = tmp_path / "ohne-git"
    leer.mkdir()
    monkeypatch.setenv("PATH", str(leer))  # a PATH where git is not
    for args in (["vergleichen"], ["vergleichen", "HEAD~1", "HEAD"], ["vergleichen", "HEAD", "--fassung", "2021/0123"]):
        code, out, err = run(capsys, "--data", str(repo / "data"), *args)
        assert (code, out, err) == (2, "", GIT_FEHLT), args
