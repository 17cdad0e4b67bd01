"""Herleitung for every printed figure (issue 32, point 6): every cell of every table and every name a text quotes
has a derivation whose printed value is exactly what the built document prints – checked against the documents of
the example and of every fixture, not against the derivation itself."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.hilfen import DATA, ROOT
from vorlagen.compute.herleitung.namen import KeineHerleitung, herleitung_von
from vorlagen.compute.herleitung.zeilen import Kontext
from vorlagen.compute.project import prepare
from vorlagen.migration.umschreibregeln import umschreiben
from vorlagen.render import plaintext
from vorlagen.render.document import Composer
from vorlagen.render.raster import finden
from vorlagen.render.raster.vorlage import raster

FIXTURES = ROOT / "tests" / "fixtures"
FOLDERS = {
    "beispiel": DATA,
    **{p.parent.name: p.parent for p in sorted(FIXTURES.glob("*/koerperschaft.yaml"))},
    **{
        f"altbestand/{p.parent.parent.name}": p.parent
        for p in sorted(FIXTURES.glob("altbestand/*/data/koerperschaft.yaml"))
    },
}
NBSP = "\u00a0"


@pytest.fixture(scope="module", params=sorted(FOLDERS))
def gebaut(request, tmp_path_factory):
    """(project, the composed documents) of one data folder; a repository of the last version after `aktualisieren`
    has rewritten it."""
    folder = FOLDERS[request.param]
    if request.param.startswith("altbestand/"):
        folder = shutil.copytree(folder, tmp_path_factory.mktemp("neu") / "data")
        umschreiben(folder)
    project = prepare(folder)
    return request.param, project, Composer(project).compose_all()


def _tables(html: str) -> list[plaintext.Block]:
    return [b for b in plaintext.blocks(html) if b.kind == "table"]


def test_every_table_cell_has_a_derivation_that_prints_what_the_document_prints(gebaut):
    name, project, docs = gebaut
    k = Kontext(project.facts)
    checked = tables = 0
    for doc in docs:
        printed = _tables(doc.web_html)
        for r in raster(k, project.rechnung(doc.source)):
            tables += 1
            same = [b for b in printed if b.text == r.titel]
            assert same, f"{name}, {doc.source.bezeichnung}: die Tabelle „{r.titel}“ steht nicht im Dokument"
            table = same[0]
            printed.remove(table)
            assert table.rows == r.gedruckt(), f"{name}, {doc.source.bezeichnung}: „{r.titel}“"
            for row in r.zeilen:
                for cell in row.zellen:
                    if cell.herleitung is not None:
                        assert cell.text.endswith(cell.herleitung.gedruckt)
                        checked += 1
    assert checked > 0 or tables == 0, name


def test_every_figure_cell_of_the_example_is_reached_by_table_row_and_column():
    project = prepare(DATA)
    k = Kontext(project.facts)
    rechnung = project.rechnungen["2021-0123"]
    rasters = raster(k, rechnung)
    reached = 0
    for r in rasters:
        for row in r.zeilen:
            for i, cell in enumerate(row.zellen):
                if cell.herleitung is None:
                    continue
                found = finden(rasters, r.id, row.name, r.spalten[i])
                assert found[1].zellen[found[2]] is cell
                reached += 1
    assert reached >= 60


# --- names a text quotes --------------------------------------------------------------------------------------

_EXPRESSION = re.compile(r"\{\{\s*(.+?)\s*\}\}")
_NO_FIGURE = re.compile(
    r"^(tabelle|verteilung|vorlage|koerperschaft|querformat)\b|\|\s*(datum|datum_lang|monat|monate)\b|\.(monate|ueberschrift|titel|zeitraum)"
)


def test_every_figure_a_text_quotes_has_a_derivation_that_prints_what_the_document_prints(gebaut):
    """Each line of a Markdown text with a figure in it, the figures replaced by what their derivations print, stands
    in the built document as it is."""
    name, project, docs = gebaut
    k = Kontext(project.facts)
    checked = 0
    for doc in docs:
        rechnung = project.rechnung(doc.source)
        texts = [plaintext.render(doc.web_html)] + [a.text for a in doc.anlagen if a.text]
        built = " ".join(" ".join(texts).replace(NBSP, " ").split())
        for path in sorted(doc.source.folder.rglob("*.md")):
            for line in path.read_text(encoding="utf-8").splitlines():
                expressions = _EXPRESSION.findall(line)
                if not expressions or any(_NO_FIGURE.search(e) for e in expressions) or "{%" in line:
                    continue
                if line.lstrip().startswith("|") or re.search(r"[*_\[\]`]", _EXPRESSION.sub("", line)):
                    continue  # tables and inline markup print differently from their source
                shown = line
                for expression in expressions:
                    try:
                        _, h = herleitung_von(rechnung, k, expression)
                    except KeineHerleitung:
                        pytest.fail(f"{name}, {path.name}: {expression} hat keine Herleitung")
                    shown = shown.replace("{{ " + expression + " }}", h.gedruckt, 1).replace(
                        "{{" + expression + "}}", h.gedruckt, 1
                    )
                    checked += 1
                shown = re.sub(r"^\s*(#+|\d+\.|-)\s+", "", shown)
                shown = " ".join(shown.replace(NBSP, " ").split())
                assert shown in built, f"{name}, {path.name}: {shown!r}"
    if name not in ("heidemoor", "aachen", "weserbruch"):  # their texts quote no figure
        assert checked > 0, name


# --- the command --------------------------------------------------------------------------------------------------


def run(capsys, *args: str) -> tuple[int, str, str]:
    from vorlagen.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_zahlen_derives_a_cell_by_table_row_and_column(capsys):
    code, out, err = run(capsys, "--data", str(DATA), "zahlen", "2021/0123", "m1-steuerung", "KIM-Förderung", "Betrag")
    assert code == 0, err
    assert out.splitlines()[0] == f"m1-steuerung / KIM-Förderung / Betrag = − 245.319{NBSP}€"
    assert f"  PK für 13 Monate: 55.000{NBSP}€ × 13/12 Jahr = 59.583,33…{NBSP}€ → 59.583{NBSP}€" in out
    assert "    Satz „kim/modul-1/koordination“ (Personalkosten je Koordinationsstelle (VZÄ)), je Jahr: " in out
    assert "[data/foerderprogramme/kim.yaml:" in out and "[data/vorlagen/2021-0123/vorlage.yaml:" in out
    assert f"  gedruckt: − 245.319{NBSP}€" in out


def test_zahlen_derives_a_name_a_text_quotes(capsys):
    code, out, err = run(capsys, "--data", str(DATA), "zahlen", "2021/0123", "uebersicht.eigenanteil_max | eur")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"uebersicht.eigenanteil_max | eur = 578.466{NBSP}€"
    assert lines[2] == (
        "  Regel: Summe der Eigenanteile (je Gruppe von Alternativen die teuerste) = "
        f"158.644{NBSP}€ + 10.335{NBSP}€ + 258.818{NBSP}€ + 150.669{NBSP}€ = 578.466{NBSP}€"
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ("gibtsnicht", "a", "b"),
            "Eine Tabelle „gibtsnicht“ gibt es in dieser Vorlage nicht. Tabellen: m1-steuerung,",
        ),
        (
            ("m1-steuerung", "Zeile", "Betrag"),
            "In der Tabelle „m1-steuerung“ gibt es die Zelle „Zeile“ / „Betrag“ nicht. Zeilen: Gesamtkosten, KIM-Förderung, Eigenanteil. Spalten: Berechnung, Betrag, Art.",
        ),
        (("a + b",), "„a + b“ ist kein einzelner Name"),
        (("finanzierung.m1-steuerung.gibts",), "„finanzierung.m1-steuerung.gibts“: „gibts“ gibt es nicht in „Tabelle“"),
        (("m1-steuerung", "Eigenanteil"), "Eine Zelle braucht Tabelle, Zeile und Spalte"),
    ],
)
def test_zahlen_says_what_there_is_when_a_name_or_cell_is_not_there(capsys, args, message):
    code, out, err = run(capsys, "--data", str(DATA), "zahlen", "2021/0123", *args)
    assert code == 1 and out == ""
    assert message in err, err


def test_every_name_zahlen_lists_has_a_derivation_that_prints_what_the_listing_prints(gebaut):
    """`vorlagen zahlen NUMMER` lists every name a text can quote; each has its Herleitung (failed before for the
    share of a Bescheid's instalment, `raten[…].anteil`)."""
    from vorlagen.compute.rundung import rundung_of
    from vorlagen.compute.zahlen import zahlen

    name, project, _ = gebaut
    k = Kontext(project.facts)
    rundung = rundung_of(project.facts)
    checked = 0
    for nummer, rechnung in project.rechnungen.items():
        for expression, shown in zahlen(rechnung, k.zahlformat, rundung.quantum, rundung.prozent_stellen):
            try:
                _, h = herleitung_von(rechnung, k, expression)
            except KeineHerleitung as error:
                pytest.fail(f"{name}, {nummer}: {expression} hat keine Herleitung: {error}")
            assert h.gedruckt == shown, (name, nummer, expression)
            checked += 1
            bare = expression.split("|")[0].strip()  # `vorlagen zahlen NUMMER NAME` without a filter: its default
            _, h = herleitung_von(rechnung, k, bare)  # raised KeyError for every `anzahl_zeilen` before
            assert h.gedruckt, (name, nummer, bare)
    assert checked > 0 or name in ("heidemoor", "weserbruch"), name  # their Vorlagen compute nothing


def test_every_cell_that_prints_a_figure_has_a_derivation(gebaut):
    """A cell that is a figure (an amount, a count, a share) never lacks its Herleitung – failed before for the
    typed days of a Verteilung."""
    name, project, docs = gebaut
    k = Kontext(project.facts)
    figure = re.compile(r"^[=−+±\- ]*\d[\d.,]*(\s?(€|%|VZÄ|T€|Mio\. €))?$")
    for doc in docs:
        for r in raster(k, project.rechnung(doc.source)):
            for row in r.zeilen:
                for i, cell in enumerate(row.zellen[1:], start=1):
                    text = cell.text.replace(NBSP, " ")
                    if figure.match(text) and not re.fullmatch(r"\d{4}", text):
                        assert cell.herleitung is not None, (name, r.id, row.name, i, text)


def test_zahlen_lists_the_year_parts_of_each_row(capsys):
    """A row's share of a Haushaltsjahr is a name a text can quote; the listing names it (failed before)."""
    from fractions import Fraction

    from tests.referenz.rechnen import euro, rund

    einheit = rund(Fraction(55000) * Fraction(13, 12)) + rund(Fraction(9700) * Fraction(13, 12))  # PK + SK, 13 months
    abzug = rund(Fraction(7, 2) * einheit)
    code, out, _ = run(capsys, "--data", str(DATA), "zahlen", "2021/0123")
    assert code == 0
    line = next(x for x in out.splitlines() if 'zeilen["KIM-Förderung"].jahre[2022]' in x and "m1-steuerung" in x)
    assert line.split()[-2:] == euro(rund(abzug * Fraction(12, 13)), False).split(NBSP)
