"""The results a Feststellung of a Jahresabschluss lists by name, one amount a row (Sachsen, SächsKomHVO):

- „dem Gesamtergebnis von + 3.845.208,59 Euro“ is the ordentliches Ergebnis plus the Sonderergebnis (or the
  außerordentliches Ergebnis) named in the rows above it; so is a Haushaltssatzung's „und einem Jahresergebnis von“
  under „einem ordentlichen Ergebnis von“ and „einem außerordentlichen Ergebnis von“;
- the Finanzrechnung's staffel: „Zahlungsmittelsaldo aus laufender Verwaltungstätigkeit“, „… aus
  Investitionstätigkeit“, „Finanzierungsmittelüberschuss/-bedarf“, „… aus Finanzierungstätigkeit“, „Änderung des
  Finanzmittelbestandes“, „Saldo aus haushaltsunwirksamen Vorgängen“, „Überschuss oder Bedarf an Zahlungsmitteln“,
  „Saldo aus Kassenkrediten“, „Veränderung des Zahlungsmittelbestandes“ – each result row is the sum of the rows
  since the result row before it (that one included);
- where the Salden stand each under its Ein- and Auszahlungen, the „Finanzierungsmittelüberschuss/-fehlbetrag“ is the
  Saldo of the laufende Verwaltungstätigkeit and that of the Investitionstätigkeit above it.

Amounts are signed as typed („- 1.857.060,61“, „-249.939,41“). Sure where no label speaks of a Fehlbetrag alone (an
amount that may be typed without its minus; „…überschuss/-fehlbetrag“ leaves the sign to the figure); then only confirmed where it holds. Each row is looked at a fixed number of
times: the rows above a result are looked at up to _LOOK_UP rows."""

from __future__ import annotations

import re

from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.aufbau.reihe import Reihe
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl, written_sum
from vorlagen.nachrechnen.woerter import BOTH_SIDES_NAMED, FINANZHAUSHALT_PARTS

_ORDENTLICH = re.compile(r"(?<!außer)ordentlichen?\s+(?:Jahres)?[Ee]rgebnis(?:ses)?\b", re.IGNORECASE)
_SONDER = re.compile(r"Sonderergebnis|außerordentlichen?\s+(?:Jahres)?[Ee]rgebnis", re.IGNORECASE)
# … or the Jahresergebnis of a Haushaltssatzung's § 1 under its two parts, the label nothing more: „und einem
# Jahresergebnis von“ (not „… nach Entnahme aus der Rücklage von“)
_GESAMT = re.compile(
    r"^\W*(?:(?:mit\s+)?(?:dem|einem)\s+)?Gesamtergebnis\b|^\W*(?:und\s+)?(?:dem|einem)\s+Jahresergebnis(?:\s+von)?\W*$",
    re.IGNORECASE,
)
_SALDO = re.compile(r"^\W*(?:(?:mit\s+)?(?:dem|einem)\s+)?(?:Zahlungsmittelsaldo|Saldo)\s+aus\b", re.IGNORECASE)
_RESULT = re.compile(
    r"^\W*(?:(?:mit\s+)?(?:dem|einem|der|einer)\s+)?(?:Finanzierungsmittel(?:überschuss|fehlbetrag|bedarf)|"
    r"Änderung\s+des\s+Finanzmittelbestandes|Überschuss\s+oder\s+Bedarf\b.{0,10}\ban\s+Zahlungsmitteln|"
    r"Veränderung\s+des\s+Zahlungsmittelbestandes)",
    re.IGNORECASE,
)
_DEFICIT = re.compile(r"Fehlbetrag|Defizit", re.IGNORECASE)
# the Finanzierungsmittelüberschuss/-fehlbetrag anywhere in a label („Saldo des Finanzhaushalts
# (Finanzierungsmittelüberschuss/-fehlbetrag)“) under the Salden of its two parts, each below its Ein- and Auszahlungen
_FINANZIERUNGSMITTEL = re.compile(r"Finanzierungsmittel(?:überschuss|fehlbetrag|bedarf)", re.IGNORECASE)
_PART_SALDO = re.compile(r"\bSaldo\b|Zahlungsmittel(?:überschuss|bedarf|fehlbetrag|saldo|fluss)", re.IGNORECASE)
# … signed by the figure: a „Zahlungsmittelbedarf“ alone may state its Bedarf as an amount – which sign, it is open
_SIGNED_SALDO = re.compile(r"\bSaldo\b|Zahlungsmittel(?:saldo|fluss)", re.IGNORECASE)
_PARTS = (FINANZHAUSHALT_PARTS["laufend"], FINANZHAUSHALT_PARTS["investition"])
_FINANZIERUNG = FINANZHAUSHALT_PARTS["finanzierung"]
_DASH = re.compile(r"\s[-−–]\s*$")  # „… Investitionstätigkeit von - 1.857.060,61“: a dash apart from the amount
_LOOK_UP = 12  # rows above a Gesamtergebnis looked at for its two parts
_MAX_STAFFEL = 12  # rows of one staffel


