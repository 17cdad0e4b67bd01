"""Sitzungsdienst: deadlines, agendas, packets, the publish bundle, archivable PDFs, the overview site."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pypdf
import pytest

from tests.hilfen import DATA, edit, line_of, run, vor_dem_beschluss
from tests.hilfen.oparl import errors

ASI = "ASI-2021-06-10"
SECRET_TITLE = "Auswahlverfahren für die Koordinationsstellen"


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


# --- deadlines --------------------------------------------------------------------------------


def test_deadline_list_for_upcoming_sitzungen(capsys, data):
    code, out, _ = run(capsys, "check", "--ohne-satz", "--data", str(data), "--stichtag", "2021-06-11")
    assert code == 0
    assert out == (
        "Geprüft: 2 Vorlagen, 5 Berechnungen – keine Probleme.\n\n"
        "Sitzungen ab dem 11.06.2021:\n"
        "  KA-2021-06-21 – Kreisausschuss am 21.06.2021, Frist für Vorlagen: 11.06.2021\n"
        "    TOP 2     2021/0123 vom 27.05.2021: rechtzeitig\n"
        "    TOP 4     2021/0130 vom 27.05.2021: rechtzeitig\n"
        "  ASI-2023-11-30 – Ausschuss für Soziales und Integration am 30.11.2023, Frist für Vorlagen: 16.11.2023\n"
        "    (noch keine Vorlagen)\n"
        "Alle Vorlagen sind rechtzeitig und in der Beratungsfolge.\n"
    )


def test_an_undated_vorlage_is_not_called_rechtzeitig(capsys, data):
    """Issue 61, point 3: without its Datum nobody knows whether a Vorlage kept the deadline – it is said open."""
    edit(data / "vorlagen/2021-0130/vorlage.yaml", "datum: 2021-05-27\n", "")
    edit(data / "koerperschaft.yaml", "\nhausstil:\n", "\nhausstil:\n  datum_pflicht: false\n")
    code, out, _ = run(capsys, "check", "--ohne-satz", "--data", str(data), "--stichtag", "2021-06-11")
    assert code == 0
    assert out.split("\n\n", 1)[1] == (
        "Sitzungen ab dem 11.06.2021:\n"
        "  KA-2021-06-21 – Kreisausschuss am 21.06.2021, Frist für Vorlagen: 11.06.2021\n"
        "    TOP 2     2021/0123 vom 27.05.2021: rechtzeitig\n"
        "    TOP 4     2021/0130: ohne Datum – ob sie die Frist (11.06.2021) hält, ist offen\n"
        "  ASI-2023-11-30 – Ausschuss für Soziales und Integration am 30.11.2023, Frist für Vorlagen: 16.11.2023\n"
        "    (noch keine Vorlagen)\n"
        "1 Vorlage braucht Aufmerksamkeit.\n"
    )


def test_late_vorlage_and_missing_beratungsfolge_are_flagged(capsys, data):
    # ASI: 14 days → deadline 27.05.2021. A Vorlage dated 29.05. is two days late.
    edit(data / "vorlagen/2021-0130/vorlage.yaml", "datum: 2021-05-27", "datum: 2021-05-29")
    edit(data / "vorlagen/2021-0130/vorlage.yaml", "  - {sitzung: ASI-2021-06-10, rolle: Kenntnisnahme}\n", "")
    edit(data / "sitzungen/KA-2021-06-21.yaml", '    - {top: "2", vorlage: "2021/0123"}\n', "")
    vor_dem_beschluss(data)  # its Niederschrift records a result for the TOP removed above
    code, out, _ = run(capsys, "check", "--ohne-satz", "--data", str(data), "--stichtag", "2021-06-01")
    assert code == 0
    assert out.split("\n\n", 1)[1] == (
        "Sitzungen ab dem 01.06.2021:\n"
        "  ASI-2021-06-10 – Ausschuss für Soziales und Integration am 10.06.2021, Frist für Vorlagen: 27.05.2021\n"
        "    TOP 3     2021/0123 vom 27.05.2021: rechtzeitig\n"
        "    TOP 5     2021/0130 vom 29.05.2021: ZU SPÄT: 2 Tage nach der Frist; FEHLT in der Beratungsfolge der Vorlage\n"
        "  KA-2021-06-21 – Kreisausschuss am 21.06.2021, Frist für Vorlagen: 11.06.2021\n"
        "    TOP 4     2021/0130 vom 29.05.2021: rechtzeitig\n"
        "    ohne TOP  2021/0123 vom 27.05.2021: steht in der Beratungsfolge, aber auf keinem TOP\n"
        "  ASI-2023-11-30 – Ausschuss für Soziales und Integration am 30.11.2023, Frist für Vorlagen: 16.11.2023\n"
        "    (noch keine Vorlagen)\n"
        "2 Vorlagen brauchen Aufmerksamkeit.\n"
    )


def test_one_vorlage_late_for_two_sitzungen_is_counted_once(capsys, data):
    """Issue 57, point 3: „6 Vorlagen brauchen Aufmerksamkeit“ for one Vorlage in six Sitzungen – the count said
    lines, not Vorlagen. 2021/0130 dated 15.06.2021 misses both deadlines (27.05. and 11.06.)."""
    edit(data / "vorlagen/2021-0130/vorlage.yaml", "datum: 2021-05-27", "datum: 2021-06-15")
    code, out, _ = run(capsys, "check", "--ohne-satz", "--data", str(data), "--stichtag", "2021-06-01")
    assert out.count("2021/0130 vom 15.06.2021: ZU SPÄT") == 2
    assert out.endswith("\n1 Vorlage braucht Aufmerksamkeit (in 2 Sitzungen).\n")


def test_default_reference_date_is_today(capsys, data):
    code, out, _ = run(capsys, "check", "--ohne-satz", "--data", str(data))
    assert out.endswith(f"Keine Sitzungen ab dem {dt.date.today():%d.%m.%Y}.\n")


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            '{top: "4", titel: Mitteilungen und Anfragen}',
            '{top: "3", titel: Mitteilungen und Anfragen}',
            "TOP 3 steht zweimal in der Tagesordnung von „ASI-2021-06-10“ – nummerieren Sie eindeutig.",
        ),
        (
            '{top: "3", vorlage: "2021/0123"}',
            '{top: "3", vorlage: "2021/0132"}',
            "Unbekannte Vorlage „2021/0132“ – meinten Sie „2021/0130“? Nennen Sie die Nummer einer Vorlage aus vorlagen/.",
        ),
        (
            '{top: "4", titel: Mitteilungen und Anfragen}',
            '{top: "4", vorlage: "2021/0130"}',
            "TOP 4: Die Vorlage 2021/0130 ist nichtöffentlich und darf nicht im öffentlichen Teil stehen – verschieben Sie "
            "den TOP unter „nichtoeffentlich“.",
        ),
        (
            '{top: "4", titel: Mitteilungen und Anfragen}',
            '{top: "4"}',
            "TOP 4: Geben Sie „vorlage“ (Nummer) oder „titel“ an.",
        ),
    ],
)
def test_agenda_errors(capsys, data, old, new, message):
    path = data / "sitzungen" / f"{ASI}.yaml"
    edit(path, old, new)
    code, _, err = run(capsys, "check", "--ohne-satz", "--data", str(data))
    assert code == 1
    assert err.splitlines()[0] == f"data/sitzungen/{ASI}.yaml:{line_of(path, new)}: {message}"


# --- agenda and packets -----------------------------------------------------------------------


def test_public_agenda_hides_the_non_public_part(built):
    public = (built / "sitzungen" / ASI / "tagesordnung.html").read_text(encoding="utf-8")
    internal = (built / "intern/sitzungen" / ASI / "tagesordnung.html").read_text(encoding="utf-8")
    assert '<a href="../../vorlagen/2021-0123/2021-0123.html">2021/0123</a>' in public
    assert SECRET_TITLE not in public and "2021/0130" not in public
    assert "Es folgt ein nichtöffentlicher Teil; seine Punkte werden nicht veröffentlicht." in public
    assert SECRET_TITLE in internal
    assert '<a href="../../vorlagen/2021-0130/2021-0130.html">2021/0130</a>' in internal
    assert '<a href="../../../vorlagen/2021-0123/2021-0123.html">2021/0123</a>' in internal


def outline(reader: pypdf.PdfReader) -> list[tuple[int, str, int]]:
    result = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                result.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return result


def test_public_packet_merges_rendered_documents_with_bookmarks_and_page_numbers(built):
    folder = built / "sitzungen" / ASI
    packet = pypdf.PdfReader(folder / "sitzungsmappe.pdf")
    parts = [
        folder / "tagesordnung.pdf",
        built / "vorlagen/2021-0123/2021-0123.pdf",
        built / "vorlagen/2021-0123/anlage-1-handlungskonzept-kommunales-integrationsmanagement.pdf",
    ]
    counts = [len(pypdf.PdfReader(p).pages) for p in parts]
    total = 1 + sum(counts)  # cover + parts
    assert len(packet.pages) == total
    betreff = "Kommunales Integrationsmanagement (KIM) – Stellenbesetzung und Finanzierung bis Ende 2022"
    assert outline(packet) == [
        (0, "Deckblatt", 1),
        (0, "Tagesordnung", 2),
        (0, f"TOP 3: {betreff}", 2 + counts[0]),
        (1, "Beschlussvorlage 2021/0123", 2 + counts[0]),
        (2, "Anlage 1: Handlungskonzept Kommunales Integrationsmanagement", 2 + counts[0] + counts[1]),
    ]
    texts = [page.extract_text() for page in packet.pages]
    for number, text in enumerate(texts, start=1):
        assert f"Sitzungsmappe ASI 10.06.2021 – Seite {number} von {total}" in text
        # one page number per page, the Mappe's: the parts' own „Seite 2 von 5“ gave way
        assert re.findall(r"Seite \d+ von \d+", text) == [f"Seite {number} von {total}"], number
    # the Vorlage's own pages are inside, unchanged apart from the page number: not rendered again
    for offset, original in enumerate(pages_text(parts[1])):
        own = re.sub(r"\s*Seite \d+ von \d+$", "", original.rstrip())
        assert texts[1 + counts[0] + offset].startswith(own[:200])
    assert all(SECRET_TITLE not in text for text in texts)
    cover = texts[0]
    assert "SITZUNGSMAPPE – ÖFFENTLICHER TEIL" in cover and f"Beschlussvorlage 2021/0123 {2 + counts[0]}" in cover


def test_internal_packet_holds_the_non_public_part(built):
    packet = pypdf.PdfReader(built / "intern/sitzungen" / ASI / "sitzungsmappe-nichtoeffentlich.pdf")
    titles = [title for _, title, _ in outline(packet)]
    assert titles == [
        "Deckblatt",
        "Tagesordnung",
        f"TOP 5: {SECRET_TITLE} im Kommunalen Integrationsmanagement",
        "Mitteilungsvorlage 2021/0130",
    ]
    texts = [page.extract_text() for page in packet.pages]
    assert "Sitzungsmappe (nichtöffentlich) ASI 10.06.2021 – Seite 1 von" in texts[0]
    assert "Nichtöffentlicher Teil" in texts[1] and SECRET_TITLE in texts[1]


def test_packet_keeps_the_structure_of_its_parts(built):
    reader = pypdf.PdfReader(built / "sitzungen" / ASI / "sitzungsmappe.pdf")
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and root["/Lang"] == "de"
    parts = root["/StructTreeRoot"]["/K"]["/K"]
    assert [p.get_object()["/S"] for p in parts] == ["/Part"] * 4  # cover, agenda, Vorlage, Anlage
    assert [page["/StructParents"] for page in reader.pages] == sorted(
        {page["/StructParents"] for page in reader.pages}
    )
    assert reader.metadata["/Title"] == "Sitzungsmappe: Ausschuss für Soziales und Integration, 10.06.2021"


# --- publish bundle -----------------------------------------------------------------------------


def test_publish_bundle_is_public_only_with_safe_names_and_checksums(built):
    bundle = built / "publish" / ASI
    names = sorted(p.name for p in bundle.iterdir())
    assert names == [
        "SHA256SUMS",
        "niederschrift.pdf",  # its public part: the meeting is past
        "oparl.json",
        "sitzungsmappe.pdf",
        "tagesordnung.pdf",
        "vorlage-2021-0123-anlage-1.pdf",
        "vorlage-2021-0123.pdf",
    ]
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.-]*|SHA256SUMS", name) for name in names)
    sums = (bundle / "SHA256SUMS").read_text(encoding="ascii").splitlines()
    expected = [f"{hashlib.sha256((bundle / n).read_bytes()).hexdigest()}  {n}" for n in names if n != "SHA256SUMS"]
    assert sums == expected
    for path in bundle.iterdir():
        text = "\n".join(pages_text(path)) if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
        assert SECRET_TITLE not in text and "2021/0130" not in text, path


def test_oparl_json_matches_the_schema_and_the_files(built):
    bundle = built / "publish" / ASI
    oparl = json.loads((bundle / "oparl.json").read_text(encoding="utf-8"))
    assert sorted(oparl) == ["meeting", "organization", "paper"]
    assert [e for obj in [oparl["meeting"], *oparl["paper"], *oparl["organization"]] for e in errors(obj)] == []
    meeting = oparl["meeting"]
    assert dt.datetime.fromisoformat(meeting["start"]) == dt.datetime(
        2021, 6, 10, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    items = meeting["agendaItem"]
    assert [(i["number"], i["public"]) for i in items] == [("1", True), ("2", True), ("3", True), ("4", True)]
    (paper,) = oparl["paper"]
    assert (paper["reference"], paper["paperType"], paper["date"]) == ("2021/0123", "Beschlussvorlage", "2021-05-27")
    oparl_url = "https://ratsinfo.rhein-sieg-kreis.de/vorlagen/oparl/"
    assert paper["underDirectionOf"] == [oparl_url + "organization/amt-ki.json"]
    assert [(c["role"], c["authoritative"], c["organization"]) for c in paper["consultation"]] == [
        ("Vorberatung", False, [oparl_url + "organization/gremium-asi.json"]),
        ("Entscheidung", True, [oparl_url + "organization/gremium-ka.json"]),
    ]
    assert (
        paper["consultation"][0]["agendaItem"] == items[2]["id"]
        and items[2]["consultation"] == paper["consultation"][0]["id"]
    )
    files = [meeting["invitation"], *meeting["auxiliaryFile"], paper["mainFile"], *paper["auxiliaryFile"]]
    for file in files:
        content = (bundle / file["fileName"]).read_bytes()
        assert file["size"] == len(content)
        assert file["sha512Checksum"] == hashlib.sha512(content).hexdigest()
        assert file["mimeType"] == "application/pdf"
    ids = {o["id"] for o in oparl["organization"]}
    assert {oparl_url + "organization/gremium-asi.json", oparl_url + "organization/amt-ki.json"} <= ids


def test_schema_check_rejects_a_misspelt_field_and_a_relative_url(built):
    oparl = json.loads((built / "publish" / ASI / "oparl.json").read_text(encoding="utf-8"))
    paper = oparl["paper"][0]
    paper["underDirectionof"] = paper.pop("underDirectionOf")
    paper["mainFile"]["accessUrl"] = "vorlage-2021-0123.pdf"
    assert [e.split(": ", 1)[1] for e in errors(paper)] == [
        "mainFile/accessUrl: 'vorlage-2021-0123.pdf' is not a 'url'",
        "unbekanntes Feld „underDirectionof“",
    ]


# --- archivable and accessible PDFs ----------------------------------------------------------


def reachable(reader: pypdf.PdfReader):
    """Every object reachable from the catalog."""
    seen, stack = set(), [reader.trailer["/Root"]]
    while stack:
        item = stack.pop()
        if isinstance(item, pypdf.generic.IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        yield item
        if isinstance(item, dict):
            stack += [v for k, v in item.items() if k != "/Parent"]
        elif isinstance(item, list):
            stack += list(item)


@pytest.mark.parametrize(
    "name, has_tables",
    [("tagesordnung.pdf", True), ("vorlage-2021-0123.pdf", True), ("vorlage-2021-0123-anlage-1.pdf", False)],
)
def test_published_pdfs_hold_their_pdf_ua_claim(built, name, has_tables):
    reader = pypdf.PdfReader(built / "publish" / ASI / name)
    root = reader.trailer["/Root"]
    xmp = reader.xmp_metadata.stream.get_data().decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp and 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="U"' in xmp
    title = reader.metadata["/Title"]
    assert title and f'<rdf:li xml:lang="x-default">{title}</rdf:li>' in xmp
    assert root["/Lang"] == "de"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert bool(root["/MarkInfo"]["/Marked"])
    tags = {obj["/S"] for obj in reachable(reader) if isinstance(obj, dict) and "/S" in obj and "/P" in obj}
    assert {"/Document", "/H1", "/H2", "/P"} <= tags
    if has_tables:
        assert {"/Table", "/THead", "/TH", "/TD"} <= tags
    fonts = [obj for obj in reachable(reader) if isinstance(obj, dict) and obj.get("/Type") == "/FontDescriptor"]
    assert fonts and all(any(k in f for k in ("/FontFile", "/FontFile2", "/FontFile3")) for f in fonts)
    for obj in reachable(reader):
        if isinstance(obj, dict):
            assert obj.get("/S") not in ("/URI", "/Launch", "/GoToR", "/ImportData", "/JavaScript", "/SubmitForm")
            assert "/JS" not in obj and "/AA" not in obj


# --- overview site in a browser -----------------------------------------------------------------


def test_overview_site_has_no_broken_link_and_no_secret(built, browser):
    page = browser.new_page()
    start = (built / "index.html").resolve()
    queue, visited, files = [start], set(), set()
    while queue:
        current = queue.pop()
        if current in visited:
            continue
        visited.add(current)
        page.goto(current.as_uri())
        assert page.evaluate("document.documentElement.lang") == "de"
        assert page.title()
        assert SECRET_TITLE not in page.content()
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))"):
            assert not re.match(r"^[a-z]+:|^/", href), f"{href} is not relative ({current})"
            target = (current.parent / href).resolve()
            assert target.is_file(), f"broken link {href} on {current}"
            assert target.is_relative_to(built.resolve()) and "intern" not in target.relative_to(built.resolve()).parts
            if target.suffix == ".html":
                queue.append(target)
            files.add(target)
    page.close()
    assert {p.name for p in visited} >= {"index.html", "tagesordnung.html", "2021-0123.html", "niederschrift.html"}
    assert any(f.name == "sitzungsmappe.pdf" for f in files)
    # every Sitzung with a Niederschrift links its public Niederschrift, HTML and PDF
    recorded = {p.parent.name for p in (DATA / "sitzungen").glob("*/niederschrift.yaml")}
    linked = {f.relative_to(built.resolve()).as_posix() for f in files | visited if f.name.startswith("niederschrift.")}
    assert linked == {f"sitzungen/{sid}/niederschrift.{suffix}" for sid in recorded for suffix in ("html", "pdf")}
    # one h1, tables with header cells: the markup a screen reader needs
    page = browser.new_page()
    page.goto(start.as_uri())
    assert page.locator("h1").count() == 1
    assert page.locator("table th[scope=col]").count() >= 9
    page.close()


def test_internal_overview_links_niederschriften_auszuege_and_beschlusskontrolle(built, browser):
    page = browser.new_page()
    start = (built / "intern" / "index.html").resolve()
    page.goto(start.as_uri())
    targets = set()
    for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))"):
        target = (start.parent / href).resolve()
        assert target.is_file(), f"broken link {href} on {start}"
        targets.add(target.relative_to(built.resolve()).as_posix())
    for target in sorted(t for t in targets if t.endswith(".html")):  # each linked page opens and is German
        page.goto((built / target).resolve().as_uri())
        assert page.evaluate("document.documentElement.lang") == "de" and page.title(), target
    page.close()
    auszuege = {
        f"intern/sitzungen/{p.parent.name}/{p.name}" for p in (built / "intern" / "sitzungen").glob("*/auszug-*.pdf")
    }
    assert auszuege and auszuege <= targets
    kontrolle = {
        p.relative_to(built).as_posix()
        for p in (built / "intern" / "beschlusskontrolle").glob("*.*")
        if p.suffix in (".html", ".pdf")
    }
    assert kontrolle and kontrolle <= targets
    assert f"intern/sitzungen/{ASI}/niederschrift.html" in targets and f"sitzungen/{ASI}/niederschrift.pdf" in targets


@pytest.mark.langsam  # builds whole repositories
def test_sitzung_command_names_the_outputs(capsys, data, tmp_path):
    code, out, _ = run(capsys, "sitzung", ASI, "--data", str(data), "--out", str(tmp_path / "output"))
    assert code == 0
    shown = "output"  # shown relative to the folder that holds the data
    assert out.endswith(
        f"\nSitzung {ASI}:\n"
        f"  Tagesordnung:           {shown}/sitzungen/{ASI}/tagesordnung.pdf\n"
        f"  Sitzungsmappe:          {shown}/sitzungen/{ASI}/sitzungsmappe.pdf\n"
        f"  nichtöffentlicher Teil: {shown}/intern/sitzungen/{ASI}/sitzungsmappe-nichtoeffentlich.pdf\n"
        f"  Veröffentlichung:       {shown}/publish/{ASI}/ (PDFs, oparl.json, SHA256SUMS)\n"
    )
    for path in (
        f"sitzungen/{ASI}/sitzungsmappe.pdf",
        f"intern/sitzungen/{ASI}/sitzungsmappe-nichtoeffentlich.pdf",
        f"publish/{ASI}/oparl.json",
    ):
        assert (tmp_path / "output" / path).is_file()
