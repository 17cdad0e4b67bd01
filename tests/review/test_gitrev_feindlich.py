"""A git revision is untrusted input (issue 54, point 1 and „Revisionen sind nicht vertrauenswürdig“): anyone who can
push a branch chooses its paths, links and sizes. `vergleichen` writes no link, nothing outside the folder it made,
and reads no blob before its size is known; each refusal is one German line naming the path in the revision."""

from __future__ import annotations

import subprocess

import pytest

from tests.hilfen import DATA, copy_data, git, run
from tests.hilfen.vorgebaut import ausgabe_dazu

TIEFE = 20  # folders of the first link's chain: deeper than the 14 × ../ of the second (issue 54)
V = "vorlagen/2021-0123"


def _repository(tmp_path):
    repo = tmp_path / "repo"
    copy_data(DATA, repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Ausgangsfassung")
    ausgabe_dazu(repo)  # the user's last build: the older revision reuses it (the subject here is the newer one)
    return repo


def _commit(repo, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_two_chained_links_leave_a_file_outside_the_project_unchanged(capsys, tmp_path):
    aussen = tmp_path / "aussen" / "tabelle.xlsx"
    aussen.parent.mkdir()
    inhalt = b"PK\x03\x04\xff\xfe Kasse \xe4\xf6\xfc monatlich, PIN 4711\n"
    aussen.write_bytes(inhalt)
    repo = _repository(tmp_path)
    ordner = repo / "data" / V
    kette = ordner / "/".join(f"s{i}" for i in range(1, TIEFE + 1))
    kette.mkdir(parents=True)
    (kette / "b").symlink_to("/".join([".."] * TIEFE))  # to the Vorlage's folder, where it is written
    # by its text inside the folder (b is no link yet when it is checked); through b, 14 × ../ reach the root of
    # the machine wherever the revision is written, then the outside file
    ziel = f"{'/'.join(f's{i}' for i in range(1, TIEFE + 1))}/b/{'../' * 14}{aussen.as_posix().lstrip('/')}"
    (ordner / "notizen.md").symlink_to(ziel)
    _commit(repo, "Notizen")
    code, out, err = run(capsys, "vergleichen", "HEAD~1", "HEAD", "--data", str(repo / "data"))
    assert aussen.read_bytes() == inhalt
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        f"data: In Revision „HEAD“ ist „data/{V}/notizen.md“ eine Verknüpfung, die auf keine Datei des Datenordners "
        "zeigt (auf einen Ordner, ins Leere oder im Kreis) – „vergleichen“ liest solche Fassungen nicht; ersetzen Sie "
        "die Verknüpfung in git durch die Datei selbst."
    )


KEINE_DATEI = (
    "data: In Revision „HEAD“ ist „data/{}“ eine Verknüpfung, die auf keine Datei des Datenordners zeigt (auf einen "
    "Ordner, ins Leere oder im Kreis) – „vergleichen“ liest solche Fassungen nicht; ersetzen Sie die Verknüpfung in "
    "git durch die Datei selbst."
)


@pytest.mark.parametrize(
    ("name", "ziel"),
    [
        ("ordner", "vorlagen"),  # a folder
        ("fehlt.md", "gibt-es-nicht.md"),  # nothing
        ("kreis.md", "kreis.md"),  # itself
        ("readme.md", "../README.md"),  # a file of the project, outside the data folder
    ],
)
def test_a_link_to_no_file_of_the_data_folder_is_refused(capsys, tmp_path, name, ziel):
    repo = _repository(tmp_path)
    (repo / "README.md").write_text("Projekt\n", encoding="utf-8")
    (repo / "data" / name).symlink_to(ziel)
    _commit(repo, "Verknüpfung")
    code, out, err = run(capsys, "vergleichen", "HEAD~1", "HEAD", "--data", str(repo / "data"))
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == KEINE_DATEI.format(name)


def test_a_link_to_a_file_of_the_revision_is_written_as_a_copy_and_no_link_is_made(tmp_path):
    from vorlagen.core.problems import Paths
    from vorlagen.review.gitrev import extract

    repo = _repository(tmp_path)
    ordner = repo / "data" / V
    (ordner / "gemeinsam").mkdir()
    (ordner / "beschlussvorschlag.md").rename(ordner / "gemeinsam" / "beschluss.md")
    (ordner / "beschlussvorschlag.md").symlink_to("gemeinsam/beschluss.md")
    (ordner / "zweiter.md").symlink_to("beschlussvorschlag.md")  # a link to a link
    _commit(repo, "Verknüpfung")
    folder, problems = extract(repo / "data", "HEAD", tmp_path / "stand", Paths())
    assert problems == [] and folder == tmp_path / "stand" / "data"
    assert not [p for p in (tmp_path / "stand").rglob("*") if p.is_symlink()]
    text = (ordner / "gemeinsam" / "beschluss.md").read_bytes()
    assert (folder / V / "beschlussvorschlag.md").read_bytes() == text == (folder / V / "zweiter.md").read_bytes()


def _baum(repo, eintraege: list[tuple[str, str, str, str]]) -> str:
    """A tree object of git made by hand (mode, type, object, name): what a branch pushed by anyone may hold."""
    zeilen = "".join(f"{mode} {art} {objekt}\t{name}\n" for mode, art, objekt, name in eintraege)
    return subprocess.run(
        ["git", "mktree"], cwd=repo, input=zeilen, capture_output=True, text=True, check=True
    ).stdout.strip()


def _gefaelscht(repo, name: str) -> None:
    """HEAD becomes a commit whose data folder also holds a file at `name` (a path below data/, parts by /)."""
    blob = (
        subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=repo, input=b"x\n", capture_output=True, check=True)
        .stdout.decode()
        .strip()
    )
    *ordner, datei = name.split("/")
    eintrag = ("100644", "blob", blob, datei)
    for teil in reversed(ordner):
        eintrag = ("040000", "tree", _baum(repo, [eintrag]), teil)
    daten = [tuple(line.split(None, 3)) for line in git(repo, "ls-tree", "HEAD:data").splitlines()]
    wurzel = _baum(repo, [("040000", "tree", _baum(repo, [*daten, eintrag]), "data")])
    git(repo, "update-ref", "HEAD", git(repo, "commit-tree", wurzel, "-p", "HEAD", "-m", "gefälscht"))


