"""Records of a Vorlage's Finanzielle Auswirkungen as data (vorlage.yaml: finanzielle_auswirkungen).

Amounts are names of figures of the Vorlage's ledger, never typed numbers (checked in compute/haushalt.py). A
Deckung may leave its source open (no `konto`, no `art`): it prints „noch offen“ until publishing needs it. A
Verpflichtungsermächtigung is its own Beschluss point: the amount the plan of `jahr` grants, and what each later
year's plan or Nachtrag carries (`lasten`), which add up to it.
"""

from __future__ import annotations

from typing import Literal

from vorlagen.core.problems import Problem
from vorlagen.load.haushalt import doppelt, ist_jahr
from vorlagen.load.haushaltsposition import Plan
from vorlagen.load.records import Record, doc, line_of, record

ALLGEMEIN = "allgemeine Deckungsmittel"  # a Deckung from the budget as a whole (Gesamtdeckung), no Position
LEER = "„jahre“ ist leer – nennen Sie je Haushaltsjahr die Zahl des Betrags."
LEER_POSITION = (
    "„jahre“ ist leer – nennen Sie je Haushaltsjahr die Zahl des Betrags (bei einer Position, wo Ansatz und ganzer "
    "Betrag nicht vorliegen, statt dessen unter „ueberplanmaessig“ oder „ausserplanmaessig“ den Betrag, den die "
    "Kämmerei nennt)."
)


@record
class Haushaltsbetrag(Record):
    konto: str = doc('Position des Haushalts (haushalt/<jahr>.yaml: konto), z. B. "1.05.06"')
    plan: Plan | None = doc(
        "Plan der Position im Haushalt; ohne Angabe: Ergebnisplan (kameral: Verwaltungshaushalt)", default=None
    )
    jahre: dict[str, str] = doc(
        "Haushaltsjahr → Name einer Zahl (Abschnitt „zahlen“ oder z. B. uebersicht.jahre_max.2022), keine getippte "
        "Zahl: der ganze Betrag – was der Plan nicht trägt, rechnet vorlagen aus dem Haushalt",
        factory=dict,
    )
    ueberplanmaessig: dict[str, str] = doc(
        "statt „jahre“, wo Ansatz und ganzer Betrag nicht vorliegen: Haushaltsjahr → Name einer Zahl mit dem "
        "überplanmäßigen Betrag, wie die Kämmerei ihn nennt",
        factory=dict,
    )
    ausserplanmaessig: dict[str, str] = doc(
        "ebenso für einen außerplanmäßigen Betrag (der Plan veranschlagt bei der Position nichts)", factory=dict
    )

    @property
    def betraege(self) -> dict[str, str]:
        """The amounts it names per year, whichever way (the whole amount or the stated overrun)."""
        return self.jahre or self.ueberplanmaessig or self.ausserplanmaessig

    def check(self) -> list[Problem]:
        genannt = [k for k in ("jahre", "ueberplanmaessig", "ausserplanmaessig") if getattr(self, k)]
        if len(genannt) > 1:
            return [
                Problem(
                    self.where(genannt[1]),
                    f"„{genannt[0]}“ und „{genannt[1]}“ bei derselben Position widersprechen sich – nennen Sie entweder "
                    "den ganzen Betrag („jahre“; was der Plan nicht trägt, rechnet vorlagen) oder, wo Ansatz und "
                    "ganzer Betrag nicht vorliegen, den über- oder außerplanmäßigen Betrag, wie die Kämmerei ihn nennt.",
                )
            ]
        return []


