"""The header of a Vorlage as the Hausstil sets it (`hausstil: kopf`): which Kopfdaten in which order, their labels
and the body's own; render/kopfzeilen.py prints them."""

from __future__ import annotations

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record, suggest

KOPFFELDER = ("nummer", "datum", "federfuehrend", "aktenzeichen")  # the Kopfdaten vorlagen knows; a body adds its own


@record
class Kopfbeschriftung(Record):
    nummer: str = doc("Beschriftung der Nummer im Kopf", default="Vorlage-Nr.")
    datum: str = doc("Beschriftung des Datums", default="Datum")
    federfuehrend: str = doc("Beschriftung des federführenden Amts, z. B. Federführendes Amt", default="Federführend")
    einreicher: str = doc(
        "Beschriftung des Einreichers eines Antrags oder einer Anfrage (an der Stelle des Amts)",
        default="Eingereicht von",
    )
    aktenzeichen: str = doc("Beschriftung des Aktenzeichens", default="Aktenzeichen")
    oeffentlich: str = doc("Text im Kasten der Vorlagenart bei öffentlichen Vorlagen", default="öffentlich")
    nichtoeffentlich: str = doc("… und bei nichtöffentlichen", default="nichtöffentlich")


@record
class Kopf(Record):
    felder: list[str] = doc(
        "Kopfdaten in Reihenfolge (nummer, datum, federfuehrend, aktenzeichen und die eigenen); was fehlt, erscheint nicht",
        factory=lambda: ["nummer", "datum", "federfuehrend"],
    )
    beschriftung: Kopfbeschriftung = doc("Beschriftungen im Kopf", factory=Kopfbeschriftung)
    verwaltungschef: bool = doc("den Verwaltungschef unter dem Namen der Körperschaft zeigen", default=True)
    eigene: dict[str, str] = doc(
        "eigene Kopfdaten: Kennung → Beschriftung, z. B. bearbeitung: Bearbeitung; jede Vorlage füllt sie unter „kopf“",
        factory=dict,
    )

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        for feld in self.felder:
            if feld not in KOPFFELDER and feld not in self.eigene:
                hint = suggest(feld, [*KOPFFELDER, *self.eigene])
                problems.append(
                    Problem(
                        self.where("felder"),
                        f"„felder“: „{feld}“ ist kein Kopfdatum{hint or '.'} Möglich sind: "
                        f"{', '.join([*KOPFFELDER, *self.eigene])}; eigene legen Sie unter „eigene“ an, "
                        "z. B. eigene: {bearbeitung: Bearbeitung}.",
                    )
                )
        for feld in self.eigene:
            if feld in KOPFFELDER:
                problems.append(
                    Problem(
                        self.where("eigene"),
                        f"„{feld}“ ist schon ein Kopfdatum von vorlagen – wählen Sie für das eigene eine "
                        "andere Kennung; die Beschriftung ändern Sie unter „beschriftung“.",
                    )
                )
        return problems
