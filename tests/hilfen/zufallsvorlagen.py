"""A data folder of random but valid Vorlagen (issue 44): the table variants of zufallsdaten.py with long labels
that wrap and enough rows to break a page, Finanzielle Auswirkungen from a random Haushalt (single positions,
Deckungskreise, reste), Bescheide with their positions, Stellen with their quota, a Verteilung, and tables set
landscape – each Vorlage a function of the seed, for the property test of `nachrechnen`."""

from __future__ import annotations

import math
import random
from fractions import Fraction
from pathlib import Path

from tests.hilfen import zufallsformen
from tests.hilfen.zufallsdaten import (
    aufstellung_variant,
    dezimal,
    druckt_null,
    eigenanteil_variant,
    koerperschaft,
    text,
)
from tests.hilfen.zufallshaushalt import Haushalt
from tests.hilfen.zufallsplaene import finanzierungsplan_variant, matrix_variant, vergleich_variant

SITZUNG = "KA-2030-01-15"
ARTEN = ("eigenanteil", "finanzierungsplan", "vergleich", "aufstellung", "matrix")
WOERTER = (
    "Zuwendung des Landes für die Sanierung der Grundschule am Lindenweg einschließlich Ausstattung",
    "Sachverständigen u. Gerichtskosten",
    "Unterhaltung des sonstigen unbeweglichen Vermögens und der Außenanlagen",
    "Erstattungen an Gemeinden und Gemeindeverbände für Leistungen der Eingliederungshilfe",
    "Personal- und Sachkosten der Koordinierungsstelle Bildung und Integration",
    "Kosten der Pässe u. Ausweise",
    "Zuschuss an den Kreissportbund e. V. für die Übungsleiterpauschalen",
    "Aufwendungen für Sach- und Dienstleistungen (Reinigung, Bewachung, Winterdienst)",
    "Miete und Nebenkosten der Außenstelle Nord, Hauptstraße 12",
    "Fahrtkosten der ehrenamtlichen Lotsinnen und Lotsen",
)
KOMMUNEN = ("Altdorf", "Bergheim am See", "Christianstal", "Dornbach", "Eschenweiler", "Falkenrode", "Grünau")


