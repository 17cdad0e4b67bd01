"""The upgrade of numbers that read two ways now (`1.500`): `vorlagen aktualisieren` writes each as the value the
earlier version read – with a decimal point – in a spelling that reads one way only, and says so; a text that
happens to hold the same digits stays as it is. (The proof that the six repositories of the last version print
the same figures after it: tests/migration/test_aktualisieren.py.)"""

from __future__ import annotations

import os
import shutil
from fractions import Fraction

import pytest

from tests.hilfen import ROOT
from vorlagen.load.facts import load
from vorlagen.migration.umschreibregeln import umschreiben
from vorlagen.migration.zahlenschreibweise import GRUND_PUNKT, GRUND_ZWEI

# messages name files from where the command ran: as users, the tests run from the repository (tmp_path)
pytestmark = pytest.mark.usefixtures("aus_dem_repository")

NIENBURG = ROOT / "tests" / "fixtures" / "altbestand" / "nienburg"
VORLAGE = "vorlagen/2023-232/vorlage.yaml"


def test_a_number_the_earlier_version_read_with_a_decimal_point_is_written_one_way_only(tmp_path):
    shutil.copytree(NIENBURG, tmp_path / "nienburg")
    os.chdir(tmp_path / "nienburg")  # the repository the commands run from (undone with the fixture's chdir)
    data = tmp_path / "nienburg" / "data"
    path = data / VORLAGE
    text = path.read_text(encoding="utf-8")
    text = text.replace("als: Stellen für Beamtinnen und Beamte,", "als: 142.600 Stellen für Beamte,")
    text = text.replace("{anzahl: 1, saetze: [personal-2024/A11]", '{anzahl: "1.250 + 2", saetze: [personal-2024/A11]')
    path.write_text(text, encoding="utf-8")

    done = umschreiben(data)

    after = path.read_text(encoding="utf-8")
    assert "{id: beamte, als: 142.600 Stellen für Beamte, werte: [142.6, 141.6]}" in after  # the text stays
    assert "werte: [528.2660, 532.8360]" in after
    assert '{anzahl: "1.25 + 2", saetze: [personal-2024/A11]' in after
    line = after.splitlines().index(next(x for x in after.splitlines() if "werte: [142.6" in x)) + 1
    assert f"data/{VORLAGE}:{line}: „142.600“ → „142.6“ – {GRUND_PUNKT}" in [str(u) for u in done.umschreibungen]
    assert GRUND_PUNKT.startswith("eine Zahl mit drei Ziffern nach einem Punkt lässt sich zweifach lesen")
    # the rewritten repository reads, each number as the earlier version read it (independently: the digits)
    facts, problems = load(data)
    assert facts is not None, problems
    vorlage = next(s.vorlage for s in facts.vorlagen if s.vorlage.nummer == "2023/232")
    stellen = next(b for b in vorlage.finanzierung if b.id == "stellen")
    assert [[Fraction(w) for w in z.werte] for z in stellen.zeilen[:2]] == [
        [Fraction(142600, 1000), Fraction(141600, 1000)],
        [Fraction(528266, 1000), Fraction(532836, 1000)],
    ]
    wegfall = next(b for b in vorlage.finanzierung if b.id == "wegfall")
    assert Fraction(wegfall.kosten[1].anzahl) == Fraction(1250, 1000) + 2


