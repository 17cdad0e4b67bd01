"""erkennen/fliesstext.py's difference of two named amounts (`Die Differenz zwischen A und B beträgt C`) is no reading
of a Deckungsvorschlag whose lines each name their amount alike („– Minderaufwand: 5.000,00 €“, set 8 of issue 60):
before, the three amounts were read as a difference of the first two and shown „nicht eindeutig“ on a right paper.
Figures with Fraction."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

POSTEN = [Fraction(5000), Fraction(3500), Fraction(700)]


def _deckung(gesamt: Fraction) -> str:
    zeilen = ["Deckungsvorschlag:"]
    namen = [
        "11.24.01 Gebäudemanagement, Sachkonto 5221",
        "54.10.01 Gemeindestraßen, Sachkonto 5222",
        "57.30.01 Märkte und Feste, Sachkonto 5291",
    ]
    zeilen += [f"Produkt {n} – Minderaufwand: {zahl(p, 2)} €" for n, p in zip(namen, POSTEN, strict=True)]
    return "\n".join([*zeilen, f"Deckung gesamt: {zahl(gesamt, 2)} €"]) + "\n"


def test_items_named_alike_are_a_list_not_a_difference(tmp_path, capsys):
    code, report, _ = check(capsys, write(tmp_path, "a.txt", _deckung(sum(POSTEN))))
    assert code == 0 and by_status(report, "nicht eindeutig") == [] and not report["nicht_geprueft"]
    assert [Fraction(b["werte"]["getippt"]) for b in by_status(report, "stimmt")] == [sum(POSTEN)]


def test_a_difference_named_once_is_still_read(tmp_path, capsys):
    ansatz, ergebnis = Fraction(50_000), Fraction(42_000)
    text = f"Dem Ansatz von {zahl(ansatz)} € stehen Aufwendungen von {zahl(ergebnis)} € gegenüber, ein Minderaufwand von {zahl(ansatz - ergebnis)} €.\n"
    code, report, _ = check(capsys, write(tmp_path, "b.txt", text))
    assert code == 0 and ansatz - ergebnis in [Fraction(b["werte"]["getippt"]) for b in report["befunde"]]
