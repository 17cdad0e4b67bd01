"""Random valid Finanzierungspläne, Vergleiche and Matrizen with the figures the exact reference expects: the
variants of tests/ablauf/test_beweis.py, beside those of zufallsdaten.py (Eigenanteil, Aufstellung) and with its
options (ids, labels, row counts; defaults draw what test_beweis has always drawn)."""

from __future__ import annotations

import random
from fractions import Fraction

from tests.hilfen.zufallsdaten import NBSP, Name, dezimal, gleich, koerperschaft, stellen, text
from tests.referenz.rechnen import euro, jahresspalten, prozent, rund, verteilen, zahl, zahl_frei

# --- Finanzierungsplan --------------------------------------------------------------------------------------


def finanzierungsplan_variant(
    seed: int,
    id: str = "p",
    name: Name = gleich,
    zeilen=(1, 3),
    quellen=(1, 3),
    hoechst: random.Random | None = None,
):
    """A plan with a rest source, with a Fehlbedarf source, or with neither (its last source a fixed amount that
    makes it add up): amounts, shares and every source's Haushaltsjahre against the reference. With `hoechst`, a
    Fördersatz or Fehlbedarf source may carry a `hoechstbetrag` it does not reach (drawn from that generator)."""

    def cap(betrag: Fraction) -> str:
        if hoechst is None or hoechst.random() < 0.5:
            return ""
        return f", hoechstbetrag: {dezimal(betrag + rund(betrag * Fraction(hoechst.randint(0, 50), 100), q))}"

    rng = random.Random(seed)
    k_text, s = koerperschaft(rng)
    cent = s["rundung"] == "cent"
    q = Fraction(1, 100) if cent else Fraction(1)
    ende = rng.choice(["rest", "fehlbedarf", "keine"])
    while True:
        kosten = [
            (
                Fraction(rng.randint(1_000_000, 900_000_000), 100)
                if cent
                else Fraction(rng.randint(10_000, 9_000_000)),
                rng.random() < 0.8,
            )
            for _ in range(rng.randint(*zeilen))
        ]
        gesamt = sum(k for k, _ in kosten)
        foerderfaehig = sum(k for k, f in kosten if f)
        yaml, betraege = "", []
        for i in range(rng.randint(*quellen)):
            kind = rng.choice(["foerdersatz", "anteil", "festbetrag"])
            als = text(name(f"Quelle {i}"))
            if kind == "foerdersatz":
                satz = Fraction(rng.randint(1000, 9000), 100)
                betraege.append(rund(foerderfaehig * satz / 100, q))
                yaml += f"      - {{id: q{i}, als: {als}, foerdersatz: {dezimal(satz)}{cap(betraege[-1])}}}\n"
            elif kind == "anteil":
                anteil = Fraction(1, rng.randint(2, 6))
                betraege.append(rund(gesamt * anteil, q))
                yaml += f"      - {{id: q{i}, als: {als}, anteil: {anteil.numerator}/{anteil.denominator}}}\n"
            else:
                fest = rund(gesamt * Fraction(rng.randint(1, 30), 100), q)
                betraege.append(fest)
                yaml += f"      - {{id: q{i}, als: {als}, festbetrag: {dezimal(fest)}}}\n"
        rest = gesamt - sum(betraege)
        if rest >= 0:
            break
    last = {
        "rest": f"      - {{id: rest, als: {text(name('Rest'))}, art: Eigenmittel, rest: true}}\n",
        "fehlbedarf": f"      - {{id: rest, als: {text(name('Land'))}, art: Zuwendung, fehlbedarf: true{cap(rest)}}}\n",
        "keine": f"      - {{id: rest, als: {text(name('Schluss'))}, art: Eigenmittel, betrag: {dezimal(rest)}}}\n",
    }[ende]
    years = list(range(2030, 2030 + rng.randint(1, 5)))
    weights = [Fraction(rng.randint(1, 50)) for _ in years]
    text_ = (
        f"finanzierung:\n  - id: {id}\n    titel: Probe\n    art: Finanzierungsplan\n"
        f"    haushaltsjahre: {{{', '.join(f'{chr(34)}{y}{chr(34)}: {int(w)}' for y, w in zip(years, weights))}}}\n"
        "    kosten:\n"
        + "".join(
            f"      - {{betrag: {dezimal(k)}, als: {text(name(f'Kosten {i}'))}"
            + ("" if f else ", foerderfaehig: false")
            + "}\n"
            for i, (k, f) in enumerate(kosten)
        )
        + "    quellen:\n"
        + yaml
        + last
    )
    expected, table = _plan_expected(id, s, kosten, betraege + [rest], ende, years, weights)
    return k_text, text_, expected, table