def test_a_number_beside_a_quoted_text_of_the_same_digits_is_left_for_the_user_and_named(tmp_path):
    shutil.copytree(NIENBURG, tmp_path / "nienburg")
    os.chdir(tmp_path / "nienburg")  # the repository the commands run from (undone with the fixture's chdir)
    data = tmp_path / "nienburg" / "data"
    path = data / VORLAGE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("als: Stellen für Beamtinnen und Beamte,", 'als: "142.600",'), encoding="utf-8")

    done = umschreiben(data)

    after = path.read_text(encoding="utf-8")
    assert '{id: beamte, als: "142.600", werte: [142.600, 141.6]}' in after  # which 142.600 is the number: unsure
    line = next(i for i, x in enumerate(after.splitlines(), 1) if 'als: "142.600"' in x)
    assert [str(o) for o in done.offen] == [
        f"data/{VORLAGE}:{line}: „142.600“ steht in dieser Zeile auch als Text in Anführungszeichen, die Zahl ist "
        "deshalb nicht umgeschrieben – schreiben Sie sie selbst: 142.6, wie frühere Fassungen sie lasen (oder ohne "
        "Punkt, wenn ein Tausenderpunkt gemeint war), und rufen Sie „vorlagen aktualisieren“ erneut auf"
    ]


def test_a_formula_of_numbers_in_a_thousands_unit_is_read_anew_only_in_data_of_an_earlier_format(tmp_path):
    """0.3.0 reads `formel: 523000` with `einheit: Mio. €` as 523.000 Mio. €; data that vorlagen.toml says are
    written for 0.3 (aktualisieren puts it there) are not divided again (finding V1/V2)."""
    for fuer, erwartet in ((None, '"0,523"'), ("0.2", '"0,523"'), ("0.3", "523000"), (">=0.3, <0.5", "523000")):
        shutil.copytree(ROOT / "tests" / "fixtures" / "altbestand" / "haan", tmp_path / str(fuer))
        path = tmp_path / str(fuer) / "data" / "vorlagen" / "51-109-2016" / "vorlage.yaml"
        assert "    formel: 523000\n" in path.read_text(encoding="utf-8")
        umschreiben(tmp_path / str(fuer) / "data", fuer=fuer)
        assert f"    formel: {erwartet}\n" in path.read_text(encoding="utf-8"), fuer


def test_two_numbers_without_a_space_in_brackets_are_written_with_one_as_the_earlier_version_read_them(tmp_path):
    """0.3.2 refuses `werte: [2,5]` (two numbers, or 2,5?); 0.3.0 read 2 and 5 (finding O1)."""
    shutil.copytree(NIENBURG, tmp_path / "nienburg")
    os.chdir(tmp_path / "nienburg")  # the repository the commands run from (undone with the fixture's chdir)
    data = tmp_path / "nienburg" / "data"
    path = data / VORLAGE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("werte: [142.600, 141.600]", "werte: [142,141]"), encoding="utf-8")
    done = umschreiben(data)
    after = path.read_text(encoding="utf-8")
    assert "werte: [142, 141]" in after
    line = next(i for i, x in enumerate(after.splitlines(), 1) if "werte: [142, 141]" in x)
    assert f"data/{VORLAGE}:{line}: „142,141“ → „142, 141“ – {GRUND_ZWEI}" in [str(u) for u in done.umschreibungen]
    facts, problems = load(data)
    assert facts is not None, problems


def test_a_literal_meant_in_euros_is_written_so_that_it_prints_the_digits_it_printed_before():
    """A typed number now prints every decimal it has (issue 46): where the earlier version printed fewer than the
    number in the unit would have, the rewrite divides the euros as a whole – the same value, the same print."""
    from vorlagen.migration.zahlenschreibweise import formel_in_einheit

    assert formel_in_einheit("523000", "Mio. €", 3) == "0,523"  # printed 0,523 before, and now
    assert formel_in_einheit("523000", "Mio. €", 2) == "523000 / 1000000"  # printed 0,52 before, and now
    assert formel_in_einheit("150000 + 58000", "Mio. €", 2) == "(150000 + 58000) / 1000000"
    assert formel_in_einheit("150000 + 58000", "Mio. €", 3) == "0,15 + 0,058"
    assert formel_in_einheit("412000", "T€", 0) == "412"
    assert formel_in_einheit("412500", "T€", 0) == "412500 / 1000"
    assert Fraction(523000, 1000000) == Fraction("0.523")  # the two spellings: one value