@record
class Deckung(Record):
    art: Literal["Einsparung", "Mehrertrag", "allgemeine Deckungsmittel"] | None = doc(
        "Einsparung bei einer anderen Aufwandsposition oder Mehrertrag bei einer Ertragsposition (ertrag: true) mit "
        "„prognose“; „allgemeine Deckungsmittel“: aus den allgemeinen Haushalts- oder Deckungsmitteln (Gesamtdeckung "
        "des Haushalts), ohne „konto“; ohne Angabe: noch offen",
        default=None,
    )
    konto: str | None = doc(
        "Position des Haushalts, bei der eingespart wird oder die die Mehrerträge bringt; ohne Angabe: noch offen",
        default=None,
    )
    plan: Plan | None = doc("Plan der Position; ohne Angabe wie bei den Beträgen", default=None)
    jahre: dict[str, str] = doc(
        "Haushaltsjahr → Name einer Zahl, wie bei den Beträgen; auch haushalt.mehrbedarf.2022 (der ganze Mehrbedarf)"
    )

    def check(self) -> list[Problem]:
        if self.konto is not None and self.art == ALLGEMEIN:
            return [
                Problem(
                    self.where("konto"),
                    f"Allgemeine Deckungsmittel kommen aus dem ganzen Haushalt, nicht von „{self.konto}“ – streichen "
                    "Sie „konto“, oder schreiben Sie „art: Einsparung“ oder „art: Mehrertrag“, wenn die Deckung von "
                    "dieser Position kommt.",
                )
            ]
        if self.konto is not None and self.art is None:
            return [
                Problem(
                    self.where("konto"),
                    f"Die Deckung nennt „{self.konto}“, aber nicht, wie sie deckt – schreiben Sie „art: "
                    "Einsparung“ oder „art: Mehrertrag“ (oder lassen Sie beides offen).",
                )
            ]
        return []


@record
class VEDeckung(Record):
    konto: str = doc("Position, deren Verpflichtungsermächtigung dafür sinkt oder entfällt")
    plan: Plan | None = doc("Plan der Position; ohne Angabe: Finanzplan (kameral: Vermögenshaushalt)", default=None)
    betrag: str = doc("Name einer Zahl: um so viel sinkt die Verpflichtungsermächtigung dort")


@record
class LastenJahr(Record):
    betrag: str = doc("Name einer Zahl: was das Jahr zusammen tragen muss")
    im_plan: str = doc(
        "Name einer Zahl: der Teil, den der beschlossene Haushaltsplan des Jahres schon trägt; den Rest muss ein "
        "Nachtrag vorsehen (gerechnet: betrag − im_plan)"
    )


@record
class Verpflichtungsermaechtigung(Record):
    id: str = doc("Kennung, unter der Texte sie zitieren: haushalt.ve.<id>.betrag")
    konto: str = doc("Position des Haushalts, für deren Investition sich die Gemeinde verpflichtet")
    plan: Plan | None = doc("ohne Angabe: Finanzplan (kameral: Vermögenshaushalt)", default=None)
    jahr: int = doc("Haushaltsjahr, dessen Plan die Verpflichtungsermächtigung erteilt")
    betrag: str = doc("Name einer Zahl: die ganze Verpflichtungsermächtigung")
    lasten: dict[str, str | LastenJahr] | None = doc(
        "zu Lasten welcher Jahre: Jahr → Name einer Zahl (was der Plan oder Nachtrag des Jahres tragen muss) oder "
        "{betrag: …, im_plan: …} (davon schon im Haushaltsplan, der Rest im Nachtrag); die Jahre ergeben zusammen "
        "„betrag“; ohne Angabe: noch offen",
        default=None,
    )
    deckung: list[VEDeckung] = doc(
        "andere Verpflichtungsermächtigungen, die dafür sinken oder entfallen (für den über- oder außerplanmäßigen Teil)",
        factory=list,
    )

    def check(self) -> list[Problem]:
        problems = []
        if not ist_jahr(str(self.jahr)):
            problems.append(
                Problem(self.where("jahr"), f"„{self.jahr}“ ist kein Haushaltsjahr – schreiben Sie z. B. 2023.")
            )
        lasten = self.lasten or {}
        for jahr in lasten:
            if not ist_jahr(jahr):
                problems.append(
                    Problem(
                        line_of(lasten, jahr),
                        f"„{jahr}“ ist kein Haushaltsjahr – schreiben Sie das Jahr mit vier Ziffern, z. B. 2024.",
                    )
                )
            elif int(jahr) <= self.jahr:
                problems.append(
                    Problem(
                        line_of(lasten, jahr),
                        f"Eine Verpflichtungsermächtigung des Haushalts {self.jahr} belastet spätere Jahre, nicht "
                        f"{jahr} – Beträge des Jahres {self.jahr} selbst stehen unter „positionen“.",
                    )
                )
        if self.lasten is not None and not self.lasten:
            problems.append(
                Problem(
                    self.where("lasten"),
                    "„lasten“ ist leer – nennen Sie je späterem Jahr die Zahl, die sein Plan trägt, oder lassen Sie "
                    "„lasten“ weg, solange die Jahre noch offen sind.",
                )
            )
        return problems


