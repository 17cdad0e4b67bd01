"""One Vorlage between two revisions (vorlagen/review/vorlagenvergleich.py): the lines of word_diff in pieces, and the
sign-offs that held before and no longer hold."""

from __future__ import annotations

from vorlagen.core.fmt import Zahlformat
from vorlagen.review.diff import word_diff
from vorlagen.review.fassung import Fassung
from vorlagen.review.vorlagenvergleich import nicht_mehr_gueltig, wortteile


def test_the_marks_of_a_word_diff_become_pieces():
    zeile = word_diff("Der Ausschuss beschließt heute", "Der Fachausschuss beschließt")
    assert wortteile(zeile) == [
        ("=", "Der "),
        ("-", "Ausschuss"),
        ("+", "Fachausschuss"),
        ("=", " beschließt"),
        ("-", " heute"),
    ]
    assert wortteile("nichts geändert") == [("=", "nichts geändert")]


def _fassung(ordner: str, **zeichnungen: str) -> Fassung:
    fassung = Fassung("2021/0123", "Betreff", {}, Zahlformat("€"), ordner=ordner)
    fassung.zeichnungen = {rolle.capitalize(): zustand for rolle, zustand in zeichnungen.items()}
    return fassung


def test_a_sign_off_that_held_and_no_longer_holds_is_named():
    alt = {"a": _fassung("2021-0123", kaemmerei="gültig", rechtsamt="gültig", personalrat="fehlt")}
    neu = {"a": _fassung("2021-0123", kaemmerei="veraltet", rechtsamt="gültig", personalrat="fehlt")}
    assert nicht_mehr_gueltig(alt, neu) == ["Kaemmerei: veraltet"]
    assert nicht_mehr_gueltig(alt, {}) == ["Kaemmerei: Vorlage entfernt", "Rechtsamt: Vorlage entfernt"]
    assert nicht_mehr_gueltig(neu, alt) == []  # valid again: nothing that no longer holds
