"""`bauen` keeps the Haushalt of a decision nobody kept yet – from git, never guessed (issue 34, point 5).

The example's 2021/0123 was decided by the Kreisausschuss on 21.06.2021 (sitzungen/KA-2021-06-21.yaml). Here it
lies in a git repository without its beschlossen.yaml, as on the day its result was typed; the Kämmerei then binds
the Einsparung 2022 at Produkt 05.02.01 by raising the undated `gebunden`. The first build keeps the Haushalt as it
stood in the newest commit before the decision day, and the decided document stays as decided.
"""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.hilfen import DATA, GIT, composed, copy_data, edit, problems_of, run, tree
from tests.referenz.beispiel import EIGENANTEILE, je_jahr
from vorlagen.compute.beschluss import nicht_festgehalten
from vorlagen.compute.project import prepare
from vorlagen.core import schreibvorgang
from vorlagen.render.document import Composer

KEPT = Path("vorlagen/2021-0123/beschlossen.yaml")
H2022 = Path("haushalt/2022.yaml")
TXT = Path("vorlagen/2021-0123/2021-0123.txt")
ENTSCHIEDEN = yaml.safe_load((DATA / "sitzungen" / "KA-2021-06-21.yaml").read_text(encoding="utf-8"))["datum"]
VORHER, NACHHER = "2021-06-18T10:00:00+02:00", "2021-07-01T09:00:00+02:00"  # around the decision day
NOTE = (
    "data/vorlagen/2021-0123/: Die Vorlage 2021/0123 ist am 21.06.2021 beschlossen und rechnet aus dem Haushalt, aber "
    "der Haushalt ihres Beschlusses ist nicht festgehalten (beschlossen.yaml fehlt) – bindet die Kämmerei die "
    "beschlossenen Mittel unter „gebunden“, würde die beschlossene Vorlage neu berechnet und ihre Freigabe veraltete: "
    "halten Sie ihn jetzt fest mit „vorlagen beschluss 2021/0123“."
)


def _gebunden_2022() -> int:
    """`gebunden` of 05.02.01 in the example's haushalt/2022.yaml."""
    haushalt = yaml.safe_load((DATA / H2022).read_text(encoding="utf-8"))
    return next(p["gebunden"] for p in haushalt["positionen"] if p["konto"] == "05.02.01")


GEBUNDEN_2022 = _gebunden_2022()
EINSPARUNG_2022 = je_jahr(EIGENANTEILE)[2022]


