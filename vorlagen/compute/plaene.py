"""Finanzierungsplan: Kosten = Σ Quellen, with the financing types of grant law, per Haushaltsjahr and per scenario."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.names import Named, Names
from vorlagen.compute.tabelle import Auswerten, Tabelle, Zeilen, cents_lost, periode_of, ueberschrift_von
from vorlagen.compute.tabellenzeilen import zeilen
from vorlagen.core.fmt import Zahlformat, zahl
from vorlagen.core.money import Anteil, Rundung, below, exact, ratio, split_largest_remainder
from vorlagen.core.problems import Problem
from vorlagen.load.finanzen import Berechnung
from vorlagen.load.finanzierungsquellen import Quelle, Szenario
from vorlagen.load.records import changed, line_of, suggest
from vorlagen.load.saetze import Satz


@dataclass
class Quellenzeile(Named):
    """One source of a Finanzierungsplan."""

    id: str | None
    als: str  # 'Bund'
    art: str  # Zuwendung, Dritte, Eigenmittel
    text: str  # how it is computed: '80 % der förderfähigen Kosten', 'Anteil 1/3', 'Rest'
    betrag: Decimal
    anteil: Anteil  # share of the Gesamtkosten: exact, printed as its part of the split of 100 % (money.Anteil)
    jahre: dict[int, Decimal]
    quelle: Quelle
    prozent: Decimal = Decimal(0)  # the share as the table prints it: the printed shares add up to 100 %


@dataclass
class Finanzierungsplan(Tabelle):
    """Gesamtkosten (förderfähig and not) = Σ Quellen."""

    gesamtkosten: Decimal
    foerderfaehig: Decimal
    nicht_foerderfaehig: Decimal
    quellen: Zeilen  # Quellenzeile, by position, id or label
    zuwendung: Decimal  # Σ sources of art Zuwendung
    dritte: Decimal
    eigenmittel: Decimal
    foerderquote: Fraction | None  # Zuwendung / förderfähige Kosten
    jahre: dict[int, Decimal]  # Gesamtkosten per Haushaltsjahr
    prozent_stellen: int = 2
    alternative: str | None = None
    szenarien: Names | None = None  # id (or name) → the same plan with that scenario's rates, in order
    szenario_namen: list[str] | None = None  # the scenarios' column heads

    def anteil(self, zeile: Quellenzeile) -> str:
        """A source's share as the table prints it: '33,34 %'; with the other sources' it adds up to 100 %."""
        return zahl(zeile.prozent, self.prozent_stellen) + "\u00a0%"


def _text(q: Quelle, quantum: Decimal, zahlformat: Zahlformat) -> str:
    money = lambda value: zahlformat.euro_or_cent(value, quantum)  # noqa: E731
    if q.foerdersatz is not None:
        text = f"Anteilsfinanzierung: {zahl(q.foerdersatz)} % der förderfähigen Kosten"
    elif q.festbetrag is not None:
        text = "Festbetragsfinanzierung"
    elif q.fehlbedarf:
        text = "Fehlbedarfsfinanzierung"
    elif q.anteil is not None:
        text = f"Anteil {q.anteil.numerator}/{q.anteil.denominator}" if q.anteil != 1 else "Anteil 1/1"
    elif q.betrag is not None:
        text = "fester Betrag"
    else:
        text = "trägt den Rest"
    if q.hoechstbetrag is not None:
        text += f", höchstens {money(q.hoechstbetrag)}"
    if q.rest and (q.anteil is not None or q.foerdersatz is not None):
        text += ", trägt den Rundungsrest"
    return text


def finanzierungsplan(
    berechnung: Berechnung,
    saetze: dict[str, Satz],
    rundung: Rundung,
    zahlformat: Zahlformat,
    auswerten: Auswerten | None = None,
) -> tuple[Finanzierungsplan | None, list[Problem]]:
    """A Finanzierungsplan; with `szenarien`, the same plan once per scenario (the first is the table itself)."""
    if not berechnung.szenarien:
        return _plan(berechnung, saetze, rundung, zahlformat)
    plans, problems = Names(f"den Szenarien der Berechnung „{berechnung.id}“"), []
    for szenario in berechnung.szenarien:
        variant, found = _szenario(berechnung, szenario)
        if not found:
            plan, found = _plan(variant, saetze, rundung, zahlformat)
            found = [Problem(p.where, f"Szenario „{szenario.name}“: {p.message}") for p in found]
            if plan is not None:
                plans[szenario.id or szenario.name] = plan
        problems += found
    if problems:
        return None, problems
    first = next(iter(plans.values()))
    return dataclasses.replace(first, szenarien=plans, szenario_namen=[s.name for s in berechnung.szenarien]), []


def _szenario(berechnung: Berechnung, szenario: Szenario) -> tuple[Berechnung, list[Problem]]:
    """The Berechnung with the scenario's changes to its sources (each source still computed one way)."""
    quellen, problems = [], []
    by_name = {q.id or q.als: q for q in berechnung.quellen} | {q.als: q for q in berechnung.quellen}
    for name in szenario.quellen:
        if name not in by_name:
            problems.append(
                Problem(
                    line_of(szenario.quellen, name),
                    f"Szenario „{szenario.name}“: Die Quelle „{name}“ "
                    f"gibt es nicht{suggest(name, by_name) or '.'} "
                    f"Quellen: {', '.join(q.als for q in berechnung.quellen)}.",
                )
            )
    for q in berechnung.quellen:
        change = (szenario.quellen.get(q.id) if q.id is not None else None) or szenario.quellen.get(q.als)
        if change is None:
            quellen.append(q)
            continue
        given = {
            k: getattr(change, k)
            for k in ("foerdersatz", "anteil", "festbetrag", "betrag", "hoechstbetrag")
            if getattr(change, k) is not None
        }
        ways = ("foerdersatz", "anteil", "festbetrag", "betrag")  # a scenario that names one replaces the source's own
        cleared = dict.fromkeys(ways) if any(k in given for k in ways) else {}
        quellen.append(changed(q, **(cleared | given)))
    return changed(berechnung, quellen=quellen), problems