@record
class FinanzielleAuswirkungen(Record):
    keine: bool = doc(
        "true: die Vorlage hat keine finanziellen Auswirkungen (gedruckt wird der Satz des Hausstils)", default=False
    )
    text: str | None = doc("Markdown-Datei mit weiterem Text, gedruckt unter den Angaben", default=None)
    positionen: list[Haushaltsbetrag] = doc("je Position des Haushalts die Beträge je Haushaltsjahr", factory=list)
    deckung: list[Deckung] = doc("Deckung über- und außerplanmäßiger Beträge", factory=list)
    verpflichtungsermaechtigungen: list[Verpflichtungsermaechtigung] = doc(
        "Verpflichtungsermächtigungen, die die Vorlage beschließen lässt (je ein eigener Beschlusspunkt)", factory=list
    )
    dauer: Literal["einmalig", "laufend", "einmalig und laufend"] | None = doc(
        "einmalige oder laufende Aufwendungen", default=None
    )
    anlagevermoegen: bool | None = doc(
        "entsteht Anlagevermögen? (gedruckt: Ja/Nein; ohne Angabe: nicht gedruckt)", default=None
    )
    folgekosten: str | None = doc("Name einer Zahl mit den jährlichen Folgekosten, oder „keine“", default=None)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        angaben = (
            self.positionen
            or self.deckung
            or self.verpflichtungsermaechtigungen
            or self.folgekosten
            or self.dauer
            or self.anlagevermoegen
        )
        if self.keine and angaben:
            problems.append(
                Problem(
                    self.where("keine"),
                    "„keine: true“ und Angaben zu Beträgen widersprechen sich – streichen Sie „keine“ oder die Angaben.",
                )
            )
        elif not self.keine and not self.positionen and not self.verpflichtungsermaechtigungen:
            problems.append(
                Problem(
                    self.where("positionen"),
                    "Es fehlen „positionen“ (je Position des Haushalts die Beträge je Jahr) – oder "
                    "schreiben Sie „keine: true“, wenn die Vorlage keine finanziellen Auswirkungen hat.",
                )
            )
        for p in doppelt(self.positionen):
            problems.append(
                Problem(
                    p.where("konto"),
                    f"Die Position „{p.konto}“ ({p.plan or 'Ergebnisplan'}) steht doppelt – nennen Sie jedes Jahr "
                    "einer Position einmal, mit einer Zahl für seinen ganzen Betrag.",
                )
            )
        ids = [v.id for v in self.verpflichtungsermaechtigungen]
        for v in self.verpflichtungsermaechtigungen:
            if ids.count(v.id) > 1 and v is next(x for x in self.verpflichtungsermaechtigungen if x.id == v.id):
                problems.append(
                    Problem(v.where("id"), f"Die Kennung „{v.id}“ steht doppelt – vergeben Sie eindeutige Kennungen.")
                )
        items = [(p.betraege, p.where("jahre"), LEER_POSITION) for p in self.positionen]
        items += [(d.jahre, d.where("jahre"), LEER) for d in self.deckung]
        for jahre, where, leer in items:
            if not jahre:
                problems.append(Problem(where, leer))
            for jahr in jahre:
                if not ist_jahr(jahr):
                    problems.append(
                        Problem(
                            line_of(jahre, jahr),
                            f"„{jahr}“ ist kein Haushaltsjahr – schreiben Sie das Jahr mit vier Ziffern, z. B. 2022.",
                        )
                    )
        return problems
