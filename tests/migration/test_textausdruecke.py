"""Text expressions 0.2.0 accepted that only put quoted values together become those quotes (issue 43, findings
L3 and R2); anything else a text may no longer hold is named with the build's own message, so that the list of what
is left to do is complete (finding L6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.hilfen import ROOT
from vorlagen.core.engine import befehl
from vorlagen.migration.umschreibregeln import umschreiben
from vorlagen.render.ausdruck import FILTER

# messages name files from where the command ran: as users, the tests run from the repository (tmp_path)
pytestmark = pytest.mark.usefixtures("aus_dem_repository")

ERLENBRUCH = ROOT / "tests" / "fixtures" / "fruehere" / "fd72533-erlenbruch" / "data"
TEXT = Path("vorlagen/2024-0057/beschlussvorschlag.md")


def kopie(tmp_path: Path, text: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ERLENBRUCH, data)
    (data / TEXT).write_text(text, encoding="utf-8")
    return data


def test_texts_put_together_with_a_tilde_become_quotes_with_the_text_between(tmp_path):
    data = kopie(tmp_path, 'Vom {{ vorlage.datum | datum ~ " bis " ~ vorlage.datum | datum_lang }} gilt es.\n')
    q = umschreiben(data)
    assert q.offen == []
    assert (data / TEXT).read_text(encoding="utf-8") == (
        "Vom {{ vorlage.datum | datum }} bis {{ vorlage.datum | datum_lang }} gilt es.\n"
    )
    assert [str(u) for u in q.umschreibungen if u.datei.endswith("beschlussvorschlag.md")] == [
        'data/vorlagen/2024-0057/beschlussvorschlag.md:1: „{{ vorlage.datum | datum ~ " bis " ~ vorlage.datum | '
        "datum_lang }}“ → „{{ vorlage.datum | datum }} bis {{ vorlage.datum | datum_lang }}“ – Texte setzen nichts "
        "mehr zusammen: jeder Wert steht in seinem eigenen {{ … }}, dazwischen der Text"
    ]


def test_the_labels_of_rows_joined_become_each_row_s_label_by_its_name(tmp_path):
    data = kopie(tmp_path, 'Posten: {{ finanzierung["radweg"].zeilen | map(attribute="als") | join(", ") }}.\n')
    assert umschreiben(data).offen == []
    plan = 'finanzierung["radweg"].zeilen'
    assert (data / TEXT).read_text(encoding="utf-8") == (
        f'Posten: {{{{ {plan}["Bauausführung"].als }}}}, {{{{ {plan}["Planung und Bauüberwachung"].als }}}}, '
        f'{{{{ {plan}["Grunderwerb"].als }}}}.\n'
    )


def test_the_number_of_rows_becomes_the_table_s_count_of_rows(tmp_path):
    """0.2.0 printed `zeilen | length | zahl` as „3“ (finding W5); the table names it: anzahl_zeilen."""
    data = kopie(tmp_path, 'In {{ finanzierung["radweg"].zeilen | length | zahl }} Posten.\n')
    assert umschreiben(data).offen == []
    assert (data / TEXT).read_text(encoding="utf-8") == 'In {{ finanzierung["radweg"].anzahl_zeilen | zahl }} Posten.\n'
    from vorlagen.compute.project import prepare

    assert prepare(data).rechnungen["2024-0057"].tabellen["radweg"].anzahl_zeilen == 3  # Bau, Planung, Grunderwerb


def test_an_amount_whose_sign_is_replaced_by_a_word_becomes_its_number_and_the_word(tmp_path):
    """0.2.0 printed `(betrag | eur).replace("€", "Euro")` as „506.400 Euro“ (finding R2)."""
    data = kopie(
        tmp_path,
        'A {{ (finanzierung["radweg"].eigenmittel | eur).replace("€", "Euro") }}, '
        'B {{ (finanzierung["radweg"].zuwendung | eur_cent).replace("€", "EUR") }}.\n',
    )
    assert umschreiben(data).offen == []
    assert (data / TEXT).read_text(encoding="utf-8") == (
        'A {{ finanzierung["radweg"].eigenmittel | zahl(0) }} Euro, '
        'B {{ finanzierung["radweg"].zuwendung | zahl(2) }} EUR.\n'
    )


@pytest.mark.parametrize(
    ("ausdruck", "was"),
    [
        ('vorlage.datum | datum ~ " *fett* " ~ vorlage.betreff', "„~“ (Texte zusammensetzen)"),
        ('finanzierung["radweg"].quellen | length | zahl', "der Filter „length“"),
        ('(finanzierung["radweg"].eigenmittel | eur).replace("€", "<b>Euro</b>")', "die Methode „.replace(…)“"),
        ('(finanzierung["radweg"].eigenmittel | teur).replace("€", "Euro")', "die Methode „.replace(…)“"),
    ],
)
def test_what_a_text_may_no_longer_hold_is_named_with_the_build_s_message(tmp_path, ausdruck, was):
    """A literal Markdown would print otherwise (*fett*) is not moved out of its quotes."""
    data = kopie(tmp_path, f"Wert: {{{{ {ausdruck} }}}}\n")
    q = umschreiben(data)
    assert [str(o) for o in q.offen] == [
        f"data/vorlagen/2024-0057/beschlussvorschlag.md:1: {{{{ {ausdruck} }}}}: {was} ist in Texten nicht erlaubt – "
        f"dort stehen nur Namen, ihre Felder und die Filter {', '.join(FILTER)}; eine berechnete Zahl legen Sie unter "
        f"„zahlen“ an, alle Namen mit Werten zeigt „{befehl()} zahlen NUMMER“."
    ]
    assert (data / TEXT).read_text(encoding="utf-8") == f"Wert: {{{{ {ausdruck} }}}}\n"
