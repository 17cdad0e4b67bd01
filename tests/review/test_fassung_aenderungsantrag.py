"""A change of the Vorlage's figures that its Änderungsantrag quotes shows in `vergleichen` of both (issue 59,
point 3): the Vorlage's own figure and, with the reason, each figure of the Änderungsantrag computed from it."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen import FIXTURES, copy_data, edit, git, run
from tests.referenz.rechnen import euro, euro_mit_vorzeichen


def test_vergleichen_shows_the_change_in_the_vorlage_and_in_its_aenderungsantrag(capsys, tmp_path, schnellsatz):
    repo = tmp_path / "repo"
    data = copy_data(FIXTURES / "rostock", repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Ausgangsfassung")
    edit(data / "vorlagen/2020-DV-0662/vorlage.yaml", 'formel: "60000"', 'formel: "70000"')
    edit(data / "vorlagen/2020-DV-0662/vorlage.yaml", 'erwartet: "240000"', 'erwartet: "280000"')
    vorher, nachher = Fraction(60000), Fraction(70000)
    folge_vorher, folge_nachher = vorher * Fraction(9, 10), nachher * Fraction(9, 10)
    jahr_vorher, jahr_nachher = vorher + 3 * folge_vorher, nachher + 3 * folge_nachher
    code, out, _ = run(capsys, "vergleichen", "HEAD", "--data", str(data))
    assert code == 1  # changes
    assert (
        "Vorlage 2020/DV/0662: Zuschüsse je Quartal an die Träger für das Jahr 2020\n  Zahlen:\n"
        f"    Zahl „Zuschuss im ersten Quartal“: {euro(vorher)} → {euro(nachher)} ({euro_mit_vorzeichen(nachher - vorher)})\n"
    ) in out
    assert (
        "Vorlage 2020/DV/0662-01: Zuschüsse je Quartal – die folgenden Quartale mit 90 % des ersten\n  Zahlen:\n"
        f"    Zahl „Zuschuss im ersten Quartal (aus der Vorlage)“: {euro(vorher)} → {euro(nachher)} "
        f"({euro_mit_vorzeichen(nachher - vorher)})\n"
        f"      weil: geaendert.zahlen.quartal: {euro(vorher)} → {euro(nachher)}\n"
        f"    Zahl „Zuschuss in jedem folgenden Quartal“: {euro(folge_vorher)} → {euro(folge_nachher)} "
        f"({euro_mit_vorzeichen(folge_nachher - folge_vorher)})\n"
    ) in out
    assert f"    Zahl „Zuschüsse im Jahr“: {euro(jahr_vorher)} → {euro(jahr_nachher)}" in out


def test_vergleichen_shows_a_changed_einreicher(capsys, tmp_path, schnellsatz):
    repo = tmp_path / "repo"
    data = copy_data(FIXTURES / "rostock", repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Ausgangsfassung")
    edit(data / "vorlagen/2020-DV-0662-01/vorlage.yaml", "{fraktion: STROM,", "{fraktion: HAFEN,")
    code, out, _ = run(capsys, "vergleichen", "HEAD", "--data", str(data))
    assert code == 1
    assert (
        "Vorlage 2020/DV/0662-01: Zuschüsse je Quartal – die folgenden Quartale mit 90 % des ersten\n  Kopfdaten:\n"
        "    Eingereicht von: „Fraktion Am Strom, 17.01.2020“ → „Gruppe Hafenliste, 17.01.2020“\n"
    ) in out
