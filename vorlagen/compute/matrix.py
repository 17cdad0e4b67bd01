"""Matrix: rows × columns of years or categories (Träger × Vorjahre/2015/Folgejahre), each cell typed or computed
by a formula, the sum of each row and of each column and the total – `erwartet` on any cell or sum."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from vorlagen.compute.grenzen import Texte, tabellengrenzen
from vorlagen.compute.names import Named
from vorlagen.compute.periode import JAHRESWERTE
from vorlagen.compute.tabelle import Auswerten, Tabelle, Zeilen
from vorlagen.compute.vergleich import dezimal, getippt, nachkommastellen
from vorlagen.core.fmt import Zahlformat, zahl
from vorlagen.core.money import CENT, Rundung, exact, round_half_up
from vorlagen.core.problems import Problem, Where
from vorlagen.load.finanzen import Berechnung
from vorlagen.load.saetze import Satz

LEER = "–"  # a cell without a value


@dataclass
class Matrixzeile(Named):
    """One row: a value per column (None: the cell is empty) and their sum."""

    id: str | None
    als: str
    werte: dict[str, Decimal | None]
    summe: Decimal


@dataclass
class Matrix(Tabelle):
    """Rows × columns with the sum of each row (`zeilen[…].summe`), of each column (`summen[…]`) and all (`summe`)."""

    spalten: list[str]
    einheit: str  # Euro, Stellen, Anzahl
    stellen: int  # decimal places to print values that are no money (as many as the data has)
    summen: dict[str, Decimal]  # column → its sum
    summe: Decimal
    summe_als: str = "Summe"
    zeilenkopf: str = ""
    zeilensummen: bool = True
    spaltensummen: bool = True

    def wert(self, value: Decimal | None) -> str:
        """A cell or sum as the table prints it; an empty cell as „–“."""
        if value is None:
            return LEER
        return (
            self._zahlformat.euro_or_cent(value, self.quantum) if self.einheit == "Euro" else zahl(value, self.stellen)
        )


def matrix(
    berechnung: Berechnung,
    saetze: dict[str, Satz],
    rundung: Rundung,
    zahlformat: Zahlformat,
    auswerten: Auswerten | None = None,
) -> tuple[Matrix | None, list[Problem]]:
    """A Matrix; a cell under `formeln` is read by `auswerten(formel, dimension)`, exact to six places like a line of
    a Vergleich: amounts with cents print with cents, more than two places in euros are a problem."""
    problems: list[Problem] = []
    dimension = {"Euro": "€", "Stellen": "VZÄ"}.get(berechnung.einheit, "")
    name = f"Berechnung „{berechnung.id}“"
    rows = Zeilen()
    for z in berechnung.zeilen:
        werte: dict[str, Decimal | None] = {}
        for spalte in berechnung.spalten:
            werte[spalte] = None
            try:
                if spalte in z.zellen:
                    werte[spalte] = _cent(berechnung, z.zellen[spalte], z.zellen[spalte], zahlformat)
                elif spalte in z.formeln:
                    assert auswerten is not None  # a table that reads figures is computed after them
                    value = round_half_up(auswerten(z.formeln[spalte], dimension), Decimal("0.000001"))
                    werte[spalte] = _cent(berechnung, value, None, zahlformat)
            except ValueError as error:
                key = "zellen" if spalte in z.zellen else "formeln"
                problems.append(Problem(z.where(key), f"{name}, Zeile „{z.als}“, Spalte „{spalte}“: {error}"))
        summe = sum((v for v in werte.values() if v is not None), Decimal(0))
        rows.append(Matrixzeile(z.id, z.als, werte, summe))
    if problems:
        return None, problems
    values = [v for r in rows for v in r.werte.values() if v is not None]
    places = max((nachkommastellen(v) for v in values), default=0)
    quantum = CENT if berechnung.einheit == "Euro" and places > 0 else rundung.quantum
    summen = {s: sum((r.werte[s] for r in rows if r.werte[s] is not None), Decimal(0)) for s in berechnung.spalten}
    table = Matrix(
        berechnung.id,
        berechnung.art,
        berechnung.titel,
        berechnung.titel,
        None,
        JAHRESWERTE,
        rows,
        berechnung,
        quantum,
        zahlformat,
        list(berechnung.spalten),
        berechnung.einheit,
        places,
        summen,
        sum(summen.values(), Decimal(0)),
        berechnung.summe_als or "Summe",
        berechnung.zeilenkopf or "",
        berechnung.zeilensummen,
        berechnung.spaltensummen,
    )
    return table, _erwartet(table) + _grenzen(table)


def _grenzen(t: Matrix) -> list[Problem]:
    """`hoechstens` and `mindestens` of each cell and row sum (on the row) and of each column sum and the total (on
    the table)."""
    texte = Texte(lambda v: getippt(t, dezimal(v)))
    name = f"Berechnung „{t.id}“"
    problems = []
    for z, row in zip(t.berechnung.zeilen, t.zeilen, strict=True):
        felder = [(f"zellen:{s}", f"Zeile „{row.als}“, Spalte „{s}“", row.werte.get(s)) for s in t.spalten]
        problems += tabellengrenzen(
            z, [*felder, ("summe", f"Zeile „{row.als}“, {t.summe_als}", row.summe)], texte, name
        )
    felder = [(f"spalten:{s}", f"Spalte „{s}“, {t.summe_als}", t.summen.get(s)) for s in t.spalten]
    felder.append(("summe", f"{t.summe_als} aller Zellen", t.summe))
    return problems + tabellengrenzen(t.berechnung, felder, texte, name)


def _cent(berechnung: Berechnung, value: Decimal, typed: Decimal | None, zahlformat: Zahlformat) -> Decimal:
    """An amount in euros has at most two places (ValueError, German); a typed „1.500“, which may mean 1.500 € or
    1,50 €, is refused when it is read (load/schreibweise.py)."""
    if berechnung.einheit != "Euro":
        return value
    exponent = typed.as_tuple().exponent if typed is not None else 0
    if typed is not None and isinstance(exponent, int) and exponent < -2:
        text = str(typed)
        raise ValueError(f"Ein Betrag hat höchstens zwei Nachkommastellen (Cent), nicht „{text}“.")
    if nachkommastellen(value) > 2:
        raise ValueError(
            f"Die Formel ergibt {zahl(value)}\u00a0{zahlformat.geldeinheit('€')} – Beträge in Euro haben höchstens zwei Nachkommastellen (Cent); "
            "runden Sie in einer Zahl unter „zahlen“ und lesen Sie diese."
        )
    return value


def _erwartet(t: Matrix) -> list[Problem]:
    """Each cell's, row's and column's `erwartet` against what the table prints."""
    problems = []
    name = f"Berechnung „{t.id}“"

    def check(where: Where, was: str, value: Decimal | None, expected: Decimal) -> None:
        if value is None or exact(value) != exact(expected):
            problems.append(
                Problem(
                    where,
                    f"{name}, {was}: berechnet {t.wert(value)}, erwartet {getippt(t, expected)} – prüfen Sie den "
                    "erwarteten Wert und die Eingangswerte.",
                )
            )

    for z, row in zip(t.berechnung.zeilen, t.zeilen, strict=True):
        e = z.erwartet
        if e is None:
            continue
        for spalte, expected in e.zellen.items():
            check(e.where("zellen"), f"Zeile „{row.als}“, Spalte „{spalte}“", row.werte.get(spalte), expected)
        if e.summe is not None:
            check(e.where("summe"), f"Zeile „{row.als}“, {t.summe_als}", row.summe, e.summe)
    erwartet = t.berechnung.erwartet
    if erwartet is not None:
        for spalte, expected in erwartet.spalten.items():
            check(erwartet.where("spalten"), f"Spalte „{spalte}“, {t.summe_als}", t.summen.get(spalte), expected)
        if erwartet.summe is not None:
            check(erwartet.where("summe"), f"{t.summe_als} aller Zellen", t.summe, erwartet.summe)
    return problems