def _plan(
    berechnung: Berechnung, saetze: dict[str, Satz], rundung: Rundung, zahlformat: Zahlformat
) -> tuple[Finanzierungsplan | None, list[Problem]]:
    """One Finanzierungsplan: the costs by Haushaltsjahr, the amount of each source and its share; or the problems."""
    periode_, problems = periode_of(berechnung)
    if periode_ is None:
        return None, problems
    gewichte = (
        {int(y): w for y, w in berechnung.haushaltsjahre.items()} if berechnung.haushaltsjahre else periode_.gewichte
    )
    if gewichte and sum(gewichte.values()) <= 0 or any(w < 0 for w in gewichte.values()):
        return None, problems + [
            Problem(
                berechnung.where("haushaltsjahre"),
                "Die Gewichte der Haushaltsjahre müssen positiv sein, z. B. {2024: 20, 2025: 50, 2026: 30}.",
            )
        ]
    rows, found = zeilen(
        berechnung, berechnung.kosten, lambda p: p.als or "Kosten", False, saetze, periode_, rundung, zahlformat
    )
    if found:
        return None, problems + found
    split = lambda amount: split_largest_remainder(amount, gewichte, rundung.quantum) if gewichte else {}  # noqa: E731
    for row in rows:
        row.jahre = split(row.betrag)
    gesamt = sum((z.betrag for z in rows), Decimal(0))
    foerderfaehig = sum((z.betrag for z in rows if z.position.foerderfaehig), Decimal(0))
    quellen = berechnung.quellen
    problems += _quellen_pruefen(berechnung, rundung.quantum, zahlformat)
    if problems:
        return None, problems
    betraege = _betraege(quellen, gesamt, foerderfaehig, rundung)
    problems += _betraege_pruefen(berechnung, betraege, gesamt, rundung.quantum, zahlformat)
    if problems:
        return None, problems
    jahre_kosten = {y: sum((z.jahre[y] for z in rows), Decimal(0)) for y in gewichte}
    per_year = {i: split(betraege[i]) for i, q in enumerate(quellen)}
    if gewichte:
        _place_rest(per_year, traeger(quellen, betraege), jahre_kosten, rundung.quantum)
    lines = _quellenzeilen(quellen, betraege, per_year, rundung, zahlformat)
    by_art = lambda art: sum((z.betrag for z in lines if z.art == art), Decimal(0))  # noqa: E731
    ueberschrift = ueberschrift_von(berechnung)
    return Finanzierungsplan(
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
        gesamt,
        foerderfaehig,
        gesamt - foerderfaehig,
        lines,
        by_art("Zuwendung"),
        by_art("Dritte"),
        by_art("Eigenmittel"),
        ratio(by_art("Zuwendung"), foerderfaehig),
        jahre_kosten,
        rundung.prozent_stellen,
    ), []


