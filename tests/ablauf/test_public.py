"""Nothing non-public in public output, however a careless data folder tries (issue 9, point 3).

Every public file is scanned – its name case-insensitively, every PDF stream decompressed, metadata,
bookmarks, attachments and text renditions – for a marker of every non-public item.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import IndirectObject, StreamObject

from tests.hilfen import ROOT, edit, freigeben
from vorlagen.cli import main

V = Path("vorlagen/2021-0123")
MARK_V = "Geheimvorlage7311"  # Betreff and text of a non-public Vorlage
MARK_A = "Geheimanlage5129"  # title and text of a non-public Anlage of a public Vorlage
MARK_T = "Geheimtop4402"  # a non-public TOP
MARK_N = "Geheimprotokoll6620"  # Niederschrift text, Beschluss and Auftrag of a non-public TOP
MARK_E = "Geheimvermerk2287"  # the Erledigung of a public TOP's Auftrag: Beschlusskontrolle only
DATES = ("17.03.2021", "2021-03-17", "17. März 2021")  # the date of the non-public Vorlage
MARKERS = (MARK_V, MARK_A, MARK_T, MARK_N, MARK_E, *DATES)
PROBE = (
    "{% if vorlage is defined %}{{ vorlage | string }}{% endif %}{% if sitzung is defined %}{{ sitzung | string }}"
    "{% endif %}{% if anlagen is defined %}{{ anlagen | string }}{% endif %}"
    "{% if teile is defined %}{{ teile | string }}{% endif %}"
)


def pdf_parts(path: Path) -> list[str]:
    """Everything inside a PDF: each object (strings decoded), each stream decompressed, text, outline."""
    reader = pypdf.PdfReader(path)
    parts = [page.extract_text() for page in reader.pages] + [str(reader.metadata)]

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                parts.append(str(item.title))

    walk(reader.outline)
    for name, contents in reader.attachments.items():
        parts += [name] + [c.decode("utf-8", "replace") for c in contents]
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(IndirectObject(number, 0, reader))
        except Exception:  # noqa: BLE001 – free entries of the cross-reference table
            continue
        parts.append(str(obj))
        if isinstance(obj, StreamObject):
            parts.append(obj.get_data().decode("latin-1"))
    return parts


def readable(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(pdf_parts(path))
    return path.read_bytes().decode("utf-8", errors="replace")


def _ohne_haushalt(folder):
    """A copy of the example keeps its Finanzielle Auswirkungen as text only: as data, three Vorlagen would draw on
    the same Haushalt position together (a problem of the budget law, not what this test is about)."""
    path = folder / "vorlage.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text[: text.index("finanzielle_auswirkungen:\n")] + "finanzielle_auswirkungen: finanzielle-auswirkungen.md\n",
        encoding="utf-8",
    )


@pytest.fixture
def hostile(data):
    """A non-public Vorlage, a non-public Anlage and TOP, a public Ergänzung of the non-public Vorlage, a
    Niederschrift with a Beschluss and an Auftrag in the non-public part and a closed Auftrag in the public part,
    and prose and templates that try to print whatever they can reach."""
    secret = data / "vorlagen" / "2021-0124"
    shutil.copytree(data / V, secret)
    (secret / "beschlossen.yaml").unlink()  # the Haushalt of 2021/0123's decision: the copy is not decided
    _ohne_haushalt(secret)
    edit(secret / "vorlage.yaml", 'nummer: "2021/0123"', 'nummer: "2021/0124"')
    edit(secret / "vorlage.yaml", "oeffentlich: true", "oeffentlich: false")
    edit(secret / "vorlage.yaml", "datum: 2021-05-27", "datum: 2021-03-17")
    edit(secret / "vorlage.yaml", "betreff: Kommunales", f"betreff: {MARK_V} Kommunales")
    edit(secret / "vorbemerkungen.md", "# Vorbemerkungen", f"# Vorbemerkungen\n\nVertraulich: {MARK_V}")
    (data / V / "anlagen" / "stellungnahme.md").write_text(f"# Inhalt\n\nVertraulich: {MARK_A}\n", encoding="utf-8")
    edit(
        data / V / "vorlage.yaml",
        "anlagen:\n",
        f"anlagen:\n  - {{titel: {MARK_A} Stellungnahme, datei: anlagen/stellungnahme.md, oeffentlich: false}}\n",
    )
    with (data / V / "vorbemerkungen.md").open("a", encoding="utf-8") as text:
        text.write("\nProbe: {{ vorlage.betreff }}\n")  # texts read no Anlage: positions and | string are refused
    ergaenzung = data / "vorlagen" / "2021-0125"
    shutil.copytree(data / V, ergaenzung)
    (ergaenzung / "beschlossen.yaml").unlink()
    _ohne_haushalt(ergaenzung)
    edit(
        ergaenzung / "vorlage.yaml",
        'nummer: "2021/0123"',
        'nummer: "2021/0125"\nbezug: {vorlage: "2021/0124", art: Ergänzung}',
    )
    edit(
        data / "sitzungen/ASI-2021-06-10.yaml",
        "  nichtoeffentlich:\n",
        f'  nichtoeffentlich:\n    - {{top: "4.1", titel: {MARK_T} Personalangelegenheit}}\n'
        '    - {top: "4.2", vorlage: "2021/0124"}\n',
    )
    minutes = data / "sitzungen/ASI-2021-06-10"
    (minutes / "geheim.md").write_text(f"{MARK_N}: Bericht über das Verfahren.\n", encoding="utf-8")
    (minutes / "geheim-beschluss.md").write_text(f"Der Ausschuss beschließt {MARK_N}.\n", encoding="utf-8")
    edit(
        minutes / "niederschrift.yaml",
        '  - {top: "5", text: top-5.md, ergebnis: Kenntnisnahme}\n',
        '  - top: "4.1"\n    text: geheim.md\n    ergebnis: Beschluss\n    beschluss: geheim-beschluss.md\n'
        "    abstimmung: {einstimmig: true}\n"
        f"    auftraege: [{{was: {MARK_N} umsetzen, amt: KI, frist: 2021-08-01}}]\n"
        '  - {top: "5", text: top-5.md, ergebnis: Kenntnisnahme}\n',
    )
    edit(
        minutes / "niederschrift.yaml",
        "        frist: 2021-09-30\n",
        f"        frist: 2021-09-30\n        erledigt: {{datum: 2021-09-20, vermerk: {MARK_E}}}\n",
    )
    (data / "templates").mkdir()
    kopf = (ROOT / "templates" / "kopf.html.j2").read_text(encoding="utf-8")
    (data / "templates" / "kopf.html.j2").write_text(
        kopf.replace("</header>", f"<p>{PROBE}</p></header>"), encoding="utf-8"
    )
    index = (ROOT / "templates" / "index.html.j2").read_text(encoding="utf-8")
    (data / "templates" / "index.html.j2").write_text(
        index.replace(
            "</body>", "<pre>{{ docs | string }}{{ niederschriften | string }}{{ kontrolle | string }}</pre></body>"
        ),
        encoding="utf-8",
    )
    return freigeben(data)  # the Sitzungsmappen take no ENTWURF


@pytest.mark.langsam  # every object of every PDF decompressed and searched: about 100 s of CPU
def test_no_public_file_holds_a_marker_of_a_non_public_item(hostile, tmp_path):
    out = tmp_path / "output"
    assert main(["--data", str(hostile), "--out", str(out), "--mappen"]) == 0
    files = [p for p in sorted(out.rglob("*")) if p.is_file()]
    public = [p for p in files if p.relative_to(out).parts[0] != "intern"]
    assert len(public) >= 20 and any(p.suffix == ".json" for p in public)
    assert any("sitzungsmappe" in p.name for p in public)
    oparl = [p for p in public if p.relative_to(out).parts[0] == "oparl"]
    assert len(oparl) > 30 and (out / "publish" / "ASI-2021-06-10" / "oparl.json") in public
    for path in oparl + [p for p in public if p.relative_to(out).parts[0] == "publish" and p.suffix == ".json"]:
        # OParl names neither the non-public Vorlage's folder nor the non-public Anlage 1 of a public one
        assert "2021-0124" not in readable(path) and "anlage-1" not in readable(path), path
    found = []
    for path in public:
        name = path.relative_to(out).as_posix().lower()
        text = readable(path).lower()
        found += [(name, m) for m in MARKERS if m.lower() in name or m.lower() in text]
    assert found == []
    # the same search finds every marker in the internal output: it would have found a leak
    internal = "\n".join(readable(p) for p in files if p.relative_to(out).parts[0] == "intern").lower()
    assert all(m.lower() in internal for m in (MARK_V, MARK_A, MARK_T, MARK_N, MARK_E, DATES[0]))
    # the Beschlusskontrolle and the Auszüge are internal documents: no public file, no public link
    assert not [
        p
        for p in public
        if "beschlusskontrolle" in p.as_posix()
        or p.name.startswith("auszug")
        or (p.suffix != ".json" and p.name.startswith("amt-"))
    ]
    kontrolle = (out / "intern/beschlusskontrolle/beschlusskontrolle.txt").read_text(encoding="utf-8")
    assert MARK_N in kontrolle and MARK_E in kontrolle
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "sitzungen/ASI-2021-06-10/niederschrift.pdf" in index and "intern/" not in index
    assert "beschlusskontrolle/beschlusskontrolle.html" in (out / "intern/index.html").read_text(encoding="utf-8")
    ergaenzung = (out / "vorlagen/2021-0125/2021-0125.txt").read_text(encoding="utf-8")
    assert "Ergänzung zu Vorlage 2021/0124" in ergaenzung
    assert "Probe: Kommunales Integrationsmanagement" in (out / V / "2021-0123.txt").read_text(encoding="utf-8")
    public_html = (out / V / "2021-0123.html").read_text(encoding="utf-8")
    assert "Anlage 1: nichtöffentlich (nur für Mitglieder des Gremiums)" in public_html
    assert (out / "intern" / V / "anlage-1-geheimanlage5129-stellungnahme.pdf").is_file()
