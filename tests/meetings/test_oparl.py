"""The static OParl 1.1 endpoint: official schemas with `url` enforced, a client's crawl, stable stamps, tombstones."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import http.server
import json
import re
import threading
import urllib.request
from pathlib import Path

import pytest

from tests.hilfen import DATA, copy_data, edit, freigeben, ohne_mitzeichnung
from tests.hilfen.oparl import errors
from tests.referenz.rechnen import euro
from vorlagen.building.state import OPARL_LEDGER, state_dir
from vorlagen.cli import main
from vorlagen.meetings import oparl_pages

SECRET = ("2021/0130", "2021-0130", "Auswahlverfahren für die Koordinationsstellen")
LISTS = (
    "organization",
    "person",
    "meeting",
    "paper",
    "agendaItem",
    "consultation",
    "file",
    "locationList",
    "legislativeTermList",
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """data/ built with --mappen into a folder served on 127.0.0.1; basis_url is the server's address."""
    root = tmp_path_factory.mktemp("oparl")
    out = root / "output"
    out.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    data = copy_data(DATA, root)
    edit(data / "koerperschaft.yaml", "basis_url: https://ratsinfo.rhein-sieg-kreis.de/vorlagen/", f"basis_url: {base}")
    edit(data / "koerperschaft.yaml", "seitengroesse: 100", "seitengroesse: 2")  # several pages per list
    assert main(["build", "--data", str(data), "--out", str(out), "--mappen"]) == 0
    yield base, out
    server.shutdown()