def _quellen_pruefen(berechnung: Berechnung, quantum: Decimal, zahlformat: Zahlformat) -> list[Problem]:
    """What is wrong with the sources before any amount: two carrying the rest, shares that cannot add up to the
    whole, amounts finer than the rounding."""
    problems = []
    where = berechnung.where("quellen")
    quellen = berechnung.quellen
    for flag, name in ((lambda q: q.rest, "„rest: true“"), (lambda q: q.fehlbedarf, "„fehlbedarf: true“")):
        if sum(1 for q in quellen if flag(q)) > 1:
            problems.append(
                Problem(where, f"Nur eine Quelle darf {name} haben – sie trägt, was die anderen offen lassen.")
            )
    anteile = [q.anteil for q in quellen if q.anteil is not None]
    if sum(anteile, Fraction(0)) > 1 or (len(anteile) == len(quellen) and sum(anteile, Fraction(0)) != 1):
        total = sum(anteile, Fraction(0))
        problems.append(
            Problem(
                where,
                f"Die Anteile der Quellen ergeben {total.numerator}/{total.denominator} statt 1 – "
                "prüfen Sie die Anteile.",
            )
        )
    if len(anteile) == len(quellen) and not any(q.rest for q in quellen):
        problems.append(
            Problem(
                where,
                "Anteile wie 1/3 gehen beim Runden nicht immer auf – setzen Sie bei der Quelle, "
                "die den Rundungsrest trägt, „rest: true“.",
            )
        )
    for q in quellen:
        for key in ("hoechstbetrag", "festbetrag", "betrag"):
            if getattr(q, key) is not None and below(getattr(q, key), quantum):
                problems.append(
                    cents_lost(
                        q.where(key),
                        f"„{key}“ der Quelle „{q.als}“",
                        getattr(q, key),
                        zahlformat,
                        f"Berechnung „{berechnung.id}“",
                    )
                )
    return problems


def _betraege(quellen: list[Quelle], gesamt: Decimal, foerderfaehig: Decimal, rundung: Rundung) -> dict[int, Decimal]:
    """Each source's amount by its position: first those computed on their own, then the Fehlbedarf, then the rest."""
    betraege: dict[int, Decimal] = {}
    for i, q in enumerate(quellen):
        if q.rest or q.fehlbedarf:
            continue
        if q.foerdersatz is not None:
            amount = rundung.runde(exact(foerderfaehig) * exact(q.foerdersatz) / 100)
        elif q.anteil is not None:
            amount = rundung.runde(exact(gesamt) * q.anteil)
        elif q.festbetrag is not None:
            amount = q.festbetrag
        else:
            assert q.betrag is not None  # Quelle.check: one way to its amount, or „rest“ or „fehlbedarf“
            amount = q.betrag
        betraege[i] = min(amount, q.hoechstbetrag) if q.hoechstbetrag is not None else amount
    for i, q in enumerate(quellen):
        if q.fehlbedarf:
            amount = gesamt - sum(betraege.values(), Decimal(0))
            betraege[i] = min(amount, q.hoechstbetrag) if q.hoechstbetrag is not None else amount
    for i, q in enumerate(quellen):
        if q.rest:
            betraege[i] = gesamt - sum(betraege.values(), Decimal(0))
    return betraege


