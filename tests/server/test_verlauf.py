"""A Vorlage's history from git and the check of a commit id from an address (vorlagen/server/verlauf.py): only a
full hexadecimal id of a commit of HEAD's history passes – no ref, no revision expression, no option, no other
object, no commit of another branch."""

from __future__ import annotations

import pytest

from tests.hilfen.server import git, repository
from vorlagen.server import verlauf


@pytest.fixture(scope="module")
def wurzel(tmp_path_factory):
    wurzel = repository(tmp_path_factory.mktemp("verlauf") / "repo")
    datei = wurzel / "data" / "vorlagen" / "2021-0123" / "beschlussvorschlag.md"
    datei.write_text(datei.read_text(encoding="utf-8") + "\nNoch ein Satz.\n", encoding="utf-8")
    git(wurzel, "-c", "user.name=Anna Amsel", "-c", "user.email=anna@stadt.example", "commit", "-qam", "Ein Satz")
    return wurzel


def test_the_history_names_who_when_and_what_newest_first(wurzel):
    eintraege = verlauf.eintraege(wurzel, wurzel / "data" / "vorlagen" / "2021-0123")
    assert [(e.name, e.email, e.nachricht) for e in eintraege] == [
        ("Anna Amsel", "anna@stadt.example", "Ein Satz"),
        ("Einrichtung", "it@stadt.example", "Beispiel"),
    ]
    assert [e.sha for e in eintraege] == git(wurzel, "rev-list", "HEAD").split()
    andere = verlauf.eintraege(wurzel, wurzel / "data" / "vorlagen" / "2021-0130")
    assert [e.nachricht for e in andere] == ["Beispiel"]  # the other Vorlage's folder was not touched
    assert len(verlauf.eintraege(wurzel, wurzel / "data", anzahl=1)) == 1


@pytest.mark.parametrize(
    "wert", ["HEAD", "HEAD~1", "master", "main", "--output=x", "..", "a" * 39, "A" * 40, "a" * 41, "0" * 5000, ""]
)
def test_no_ref_expression_or_option_passes(wurzel, wert):
    assert not verlauf.ist_commit_id(wert)
    assert not verlauf.im_verlauf(wurzel, wert)


def test_only_commits_of_heads_history_pass(wurzel):
    kopf, erster = git(wurzel, "rev-list", "HEAD").split()
    assert verlauf.im_verlauf(wurzel, kopf) and verlauf.im_verlauf(wurzel, erster)
    assert not verlauf.im_verlauf(wurzel, "0" * 40)
    assert not verlauf.im_verlauf(wurzel, git(wurzel, "rev-parse", "HEAD^{tree}").strip())  # an object, no commit
    git(wurzel, "checkout", "-qb", "seitenzweig")
    git(wurzel, "-c", "user.name=X", "-c", "user.email=x@stadt.example", "commit", "-q", "--allow-empty", "-m", "fremd")
    fremd = git(wurzel, "rev-parse", "HEAD").strip()
    git(wurzel, "checkout", "-q", "-")
    assert not verlauf.im_verlauf(wurzel, fremd)  # a commit of the repository, but not of the server's history


def test_the_link_on_the_vorlage_page_only_for_who_may_see_it():
    html = b"<h1>Vorlage bearbeiten: 2021-0123</h1><p>x</p>"
    assert verlauf.verweis(html, "2021-0123", False) == html
    mit = verlauf.verweis(html, "2021-0123", True)
    assert b'<a href="/__vorlagen/bearbeiten/verlauf/2021-0123">Verlauf und Vergleich der Fassungen</a>' in mit