def _plan_expected(id: str, s: dict, kosten: list, amounts: list, ende: str, years: list, weights: list):
    """What the reference expects of a plan: its sums, each source's amount, share and years; and the shares its
    table prints."""
    cent = s["rundung"] == "cent"
    q = Fraction(1, 100) if cent else Fraction(1)
    places = s["prozent_stellen"]
    gesamt = sum(k for k, _ in kosten)
    step = Fraction(1, 10**places)
    # the rest source first: it takes a tie of the printed percentages; without one, the sources in their order
    order = [len(amounts) - 1] + list(range(len(amounts) - 1)) if ende == "rest" else list(range(len(amounts)))
    shares = dict(zip(order, verteilen(Fraction(100), [amounts[i] for i in order], step)))
    ids = [f"q{i}" for i in range(len(amounts) - 1)] + ["rest"]
    expected = {}
    base = f'finanzierung["{id}"]'
    money = "eur_cent" if cent else "eur"
    expected[f"{base}.gesamtkosten | {money}"] = euro(gesamt, cent)
    expected[f"{base}.foerderfaehig | {money}"] = euro(sum(k for k, f in kosten if f), cent)
    table = {key: zahl(shares[i], places) + NBSP + "%" for i, key in enumerate(ids)}
    kosten_jahre = {y: Fraction(0) for y in years}
    for k, _ in kosten:
        for y, part in zip(years, verteilen(k, weights, q)):
            kosten_jahre[y] += part
    traeger = len(amounts) - 1 if ende != "keine" else max(range(len(amounts)), key=lambda i: (amounts[i], -i))
    spalten = jahresspalten(kosten_jahre, amounts, traeger, weights, q)
    for i, key in enumerate(ids):
        expected[f'{base}.quellen["{key}"].betrag | {money}'] = euro(amounts[i], cent)
        expected[f'{base}.quellen["{key}"].anteil | prozent'] = table[key]  # the text prints the table's share
        for y in years:
            expected[f'{base}.quellen["{key}"].jahre[{y}] | {money}'] = euro(spalten[i][y], cent)
    for y in years:
        expected[f"{base}.jahre[{y}] | {money}"] = euro(kosten_jahre[y], cent)
    return expected, table


# --- Vergleich ----------------------------------------------------------------------------------------------

RECHNUNGEN = {
    "neu - alt": lambda alt, neu: neu - alt,
    "alt - neu": lambda alt, neu: alt - neu,
    "(neu - alt) / alt": lambda alt, neu: None if alt == 0 else (neu - alt) / alt,
    "neu / alt": lambda alt, neu: None if alt == 0 else neu / alt,
}


def vergleich_variant(seed: int, id: str = "v", name: Name = gleich, zeilen=(1, 4)):
    """Two states of random rows in Euro, Stellen or counts, their sum row, and the body's own comparison columns."""
    rng = random.Random(seed)
    k_text, s = koerperschaft(rng)
    einheit = rng.choice(["Euro", "Stellen", "Anzahl"])
    mit_cent = einheit == "Euro" and rng.random() < 0.5
    scale = 100 if mit_cent or einheit == "Stellen" and rng.random() < 0.5 else 1
    rows = [
        (Fraction(rng.randint(0, 5_000_000), scale), Fraction(rng.randint(0, 5_000_000), scale))
        for _ in range(rng.randint(*zeilen))
    ]
    text_ = (
        f"finanzierung:\n  - id: {id}\n    titel: Probe\n    art: Vergleich\n    spalten: [Alt, Neu]\n"
        f"    einheit: {einheit}\n    zeilen:\n"
        + "".join(
            f"      - {{id: z{i}, als: {text(name(f'Zeile {i}'))}, werte: [{dezimal(a)}, {dezimal(n)}]}}\n"
            for i, (a, n) in enumerate(rows)
        )
        + f"      - {{id: summe, als: Summe, plus: [{', '.join(f'z{i}' for i in range(len(rows)))}]}}\n"
    )
    rows.append((sum(a for a, _ in rows), sum(n for _, n in rows)))
    places = max(max(stellen(a), stellen(n)) for a, n in rows)
    cent = einheit == "Euro" and (places > 0 or s["rundung"] == "cent")
    show = (lambda v: euro(v, cent)) if einheit == "Euro" else (lambda v: zahl(v, places))
    expected = {}
    keys = [f"z{i}" for i in range(len(rows) - 1)] + ["summe"]
    for key, (alt, neu) in zip(keys, rows):
        diff = neu - alt
        expected[f"{key}/alt"] = show(alt)
        expected[f"{key}/neu"] = show(neu)
        expected[f"{key}/differenz"] = "±" + show(0) if diff == 0 else ("+" if diff > 0 else "") + show(diff)
        expected[f"{key}/aenderung"] = (
            "–" if alt == 0 else (("+" if diff > 0 else "") + prozent(diff / alt, s["prozent_stellen"]))
        )
    # the body's own comparison columns (drawn last, so that the variants above stay what they were)
    if rng.random() < 0.5:
        spalten = [(f"S{i}", rng.choice(list(RECHNUNGEN)), rng.random() < 0.5) for i in range(rng.randint(0, 3))]
        text_ += "    vergleichsspalten:\n" if spalten else "    vergleichsspalten: []\n"
        text_ += "".join(f"      - {{als: {k}, rechnung: {r}, vorzeichen: {str(v).lower()}}}\n" for k, r, v in spalten)
        for key, (alt, neu) in zip(keys, rows):
            for kopf, rechnung, vorzeichen in spalten:
                value = RECHNUNGEN[rechnung](alt, neu)
                prozentual = "/" in rechnung
                if value is None:
                    cell = "–"
                else:
                    cell = prozent(value, s["prozent_stellen"]) if prozentual else show(value)
                    if vorzeichen and rechnung != "neu / alt":
                        cell = ("±" if value == 0 and not prozentual else "+" if value > 0 else "") + cell
                expected[f"{key}/{kopf}"] = cell
    return k_text, text_, expected


