"""The next free Nummer under a Hausstil's pattern, worked out by hand."""

import pytest

from vorlagen.load.numbering import next_fassung, next_nummer


@pytest.mark.parametrize(
    "muster, used, expected",
    [
        (None, [], "2026/0001"),
        (None, ["2026/0001", "2026/0007", "2025/0042", "2026/0003/1"], "2026/0008"),  # other years and Fassungen apart
        ("JJJJ/NNNN", ["2026/9999"], "2026/10000"),
        ("N/JJJJ", ["12/2026", "151/2013", "3/2026"], "13/2026"),
        ("JJ-NNN", ["26-004", "25-100"], "26-005"),
        ("VO-JJJJ-NN", ["VO-2026-09"], "VO-2026-10"),
        ("R/N/N", ["IX/416/1"], None),  # which part counts is not said
    ],
)
def test_next_nummer(muster, used, expected):
    assert next_nummer(muster, used, 2026) == expected


def test_next_fassung():
    assert next_fassung("151/2013", ["151/2013", "151/2013/1", "151/2013/2", "151/20134/7"]) == "151/2013/3"
    assert next_fassung("2021/0123", ["2021/0123"]) == "2021/0123/1"
