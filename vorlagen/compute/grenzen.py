"""Bounds: `hoechstens` and `mindestens` of a named figure and of a table's values, written like `erwartet` wherever
it is allowed. A bound holds for the value itself – a figure's value after its own rounding of money (the amount the
Vorlage states), never after a rounding for print (T€, Mio. €, the places of %) –; one that does not is a problem
at its line with both values and the difference."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from vorlagen.compute.darstellung import Darstellung, genau_text
from vorlagen.compute.zahlwert import Groesse, Zahlwert
from vorlagen.core.fmt import NBSP, Zahlformat, zahl
from vorlagen.core.money import CENT, Zahl, exact
from vorlagen.core.problems import Problem, Where
from vorlagen.load.kennzahlen import GELDEINHEITEN, Kennzahl
from vorlagen.load.records import Record

GRENZEN = {"hoechstens": "höchstens", "mindestens": "mindestens"}  # key → as a sentence says it


def haelt(art: str, wert: Zahl, grenze: Zahl) -> bool:
    """Whether `wert` keeps the bound `grenze` of kind `art` (hoechstens: at most, mindestens: at least)."""
    return Fraction(wert) <= Fraction(grenze) if art == "hoechstens" else Fraction(wert) >= Fraction(grenze)


def meldung(was: str, art: str, wert: str, grenze: str, differenz: str, ursache: str = "") -> str:
    """The German sentence of a bound that does not hold; `ursache`: where a rounding of what it reads makes the
    difference, that rounding with its amount."""
    seite = "über" if art == "hoechstens" else "unter"
    return (
        f"{was}: berechnet {wert}, {GRENZEN[art]} {grenze}, Differenz {differenz} – der Wert liegt {seite} seiner "
        f"Grenze{ursache}: prüfen Sie die Eingangswerte und die Grenze."
    )


def _rundungen(z: Zahlwert, zahlformat: Zahlformat) -> str:
    """The roundings of the figures a figure read as printed, for a bound it misses by less than its print shows:
    ' – gelesen, wie gedruckt: „zuwendung“ ist um 0,50 € aufgerundet (genau 166.095,50 €, gelesen 166.096 €)'; ''
    where it read none rounded."""
    teile = []
    for schritt in z.schritte:
        if schritt.gerundet is None:
            continue
        name, einheit, genau, gelesen = schritt.gerundet
        richtung = "aufgerundet" if gelesen > genau else "abgerundet"
        teile.append(
            f"„{name}“ ist um {_betrag(abs(gelesen - genau), einheit, zahlformat)} {richtung} (genau "
            f"{_betrag(genau, einheit, zahlformat)}, gelesen {schritt.wert})"
        )
    return f" – gelesen, wie gedruckt: {'; '.join(teile)}" if teile else ""


def differenz(wert: Fraction, einheit: str, zahlformat: Zahlformat) -> str:
    """A difference with its sign, in base units and with the digits that matter: '+354 €', '−0,5 Prozentpunkte'."""
    text = genau_text(wert, einheit, zahlformat)
    if einheit == "%":
        text = text.replace(f"{NBSP}%", " Prozentpunkte")
    return ("+" if wert > 0 else "") + text


def mit_einheit(value: Zahl, einheit: str, zahlformat: Zahlformat) -> str:
    """A number as `erwartet` and the bounds state it, with the figure's unit: '2.216.000 €', '90 %', '0,52 Mio. €'."""
    return zahl(value) + ("" if einheit == "Anzahl" else NBSP + zahlformat.geldeinheit(einheit).replace(" ", NBSP))


def grenze(wert: Decimal | None, form: Darstellung) -> Groesse | None:
    """A figure's bound as a text quotes it: in the figure's unit and print, with every decimal it was written with
    („hoechstens: 90“ of a %-figure prints „90,00 %“, „90,125“ „90,125 %“)."""
    if wert is None:
        return None
    stellen = max(0, -int(wert.as_tuple().exponent))
    gezeigt = replace(
        form, stellen=None if form.stellen is None else max(form.stellen, stellen), getippt=max(form.getippt, stellen)
    )
    basis = exact(wert) * form.skala()
    return Groesse(basis, gezeigt.text(basis), form.einheit)


def _betrag(wert: Fraction, einheit: str, zahlformat: Zahlformat) -> str:
    """An exact value for the message: money in cents where it has no finer part ('0,50 €'), else its digits."""
    if einheit in GELDEINHEITEN and (wert * 100).denominator == 1:
        return zahlformat.eur_cent(wert)
    return genau_text(wert, einheit, zahlformat)


def zahl_grenzen(k: Kennzahl, z: Zahlwert) -> list[Problem]:
    """The bounds of a named figure that its value does not keep, each at its line."""
    assert z.form is not None  # every computed figure has one
    problems = []
    wert = Fraction(z.gezeigt)
    zahlformat = z.form.zahlformat
    for art in GRENZEN:
        grenze = getattr(k, art)
        if grenze is None:
            continue
        basis = exact(grenze) * z.form.skala()
        if haelt(art, wert, basis):
            continue
        gezeigt, ursache = z.wert.text, ""
        if haelt(art, z.form.gedruckt(wert), basis):  # the print alone would not show it: a rounding may
            gezeigt += f" (genau {genau_text(wert, k.einheit, zahlformat)})"
            ursache = _rundungen(z, zahlformat)
        was = f"Zahl „{k.id}“"
        problems.append(
            Problem(
                k.where(art),
                meldung(
                    was,
                    art,
                    gezeigt,
                    mit_einheit(grenze, k.einheit, zahlformat),
                    differenz(wert - basis, k.einheit, zahlformat),
                    ursache,
                ),
            )
        )
    return problems


