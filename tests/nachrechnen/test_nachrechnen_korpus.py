"""`nachrechnen` on a corpus of real council papers (issue 24, item 2): no false alarm, every slip found, and a
recognition rate that can only go up.

Each document in tests/korpus_nachrechnen/ carries the figures and notation of a real, public Vorlage or
Niederschrift (prose in our own words); its manifest lists every calculation a careful reader finds there, with
`stimmt` or `fehler` decided by an independent exact calculation (Fractions), never by running the engine.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
import yaml

from tests.hilfen import ROOT

KORPUS = ROOT / "tests" / "korpus_nachrechnen"
DOKUMENTE = sorted(p.stem for p in KORPUS.glob("*.txt"))

# Recognised calculations / listed calculations across the corpus, measured and rounded down: it may only rise.
MINDEST_QUOTE = 0.85
# Listed results the engine drops without a word (neither checked nor „nicht geprüft“), measured: it may only fall.
# 2 until issue 35 added Kreis Soest (its „11,0 Stellen“ twice carry no unit), then Stuttgart's „12 Gruppen“ (six
# groups, the count in words) and Vöhringen's „610“ pupils: counts without a unit in sentences
HOECHSTENS_VERSCHLUCKT = 6

# Known false alarms, each a bug for the engine, named exactly: document → [(line, typed figure)], reason. The
# document's case is marked xfail only while the engine reports exactly these alarms; any other alarm fails.
FEHLALARME: dict[str, tuple[list[tuple[int, str]], str]] = {}
# The same for each document printed to PDF; matched by figure only, as line breaks in a PDF depend on the fonts.
FEHLALARME_PDF: dict[str, tuple[list[tuple[int, str]], str]] = {}

_FIGURE = re.compile(
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s?"
    r"(?P<unit>Mrd|Milliarden|Mio|Millionen|Tsd|Tausend|T€|TEUR|TEuro|TER)?"
)
_SCALE = {
    "Mrd": Decimal(10) ** 9,
    "Milliarden": Decimal(10) ** 9,
    "Mio": Decimal(10) ** 6,
    "Millionen": Decimal(10) ** 6,
    **dict.fromkeys(("Tsd", "Tausend", "T€", "TEUR", "TEuro", "TER"), Decimal(1000)),
}


def value(typed: str) -> Decimal:
    """'1.600.500,- €' → 1600500; '4 Mio. €' → 4000000; '2,430' → 2.430: a typed figure in its base unit."""
    typed = re.sub(r"(?<=\d\.)\s+(?=\d{3})", "", typed)  # "4.965. 000€", as one original has it
    typed = re.sub(r"^(\d{1,3}(?:\.\d{3})+)\.(\d{2})$", r"\1,\2", typed.strip())  # "2.223.687.71": cents after a dot
    match = _FIGURE.search(typed)
    assert match, f"keine Zahl in {typed!r}"
    number = Decimal(match["num"].replace(".", "").replace(",", "."))
    return number * _SCALE.get(match["unit"] or "", Decimal(1))


def manifest(name: str) -> dict:
    return yaml.safe_load((KORPUS / f"{name}.yaml").read_text(encoding="utf-8"))


def lines(name: str) -> list[str]:
    return (KORPUS / f"{name}.txt").read_text(encoding="utf-8").splitlines()


@cache
def bericht(name: str) -> dict:
    """The engine's report for one document, as in `nachrechnen --json`."""
    from vorlagen.nachrechnen.bericht.daten import as_dict
    from vorlagen.nachrechnen.pruefen import check_file

    return as_dict(check_file(KORPUS / f"{name}.txt"))


def befunde(name: str) -> list[dict]:
    return bericht(name)["befunde"]


def places(rechnung: dict) -> tuple[set[int], set[Decimal]]:
    """The lines of a listed calculation and the figures that may stand for its result."""
    rows = {rechnung["zeile"], *rechnung.get("auch_zeilen", [])}
    return rows, {value(v) for v in [rechnung["ergebnis"], *rechnung.get("auch_werte", [])]}


def belongs(befund: dict, rechnung: dict) -> bool:
    """A finding is the engine's reading of a listed calculation: on one of its lines, with one of its figures."""
    rows, values = places(rechnung)
    return befund["zeile"] in rows and abs(Decimal(befund["werte"]["getippt"])) in values


def recognised(name: str) -> list[bool]:
    """Per listed calculation: does the engine report a finding for it?"""
    found = befunde(name)
    return [any(belongs(b, r) for b in found) for r in manifest(name)["rechnungen"]]


def dropped(name: str) -> list[dict]:
    """Listed calculations whose result the engine neither checks nor lists as „nicht geprüft“."""
    found = befunde(name)
    open_figures = {(f["zeile"], value(f["zahl"])) for f in bericht(name)["nicht_geprueft"]}
    return [
        r
        for r in manifest(name)["rechnungen"]
        if not any(belongs(b, r) for b in found)
        and not {(row, v) for row in places(r)[0] for v in places(r)[1]} & open_figures
    ]


# --- the corpus itself ---------------------------------------------------------------------------------------


