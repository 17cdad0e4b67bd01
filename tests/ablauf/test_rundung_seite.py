"""Every worked example of the handbook's rounding page (docs/erklaerungen/rundung.md, issue 32, point 8), computed
by the program: the page is the contract an auditor checks the figures against. Each expected figure is derived
here with exact Fractions first, then compared with the number the page prints and with the engine."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from tests.hilfen import ROOT, edit
from tests.referenz.rechnen import rund, verteilen
from vorlagen.compute.project import prepare
from vorlagen.core.money import Rundung

NBSP = "\u00a0"
VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")
SEITE = (ROOT / "docs/erklaerungen/rundung.md").read_text(encoding="utf-8")


def auf_der_seite(*zahlen: str) -> None:
    """The page prints these numbers (bold, as its results)."""
    for zahl in zahlen:
        assert f"**{zahl}**" in SEITE, zahl


def tabellen(data: Path, yaml: str, figures: str = ""):
    (data / "kostensaetze" / "seite.yaml").write_text(
        "titel: Jahressatz\nvzae: 0\nsaetze:\n  J: 120000\n", encoding="utf-8"
    )
    (data / "kostensaetze" / "seite-monat.yaml").write_text(
        "titel: Monatssatz\neinheit: Monat\nvzae: 0\nsaetze:\n  M: 10000\n", encoding="utf-8"
    )
    edit(data / VORLAGE, "finanzierung:\n", "finanzierung:\n" + yaml)
    if figures:
        edit(data / VORLAGE, "verteilungen:\n", "zahlen:\n" + figures + "verteilungen:\n")
    return prepare(data).rechnungen["2021-0123"]


def aufstellung(table_id: str, satz: str, von: str, bis: str, tagesgenau: bool) -> str:
    return (
        f"  - id: {table_id}\n    art: Aufstellung\n    titel: {table_id}\n    zeitraum: {{von: {von}, bis: {bis}}}\n"
        + ("    tagesgenau: true\n" if tagesgenau else "")
        + f"    kosten:\n      - {{anzahl: 1, saetze: [{satz}], als: Satz}}\n"
    )


def test_1_order_of_rounding():
    per_unit = rund(Fraction(55000 * 13, 12))
    assert rund(Fraction(7, 2) * per_unit) == 208541 and rund(Fraction(7, 2) * 55000 * Fraction(13, 12)) == 208542
    auf_der_seite("208.541 €", "208.542 €", "59.583 €")
    share = Fraction(13, 12) * 55000
    assert Rundung().zeile(Decimal("3.5"), [share])[2] == 208541
    assert Rundung(je_einheit=False).zeile(Decimal("3.5"), [share])[2] == 208542


def test_2_what_a_period_charges(data):
    t = tabellen(
        data,
        aufstellung("monat", "seite/J", "2020-01-01", "2020-01-31", False)
        + aufstellung("jan2020", "seite/J", "2020-01-01", "2020-01-31", True)
        + aufstellung("jan2021", "seite/J", "2021-01-01", "2021-01-31", True)
        + aufstellung("monatlich", "seite-monat/M", "2024-01-16", "2024-03-31", True)
        + aufstellung("jaehrlich", "seite/J", "2024-01-16", "2024-03-31", True),
    ).tabellen
    assert t["monat"].summe == 120000 / 12 == 10000
    assert t["jan2020"].summe == rund(120000 * Fraction(31, 366)) == 10164
    assert t["jan2021"].summe == rund(120000 * Fraction(31, 365)) == 10192
    assert t["monatlich"].summe == rund(10000 * (Fraction(16, 31) + 2)) == 25161
    days = 16 + 29 + 31  # 16.–31. January, February 2024 (a leap year), March
    assert t["jaehrlich"].summe == rund(120000 * Fraction(days, 366)) == 24918
    auf_der_seite("10.000 €", "10.164 €", "10.192 €", "25.161 €", "24.918 €")


def test_3_split_into_haushaltsjahre(data):
    t = tabellen(
        data,
        "  - id: e11\n    titel: E11\n    zeitraum: {von: 2020-07-15, bis: 2021-03-10}\n    tagesgenau: true\n"
        "    kosten:\n      - {anzahl: 1, saetze: [kgst-2020/E11]}\n",
    ).tabellen["e11"]
    charged = [Fraction(170, 366), Fraction(69, 365)]
    total = rund(106540 * sum(charged))
    # 49.485,6… and 20.140,3…: the larger remainder, 2020's, takes the euro the floors leave
    assert total == 69626 and verteilen(Fraction(total), charged, Fraction(1)) == [49486, 20140]
    assert t.gesamtkosten == total
    assert [t.jahre[2020].gesamtkosten, t.jahre[2021].gesamtkosten] == [49486, 20140]
    auf_der_seite("69.626 €", "2020: 49.486 €, 2021: 20.140 €")


PLAN = (
    "  - id: {id}\n    art: Finanzierungsplan\n    titel: Plan\n"
    '    haushaltsjahre: {{"2030": 1, "2031": 1, "2032": 1}}\n    kosten:\n{kosten}    quellen:\n{quellen}'
)


def test_4_the_years_of_a_finanzierungsplan(data):
    t = tabellen(
        data,
        PLAN.format(
            id="fehlbedarf",
            kosten="      - {betrag: 100, als: Kosten}\n",
            quellen="      - {id: eigen, als: Eigenmittel, art: Eigenmittel, betrag: 11}\n"
            "      - {id: land, als: Land, art: Zuwendung, fehlbedarf: true}\n",
        )
        + PLAN.format(
            id="negativ",
            kosten="      - {betrag: 1, als: A}\n      - {betrag: 1, als: B}\n      - {betrag: 1, als: C}\n",
            quellen="      - {id: land, als: Land, art: Zuwendung, betrag: 2}\n"
            "      - {id: bund, als: Bund, art: Zuwendung, betrag: 1}\n"
            "      - {id: kreis, als: Kreis, art: Eigenmittel, rest: true}\n",
        ),
    ).tabellen
    p = t["fehlbedarf"]
    assert list(p.jahre.values()) == [34, 33, 33]
    assert list(p.quellen["eigen"].jahre.values()) == [4, 4, 3]
    assert list(p.quellen["land"].jahre.values()) == [30, 29, 30]
    auf_der_seite("34, 33, 33 €", "4, 4, 3 €", "30, 29, 30 €")
    n = t["negativ"]
    assert list(n.jahre.values()) == [3, 0, 0]
    assert list(n.quellen["land"].jahre.values()) == [2, 0, 0]
    assert list(n.quellen["bund"].jahre.values()) == [1, 0, 0]
    assert list(n.quellen["kreis"].jahre.values()) == [0, 0, 0]
    auf_der_seite("3, 0, 0 €", "−1", "2, 0, 0 €", "1, 0, 0 €", "0, 0, 0 €")


def test_5_percentages_and_shares(data):
    from vorlagen.core.fmt import prozent

    assert prozent(Fraction(79345, 100000)) == f"79,35{NBSP}%"
    t = tabellen(
        data,
        PLAN.format(
            id="drittel",
            kosten="      - {betrag: 300000, als: Kosten}\n",
            quellen="      - {id: a, als: Bund, anteil: 1/3}\n      - {id: b, als: Land, anteil: 1/3}\n"
            "      - {id: c, als: Kreis, art: Eigenmittel, anteil: 1/3, rest: true}\n",
        ),
    ).tabellen["drittel"]
    assert [t.anteil(q) for q in t.quellen] == [f"33,33{NBSP}%", f"33,33{NBSP}%", f"33,34{NBSP}%"]
    assert [prozent(q.anteil, 1) for q in t.quellen] == [f"33,3{NBSP}%", f"33,3{NBSP}%", f"33,4{NBSP}%"]
    auf_der_seite("79,35 %", "33,33 %, 33,33 %, 33,34 %", "33,3 %, 33,3 %, 33,4 %")


def test_6_named_figures_per_item_as_printed(data):
    z = tabellen(
        data,
        "",
        '  - id: b\n    formel: "1499"\n  - id: t\n    formel: b\n    einheit: T€\n'
        "  - id: s\n    formel: t + t + t\n    einheit: T€\n"
        "  - id: e\n    formel: t + t + t\n    einheit: T€\n    runden: am_ende\n",
    ).zahlen
    assert z["s"].text == f"3{NBSP}T€" and z["e"].text == f"4{NBSP}T€"
    auf_der_seite("3 T€", "4 T€")
