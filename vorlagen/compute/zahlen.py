"""Every name a text of a Vorlage can quote, with its printed value (`vorlagen zahlen NUMMER`)."""

from __future__ import annotations

from decimal import Decimal

from vorlagen.compute import haushaltszahlen
from vorlagen.compute.hauptbuch import Rechnung
from vorlagen.core.fmt import Zahlformat, monate
from vorlagen.core.money import CENT


def _quote(key) -> str:
    return f'"{key}"' if isinstance(key, str) else str(key)


class _Liste:
    """Collects (expression with filter, printed value)."""

    def __init__(self, zahlformat: Zahlformat, prozent_stellen: int = 2):
        self.lines: list[tuple[str, str]] = []
        self.filters = zahlformat.filters  # money in the house's sign
        self.prozent_stellen = prozent_stellen  # „| prozent“ prints as many places as the Körperschaft says

    def add(self, expression: str, value, kind: str, quantum: Decimal = Decimal(1)) -> None:
        if value is None:
            return
        if kind == "geld":
            kind = "eur_cent" if quantum == CENT else "eur"
        if kind == "text":
            self.lines.append((expression, str(value)))
        elif kind == "prozent":
            self.lines.append((f"{expression} | prozent", self.filters["prozent"](value, self.prozent_stellen)))
        else:
            self.lines.append((f"{expression} | {kind}", self.filters[kind](value)))


def _row_key(zeilen, zeile) -> str | None:
    """How a text names the row: its id or label in quotes; None when no name reads it alone (texts read rows by
    name only – such a row needs an `id` to be quoted)."""
    name = zeilen.name_von(zeile)
    return _quote(name) if name is not None else None


def _zeitraum(out: _Liste, base: str, zeitraum) -> None:
    if zeitraum is not None:
        out.add(f"{base}.zeitraum.von", zeitraum.von, "datum")
        out.add(f"{base}.zeitraum.bis", zeitraum.bis, "datum")
        out.add(f"{base}.monate", monate(zeitraum), "text")


def _tabelle(out: _Liste, t) -> None:
    base = f"finanzierung[{_quote(t.id)}]"
    q = t.quantum
    out.add(f"{base}.ueberschrift", t.ueberschrift, "text")
    out.add(f"{base}.anzahl_zeilen", t.anzahl_zeilen, "zahl")
    _zeitraum(out, base, t.zeitraum)
    if t.art == "Vergleich":
        for z in t.zeilen:
            key = _row_key(t.zeilen, z)
            if key is None:
                continue
            row = f"{base}.zeilen[{key}]"
            money = "geld" if t.einheit == "Euro" else "zahl"
            for field in ("alt", "neu", "differenz"):
                out.add(f"{row}.{field}", getattr(z, field), money, q)
            out.add(f"{row}.veraenderung", z.veraenderung, "prozent")
            for s in t.vergleichsspalten:
                out.add(f"{row}.spalten[{_quote(s.als)}]", z.spalten[s.als], "prozent" if s.prozent else money, q)
        return
    if t.art == "Matrix":
        money = "geld" if t.einheit == "Euro" else "zahl"
        for z in t.zeilen:
            key = _row_key(t.zeilen, z)
            if key is None:
                continue
            row = f"{base}.zeilen[{key}]"
            for spalte, value in z.werte.items():
                out.add(f"{row}.werte[{_quote(spalte)}]", value, money, q)
            out.add(f"{row}.summe", z.summe, money, q)
        for spalte, value in t.summen.items():
            out.add(f"{base}.summen[{_quote(spalte)}]", value, money, q)
        out.add(f"{base}.summe", t.summe, money, q)
        return
    for z in t.zeilen:
        key = _row_key(t.zeilen, z)
        if key is None:
            continue
        row = f"{base}.zeilen[{key}]"
        out.add(f"{row}.betrag", z.betrag, "geld", q)
        out.add(f"{row}.anzahl", z.anzahl, "zahl")
        out.add(f"{row}.einheit", z.einheit, "geld", q)
        for year, amount in z.jahre.items():
            out.add(f"{row}.jahre[{year}]", amount, "geld", q)
    if t.art == "Eigenanteil":
        for field in ("gesamtkosten", "abzuege", "eigenanteil"):
            out.add(f"{base}.{field}", getattr(t, field), "geld", q)
        out.add(f"{base}.vzae", t._stellen, "vzae")
        for year, jahr in t.jahre.items():
            for field in ("gesamtkosten", "abzuege", "eigenanteil"):
                out.add(f"{base}.jahre[{year}].{field}", getattr(jahr, field), "geld", q)
    elif t.art == "Aufstellung":
        out.add(f"{base}.summe", t.summe, "geld", q)
        for year, amount in t.jahre.items():
            out.add(f"{base}.jahre[{year}]", amount, "geld", q)
    else:
        for field in ("gesamtkosten", "foerderfaehig", "nicht_foerderfaehig", "zuwendung", "dritte", "eigenmittel"):
            out.add(f"{base}.{field}", getattr(t, field), "geld", q)
        out.add(f"{base}.foerderquote", t.foerderquote, "prozent")
        for year, amount in t.jahre.items():
            out.add(f"{base}.jahre[{year}]", amount, "geld", q)
        for z in t.quellen:
            key = _row_key(t.quellen, z)
            if key is None:
                continue
            row = f"{base}.quellen[{key}]"
            out.add(f"{row}.betrag", z.betrag, "geld", q)
            out.add(f"{row}.anteil", z.anteil, "prozent")
            for year, amount in z.jahre.items():
                out.add(f"{row}.jahre[{year}]", amount, "geld", q)