def test_corpus_has_at_least_60_documents_of_different_bodies_and_ris_products():
    manifests = [manifest(name) for name in DOKUMENTE]
    assert {p.stem for p in KORPUS.glob("*.yaml")} == set(DOKUMENTE)
    assert len(DOKUMENTE) >= 60  # issue 35
    assert len({m["koerperschaft"] for m in manifests}) >= 55
    assert len({m["land"] for m in manifests} - {"nicht ermittelt"}) >= 10
    assert {"ALLRIS", "SessionNet", "komuna"} <= {m["ris"] for m in manifests}
    assert sum(len(m["rechnungen"]) for m in manifests) >= 180


@pytest.mark.parametrize("name", DOKUMENTE)
def test_manifest_names_its_source_and_each_result_stands_where_it_says(name):
    data, text = manifest(name), lines(name)
    quelle = data["quelle"]
    # the address the search found the original under – or, for a seed of the project, its file under shared/seeds/
    assert quelle.get("adresse", "").startswith("http") or quelle.get("datei", "").startswith("shared/seeds/")
    assert quelle["titel"]
    assert data["koerperschaft"] and data["land"] and data["ris"]
    for rechnung in data["rechnungen"]:
        assert rechnung["status"] in ("stimmt", "fehler"), rechnung
        assert rechnung["art"] and rechnung["rechnung"]
        assert ("richtig" in rechnung) == (rechnung["status"] == "fehler"), rechnung
        rows = [rechnung["zeile"], *rechnung.get("auch_zeilen", [])]
        assert all(1 <= row <= len(text) for row in rows), rechnung
        # the result as typed stands on its line (or one of the calculation's other lines)
        assert any(rechnung["ergebnis"] in text[row - 1] for row in rows), rechnung