def get(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200, url
        return response.read(), response.headers.get("Content-Type", "")


def get_json(url: str):
    body, content_type = get(url)
    assert content_type.startswith("application/json"), (url, content_type)
    return json.loads(body)


def links(value):
    """Every URL-valued string inside a JSON value."""
    if isinstance(value, dict):
        for v in value.values():
            yield from links(v)
    elif isinstance(value, list):
        for v in value:
            yield from links(v)
    elif (
        isinstance(value, str)
        and value.startswith(("http://", "https://"))
        and not value.startswith("https://schema.oparl.org/")
    ):
        yield value


def walk_list(first: str) -> list[dict]:
    """All objects of a paginated list, following links.next; checks the pagination block."""
    objects, url, seen = [], first, set()
    while url:
        assert url not in seen, f"Listenschleife bei {url}"
        seen.add(url)
        page = get_json(url)
        assert set(page) == {"data", "pagination", "links"}, url
        assert page["links"]["self"] == url
        assert len(page["data"]) <= page["pagination"]["elementsPerPage"] == 2
        objects += page["data"]
        url = page["links"].get("next")
    assert len(objects) == page["pagination"]["totalElements"]
    return objects


def test_a_client_crawls_every_object_and_file(served):
    base, _ = served
    system = get_json(base + "oparl/system.json")
    assert system["id"] == base + "oparl/system.json" and system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    (body,) = walk_list(system["body"])
    assert body == get_json(body["id"])
    seen: dict[str, dict] = {}
    by_list = {}
    for name in LISTS:
        by_list[name] = walk_list(body[name])
        for obj in by_list[name]:
            assert obj["id"] not in seen, f"doppelte Kennung {obj['id']}"
            seen[obj["id"]] = obj
            assert get_json(obj["id"]) == obj, f"{obj['id']} liefert nicht das Objekt der Liste"
    assert {o["type"].rsplit("/", 1)[1] for o in seen.values()} == {
        "Organization",
        "Meeting",
        "Paper",
        "AgendaItem",
        "Consultation",
        "File",
        "Location",
        "LegislativeTerm",
    }
    # every link resolves; every file has the announced size and checksum
    for url in sorted(set(links([system, body, *seen.values()]))):
        get(url)
    for file in by_list["file"]:
        content, content_type = get(file["accessUrl"])
        assert len(content) == file["size"] and content.startswith(b"%PDF-")
        assert hashlib.sha512(content).hexdigest() == file["sha512Checksum"]
        assert content_type == file["mimeType"] == "application/pdf"
    # the public part only
    raw = json.dumps([system, body, *seen.values()], ensure_ascii=False)
    assert all(secret not in raw for secret in SECRET)
    assert all(item["public"] for item in by_list["agendaItem"])
    assert [p["reference"] for p in by_list["paper"]] == ["2021/0123"]
    meetings = {m["id"].rsplit("/", 1)[1]: m for m in by_list["meeting"]}
    asi = meetings["asi-2021-06-10.json"]
    assert [i["number"] for i in asi["agendaItem"]] == ["1", "2", "3", "4"]  # TOPs 5 and 6 are non-public
    paper = by_list["paper"][0]
    assert [(c["meeting"], c.get("agendaItem")) for c in paper["consultation"]] == [
        (asi["id"], asi["agendaItem"][2]["id"]),
        (meetings["ka-2021-06-21.json"]["id"], meetings["ka-2021-06-21.json"]["agendaItem"][1]["id"]),
    ]


def test_every_object_and_page_validates_against_the_official_schemas(served):
    _, out = served
    problems, count = [], 0
    for path in sorted((out / "oparl").rglob("*.json")):
        content = json.loads(path.read_text(encoding="utf-8"))
        for obj in content.get("data", [content]):
            problems += errors(obj)
            count += 1
    for path in sorted((out / "publish").rglob("oparl.json")):
        content = json.loads(path.read_text(encoding="utf-8"))
        for obj in [content["meeting"], *content["paper"], *content["organization"]]:
            problems += errors(obj)
            count += 1
    assert problems == []
    assert count > 60


def test_every_object_carries_created_and_modified(served):
    _, out = served

    def check(obj):
        if isinstance(obj, dict):
            if "type" in obj and obj["type"].startswith("https://schema.oparl.org/"):
                assert "created" in obj and "modified" in obj, obj["id"]
                dt.datetime.fromisoformat(obj["created"])
            for value in obj.values():
                check(value)
        elif isinstance(obj, list):
            for value in obj:
                check(value)

    for path in (out / "oparl").rglob("*.json"):
        check(json.loads(path.read_text(encoding="utf-8")))


def test_the_bundle_points_into_the_same_graph(served):
    base, out = served
    bundle = json.loads((out / "publish" / "ASI-2021-06-10" / "oparl.json").read_text(encoding="utf-8"))
    meeting = get_json(bundle["meeting"]["id"])
    # the same object, the public Niederschrift included: the bundle holds it as the endpoint names it
    assert meeting["resultsProtocol"]["fileName"] == "niederschrift.pdf"
    assert bundle["meeting"] == meeting
    assert bundle["paper"] == [get_json(base + "oparl/paper/2021-0123.json")]
    sums = (out / "publish" / "ASI-2021-06-10" / "SHA256SUMS").read_text(encoding="utf-8")
    protocol = (out / "publish" / "ASI-2021-06-10" / "niederschrift.pdf").read_bytes()
    assert protocol == (out / "sitzungen" / "ASI-2021-06-10" / "niederschrift.pdf").read_bytes()
    assert f"{hashlib.sha256(protocol).hexdigest()}  niederschrift.pdf\n" in sums
    meeting_files = [bundle["meeting"]["invitation"], bundle["meeting"]["resultsProtocol"]]
    for file in [*meeting_files, *bundle["meeting"]["auxiliaryFile"], bundle["paper"][0]["mainFile"]]:
        local = (out / "publish" / "ASI-2021-06-10" / file["fileName"]).read_bytes()
        assert (
            hashlib.sha512(local).hexdigest()
            == file["sha512Checksum"]
            == hashlib.sha512(get(file["accessUrl"])[0]).hexdigest()
        )


@pytest.mark.langsam  # builds whole repositories (three times)
def test_stamps_survive_rebuilds_and_removed_objects_become_tombstones(data, tmp_path, monkeypatch, schnellsatz):
    out = tmp_path / "output"
    assert main(["build", "--data", str(data), "--out", str(out)]) == 0
    first = {p.relative_to(out): p.read_bytes() for p in (out / "oparl").rglob("*.json")}
    paper_url = "oparl/paper/2021-0123.json"
    paper = json.loads(first[Path(paper_url)])
    assert paper["created"] == paper["modified"] == "2021-05-27T00:00:00+02:00"  # the Vorlage's date, no ledger yet
    assert (state_dir(out) / OPARL_LEDGER).is_file()
    assert not [p for p in out.rglob("*") if "ledger" in p.name]  # bookkeeping stays out of the output

    assert main(["build", "--data", str(data), "--out", str(out)]) == 0
    assert {p.relative_to(out): p.read_bytes() for p in (out / "oparl").rglob("*.json")} == first

    later = dt.datetime(2021, 6, 1, 9, 30, tzinfo=oparl_pages.ZONE)
    monkeypatch.setattr(oparl_pages, "now", lambda: later)
    edit(
        data / "vorlagen" / "2021-0123" / "vorlage.yaml",
        "anlagen:\n  - {titel: Handlungskonzept Kommunales Integrationsmanagement, datei: anlagen/handlungskonzept.md}",
        "anlagen: []",
    )
    freigeben(data)  # the Vorlage changed: signed again, else it is an ENTWURF the endpoint leaves out
    assert main(["build", "--data", str(data), "--out", str(out)]) == 0
    paper = json.loads((out / paper_url).read_text(encoding="utf-8"))
    assert (paper["created"], paper["modified"]) == ("2021-05-27T00:00:00+02:00", later.isoformat())
    assert paper["auxiliaryFile"] == []
    gone = json.loads((out / "oparl/file/vorlage-2021-0123-anlage-1.json").read_text(encoding="utf-8"))
    assert gone == {
        "id": gone["id"],
        "type": "https://schema.oparl.org/1.1/File",
        "created": "2021-05-27T00:00:00+02:00",
        "modified": later.isoformat(),
        "deleted": True,
    }
    files = json.loads((out / "oparl/body/rhein-sieg-kreis/file/1.json").read_text(encoding="utf-8"))["data"]
    assert gone in files
    meeting = json.loads((out / "oparl/meeting/ka-2021-06-21.json").read_text(encoding="utf-8"))
    assert meeting["modified"] == first_modified(first, "oparl/meeting/ka-2021-06-21.json")  # unchanged


def first_modified(files: dict, name: str) -> str:
    return json.loads(files[Path(name)])["modified"]


def test_recorded_results_reach_the_agenda_items(served):
    """The KIM Vorlage's TOP in the ASI Niederschrift: 14 Ja, 0 Nein, 2 Enthaltungen, unchanged Beschluss."""
    import yaml

    base, out = served
    recorded = yaml.safe_load((DATA / "sitzungen" / "ASI-2021-06-10" / "niederschrift.yaml").read_text())
    punkt = next(p for p in recorded["punkte"] if p.get("abstimmung", {}).get("ja") is not None)
    votes = punkt["abstimmung"]
    items = [json.loads(p.read_text()) for p in (out / "oparl" / "agendaitem" / "asi-2021-06-10").glob("*.json")]
    item = next(i for i in items if i["number"] == punkt["top"])
    assert item["result"] == (
        f"ungeändert beschlossen ({votes['ja']} Ja, {votes['nein']} Nein, {votes['enthaltung']} Enthaltungen)"
    )
    undecided = [i for i in items if i["number"] == "1"]
    assert undecided and "result" not in undecided[0]


MONATE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def test_resolution_text_is_the_beschlussvorschlag_as_plain_text(served):
    """No changed text recorded: the Vorlage's Beschlussvorschlag, its expressions resolved, as plain text."""
    import re

    import yaml

    _, out = served
    folder = DATA / "vorlagen" / "2021-0123"
    vorlage = yaml.safe_load((folder / "vorlage.yaml").read_text(encoding="utf-8"))
    zeitraum = next(f for f in vorlage["finanzierung"] if f["id"] == "m1-steuerung")["zeitraum"]
    von, bis = zeitraum["von"], zeitraum["bis"]
    # seed 000 recomputed (docs/entwicklung/grundsaetze.md, Grundsatz 1): Eigenanteile 158.644 + 10.335 + 258.818, Modul 3 between 82.533 and 150.669 €
    low, high = 158644 + 10335 + 258818 + 82533, 158644 + 10335 + 258818 + 150669
    values = {
        'finanzierung["m1-steuerung"].zeitraum.bis | datum': f"{bis:%d.%m.%Y}",
        'finanzierung["m1-steuerung"].monate': f"{MONATE[von.month - 1]} {von.year} bis {MONATE[bis.month - 1]} {bis.year}",
        "uebersicht.eigenanteil_min | eur": euro(low),
        "uebersicht.eigenanteil_max | eur": euro(high),
    }
    source = (folder / vorlage["beschlussvorschlag"]).read_text(encoding="utf-8")
    intro, liste = re.sub(r"\{\{\s*(.*?)\s*\}\}", lambda m: values[m[1]], source).strip().split("\n\n")
    items = [" ".join(line.strip() for line in item.splitlines()) for item in re.split(r"\n(?=\d+\. )", liste)]
    item = json.loads((out / "oparl" / "agendaitem" / "asi-2021-06-10" / "3.json").read_text(encoding="utf-8"))
    assert item["resolutionText"] == intro + "\n\n" + "\n".join(items)
    assert "zwischen 510.330\u00a0€ und 578.466\u00a0€" in item["resolutionText"]  # the figures as the seed has them


def test_results_of_tops_without_vorlage_and_the_niederschrift_reach_the_meeting(served):
    import yaml

    _, out = served
    folder = DATA / "sitzungen" / "ASI-2021-06-10"
    recorded = yaml.safe_load((folder / "niederschrift.yaml").read_text(encoding="utf-8"))
    punkt = next(p for p in recorded["punkte"] if p["top"] == "2")  # genehmigt the previous Niederschrift
    assert punkt["abstimmung"] == {"einstimmig": True}
    item = json.loads((out / "oparl" / "agendaitem" / "asi-2021-06-10" / "2.json").read_text(encoding="utf-8"))
    assert item["result"] == "beschlossen (einstimmig)"
    assert item["resolutionText"] == " ".join((folder / punkt["beschluss"]).read_text(encoding="utf-8").split())
    mitteilungen = json.loads((out / "oparl" / "agendaitem" / "asi-2021-06-10" / "4.json").read_text(encoding="utf-8"))
    assert "result" not in mitteilungen and "resolutionText" not in mitteilungen  # the Niederschrift records text only
    bericht = json.loads((out / "oparl" / "agendaitem" / "asi-2023-11-30" / "2.json").read_text(encoding="utf-8"))
    assert bericht["result"] == "zur Kenntnis genommen" and "resolutionText" not in bericht
    meeting = json.loads((out / "oparl" / "meeting" / "asi-2021-06-10.json").read_text(encoding="utf-8"))
    assert meeting["meetingState"] == "durchgeführt"
    hour, minute = (int(x) for x in recorded["ende"].removesuffix(" Uhr").split(":"))
    assert dt.datetime.fromisoformat(meeting["end"]) == dt.datetime(2021, 6, 10, hour, minute, tzinfo=oparl_pages.ZONE)
    protocol = meeting["resultsProtocol"]
    local = (out / "sitzungen" / "ASI-2021-06-10" / "niederschrift.pdf").read_bytes()
    assert protocol["accessUrl"].endswith("/sitzungen/ASI-2021-06-10/niederschrift.pdf")
    assert protocol["sha512Checksum"] == hashlib.sha512(local).hexdigest() and protocol["size"] == len(local)


def test_recorded_results_of_every_kind_and_never_a_non_public_one(data, tmp_path, schnellsatz):
    """A changed Beschluss, a rejected one, a vertagt TOP without Vorlage, a Beschluss on a Vorlage outside its
    Beratungsfolge; the non-public TOP's Beschluss stays out."""
    folder = data / "sitzungen" / "ASI-2021-06-10"
    niederschrift = folder / "niederschrift.yaml"
    edit(niederschrift, "    abstimmung: {ja: 14", "    beschluss: top-3-geaendert.md\n    abstimmung: {ja: 14")
    (folder / "top-3-geaendert.md").write_text(
        'Die Stellen werden\nbis zum {{ finanzierung["m1-steuerung"].zeitraum.bis | datum }} besetzt.\n',
        encoding="utf-8",
    )
    edit(niederschrift, "    abstimmung: {einstimmig: true}", "    abstimmung: {ja: 2, nein: 10, ergebnis: abgelehnt}")
    edit(niederschrift, '{top: "4", text: top-4.md}', '{top: "4", text: top-4.md, ergebnis: vertagt}')
    edit(
        niederschrift,
        '{top: "5", text: top-5.md, ergebnis: Kenntnisnahme}',
        '{top: "5", text: top-5.md, ergebnis: Beschluss, beschluss: geheim.md, abstimmung: {einstimmig: true}}',
    )
    (folder / "geheim.md").write_text("Geheimbeschluss3391 wird gefasst.\n", encoding="utf-8")
    edit(
        data / "sitzungen" / "ASI-2023-11-30.yaml",
        '    - {top: "3", titel: Mitteilungen und Anfragen}',
        '    - {top: "3", titel: Mitteilungen und Anfragen}\n    - {top: "4", vorlage: "2021/0123"}',
    )
    with (data / "sitzungen" / "ASI-2023-11-30" / "niederschrift.yaml").open("a", encoding="utf-8") as file:
        file.write('  - {top: "4", ergebnis: Beschluss, abstimmung: {einstimmig: true}}\n')
    out = tmp_path / "output"
    assert main(["build", "--data", str(data), "--out", str(out)]) == 0

    def item(sitzung: str, top: str) -> dict:
        return json.loads((out / "oparl" / "agendaitem" / sitzung / f"{top}.json").read_text(encoding="utf-8"))

    changed = item("asi-2021-06-10", "3")
    assert changed["result"] == "geändert beschlossen (14 Ja, 0 Nein, 2 Enthaltungen)"
    assert changed["resolutionText"] == "Die Stellen werden bis zum 31.12.2022 besetzt."
    rejected = item("asi-2021-06-10", "2")
    # no abstentions recorded: none printed (issue 22: nothing invented)
    assert rejected["result"] == "abgelehnt (2 Ja, 10 Nein)" and "resolutionText" not in rejected
    assert item("asi-2021-06-10", "4")["result"] == "vertagt"
    consultation = json.loads(
        (out / "oparl" / "consultation" / "2021-0123" / "asi-2023-11-30.json").read_text(encoding="utf-8")
    )
    assert consultation["agendaItem"] == item("asi-2023-11-30", "4")["id"]
    assert consultation["authoritative"] is True and "role" not in consultation  # decided there, no Beratungsfolge
    everything = "\n".join(p.read_text(encoding="utf-8") for p in (out / "oparl").rglob("*.json"))
    assert "Geheimbeschluss3391" not in everything and "/5.json" not in everything
    assert "Geheimbeschluss3391" in (out / "intern" / "sitzungen" / "ASI-2021-06-10" / "niederschrift.txt").read_text(
        encoding="utf-8"
    )
    problems = [e for p in (out / "oparl").rglob("*.json") for obj in _objects(p) for e in errors(obj)]
    assert problems == []
    # the public Niederschrift says the same
    protokoll = (out / "sitzungen" / "ASI-2021-06-10" / "niederschrift.txt").read_text(encoding="utf-8")
    assert "Vertagt\n" in protokoll and "Die Beratung wird vertagt." not in protokoll  # no sentence nobody wrote
    assert "Abstimmungsergebnis: mit 2 Ja-Stimmen und 10 Nein-Stimmen abgelehnt" in protokoll


def _objects(path: Path) -> list[dict]:
    content = json.loads(path.read_text(encoding="utf-8"))
    return content.get("data", [content])


def test_a_bundles_oparl_json_names_only_files_in_the_bundle(built):
    import json

    out = built  # the example with its Mappen and bundles
    for folder in sorted((out / "publish").iterdir()):
        present = {p.name for p in folder.iterdir()}
        text = (folder / "oparl.json").read_text(encoding="utf-8")
        named = set(re.findall(r'"fileName": "([^"]+)"', text))
        assert named and named <= present, (folder.name, named - present)
    asi = json.loads((out / "publish/ASI-2021-06-10/oparl.json").read_text(encoding="utf-8"))
    assert asi["meeting"]["resultsProtocol"]["fileName"] == "niederschrift.pdf"  # the bundle carries the minutes


@pytest.mark.langsam  # builds whole repositories (twice)
def test_a_bundle_built_before_the_niederschrift_gets_it_with_the_next_build(tmp_path, schnellsatz):
    import json
    import shutil

    from tests.hilfen import DATA, copy_data
    from vorlagen.cli import main

    data = copy_data(DATA, tmp_path)
    aside = tmp_path / "niederschrift"
    shutil.move(data / "sitzungen" / "ASI-2021-06-10", aside)  # before the meeting: no minutes yet
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out), "--mappen"]) == 0
    bundle = out / "publish" / "ASI-2021-06-10"
    assert "resultsProtocol" not in json.loads((bundle / "oparl.json").read_text(encoding="utf-8"))["meeting"]
    assert not (bundle / "niederschrift.pdf").exists()
    shutil.move(aside, data / "sitzungen" / "ASI-2021-06-10")  # after the meeting
    assert main(["--data", str(data), "--out", str(out), "--mappen"]) == 0
    meeting = json.loads((bundle / "oparl.json").read_text(encoding="utf-8"))["meeting"]
    assert meeting["resultsProtocol"]["fileName"] == "niederschrift.pdf"
    assert (bundle / "niederschrift.pdf").read_bytes() == (
        out / "sitzungen" / "ASI-2021-06-10" / "niederschrift.pdf"
    ).read_bytes()
    assert "niederschrift.pdf" in (bundle / "SHA256SUMS").read_text(encoding="utf-8")


