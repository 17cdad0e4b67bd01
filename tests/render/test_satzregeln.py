"""Pages a clerk signs (issue 38), measured in the PDF: tables as bodies type them fit (smaller within the Hausstil's
bound, else on landscape pages), one message per table that fits nowhere; an amount keeps its unit, a heading and
the paragraph leading into a table stay with it, a table that breaks repeats its header, a Summe row never stands
alone on a new page; the house's words break as listed. Every page the build makes goes to the page images."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from tests.hilfen import DATA, ROOT, copy_data, edit, problems_of
from tests.hilfen.satz import HYPHENS, Seite, bilder, breite, seite_mit, seiten, vorlage_pdf
from vorlagen.cli import main

# messages name files from where the command ran: as users, the tests run from the repository (tmp_path)
pytestmark = pytest.mark.usefixtures("aus_dem_repository")

WESERBRUCH = ROOT / "tests" / "fixtures" / "weserbruch"
A4_RECHTS = 210 - 20  # the right edge of an upright page's content (vorlage.css: margins 25 mm left, 20 mm right)
QUER_RECHTS = 297 - 20
QUER_BREITE = 297 - 25 - 20  # the width of a landscape page's content
PADDING = 4  # mm of a table cell's left and right padding together (vorlage.css: 2 mm each)


def build(data: Path, out: Path, *more: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["--data", str(data), "--out", str(out), *more])
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.fixture(scope="module")
def weserbruch(tmp_path_factory) -> Path:
    """One build of the Kreis Weserbruch (tables as a body types them); its pages go to the page images."""
    out = tmp_path_factory.mktemp("weserbruch") / "out"
    code, stdout, stderr = build(WESERBRUCH, out)
    assert (code, stderr) == (0, ""), stderr
    assert "Warnung" not in stdout
    for pdf in sorted(out.rglob("*.pdf")):
        bilder(pdf, f"weserbruch-{pdf.parent.name}-{pdf.stem}")
    return out


def lines_of(page: Seite, start: str, end: str) -> list:
    """The lines of a page from the one containing `start` to the one containing `end`."""
    texts = [zeile.text for zeile in page.zeilen]
    first = next(i for i, text in enumerate(texts) if start in text)
    last = next(i for i, text in enumerate(texts) if end in text and i >= first)
    return page.zeilen[first : last + 1]


def test_a_six_column_stellenplan_as_a_body_types_it_fits_an_upright_a4_page(weserbruch):
    """Organisationseinheit, Stellenumfang, Entgeltgruppe, Kosten/Jahr, Grund, Drittfinanzierung (the shape of
    Nienburg's Stellenplan 2024): at its full size, its heads broken into syllables, on upright pages."""
    pages = seiten(weserbruch / "vorlagen/2023-0232/2023-0232.pdf")
    rows = ["Klimaschutz GmbH", "FB 11 Personal", "FD 122", "FB 51 Jugend 2,500", "Summe 6,000"]
    touched = {seite_mit(pages, row) for row in rows}
    assert all(not pages[index].quer for index in touched)
    assert all(zeile.rechts <= A4_RECHTS + 0.5 for index in touched for zeile in pages[index].zeilen)
    cost = next(z for index in touched for z in pages[index].zeilen if "100.300\u00a0€" in z.teile)
    assert cost.groesse == pytest.approx(9.5, abs=0.01)  # not made smaller: it fits as typed
    head = next(z for z in pages[min(touched)].zeilen if "Drittfinanzie" in z.text)
    assert any(piece.endswith("\u2010") for piece in head.teile)  # a head broken into syllables


def test_a_nine_column_table_goes_on_a_landscape_page_with_its_heading_and_introduction(weserbruch):
    pages = seiten(weserbruch / "vorlagen/2023-0232/2023-0232.pdf")
    table = seite_mit(pages, "10.01.004")
    assert pages[table].quer
    assert seite_mit(pages, "3. Veränderungen im Einzelnen") == table
    assert seite_mit(pages, "Die Veränderungsliste führt") == table
    assert seite_mit(pages, "66.01.009") == table and seite_mit(pages, "Summe 20,000 23,000") == table
    assert all(zeile.rechts <= QUER_RECHTS + 0.5 for zeile in pages[table].zeilen)
    assert not pages[table - 1].quer  # the text before and after stays upright
    after = seite_mit(pages, "Die Personalkosten steigen")
    assert after == table + 1 and not pages[after].quer


# The nine-column table of a real Vorlage: Stadt Dinslaken, Anlage 1 zur Vorlage Nr. 1139 „Kindergartenbedarfsplan für
# das Jahr 2017 / 2018“, the children by Siedlungsbezirk and Geburtszeitraum, as the body printed them (Vorlage
# 2023/0240 of the fixture carries them; the source prints no sum in what could be read of it).
KINDER = {
    "Innenstadt": (61, 60, 56, 65, 55, 59, 60, 58),
    "Averbruch": (56, 75, 65, 64, 60, 63, 62, 62),
    "Hagenbezirk": (26, 36, 29, 33, 34, 32, 33, 33),
    "Eppinghoven": (40, 36, 37, 25, 39, 34, 33, 35),
    "Feldmark /": (84, 87, 82, 87, 70, 80, 79, 76),  # „Feldmark / Bruch“, broken between its words
    "Oberlohberg": (35, 41, 35, 35, 35, 35, 35, 35),
}
ZEITRAEUME = [f"01.11.{j} –" for j in range(11, 19)]  # the first line of each year's head


def _kinderzeilen(seite: Seite) -> dict[str, tuple[int, ...]]:
    """The rows of the table of children on one page: the Siedlungsbezirk's (first) line and its eight numbers."""
    rows = {}
    for zeile in seite.zeilen:
        for name in KINDER:
            if zeile.text.startswith(name + " "):
                rows[name] = tuple(int(t) for t in zeile.text[len(name) :].split())
    return rows


def test_the_nine_column_table_of_a_real_vorlage_prints_every_cell_on_a_landscape_page(weserbruch):
    pages = seiten(weserbruch / "vorlagen/2023-0240/2023-0240.pdf")
    table = seite_mit(pages, "Averbruch")
    page = pages[table]
    assert (round(page.breite), round(page.hoehe)) == (297, 210)  # A4 landscape, read from the PDF's page box
    assert _kinderzeilen(page) == KINDER  # every cell of every row, in its column's order
    assert "Bruch" in page.text().splitlines()  # the rest of the name, on the row's second line
    heads = next(z for z in page.zeilen if z.text.startswith("Siedlungsbezirk"))
    assert [t.strip() for t in heads.teile[1:]] == ZEITRAEUME  # nine columns: the name and eight years
    assert all(zeile.rechts <= QUER_RECHTS + 0.5 for zeile in page.zeilen)
    assert seite_mit(pages, "Kinderzahlen nach Siedlungsbezirken") == table  # heading and lead-in go with it
    assert seite_mit(pages, "sind der folgenden Tabelle zu entnehmen") == table
    assert not pages[table - 1].quer and not pages[seite_mit(pages, "Die Versorgungsquoten")].quer


def test_the_real_nine_column_table_repeats_its_header_on_every_landscape_page_it_breaks_onto(tmp_path):
    """The same rows eight times over: the table runs over several landscape pages, each with its header."""
    data = copy_data(WESERBRUCH, tmp_path)
    text = data / "vorlagen/2023-0240/sachverhalt.md"
    lines = text.read_text(encoding="utf-8").splitlines(keepends=True)
    rows = [
        line
        for line in lines
        if line.startswith("| ") and line.split("|")[1].strip().split(" ")[0] in {name.split(" ")[0] for name in KINDER}
    ]
    assert len(rows) == 6
    edit(text, "".join(rows), "".join(rows) * 8)
    pages = seiten(vorlage_pdf(data, "2023-0240"))
    touched = [index for index, page in enumerate(pages) if "Averbruch" in page.text()]
    assert len(touched) >= 2 and all(pages[index].quer for index in touched)
    for index in touched:
        heads = next(z for z in pages[index].zeilen if z.text.startswith("Siedlungsbezirk"))
        assert [t.strip() for t in heads.teile[1:]] == ZEITRAEUME
        assert heads.oben < min(z.oben for z in pages[index].zeilen if z.text.startswith("Averbruch "))
    counted = sum(1 for index in touched for z in pages[index].zeilen if z.text.startswith("Oberlohberg "))
    assert counted == 8  # no row lost at a break


def test_an_anlage_marked_querformat_is_landscape_and_its_long_table_repeats_its_header(weserbruch):
    pages = seiten(weserbruch / "vorlagen/2023-0232/anlage-1-stellenuebersicht-nach-fachbereichen.pdf")
    assert len(pages) >= 2 and all(page.quer for page in pages)
    head = "Organisationseinheit Beamte 2023 Beamte 2024 Beschäftigte 2023"
    for page in pages[1:]:
        assert page.zeilen[1].text.startswith(head)  # the first line below the running head
    assert seite_mit(pages, "Stabsstelle Gleichstellung") == seite_mit(pages, "Summe 101,000")


def test_a_table_marked_querformat_goes_on_a_landscape_page_although_it_fits_upright(weserbruch):
    pages = seiten(weserbruch / "vorlagen/2023-0233/2023-0233.pdf")
    table = seite_mit(pages, "FB 70 Umwelt und Klimaschutz")
    assert pages[table].quer and seite_mit(pages, "Die Tabelle passt auch hochkant") == table
    assert not pages[0].quer and not pages[seite_mit(pages, "Offen sind noch")].quer


def _columns(over: float) -> tuple[str, list[str]]:
    """A table of six columns whose cells hold one unbreakable word each, 1 to `over` mm too wide for an upright page
    at 9,5 pt (measured with the font file): the table's Markdown and the word of each column."""
    words = ["Haushaltsansatz"] * 5 + ["Kennziffer"]
    while _width(words, 9.5) <= (A4_RECHTS - 25) + 1:
        words[-1] += "n"
    assert _width(words, 9.5) < (A4_RECHTS - 25) + over
    heads = " | ".join(f"S{n}" for n in range(6))
    rows = "\n".join("| " + " | ".join(words) + " |" for _ in range(4))
    return f"| {heads} |\n|{'---|' * 6}\n{rows}\n", words


def _width(words: list[str], points: float) -> float:
    """The width of a table whose columns are as wide as these words (and their cells' padding)."""
    return sum(breite(word, "LiberationSans-Regular", points) + PADDING for word in words)


def test_a_slightly_too_wide_table_gets_a_smaller_font_just_enough_to_fit_upright(tmp_path):
    data = copy_data(WESERBRUCH, tmp_path)
    table, words = _columns(6)
    (data / "vorlagen/2023-0233/sachverhalt.md").write_text(f"Die Übersicht:\n\n{table}", encoding="utf-8")
    pages = seiten(vorlage_pdf(data, "2023-0233"))
    index = seite_mit(pages, words[-1])
    cells = [z for z in pages[index].zeilen if words[-1] in z.text]
    assert not pages[index].quer and all(z.rechts <= A4_RECHTS + 0.5 for z in cells)
    # the largest size at which the words fit side by side
    fits = 9.5 * (A4_RECHTS - 25 - 6 * PADDING) / (_width(words, 9.5) - 6 * PADDING)
    assert fits * 0.95 <= cells[0].groesse <= fits  # smaller, but no smaller than needed
    assert cells[0].groesse >= 7  # the Hausstil's smallest table font (default)


def test_a_table_that_would_need_a_font_below_the_hausstils_bound_goes_landscape_instead(tmp_path):
    data = copy_data(WESERBRUCH, tmp_path)
    edit(
        data / "koerperschaft.yaml",
        '  nummer: "JJJJ/NNNN"\n',
        '  nummer: "JJJJ/NNNN"\n  tabellen: {kleinste_schrift: 9}\n',
    )
    table, words = _columns(6)
    (data / "vorlagen/2023-0233/sachverhalt.md").write_text(f"Die Übersicht:\n\n{table}", encoding="utf-8")
    pages = seiten(vorlage_pdf(data, "2023-0233"))
    index = seite_mit(pages, words[-1])
    assert pages[index].quer and seite_mit(pages, "Die Übersicht:") == index
    cell = next(z for z in pages[index].zeilen if words[-1] in z.text)
    assert cell.groesse == pytest.approx(9.5, abs=0.01)


WIDE_WORD = "Wert0101Langwort"


def _too_wide(data: Path) -> tuple[int, float]:
    """Puts a table of 16 columns of long words and 60 rows into the Mitteilungsvorlage: its line in the file and how
    many mm it lacks on a landscape page at the smallest table font (7 pt for its 8,5 pt heads: 7/8,5 of its size)."""
    heads = [f"Kennzahl{n:02d}" for n in range(1, 17)]
    rows = "\n".join("| " + " | ".join([WIDE_WORD] * 16) + " |" for _ in range(60))
    path = data / "vorlagen/2023-0233/sachverhalt.md"
    text = "Die Kennzahlen im Einzelnen:\n\n| " + " | ".join(heads) + " |\n|" + "---|" * 16 + "\n" + rows + "\n"
    path.write_text(text, encoding="utf-8")
    smallest = 9.5 * 7 / 8.5
    return 3, 16 * (breite(WIDE_WORD, "LiberationSans-Regular", smallest) + PADDING) - QUER_BREITE


TOO_WIDE = re.compile(
    r"^data/vorlagen/2023-0233/sachverhalt\.md:(\d+): Die Tabelle „(.*)“ ist auch im Querformat und in der "
    r"kleinsten Tabellenschrift \(7 pt\) (\d+,\d) mm zu breit für die Seite – kürzen Sie Spaltenköpfe und Texte, "
    r"nehmen Sie weniger Spalten oder teilen Sie die Tabelle\.$"
)


def test_a_table_that_fits_nowhere_is_one_problem_naming_file_line_whole_header_and_millimetres(tmp_path):
    data = copy_data(WESERBRUCH, tmp_path)
    line, over = _too_wide(data)
    code, _, stderr = build(data, tmp_path / "out")
    problems = [text for text in stderr.splitlines() if text.startswith("data/")]
    assert code == 1 and len(problems) == 1  # one table on many pages: one problem
    found = TOO_WIDE.match(problems[0])
    assert found, problems[0]
    assert int(found[1]) == line
    assert found[2] == " | ".join(f"Kennzahl{n:02d}" for n in range(1, 17))  # whole, as typed
    assert float(found[3].replace(",", ".")) == pytest.approx(over, abs=1.0)
    assert not (tmp_path / "out").exists()  # nothing written


@pytest.mark.langsam  # builds whole repositories
def test_pruefen_sets_the_changed_documents_and_names_the_same_table(tmp_path):
    data = copy_data(WESERBRUCH, tmp_path)
    out = tmp_path / "out"
    code, _, _ = build(data, out)
    assert code == 0
    code, stdout, stderr = build(data, out, "pruefen")
    assert (code, stderr) == (0, "")
    assert stdout.startswith(
        "Geprüft: 3 Vorlagen, 0 Berechnungen – keine Probleme.\n\n"
        "Satz: Die Dokumente, die sich seit dem letzten Bau geändert haben, werden wie beim Bauen gesetzt – das "
        "dauert so lange wie ihr Bau …\nSatz geprüft: 0 Dokumente gesetzt, 4 unverändert seit dem letzten Bau – "
        "keine Tabelle ist zu breit für die Seite.\n\n"
    )
    line, _ = _too_wide(data)
    code, stdout, stderr = build(data, out, "pruefen")
    problems = [text for text in stderr.splitlines() if text.startswith("data/")]
    assert code == 1 and len(problems) == 1 and TOO_WIDE.match(problems[0])
    assert int(TOO_WIDE.match(problems[0])[1]) == line
    code, stdout, _ = build(data, out, "pruefen", "--ohne-satz")
    assert code == 0 and "Satz" not in stdout


def test_without_landscape_the_message_says_the_hausstil_switched_it_off(tmp_path):
    data = copy_data(WESERBRUCH, tmp_path)
    edit(
        data / "koerperschaft.yaml",
        '  nummer: "JJJJ/NNNN"\n',
        '  nummer: "JJJJ/NNNN"\n  tabellen: {querformat: false}\n',
    )
    _too_wide(data)
    code, _, stderr = build(data, tmp_path / "out", "pruefen")
    problems = [text for text in stderr.splitlines() if text.startswith("data/")]
    assert code == 1 and len(problems) == 2  # the nine columns of the Beschlussvorlage fit no upright page either
    assert problems[0].startswith("data/vorlagen/2023-0232/sachverhalt.md:33: Die Tabelle „Lfd. Nr. | Stellenplan-Nr.")
    assert problems[1].startswith("data/vorlagen/2023-0233/sachverhalt.md:3: Die Tabelle „Kennzahl01 | ")
    assert all(
        " ist auch in der kleinsten Tabellenschrift (7 pt; das Querformat schaltet der Hausstil aus) " in problem
        for problem in problems
    )


TABLE = """| Organisationseinheit | Stelle | Entgeltgruppe | Stellenumfang |
|---|---|---|---|
| FB 11 Personal | Personalentwicklung | EG 9c | 1,000 |
| FD 122 Informationstechnik | IT-Sicherheit | EG 11 | 1,000 |
| FB 31 Soziales | Eingliederungshilfe | S 12 | 1,500 |
| FB 51 Jugend | Allgemeiner Sozialer Dienst | S 14 | 2,000 |
| Summe | | | 5,500 |
"""


def _swept(tmp_path: Path, counts: range):
    """The Mitteilungsvorlage with `n` short paragraphs, then a heading, a paragraph leading into a table, the table
    and a sentence after it, for each n: the heading and the table move down the pages line by line."""
    data = copy_data(WESERBRUCH, tmp_path)
    for count in counts:
        filler = "\n\n".join(f"Absatz {i} des Berichts." for i in range(count))
        text = f"{filler}\n\n## Stand der Besetzung\n\nDie Stellen sind wie folgt besetzt:\n\n{TABLE}\nDanach weiter.\n"
        (data / "vorlagen/2023-0233/sachverhalt.md").write_text(text, encoding="utf-8")
        yield count, seiten(vorlage_pdf(data, "2023-0233"))


SWEEP = range(10, 19)  # from all on the first page to all on the second, one paragraph at a time


def test_a_heading_and_the_paragraph_leading_into_a_table_never_stand_at_the_foot_of_a_page_without_it(tmp_path):
    placed = set()
    for count, pages in _swept(tmp_path, SWEEP):
        heading = seite_mit(pages, "Stand der Besetzung")
        assert seite_mit(pages, "wie folgt besetzt") == heading, count
        assert seite_mit(pages, "FB 11 Personal") == heading, count  # the table's first row beside them
        assert pages[heading].zeilen[-2].text != "Stand der Besetzung", count  # (the last line is the page number)
        placed.add(heading)
    assert placed == {0, 1}  # the sweep crossed the page break


def test_a_summe_row_never_stands_alone_on_a_new_page(tmp_path):
    split = False
    for count, pages in _swept(tmp_path, SWEEP):
        summe = seite_mit(pages, "Summe 5,500")
        assert seite_mit(pages, "FB 51 Jugend") == summe, count
        split |= seite_mit(pages, "FB 11 Personal") != summe
    assert split  # some table broke across the pages


def test_a_table_breaking_across_pages_repeats_its_header(tmp_path):
    repeated = False
    for count, pages in _swept(tmp_path, SWEEP):
        first, last = seite_mit(pages, "FB 11 Personal"), seite_mit(pages, "Summe 5,500")
        for index in range(first + 1, last + 1):
            assert pages[index].zeilen[1].text.startswith("Organisationseinheit Stelle Entgeltgruppe"), count
            repeated = True
    assert repeated


def _aufstellung(data: Path, rows: int, fillers: int, quer: bool) -> list[Seite]:
    """The Mitteilungsvorlage with `fillers` short paragraphs, then a computed Aufstellung (vorlage.yaml) of `rows`
    Posten in groups of five, each group closed by its Zwischensumme, then its Summe, a fund and the Rest – on
    upright pages or, marked, on landscape pages. Its pages."""
    kosten = "".join(
        f"      - {{betrag: {1000 * i}, als: Posten {i:02d}, gruppe: Gruppe {(i - 1) // 5 + 1}}}\n"
        for i in range(1, rows + 1)
    )
    vorlage = data / "vorlagen/2023-0233/vorlage.yaml"
    text = vorlage.read_text(encoding="utf-8").split("finanzierung:")[0]
    vorlage.write_text(
        f"{text}finanzierung:\n  - id: massnahmen\n    art: Aufstellung\n    titel: Maßnahmen des Programms\n"
        f"    summe_als: Summe Maßnahmen\n    fonds: 900000\n    fonds_als: Landesmittel\n    kosten:\n{kosten}",
        encoding="utf-8",
    )
    filler = "".join(f"Absatz {i} des Berichts.\n\n" for i in range(fillers))
    marke = "{{ querformat }}\n\n" if quer else ""
    (data / "vorlagen/2023-0233/sachverhalt.md").write_text(
        f'{filler}Die Maßnahmen:\n\n{marke}{{{{ tabelle("massnahmen") }}}}\n\nDanach weiter.\n', encoding="utf-8"
    )
    return seiten(vorlage_pdf(data, "2023-0233"))


SUMMEN = ("Zwischensumme", "Summe Maßnahmen", "Landesmittel", "Rest")
POSTEN = re.compile(r"Posten \d\d")


def _sums_stay_with_their_rows(pages: list[Seite], case) -> bool:
    """Each page the table goes on to starts with its head, each sum row (and the fund after the Summe) has a Posten
    above it on its page; whether the table broke."""
    first, last = seite_mit(pages, "Posten 01"), seite_mit(pages, "Rest")
    for index in range(first + 1, last + 1):
        assert pages[index].zeilen[1].text.startswith("Betrag Posten"), (case, index)
    for page in pages[first : last + 1]:
        for index, zeile in enumerate(page.zeilen):
            if any(summe in zeile.text for summe in SUMMEN):
                posten = [z for z in page.zeilen[:index] if POSTEN.search(z.text) and "Zwischensumme" not in z.text]
                assert posten, (case, zeile.text)
    return first != last


def test_no_sum_of_a_computed_table_starts_a_page_apart_from_its_rows_upright(tmp_path):
    """The break moves through one group of five rows and its Zwischensumme, one paragraph at a time (before, the
    Zwischensumme of the first or second group stood alone below the repeated head)."""
    data = copy_data(WESERBRUCH, tmp_path)
    broke = [_sums_stay_with_their_rows(_aufstellung(data, 14, n, False), n) for n in range(8, 15)]
    assert any(broke)


def test_no_sum_of_a_computed_table_starts_a_page_apart_from_its_rows_on_landscape_pages(tmp_path):
    """On its landscape pages, the table one row longer each time: the break moves through its last rows."""
    data = copy_data(WESERBRUCH, tmp_path)
    broke = []
    for rows in range(22, 29):
        pages = _aufstellung(data, rows, 0, True)
        assert pages[seite_mit(pages, "Posten 01")].quer and pages[seite_mit(pages, "Rest")].quer
        broke.append(_sums_stay_with_their_rows(pages, rows))
    assert any(broke)


AMOUNTS = ["100.300 €", "12,5 T€", "3,5 VZÄ", "79,35 %", "1,2 Mio. €", "§ 8a"]
UNITS = ("€", "T€", "VZÄ", "%", "Mio.", "8a")


def test_an_amount_never_parts_from_its_unit_in_prose_or_in_a_table_cell(tmp_path):
    data = copy_data(WESERBRUCH, tmp_path)
    sentences = " ".join(f"Posten{'x' * (n % 9)} kostet {AMOUNTS[n % len(AMOUNTS)]} im Jahr." for n in range(120))
    rows = "\n".join(f"| {'Begründung ' * (n % 7 + 2)}| 100.300 € | 3,5 VZÄ |" for n in range(8))
    table = f"| Grund | Kosten/Jahr | Stellen |\n|---|---|---|\n{rows}\n"
    (data / "vorlagen/2023-0233/sachverhalt.md").write_text(f"{sentences}\n\n{table}", encoding="utf-8")
    pages = seiten(vorlage_pdf(data, "2023-0233"))
    lines = [zeile for page in pages for zeile in page.zeilen]
    starts = [zeile.text.split()[0] for zeile in lines]
    assert not [start for start in starts if start in UNITS]  # no line begins with a unit torn from its number
    assert not [zeile.text for zeile in lines if zeile.text.endswith("§")]
    assert sum(zeile.text.count("100.300\u00a0€") for zeile in lines) >= 20 + 8


def test_the_house_words_never_break_or_break_only_where_listed(tmp_path):
    """KiBiz and SGB from the shipped list, the body's own words from its Hausstil."""
    data = copy_data(WESERBRUCH, tmp_path)
    edit(
        data / "koerperschaft.yaml",
        '  nummer: "JJJJ/NNNN"\n',
        '  nummer: "JJJJ/NNNN"\n  silbentrennung:\n    trennen: [Kreis-jugend-amt]\n'
        "    nicht_trennen: [Weserbruchverband]\n",
    )
    words = ["KiBiz", "Kreisjugendamt", "Weserbruchverband"]
    sentences = " ".join(f"Wort{'x' * (n % 11)} nach {words[n % 3]} geregelt." for n in range(150))
    (data / "vorlagen/2023-0233/sachverhalt.md").write_text(sentences, encoding="utf-8")
    pages = seiten(vorlage_pdf(data, "2023-0233"))
    ends = [zeile.text.split()[-1] for page in pages for zeile in page.zeilen]
    broken = [end for end in ends if end.endswith(HYPHENS)]
    assert not [end for end in broken if end.rstrip("".join(HYPHENS)) in ("Ki", "KiB", "Weser", "Weserbruch")]
    assert not [end for end in broken if end.startswith(("Wes", "KiB", "Ki")) and not end.startswith("Kreis")]
    kreis = [end for end in broken if end.startswith("Kreis")]
    assert kreis and all(end[:-1] in ("Kreis", "Kreisjugend") for end in kreis)  # only where listed


def test_council_words_of_the_shipped_list_break_right_without_a_word_in_the_hausstil(tmp_path):
    """The German patterns make „Ki-Biz“ and „Krei-sum-la-ge“; the shipped list keeps KiBiz whole and breaks
    Kreisumlage only as Kreis-um-la-ge, for every body."""
    data = copy_data(WESERBRUCH, tmp_path)
    words = ["KiBiz", "Kreisumlage"]
    sentences = " ".join(f"Wort{'x' * (n % 11)} nach {words[n % 2]} geregelt." for n in range(150))
    (data / "vorlagen/2023-0233/sachverhalt.md").write_text(sentences, encoding="utf-8")
    pages = seiten(vorlage_pdf(data, "2023-0233"))
    ends = [zeile.text.split()[-1] for page in pages for zeile in page.zeilen]
    broken = [end.rstrip("".join(HYPHENS)) for end in ends if end.endswith(HYPHENS)]
    assert not [end for end in broken if end.startswith("Ki")]
    kreis = [end for end in broken if end.startswith("Krei")]
    assert kreis and all(end in ("Kreis", "Kreisum", "Kreisumla") for end in kreis), kreis


def test_a_table_of_the_vorlage_marked_querformat_goes_on_a_landscape_page(tmp_path):
    data = copy_data(DATA, tmp_path)
    edit(
        data / "vorlagen/2021-0123/erlaeuterungen.md",
        '{{ tabelle("m1-steuerung") }}',
        '{{ querformat }}\n\n{{ tabelle("m1-steuerung") }}',
    )
    pages = seiten(vorlage_pdf(data, "2021-0123"))
    index = seite_mit(pages, "3,5\u00a0VZÄ Strategische Steuerung im KI")
    assert pages[index].quer and not pages[index - 1].quer and not pages[index + 1].quer


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "Vorher.\n\n{{ querformat }}\n\nNachher.\n",
            3,
            "„{{ querformat }}“ steht nicht direkt über einer Tabelle – ",
        ),
        (
            "Vorher {{ querformat }} mitten im Satz.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n",
            1,
            "„{{ querformat }}“ steht mitten im Text – ",
        ),
        ("| A | B |\n|---|---|\n| 1 | 2 |\n\n{{ querformat }}\n", 5, "„{{ querformat }}“ steht nicht direkt über "),
    ],
    ids=["ohne-tabelle", "im-satz", "unter-der-tabelle"],
)
def test_a_misplaced_querformat_mark_is_a_problem_with_its_line(tmp_path, text, line, message):
    data = copy_data(WESERBRUCH, tmp_path)
    (data / "vorlagen/2023-0233/sachverhalt.md").write_text(text, encoding="utf-8")
    assert [p for p in problems_of_compose(data) if p.startswith(f"data/vorlagen/2023-0233/sachverhalt.md:{line}: ")]
    found = [p for p in problems_of_compose(data) if message in p]
    assert found and found[0].endswith(
        "schreiben Sie es allein in die Zeile direkt über die Tabelle (mit einer Leerzeile davor); die Tabelle "
        "steht dann auf einer Seite im Querformat."
    )


