"""Aufstellung: items and their sum, as a view over facts and figures – free columns, groups with subtotals,
rows that are figures, display in T€ or Mio. €, and a fund the rows must use up or whose rest is named."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from vorlagen.compute.darstellung import STELLEN
from vorlagen.compute.einheiten import SKALA
from vorlagen.compute.names import Named
from vorlagen.compute.tabelle import Auswerten, Tabelle, Zeile, Zeilen, cents_lost, periode_of, ueberschrift_von
from vorlagen.compute.tabellenzeilen import zeilen
from vorlagen.core.fmt import NBSP, Zahlformat, zahl, zeigt_null
from vorlagen.core.money import Rundung, below, round_half_up, split_largest_remainder
from vorlagen.core.problems import Problem
from vorlagen.load.finanzen import Berechnung
from vorlagen.load.saetze import Satz

ANZEIGEN = ("€", "T€", "Mio. €", "Mrd. €")  # from the smallest unit to the largest


@dataclass
class Gruppe(Named):
    """Rows of one `gruppe` and their subtotal."""

    als: str
    zeilen: list[Zeile]
    summe: Decimal


@dataclass
class Aufstellung(Tabelle):
    """Items and their sum (e.g. the maximum annual funding of a programme, grants per Kommune)."""

    summe: Decimal
    summe_als: str
    jahre: dict[int, Decimal]
    spalten: list[str] = field(default_factory=list)  # free columns, e.g. Kommune, Zweck
    gruppen: list[Gruppe] = field(default_factory=list)
    anzeige: str = "€"
    fonds: Decimal | None = None
    fonds_als: str = "Fonds"
    alternative: str | None = None

    @property
    def rest(self) -> Decimal:
        """What the fund keeps after the rows (0 without a fund)."""
        return Decimal(0) if self.fonds is None else self.fonds - self.summe

    @property
    def berechnung_zeigen(self) -> bool:
        """Whether a row's computation says more than its amount (a 'Berechnung' column is worth printing)."""
        return any(
            z.text
            and z.text.replace(NBSP, " ") != self._zahlformat.euro_or_cent(z.betrag, self.quantum).replace(NBSP, " ")
            for z in self.zeilen
        )

    def betrag(self, value: Decimal) -> str:
        """An amount as the table prints it: in € with its sign, or in T€/Mio. € as a number (the unit in the head)."""
        if self.anzeige == "€":
            return self._zahlformat.euro_or_cent(value, self.quantum)
        return zahl(value / SKALA[self.anzeige], STELLEN[self.anzeige])

    def null_gedruckt(self) -> list[Zeile]:
        """The rows that are not zero but print as zero in the chosen unit."""
        werte, _ = self.gezeigt()
        return [z for z, shown in zip(self.zeilen, werte, strict=True) if z.betrag != 0 and zeigt_null(shown)]

    def gezeigt(self) -> tuple[list[str], str]:
        """The rows and the sum as printed. In T€ or Mio. € each row is rounded so that the shown rows add up to
        the shown sum (largest remainder): a printed column that does not add up would look like a slip."""
        verteilt = self._verteilt()
        if verteilt is None:
            return [self.betrag(z.betrag) for z in self.zeilen], self.betrag(self.summe)
        rows, total, _ = verteilt
        return [self.betrag(rows[i]) for i in range(len(self.zeilen))], self.betrag(total)

    def rest_gezeigt(self) -> str:
        """The fund's rest as printed: in T€ or Mio. € the printed fund less the printed sum, so that the three
        lines under the table add up as they stand."""
        if self.anzeige == "€" or self.fonds is None:
            return self.betrag(self.rest)
        step = Decimal(1).scaleb(-STELLEN[self.anzeige]) * SKALA[self.anzeige]
        verteilt = self._verteilt()
        summe = round_half_up(self.summe, step) if verteilt is None else verteilt[1]
        return self.betrag(round_half_up(self.fonds, step) - summe)

    def zwischensumme(self, gruppe: Gruppe) -> str:
        """A group's Zwischensumme as printed: in T€ or Mio. € its share of the shown sum, which its shown rows
        add up to."""
        verteilt = self._verteilt()
        return self.betrag(gruppe.summe if verteilt is None else verteilt[2][gruppe.als])

    def _verteilt(self) -> tuple[dict[int, Decimal], Decimal, dict[str, Decimal]] | None:
        """In T€ or Mio. € (rows not negative, a sum above zero): the sum rounded kaufmännisch, split by largest
        remainder over the groups (by their sums) and the rows outside a group, then each group's share over its
        rows – the shown rows, Zwischensummen and sum add up at every level. None where amounts print as computed."""
        if self.anzeige == "€" or not self.zeilen or any(z.betrag < 0 for z in self.zeilen) or self.summe <= 0:
            return None
        step = Decimal(1).scaleb(-STELLEN[self.anzeige]) * SKALA[self.anzeige]
        total = round_half_up(self.summe, step)
        einheiten: dict[str | int, Decimal] = {}  # a group by its name, a row outside a group by its index
        for i, z in enumerate(self.zeilen):
            key = z.position.gruppe if z.position.gruppe is not None else i
            einheiten[key] = einheiten.get(key, Decimal(0)) + z.betrag
        teile = split_largest_remainder(total, einheiten, step)
        rows = {key: teil for key, teil in teile.items() if isinstance(key, int)}
        for g in self.gruppen:
            members = {i: z.betrag for i, z in enumerate(self.zeilen) if z.position.gruppe == g.als}
            if teile[g.als] == 0:
                rows |= {i: teile[g.als] for i in members}
            else:
                rows |= split_largest_remainder(teile[g.als], members, step)
        return rows, total, {g.als: teile[g.als] for g in self.gruppen}


