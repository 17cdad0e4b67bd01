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
    monatsanteile,
    rund,
    verteilen,
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
    return k_text, text_, files, _eigenanteil_expected(id, cent, kosten, abzuege, jahre)


def _eigenanteil_expected(id: str, cent: bool, kosten: list, abzuege: list, jahre: dict) -> dict[str, str]:
    """What the reference expects of an Eigenanteil: its sums, Stellen and the Eigenanteil of each year."""
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
    return expected


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
