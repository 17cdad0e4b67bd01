"""Names Windows cannot hold (issue 45, point 6): the characters < > : " | ? * and control characters, and two names
of one folder that differ only in upper and lower case, are errors with the name to use – anywhere in the data, also
for the output a Nummer makes. Every proposed name passes the same check."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.hilfen import edit, run
from vorlagen.core.dateinamen import gross_klein, im_ordner, windows_problem

V = "vorlagen/2021-0123"


def _vorschlag(message: str) -> str:
    return re.search(r"z\. B\. in „(.*)“\.$", message, re.DOTALL).group(1)


@pytest.mark.parametrize(
    ("name", "zeichen", "vorschlag"),
    [
        ("a:b.yaml", "„:“", "a-b.yaml"),
        ("Frage?.md", "„?“", "Frage-.md"),
        ('Zitat "x".md', '„"“', "Zitat -x-.md"),
        ("<bild>.png", "„<“, „>“", "-bild-.png"),
        ("a|b*c", "„*“, „|“", "a-b-c"),
        ("zeile\x01.md", "das Steuerzeichen U+0001", "zeile-.md"),
        ("CON:", "„:“", "CON-"),
        ("x?.", "„?“", "x-"),
        ("nul.t:xt", "„:“", "nul-1.t-xt"),
    ],
)
def test_a_character_windows_forbids_is_refused_with_a_name_that_passes(name, zeichen, vorschlag):
    message = windows_problem(name)
    assert message == (
        f"Der Name „{name}“ enthält {zeichen} – Windows erlaubt in Datei- und Ordnernamen keines der Zeichen "
        f'< > : " | ? * und keine Steuerzeichen; benennen Sie ihn um, z. B. in „{vorschlag}“.'
    )
    assert windows_problem(vorschlag) is None


@given(st.text(min_size=1, max_size=20).filter(lambda name: name not in (".", "..")))
def test_every_proposed_name_passes_the_check(name):
    message = windows_problem(name)
    if message is not None and "z. B. in „" in message:
        assert windows_problem(_vorschlag(message)) is None, (name, message)


def test_names_that_differ_only_in_case_are_pairs():
    assert gross_klein(["Sachverhalt.md", "sachverhalt.md", "anlage.md", "ANLAGE.MD", "Anlage.md", "b.md"]) == [
        ("ANLAGE.MD", "Anlage.md"),
        ("ANLAGE.MD", "anlage.md"),
        ("Sachverhalt.md", "sachverhalt.md"),
    ]
    assert gross_klein(["straße.md", "strasse.md", "STRASSE.md"]) == [("STRASSE.md", "strasse.md")]  # ß is no SS


def test_two_files_of_one_folder_differing_in_case_are_an_error_with_a_free_name(capsys, data):
    (data / V / "Beschlussvorschlag.md").write_text("# Doppelt\n", encoding="utf-8")
    (data / V / "beschlussvorschlag-2.md").write_text("schon vergeben\n", encoding="utf-8")
    code, _, err = run(capsys, "--data", str(data), "pruefen")
    assert code == 1
    assert (
        f"data/{V}/beschlussvorschlag.md: „beschlussvorschlag.md“ und „Beschlussvorschlag.md“ unterscheiden sich nur in Groß- und "
        "Kleinschreibung – Windows hält sie für denselben Namen und git für Windows legt nur einen an; benennen "
        "Sie einen um, z. B. in „beschlussvorschlag-3.md“." in err.splitlines()
    )
    (data / V / "Beschlussvorschlag.md").rename(data / V / "beschlussvorschlag-3.md")  # the proposed name
    code, _, err = run(capsys, "--data", str(data), "pruefen", "--ohne-satz")
    assert code == 0, err


def test_a_file_anywhere_in_the_data_with_a_colon_is_an_error(capsys, data):
    (data / V / "bilder").mkdir()
    (data / V / "bilder" / "plan 10:30.png").write_bytes(b"\x89PNG")
    (data / "sitzungen" / "ASI-2021-06-10.yaml").rename(data / "sitzungen" / "ASI:2021-06-10.yaml")
    code, _, err = run(capsys, "--data", str(data), "pruefen")
    assert code == 1
    lines = err.splitlines()
    assert (
        f"data/{V}/bilder/plan 10:30.png: Der Name „plan 10:30.png“ enthält „:“ – Windows erlaubt in Datei- und "
        'Ordnernamen keines der Zeichen < > : " | ? * und keine Steuerzeichen; benennen Sie ihn um, z. B. in '
        "„plan 10-30.png“." in lines
    )
    assert any(
        line.startswith("data/sitzungen/ASI:2021-06-10.yaml: Der Name „ASI:2021-06-10.yaml“ enthält „:“")
        for line in lines
    )
    assert sum("ASI:2021-06-10.yaml" in line for line in lines) == 1  # said once, not again by the reader


def test_hidden_folders_are_not_entered_and_the_walk_is_bounded(tmp_path, monkeypatch):
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "objects" / "a:b").write_text("", encoding="utf-8")
    (tmp_path / "a?").write_text("", encoding="utf-8")
    assert [path.name for path, _ in im_ordner(tmp_path)] == ["a?"]
    monkeypatch.setattr("vorlagen.core.dateinamen.MAX_NAMEN", 1)
    (tmp_path / "b?").write_text("", encoding="utf-8")
    assert len(list(im_ordner(tmp_path))) <= 1


def test_nummern_that_differ_only_in_case_would_share_their_output(capsys, data):
    edit(data / "vorlagen" / "2021-0130" / "vorlage.yaml", 'nummer: "2021/0130"', 'nummer: "2021/0123A"')
    edit(data / V / "vorlage.yaml", 'nummer: "2021/0123"', 'nummer: "2021/0123a"')
    code, _, err = run(capsys, "--data", str(data), "pruefen", "--ohne-satz")
    assert code == 1
    assert (
        "data/vorlagen/2021-0130/vorlage.yaml:1: Die Nummern „2021/0123A“ und „2021/0123a“ "
        "(data/vorlagen/2021-0123/vorlage.yaml:1) ergäben unter Windows, das Groß- und Kleinschreibung nicht "
        "unterscheidet, dieselben Ausgabedateien 2021-0123A.pdf – vergeben Sie unterscheidbare Nummern."
    ) in err.splitlines()
