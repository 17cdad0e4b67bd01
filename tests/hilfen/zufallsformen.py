"""The further shapes a table of zufallsdaten.py can take, added to its `finanzierung:` entry: groups with
Zwischensummen, free columns with names and file numbers, a fund and its rest, its own word for the sum (Aufstellung);
no row or no column sums (Matrix); scenarios side by side (Finanzierungsplan). Each is drawn from the generator
given, so that a seed keeps its Vorlage."""

from __future__ import annotations

import math
import random
import re
from fractions import Fraction

from tests.hilfen.zufallsdaten import text

_ROW = re.compile(r"^(      - \{.*)\}$", re.MULTILINE)
GEMEINDEN = ("Altdorf", "Bergheim am See", "Christianstal", "Dornbach", "Eschenweiler")
ZWECKE = ("Sprachkurse", "Beratung", "Begegnungsstätte", "Schulsozialarbeit und Hausaufgabenhilfe im Ganztag")


def _rows(entry: str, extra) -> str:
    """Each row of the entry's `kosten:` given what `extra(index)` adds to its flow mapping."""
    count = iter(range(10**6))
    return _ROW.sub(lambda m: m[1] + extra(next(count)) + "}", entry)


def aufstellung(entry: str, rng: random.Random, summe: Fraction) -> str:
    """Groups (in €, T€ or Mio. €), free columns, a fund with its rest and a word for the sum – each one time in
    three."""
    if rng.random() < 0.35:
        size = rng.randint(1, 4)
        # each group one run of rows: the engine prints a group's Zwischensumme after each of its runs
        entry = _rows(entry, lambda i: f", gruppe: {text(f'Bezirk {i // size + 1}')}")
    if rng.random() < 0.35:
        entry = entry.replace("    kosten:\n", "    spalten: [Gemeinde, Zweck, Aktenzeichen]\n    kosten:\n", 1)
        entry = _rows(
            entry,
            lambda i: (
                f", felder: {{Gemeinde: {text(rng.choice(GEMEINDEN))}, Zweck: {text(rng.choice(ZWECKE))}, "
                f"Aktenzeichen: {text(f'61.{rng.randint(1, 9)}-{2029 + i % 2}/{rng.randint(1, 999):03d}')}}}"
            ),
        )
    if rng.random() < 0.3:
        fonds = math.ceil(summe * Fraction(rng.randint(100, 160), 100))
        entry = entry.replace(
            "    kosten:\n", f'    fonds: "{fonds}"\n    fonds_als: Landesmittel 2030\n    kosten:\n', 1
        )
    if rng.random() < 0.3:
        entry = entry.replace(
            "    kosten:\n", f"    summe_als: {rng.choice(['Kosten insgesamt', 'Zusammen'])}\n    kosten:\n", 1
        )
    return entry


def matrix(entry: str, rng: random.Random) -> str:
    """No row sums or no column sums (one time in four each), or a word of its own for them."""
    draw = rng.random()
    if draw < 0.25:
        return entry.replace("    zeilen:\n", "    zeilensummen: false\n    zeilen:\n", 1)
    if draw < 0.5:
        return entry.replace("    zeilen:\n", "    spaltensummen: false\n    zeilen:\n", 1)
    if draw < 0.65:
        return entry.replace("    zeilen:\n", "    summe_als: Insgesamt\n    zeilen:\n", 1)
    return entry


def finanzierungsplan(entry: str, rng: random.Random) -> str:
    """Two scenarios side by side where a source takes the rest (a Fehlbedarf may meet its cap): the first as it is, the second with the first
    source's rate lowered (one time in four)."""
    first = re.search(r"\{id: q0, .*?(foerdersatz|anteil|festbetrag): ([\d./]+)", entry)
    if first is None or "rest: true" not in entry or rng.random() >= 0.25:
        return entry
    kind, value = first[1], first[2]
    lowered = {
        "foerdersatz": lambda: str(round(float(value) / 2, 2)),
        "anteil": lambda: f"1/{int(value.split('/')[1]) + 1}",
        "festbetrag": lambda: str(int(Fraction(value) / 2)),
    }[kind]()
    szenarien = (
        "    szenarien:\n      - {id: a, name: Förderung wie beantragt, quellen: {}}\n"
        f"      - {{id: b, name: Förderung gemindert, quellen: {{q0: {{{kind}: {lowered}}}}}}}\n"
    )
    return entry + szenarien
