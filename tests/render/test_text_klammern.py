"""A text's „{{“, „{%“ or „{#“ that nothing closes, or a „}}“ that nothing opens, printed as typed before – in the
document, without a word. Now each is one exact German problem at its line (issue 36, point 1)."""

from __future__ import annotations

import pytest

from tests.hilfen import composed
from vorlagen.core.problems import BuildFailed

TEXT = "vorlagen/2021-0123/vorbemerkungen.md"
OFFEN = "„{{“ wird nicht mit „}}“ geschlossen – ergänzen Sie „}}“ am Ende des Ausdrucks, z. B. {{ vorlage.nummer }}."
ZU = "„}}“ schließt keinen Ausdruck – ergänzen Sie „{{“ an seinem Anfang oder löschen Sie „}}“."
NUR = (
    "In Texten sind nur Ausdrücke in {{ … }} erlaubt, keine Anweisungen {% … %} oder Kommentare {# … #} – "
    "entfernen Sie sie."
)


@pytest.mark.parametrize(
    "zeile, meldung",
    [
        ("Die Nummer {{ vorlage.nummer ist offen.", f"„Die Nummer {{{{ vorlage.nummer ist offen.“: {OFFEN}"),
        ("Die Nummer { vorlage.nummer }} steht fest.", f"„Die Nummer {{ vorlage.nummer }}}} steht fest.“: {ZU}"),
        (
            "Am {{ vorlage.datum | datum }} und {{ vorlage.nummer",
            f"„Am {{{{ vorlage.datum | datum }}}} und {{{{ vorlage.nummer“: {OFFEN}",
        ),
        ("Falls {% if vorlage.nummer gilt das.", f"„Falls {{% if vorlage.nummer gilt das.“: {NUR}"),
        ("Siehe {# Notiz der Kämmerei", f"„Siehe {{# Notiz der Kämmerei“: {NUR}"),
    ],
)
def test_an_unclosed_delimiter_in_a_text_is_named_at_its_line(data, zeile, meldung):
    (data / TEXT).write_text(f"# Vorbemerkungen\n\nErster Absatz.\n\n{zeile}\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        composed(data)
    assert [str(p) for p in failed.value.problems] == [f"data/{TEXT}:5: {meldung}"]


def test_a_long_line_is_shown_in_part(data):
    zeile = "Die Kosten betragen nach der Aufstellung des Amtes {{ uebersicht.eigenanteil_max | eur und mehr"
    (data / TEXT).write_text(f"{zeile}\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        composed(data)
    gezeigt = zeile[:59].rsplit(" ", 1)[0]  # cut after the last whole word that fits in 59 characters
    assert gezeigt == "Die Kosten betragen nach der Aufstellung des Amtes {{"
    assert [str(p) for p in failed.value.problems] == [f"data/{TEXT}:1: „{gezeigt}…“: {OFFEN}"]


def test_closed_expressions_print_and_raise_nothing(data):
    (data / TEXT).write_text("Vorlage {{ vorlage.nummer }} vom {{ vorlage.datum | datum }}.\n", encoding="utf-8")
    assert "Vorlage 2021/0123 vom 27.05.2021." in composed(data).text
