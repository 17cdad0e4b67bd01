"""The Niederschrift's attendance names each member's Fraktion as vertretung.yaml does (render/drucksachen.py
mit_fraktionen, used by meetings/niederschrift.py): a Kürzel by its name, a missing Fraktion from the member."""

from __future__ import annotations

from tests.hilfen import FIXTURES, copy_data, edit, main


def test_the_attendance_prints_the_fraktionen_of_the_vertretung(aus_dem_repository, tmp_path, schnellsatz):
    data = copy_data(FIXTURES / "rostock", aus_dem_repository)
    edit(
        data / "sitzungen/BS-2020-01-22/niederschrift.yaml",
        "{name: Tom Muster, fraktion: Gruppe Hafenliste}",
        "{name: Tom Muster}",
    )
    out = tmp_path / "output"
    assert main(["build", "--data", str(data), "--out", str(out)]) == 0
    html = (out / "sitzungen" / "BS-2020-01-22" / "niederschrift.html").read_text(encoding="utf-8")
    assert "<tr><td>Dr. Jana Beispiel</td><td>Fraktion Am Strom</td><td>Präsidentin</td></tr>" in html
    assert "<tr><td>Tom Muster</td><td>Gruppe Hafenliste</td><td></td></tr>" in html
    assert "<tr><td>Ella Probst</td><td></td><td></td></tr>" in html  # fraktionslos
