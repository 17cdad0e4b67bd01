"""Pure financing computation: rows of count × rate, the Eigenanteil table, the summary of Eigenanteile."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from vorlagen.compute.names import Named, NoValue, UnknownName
from vorlagen.compute.periode import Periode, nicht_ganze_monate, periode, zeile
from vorlagen.core.fmt import NBSP, Zahlformat, datum, zahl
from vorlagen.core.money import CENT, Rundung, below, split_largest_remainder
from vorlagen.core.problems import Problem
from vorlagen.load.finanzen import Berechnung, Kostenposition
from vorlagen.load.saetze import Satz
from vorlagen.load.zeitraum import Zeitraum


class Zeilen(list):
    """Rows in order. Texts and formulas read a row by its name: `zeilen["KIM-Förderung"]` is the one row whose id
    or label that is, whatever it looks like ("1" included); a name that is one row's id and another's label is
    ambiguous. Only the engine's templates walk rows by position (`zeilen[i]`, an int)."""

    def __getitem__(self, key):
        if not isinstance(key, str):
            if isinstance(key, int) and not -len(self) <= key < len(self):
                raise UnknownName(key, range(len(self)), "den Zeilen (gezählt ab 0)")
            return super().__getitem__(key)
        found = [z for z in self if z.id == key or z.als == key]
        if len(found) > 1:
            rows = ", ".join(f"„{z.id or z.als}“" for z in found)
            raise NoValue(
                f"„{key}“ nennt mehrere Zeilen dieser Tabelle ({rows}) als id oder Bezeichnung – geben Sie "
                "jeder Zeile eine eigene „id“, die keine andere Zeile als id oder Bezeichnung trägt."
            )
        if not found:
            raise UnknownName(key, {z.id or z.als for z in self}, "den Zeilen dieser Tabelle")
        return found[0]

    def name_von(self, zeile) -> str | None:
        """The name that reads `zeile` (its id, else its label), or None when that name is not unique."""
        name = zeile.id or zeile.als
        try:
            return name if self[name] is zeile else None
        except UnknownName:
            return None


@dataclass
class Zeile(Named):
    """One row of count × rate (or a fixed amount)."""

    id: str | None
    als: str  # 'Gesamtkosten', the deduction's label ('KIM-Förderung') or the item's name
    text: str  # '3,5 x 115.418 € (E11 für 13 Monate)'
    betrag: Decimal  # always positive; `abzug` says the sign
    abzug: bool
    einheit: Decimal  # amount per unit for the period
    anzahl: Decimal
    jahre: dict[int, Decimal]
    position: Kostenposition
    saetze: list[Satz]
    stellen: Decimal | None = Decimal(0)  # VZÄ of the row (anzahl × anteil × VZÄ per unit); None: its rates do not say


def stellen_je_einheit(saetze: list[Satz]) -> Decimal | None:
    """VZÄ per unit of a row of summed rates: a position and its Sachkosten are one Stelle, not two.
    None when no rate says; a ValueError when the rates name different shares of a Stelle."""
    known = {s.vzae for s in saetze if s.vzae is not None}
    if not known:
        return None
    staff = known - {Decimal(0)}
    if len(staff) > 1:
        raise ValueError(", ".join(f"{s.id}: {zahl(s.vzae)}" for s in saetze if s.vzae))
    return staff.pop() if staff else Decimal(0)


@dataclass
class Jahr(Named):
    gesamtkosten: Decimal
    abzuege: Decimal
    eigenanteil: Decimal


@dataclass
class Tabelle(Named):
    """What every table kind has: its name, heading, period and rows."""

    NAME = "Tabelle"  # in messages about unknown names

    id: str
    art: str
    titel: str
    ueberschrift: str
    zeitraum: Zeitraum | None
    periode: Periode
    zeilen: Zeilen
    berechnung: Berechnung
    quantum: Decimal
    _zahlformat: Zahlformat  # how its house prints money (hausstil: waehrung); no name a text reads

    @property
    def monate(self) -> str:
        """The period in words: 'Dezember 2021 bis Dezember 2022'."""
        return self.periode.monate

    @property
    def anzahl_zeilen(self) -> int:
        """How many rows the table has (a text: „drei Posten“ as {{ finanzierung["x"].anzahl_zeilen | zahl }})."""
        return len(self.zeilen)


