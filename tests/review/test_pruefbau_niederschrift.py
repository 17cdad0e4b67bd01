"""`vergleichen` shows what a Niederschrift changes in the documents that print it (issue 61, point 1): the first
Niederschrift of a data folder gives the Beratungsfolge of a Vorlage taken „zur Kenntnis“ its result."""

from __future__ import annotations

import shutil

from tests.hilfen import DATA, git, run

NIEDERSCHRIFTEN = [
    "sitzungen/ASI-2021-06-10/niederschrift.yaml",
    "sitzungen/ASI-2023-11-30/niederschrift.yaml",
    "sitzungen/KA-2021-06-21/niederschrift.yaml",
    "vorlagen/2021-0123/beschlossen.yaml",  # the Haushalt the Kreisausschuss's decision keeps
]


def test_vergleichen_shows_the_result_a_new_niederschrift_gives_the_beratungsfolge(capsys, tmp_path, schnellsatz):
    repo = tmp_path / "repo"
    data = shutil.copytree(DATA, repo / "data")
    kept = {name: (data / name).read_bytes() for name in NIEDERSCHRIFTEN}
    for name in NIEDERSCHRIFTEN:
        (data / name).unlink()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Vor den Sitzungen")
    for name in NIEDERSCHRIFTEN[2:]:
        (data / name).write_bytes(kept[name])
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Niederschrift des Kreisausschusses")
    code, out, err = run(capsys, "diff", "HEAD~1", "HEAD", "--data", str(data))
    assert code == 1, err
    assert (
        "\n  intern/vorlagen/2021-0130/2021-0130.pdf: geändert\n"
        "    ~ Datum       Gremium                                 Zuständigkeit{+  Ergebnis+}\n"
        "    ~ 21.06.2021  Kreisausschuss                          Kenntnisnahme{+  zur Kenntnis genommen+}\n"
    ) in out