# --- Matrix -------------------------------------------------------------------------------------------------

SPALTEN = ["Vorjahre", "2024", "2025", "2026", "Folgejahre", "Bund", "Land", "Kreis"]


def matrix_variant(seed: int, id: str = "m", name: Name = gleich, zeilen=(1, 5), falsch: bool = True):
    """Rows × columns with empty cells, cents, negative cells and units; `erwartet` from the reference on some
    cells and sums – and in every fourth variant one of them wrong (unless not `falsch`), which must be the one
    problem."""
    rng = random.Random(seed)
    k_text, s = koerperschaft(rng)
    einheit = rng.choice(["Euro", "Stellen", "Anzahl"])
    scale = rng.choice([1, 100]) if einheit == "Euro" else rng.choice([1, 4, 100, 1000])
    spalten = rng.sample(SPALTEN, rng.randint(1, 5))
    rows: list[dict[str, Fraction | None]] = []
    for _ in range(rng.randint(*zeilen)):
        cells: dict[str, Fraction | None] = {
            c: None if rng.random() < 0.2 else Fraction(rng.randint(-500_000, 9_000_000), scale) for c in spalten
        }
        if all(v is None for v in cells.values()):
            cells[spalten[0]] = Fraction(rng.randint(0, 9_000_000), scale)
        rows.append(cells)
    row_sums = [sum((v for v in r.values() if v is not None), Fraction(0)) for r in rows]
    col_sums = {c: sum((r[c] for r in rows if r[c] is not None), Fraction(0)) for c in spalten}
    total = sum(col_sums.values(), Fraction(0))
    places = max(stellen(v) for r in rows for v in r.values() if v is not None)
    cent = einheit == "Euro" and (places > 0 or s["rundung"] == "cent")

    def show(value: Fraction | None) -> str:
        if value is None:
            return "–"
        return euro(value, cent) if einheit == "Euro" else zahl(value, places)

    lines = [
        "finanzierung:",
        f"  - id: {id}",
        "    titel: Probe",
        "    art: Matrix",
        f"    einheit: {einheit}",
        "    zeilenkopf: Träger",
        f"    spalten: [{', '.join(repr(c) for c in spalten)}]",
        "    zeilen:",
    ]
    erwartet: list[tuple] = []  # (line in vorlage.yaml, what the message names, value, erwartet) of each erwartet
    kopf = 8  # the lines write() puts before the text
    wrong = rng.random() < 0.25 and falsch

    def expect(value: Fraction) -> Fraction:
        return value + Fraction(1, scale) if wrong and not erwartet else value

    for i, cells in enumerate(rows):
        typed = ", ".join(f"{c!r}: {dezimal(v)}" for c, v in cells.items() if v is not None)
        lines += [f"      - id: z{i}", f"        als: {text(name(f'Zeile {i}'))}", f"        zellen: {{{typed}}}"]
        if rng.random() < 0.5:
            c = rng.choice([c for c, v in cells.items() if v is not None])
            value = expect(cells[c])  # type: ignore[arg-type]
            lines.append(f"        erwartet: {{zellen: {{{c!r}: {dezimal(value)}}}, summe: {dezimal(row_sums[i])}}}")
            erwartet.append((kopf + len(lines), f"Zeile „Zeile {i}“, Spalte „{c}“", cells[c], value))
    if rng.random() < 0.5 and stellen(total) <= 2:
        c = rng.choice(spalten)
        value = expect(col_sums[c])
        lines.append(f"    erwartet: {{spalten: {{{c!r}: {dezimal(value)}}}, summe: {dezimal(total)}}}")
        erwartet.append((kopf + len(lines), f"Spalte „{c}“, Summe", col_sums[c], value))
    expected = [["Träger", *spalten, "Summe"]]
    expected += [[name(f"Zeile {i}"), *(show(r[c]) for c in spalten), show(row_sums[i])] for i, r in enumerate(rows)]
    expected.append(["Summe", *(show(col_sums[c]) for c in spalten), show(total)])
    problem = None
    if wrong and erwartet:
        line, was, value, typed = erwartet[0]
        shown_typed = show(typed) if stellen(typed) <= (2 if cent else 0 if einheit == "Euro" else places) else None
        problem = (
            f"data/vorlagen/probe/vorlage.yaml:{line}: Berechnung „{id}“, {was}: berechnet {show(value)}, erwartet "
            f"{shown_typed or zahl_frei(typed) + (NBSP + '€' if einheit == 'Euro' else '')}"
        )
    return k_text, "\n".join(lines) + "\n", expected, problem
