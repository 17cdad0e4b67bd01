"""No code from data runs: every template a data folder can influence renders in the sandbox (issue 9, point 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.hilfen import ROOT, git, run

KOPF = "templates/kopf.html.j2"
ATTACK = '{{ cycler.__init__.__globals__.os.system("touch PWNED") }}'


def override_kopf(data: Path, line: str) -> Path:
    (data / "templates").mkdir(exist_ok=True)
    target = data / KOPF
    target.write_text(
        (ROOT / KOPF).read_text(encoding="utf-8").replace("<header", line + "\n<header", 1), encoding="utf-8"
    )
    return target


@pytest.mark.parametrize(
    "line",
    [
        ATTACK,
        "{{ self.__init__.__globals__ }}",
        "{{ koerperschaft.__class__.__mro__ }}",
        "{{ range.__self__ }}",
        "{{ lipsum.__globals__ }}",
    ],
)
def test_a_data_template_cannot_reach_python(capsys, data, tmp_path, monkeypatch, line):
    monkeypatch.chdir(tmp_path)
    override_kopf(data, line)
    code, _, err = run(capsys, "--data", str(data), "--out", str(tmp_path / "output"))
    assert code == 1
    assert not (tmp_path / "PWNED").exists()
    assert err.startswith("data/templates/kopf.html.j2:1: ")
    assert "Template" in err.splitlines()[0]


def test_data_template_escape_is_an_exact_german_problem(capsys, data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    override_kopf(data, ATTACK)
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    assert err.splitlines()[0] == (
        "data/templates/kopf.html.j2:1: Template greift auf Interna zu („__init__“) – "
        "Templates dürfen nur die Werte des Dokuments lesen."
    )


@pytest.mark.parametrize(
    "line, limit",
    [
        (
            "{% for i in range(100) %}{% for j in range(100) %}{% for k in range(100) %}{% endfor %}{% endfor %}{% endfor %}",
            "range() mit mehr als 100.000 Schritten",
        ),
        ('{{ "x" * 999999999 }}', "Text oder Liste mit mehr als 1 Million Zeichen"),
        ("{{ 9 ** 9999999 }}", "Potenz mit Exponent über 64"),
        ('{% for i in range(30000) %}{{ "x" * 900000 }}{% endfor %}', "Ausgabe über 10 Millionen Zeichen"),
        ('{{ (["x" * 999999] * 999999) | join }}', "Text oder Liste mit mehr als 1 Million Zeichen"),
        ('{% set a = "x" * 999999 %}{{ a ~ a }}', "Text oder Liste mit mehr als 1 Million Zeichen"),
        ('{% set a = "x" * 999999 %}{{ a + a }}', "Text oder Liste mit mehr als 1 Million Zeichen"),
        ('{{ "%999999999d" % 1 }}', "Text oder Liste mit mehr als 1 Million Zeichen"),
        ('{{ "{:>{}}".format(1, 999999999) }}', "Text oder Liste mit mehr als 1 Million Zeichen"),
        ('{{ "x".ljust(999999999) }}', "Text oder Liste mit mehr als 1 Million Zeichen"),
        ('{{ ("a" * 999999).replace("a", "bb") }}', "Text oder Liste mit mehr als 1 Million Zeichen"),
        ("{{ (10 ** 64) ** 64 }}", "Zahl mit mehr als 1.000 Stellen"),
        ('{{ [1] | batch(999999999, "x") | list | length }}', "Filter „batch“ mit einer Zahl über 1.000"),
        ("{{ [[1], [2]] | sum(start=[]) }}", "sum() über anderes als Zahlen"),
        (
            '{% for a in "x" * 999999 %}{% for b in "x" * 999999 %}{% endfor %}{% endfor %}',
            "Schleifen mit zusammen mehr als 1 Million Durchläufen",
        ),
        (
            '{% for i in range(100) %}{% set a = "x" * 900000 %}{% endfor %}',
            "Texte und Listen mit zusammen mehr als 50 Millionen Zeichen",
        ),
    ],
)
def test_templates_cannot_grow_text_lists_numbers_or_loops_without_bound(capsys, data, line, limit):
    """Each line would take gigabytes or hours unbounded (issue 9, point 9); each meets its bound first."""
    override_kopf(data, line)
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    assert err.splitlines()[0] == (
        f"data/templates/kopf.html.j2:1: Template überschreitet eine Grenze ({limit}) – so "
        "viel braucht kein Dokument; prüfen Sie Schleifen und Ausdrücke."
    )


def test_ordinary_template_operations_stay_allowed(capsys, data):
    override_kopf(
        data,
        '{{ "%05.2f" % 3.14159 }}|{{ "{:>5}".format(1) }}|{{ [1, 2, 3] | batch(2) | list }}|'
        '{{ [1, 2, 3] | sum }}|{{ range(3) | map("string") | join("-") }}|{{ "a" ~ "b" + "c" }}|'
        "{% for x in [1, 2] %}{{ loop.index }}/{{ loop.length }}{% else %}leer{% endfor %}",
    )
    code, _, err = run(capsys, "check", "--ohne-satz", "--data", str(data))
    assert code == 0, err


def test_prose_has_no_safe_filter_and_bounded_text(capsys, data):
    text = data / "vorlagen/2021-0123/vorbemerkungen.md"
    text.write_text('# A\n\n{{ "<b>x</b>" | safe }}\n\n{{ "ab".ljust(1800000) }}\n', encoding="utf-8")
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith('data/vorlagen/2021-0123/vorbemerkungen.md:3: {{ "<b>x</b>" | safe }}')
    assert lines[1] == (
        'data/vorlagen/2021-0123/vorbemerkungen.md:5: {{ "ab".ljust(1800000) }}: die Methode „.ljust(…)“ ist in '
        "Texten nicht erlaubt – dort stehen nur Namen, ihre Felder und die Filter eur, eur_cent, teur, mio, mrd, "
        "zahl, vzae, prozent, datum, datum_lang, monat, monate; eine berechnete Zahl legen Sie unter „zahlen“ an, "
        "alle Namen mit Werten zeigt „vorlagen zahlen NUMMER“."
    )  # refused by the allow-list before the bound is reached (the bound guards Hausstil templates)


def test_diff_of_a_hostile_branch_runs_nothing_and_reports_the_hausstil(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "data", repo / "data")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Ausgangsfassung")
    git(repo, "checkout", "-q", "-b", "feature")
    override_kopf(repo / "data", ATTACK)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Kopf")
    git(repo, "checkout", "-q", "main")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "diff", "main", "feature", "--data", str(repo / "data"))
    assert not (tmp_path / "PWNED").exists()
    assert code == 2
    assert "[feature] " in err and "Template greift auf Interna zu" in err


def test_diff_reports_a_changed_house_style(capsys, tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "data", repo / "data")
    (repo / "data/templates").mkdir()
    (repo / "data/templates/vorlage.css").write_text("body { color: black }\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Ausgangsfassung")
    (repo / "data/templates/vorlage.css").write_text("body { color: red }\n", encoding="utf-8")
    override_kopf(repo / "data", "{# neu #}")
    code, out, _ = run(capsys, "diff", "--data", str(repo / "data"))
    assert code == 1
    assert out.startswith(
        "Vergleich: HEAD → Arbeitsstand\n\nHausstil geändert: kopf.html.j2 (neu), vorlage.css (geändert) – "
        "das kann jedes Dokument betreffen.\n\nGedruckte Dokumente:\n"
    )
    assert "\n  sitzungen/ASI-2021-06-10/tagesordnung.pdf: gleicher Text, anders gedruckt auf Seite 1\n" in out


def test_diff_of_a_revision_with_an_absolute_symlink_is_refused_in_german(capsys, tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "data", repo / "data")
    (repo / "data/vorlagen/2021-0123/passwort.md").symlink_to("/etc/passwd")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Verknüpfung")
    code, out, err = run(capsys, "diff", "--data", str(repo / "data"))
    assert code == 2 and "Traceback" not in err
    assert err.splitlines()[0] == (
        "data: In Revision „HEAD“ zeigt „data/vorlagen/2021-0123/passwort.md“ außerhalb des "
        "Projekts (Verknüpfung mit absolutem Pfad oder ../) – „vergleichen“ liest solche Fassungen "
        "nicht; entfernen Sie die Verknüpfung in git."
    )
    assert err.splitlines()[-1] == "1 Problem gefunden."  # `vergleichen` writes nothing: it does not say so