def _nachgerechnet():
    """The hand calculations of the corpus (exact fractions, apart from the engine)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("nachgerechnet", KORPUS / "nachgerechnet.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_hand_calculation_gives_each_manifest_status():
    """Every hand calculation reaches the status it claims; the slips it finds are exactly the manifests' slips,
    and a result typed from rounded inputs lies within the range those inputs allow."""
    hand = _nachgerechnet()
    for doc, text, exact, typed, expected in hand.CHECKS:
        assert hand.outcome(exact, typed) == expected, (doc, text)
    for doc, text, low, high, typed in hand.RANGES:
        assert low <= typed <= high, (doc, text)
    slips_by_hand = {doc for doc, _, _, _, expected in hand.CHECKS if expected == "fehler"}
    slips_listed = {name[:2] for name in DOKUMENTE for r in manifest(name)["rechnungen"] if r["status"] == "fehler"}
    assert slips_by_hand == slips_listed == {"09", "29", "40", "41", "44"}
    calculated = {doc for doc, *_ in hand.CHECKS} | {doc for doc, *_ in hand.RANGES}
    assert calculated == {name[:2] for name in DOKUMENTE if manifest(name)["rechnungen"]}


def test_value_reads_the_notations_of_the_corpus():
    assert value("1.600.500,- €") == Decimal(1600500)
    assert value("4 Mio. €") == Decimal(4000000)
    assert value("233 T€") == Decimal(233000)
    assert value("5,687 Millionen Euro") == Decimal(5687000)
    assert value("868,6 Tsd. EUR") == Decimal(868600)
    assert value("2,430") == Decimal("2.430")
    assert value("150,--") == Decimal(150)
    assert value("4.965. 000€") == Decimal(4965000)
    assert value("2.223.687.71") == Decimal("2223687.71") and value("2.223.687") == Decimal(2223687)
    assert value("1.600.500,- €") == value("1.600.500\u00a0€")


def test_a_finding_belongs_to_a_calculation_only_on_its_lines_and_with_its_figure():
    rechnung = {"zeile": 3, "ergebnis": "1.500,- €", "auch_zeilen": [1]}
    assert belongs({"zeile": 3, "werte": {"getippt": "1500"}}, rechnung)
    assert belongs({"zeile": 1, "werte": {"getippt": "-1500.00"}}, rechnung)
    assert not belongs({"zeile": 2, "werte": {"getippt": "1500"}}, rechnung)
    assert not belongs({"zeile": 3, "werte": {"getippt": "1501"}}, rechnung)


# --- the engine on the corpus --------------------------------------------------------------------------------


def assert_no_false_alarm(name: str, found: list[dict], known_alarms: dict = FEHLALARME, by_line: bool = True) -> None:
    """No Fehler except on a calculation the manifest lists as a slip (or a known false alarm), and no Folgefehler
    in a document without a listed slip (a Folgefehler is right as typed and only builds on a slip). Without
    `by_line` (a PDF has its own line numbers) a slip is matched by its figures alone."""
    slips = [r for r in manifest(name)["rechnungen"] if r["status"] == "fehler"]
    slip_figures = {figure for r in slips for figure in places(r)[1]}
    alarms = [
        b
        for b in found
        if (b["status"] == "Fehler" or b["status"] == "Folgefehler" and not slips)
        and not (any(belongs(b, r) for r in slips) if by_line else abs(Decimal(b["werte"]["getippt"])) in slip_figures)
    ]
    known, reason = known_alarms.get(name, ([], ""))
    if alarms and [(b["zeile"] if by_line else 0, abs(Decimal(b["werte"]["getippt"]))) for b in alarms] == [
        (row if by_line else 0, value(typed)) for row, typed in known
    ]:
        pytest.xfail(reason)
    assert alarms == [], [(b["zeile"], b["rechnung"], b["getippt"], b["nachgerechnet"]) for b in alarms]


@pytest.mark.parametrize("name", DOKUMENTE)
def test_no_false_alarm(name):
    assert_no_false_alarm(name, befunde(name))


def as_word(name: str, target: Path) -> Path:
    """The document typed in Word: a paragraph per line, a table per run of tab-separated lines (same numbering)."""
    import docx

    document = docx.Document()
    block: list[list[str]] = []

    def flush() -> None:
        if block:
            width = max(len(cells) for cells in block)
            table = document.add_table(rows=0, cols=width)
            for cells in block:
                for cell, text in zip(table.add_row().cells, cells):
                    cell.text = text
            block.clear()

    for line in lines(name):
        if "\t" in line:
            block.append(line.split("\t"))
            continue
        flush()
        document.add_paragraph(line)
    flush()
    path = target / f"{name}.docx"
    document.save(path)
    return path


@pytest.mark.parametrize("name", DOKUMENTE)
def test_no_false_alarm_when_typed_in_word(name, tmp_path):
    """The same document as a DOCX with real tables keeps its line numbers and raises no alarm either."""
    from vorlagen.nachrechnen.bericht.daten import as_dict
    from vorlagen.nachrechnen.lesen.datei import read
    from vorlagen.nachrechnen.pruefen import check_file

    path = as_word(name, tmp_path)
    numbered = [z.nr for z in read(path) if z.text.strip()]
    assert numbered == [z.nr for z in read(KORPUS / f"{name}.txt") if z.text.strip()]
    assert_no_false_alarm(name, as_dict(check_file(path))["befunde"])


def as_pdf(name: str, target: Path) -> Path:
    """The document printed to PDF: a paragraph per line, a table per run of tab-separated lines."""
    import html

    import weasyprint

    parts, block = [], []

    def flush() -> None:
        if block:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>" for cells in block)
            parts.append(f"<table>{rows}</table>")
            block.clear()

    for line in lines(name):
        if "\t" in line:
            block.append(line.split("\t"))
            continue
        flush()
        parts.append(f"<p>{html.escape(line)}</p>")
    flush()
    path = target / f"{name}.pdf"
    weasyprint.HTML(string="<html><body>" + "".join(parts) + "</body></html>").write_pdf(path)
    return path


@pytest.mark.parametrize("name", DOKUMENTE)
def test_no_false_alarm_when_printed_to_pdf(name, tmp_path):
    """Printed to PDF, tables come back as flattened lines and long labels wrap; still no false alarm."""
    from vorlagen.nachrechnen.bericht.daten import as_dict
    from vorlagen.nachrechnen.pruefen import check_file

    found = as_dict(check_file(as_pdf(name, tmp_path)))["befunde"]
    assert_no_false_alarm(name, found, FEHLALARME_PDF, by_line=False)


@pytest.mark.parametrize("name", DOKUMENTE)
def test_every_recognised_slip_is_reported_as_a_slip(name):
    for rechnung in manifest(name)["rechnungen"]:
        if rechnung["status"] != "fehler":
            continue
        mine = [b for b in befunde(name) if belongs(b, rechnung)]
        assert all(b["status"] == "Fehler" for b in mine), (rechnung["rechnung"], mine)


def false_alarms(name: str) -> int:
    """Findings „Fehler“ that belong to no calculation the manifest lists as a slip."""
    slips = [r for r in manifest(name)["rechnungen"] if r["status"] == "fehler"]
    return sum(1 for b in befunde(name) if b["status"] == "Fehler" and not any(belongs(b, r) for r in slips))


def test_recognition_rate_does_not_fall_and_no_more_results_are_dropped():
    """The recognition rate, printed next to the rate of false alarms (issue 44: a checker is judged by both)."""
    listed = found = lost = alarms = checked = 0
    for name in DOKUMENTE:
        marks, gone = recognised(name), len(dropped(name))
        listed, found, lost = listed + len(marks), found + sum(marks), lost + gone
        alarms, checked = alarms + false_alarms(name), checked + len(befunde(name))
        print(f"{name:<40} {sum(marks):>3} / {len(marks):<3} erkannt, {gone} verschluckt")
    rate = found / listed
    print(
        f"{'Korpus':<40} {found:>3} / {listed:<3} erkannt = {rate:.1%}, {lost} verschluckt, "
        f"{alarms} Fehlalarme bei {checked} Befunden"
    )
    assert rate >= MINDEST_QUOTE
    assert lost <= HOECHSTENS_VERSCHLUCKT
    assert alarms == 0
