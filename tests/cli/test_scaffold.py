"""`vorlagen neu` sets the new data repository up as a git repository – and says when it could not (issue 45,
point 4): without git on the machine the data is complete, and the hint names what to install and run."""

from __future__ import annotations

from tests.hilfen import run


def test_neu_without_git_makes_the_repository_and_says_what_to_do(capsys, tmp_path, monkeypatch):
    leer = tmp_path / "ohne-git"
    leer.mkdir()
    monkeypatch.setenv("PATH", str(leer))
    repo = tmp_path / "Gemeinde Übach Palenberg"
    code, out, err = run(capsys, "neu", str(repo))
    assert code == 0 and (repo / "data" / "koerperschaft.yaml").is_file()
    assert not (repo / ".git").exists()
    assert err == (
        "Hinweis: git ist auf diesem Rechner nicht installiert – das Datenrepository ist ohne git angelegt; "
        "installieren Sie git (Debian und Ubuntu: sudo apt install git; Windows: Git für Windows) und richten Sie es "
        f'dann im Ordner "{repo.as_posix()}" mit „git init“ und „git config diff.vorlage.textconv "vorlagen text"“ '
        "ein: dann zeigt „vorlagen vergleichen“, was sich geändert hat.\n"
    )
    assert out.endswith(f'\nWeiter:\n  cd "{repo.as_posix()}"\n  vorlagen\n')
