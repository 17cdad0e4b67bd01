"""Bounds of `aktualisieren` (issue 54, point 10): each hostile input ends at once with a German message, by a
bound that is counted or a scan that is linear – never by a timing the test would measure. Before: a note of 300 KB
of „{{ a “ without „}}“ took minutes to hours (each „{{“ scanned to the end), a line of 200 KB of figures in the
earlier output took minutes (each figure's words split from the whole line before it), and a named pipe among the
earlier text renditions blocked for ever."""

from __future__ import annotations

import os
import random
import re
import shutil
import sys

import pytest

from tests.hilfen import ROOT, run
from vorlagen.core.problems import BuildFailed

pytestmark = pytest.mark.usefixtures("aus_dem_repository")

LOHNE = ROOT / "tests" / "fixtures" / "altbestand" / "lohne"
V = "data/vorlagen/2010-014"
UNGESCHLOSSEN = (
    "„{{“ wird nicht mit „}}“ geschlossen – ergänzen Sie „}}“ am Ende des Ausdrucks, z. B. {{ vorlage.nummer }}."
)


def test_a_note_of_300_kb_of_unclosed_expressions_is_named_once(tmp_path, capsys):
    repo = tmp_path / "lohne"
    shutil.copytree(LOHNE, repo)
    offen = "{{ a " * 60_000  # 300.000 characters, no „}}“
    (repo / V / "notiz.md").write_text(offen, encoding="utf-8")  # read by the rewrite rules only
    with (repo / V / "sachverhalt.md").open("a", encoding="utf-8") as text:
        text.write("\n" + offen + "\n")
    zeile = (repo / V / "sachverhalt.md").read_text(encoding="utf-8").count("\n")
    code, out, _ = run(capsys, "--data", str(repo), "aktualisieren")
    assert code == 1
    gemeldet = [z for z in out.splitlines() if UNGESCHLOSSEN in z]
    assert gemeldet == [f"  {V}/sachverhalt.md:{zeile}: „{'{{ a ' * 11}{{{{…“: {UNGESCHLOSSEN}"]


@pytest.mark.parametrize("seed", range(5))
def test_the_marks_of_a_text_are_found_as_the_regular_expression_finds_them(seed):
    from vorlagen.render.ausdruck import ANWEISUNG, AUSDRUCK

    zufall = random.Random(seed)
    stuecke = ["{", "}", "%", "#", "a", " ", "\n", "{{", "}}", "{%", "%}", "{#", "#}"]
    vorbild = [(AUSDRUCK, re.compile(r"\{\{(.*?)\}\}", re.S)), (ANWEISUNG, re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S))]
    for _ in range(500):
        text = "".join(zufall.choice(stuecke) for _ in range(zufall.randint(0, 60)))
        for linear, regulaer in vorbild:
            assert [m.span() for m in linear.finditer(text)] == [m.span() for m in regulaer.finditer(text)], text
            assert linear.sub(lambda m: f"<{m[0]}>", text) == regulaer.sub(lambda m: f"<{m[0]}>", text)
            assert linear.sub("", text) == regulaer.sub("", text)


def test_a_line_of_200_kb_of_figures_is_compared_figure_by_figure():
    from vorlagen.migration.gedruckt import compare, figures

    zeile = " ".join(f"{i} €" for i in range(1, 30_001))  # about 250 KB on one line
    assert len(zeile) > 200_000 and len(figures(zeile)) == 30_000
    geaendert = zeile.replace(" 20000 € ", " -20000 € ")
    assert [a.beschreibung() for a in compare({"a.txt": zeile}, {"a.txt": geaendert})] == [
        "a.txt:1: „20000 €“ wird jetzt „-20000 €“ gedruckt – „…€ 19998 € 19999 € -20000 € 20001 € 20002…“"
    ]


def test_thousands_of_equal_figures_that_differ_in_the_middle_are_refused_not_compared_for_hours():
    from vorlagen.migration.gedruckt import compare

    gleich = " 1 €" * 25_000
    with pytest.raises(BuildFailed) as refused:
        compare({"a.txt": "2 €" + gleich + " 2 €"}, {"a.txt": "3 €" + gleich + " 3 €"})
    assert [str(p) for p in refused.value.problems] == [
        "a.txt: Die Textfassung weicht in 25.002 Zahlen vorher und 25.002 nachher ab, von denen so viele gleich "
        "sind, dass sie sich nicht in 20.000.000 Vergleichen einander zuordnen lassen – vorlagen prüft sie nicht "
        "und schreibt nichts; prüfen Sie, ob die Ausgabe von einem Bau von vorlagen stammt (sonst nennen Sie mit "
        "--vorher die eines Baus)."
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="benannte Pipes gibt es unter Windows so nicht")
def test_a_named_pipe_among_the_earlier_text_renditions_is_named_not_opened(tmp_path, capsys):
    repo = tmp_path / "lohne"
    shutil.copytree(LOHNE, repo)
    ausgabe = repo / "vorher" / "vorlagen" / "2010-014"
    ausgabe.mkdir(parents=True)
    (ausgabe / "2010-014.txt").write_text("Kosten: 3.871,65 €\n", encoding="utf-8")
    os.mkfifo(ausgabe / "pipe.txt")  # nothing ever writes to it: an open would wait for ever
    code, out, err = run(capsys, "--data", str(repo), "aktualisieren", "--vorher", str(repo / "vorher"))
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == (
        "vorher/vorlagen/2010-014/pipe.txt: „pipe.txt“ ist keine gewöhnliche Datei (sondern z. B. eine benannte "
        "Pipe oder ein Gerät) – legen Sie dort eine echte Datei ab."
    )
