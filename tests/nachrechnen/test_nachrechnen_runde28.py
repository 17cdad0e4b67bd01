"""The twenty-eighth round's false alarms: an adversary's right papers (tests/nachrechnen/fehlalarme_runde28/, their
figures worked out with Fraction by the adversary's own script) against the forms of this round and older ones – a
row under „Nachrichtlich: …“ read as the total of the table above, „Veränderung … in %“ as a difference, a rate of
what is left („noch 17,3 % des Ansatzes offen“) or of a named thing's Ansatz („des Ansatzes der
Versorgungsaufwendungen“) read as the share of the amount before, „5,8 Mio. € und Nachzahlungen von 1,15 Mio. €“ as
„x von y“, and rate rows („Gebühr je m³“, „Kostendeckungsgrad in %“) summed across the year columns."""

from __future__ import annotations

import pytest

from tests.hilfen import ROOT
from tests.hilfen.nachrechnen import by_status, check, write

FALL = ROOT / "tests" / "nachrechnen" / "fehlalarme_runde28"


@pytest.mark.parametrize("path", sorted(FALL.glob("*.txt")), ids=lambda p: p.stem)
def test_a_right_paper_of_the_adversary_ends_without_a_slip(tmp_path, capsys, path):
    code, report, _ = check(capsys, write(tmp_path, path.name, path.read_text(encoding="utf-8")))
    assert code == 0 and not by_status(report, "Fehler")
