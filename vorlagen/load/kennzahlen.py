"""Typed records of named figures: a Vorlage's (zahlen) and those every Vorlage can read (kennzahlen/<datei>.yaml)."""

from __future__ import annotations

from typing import Literal

from vorlagen.core.fmt import zahl
from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record
from vorlagen.load.werte import Formelzahl

GELDEINHEITEN = ("€", "T€", "Mio. €", "Mrd. €")
RUNDUNGSARTEN = {  # in a Herleitung
    "kaufmaennisch": "kaufmännisch",
    "zur_geraden_ziffer": "eine 5 zur geraden Ziffer",
    "abschneiden": "Stellen abgeschnitten",
}


@record
class Anteilsgrenze(Record):
    """A cap as a Bescheid states it: an amount at most a rate of its base, rounded as the amount rounds."""

    prozent: Formelzahl = doc("der Satz in Prozent, z. B. 90 für „höchstens 90 %“")
    von: str = doc("die Zahl, von der der Satz genommen wird (ihre id unter „zahlen“)")

    def check(self) -> list[Problem]:
        if 0 < self.prozent <= 100:
            return []
        return [
            Problem(self.where("prozent"), f"„prozent“ liegt über 0 und höchstens bei 100, nicht {zahl(self.prozent)}.")
        ]


@record
class Kennzahl(Record):
    id: str = doc('Name für Texte (zahlen["id"]) und andere Formeln')
    titel: str | None = doc("Bezeichnung, z. B. Verwaltungskostenpauschale (1,75 % der Zuwendung)", default=None)
    formel: str = doc(
        "wie sich die Zahl ergibt, z. B. „finanzierung.plan.zuwendung * 1,75 %“ oder „summe(a; b) - c“ (Dezimalkomma, „;“ zwischen Argumenten)"
    )
    einheit: Literal["€", "T€", "Mio. €", "Mrd. €", "%", "VZÄ", "Stellen", "Tage", "Stück", "Anzahl"] = doc(
        "Einheit; T€, Mio. € und Mrd. € sind Euro in Tausend, Millionen und Milliarden – auch die Zahlen einer Formel "
        "und „erwartet“ stehen in dieser Einheit (0,523 in Mio. € sind 523.000 €)",
        default="€",
    )
    rundung: Literal["euro", "cent", "keine"] | None = doc(
        "Geld: auf ganze Euro oder Cent (Standard: wie die Körperschaft) oder gar nicht", default=None
    )
    rundungsart: Literal["kaufmaennisch", "zur_geraden_ziffer", "abschneiden"] = doc(
        "wie gerundet wird: kaufmännisch, eine 5 von der Null weg (6.594,5 → 6.595); eine 5 zur geraden Ziffer "
        "(6.594,5 → 6.594, so rundete „round“ in Texten von 0.2.0); oder die Stellen abschneiden (6.594,9 → 6.594, "
        "so „int“ in 0.2.0). Zahlen, die kein Geld sind, runden so auf ihre „stellen“",
        default="kaufmaennisch",
    )
    runden: Literal["je_posten", "am_ende"] = doc(
        "je_posten: gelesene Zahlen gerundet, wie gedruckt; am_ende: genau, gerundet wird nur diese Zahl",
        default="je_posten",
    )
    stellen: int | None = doc(
        "Nachkommastellen beim Drucken (Standard: eine getippte Zahl wie getippt, eine Summe mindestens wie ihre "
        "Zahlen; sonst Prozent wie die Körperschaft, T€ 0, Mio. € 2)",
        default=None,
    )
    erwartet: Formelzahl | None = doc(
        "der Wert laut Vorlage, in der Einheit der Zahl (bei % in Prozent) und geschrieben wie in der Formel "
        '(Dezimalkomma: erwartet: "0,523"), wird nachgerechnet',
        default=None,
    )
    hoechstens: Formelzahl | None = doc(
        "die Zahl ist höchstens so groß, geschrieben wie „erwartet“ (bei % in Prozent: hoechstens: 90); eine "
        'überschrittene Grenze ist ein Fehler; Texte zitieren sie als zahlen["id"].hoechstens',
        default=None,
    )
    mindestens: Formelzahl | None = doc(
        "die Zahl ist mindestens so groß, geschrieben wie „erwartet“ (bei % in Prozent: mindestens: 10); eine "
        'unterschrittene Grenze ist ein Fehler; Texte zitieren sie als zahlen["id"].mindestens',
        default=None,
    )
    hoechstens_anteil: Anteilsgrenze | None = doc(
        "ein Betrag höchstens so groß wie ein Satz einer anderen Zahl, wie ein Bescheid es sagt: "
        "„{prozent: 90, von: ausgaben}“ – höchstens 90 % von „ausgaben“, gerundet, wie diese Zahl rundet "
        "(90 % von 160.190,81 € sind auf Cent 144.171,73 €)",
        default=None,
    )

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.id or not self.id[0].isalpha() or not all(c.isalnum() or c in "-_" for c in self.id):
            problems.append(
                Problem(
                    self.where("id"),
                    f"„{self.id}“ taugt nicht als Name einer Zahl – beginnen Sie mit einem Buchstaben und "
                    "verwenden Sie nur Buchstaben, Ziffern, - und _.",
                )
            )
        if self.stellen is not None and not 0 <= self.stellen <= 6:
            problems.append(Problem(self.where("stellen"), f"„stellen“ liegt zwischen 0 und 6, nicht {self.stellen}."))
        if self.rundungsart != "kaufmaennisch" and not self._rundet():
            problems.append(
                Problem(
                    self.where("rundungsart"),
                    "„rundungsart“ sagt, wie diese Zahl rundet, aber sie rundet nicht – "
                    + (
                        "nennen Sie „rundung: euro“ oder „rundung: cent“ oder streichen Sie „rundungsart“."
                        if self.einheit in GELDEINHEITEN
                        else "nennen Sie die Nachkommastellen, auf die sie rundet („stellen: 0“ für ganze Zahlen), "
                        "oder streichen Sie „rundungsart“."
                    ),
                )
            )
        problems += widerspruch(self)
        return problems

    def _rundet(self) -> bool:
        """Whether the figure rounds its value: money unless `rundung: keine`, other units to their `stellen`."""
        return self.rundung != "keine" if self.einheit in GELDEINHEITEN else self.stellen is not None


def widerspruch(grenzen: Record) -> list[Problem]:
    """A `mindestens` above the `hoechstens` of the same value: no value can hold both."""
    oben, unten = getattr(grenzen, "hoechstens", None), getattr(grenzen, "mindestens", None)
    if oben is None or unten is None or unten <= oben:
        return []
    return [
        Problem(
            grenzen.where("mindestens"),
            f"„mindestens: {zahl(unten)}“ ist mehr als „hoechstens: {zahl(oben)}“ – keine Zahl hält beide Grenzen; "
            "prüfen Sie, welche Grenze gemeint ist.",
        )
    ]


@record
class Kennzahlen(Record):
    titel: str = doc("wofür die Zahlen gelten, z. B. Kreisfonds Integration 2025")
    quelle: str | None = doc("Herkunft, z. B. Haushaltssatzung 2025, § 2", default=None)
    zahlen: list[Kennzahl] = doc("Zahlen, die jede Vorlage lesen kann: kennzahlen.<datei>.<id>")

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        seen = set()
        for k in self.zahlen:
            if k.id in seen:
                problems.append(
                    Problem(
                        self.where("zahlen"),
                        f"Die Kennung „{k.id}“ steht in „zahlen“ doppelt – vergeben Sie eindeutige Namen.",
                    )
                )
            seen.add(k.id)
        return problems