def aufstellung(
    berechnung: Berechnung,
    saetze: dict[str, Satz],
    rundung: Rundung,
    zahlformat: Zahlformat,
    auswerten: Auswerten | None = None,
) -> tuple[Aufstellung | None, list[Problem]]:
    periode_, problems = periode_of(berechnung)
    if periode_ is None:
        return None, problems
    rows, found = zeilen(
        berechnung, berechnung.kosten, lambda p: p.als or "", False, saetze, periode_, rundung, zahlformat, auswerten
    )
    fonds = None
    if berechnung.fonds is not None:
        assert auswerten is not None  # a table that reads figures is computed after them
        try:
            value = auswerten(berechnung.fonds, "€")
        except ValueError as error:
            found.append(Problem(berechnung.where("fonds"), f"Berechnung „{berechnung.id}“, Fonds: {error}"))
        else:
            if below(value, rundung.quantum):
                found.append(
                    cents_lost(
                        berechnung.where("fonds"), "der Fonds", value, zahlformat, f"Berechnung „{berechnung.id}“"
                    )
                )
            fonds = rundung.runde(value)
    if found:
        return None, problems + found
    summe = sum((z.betrag for z in rows), Decimal(0))
    jahre = {y: sum((z.jahre[y] for z in rows), Decimal(0)) for y in periode_.gewichte}
    gruppen: dict[str, list[Zeile]] = {}
    for z in rows:
        if z.position.gruppe is not None:
            gruppen.setdefault(z.position.gruppe, []).append(z)
    ueberschrift = ueberschrift_von(berechnung)
    table = Aufstellung(
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
        summe,
        berechnung.summe_als or "Summe",
        jahre,
        list(berechnung.spalten),
        [Gruppe(name, members, sum((z.betrag for z in members), Decimal(0))) for name, members in gruppen.items()],
        berechnung.anzeige,
        fonds,
        berechnung.fonds_als or "Fonds",
    )
    problems += _niezeigt_null(table, berechnung, zahlformat)
    if fonds is not None and berechnung.ausschoepfen and table.rest != 0:
        money = lambda value: zahlformat.euro_or_cent(value, rundung.quantum)  # noqa: E731
        problems.append(
            Problem(
                berechnung.where("fonds"),
                f"Berechnung „{berechnung.id}“: Die Zeilen ergeben "
                f"{money(summe)}, der Fonds {money(fonds)} – es "
                f"{'bleiben' if table.rest > 0 else 'fehlen'} "
                f"{money(abs(table.rest))}. Verteilen Sie den Rest oder "
                "streichen Sie „ausschoepfen: true“.",
            )
        )
    return table, problems


def _niezeigt_null(table: Aufstellung, berechnung: Berechnung, zahlformat: Zahlformat) -> list[Problem]:
    """A row that is not zero never prints as zero: each such row, with the largest unit that shows every row."""
    null = table.null_gedruckt()
    if not null:
        return []
    passend = next(
        einheit
        for einheit in reversed(ANZEIGEN[: ANZEIGEN.index(table.anzeige)])
        if not replace(table, anzeige=einheit).null_gedruckt()
    )
    return [
        Problem(
            z.position.where("als") if z.position.als is not None else z.position.where(),
            f"Berechnung „{berechnung.id}“: Die Zeile „{z.als or z.text}“ ({zahlformat.euro_or_cent(z.betrag, table.quantum)}) "
            f"würde in {table.anzeige} als „{table.gezeigt()[0][table.zeilen.index(z)]}“ gedruckt – eine Zahl, die "
            f"nicht null ist, druckt nie als null; zeigen Sie die Aufstellung mit „anzeige: {passend}“.",
        )
        for z in null
    ]
