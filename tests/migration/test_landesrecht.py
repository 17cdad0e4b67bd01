"""`vorlagen aktualisieren` and the Land (issue 34, point 1): an old repository that cites another Land's law never
silently becomes NRW. The six old repositories of tests/fixtures/altbestand are of BW, BY, SN, NI, NW and NI."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.hilfen import FIXTURES
from vorlagen.cli import main
from vorlagen.load.land import land_von
from vorlagen.migration.landesrecht import zitate
from vorlagen.migration.umschreibregeln import umschreiben

# messages name files from where the command ran: as users, the tests run from the repository (tmp_path)
pytestmark = pytest.mark.usefixtures("aus_dem_repository")

ALTBESTAND = FIXTURES / "altbestand"
# the Land of each body as its README and koerperschaft.yaml say, and the law its hausstil cites
LAENDER = {
    "lauterbach": ("Baden-Württemberg", "§ 84 GemO"),
    "schwabach": ("Bayern", "Art. 66 GO"),
    "heidenau": ("Sachsen", "§ 79 SächsGemO"),
    "nienburg": ("Niedersachsen", None),
    "haan": ("Nordrhein-Westfalen", None),
    "lohne": ("Niedersachsen", "§ 89 NGO"),
}
RECHTSGRUNDLAGE = re.compile(r'^    rechtsgrundlage: "(?P<norm>[^"]+)"\n', re.M)


def copy(name: str, tmp_path: Path) -> Path:
    data = tmp_path / name / "data"
    shutil.copytree(ALTBESTAND / name / "data", data)
    os.chdir(data.parent)  # the repository the commands run from (undone with the fixture's chdir)
    return data


def without_own_law(data: Path, into_text: bool) -> str:
    """The body relied on the default: no `rechtsgrundlage` (and nothing else left under hausstil); `into_text`:
    its Vorlage's first Markdown text cites the law instead."""
    path = data / "koerperschaft.yaml"
    text = path.read_text(encoding="utf-8")
    norm = RECHTSGRUNDLAGE.search(text)["norm"]
    text = RECHTSGRUNDLAGE.sub("", text)
    text = re.sub(r"^hausstil:\n(?!  )", "", re.sub(r"^  finanzen:\n(?!    )", "", text, flags=re.M), flags=re.M)
    path.write_text(text, encoding="utf-8")
    if into_text:
        md = sorted((data / "vorlagen").glob("*/*.md"))[0]
        md.write_text(md.read_text(encoding="utf-8") + f"\nDie Bereitstellung folgt {norm}.\n", encoding="utf-8")
    return norm


def land_line(data: Path) -> list[str]:
    return re.findall(r"^land:.*$", (data / "koerperschaft.yaml").read_text(encoding="utf-8"), re.M)


def test_the_citations_of_the_six_old_repositories_name_their_land():
    for name, (land, norm) in LAENDER.items():
        found = zitate(ALTBESTAND / name / "data")
        if norm is None:
            assert found == [], name
            continue
        assert {z.text for z in found} == {norm}, name
        assert all(land in z.laender for z in found), name
    # GemO is the law of two Länder, Art. … GO of Bayern alone (Schleswig-Holstein cites its GO by §)
    [gemo] = zitate(ALTBESTAND / "lauterbach" / "data")
    assert gemo.laender == ("Baden-Württemberg", "Rheinland-Pfalz")


@pytest.mark.parametrize("name", sorted(LAENDER))
def test_as_written_no_old_repository_gets_a_land_it_did_not_name(name, tmp_path):
    """Each either gives its own legal basis or computes nothing from a Haushalt: no `land:` is written for it."""
    data = copy(name, tmp_path)
    q = umschreiben(data)
    assert land_line(data) == []
    assert not [o for o in q.offen if "land:" in o.was]