def recognise(reihen: list[Reihe], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    found: list[Rechnung] = []
    held = {r.ergebnis.key for r in prior if r.haelt()}  # a result another form reads and finds right: said once
    staffel: list[Reihe] = []
    for index, reihe in enumerate(reihen):
        amount = _amount(reihe)
        if amount is not None and _GESAMT.match(reihe.label) and _signed(reihe, amount):
            found += [r for r in _gesamt(reihen, index, amount) if r.ergebnis.key not in held]
        if amount is None:
            if reihe.zeile.text.strip():
                staffel = []  # a heading or a sentence: the staffel ends
            continue
        if _SALDO.match(reihe.label):
            staffel = (staffel + [reihe])[-_MAX_STAFFEL:]
        elif _FINANZIERUNGSMITTEL.search(reihe.label) and len(staffel) < 2:
            # its parts each under its Ein- and Auszahlungen: the staffel goes on from it where they were found
            parts = _of_parts(reihen, index, amount) if _signed(reihe, amount) else []
            found += [r for r in parts if r.ergebnis.key not in held]
            staffel = [reihe] if parts else []
        elif _RESULT.match(reihe.label) and len(staffel) >= 2:
            if _signed(reihe, amount) and reihe.fund(amount).key not in held:
                found.append(_sum("Ergebnis der Finanzrechnung aus den Zeilen darüber", staffel, reihe, amount))
            staffel = [reihe]
        else:
            staffel = []
    return found


def _amount(reihe: Reihe) -> Zahl | None:
    """The row's one amount in €."""
    money = [z for z in reihe.werte if z.einheit == "€"]
    return money[0] if len(money) == 1 and len(reihe.werte) == 1 else None


def _signed(reihe: Reihe, zahl: Zahl) -> bool:
    """The result's value carries the sign the row shows: not „- 1.857.060,61“, read positive with a minus beside it."""
    return not (zahl.minus and zahl.wert > 0) and not _DASH.search(reihe.label)


def _gesamt(reihen: list[Reihe], index: int, amount: Zahl) -> list[Rechnung]:
    ordentlich = sonder = None
    for reihe in reversed(reihen[max(0, index - _LOOK_UP) : index]):
        if _GESAMT.match(reihe.label) or _amount(reihe) is None:
            continue
        if sonder is None and _SONDER.search(reihe.label):
            sonder = reihe
        elif ordentlich is None and _ORDENTLICH.search(reihe.label) and not _SONDER.search(reihe.label):
            ordentlich = reihe
    if ordentlich is None or sonder is None:
        return []
    return [
        _sum("Gesamtergebnis aus ordentlichem Ergebnis und Sonderergebnis", [ordentlich, sonder], reihen[index], amount)
    ]


def _of_parts(reihen: list[Reihe], index: int, amount: Zahl) -> list[Rechnung]:
    """The Finanzierungsmittelüberschuss/-fehlbetrag as the Saldo of the laufende Verwaltungstätigkeit and that of the
    Investitionstätigkeit, the nearest of each within _LOOK_UP rows above, none of the Finanzierungstätigkeit
    between (that one comes after it)."""
    salden: list[Reihe | None] = [None] * len(_PARTS)
    for reihe in reversed(reihen[max(0, index - _LOOK_UP) : index]):
        if _amount(reihe) is None or not _PART_SALDO.search(reihe.label):
            continue
        if _FINANZIERUNG.search(reihe.label) or not (
            _SIGNED_SALDO.search(reihe.label) or BOTH_SIDES_NAMED.search(reihe.label)
        ):
            return []
        for place, part in enumerate(_PARTS):
            if salden[place] is None and part.search(reihe.label):
                salden[place] = reihe
        if all(salden):
            rows = [r for r in salden if r is not None]
            return [
                _sum("Finanzierungsmittelüberschuss/-fehlbetrag aus den Salden darüber", rows, reihen[index], amount)
            ]
    return []


def _sum(art: str, rows: list[Reihe], total: Reihe, result: Zahl) -> Rechnung:
    """`rows`: rows of one amount each (the caller took only such)."""
    figures = [z for z in map(_amount, rows) if z is not None]
    dashes = [bool(_DASH.search(r.label)) for r in rows]
    signs = [-1 if z.wert < 0 or z.minus or dash else 1 for z, dash in zip(figures, dashes, strict=True)]
    # a label that names both sides („Finanzierungsmittelüberschuss/-fehlbetrag“) leaves the sign to the figure
    deficit = any(_DEFICIT.search(r.label) and not BOTH_SIDES_NAMED.search(r.label) for r in [*rows, total])
    sure = not deficit and not any(dashes)
    grund = (
        "ein Strich vor einem Betrag ist als Minus gelesen"
        if any(dashes)
        else "ein Fehlbetrag kann ohne Minus getippt sein"
    )
    return Rechnung(
        art,
        "saldo",
        [r.fund(z) for r, z in zip(rows, figures, strict=True)],
        total.fund(result),
        written_sum(figures, signs),
        betrag=False,
        vorzeichen=signs,
        sicher=sure,
        grund="" if sure else grund,
        rang=4,
        typ="feststellung",
    )