@dataclass
class Eigenanteilstabelle(Tabelle):
    """Gesamtkosten − Abzüge = Eigenanteil."""

    _stellen: Decimal | None  # VZÄ: the sum over the staff rows among the costs; None where a rate does not say
    gesamtkosten: Decimal
    abzuege: Decimal
    eigenanteil: Decimal
    jahre: dict[int, Jahr]
    alternative: str | None

    @property
    def vzae(self) -> Decimal:
        """The Stellen of the table's cost rows (staff only: Sachkosten and amounts count none)."""
        if self._stellen is None:
            raise NoValue(
                f"Die Berechnung „{self.id}“ nennt keine Stellen: ihre Kostensätze sagen nicht, wie viele "
                "VZÄ eine Einheit ist – tragen Sie beim Satz „vzae“ ein (1 je Vollzeitstelle, 0 für "
                "Sachkosten)."
            )
        return self._stellen


def cents_lost(where, what: str, value, zahlformat: Zahlformat, owner: str) -> Problem:
    """An amount with cents where the computation rounds to whole euros: never rounded away silently."""
    return Problem(
        where,
        f"{owner}: {what} hat Cent ({zahlformat.euro_or_cent(value, CENT)}), gerechnet wird aber auf ganze "
        "Euro – die Cent gingen verloren. Schreiben Sie „rundung: cent“ in die Berechnung (oder in "
        "koerperschaft.yaml), dann rechnet sie auf den Cent genau; oder prüfen Sie den Betrag.",
    )


def ueberschrift_von(berechnung: Berechnung, davor: str = "") -> str:
    """A table's heading: its title (after `davor`), for its Zeitraum where it has one."""
    zeitraum = berechnung.zeitraum
    bis = f" für {datum(zeitraum.von)}–{datum(zeitraum.bis)}" if zeitraum is not None else ""
    return f"{davor}{berechnung.titel}{bis}"


def periode_of(berechnung: Berechnung) -> tuple[Periode | None, list[Problem]]:
    periode_ = periode(berechnung.zeitraum, berechnung.tagesgenau)
    if periode_ is None:  # only a Zeitraum of part months has none
        assert berechnung.zeitraum is not None
        return None, [Problem(berechnung.where("zeitraum"), nicht_ganze_monate(berechnung.zeitraum))]
    return periode_, []


def zeilen(
    berechnung: Berechnung,
    positionen,
    als,
    abzug: bool,
    saetze: dict[str, Satz],
    periode_: Periode,
    rundung: Rundung,
    zahlformat: Zahlformat,
    auswerten=None,
) -> tuple[list[Zeile], list[Problem]]:
    """The rows of positions; rates of different units in one row are a problem. A row with a `formel` (an
    Aufstellung's) is a computed figure, read by `auswerten`."""
    rows, problems = [], []
    owner = f"Berechnung „{berechnung.id}“"
    for p in positionen:
        label = als(p)
        lost = _verlorene_cent(p, saetze, rundung.quantum, zahlformat, owner)
        if lost:
            problems += lost
            continue
        if p.formel is not None:
            row, found = _formelzeile(p, label, abzug, periode_, rundung, zahlformat, owner, auswerten)
        elif p.betrag is not None:
            row, found = _betragszeile(p, label, abzug, periode_, rundung, zahlformat), []
        else:
            row, found = _satzzeile(
                p, label, abzug, [saetze[s] for s in p.saetze], periode_, rundung, zahlformat, berechnung.id
            )
        problems += found
        if row is not None:
            rows.append(row)
    return rows, problems