@pytest.mark.parametrize("name", ["lauterbach", "heidenau", "lohne"])  # schwabach: no Haushalt data, no Land needed
def test_a_repository_citing_another_lands_law_is_refused_with_the_file_to_set_land_in(name, tmp_path):
    data = copy(name, tmp_path)
    norm = without_own_law(data, into_text=name != "lohne")  # lohne's Beschlussvorschlag cites § 89 NGO itself
    q = umschreiben(data)
    assert land_line(data) == []  # not NRW, not a guess
    [offen] = [o for o in q.offen if "land:" in o.was]
    land = LAENDER[name][0]
    moeglich = ["Baden-Württemberg", "Rheinland-Pfalz"] if norm == "§ 84 GemO" else [land]
    zitat = next(z for z in zitate(data) if z.text == norm)
    vorschlag = " oder ".join(f"„land: {m}“" for m in moeglich)
    assert str(offen) == (
        f"data/koerperschaft.yaml:{_line(data, 'name:')}: {zitat.datei}:{zitat.zeile} nennt „{norm}“ – Recht von "
        f"{' oder '.join(moeglich)}, nicht von Nordrhein-Westfalen, nach dessen Recht frühere Fassungen ohne Angabe "
        f"rechneten: tragen Sie in data/koerperschaft.yaml {vorschlag} ein (das Land, dessen Recht gilt) und rufen "
        "Sie „vorlagen aktualisieren“ erneut auf."
    )
    # every proposed line names a Land the program knows, and the body's own among them
    assert land in moeglich and all(land_von(m) is not None for m in moeglich)


def test_the_proposed_land_is_read_by_the_next_upgrade(tmp_path):
    data = copy("lohne", tmp_path)
    without_own_law(data, into_text=False)
    path = data / "koerperschaft.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("verwaltungschef:", "land: Niedersachsen\nverwaltungschef:", 1),
        encoding="utf-8",
    )
    q = umschreiben(data)
    assert land_line(data) == ["land: Niedersachsen"]
    assert not [o for o in q.offen if "land:" in o.was]


def test_without_any_citation_no_land_is_written_but_asked_for(tmp_path):
    """Nothing in the repository names a Land: earlier versions printed NRW law, but the upgrade does not guess the
    body's Land – it writes nothing and names the option (issue 34, point 1: a message, not a default)."""
    data = copy("lauterbach", tmp_path)
    without_own_law(data, into_text=False)
    q = umschreiben(data)
    assert land_line(data) == []
    assert [str(o) for o in q.offen if "--land" in o.was] == [
        "data/koerperschaft.yaml:4: Ihre Daten nennen kein Land, und frühere Fassungen rechneten "
        "ohne Angabe nach dem Recht von Nordrhein-Westfalen (§ 83 GO NRW): rufen Sie „vorlagen aktualisieren --land "
        "NRW“ auf, wenn Ihre Körperschaft dort liegt – sonst mit Ihrem Land, z. B. „--land Bayern“ (die Vorschrift, die "
        "Ihre Vorlagen drucken, ändert sich dann in die Ihres Landes; der Bericht nennt jede Stelle)."
    ]


@pytest.mark.parametrize("genannt", ["NRW", "Nordrhein-Westfalen"])
def test_the_land_named_with_the_option_is_written_and_said(tmp_path, genannt):
    data = copy("lauterbach", tmp_path)
    without_own_law(data, into_text=False)
    q = umschreiben(data, land=land_von(genannt))
    assert land_line(data) == ["land: Nordrhein-Westfalen"]
    assert [u.grund for u in q.umschreibungen if u.nachher.startswith("land:")] == [
        "das Land, das Sie mit --land genannt haben"
    ]
    assert not q.erklaerungen and not q.offen  # NRW law was printed before and is printed now


def test_another_land_named_with_the_option_explains_the_changed_paragraph(tmp_path):
    data = copy("lauterbach", tmp_path)
    without_own_law(data, into_text=False)
    q = umschreiben(data, land=land_von("BW"))
    assert land_line(data) == ["land: Baden-Württemberg"]
    assert q.erklaerungen and {e.norm for e in q.erklaerungen} == {"GO NRW"}
    assert all("wählt jetzt die Vorschrift von Baden-Württemberg" in e.grund for e in q.erklaerungen)


def test_a_citation_of_nrw_law_is_the_evidence_for_land_nrw(tmp_path):
    data = copy("lauterbach", tmp_path)
    without_own_law(data, into_text=False)
    md = sorted((data / "vorlagen").glob("*/*.md"))[0]
    md.write_text(md.read_text(encoding="utf-8") + "\nDie Bereitstellung folgt § 83 GO NRW.\n", encoding="utf-8")
    q = umschreiben(data)
    assert land_line(data) == ["land: NRW"]
    (grund,) = [u.grund for u in q.umschreibungen if u.nachher == "land: NRW"]
    assert grund.startswith(f"{md.relative_to(data.parent).as_posix()}:") and "nennt „§ 83 GO NRW“" in grund