@pytest.fixture(autouse=True)
def _no_repository_above(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # only the repositories a test makes count


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The example without its beschlossen.yaml, in a folder that is no git repository (yet)."""
    data = copy_data(DATA, tmp_path / "repo")
    (data / KEPT).unlink()
    return data


def commit(data: Path, datum: str) -> str:
    """Everything in the repository committed, authored and committed on `datum`; the commit's short hash."""
    repo = data.parent
    if not (repo / ".git").exists():
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
    env = {**os.environ, "GIT_AUTHOR_DATE": datum, "GIT_COMMITTER_DATE": datum}
    for args in (["add", "-A"], ["commit", "-q", "--allow-empty", "-m", f"Stand vom {datum}"]):
        subprocess.run([*GIT, *args], cwd=repo, env=env, check=True, capture_output=True)
    return subprocess.run(
        ["git", "rev-parse", "--short=7", "HEAD"], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.strip()


def bauen(data: Path, capsys) -> str:
    code, out, err = run(capsys, "--data", str(data), "--out", str(data.parent / "output"))
    assert (code, err) == (0, ""), err
    return out


def decided(data: Path):
    """2021/0123 as it prints now: the state of its sign-offs and whether it is an ENTWURF."""
    doc = next(d for d in Composer(prepare(data)).compose_all() if d.source.vorlage.nummer == "2021/0123")
    assert doc.freigabe is not None
    return [(s.rolle, s.zustand) for s in doc.freigabe.staende], doc.freigabe.entwurf


def raise_gebunden(data: Path) -> None:
    edit(data / H2022, f"    gebunden: {GEBUNDEN_2022}\n", f"    gebunden: {GEBUNDEN_2022 + EINSPARUNG_2022}\n")


def kept_gebunden_2022(data: Path) -> int:
    kept = yaml.safe_load((data / KEPT).read_text(encoding="utf-8"))
    assert kept["datum"] == ENTSCHIEDEN
    return next(p["gebunden"] for p in kept["positionen"] if (p["jahr"], p["konto"]) == (2022, "05.02.01"))


def gesagt(data: Path, stand: str) -> str:
    return (
        f"Haushalt des Beschlusses vom 21.06.2021 (Vorlage 2021/0123) festgehalten in data/{KEPT.as_posix()} – "
        f"{stand}. Bitte checken Sie die Datei mit ein.\n"
    )


def test_the_first_build_keeps_the_haushalt_and_a_later_raise_changes_nothing(data, capsys, schnellsatz):
    kurz = commit(data, VORHER)
    code, geprueft, _ = run(capsys, "--data", str(data), "pruefen", "--ohne-satz", "--stichtag", "2021-09-30")
    assert code == 0 and f"\n  {NOTE}\n" in geprueft  # pruefen writes nothing: it keeps its note
    assert not (data / KEPT).exists()
    vorher = decided(data)
    assert vorher == ([("Kämmerei", "gültig")], False)
    out = bauen(data, capsys)
    assert out.startswith(
        gesagt(
            data, f"data/haushalt/ ist seit Commit {kurz} vom 18.06.2021, dem letzten vor dem Beschluss, unverändert"
        )
    )
    assert "Hinweis" not in out
    # exactly what `vorlagen beschluss` writes: the example's own kept Haushalt, the figures of haushalt/2022.yaml
    assert (data / KEPT).read_bytes() == (DATA / KEPT).read_bytes()
    assert kept_gebunden_2022(data) == GEBUNDEN_2022
    # read back, accepted by the checks, and the command that keeps it by hand sees it kept
    assert nicht_festgehalten(prepare(data)) == {}
    code, _, err = run(capsys, "--data", str(data), "beschluss", "2021/0123")
    assert code == 1 and "hält den Haushalt des Beschlusses schon fest" in err
    text, datei = (data.parent / "output" / TXT).read_bytes(), (data / KEPT).stat()
    raise_gebunden(data)  # undated: nobody can tell since when
    out = bauen(data, capsys)
    assert "festgehalten in" not in out and "Hinweis" not in out
    assert (data / KEPT).read_bytes() == (DATA / KEPT).read_bytes()
    assert (data / KEPT).stat().st_mtime_ns == datei.st_mtime_ns  # a second build does not rewrite it
    assert (data.parent / "output" / TXT).read_bytes() == text
    assert decided(data) == vorher


@pytest.mark.parametrize("eingecheckt", [True, False], ids=["nach-dem-beschluss-eingecheckt", "nicht-eingecheckt"])
def test_a_raise_since_the_commit_before_the_decision_keeps_the_figures_of_that_commit(
    data, capsys, schnellsatz, eingecheckt
):
    """The Kämmerei raised `gebunden` before anybody built: committed after the decision day, or not committed at
    all – the kept Haushalt is that of the newest commit before the decision day, and the build says so."""
    kurz = commit(data, VORHER)
    text = composed(data).text  # what the decided Vorlage printed on the Haushalt of that commit
    raise_gebunden(data)
    if eingecheckt:
        commit(data, NACHHER)
    assert composed(data).text != text  # without the kept Haushalt it would reprint
    out = bauen(data, capsys)
    assert out.startswith(
        gesagt(
            data,
            f"Stand von Commit {kurz} vom 18.06.2021, dem letzten vor dem Beschluss: data/haushalt/ wurde seither "
            "geändert, die Vorlage druckt die Beträge von damals",
        )
    )
    assert kept_gebunden_2022(data) == GEBUNDEN_2022
    assert (data / KEPT).read_bytes() == (DATA / KEPT).read_bytes()
    assert (data.parent / "output" / TXT).read_text(encoding="utf-8") == text
    assert decided(data) == ([("Kämmerei", "gültig")], False)


def test_bookings_count_by_their_day_in_the_commit_before_the_decision(data, capsys, schnellsatz):
    """Dated bookings of that commit count when dated before the decision day; a booking typed after the commit
    is not in the decision's Haushalt, even dated before it (the Beschlusskontrolle shows it as bound since)."""
    edit(
        data / H2022,
        f"    gebunden: {GEBUNDEN_2022}\n",
        f"    gebunden: {GEBUNDEN_2022}\n    buchungen:\n      - {{datum: 2021-06-10, betrag: 1000}}\n"
        "      - {datum: 2021-07-01, betrag: 500}\n",
    )
    commit(data, VORHER)
    edit(data / H2022, "betrag: 500}\n", "betrag: 500}\n      - {datum: 2021-06-15, betrag: 200}\n")
    bauen(data, capsys)
    assert kept_gebunden_2022(data) == GEBUNDEN_2022 + 1000


# --- where git cannot tell: nothing written, the note says why and names the command -------------------------------


def _nicht(grund: str) -> str:
    return f"Hinweis: {NOTE} Von selbst ließ er sich nicht festhalten: {grund}.\n"


def test_without_a_repository_nothing_is_written(data, capsys, schnellsatz):
    out = bauen(data, capsys)
    assert out.endswith(_nicht("der Datenordner liegt in keinem git-Repository"))
    assert not (data / KEPT).exists()


def test_without_a_commit_before_the_decision_day_nothing_is_written(data, capsys, schnellsatz):
    commit(data, "2021-06-21T08:00:00+02:00")  # on the decision day itself: not before it
    out = bauen(data, capsys)
    assert out.endswith(_nicht("das git-Repository hat keinen Commit vor dem 21.06.2021"))
    assert not (data / KEPT).exists()


def test_a_commit_before_the_decision_day_in_another_zone_counts_by_its_own_day(data, capsys, schnellsatz):
    """20.06.2021 23:30 in UTC−10 is 21.06. in UTC: the commit's own day is before the decision day."""
    kurz = commit(data, "2021-06-20T23:30:00-10:00")
    out = bauen(data, capsys)
    assert f"seit Commit {kurz} vom 20.06.2021, dem letzten vor dem Beschluss" in out
    assert (data / KEPT).is_file()


def test_a_year_the_commit_does_not_have_is_not_guessed(data, capsys, schnellsatz):
    (data / H2022).rename(data.parent / "2022.yaml")
    kurz = commit(data, VORHER)
    (data.parent / "2022.yaml").rename(data / H2022)
    commit(data, NACHHER)
    out = bauen(data, capsys)
    assert out.endswith(
        _nicht(
            f"im Commit {kurz} vom 18.06.2021, dem letzten vor dem Beschluss, ist data/haushalt/2022.yaml nicht eingecheckt"
        )
    )
    assert not (data / KEPT).exists()


def test_a_haushalt_git_ignores_is_no_state_of_the_history(data, capsys, schnellsatz):
    """data/haushalt/ ignored by git: unchanged in git's eyes, but no commit holds it – nothing is guessed."""
    (data.parent / ".gitignore").write_text("data/haushalt/\n", encoding="utf-8")
    kurz = commit(data, VORHER)
    out = bauen(data, capsys)
    assert out.endswith(
        _nicht(
            f"im Commit {kurz} vom 18.06.2021, dem letzten vor dem Beschluss, ist data/haushalt/2021.yaml nicht eingecheckt"
        )
    )
    assert not (data / KEPT).exists()


def test_a_haushalt_the_commit_holds_unreadable_is_not_kept(data, capsys, schnellsatz, tmp_path):
    """The commit before the decision has haushalt/2022.yaml with a word for an amount: the reason is the message
    the same file gives when it is read today."""
    edit(data / H2022, "    ansatz: 15100000\n", "    ansatz: viel\n")
    kaputt = copy_data(data, tmp_path / "kaputt")
    kurz = commit(data, VORHER)
    edit(data / H2022, "    ansatz: viel\n", "    ansatz: 15100000\n")
    commit(data, NACHHER)
    [problem] = [p for p in problems_of(kaputt) if "2022.yaml" in p]
    meldung = problem.split(": ", 1)[1]
    out = bauen(data, capsys)
    assert out.endswith(_nicht(f"data/haushalt/2022.yaml im Commit {kurz} lässt sich nicht lesen ({meldung})"))
    assert not (data / KEPT).exists()


def test_a_position_removed_since_the_commit_is_left_out(data, capsys, schnellsatz):
    """A Position of the commit before the decision that the Haushalt no longer has: not kept (the check would
    refuse it), every other figure of that commit is."""
    edit(data / H2022, "positionen:\n", 'positionen:\n  - konto: "99.99.99"\n    bezeichnung: Weg\n    ansatz: 1\n')
    commit(data, VORHER)
    edit(data / H2022, '  - konto: "99.99.99"\n    bezeichnung: Weg\n    ansatz: 1\n', "")
    raise_gebunden(data)
    bauen(data, capsys)
    assert "99.99.99" not in (data / KEPT).read_text(encoding="utf-8")
    assert kept_gebunden_2022(data) == GEBUNDEN_2022
    assert (data / KEPT).read_bytes() == (DATA / KEPT).read_bytes()
    assert nicht_festgehalten(prepare(data)) == {}


def test_vorlagen_sitzung_keeps_it_too(data, capsys, schnellsatz):
    kurz = commit(data, VORHER)
    code, out, err = run(capsys, "--data", str(data), "--out", str(data.parent / "output"), "sitzung", "KA-2021-06-21")
    assert (code, err) == (0, ""), err
    assert out.startswith(
        gesagt(
            data, f"data/haushalt/ ist seit Commit {kurz} vom 18.06.2021, dem letzten vor dem Beschluss, unverändert"
        )
    )
    assert (data / KEPT).read_bytes() == (DATA / KEPT).read_bytes()


def test_without_git_nothing_is_written(data, capsys, schnellsatz, monkeypatch, tmp_path):
    commit(data, VORHER)
    (tmp_path / "leer").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "leer"))
    out = bauen(data, capsys)
    assert out.endswith(_nicht("git lässt sich auf diesem Rechner nicht aufrufen (nicht installiert?)"))
    assert not (data / KEPT).exists()