def _verlorene_cent(
    p: Kostenposition, saetze: dict[str, Satz], quantum: Decimal, zahlformat: Zahlformat, owner: str
) -> list[Problem]:
    """An amount or a rate of the position with cents where the computation rounds to whole euros."""
    lost: list[tuple[str, Decimal]] = [
        (key, value)
        for key, value in (("betrag", p.betrag), ("erwartet", p.erwartet))
        if value is not None and below(value, quantum)
    ]
    lost += [("saetze", saetze[s].betrag) for s in p.saetze if below(saetze[s].betrag, quantum)]
    return [
        cents_lost(p.where(key), f"„{key}“" if key != "saetze" else "ein Satz", value, zahlformat, owner)
        for key, value in lost
    ]


def _formelzeile(
    p: Kostenposition,
    label: str,
    abzug: bool,
    periode_: Periode,
    rundung: Rundung,
    zahlformat: Zahlformat,
    owner: str,
    auswerten,
) -> tuple[Zeile | None, list[Problem]]:
    """The row of a position with a `formel`: its computed figure, rounded."""
    try:
        value = auswerten(p.formel, "€")
    except ValueError as error:
        return None, [Problem(p.where("formel"), f"{owner}, Zeile „{label}“: {error}")]
    if below(value, rundung.quantum):
        return None, [cents_lost(p.where("formel"), f"die Zeile „{label}“", value, zahlformat, owner)]
    betrag = rundung.runde(value)
    return Zeile(
        p.id,
        label,
        p.hinweis or "",
        betrag,
        abzug,
        betrag,
        p.anzahl,
        _split(betrag, periode_.gewichte, rundung),
        p,
        [],
    ), []


def _betragszeile(
    p: Kostenposition, label: str, abzug: bool, periode_: Periode, rundung: Rundung, zahlformat: Zahlformat
) -> Zeile:
    """The row of a position with a `betrag`: count × amount."""
    assert p.betrag is not None
    betrag = rundung.runde(p.anzahl * p.betrag)
    money = zahlformat.euro_or_cent(p.betrag, rundung.quantum)
    text = f"{zahl(p.anzahl)} x {money}" if p.anzahl != 1 else money
    text += f" – {p.hinweis}" if p.hinweis else ""
    return Zeile(
        p.id,
        label,
        text,
        betrag,
        abzug,
        p.betrag,
        p.anzahl,
        _split(betrag, periode_.gewichte, rundung),
        p,
        [],
    )


def _satzzeile(
    p: Kostenposition,
    label: str,
    abzug: bool,
    used: list[Satz],
    periode_: Periode,
    rundung: Rundung,
    zahlformat: Zahlformat,
    berechnung_id: str,
) -> tuple[Zeile | None, list[Problem]]:
    """The row of a position with `saetze`: count × share × the rates of one unit over the period."""
    if len({s.einheit for s in used}) > 1:
        return None, [
            Problem(
                p.where("saetze"),
                "Die Sätze einer Zeile brauchen dieselbe Einheit, hier: "
                + ", ".join(f"{s.id} je {s.einheit}" for s in used)
                + " – verteilen Sie sie auf mehrere Zeilen.",
            )
        ]
    if used[0].einheit == "Monat" and not periode_.text:
        return None, [
            Problem(
                p.where("saetze"),
                f"Der Satz „{used[0].id}“ gilt je Monat; die Berechnung "
                f"„{berechnung_id}“ braucht dafür einen „zeitraum“.",
            )
        ]
    try:
        je_einheit = stellen_je_einheit(used)
    except ValueError as error:
        return None, [
            Problem(
                p.where("saetze"),
                f"Die Sätze einer Zeile nennen verschiedene Stellenanteile "
                f"({error}) – verteilen Sie sie auf mehrere Zeilen.",
            )
        ]
    text, einheit, betrag = zeile(p.anzahl, p.anteil, used, periode_, rundung, zahlformat, p.hinweis)
    return Zeile(
        p.id,
        label,
        text,
        betrag,
        abzug,
        einheit,
        p.anzahl,
        _split(betrag, periode_.gewichte_fuer(used[0].einheit), rundung),
        p,
        used,
        None if je_einheit is None else p.anzahl * p.anteil * je_einheit,
    ), []