def problems_of_compose(data: Path) -> list[str]:
    from vorlagen.compute.project import prepare
    from vorlagen.core.problems import BuildFailed
    from vorlagen.render.document import Composer

    with pytest.raises(BuildFailed) as failed:
        Composer(prepare(data)).compose_all()
    return [str(p) for p in failed.value.problems]


HAUSSTIL = '  nummer: "JJJJ/NNNN"\n'


@pytest.mark.parametrize(
    ("added", "message"),
    [
        (
            "tabellen: {kleinste_schrift: 3}",
            "„kleinste_schrift“: 3 pt geht nicht – wählen Sie eine Schriftgröße von 5 bis 20 pt (Standard 7; Tabellen "
            "stehen in 9,5 pt, ihre Köpfe in 8,5 pt).",
        ),
        ("tabellen: {kleinste_schrift: -7}", "„kleinste_schrift“: -7 pt geht nicht – "),
        ("tabellen: {kleinste_schrift: 21}", "„kleinste_schrift“: 21 pt geht nicht – "),
        (
            "tabellen: {kleinste_schrift: 7,5}",
            "Steht hier die Zahl „7,5“? In „{…}“ trennt das Komma Einträge. „7,5“ hat ein Dezimalkomma; Zahlen der "
            "Datendateien haben einen Dezimalpunkt – schreiben Sie 7.5.",
        ),
        ("tabellen: {querformat: vielleicht}", "querformat"),
        (
            "silbentrennung: {trennen: [KiBiz]}",
            "„trennen“: „KiBiz“ hat keine Trennstelle – schreiben Sie die Stellen als Bindestrich (z. B. "
            "Stel-len-um-fang) oder setzen Sie ein Wort, das nie getrennt wird, unter „nicht_trennen“.",
        ),
        (
            "silbentrennung: {nicht_trennen: [Schul-IT]}",
            "„nicht_trennen“: „Schul-IT“ enthält einen Bindestrich – dort bricht die Zeile ohnehin um; nennen Sie die "
            "Teile einzeln (Schul, IT) oder setzen Sie das Wort mit seinen Trennstellen unter „trennen“.",
        ),
        (
            "silbentrennung: {trennen: [Stel--len]}",
            "„trennen“: „Stel--len“ ist kein einzelnes Wort – erlaubt sind Buchstaben, Trennstellen als einzelne "
            "Bindestriche dazwischen, ohne Leerzeichen und Satzzeichen.",
        ),
        ("silbentrennung: {trennen: [-Stellen]}", "„trennen“: „-Stellen“ ist kein einzelnes Wort – "),
        (
            'silbentrennung: {nicht_trennen: ["Ki Biz"]}',
            "„nicht_trennen“: „Ki Biz“ ist kein einzelnes Wort – erlaubt sind Buchstaben und Ziffern, ohne "
            "Leerzeichen und Satzzeichen.",
        ),
        ('silbentrennung: {nicht_trennen: [""]}', "„nicht_trennen“: „“ ist kein einzelnes Wort"),
        (
            "silbentrennung: {trennen: [Kreis-um-la-ge], nicht_trennen: [KREISUMLAGE]}",
            "„KREISUMLAGE“ steht schon als „Kreis-um-la-ge“ in der Silbentrennung – nennen Sie jedes Wort einmal, in "
            "„trennen“ mit seinen Trennstellen oder in „nicht_trennen“.",
        ),
        (f"silbentrennung: {{nicht_trennen: [{'A' * 101}]}}", "ist länger als 100 Zeichen – kein Wort ist so lang."),
    ],
    ids=[
        "schrift-3",
        "schrift-negativ",
        "schrift-21",
        "schrift-komma",
        "querformat-vielleicht",
        "trennen-ohne-stelle",
        "nicht-trennen-bindestrich",
        "doppelter-bindestrich",
        "bindestrich-vorn",
        "leerzeichen",
        "leer",
        "doppelt",
        "zu-lang",
    ],
)
def test_careless_hausstil_rules_of_the_print_are_refused_with_a_german_message(tmp_path, added, message):
    data = copy_data(WESERBRUCH, tmp_path)
    edit(data / "koerperschaft.yaml", HAUSSTIL, f"{HAUSSTIL}  {added}\n")
    found = problems_of(data)
    assert any(message in problem for problem in found), found
    assert all(problem.startswith("data/koerperschaft.yaml:") for problem in found)


