"""Anträge, Änderungsanträge and Anfragen reach the Sitzungsmappe, the publish bundle and OParl with their Einreicher
(meetings/oparl_urheber.py): originatorOrganization for a Fraktion, originatorPerson for members, underDirectionOf only
where an Amt leads; every object valid under the official OParl 1.1 schemas; a non-public Änderungsantrag stays out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hilfen import FIXTURES, copy_data, edit, main
from tests.hilfen.oparl import errors

BASIS = "https://ratsinfo.rostock.example/oparl/"
PAPERS = ("2020-af-0701", "2020-an-0700", "2020-dv-0662", "2020-dv-0662-01", "2020-mv-0702")


@pytest.fixture
def rostock(aus_dem_repository):
    return copy_data(FIXTURES / "rostock", aus_dem_repository)


def _gebaut(data: Path, out: Path) -> Path:
    assert main(["build", "--data", str(data), "--out", str(out), "--mappen"]) == 0
    return out


def _json(out: Path, *teile: str) -> dict:
    return json.loads((out / "oparl" / Path(*teile)).with_suffix(".json").read_text(encoding="utf-8"))


def _objekte(out: Path) -> list[dict]:
    found = []
    for path in (out / "oparl").rglob("*.json"):
        content = json.loads(path.read_text(encoding="utf-8"))
        found += content.get("data", [content])
    return found


def test_every_drucksache_reaches_the_bundle_and_oparl_with_its_einreicher(rostock, tmp_path, schnellsatz):
    out = _gebaut(rostock, tmp_path / "output")
    bundle = {p.name for p in (out / "publish" / "BS-2020-01-22").iterdir()}
    for nummer in ("2020-DV-0662", "2020-DV-0662-01", "2020-AN-0700", "2020-AF-0701", "2020-MV-0702"):
        assert f"vorlage-{nummer}.pdf" in bundle
    assert "sitzungsmappe.pdf" in bundle
    assert sorted(p.stem for p in (out / "oparl" / "paper").glob("*.json")) == sorted(PAPERS)
    aa = _json(out, "paper", "2020-dv-0662-01")
    assert aa["originatorOrganization"] == [BASIS + "organization/fraktion-strom.json"]
    assert "underDirectionOf" not in aa and "originatorPerson" not in aa
    an = _json(out, "paper", "2020-an-0700")
    assert an["originatorPerson"] == [BASIS + "person/muster.json", BASIS + "person/probst.json"]
    assert "underDirectionOf" not in an and "originatorOrganization" not in an
    dv = _json(out, "paper", "2020-dv-0662")
    assert dv["underDirectionOf"] == [BASIS + "organization/amt-20.json"]
    assert "originatorPerson" not in dv and "originatorOrganization" not in dv
    strom = _json(out, "organization", "fraktion-strom")
    assert (strom["name"], strom["organizationType"]) == ("Fraktion Am Strom", "Fraktion")
    assert _json(out, "organization", "fraktion-hafen")["organizationType"] == "Gruppe"
    assert _json(out, "person", "probst")["name"] == "Ella Probst"
    assert [e for obj in _objekte(out) for e in errors(obj)] == []
    # the results per TOP reach the Anträge as the Vorlagen
    aa_top = _json(out, "agendaitem", "bs-2020-01-22", "9-1-1")
    assert aa_top["result"] == "ungeändert beschlossen (2 Ja, 1 Nein)"
    assert aa_top["consultation"] == BASIS + "consultation/2020-dv-0662-01/bs-2020-01-22.json"
    assert _json(out, "agendaitem", "bs-2020-01-22", "10-1")["result"] == "abgelehnt (1 Ja, 2 Nein)"


def test_the_agenda_names_the_einreicher_and_the_aenderungsantrag_under_its_vorlage(rostock, tmp_path, schnellsatz):
    out = _gebaut(rostock, tmp_path / "output")
    agenda = (out / "sitzungen" / "BS-2020-01-22" / "tagesordnung.txt").read_text(encoding="utf-8")
    zeilen = [z for z in agenda.splitlines() if z.startswith(("9.1", "10.1"))]
    assert [z.split()[0] for z in zeilen] == ["9.1", "9.1.1", "10.1"]
    html = (out / "sitzungen" / "BS-2020-01-22" / "tagesordnung.html").read_text(encoding="utf-8")
    assert '<span class="einreicher">Fraktion Am Strom</span>' in html
    assert '<span class="einreicher">Tom Muster und Ella Probst</span>' in html
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<span class="einreicher">Fraktion Am Strom, 17.01.2020</span>' in index


def test_a_non_public_aenderungsantrag_stays_out_of_public_output(rostock, tmp_path, schnellsatz):
    edit(rostock / "vorlagen/2020-DV-0662-01/vorlage.yaml", "oeffentlich: true", "oeffentlich: false")
    edit(
        rostock / "vorlagen/2020-DV-0662-01/vorlage.yaml",
        "betreff: Zuschüsse je Quartal",
        "betreff: Geheim4711 Quartal",
    )
    sitzung = rostock / "sitzungen/BS-2020-01-22.yaml"
    edit(sitzung, '    - {top: "9.1.1", vorlage: "2020/DV/0662-01"}\n', "")
    with sitzung.open("a", encoding="utf-8") as datei:
        datei.write('  nichtoeffentlich:\n    - {top: "9.1.1", vorlage: "2020/DV/0662-01"}\n')
    out = _gebaut(rostock, tmp_path / "output")
    oeffentlich = [p for p in out.rglob("*") if p.is_file() and "intern" not in p.parts and p.suffix != ".pdf"]
    assert [p for p in oeffentlich if "Geheim4711" in p.read_text(encoding="utf-8", errors="replace")] == []
    assert [p for p in oeffentlich if "0662-01" in p.read_text(encoding="utf-8", errors="replace")] == []
    assert "Geheim4711" in (out / "intern" / "index.html").read_text(encoding="utf-8")