def _line(data: Path, needle: str) -> int:
    lines = (data / "koerperschaft.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(needle))


@pytest.mark.langsam  # builds the repository with the program of the last version
def test_the_upgrade_of_a_repository_citing_another_lands_law_writes_nothing(tmp_path, capsys):
    """lohne without its own legal basis (a body that relied on the default) whose Beschlussvorschlag cites § 89 NGO:
    `vorlagen aktualisieren` names the citation and the file, and leaves the repository as it was."""
    from tests.hilfen import altfassung
    from vorlagen.cli import main

    repo = tmp_path / "lohne"
    shutil.copytree(ALTBESTAND / "lohne", repo)
    without_own_law(repo / "data", into_text=False)
    altfassung.bauen(repo, repo / "output")
    before = {p: p.read_bytes() for p in sorted((repo / "data").rglob("*")) if p.is_file()}
    code = main(["--data", str(repo), "aktualisieren"])
    out = capsys.readouterr().out
    assert code == 1
    assert (
        "data/vorlagen/2010-014/beschlussvorschlag.md:2 nennt „§ 89 NGO“ – Recht von Niedersachsen, nicht von "
        "Nordrhein-Westfalen" in " ".join(out.split())
    )
    assert {p: p.read_bytes() for p in sorted((repo / "data").rglob("*")) if p.is_file()} == before
    # the advice followed: the body names its Land; the paragraph of the GO NRW printed before becomes its Land's,
    # said figure by figure – and only that figure
    edit_koerperschaft = repo / "data" / "koerperschaft.yaml"
    text = edit_koerperschaft.read_text(encoding="utf-8")
    edit_koerperschaft.write_text(
        text.replace("\nverwaltungschef:", "\nland: Niedersachsen\nverwaltungschef:", 1), "utf-8"
    )
    rendition = repo / "output" / "vorlagen" / "2010-014" / "2010-014.txt"
    old = rendition.read_text(encoding="utf-8")
    assert "§ 83 GO NRW" in old.replace("\u00a0", " ")
    code = main(["--data", str(repo), "aktualisieren", "--trocken"])
    out = " ".join(capsys.readouterr().out.split())
    assert code == 0
    assert (
        "„83“ wird jetzt „117“ gedruckt – „…Überplanmäßige Bereitstellung 2009 nach § 117 NKomVG: 3.871,65 €“ – "
        "„land: Niedersachsen“ wählt jetzt die Vorschrift von Niedersachsen; frühere Fassungen druckten ohne Angabe "
        "die von Nordrhein-Westfalen (§ 83 GO NRW)" in out.replace("\u00a0", " ")
    )
    # another figure of the same Vorlage printed differently is not explained by the Land
    rendition.write_text(old.replace("3.871,65", "3.871,66", 1), encoding="utf-8")
    code = main(["--data", str(repo), "aktualisieren", "--trocken"])
    out = " ".join(capsys.readouterr().out.split())
    assert code == 1 and "Anders gedruckt, ohne dass diese Version es erklärt" in out


@pytest.mark.parametrize(("genannt", "hinweis"), [("Hamborg", "."), ("Bayrn", " – meinten Sie „Bayern“?")])
def test_an_unknown_land_is_refused_before_anything_is_read(capsys, tmp_path, genannt, hinweis):
    with pytest.raises(SystemExit) as exit:
        main(["--data", str(tmp_path), "aktualisieren", "--land", genannt])
    out, err = capsys.readouterr()
    assert exit.value.code == 2 and out == ""
    assert err.splitlines()[-1].startswith(
        f"vorlagen aktualisieren: Fehler: --land: „{genannt}“ ist keines der 13 Flächenländer{hinweis} Möglich sind "
        "die Namen (Baden-Württemberg, Bayern, "
    )


def test_a_stadtstaat_named_with_the_option_is_told_to_leave_it_out(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit:
        main(["--data", str(tmp_path), "aktualisieren", "--land", "Hamburg"])
    out, err = capsys.readouterr()
    assert exit.value.code == 2 and out == ""
    assert err.splitlines()[-1] == (
        "vorlagen aktualisieren: Fehler: --land: Hamburg ist ein Stadtstaat – für ihn hat die Ländertabelle keine "
        "Gemeindeordnung, aus der sich die Vorschriften ergeben: lassen Sie „--land“ weg und nennen Sie die "
        "Vorschriften selbst unter „hausstil: finanzen: rechtsgrundlage“ (über- und außerplanmäßige Ausgaben) und, "
        "wenn eine Vorlage eine Verpflichtungsermächtigung nennt, „hausstil: finanzen: verpflichtungsermaechtigung“."
    )