@pytest.mark.parametrize("name", ["../draussen.md", "x/../../draussen.md", ".GIT/hooks/post-checkout", "a\\b.md"])
def test_a_path_that_could_lead_out_of_the_folder_is_refused(capsys, tmp_path, name):
    repo = _repository(tmp_path)
    _gefaelscht(repo, name)
    code, out, err = run(capsys, "vergleichen", "HEAD~1", "HEAD", "--data", str(repo / "data"))
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        f"data: In Revision „HEAD“ hat „data/{name}“ einen Pfad, der aus dem Datenordner führen kann (.., /, .git "
        "oder \\ in einem Namen) – „vergleichen“ liest solche Fassungen nicht; benennen Sie die Datei in git um."
    )
    assert not (tmp_path / "draussen.md").exists()


@pytest.mark.parametrize(
    ("name", "warum"),
    [
        (
            "C:draussen.md",
            "Der Name „C:draussen.md“ enthält „:“ – Windows erlaubt in Datei- und Ordnernamen keines der Zeichen "
            '< > : " | ? * und keine Steuerzeichen; benennen Sie ihn um, z. B. in „C-draussen.md“.',
        ),
        (
            "nul.md",
            "„nul.md“ ist unter Windows der Name eines Geräts (CON, PRN, AUX, NUL, COM0 bis COM9, LPT0 bis LPT9) und "
            "kann dort weder Datei noch Ordner sein – benennen Sie es um, z. B. in „nul-1.md“.",
        ),
    ],
)
def test_a_name_windows_takes_for_a_drive_or_a_device_is_refused_on_every_system(capsys, tmp_path, name, warum):
    repo = _repository(tmp_path)
    _gefaelscht(repo, name)
    code, out, err = run(capsys, "vergleichen", "HEAD~1", "HEAD", "--data", str(repo / "data"))
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == f"data: In Revision „HEAD“, „data/{name}“: {warum}"


def test_two_paths_that_differ_only_in_case_are_refused(capsys, tmp_path):
    repo = _repository(tmp_path)
    (repo / "data" / "Notiz.md").write_text("eins\n", encoding="utf-8")
    (repo / "data" / "notiz.md").write_text("zwei\n", encoding="utf-8")
    _commit(repo, "Notizen")
    code, out, err = run(capsys, "vergleichen", "HEAD~1", "HEAD", "--data", str(repo / "data"))
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        "data: In Revision „HEAD“ unterscheiden sich „data/Notiz.md“ und „data/notiz.md“ nur in Groß- und "
        "Kleinschreibung – Windows und macOS halten sie für dieselbe Datei; benennen Sie eine davon in git um."
    )


def test_a_blob_larger_than_the_bound_is_refused_before_it_is_read(capsys, tmp_path, monkeypatch):
    from vorlagen.review import gitrev

    repo = _repository(tmp_path)
    (repo / "data" / "gross.md").write_bytes(b"x" * (8 * 1024 * 1024))
    _commit(repo, "groß")
    monkeypatch.setattr(gitrev, "MAX_DATEI", 4 * 1024 * 1024)

    def gelesen(*args, **kwargs):
        raise AssertionError("a blob was read")

    monkeypatch.setattr(gitrev, "_auspacken", gelesen)  # the one reader of a revision's blobs
    code, out, err = run(capsys, "vergleichen", "--data", str(repo / "data"))
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        "data: In Revision „HEAD“ ist „data/gross.md“ 8 MB groß – Dateien über 4 MB liest vorlagen "
        "nicht, auch nicht aus git; verkleinern Sie die Datei in einem neuen Commit und vergleichen Sie mit ihm."
    )


def test_a_revisions_vorlagen_toml_is_measured_before_it_is_read(capsys, tmp_path):
    """Issue 54, point 10: a vorlagen.toml of 600 MB was read whole (1,3 GB of memory) before its size was looked
    at; now git's size of it decides, against the bound of the settings file (1 MiB)."""
    repo = _repository(tmp_path)
    groesse = 1024 * 1024 + 1
    (repo / "vorlagen.toml").write_bytes(b"#" * (groesse - 1) + b"\n")
    _commit(repo, "Einstellungen")
    (repo / "vorlagen.toml").unlink()  # the working tree's is read, bounded, by every command (load/settings.py)
    code, out, err = run(capsys, "vergleichen", "HEAD~1", "HEAD", "--data", str(repo / "data"))
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        "vorlagen.toml: In Revision „HEAD“ ist „vorlagen.toml“ 1.048.577 Bytes groß – mehr als 1.048.576 Bytes "
        "liest vorlagen davon nicht, auch nicht aus git; verkleinern Sie die Datei in einem neuen Commit und "
        "vergleichen Sie mit ihm."
    )
