"""Rows by position become rows by name – also the pairs of 0.2.0: a Bescheid's `raten` were (fällig, Betrag) and
its `zeilen` („3,5 x Satz“, Betrag), read with a second position (issue 43, finding L5)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.hilfen import ROOT
from vorlagen.migration.umschreibregeln import umschreiben

ERLENBRUCH = ROOT / "tests" / "fixtures" / "fruehere" / "fd72533-erlenbruch" / "data"
TEXT = Path("vorlagen/2024-0063/sachverhalt.md")
B = 'bescheide["2024-02-12-bildungsberatung"]'


def kopie(tmp_path: Path, text: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ERLENBRUCH, data)
    (data / TEXT).write_text(text, encoding="utf-8")
    return data


def test_the_parts_of_a_pair_become_the_fields_of_the_row_by_its_name(tmp_path):
    data = kopie(
        tmp_path,
        f"Die zweite Rate über {{{{ {B}.raten[1][1] | eur }}}} ist am {{{{ {B}.raten[1][0] | datum }}}} fällig.\n"
        f"Erste Position: {{{{ {B}.zeilen[0][0] }}}} mit {{{{ {B}.zeilen[0][1] | eur }}}}.\n",
    )
    q = umschreiben(data)
    assert q.offen == []
    zeile = f'{B}.zeilen["Personalkostenpauschale Koordination je VZÄ"]'
    assert (data / TEXT).read_text(encoding="utf-8") == (
        f'Die zweite Rate über {{{{ {B}.raten["zweite Rate"].betrag | eur }}}} ist am '
        f'{{{{ {B}.raten["zweite Rate"].faellig | datum }}}} fällig.\n'
        f"Erste Position: {{{{ {zeile}.anzahl | zahl }}}} x {{{{ {zeile}.als }}}} mit {{{{ {zeile}.betrag | eur }}}}.\n"
    )


def test_the_text_of_a_pair_inside_a_longer_expression_is_named_with_what_to_write(tmp_path):
    data = kopie(tmp_path, f"Position: {{{{ {B}.zeilen[0][0] | upper }}}}.\n")
    q = umschreiben(data)
    zeile = f'{B}.zeilen["Personalkostenpauschale Koordination je VZÄ"]'
    assert f"data/{TEXT.as_posix()}:1: „{B}.zeilen[0][0]“ war in 0.2.0 der Text der Zeile („3,5 x Satz“) – " in str(
        q.offen[0]
    )
    assert str(q.offen[0]).endswith(f"schreiben Sie dafür {{{{ {zeile}.anzahl | zahl }}}} x {{{{ {zeile}.als }}}}.")
