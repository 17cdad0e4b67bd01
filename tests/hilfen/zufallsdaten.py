"""Random valid data for every table kind, with the figures the exact reference (tests/referenz) expects: the
generator of tests/ablauf/test_beweis.py (issue 21, point 7), shared with the property test of `nachrechnen`
(tests/ablauf/test_nachrechnen_zufall.py, issue 44), which builds such tables into whole Vorlagen.

Every variant is a function of its seed. The options (`id`, `dateien`, `name`, `zeilen` …) default to what
test_beweis.py has always drawn, so that a seed keeps its variant; the property test sets them to put many tables
into one data folder (own ids and rate files), with long labels and many rows."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import random
import re
import shutil
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from tests.referenz.rechnen import (
    euro,
    jahresanteile,
    jahresspalten,
    monatsanteile,
    prozent,
    rund,
    verteilen,
    zahl,
    zahl_frei,
)

NBSP = "\u00a0"
Name = Callable[[str], str]  # the label a row prints, made from its plain name („Posten 3“)


def gleich(name: str) -> str:
    return name


def text(value: str) -> str:
    """A YAML scalar for any label (a JSON string is a double-quoted YAML string)."""
    return json.dumps(value, ensure_ascii=False)


def koerperschaft(rng: random.Random) -> tuple[str, dict]:
    settings = {
        "rundung": rng.choice(["euro", "cent"]),
        "runden": rng.choice(["je_einheit", "genau"]),
        "prozent_stellen": rng.randint(0, 3),
    }
    text = (
        "name: Landkreis Probe\nverwaltungschef: Der Landrat\nanschrift: Am Markt 1, 29999 Probe\n"
        f"rundung: {settings['rundung']}\nrunden: {settings['runden']}\nprozent_stellen: {settings['prozent_stellen']}\n"
        'aemter:\n  - {id: "20", name: Kämmerei}\ngremien:\n  - {id: KA, name: Kreisausschuss, frist_tage: 10}\n'
    )
    return text, settings


def write(folder: Path, koerperschaft_text: str, vorlage_text: str, files: dict[str, str] | None = None) -> Path:
    data = folder / "data"
    if data.exists():
        shutil.rmtree(data)
    (data / "sitzungen").mkdir(parents=True)
    (data / "vorlagen" / "probe").mkdir(parents=True)
    (data / "koerperschaft.yaml").write_text(koerperschaft_text, encoding="utf-8")
    (data / "sitzungen" / "KA-2030-01-15.yaml").write_text(
        'gremium: KA\ndatum: 2030-01-15\nbeginn: "15:00 Uhr"\nort: Kreishaus\ntagesordnung:\n  oeffentlich:\n'
        '    - {top: "1", vorlage: "2030/0001"}\n',
        encoding="utf-8",
    )
    head = (
        'nummer: "2030/0001"\nart: Mitteilungsvorlage\noeffentlich: true\ndatum: 2029-12-01\nfederfuehrend: "20"\n'
        "betreff: Probe\nberatungsfolge:\n  - {sitzung: KA-2030-01-15, rolle: Kenntnisnahme}\n"
    )
    (data / "vorlagen" / "probe" / "vorlage.yaml").write_text(head + vorlage_text, encoding="utf-8")
    for name, text in (files or {}).items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    return data


def dezimal(value: Fraction) -> str:
    """A value as YAML text, exact (it terminates); three decimals after a non-zero whole part get a fourth, as the
    handbook asks (761.811 could be read as 761811)."""
    text = f"{float(value):.6f}".rstrip("0").rstrip(".")
    if re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", text):
        text += "0"
    assert Fraction(text) == value
    return text


def zeitraum(rng: random.Random, tagesgenau: bool) -> tuple[dt.date, dt.date]:
    year, month = rng.randint(2020, 2022), rng.randint(1, 12)
    if not tagesgenau:
        von = dt.date(year, month, 1)
        length = rng.randint(1, 30)
        end_month = (month - 1 + length - 1) % 12 + 1
        end_year = year + (month - 1 + length - 1) // 12
        return von, dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    von = dt.date(year, month, rng.randint(1, 28))
    return von, von + dt.timedelta(days=rng.randint(1, 900))


def stellen(value: Fraction) -> int:
    """The decimal places a terminating value needs."""
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    return places


# --- Eigenanteil ------------------------------------------------------------------------------------------


def eigenanteil_variant(seed: int, id: str = "t", dateien: str = "", name: Name = gleich, zeilen=(1, 3)):
    """Kosten less Abzüge over a random period, rates per year or per month; `dateien` prefixes the rate files."""
    rng = random.Random(seed)
    k_text, s = koerperschaft(rng)
    cent = s["rundung"] == "cent"
    q = Fraction(1, 100) if cent else Fraction(1)
    tagesgenau = rng.random() < 0.5
    von, bis = zeitraum(rng, tagesgenau)
    jahr_saetze = {
        f"S{i}": Fraction(rng.randint(3_000_000, 12_000_000), 100 if cent else 100)
        if cent
        else Fraction(rng.randint(30_000, 120_000))
        for i in range(3)
    }
    monat_saetze = {
        f"M{i}": Fraction(rng.randint(10_000, 200_000), 100) if cent else Fraction(rng.randint(100, 2000))
        for i in range(2)
    }
    files = {
        f"kostensaetze/{dateien}jahr.yaml": "titel: Jahressätze\nsaetze:\n"
        + "".join(f"  {k}: {dezimal(v)}\n" for k, v in jahr_saetze.items()),
        f"kostensaetze/{dateien}monat.yaml": "titel: Monatssätze\neinheit: Monat\nvzae: 0\nsaetze:\n"
        + "".join(f"  {k}: {dezimal(v)}\n" for k, v in monat_saetze.items()),
    }
    jahre = jahresanteile(von, bis, tagesgenau)
    monate = monatsanteile(von, bis) if tagesgenau else {y: 12 * f for y, f in jahre.items()}

    def row(abzug: bool):
        anzahl = Fraction(rng.choice(["0.5", "1", "1.5", "2", "3", "3.5", "7"]))
        anteil = Fraction(rng.choice(["1", "1", "0.75", "0.5"])) if not abzug else Fraction(1)
        if rng.random() < 0.7:
            keys = rng.sample(sorted(jahr_saetze), rng.randint(1, 2))
            rates, share, weights, ids = (
                [jahr_saetze[k] for k in keys],
                sum(jahre.values()),
                jahre,
                [f"{dateien}jahr/{k}" for k in keys],
            )
        else:
            key = rng.choice(sorted(monat_saetze))
            rates, share, weights, ids = [monat_saetze[key]], sum(monate.values()), monate, [f"{dateien}monat/{key}"]
        exact = [r * share for r in rates]
        if s["runden"] == "je_einheit":
            unit = sum(rund(e, q) for e in exact)
            if anteil != 1:
                unit = rund(unit * anteil, q)
            betrag = rund(anzahl * unit, q)
        else:
            betrag = rund(anzahl * anteil * sum(exact), q)
        split = dict(zip(weights, verteilen(betrag, list(weights.values()), q)))
        vzae = anzahl * anteil if ids[0].startswith(f"{dateien}jahr/") else Fraction(0)
        yaml = (
            f"      - {{anzahl: {dezimal(anzahl)}, "
            + (f"anteil: {dezimal(anteil)}, " if anteil != 1 else "")
            + f"saetze: [{', '.join(ids)}]"
            + (f", als: {text(name('Förderung'))}" if abzug else "")
            + "}\n"
        )
        return betrag, split, vzae, yaml

    kosten = [row(False) for _ in range(rng.randint(*zeilen))]
    abzuege = [row(True) for _ in range(rng.randint(0, 2))]
    text_ = (
        f"finanzierung:\n  - id: {id}\n    titel: Probe\n    negativ: true\n"
        f"    zeitraum: {{von: {von.isoformat()}, bis: {bis.isoformat()}}}\n"
        + ("    tagesgenau: true\n" if tagesgenau else "")
        + "    kosten:\n"
        + "".join(r[3] for r in kosten)
        + ("    abzuege:\n" + "".join(r[3] for r in abzuege) if abzuege else "")
    )
    g = sum(r[0] for r in kosten)
    a = sum((r[0] for r in abzuege), Fraction(0))
    base = f'finanzierung["{id}"]'
    expected = {
        f"{base}.gesamtkosten | {'eur_cent' if cent else 'eur'}": euro(g, cent),
        f"{base}.abzuege | {'eur_cent' if cent else 'eur'}": euro(a, cent),
        f"{base}.eigenanteil | {'eur_cent' if cent else 'eur'}": euro(g - a, cent),
        f"{base}.vzae | vzae": zahl_frei(sum(r[2] for r in kosten)),
    }
    for year in jahre:
        gy = sum(r[1][year] for r in kosten)
        ay = sum((r[1][year] for r in abzuege), Fraction(0))
        expected[f"{base}.jahre[{year}].eigenanteil | {'eur_cent' if cent else 'eur'}"] = euro(gy - ay, cent)
    return k_text, text_, files, expected


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
    places = s["prozent_stellen"]
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
    amounts = betraege + [rest]
    step = Fraction(1, 10**places)
    # the rest source first: it takes a tie of the printed percentages; without one, the sources in their order
    order = [len(amounts) - 1] + list(range(len(amounts) - 1)) if ende == "rest" else list(range(len(amounts)))
    shares = dict(zip(order, verteilen(Fraction(100), [amounts[i] for i in order], step)))
    ids = [f"q{i}" for i in range(len(betraege))] + ["rest"]
    expected = {}
    base = f'finanzierung["{id}"]'
    money = "eur_cent" if cent else "eur"
    expected[f"{base}.gesamtkosten | {money}"] = euro(gesamt, cent)
    expected[f"{base}.foerderfaehig | {money}"] = euro(foerderfaehig, cent)
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
    return k_text, text_, expected, table


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


# --- Aufstellung --------------------------------------------------------------------------------------------


def aufstellung_variant(seed: int, id: str = "a", dateien: str = "", name: Name = gleich, zeilen=(1, 6)):
    """Items as fixed amounts or count × rate, shown in €, T€ or Mio. €; `dateien` prefixes the rate files."""
    rng = random.Random(seed)
    k_text, s = koerperschaft(rng)
    cent = s["rundung"] == "cent"
    q = Fraction(1, 100) if cent else Fraction(1)
    einheiten = {"tag": "Tag", "stueck": "Stück", "einmal": "einmalig", "jahr": "Jahr"}
    saetze = {
        k: Fraction(rng.randint(10_000, 9_000_000), 100) if cent else Fraction(rng.randint(100, 90_000))
        for k in einheiten
    }
    files = {
        f"kostensaetze/{dateien}{k}.yaml": f"titel: {k}\neinheit: {e}\nvzae: 0\nsaetze:\n  S: {dezimal(saetze[k])}\n"
        for k, e in einheiten.items()
    }
    rows, yaml = [], ""
    for i in range(rng.randint(*zeilen)):
        als = text(name(f"Posten {i}"))
        if rng.random() < 0.3:
            betrag = Fraction(rng.randint(1, 90_000_000), 100) if cent else Fraction(rng.randint(1, 900_000))
            rows.append(betrag)
            yaml += f"      - {{betrag: {dezimal(betrag)}, als: {als}}}\n"
            continue
        k = rng.choice(sorted(einheiten))
        anzahl = Fraction(rng.choice(["1", "2", "3", "4.5", "6", "12"]))
        # without a period, every rate counts once: an Aufstellung without zeitraum lists amounts for one year
        rows.append(
            rund(anzahl * rund(saetze[k], q), q) if s["runden"] == "je_einheit" else rund(anzahl * saetze[k], q)
        )
        yaml += f"      - {{anzahl: {dezimal(anzahl)}, saetze: [{dateien}{k}/S], als: {als}}}\n"
    anzeige = rng.choice(["€", "T€", "Mio. €"])
    text_ = (
        f'finanzierung:\n  - id: {id}\n    titel: Probe\n    art: Aufstellung\n    anzeige: "{anzeige}"\n'
        "    kosten:\n" + yaml
    )
    summe = sum(rows)
    return k_text, text_, files, rows, summe, anzeige


AUFSTELLUNG_SKALA = {"€": (1, None), "T€": (1000, 0), "Mio. €": (1_000_000, 2)}


def druckt_null(rows: list[Fraction], summe: Fraction, anzeige: str) -> bool:
    """An Aufstellung in T€ or Mio. € with a row that is not zero but would print as zero: the engine refuses it
    (issue 32) – the one problem such a variant must give."""
    scale, places = AUFSTELLUNG_SKALA[anzeige]
    if places is None:
        return False
    step = Fraction(1, 10**places)
    parts = verteilen(rund(summe / scale, step), list(rows), step)
    return any(r != 0 and part == 0 for r, part in zip(rows, parts, strict=True))


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
