"""What a Drucksache prints of others is in its record (building/cache.py): a Vorlage is set again when a new
Änderungsantrag names it, and every document when vertretung.yaml renames a Fraktion."""

from __future__ import annotations

import shutil

from tests.hilfen import FIXTURES, copy_data, edit, main

VORLAGE = "vorlagen/2020-DV-0662/2020-DV-0662.txt"


def test_a_new_aenderungsantrag_and_a_renamed_fraktion_reach_the_built_documents(
    aus_dem_repository, tmp_path, schnellsatz
):
    data = copy_data(FIXTURES / "rostock", aus_dem_repository)
    out = tmp_path / "output"
    assert main(["build", "--data", str(data), "--out", str(out)]) == 0
    zweiter = data / "vorlagen" / "2020-DV-0662-02"
    shutil.copytree(data / "vorlagen" / "2020-DV-0662-01", zweiter)
    edit(zweiter / "vorlage.yaml", '"2020/DV/0662-01"', '"2020/DV/0662-02"')
    edit(zweiter / "vorlage.yaml", "fraktion: STROM", "fraktion: HAFEN")
    assert main(["build", "--data", str(data), "--out", str(out)]) == 0
    text = (out / VORLAGE).read_text(encoding="utf-8")
    assert "Änderungsantrag 2020/DV/0662-02 (Gruppe Hafenliste), Punkt 2 des Beschlussvorschlags" in text
    edit(data / "vertretung.yaml", "name: Gruppe Hafenliste", "name: Gruppe Hafenliste Warnow")
    edit(data / "sitzungen/BS-2020-01-22/niederschrift.yaml", "fraktion: Gruppe Hafenliste}", "fraktion: HAFEN}")
    assert main(["build", "--data", str(data), "--out", str(out)]) == 0
    assert "(Gruppe Hafenliste Warnow)" in (out / VORLAGE).read_text(encoding="utf-8")
    antrag = (out / "vorlagen/2020-DV-0662-02/2020-DV-0662-02.txt").read_text(encoding="utf-8")
    assert "Eingereicht von: Gruppe Hafenliste Warnow, 17.01.2020" in antrag
