"""`vorlagen zahlen`: its hints are commands that work as typed – also for a Vorlage whose Nummer is still open, which
commands take by its folder (issue 45, point 6: quoted where a shell would split it)."""

from __future__ import annotations

from tests.hilfen import HEIDEMOOR, copy_data, run

TABELLE = """finanzierung:
  - id: kosten
    art: Aufstellung
    titel: Kosten des Ausbaus
    kosten:
      - {id: tiefbau, als: Tiefbau, betrag: 1000}
"""


def test_the_hints_of_zahlen_name_an_open_vorlage_by_its_folder_quoted(capsys, tmp_path):
    data = copy_data(HEIDEMOOR, tmp_path)
    folder = data / "vorlagen" / "entwurf breitband"
    (data / "vorlagen" / "entwurf-breitband").rename(folder)
    with (folder / "vorlage.yaml").open("a", encoding="utf-8") as vorlage:
        vorlage.write(TABELLE)
    code, out, err = run(capsys, "--data", str(data), "zahlen", "entwurf breitband")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (
        'Tabellen: kosten – ihre Zellen zeigt „vorlagen zahlen "entwurf breitband" TABELLE“, die Herleitung einer '
        'Zelle „vorlagen zahlen "entwurf breitband" TABELLE ZEILE SPALTE“.'
    )
    code, out, err = run(capsys, "--data", str(data), "zahlen", "entwurf breitband", "kosten")
    assert code == 0, err
    assert out.startswith('Die Herleitung einer Zelle zeigt: vorlagen zahlen "entwurf breitband" kosten ZEILE SPALTE\n')
    code, out, err = run(capsys, "--data", str(data), "zahlen", "entwurf breitband", "kosten", "tiefbau")
    assert code == 1
    assert err.rstrip().endswith('die Zellen der Tabelle zeigt „vorlagen zahlen "entwurf breitband" kosten“.')