def test_an_undated_vorlage_has_no_invented_date_in_oparl(data, tmp_path, schnellsatz):
    """Issue 61, point 3: Paper.date and the date of its Files come only from the Vorlage's own date – not from
    its first Sitzung, which dates its PDFs."""
    ohne_mitzeichnung(data)  # the missing date changes the print: no sign-off to go stale
    edit(data / "koerperschaft.yaml", "\nhausstil:\n", "\nhausstil:\n  datum_pflicht: false\n")
    edit(data / "vorlagen/2021-0123/vorlage.yaml", "datum: 2021-05-27\n", "")
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    paper = json.loads((out / "oparl/paper/2021-0123.json").read_text(encoding="utf-8"))
    assert paper["reference"] == "2021/0123" and "date" not in paper
    assert [f for f in [paper["mainFile"], *paper["auxiliaryFile"]] if "date" in f] == []


def test_the_meeting_starts_and_ends_as_its_niederschrift_records_and_the_agenda_says_what_is_open(
    data, tmp_path, schnellsatz
):
    """Issue 61, point 4: the Sitzung file states no „beginn“ and no „ort“; its Niederschrift records beginn and
    ende: the Meeting has both, and the printed agenda says time and place are open instead of leaving them out."""
    sitzung = data / "sitzungen" / "KA-2021-06-21.yaml"
    edit(sitzung, 'beginn: "16:00 Uhr"\n', "")
    edit(sitzung, "ort: Kreishaus Siegburg, Großer Sitzungssaal\n", "")
    edit(data / "sitzungen/KA-2021-06-21/niederschrift.yaml", 'beginn: "16:00 Uhr"', 'beginn: "16:05 Uhr"')
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    meeting = json.loads((out / "oparl/meeting/ka-2021-06-21.json").read_text(encoding="utf-8"))
    zone = dt.timezone(dt.timedelta(hours=2))  # summer time in Germany
    assert dt.datetime.fromisoformat(meeting["start"]) == dt.datetime(2021, 6, 21, 16, 5, tzinfo=zone)
    assert dt.datetime.fromisoformat(meeting["end"]) == dt.datetime(2021, 6, 21, 16, 50, tzinfo=zone)
    agenda = (out / "sitzungen/KA-2021-06-21/tagesordnung.txt").read_text(encoding="utf-8")
    assert "\nSitzung: 21. Juni 2021, Uhrzeit noch offen\n\nOrt: noch offen\n" in agenda