def _bescheid(out: _Liste, kind: str, b) -> None:
    quantum = b.quantum
    base = f"{kind}[{_quote(b.id)}]"
    out.add(f"{base}.datum", b.datum, "datum")
    out.add(f"{base}.behoerde", b.behoerde, "text")
    out.add(f"{base}.programm", b.programm, "text")
    _zeitraum(out, base, b.zeitraum)
    out.add(f"{base}.betrag", b.betrag, "geld", quantum)
    out.add(f"{base}.vzae", b._stellen, "vzae")
    for z in b.zeilen:
        key = _row_key(b.zeilen, z)
        if key is None:
            continue
        row = f"{base}.zeilen[{key}]"
        out.add(f"{row}.anzahl", z.anzahl, "zahl")
        out.add(f"{row}.betrag", z.betrag, "geld", quantum)
    for r in b.raten:
        key = _row_key(b.raten, r)
        if key is None:
            continue
        row = f"{base}.raten[{key}]"
        out.add(f"{row}.betrag", r.betrag, "geld", quantum)
        out.add(f"{row}.faellig", r.faellig, "datum")
        out.add(f"{row}.anteil", r.anteil, "prozent")
    if b.raten:
        out.add(f"{base}.bezahlt", b.bezahlt, "geld", quantum)
        out.add(f"{base}.offen", b.offen, "geld", quantum)


def _zahl(out: _Liste, name: str, wert) -> None:
    """A named figure and its bounds, as texts quote them."""
    out.add(name, wert.text, "text")
    for art in ("hoechstens", "mindestens"):
        grenze = getattr(wert, art, None)
        if grenze is not None:
            out.add(f"{name}.{art}", grenze.text, "text")


def zahlen(
    rechnung: Rechnung, zahlformat: Zahlformat, quantum: Decimal, prozent_stellen: int = 2
) -> list[tuple[str, str]]:
    """(expression as a text writes it, the value it prints) for everything a Vorlage's texts can quote, money as
    `zahlformat` prints it."""
    out = _Liste(zahlformat, prozent_stellen)
    for t in rechnung.tabellen.values():
        _tabelle(out, t)
    u = rechnung.uebersicht
    if u is not None:
        if u.spanne:
            out.add("uebersicht.eigenanteil_min", u.eigenanteil_min, "geld", quantum)
            out.add("uebersicht.eigenanteil_max", u.eigenanteil_max, "geld", quantum)
        else:
            out.add("uebersicht.eigenanteil", u.eigenanteil, "geld", quantum)
        for year in u.jahre_max:
            if u.spanne:
                out.add(f"uebersicht.jahre_min[{year}]", u.jahre_min[year], "geld", quantum)
            out.add(f"uebersicht.jahre_max[{year}]", u.jahre_max[year], "geld", quantum)
    for kind, items in (("bescheide", rechnung.bescheide), ("antraege", rechnung.antraege)):
        for b in items.values():
            _bescheid(out, kind, b)
    for key, wert in (rechnung.zahlen or {}).items():
        _zahl(out, f"zahlen[{_quote(key)}]", wert)
    for datei, werte in (rechnung.kennzahlen or {}).items():
        for key, wert in werte.items():
            _zahl(out, f"kennzahlen[{_quote(datei)}][{_quote(key)}]", wert)
    if rechnung.haushalt is not None:
        for name, betrag in haushaltszahlen.namen(rechnung.haushalt):
            out.add(name, betrag, "geld", rechnung.haushalt.quantum)
    for v in rechnung.verteilungen.values():
        base = f"verteilungen[{_quote(v.id)}]"
        out.add(f"{base}.summe", v.summe, "zahl")
        out.add(f"{base}.soll", v.soll, "zahl")
        out.add(f"{base}.anzahl", v.anzahl, "zahl")
        out.add(f"{base}.vzae", v.vzae, "vzae")
    return out.lines