def test_a_kept_haushalt_that_cannot_be_written_stops_the_build_before_it_writes(
    data, capsys, schnellsatz, monkeypatch, tmp_path
):
    """A read-only Vorlage folder: one German line, exit code 1, the previous output as it was, no file."""
    commit(data, VORHER)
    with monkeypatch.context() as ohne_git:  # a first build that cannot keep it: the output to stay intact
        (tmp_path / "leer").mkdir()
        ohne_git.setenv("PATH", str(tmp_path / "leer"))
        bauen(data, capsys)
    vorher = tree(data.parent / "output")

    echt = schreibvorgang._datei_schreiben

    def schreibgeschuetzt(path: Path, content: bytes, modus: int | None = None) -> None:
        if path.parent.name == schreibvorgang.ORDNER:  # the journal beside the data folder can be written
            return echt(path, content, modus)
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr("vorlagen.core.schreibvorgang._datei_schreiben", schreibgeschuetzt)
    code, out, err = run(capsys, "--data", str(data), "--out", str(data.parent / "output"))
    assert code == 1
    assert err.startswith(
        f"data/{KEPT.as_posix()}: Nichts geschrieben: die Datei lässt sich nicht schreiben (Keine Berechtigung) – "
        "prüfen Sie Schreibrechte und Speicherplatz; alle Dateien sind wie vorher.\n"
    ), err
    assert "Traceback" not in err and "Fertig" not in out
    assert not (data / KEPT).exists()
    assert tree(data.parent / "output") == vorher


@pytest.mark.langsam  # builds the example to PDF twice
def test_the_decided_pdf_stays_byte_for_byte_when_gebunden_is_raised_after_the_first_build(data, capsys):
    from tests.hilfen.pdf import pdf_text

    commit(data, VORHER)
    pdf = data.parent / "output" / "vorlagen" / "2021-0123" / "2021-0123.pdf"
    assert "festgehalten in" in bauen(data, capsys)
    vorher = pdf.read_bytes()
    assert "ENTWURF" not in pdf_text(pdf)
    raise_gebunden(data)
    bauen(data, capsys)
    assert pdf.read_bytes() == vorher
