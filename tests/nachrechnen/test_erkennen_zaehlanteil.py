"""erkennen/prozentsaetze.py, the share of counts: „In 29 der 39 geprüften Förderfälle … in 75 % der Förderfälle“
(c07 of the Zusatz, a Rechnungshof's finding) – the first count in percent of the second, tied only by the same noun,
so a percentage that does not hold is „nicht eindeutig“. Every expected share is worked out here with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import rund

TEIL, GANZES = 29, 39


def _text(prozent: str, nomen: str = "Förderfälle") -> str:
    return (
        f"In {TEIL} der {GANZES} geprüften Förderfälle setzte die Behörde den Höchstsatz fest. Mit dem Höchstsatz in "
        f"{prozent} % der {nomen} wurde die Ausnahme zur Regel.\n"
    )


def _all(report: dict) -> list[dict]:
    return report["befunde"]


def test_the_share_of_the_counts_is_confirmed(tmp_path, capsys):
    richtig = rund(Fraction(TEIL, GANZES) * 100)
    assert richtig == 74
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _text("74")))
    (befund,) = _all(report)
    assert code == 0 and befund["status"] == "stimmt" and Fraction(befund["werte"]["nachgerechnet"]) == richtig
    # the noun inflected („Förderfällen“) is the same noun
    code, report, _ = check(capsys, write(tmp_path, "f.txt", _text("74", "geprüften Förderfällen")))
    assert [b["status"] for b in _all(report)] == ["stimmt"]


def test_a_share_that_does_not_hold_is_named_never_a_slip(tmp_path, capsys):
    # 80 %: far from 74,36 % – „nicht eindeutig“ with the reading, exit 0
    code, report, _ = check(capsys, write(tmp_path, "t.txt", _text("80")))
    (zweifel,) = by_status(report, "nicht eindeutig")
    assert code == 0 and by_status(report, "Fehler") == [] and Fraction(zweifel["werte"]["nachgerechnet"]) == 74
    # 75 % (c07): 74,36 % holds only rounded up – named so
    code, report, _ = check(capsys, write(tmp_path, "r.txt", _text("75")))
    (rundung,) = by_status(report, "Rundung")
    assert code == 0 and "aufgerundet" in rundung["hinweis"]


def test_what_the_text_does_not_tie_is_left_alone(tmp_path, capsys):
    for text in (
        _text("80", "Fälle"),  # another noun: of what, the text does not say one way
        _text("80", "Anträge"),
        "In 39 der 29 geprüften Förderfälle … in 80 % der Förderfälle.\n",  # the part larger than the whole
        "In 29,5 der 39 geprüften Förderfälle … in 80 % der Förderfälle.\n",  # no count
        "In 29 der 39 geprüften Förderfälle setzte die Behörde den Höchstsatz fest.\n",  # no percentage
    ):
        code, report, _ = check(capsys, write(tmp_path, "t.txt", text))
        assert code == 0 and [b for b in _all(report) if b["status"] != "nicht geprüft"] == [], text
