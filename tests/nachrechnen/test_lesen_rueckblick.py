"""lesen/zahlenlesen.look_back: the words before a figure, begun at a word's start – the one way the recognisers
look back. A cut inside a word made its tail a word of its own: „Grund“ cut to „rund“ (a hedge: a slip read as a
rounding, or a reading skipped), „Eigentum“ to „um“ (a change)."""

from __future__ import annotations

import re

import pytest

from vorlagen.nachrechnen.lesen.zahlenlesen import figures, look_back, words_before
from vorlagen.nachrechnen.woerter import HEDGE, ROUNDED

_UM = re.compile(r"\bum\s*$")


@pytest.mark.parametrize(
    ("text", "reach", "pattern"),
    [
        ("Im Grund" + " " * 8 + "427.000 €", 12, ROUNDED),
        ("Wohnungseigentum" + " " * 38 + "13.000 €", 40, _UM),
        ("Vergleich gegenüber" + " " * 8 + "5,0 %", 12, HEDGE),
    ],
)
def test_the_tail_of_a_word_cut_by_the_reach_is_no_word(text, reach, pattern):
    (zahl,) = figures(text)
    cut = text[zahl.start - reach : zahl.start]
    assert pattern.search(cut)  # the slice the recognisers took before
    assert not pattern.search(look_back(text, zahl.start, reach))


def test_a_whole_word_within_the_reach_is_kept():
    text = "Die Kosten liegen bei rund 427.000 €"
    (zahl,) = figures(text)
    assert look_back(text, zahl.start, 12) == " bei rund " and ROUNDED.search(look_back(text, zahl.start, 12))
    assert words_before(text, zahl) == "Die Kosten liegen bei rund "


@pytest.mark.parametrize(
    ("text", "end", "reach", "floor", "expected"),
    [
        ("rund 5", 5, 40, 0, "rund "),  # the reach before the line's start: from its start
        ("Donaudampfschifffahrt 5", 22, 10, 0, " "),  # one word longer than the reach: nothing of it
        ("ab. rund 5", 9, 40, 4, "rund "),  # not before the floor
        ("abc rund 5", 9, 40, 2, " rund "),  # a floor inside a word moves on past it
        ("", 0, 10, 0, ""),
    ],
)
def test_bounds(text, end, reach, floor, expected):
    assert look_back(text, end, reach, floor) == expected