class Vorlagen:
    """Draws the Vorlagen of one data folder; `files` collects what they need besides themselves."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.files: dict[str, str] = {}
        self.haushalt = Haushalt(self.rng)

    def name(self, plain: str) -> str:
        """A row's label: mostly as it is, one in four a long one that wraps in its cell."""
        if self.rng.random() < 0.25:
            return f"{self.rng.choice(WOERTER)} ({plain})"
        return plain

    def zeilen(self, usual: tuple[int, int]) -> tuple[int, int]:
        """Rows of a table: as test_beweis draws them, or one in five long enough to break a page."""
        return (25, 70) if self.rng.random() < 0.2 else usual

    def tabelle(self, index: str, rundung: str) -> str:
        """One random table of a random kind, as an entry of `finanzierung:` (valid: drawn again if not), rounded
        as `rundung` says: the tables of one Vorlage in cents and in euros side by side, also in the overview of
        Eigenanteile."""
        art = self.rng.choice(ARTEN)
        while True:
            seed = self.rng.randrange(10**9)
            if art == "eigenanteil":
                k_text, body, files, _ = eigenanteil_variant(seed, index, f"{index}-", self.name, self.zeilen((1, 3)))
            elif art == "finanzierungsplan":
                k_text, body, _, _ = finanzierungsplan_variant(
                    seed, index, self.name, self.zeilen((1, 3)), (1, 3), self.rng
                )
                body, files = zufallsformen.finanzierungsplan(body, self.rng), {}
            elif art == "vergleich":
                k_text, body, _ = vergleich_variant(seed, index, self.name, self.zeilen((1, 4)))
                files = {}
            elif art == "aufstellung":
                k_text, body, files, rows, summe, anzeige = aufstellung_variant(
                    seed, index, f"{index}-", self.name, self.zeilen((1, 6))
                )
                if druckt_null(rows, summe, anzeige):
                    continue
                body = zufallsformen.aufstellung(body, self.rng, summe)
            else:
                k_text, body, _, _ = matrix_variant(seed, index, self.name, self.zeilen((1, 5)), falsch=False)
                body, files = zufallsformen.matrix(body, self.rng), {}
            if f"\nrundung: {rundung}\n" in k_text:
                break
        self.files |= files
        entry = body.removeprefix("finanzierung:\n")
        titel = self.rng.choice(["Probe", "Kosten und Finanzierung", self.rng.choice(WOERTER)])
        entry = entry.replace("    titel: Probe\n", f"    titel: {text(titel)}\n    rundung: {rundung}\n", 1)
        return entry

    def vorlage(self, nummer: int) -> tuple[str, dict[str, str]]:
        """vorlage.yaml and its Markdown files."""
        rng = self.rng
        ids = [f"v{nummer}t{j}" for j in range(rng.randint(1, 4))]
        yaml = (
            f'nummer: "2030/{nummer:04d}"\nart: Mitteilungsvorlage\noeffentlich: true\ndatum: 2029-12-01\n'
            f'federfuehrend: "20"\nbetreff: {text(rng.choice(WOERTER))}\n'
            f"beratungsfolge:\n  - {{sitzung: {SITZUNG}, rolle: Kenntnisnahme}}\nabschnitte: [sachverhalt.md]\n"
        )
        yaml += "finanzierung:\n" + "".join(self.tabelle(i, rng.choice(["euro", "cent"])) for i in ids)
        md = "# Sachverhalt\n\n"
        for i in ids:
            md += "Die Tabelle zeigt die Beträge im Einzelnen.\n\n"
            md += "{{ querformat }}\n\n" if rng.random() < 0.15 else ""
            md += f'{{{{ tabelle("{i}") }}}}\n\n'
        texts = {"sachverhalt.md": md}
        if rng.random() < 0.4:
            more, md_more = self.bescheid(nummer)
            yaml += more
            texts["sachverhalt.md"] += md_more
        if rng.random() < 0.3:
            texts["sachverhalt.md"] += self.stellen(nummer)
        if rng.random() < 0.3:
            yaml += self.verteilung(nummer)
        if rng.random() < 0.5:
            yaml += self.haushalt.auswirkungen(nummer)
        return yaml, texts

    def bescheid(self, nummer: int) -> tuple[str, str]:
        """A Bescheid of a Förderprogramm of its own, its positions listed in the text with their amounts."""
        rng, key = self.rng, f"b{nummer}"
        cent = rng.random() < 0.5
        saetze = {
            f"s{k}": Fraction(rng.randint(100_000, 9_000_000), 100) if cent else Fraction(rng.randint(1_000, 90_000))
            for k in range(rng.randint(1, 4))
        }
        self.files[f"foerderprogramme/{key}.yaml"] = (
            f"titel: Programm {nummer}\ngueltig: {{von: 2029-01-01, bis: 2031-12-31}}\nmodule:\n  m:\n"
            "    titel: Modul\n    saetze:\n"
            + "".join(
                f"      {s}: {{betrag: {dezimal(b)}, kurz: K{s}, name: {text(self.name(f'Satz {s}'))}, vzae: 0}}\n"
                for s, b in saetze.items()
            )
        )
        von = rng.choice(["2030-01-01", "2030-07-01"])
        namen = {sid: self.name(f"Position {sid}") for sid in saetze}
        positionen = "".join(
            f"  - {{satz: {key}/m/{sid}, anzahl: {rng.choice(['1', '2', '3.5', '0.5', '7'])}, als: {text(namen[sid])}}}\n"
            for sid in saetze
        )
        self.files[f"bescheide/{key}.yaml"] = (
            f"datum: 2029-11-02\nbehoerde: Bezirksregierung Probe\nzeitraum: {{von: {von}, bis: 2030-12-31}}\n"
            f"rundung: {'cent' if cent else 'euro'}\npositionen:\n{positionen}"
            "raten:\n  - {name: erste Rate, anteil: 1/3}\n  - {name: zweite Rate, anteil: 2/3}\n"
        )
        b = f'bescheide["{key}"]'
        md = f"Der Bescheid vom {{{{ {b}.datum | datum }}}} bewilligt {{{{ {b}.betrag | eur }}}}:\n\n"
        for name in namen.values():
            p = f"{b}.zeilen[{text(name)}]"
            md += f"- {{{{ {p}.als }}}}: {{{{ {p}.text }}}} = {{{{ {p}.betrag | eur }}}}\n"
        md += f'\nDie erste Rate beträgt {{{{ {b}.raten["erste Rate"].betrag | eur }}}}.\n\n'
        return f"bescheide: [{key}]\n", md

    def stellen(self, nummer: int) -> str:
        """A Stellenstatistik and a list of its quotas."""
        rng, key = self.rng, f"st{nummer}"
        bausteine = ""
        for k in range(rng.randint(1, 4)):
            gesamt = Fraction(rng.randint(2, 900))
            besetzt = Fraction(rng.randint(0, int(gesamt) * 4), 4)
            if 0 < besetzt < gesamt / 100:  # a quota that is not zero never prints as „0 %“: the engine refuses it
                besetzt = Fraction(math.ceil(gesamt / 25), 4)
            bausteine += f"  b{k}: {{name: {text(self.name(f'Baustein {k}'))}, stellen: {gesamt}, besetzt: {dezimal(besetzt)}}}\n"
        self.files[f"stellen/{key}.yaml"] = f"titel: Stellen\nstand: 2029-10-31\nbausteine:\n{bausteine}"
        s = f'stellen["{key}"]'
        return (
            f"Besetzt sind (Stand {{{{ {s}.stand | monat }}}}):\n\n"
            + "".join(
                f"- {{{{ {s}['b{k}'].name }}}}: {{{{ {s}['b{k}'].besetzt | zahl }}}} von {{{{ {s}['b{k}'].stellen | zahl }}}}"
                f" Stellen = {{{{ {s}['b{k}'].quote | prozent }}}}\n"
                for k in range(bausteine.count("\n"))
            )
            + "\n"
        )

    def verteilung(self, nummer: int) -> str:
        rng = self.rng
        werte = {k: rng.choice(["~", "1", "2", "3", "0.5", "2.5"]) for k in rng.sample(KOMMUNEN, rng.randint(2, 7))}
        tage = sum(Fraction(w) for w in werte.values() if w != "~")
        return (
            f"verteilungen:\n  - id: v{nummer}v\n    titel: Einsatz je Kommune\n    vzae: {dezimal(tage / 5)}\n"
            "    werte:\n" + "".join(f"      {text(k)}: {w}\n" for k, w in werte.items())
        )