@pytest.mark.parametrize(
    "fix",
    [
        "silbentrennung: {nicht_trennen: [KiBiz]}",
        "silbentrennung: {nicht_trennen: [Schul, IT]}",
        "silbentrennung: {trennen: [Schul-IT]}",
        "tabellen: {kleinste_schrift: 7.5}",
    ],
)
def test_what_the_messages_propose_is_accepted(tmp_path, fix):
    from vorlagen.compute.project import prepare

    data = copy_data(WESERBRUCH, tmp_path)
    edit(data / "koerperschaft.yaml", HAUSSTIL, f"{HAUSSTIL}  {fix}\n")
    hausstil = prepare(data).facts.koerperschaft.hausstil  # no problem
    assert hausstil != prepare(WESERBRUCH).facts.koerperschaft.hausstil  # and the fix is read


def test_querformat_is_for_anlagen_from_markdown_only(tmp_path):
    problems = _with_pdf_anlage(copy_data(DATA, tmp_path))
    assert any(
        "„querformat“ gilt nur für Anlagen aus Markdown – „plan.pdf“ wird unverändert übernommen, mit seinen eigenen "
        "Seiten; entfernen Sie „querformat: true“." in problem
        for problem in problems
    ), problems


def _with_pdf_anlage(data: Path) -> list[str]:
    path = data / "vorlagen/2021-0130/vorlage.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "anlagen:\n  - {titel: Plan, datei: plan.pdf, querformat: true}\n",
        encoding="utf-8",
    )
    return problems_of(data)


def test_the_handbook_shows_images_of_what_is_printed_now(weserbruch):
    """docs/bilder/satz/ holds images rendered from these very PDFs (scripts/seitenbilder.py): a changed print
    makes them stale, and this test says so; the handbook page shows each."""
    import hashlib
    import json

    folder = ROOT / "docs" / "bilder" / "satz"
    sources = json.loads((folder / "quellen.json").read_text(encoding="utf-8"))
    page = (ROOT / "docs" / "anleitungen" / "layout-pruefung.md").read_text(encoding="utf-8")
    assert len(sources) >= 6
    stale = [
        name
        for name, source in sources.items()
        if hashlib.sha256((weserbruch / source["pdf"]).read_bytes()).hexdigest() != source["sha256"]
    ]
    assert not stale, f"{stale}: der Satz hat sich geändert – .venv/bin/python scripts/seitenbilder.py erneuert sie"
    for name in sources:
        assert (folder / name).is_file() and f"](../bilder/satz/{name})" in page
    assert sorted(p.name for p in folder.glob("*.png")) == sorted(sources)
