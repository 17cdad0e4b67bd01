"""The Haushalt of a data folder of random Vorlagen (tests/hilfen/zufallsvorlagen.py): per Vorlage positions of its
own – single ones, some with reste or bereitgestellt, a Deckungskreis – with the amounts it claims, and the Deckung
of a Mehrbedarf from a position with room or left open."""

from __future__ import annotations

import random
from fractions import Fraction

from tests.hilfen.zufallsdaten import dezimal, text

WOERTER = (
    "Sachverständigen u. Gerichtskosten",
    "Unterhaltung des sonstigen unbeweglichen Vermögens und der Außenanlagen",
    "Erstattungen an Gemeinden und Gemeindeverbände für Leistungen der Eingliederungshilfe",
    "Kosten der Pässe u. Ausweise",
    "Geschäftsausgaben",
    "Bürobedarf",
    "Aufwendungen für Sach- und Dienstleistungen (Reinigung, Bewachung, Winterdienst)",
)


class Haushalt:
    """A Haushalt 2030 of the data folder, and per Vorlage positions of its own (Vorlagen share no position: what
    one claims would be missing for the next) with the Finanzielle Auswirkungen on them."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.kameral = rng.random() < 0.3
        self.positionen: list[str] = []
        self.kreise: list[str] = []

    def datei(self) -> str:
        lines = ["buchfuehrung: kameral" if self.kameral else "buchfuehrung: doppisch", "entscheidet: KA"]
        lines.append("erheblich: 900000000000")
        if self.kreise:
            lines += ["deckungskreise:", *self.kreise]
        return "\n".join([*lines, "positionen:", *self.positionen]) + "\n"

    def konto(self) -> str:
        k = len(self.positionen)
        return f"{k % 1000:03d}.{650 + k // 1000}" if self.kameral else f"{k // 100 + 1:02d}.{k % 100:02d}.01"

    def position(self, fields: dict) -> str:
        konto = self.konto()
        inner = ", ".join(f"{k}: {text(v) if isinstance(v, str) else v}" for k, v in fields.items())
        self.positionen.append(f"  - {{konto: {text(konto)}, {inner}}}")
        return konto

    def auswirkungen(self, nummer: int) -> str:
        """Amounts on 1 to 6 new positions, some in a Deckungskreis of the Vorlage; a Mehrbedarf is covered by an
        Einsparung elsewhere or left open."""
        rng = self.rng
        cent = rng.random() < 0.5
        kreis = f"K{nummer}" if rng.random() < 0.5 else None
        if kreis:
            self.kreise.append(f"  - {{id: {kreis}, bezeichnung: {rng.choice(['Deckungskreis', 'Budget'])} {nummer}}}")
        zahlen, positionen, mehr = [], [], False
        im_kreis = [Fraction(0), Fraction(0)]  # amounts and what is free in the Deckungskreis
        for k in range(rng.randint(2 if kreis else 1, 10 if kreis else 5)):
            ansatz = rng.randint(0, 900_000) * rng.choice([1, 1, 10, 100])
            fields: dict = {"bezeichnung": rng.choice(WOERTER), "ansatz": ansatz}
            if rng.random() < 0.5:
                fields["gebunden"] = rng.randint(0, ansatz)
            frei = Fraction(ansatz - fields.get("gebunden", 0))
            betrag = Fraction(rng.randint(1, 2 * ansatz * 100 + 100_000), 100)
            betrag = betrag if cent else Fraction(int(betrag) + 1)
            if kreis and (k == 0 or rng.random() < 0.7):
                fields["deckungskreis"] = kreis
                im_kreis = [im_kreis[0] + betrag, im_kreis[1] + frei]
            else:
                for field in ("reste", "bereitgestellt"):  # the list of Braunschweig, where more is needed
                    if rng.random() < 0.2:
                        fields[field] = rng.randint(0, 90_000)
                        frei += fields[field]
                mehr = mehr or betrag > frei
            konto = self.position(fields)
            runde = ", rundung: cent" if cent else ""
            formel = dezimal(betrag).replace(".", ",")
            zahlen.append(f'  - {{id: hh{nummer}-{k}, formel: "{formel}", einheit: "€"{runde}}}')
            positionen.append(f"    - {{konto: {text(konto)}, jahre: {{2030: hh{nummer}-{k}}}}}")
        text_ = "zahlen:\n" + "\n".join(zahlen) + "\nfinanzielle_auswirkungen:\n  positionen:\n" + "\n".join(positionen)
        if mehr or im_kreis[0] > im_kreis[1]:
            if rng.random() < 0.5:
                quelle = self.position({"bezeichnung": rng.choice(WOERTER), "ansatz": 10**11})
                text_ += f"\n  deckung:\n    - {{art: Einsparung, konto: {text(quelle)}, jahre: {{2030: haushalt.mehrbedarf.2030}}}}"
            else:
                text_ += "\n  deckung:\n    - jahre: {2030: haushalt.mehrbedarf.2030}"
        return text_ + "\n"