def _betraege_pruefen(
    berechnung: Berechnung, betraege: dict[int, Decimal], gesamt: Decimal, quantum: Decimal, zahlformat: Zahlformat
) -> list[Problem]:
    """The sources' amounts add up to the Gesamtkosten and none is negative."""
    problems = []
    where = berechnung.where("quellen")
    money = lambda value: zahlformat.euro_or_cent(value, quantum)  # noqa: E731
    summe = sum(betraege.values(), Decimal(0))
    if summe != gesamt:
        problems.append(
            Problem(
                where,
                f"Berechnung „{berechnung.id}“: Der Finanzierungsplan geht nicht auf: die Quellen "
                f"ergeben {money(summe)}, die Gesamtkosten {money(gesamt)}, Differenz "
                f"{money(summe - gesamt)} – ergänzen Sie eine Quelle mit „rest: true“ oder "
                "prüfen Sie die Beträge.",
            )
        )
    for i, q in enumerate(berechnung.quellen):
        if betraege[i] < 0:
            problems.append(
                Problem(
                    q.where("als"),
                    f"Berechnung „{berechnung.id}“: Die Quelle „{q.als}“ wird negativ "
                    f"({money(betraege[i])}) – die übrigen Quellen übersteigen die "
                    "Gesamtkosten; prüfen Sie die Beträge.",
                )
            )
    return problems


def _quellenzeilen(
    quellen: list[Quelle],
    betraege: dict[int, Decimal],
    per_year: dict[int, dict[int, Decimal]],
    rundung: Rundung,
    zahlformat: Zahlformat,
) -> Zeilen:
    """The plan's rows of sources, each with its amount, its share and its years."""
    rest = next((i for i, q in enumerate(quellen) if q.rest), None)
    # the rest source comes first, so that on a tie it carries the printed percentages' remainder as well
    order = sorted(betraege, key=lambda i: (i != rest, i))
    anteile_ = {i: Anteil.von({j: betraege[j] for j in order}, i) for i in betraege}
    prozente = {i: a.prozent(rundung.prozent_stellen) for i, a in anteile_.items()}
    return Zeilen(
        Quellenzeile(
            q.id,
            q.als,
            q.art,
            _text(q, rundung.quantum, zahlformat),
            betraege[i],
            anteile_[i],
            per_year[i],
            q,
            prozente[i],
        )
        for i, q in enumerate(quellen)
    )


def traeger(quellen: list[Quelle], betraege: dict[int, Decimal]) -> int:
    """The source that takes in each Haushaltsjahr the costs less the other sources, so that every year column adds
    up: the rest source, else the Fehlbedarf source, else the largest source (the first of equal ones)."""
    for flag in (lambda q: q.rest, lambda q: q.fehlbedarf):
        found = next((i for i, q in enumerate(quellen) if flag(q)), None)
        if found is not None:
            return found
    return max(betraege, key=lambda i: (betraege[i], -i))


def _place_rest(
    per_year: dict[int, dict[int, Decimal]], rest: int, kosten: dict[int, Decimal], quantum: Decimal
) -> None:
    """The carrying source (`traeger`) takes each year's costs less the other sources; where that would go below
    zero, a step of another source moves from that year to the year where the carrier has most (its total
    unchanged), until no year of the carrier is negative. Its total is not negative (checked before), so the moves
    end."""
    others = [i for i in per_year if i != rest]
    years = list(kosten)

    def rest_of(year: int) -> Decimal:
        return kosten[year] - sum((per_year[i][year] for i in others), Decimal(0))

    for _ in range(len(years) * 10_000):
        short = next((y for y in years if rest_of(y) < 0), None)
        if short is None:
            break
        donor = max(others, key=lambda i: per_year[i][short])
        target = max((y for y in years if y != short), key=rest_of)
        per_year[donor][short] -= quantum
        per_year[donor][target] += quantum
    per_year[rest] = {y: rest_of(y) for y in years}
