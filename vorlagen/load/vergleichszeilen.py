"""The rows of a Vergleich and of a Matrix, the Vergleich's own comparison columns, and what a Matrix must be
(rows × columns of years or categories, typed or computed cells, sums both ways)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Protocol

from vorlagen.core.problems import Problem, Where
from vorlagen.load.records import Record, doc, record
from vorlagen.load.werte import Prozentsatz


@record
class Vergleichserwartung(Record):
    alt: Decimal | None = doc("alter Stand", default=None)
    neu: Decimal | None = doc("neuer Stand", default=None)
    differenz: Decimal | None = doc("Veränderung", default=None)
    prozent: Prozentsatz | None = doc("Veränderung in Prozent, z. B. 1.15 oder „1.15 %“", default=None)
    zellen: dict[str, Decimal] = doc(
        "Matrix: Wert je Spalte; Vergleich: Wert je eigener Vergleichsspalte (ihr Kopf), bei % in Prozent",
        factory=dict,
    )
    summe: Decimal | None = doc("Matrix: Summe der Zeile", default=None)


@record
class Vergleichszeile(Record):
    id: str | None = doc("Name für Texte und für abgeleitete Zeilen (plus/minus)", default=None)
    als: str = doc("Bezeichnung, z. B. Stellen insgesamt")
    werte: list[Decimal] = doc("[alter Stand, neuer Stand] …", factory=list)
    aus: list[str] = doc(
        "… oder zwei Formeln wie bei „zahlen“, z. B. [zahlen-alt, finanzierung.plan.zuwendung] …", factory=list
    )
    plus: list[str] = doc("… oder Summe dieser Zeilen (ids)", factory=list)
    minus: list[str] = doc("… abzüglich dieser Zeilen", factory=list)
    zellen: dict[str, Decimal] = doc(
        "Matrix: Wert je Spalte, z. B. {2015: 50000, Folgejahre: 134000}; eine Spalte ohne Wert bleibt leer",
        factory=dict,
    )
    formeln: dict[str, str] = doc("Matrix: Formel je Spalte wie bei „zahlen“, z. B. {2016: zahlen-2016}", factory=dict)
    erwartet: Vergleichserwartung | None = doc("Werte laut Vorlage, werden nachgerechnet", default=None)
    hoechstens: Vergleichserwartung | None = doc(
        "Obergrenzen der Werte, geschrieben wie „erwartet“, z. B. {prozent: 10}; eine überschrittene ist ein Fehler",
        default=None,
    )
    mindestens: Vergleichserwartung | None = doc(
        "Untergrenzen der Werte, geschrieben wie „erwartet“; eine unterschrittene ist ein Fehler", default=None
    )

    def check(self) -> list[Problem]:
        if self.zellen or self.formeln:
            return self._matrix()
        problems: list[Problem] = []
        ways = [bool(self.werte), bool(self.aus), bool(self.plus or self.minus)]
        if sum(ways) > 1:
            problems.append(
                Problem(
                    self.where("werte"),
                    f"Zeile „{self.als}“: Geben Sie genau eines an: „werte“, „aus“ oder „plus“/„minus“.",
                )
            )
        elif not self.werte and not self.aus and not self.plus:
            problems.append(
                Problem(
                    self.where("als"),
                    f"Zeile „{self.als}“: Es fehlen „werte: [alt, neu]“, „aus: [formel, formel]“ oder „plus: [zeile, …]“ "
                    "(in einer Matrix: „zellen: {Spalte: Wert}“).",
                )
            )
        elif self.werte and len(self.werte) != 2:
            problems.append(
                Problem(
                    self.where("werte"),
                    f"Zeile „{self.als}“: „werte“ braucht genau zwei Zahlen [alt, neu], nicht {len(self.werte)}.",
                )
            )
        elif self.aus and len(self.aus) != 2:
            problems.append(
                Problem(
                    self.where("aus"),
                    f"Zeile „{self.als}“: „aus“ braucht genau zwei Formeln [alt, neu], nicht {len(self.aus)}.",
                )
            )
        return problems

    def _matrix(self) -> list[Problem]:
        problems = [
            Problem(
                self.where(key),
                f"Zeile „{self.als}“: „{key}“ gehört zu einem Vergleich, „zellen“ und „formeln“ zu einer Matrix – "
                "eine Zeile hat nur eines von beiden.",
            )
            for key in ("werte", "aus", "plus", "minus")
            if key in self._lines
        ]
        for spalte in set(self.zellen) & set(self.formeln):
            problems.append(
                Problem(
                    self.where("formeln"),
                    f"Zeile „{self.als}“: Die Spalte „{spalte}“ hat einen Wert unter „zellen“ und eine Formel unter "
                    "„formeln“ – streichen Sie eines von beiden.",
                )
            )
        return problems


@record
class Vergleichsspalte(Record):
    als: str = doc("Kopf der Spalte, z. B. Überschreitung oder Quote")
    rechnung: Literal["neu - alt", "alt - neu", "(neu - alt) / alt", "neu / alt"] = doc(
        "was die Spalte zeigt: neu - alt (Veränderung), alt - neu (z. B. Ansatz − Ausgaben), "
        "(neu - alt) / alt (Veränderung in %), neu / alt (Anteil in %)"
    )
    vorzeichen: bool = doc("Differenzen mit Vorzeichen drucken (+, −, ±); false: nur ein Minus", default=True)


class _Erwartet(Protocol):
    @property
    def spalten(self) -> dict[str, Decimal]: ...

    def where(self, name: str | None = None) -> Where: ...


class _Berechnung(Protocol):
    """What the checks read of a Berechnung (load/finanzen.py imports this module, so it cannot name the class, nor
    that of its Erwartet)."""

    @property
    def spalten(self) -> list[str]: ...

    @property
    def zeilen(self) -> list[Vergleichszeile]: ...

    @property
    def vergleichsspalten(self) -> list[Vergleichsspalte] | None: ...

    @property
    def zeilensummen(self) -> bool: ...

    @property
    def summe_als(self) -> str | None: ...

    @property
    def erwartet(self) -> _Erwartet | None: ...

    def where(self, name: str | None = None) -> Where: ...


def matrix_probleme(b: _Berechnung) -> list[Problem]:
    """What a Berechnung of the art Matrix must be, beyond its record."""
    problems = _matrix_namen(b)
    for z in b.zeilen:
        problems += _matrixzeile_probleme(b, z)
    if b.erwartet is not None:
        for spalte in b.erwartet.spalten:
            if spalte not in b.spalten:
                problems.append(
                    Problem(
                        b.erwartet.where("spalten"),
                        f"Erwartet für die Spalte „{spalte}“, die es nicht gibt – Spalten: {', '.join(b.spalten)}.",
                    )
                )
    return problems


def vergleich_probleme(b: _Berechnung) -> list[Problem]:
    """A Vergleich has two states; its rows have no cells of a Matrix, and its own columns have heads of their own."""
    problems: list[Problem] = []
    if b.spalten and len(b.spalten) != 2:
        problems.append(
            Problem(
                b.where("spalten"),
                "Ein Vergleich hat genau zwei Stände, z. B. spalten: [Stellenplan 2022, Stellenplan 2023].",
            )
        )
    problems += [
        Problem(
            z.where("zellen" if z.zellen else "formeln"),
            f"Zeile „{z.als}“: „zellen“ und „formeln“ gibt es nur in einer Matrix – ein Vergleich hat „werte: [alt, neu]“.",
        )
        for z in b.zeilen
        if z.zellen or z.formeln
    ]
    koepfe = [s.als for s in b.vergleichsspalten or []]
    for kopf in {k for k in koepfe if koepfe.count(k) > 1}:
        problems.append(
            Problem(
                b.where("vergleichsspalten"),
                f"Die Vergleichsspalte „{kopf}“ steht doppelt – geben Sie jeder Spalte einen eigenen Kopf.",
            )
        )
    for kopf in sorted(set(koepfe) & set(b.spalten)):
        problems.append(
            Problem(
                b.where("vergleichsspalten"),
                f"Die Vergleichsspalte „{kopf}“ heißt wie einer der beiden Stände – geben Sie ihr einen eigenen Kopf.",
            )
        )
    return problems


def _matrix_namen(b: _Berechnung) -> list[Problem]:
    """A Matrix names each column and each row once, and no column like the sum of a row."""
    problems = []
    summe = b.summe_als or "Summe"
    for spalte in {s for s in b.spalten if b.spalten.count(s) > 1}:
        problems.append(
            Problem(b.where("spalten"), f"Die Spalte „{spalte}“ steht doppelt in „spalten“ – jede Spalte einmal.")
        )
    if summe in b.spalten and b.zeilensummen:
        problems.append(
            Problem(
                b.where("spalten"),
                f"Eine Spalte heißt „{summe}“ wie die Summe jeder Zeile – nennen Sie die Spalte anders oder die Summe "
                "mit „summe_als“.",
            )
        )
    ids = [z.id or z.als for z in b.zeilen]
    for name in {n for n in ids if ids.count(n) > 1}:
        problems.append(
            Problem(b.where("zeilen"), f"Die Zeile „{name}“ steht doppelt – geben Sie jeder Zeile eine eigene „id“.")
        )
    return problems


def _matrixzeile_probleme(b: _Berechnung, z: Vergleichszeile) -> list[Problem]:
    """A row of a Matrix has cells (or formulas) in its columns, and expects values only of cells there are."""
    problems = []
    if not z.zellen and not z.formeln:
        problems.append(
            Problem(
                z.where("als"),
                f"Zeile „{z.als}“: Eine Zeile einer Matrix hat „zellen: {{Spalte: Wert}}“ (oder „formeln“), z. B. "
                f"zellen: {{{b.spalten[0] if b.spalten else '2024'}: 1000}}.",
            )
        )
    for key in ("zellen", "formeln"):
        for spalte in getattr(z, key):
            if spalte not in b.spalten:
                problems.append(
                    Problem(
                        z.where(key),
                        f"Zeile „{z.als}“: Die Spalte „{spalte}“ steht nicht in „spalten“ "
                        f"({', '.join(b.spalten) or 'keine'}) – ergänzen Sie sie dort oder prüfen Sie die Schreibweise.",
                    )
                )
    erwartet = z.erwartet
    if erwartet is not None:
        for key in ("alt", "neu", "differenz", "prozent"):
            if key in erwartet._lines:
                problems.append(
                    Problem(
                        erwartet.where(key),
                        f"„{key}“ gibt es in einer Matrix nicht – erwartet werden „zellen: {{Spalte: Wert}}“ und „summe“.",
                    )
                )
        for spalte in erwartet.zellen:
            if spalte not in b.spalten:
                problems.append(
                    Problem(
                        erwartet.where("zellen"),
                        f"Zeile „{z.als}“: erwartet für die Spalte „{spalte}“, die es nicht gibt – Spalten: {', '.join(b.spalten)}.",
                    )
                )
    return problems