def _split(betrag: Decimal, gewichte: dict, rundung: Rundung) -> dict[int, Decimal]:
    return split_largest_remainder(betrag, gewichte, rundung.quantum) if gewichte else {}


def eigenanteil(
    berechnung: Berechnung, saetze: dict[str, Satz], rundung: Rundung, zahlformat: Zahlformat, auswerten=None
) -> tuple[Tabelle | None, list[Problem]]:
    """An Eigenanteil table: Gesamtkosten − Abzüge."""
    periode_, problems = periode_of(berechnung)
    if periode_ is None:
        return None, problems
    rows, found = zeilen(
        berechnung, berechnung.kosten, lambda p: "Gesamtkosten", False, saetze, periode_, rundung, zahlformat
    )
    more, found2 = zeilen(berechnung, berechnung.abzuege, lambda p: p.als, True, saetze, periode_, rundung, zahlformat)
    problems += found + found2
    if found or found2:
        return None, problems
    rows += more
    gesamt = sum((z.betrag for z in rows if not z.abzug), Decimal(0))
    abzuege = sum((z.betrag for z in rows if z.abzug), Decimal(0))
    jahre = {}
    for year in periode_.gewichte:
        g = sum((z.jahre[year] for z in rows if not z.abzug), Decimal(0))
        a = sum((z.jahre[year] for z in rows if z.abzug), Decimal(0))
        jahre[year] = Jahr(g, a, g - a)
    kosten = [z for z in rows if not z.abzug]
    anteile = [z.stellen for z in kosten if z.stellen is not None]
    stellen = sum(anteile, Decimal(0)) if len(anteile) == len(kosten) else None
    assert berechnung.zeitraum is not None  # Berechnung.check: an Eigenanteil has its Zeitraum
    ueberschrift = ueberschrift_von(berechnung, _stellen_text(kosten, stellen))
    if gesamt - abzuege < 0 and not berechnung.negativ:
        problems.append(
            Problem(
                berechnung.where("abzuege"),
                f"Berechnung „{berechnung.id}“: Der Eigenanteil ist negativ "
                f"({zahlformat.euro_or_cent(gesamt - abzuege, rundung.quantum)}), die Abzüge übersteigen die "
                "Gesamtkosten – prüfen Sie Anzahlen und Sätze; ist ein Überschuss gewollt, setzen Sie "
                "„negativ: true“.",
            )
        )
    return Eigenanteilstabelle(
        berechnung.id,
        berechnung.art,
        berechnung.titel,
        ueberschrift,
        berechnung.zeitraum,
        periode_,
        Zeilen(rows),
        berechnung,
        rundung.quantum,
        zahlformat,
        stellen,
        gesamt,
        abzuege,
        gesamt - abzuege,
        jahre,
        berechnung.alternative,
    ), problems


def _stellen_text(kosten: list[Zeile], stellen: Decimal | None) -> str:
    """The heading's Stellen: '3,5 VZÄ ', '3 x 0,75 VZÄ ' for one staff row of whole units, else their sum; none: ''."""
    if not stellen:
        return ""
    staff = [z for z in kosten if z.stellen]
    if len(staff) == 1 and staff[0].stellen == staff[0].anzahl * staff[0].position.anteil:
        z = staff[0]
        if z.position.anteil == 1:
            return f"{zahl(z.anzahl)}{NBSP}VZÄ "
        return f"{zahl(z.anzahl)} x {zahl(z.position.anteil)}{NBSP}VZÄ "
    return f"{zahl(stellen)}{NBSP}VZÄ "  # the number never parts from its unit at the end of a line
