"""A list nested ten levels deep dropped itself and every line after it from PDF, HTML, Word and text, without a
word (markdown-it stops at its `maxNesting`); 1000 nested emphasis marks ended in WeasyPrint's RecursionError as a
traceback. Now nesting has bounds below both, named in the handbook's limits, and a text past them is refused at its
line (issue 54, point 6)."""

from __future__ import annotations

import pytest

from tests.hilfen import composed
from vorlagen.core.limits import MAX_AUSZEICHNUNGEN, MAX_EBENEN
from vorlagen.core.problems import BuildFailed, Where

TEXT = "vorlagen/2021-0123/vorbemerkungen.md"
SATZ = "Der Eigenanteil beträgt 12.345 € im Jahr."
GEDRUCKT = "Der Eigenanteil beträgt 12.345\u00a0€ im Jahr."  # a figure and its unit never part at a line end
EBENEN = (
    "Listen und Zitate stehen hier mehr als 8 Ebenen tief ineinander – so tief setzt vorlagen nicht, der Rest des "
    "Textes ginge verloren; ziehen Sie Ebenen zusammen oder gliedern Sie mit Überschriften."
)
AUSZEICHNUNGEN = (
    "Hervorhebungen und Verweise (*, **, _, [ … ]) stehen hier mehr als 10-fach ineinander – so tief setzt vorlagen "
    "nicht; prüfen Sie die Sternchen, Unterstriche und eckigen Klammern dieser Zeile."
)


def _liste(tiefe: int) -> str:
    return "".join("  " * i + f"- Ebene {i + 1}\n" for i in range(tiefe))


def _zitate(tiefe: int) -> str:
    return "".join("> " * (i + 1) + f"Ebene {i + 1}\n" for i in range(tiefe))


def _gemischt(tiefe: int) -> str:
    """A quote in a list in a quote …: each level one indentation deeper."""
    zeilen, vorn = [], ""
    for i in range(tiefe):
        zeilen.append(f"{vorn}{'- ' if i % 2 == 0 else '> '}Ebene {i + 1}")
        vorn += "  " if i % 2 == 0 else "> "
    return "\n".join(zeilen) + "\n"


def _problems(data) -> list[str]:
    with pytest.raises(BuildFailed) as failed:
        composed(data)
    return [str(p) for p in failed.value.problems]


def test_the_adversarys_ten_level_list_is_refused_at_its_ninth_level(data):
    (data / TEXT).write_text(f"# Vorbemerkungen\n\n{_liste(10)}\n{SATZ}\n", encoding="utf-8")
    assert _problems(data) == [f"data/{TEXT}:11: {EBENEN}"]  # line 3 is level 1: level 9 opens on line 11


@pytest.mark.parametrize("art", [_liste, _zitate, _gemischt])
@pytest.mark.parametrize("tiefe", range(1, 31))
def test_a_sentence_after_any_nesting_prints_or_the_build_says_why(data, art, tiefe):
    (data / TEXT).write_text(f"{art(tiefe)}\n{SATZ}\n", encoding="utf-8")
    if tiefe > MAX_EBENEN:
        assert _problems(data) == [f"data/{TEXT}:{MAX_EBENEN + 1}: {EBENEN}"]
        return
    doc = composed(data)
    assert GEDRUCKT in doc.text and GEDRUCKT in doc.web_html and GEDRUCKT in doc.print_html
    assert f"Ebene {tiefe}" in doc.text


def test_the_bounds_lie_below_the_parsers_own():
    from vorlagen.render.text import _markdown

    # a list is two of the parser's levels (list and item); it stops reading at maxNesting
    assert _markdown().options.maxNesting > 2 * MAX_EBENEN
    assert MAX_EBENEN == 8 and MAX_AUSZEICHNUNGEN == 10


def test_the_adversarys_thousand_emphasis_marks_are_refused_at_their_line(data):
    (data / TEXT).write_text(f"# Vorbemerkungen\n\n{SATZ}\nDazu {'*' * 1000}x{'*' * 1000}.\n", encoding="utf-8")
    assert _problems(data) == [f"data/{TEXT}:4: {AUSZEICHNUNGEN}"]


@pytest.mark.parametrize(
    "zeile",
    [
        "_" * 30 + "x" + "_" * 30,
        "[" + "![" * 14 + "Bild" + "](bild.png)" * 14 + "](https://example.org)",
        "![" * 15 + "Bild" + "](bild.png)" * 15,
        "*a " * 12 + "x" + " a*" * 12,
    ],
)
def test_every_mark_counts_toward_the_bound_and_names_the_line(data, zeile):
    (data / TEXT).write_text(f"Erste Zeile.\n{zeile}\n", encoding="utf-8")
    assert _problems(data) == [f"data/{TEXT}:2: {AUSZEICHNUNGEN}"]


def test_marks_as_deep_as_the_bound_print(data):
    zeile = "*a " * MAX_AUSZEICHNUNGEN + "x" + " a*" * MAX_AUSZEICHNUNGEN
    (data / TEXT).write_text(f"{zeile}\n\n{SATZ}\n", encoding="utf-8")
    doc = composed(data)
    assert "<em>a " * MAX_AUSZEICHNUNGEN in doc.web_html
    assert GEDRUCKT in doc.text


def test_what_the_layout_cannot_follow_is_a_german_problem_of_the_document(tmp_path):
    from vorlagen.render.pdf import ZU_TIEF, lay_out

    where = Where(tmp_path / "vorlage.yaml", 1)
    html = "<html><body><p>" + "<em>" * 3000 + "x" + "</em>" * 3000 + "</p></body></html>"
    with pytest.raises(BuildFailed) as failed:
        lay_out(html, tmp_path, [tmp_path], where)
    assert [p.message for p in failed.value.problems] == [ZU_TIEF]
    assert ZU_TIEF == (
        "Das Dokument ist zu tief verschachtelt, um es zu setzen (Listen, Zitate, Tabellen oder Hervorhebungen "
        "ineinander) – ziehen Sie in seinen Texten und im Template Ebenen zusammen."
    )
