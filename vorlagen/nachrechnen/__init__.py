"""`nachrechnen`: recomputes the arithmetic of a Vorlage typed in Word (PDF, DOCX, TXT, MD)."""

from __future__ import annotations

import sys
from decimal import localcontext
from pathlib import Path

from vorlagen.core.fmt import anzahl
from vorlagen.core.problems import BuildFailed

# Digits of exact decimal arithmetic while documents are checked and reported: a product of several figures of up to
# lesen/zahlenlesen.MAX_DIGITS digits and its rounding to the cent stay exact (the default 28 digits ended such a
# product, typed by an adversary, in a traceback); every figure is so bounded, so no value outgrows it.
PRECISION = 200


def run(dateien: list[Path], as_json: bool = False) -> int:
    """Checks each file; 0: all recognised calculations hold, 1: a slip, 2: a file could not be read."""
    with localcontext() as context:
        context.prec = PRECISION
        return _run(dateien, as_json)


def _run(dateien: list[Path], as_json: bool) -> int:
    from vorlagen.nachrechnen.bericht.daten import render_json
    from vorlagen.nachrechnen.bericht.klartext import render_text
    from vorlagen.nachrechnen.pruefen import check_file
    from vorlagen.nachrechnen.urteil.nachgerechnet import FEHLER

    results, problems = [], []
    for datei in dateien:
        try:
            results.append(check_file(datei))
        except BuildFailed as failed:
            problems += [str(p) for p in failed.problems]
        except MemoryError:  # every read is bounded; a machine with very little memory may still run out
            problems.append(
                f"{datei}: Der Arbeitsspeicher reicht für diese Datei nicht – rechnen Sie nur den Teil "
                "mit den Zahlen nach (als eigene Datei gespeichert)."
            )
    if as_json:
        sys.stdout.write(render_json(results, problems))
    else:
        sys.stdout.write("\n".join(render_text(r) for r in results))
        if len(dateien) > 1:
            slips = sum(r.zaehle(FEHLER) for r in results)
            print(
                f"\nInsgesamt: {len(results)} von {anzahl(len(dateien), 'Datei', 'Dateien')} nachgerechnet, "
                f"{slips} Fehler gefunden."
            )
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 2
    return 1 if any(r.zaehle(FEHLER) for r in results) else 0