def repository(folder: Path, seed: int, anzahl: int) -> Path:
    """A data folder with `anzahl` random Vorlagen on one agenda; its Körperschaft drawn from the seed too."""
    gen = Vorlagen(seed)
    k_text, _ = koerperschaft(gen.rng)
    k_text += "land: NRW\n" + f"kommunen: [{', '.join(text(k) for k in KOMMUNEN)}]\n"
    stil = []
    if gen.rng.random() < 0.3:
        stil.append("  waehrung: EUR")
    if gen.rng.random() < 0.3:
        stil.append("  finanzen: {cent: true}")
    if gen.rng.random() < 0.2:
        stil.append("  schrift: Liberation Serif")
    k_text += ("hausstil:\n" + "\n".join(stil) + "\n") if stil else ""
    data = folder / "data"
    vorlagen = []
    for nummer in range(1, anzahl + 1):
        yaml, texts = gen.vorlage(nummer)
        vorlagen.append((nummer, yaml, texts))
    files = dict(gen.files)
    files["koerperschaft.yaml"] = k_text
    files["haushalt/2030.yaml"] = gen.haushalt.datei()
    files[f"sitzungen/{SITZUNG}.yaml"] = (
        'gremium: KA\ndatum: 2030-01-15\nbeginn: "15:00 Uhr"\nort: Kreishaus\ntagesordnung:\n  oeffentlich:\n'
        + "".join(f'    - {{top: "{n}", vorlage: "2030/{n:04d}"}}\n' for n, _, _ in vorlagen)
    )
    for nummer, yaml, texts in vorlagen:
        files[f"vorlagen/v{nummer}/vorlage.yaml"] = yaml
        files |= {f"vorlagen/v{nummer}/{name}": body for name, body in texts.items()}
    for name, body in files.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(body, encoding="utf-8")
    return data
