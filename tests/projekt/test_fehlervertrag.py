"""The one error contract (core/problems.py, docs/entwicklung/architektur.md): a step returns its problems;
BuildFailed is raised only where a stage hands over – the commands (cli/), the execution of a build (building/) and
the boundaries named here. A new `raise BuildFailed` or `raise_if` elsewhere fails this test (issue 36, point 1)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.hilfen import ROOT

FREI = ("cli", "building")  # the commands print every problem; a build stages, renders and writes
GRENZEN = {
    "core/problems.py:raise_if",  # the helper every boundary calls
    "compute/project.py:prepare",  # loading and computing
    "render/document.py:compose",  # one Vorlage with its Anlagen
    "render/document.py:compose_all",
    "render/pdf.py:_setzen",  # a render job (in a worker process)
    "render/pdf.py:_satzfehler",
    "meetings/tagesordnung.py:compose",  # an agenda
    "meetings/tagesordnung.py:cover",  # the cover of a Sitzungsmappe
    "meetings/niederschrift.py:compose",  # Niederschrift and Auszüge
    "meetings/beschlusskontrolle.py:listen",
    "meetings/indexseiten.py:seiten",
    "migration/aktualisieren.py:_gebaut",  # a whole build of a rewritten copy
    "migration/datenkopie.py:kopieren",  # the copy of a data folder for that build, refused whole (a link out, a pipe)
    "migration/gedruckt.py:_ausgerichtet",  # two builds' figures past the comparison's work bound: no proof
    "nachrechnen/lesen/zeile.py:fail",  # known: a document nachrechnen cannot read; lesen/datei.py catches it
    "review/vorlagenvergleich.py:ausgepackt",  # one side of a comparison taken from git, for vergleichen and the
    "review/vorlagenvergleich.py:fuer",  # server: a revision that cannot be read or converted is refused whole
    "review/revisionsvergleich.py:fassungsvergleich",  # vergleichen --fassung: no such revision or Vorlage, refused
    "review/zeichnen.py:zeichnen",  # a sign-off, for the command and the server: written whole or refused
    "review/zeichnen.py:vorlage_waehlen",  # its checks refuse before anything is written
    "review/zeichnen.py:rolle_pruefen",
    "review/zeichnen.py:_drinnen",
    "load/neuanlage.py:anlegen",  # a new folder (data repository, Vorlage) written whole or not at all
    "load/neuanlage.py:text_value",  # a text the user gave a command or the form of a new Vorlage, refused
}


def _raising(source: str, module: str) -> set[str]:
    """module:function of each function that raises BuildFailed or calls raise_if."""
    found = set()
    for function in ast.walk(ast.parse(source)):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(function):
                raises = isinstance(node, ast.Raise) and node.exc is not None and "BuildFailed" in ast.unparse(node.exc)
                if raises or (isinstance(node, ast.Call) and ast.unparse(node.func) == "raise_if"):
                    found.add(f"{module}:{function.name}")
    return found


def test_build_failed_is_raised_only_at_the_boundaries():
    package = ROOT / "vorlagen"
    raising = {
        place
        for path in sorted(package.rglob("*.py"))
        if path.relative_to(package).parts[0] not in FREI
        for place in _raising(path.read_text(encoding="utf-8"), path.relative_to(package).as_posix())
    }
    assert sorted(raising - GRENZEN) == [], (
        "Hier wird BuildFailed außerhalb einer Grenze geworfen – geben Sie die Probleme zurück, "
        "(Ergebnis, Probleme), und werfen Sie erst an der Grenze (docs/entwicklung/architektur.md)."
    )
    assert sorted(GRENZEN - raising) == []  # a boundary that no longer raises leaves the list


def test_the_rule_sees_a_raise_and_a_raise_if():
    source = (
        "def render(x):\n    raise BuildFailed([x])\n\n"
        "def check(x):\n    raise_if(x)\n\n"
        "def fine(x):\n    return x, []\n"
    )
    assert _raising(source, "render/x.py") == {"render/x.py:render", "render/x.py:check"}


def test_a_template_renders_without_raising(tmp_path: Path):
    """Templates.render returns its problems: the render stage's contract at its smallest."""
    from vorlagen.core.fmt import Zahlformat
    from vorlagen.core.problems import Paths
    from vorlagen.render.templates import Templates

    (tmp_path / "data" / "templates").mkdir(parents=True)
    (tmp_path / "data" / "templates" / "eigen.html.j2").write_text("{% if x %}", encoding="utf-8")
    html, problems = Templates(tmp_path / "data", Paths(tmp_path), Zahlformat("€")).render("eigen.html.j2", x=1)
    assert html == "" and len(problems) == 1