class Texte:
    """How a table prints a value, a bound and a difference in messages about its bounds."""

    def __init__(
        self,
        wert: Callable[[Any], str],
        grenze: Callable[[Any], str] | None = None,
        diff: Callable[[Any], str] | None = None,
    ) -> None:
        self.wert = wert
        self.grenze = grenze or wert
        self.diff = diff or (lambda d: ("+" if d > 0 else "") + self.wert(d))


def tabellengrenzen(owner: Record, felder: list[tuple], texte: Texte, name: str) -> list[Problem]:
    """The bounds of a table's values that do not hold, and bounds of values the table does not have. `owner`
    carries `hoechstens` and `mindestens` – records like its `erwartet`, or a value for a row's own amount;
    `felder` are (key in that record – '' for the owner's own value, 'zellen:Kopf' for an entry of a group –, what
    it is as a message says it, its value[, its own Texte instead of `texte`])."""
    problems = []
    for art in GRENZEN:
        grenzen = getattr(owner, art, None)
        if grenzen is None:
            continue
        bekannt = set()
        for key, was, wert, *eigene in felder:
            gedruckt = eigene[0] if eigene else texte
            gruppe, _, eintrag = key.partition(":")
            grenze = (
                grenzen
                if key == ""
                else (getattr(grenzen, gruppe) or {}).get(eintrag)
                if eintrag
                else getattr(grenzen, key, None)
            )
            bekannt.add((gruppe, eintrag))
            if grenze is None or wert is None or haelt(art, wert, grenze):
                continue
            diff = Fraction(wert) - Fraction(grenze)
            where: Where = owner.where(art) if key == "" else grenzen.where(gruppe)
            text = meldung(f"{name}, {was}", art, gedruckt.wert(wert), gedruckt.grenze(grenze), gedruckt.diff(diff))
            problems.append(Problem(where, text))
        if felder and felder[0][0] != "":
            problems += _unbekannt(grenzen, art, bekannt, name)
    return problems


def _unbekannt(grenzen: Record, art: str, bekannt: set[tuple[str, str]], name: str) -> list[Problem]:
    """A bound of a value the table does not have: never a bound that is silently not checked."""
    problems = []
    for key in getattr(grenzen, "_lines", {}):
        value = getattr(grenzen, key, None)
        eintraege = list(value) if isinstance(value, dict) else [""]
        for eintrag in eintraege:
            if (key, eintrag) in bekannt or value is None or value == {}:
                continue
            vorhanden = ", ".join(sorted({f"{g}: {e}" if e else g for g, e in bekannt})) or "keine"
            was = f"„{key}: {eintrag}“" if eintrag else f"„{key}“"
            problems.append(
                Problem(
                    grenzen.where(key),
                    f"{name}: {was} unter „{art}“ gibt es in dieser Tabelle nicht – sie hat {vorhanden}; "
                    "entfernen Sie die Grenze oder prüfen Sie den Namen.",
                )
            )
    return problems


def anteilsgrenze(
    k: Kennzahl, z: Zahlwert, figures: dict[str, Zahlwert], runden: Callable[[Fraction], Fraction]
) -> list[Problem]:
    """The cap `hoechstens_anteil` of a figure: its value at most the rate of the figure `von`, rounded by `runden`
    as the figure itself rounds (as the Bescheid rounds); a problem at its line where it does not hold."""
    g = k.hoechstens_anteil
    if g is None:
        return []
    basis = figures.get(g.von)
    if basis is None or basis.einheit not in GELDEINHEITEN or k.einheit not in GELDEINHEITEN:
        return [
            Problem(
                k.where("hoechstens_anteil"),
                f"Zahl „{k.id}“: „von: {g.von}“ nennt keinen Betrag dieser Zahlen – nennen Sie die id einer Zahl in "
                "Euro, von der der Satz genommen wird, und geben Sie auch dieser Zahl eine Einheit in Euro.",
            )
        ]
    genau = exact(g.prozent) / 100 * basis.gezeigt
    grenze = runden(genau)
    wert = Fraction(z.gezeigt)
    if wert <= grenze:
        return []
    assert z.form is not None  # every computed figure has one
    zahlformat = z.form.zahlformat
    gerundet = "" if grenze == genau else f", {'auf Cent' if z.stufe == CENT else 'auf ganze Euro'} gerundet"
    return [
        Problem(
            k.where("hoechstens_anteil"),
            f"Zahl „{k.id}“: berechnet {z.wert.text}, höchstens {zahl(g.prozent)}{NBSP}% von „{g.von}“ "
            f"({basis.wert.text}) = {genau_text(grenze, '€', zahlformat)}{gerundet}, Differenz "
            f"{differenz(wert - grenze, '€', zahlformat)} – der Wert liegt über seiner Grenze: prüfen Sie die "
            "Eingangswerte und die Grenze.",
        )
    ]
