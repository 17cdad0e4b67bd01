"""Records of the Haushalt (haushalt/<jahr>.yaml): one Haushaltsjahr, doppisch or kameral.

Its Positionen (Produkte, Kostenstellen, Sachkonten, Investitionen, Projekte – kameral: Haushaltsstellen) carry the
Ansatz, what is already bound, the bookings after decisions (dated, so that a decided Vorlage prints the Haushalt
of its decision), the Verpflichtungsermächtigung the plan grants, and the Deckungskreis (Budget, Deckungsring) whose
lines offset each other. The Haushaltssatzung's threshold of „erheblich“ and the Gremium that decides above it may
stay open until publishing. A Position with `ertrag: true` plans Erträge or Einzahlungen; its `prognose` is the only
source of a Mehrertrag Deckung.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Literal, TypeVar

from vorlagen.core.fmt import OHNE_HAUS
from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, changed, doc, record, suggest
from vorlagen.load.werte import Betrag

Plan = Literal["Ergebnisplan", "Finanzplan", "Verwaltungshaushalt", "Vermögenshaushalt"]
Buchfuehrung = Literal["doppisch", "kameral"]
Art = Literal["Produkt", "Kostenstelle", "Sachkonto", "Investition", "Projekt", "Haushaltsstelle"]
# the plans of each system, the first one its default
SYSTEM_PLAENE: dict[str, tuple[str, ...]] = {
    "doppisch": ("Ergebnisplan", "Finanzplan"),
    "kameral": ("Verwaltungshaushalt", "Vermögenshaushalt"),
}
_JAHR = re.compile(r"(19|20|21)\d\d")
NULL = Betrag(Decimal(0))
ZWEI_GRENZEN = (
    "„erheblich“ und „zustaendig“ widersprechen sich – nennen Sie entweder die Erheblichkeitsgrenze der "
    "Haushaltssatzung oder die Vorschrift, nach der das Gremium „entscheidet“ über jeden Betrag entscheidet."
)
NEGATIV = "„erheblich“ ist negativ ({}) – tragen Sie die Grenze ohne Minus ein."
# A Haushalt file is checked as it is read, on its own: no Körperschaft is at hand yet, so its messages print amounts
# with „€“ (load/records.py reads every file before the body's Hausstil is known to it).
_geld = OHNE_HAUS.geld


def ist_jahr(text: str) -> bool:
    """True for a plausible Haushaltsjahr written as four digits (1900–2199)."""
    return bool(_JAHR.fullmatch(text))


_P = TypeVar("_P", bound=Record)


def doppelt(positionen: list[_P]) -> list[_P]:
    """The Positionen that name a konto and plan an earlier one names already (the Haushalt keeps one Position
    per konto and plan, a Vorlage one amount per Position and year)."""
    seen: set[tuple[str, str | None]] = set()
    repeated = []
    for p in positionen:
        key = (getattr(p, "konto"), getattr(p, "plan"))  # noqa: B009 – Position and the Vorlage's amounts alike
        if key in seen:
            repeated.append(p)
        seen.add(key)
    return repeated


@record
class Buchung(Record):
    datum: dt.date = doc("Tag, an dem die Kämmerei den Betrag gebunden hat")
    betrag: Betrag = doc("gebundener Betrag in Euro")
    vorlage: str | None = doc(
        'Nummer der beschlossenen Vorlage, deren Betrag gebunden wird, z. B. "2021/0123"', default=None
    )

    def check(self) -> list[Problem]:
        if self.betrag < 0:
            return [Problem(self.where("betrag"), f"Eine Buchung ist nicht negativ ({_geld(self.betrag)}).")]
        return []


@record
class Position(Record):
    konto: str = doc(
        'Produkt, Kostenstelle, Sachkonto, Investition, Projekt oder Haushaltsstelle, wie gedruckt, z. B. "1.05.06"'
    )
    bezeichnung: str | None = doc(
        "wie gedruckt, z. B. Kommunales Integrationszentrum; ohne Angabe: nur „konto“ (wo die Quelle nur einen Namen nennt)",
        default=None,
    )
    art: Art | None = doc(
        "was „konto“ bezeichnet; ohne Angabe: Produkt (doppisch) bzw. Haushaltsstelle (kameral)", default=None
    )
    plan: Plan | None = doc(
        "Ergebnisplan (Aufwendungen) oder Finanzplan (Auszahlungen); kameral Verwaltungs- oder Vermögenshaushalt; "
        "ohne Angabe: Ergebnisplan bzw. Verwaltungshaushalt",
        default=None,
    )
    deckungskreis: str | None = doc(
        "Kennung des Deckungskreises (Budget, Deckungsring), dessen Positionen sich gegenseitig decken", default=None
    )
    ertrag: bool = doc(
        "true: eine Ertrags- oder Einzahlungsposition (Ansatz: geplante Erträge); sie kann Mehrerträge zur Deckung bringen",
        default=False,
    )
    ansatz: Betrag | None = doc(
        "Ansatz im Haushaltsplan dieses Jahres, in Euro (0: nicht veranschlagt – dann ist jeder Betrag außerplanmäßig); "
        "leer (~): noch offen, nur bei einer Position, die eine Deckung bringt oder deren über- oder außerplanmäßigen "
        "Betrag die Vorlage selbst nennt (ueberplanmaessig, ausserplanmaessig)",
    )
    gebunden: Betrag = doc(
        "davon schon gebunden (Verträge, Aufträge, Stellen), in Euro; bei einer Ertragsposition: Mehrerträge, die schon andere Bereitstellungen decken",
        default=NULL,
    )
    buchungen: list[Buchung] = doc(
        "was die Kämmerei nach Beschlüssen bindet, mit Datum: eine beschlossene Vorlage rechnet ohne die Buchungen "
        "ab ihrem Beschluss",
        factory=list,
    )
    prognose: Betrag | None = doc(
        "nur bei einer Ertragsposition: erwartete Erträge des Jahres laut Kämmerei; Mehrertrag = prognose − ansatz − gebunden",
        default=None,
    )
    reste: Betrag | None = doc(
        "Haushaltsreste (kameral) bzw. Ermächtigungsübertragungen (doppisch): aus dem Vorjahr übertragene Mittel, in "
        "Euro; sie erhöhen, was verfügbar ist; ohne Angabe: keine (und keine Zeile dafür im Druck)",
        default=None,
    )
    bereitgestellt: Betrag | None = doc(
        "in diesem Jahr schon über- oder außerplanmäßig bereitgestellt, in Euro (statt den Ansatz zu erhöhen); es "
        "erhöht, was verfügbar ist; ohne Angabe: nichts (und keine Zeile dafür im Druck)",
        default=None,
    )
    ve: Betrag | None = doc(
        "Verpflichtungsermächtigung, die der Plan dieses Jahres hier veranschlagt, in Euro (0: keine; ohne Angabe: "
        "nicht bekannt)",
        default=None,
    )
    ve_gebunden: Betrag = doc("davon schon in Anspruch genommen, in Euro", default=NULL)

    @property
    def mittel(self) -> Decimal:
        """What the plan holds here before a Vorlage: Ansatz + Haushaltsreste + already bereitgestellt."""
        return (self.ansatz if self.ansatz is not None else NULL) + (self.reste or NULL) + (self.bereitgestellt or NULL)

    @property
    def mittel_teile(self) -> list[tuple[str, Decimal]]:
        """(label, amount) of what `mittel` adds up: the Ansatz, and Reste and bereitgestellt where stated."""
        teile: list[tuple[str, Decimal]] = [("Ansatz", self.ansatz if self.ansatz is not None else NULL)]
        teile += [("Reste", self.reste)] if self.reste is not None else []
        return teile + ([("bereitgestellt", self.bereitgestellt)] if self.bereitgestellt is not None else [])

    @property
    def verfuegbar(self) -> Decimal:
        """What a Vorlage can still draw here: Ansatz (+ Reste + bereitgestellt) − gebunden; at an Ertrag position
        the Mehrertrag still free (prognose − Ansatz − gebunden, 0 without a prognose). Only asked where the Ansatz
        is known."""
        ansatz = self.ansatz if self.ansatz is not None else NULL
        if self.ertrag:
            return self.prognose - ansatz - self.gebunden if self.prognose is not None else Decimal(0)
        return self.mittel - self.gebunden

    @property
    def ve_frei(self) -> Decimal | None:
        """The Verpflichtungsermächtigung still free here, None where the plan's is not known."""
        return None if self.ve is None else self.ve - self.ve_gebunden

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        for key in ("ansatz", "gebunden", "prognose", "ve", "ve_gebunden", "reste", "bereitgestellt"):
            if (getattr(self, key) or 0) < 0:
                problems.append(
                    Problem(
                        self.where(key),
                        f"„{key}“ ist negativ ({_geld(getattr(self, key))}) – tragen Sie den Betrag ohne Minus ein; "
                        "Erträge und Einzahlungen gehören in eine eigene Position mit „ertrag: true“.",
                    )
                )
        if self.prognose is not None and not self.ertrag:
            problems.append(
                Problem(
                    self.where("prognose"),
                    "„prognose“ gilt nur für eine Ertragsposition – schreiben Sie „ertrag: true“ dazu, wenn "
                    "die Position Erträge oder Einzahlungen plant, sonst streichen Sie „prognose“.",
                )
            )
        for key in ("reste", "bereitgestellt"):
            if self.ertrag and getattr(self, key) is not None:
                problems.append(
                    Problem(
                        self.where(key),
                        f"„{key}“ gilt nur für Aufwands- und Auszahlungspositionen – bei einer Ertragsposition "
                        "(„ertrag: true“) streichen Sie die Zeile.",
                    )
                )
            elif self.deckungskreis is not None and getattr(self, key) is not None:
                problems.append(
                    Problem(
                        self.where(key),
                        f"„{key}“ bei einer Position im Deckungskreis „{self.deckungskreis}“ rechnet vorlagen noch "
                        "nicht – der Kreis zählt nur die Ansätze: rechnen Sie die Mittel in den Ansatz ein und "
                        "streichen Sie die Zeile.",
                    )
                )
        if self.ve_gebunden and (self.ve is None or self.ve_gebunden > self.ve):
            problems.append(
                Problem(
                    self.where("ve_gebunden"),
                    f"In Anspruch genommen ({_geld(self.ve_gebunden)}) ist mehr als die veranschlagte "
                    f"Verpflichtungsermächtigung ({_geld(self.ve or NULL)}) – prüfen Sie „ve“ und „ve_gebunden“.",
                )
            )
        if self.ertrag or self.ansatz is None:
            return problems
        gebunden = self.gebunden + sum((b.betrag for b in self.buchungen), NULL)
        if 0 <= self.mittel < gebunden:
            was = "Gebunden" if not self.buchungen else "Gebunden mit den Buchungen"
            mit = [n for n, v in (("Reste", self.reste), ("bereitgestellt", self.bereitgestellt)) if v is not None]
            problems.append(
                Problem(
                    self.where("gebunden"),
                    f"{was} ({_geld(gebunden)}) ist mehr als der Ansatz ({_geld(self.ansatz)}) – prüfen Sie beide "
                    "Beträge; eine schon bewilligte Bereitstellung erhöht den Ansatz."
                    if not mit
                    else f"{was} ({_geld(gebunden)}) ist mehr als Ansatz, {' und '.join(mit)} zusammen "
                    f"({_geld(self.mittel)}) – prüfen Sie die Beträge.",
                )
            )
        return problems


@record
class Deckungskreis(Record):
    id: str = doc('Kennung, auf die Positionen mit „deckungskreis“ verweisen, z. B. "650"')
    bezeichnung: str = doc("wie gedruckt, z. B. Deckungskreis Nr. 650 oder Budget B6 / 01")


@record
class Haushalt(Record):
    buchfuehrung: Buchfuehrung = doc(
        "doppisch (Ergebnis- und Finanzplan) oder kameral (Verwaltungs- und Vermögenshaushalt)", default="doppisch"
    )
    satzung: str | None = doc("Fundstelle der Erheblichkeitsgrenze, z. B. Haushaltssatzung 2021, § 7", default=None)
    erheblich: Betrag | None = doc(
        "Erheblichkeitsgrenze der Haushaltssatzung in Euro: über-/außerplanmäßige Beträge darüber beschließt vorher "
        "das Gremium „entscheidet“; ohne Angabe: noch offen (gedruckt „noch offen“, vor der Veröffentlichung nötig)",
        default=None,
    )
    entscheidet: str | None = doc(
        "Kürzel des Gremiums, das darüber entscheidet, z. B. KT (Kreistag), Rat oder HA, wo übertragen; ohne Angabe: "
        "noch offen",
        default=None,
    )
    zustaendig: str | None = doc(
        "statt „erheblich“: die Vorschrift, nach der „entscheidet“ über jeden Betrag entscheidet, z. B. § 9 GeschO",
        default=None,
    )
    deckungskreise: list[Deckungskreis] = doc(
        "Deckungskreise (Budgets, Deckungsringe): ihre Positionen decken sich gegenseitig", factory=list
    )
    positionen: list[Position] = doc(
        "Positionen mit Ansatz: Produkte, Sachkonten, Investitionen; kameral Haushaltsstellen"
    )

    def __post_init__(self) -> None:
        """Positionen without `plan` or `art` take those of the system (set here, once: every reader sees them)."""
        plaene = SYSTEM_PLAENE[self.buchfuehrung]
        for p in self.positionen:
            if p.plan is None:
                p.plan = plaene[0]  # type: ignore[assignment]  # one of Plan: SYSTEM_PLAENE holds plans only
            if p.art is None:
                p.art = "Haushaltsstelle" if self.buchfuehrung == "kameral" else "Produkt"

    @property
    def standardplan(self) -> str:
        """The plan a Deckung without `plan` is in: the first of its system (kameral: the Verwaltungshaushalt)."""
        return SYSTEM_PLAENE[self.buchfuehrung][0]

    def kreis(self, kreis_id: str) -> Deckungskreis | None:
        return next((k for k in self.deckungskreise if k.id == kreis_id), None)

    def kreispositionen(self, kreis_id: str) -> list[Position]:
        return [p for p in self.positionen if p.deckungskreis == kreis_id]

    def am(self, datum: dt.date | None) -> Haushalt:
        """This Haushalt as it stood on `datum`: the bookings before it bound (None: all of them, as today)."""
        positionen = [
            changed(
                p,
                gebunden=p.gebunden + sum((b.betrag for b in p.buchungen if datum is None or b.datum < datum), NULL),
                buchungen=[],
            )
            for p in self.positionen
        ]
        return changed(self, positionen=positionen)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        for key, falsch, text in (
            ("zustaendig", self.erheblich is not None and self.zustaendig is not None, ZWEI_GRENZEN),
            ("erheblich", self.erheblich is not None and self.erheblich < 0, NEGATIV),
        ):
            problems += [Problem(self.where(key), text.format(_geld(self.erheblich or NULL)))] if falsch else []
        for p in doppelt(self.positionen):
            problems.append(
                Problem(
                    p.where("konto"),
                    f"„{p.konto}“ steht im {p.plan} doppelt – fassen Sie die Ansätze in einer Position zusammen.",
                )
            )
        problems += self._system()
        problems += self._kreise()
        return problems

    def _system(self) -> list[Problem]:
        """Plans and kinds of Positionen fit the Haushalt's system: kameral Haushaltsstellen in Verwaltungs- and
        Vermögenshaushalt, doppisch everything else in Ergebnis- and Finanzplan."""
        problems = []
        plaene, kameral = SYSTEM_PLAENE[self.buchfuehrung], self.buchfuehrung == "kameral"
        for p in self.positionen:
            if p.plan not in plaene:
                anders = "doppisch" if kameral else "kameral"
                problems.append(
                    Problem(
                        p.where("plan"),
                        f"„{p.plan}“ ist ein Plan des {anders}en Haushalts, dieser Haushalt ist {self.buchfuehrung} – "
                        f"schreiben Sie „plan: {plaene[0]}“ oder „plan: {plaene[1]}“, oder „buchfuehrung: {anders}“ "
                        "oben in der Datei, wenn der ganze Haushalt so geführt wird.",
                    )
                )
            if (p.art == "Haushaltsstelle") != kameral:
                problems.append(
                    Problem(
                        p.where("art"),
                        "Haushaltsstellen gibt es nur im kameralen Haushalt – schreiben Sie „buchfuehrung: kameral“ "
                        "oben in der Datei oder eine doppische Art (Produkt, Sachkonto, Investition …)."
                        if kameral is False
                        else f"Im kameralen Haushalt sind Positionen Haushaltsstellen, nicht „{p.art}“ – lassen Sie "
                        "„art“ weg oder schreiben Sie „art: Haushaltsstelle“.",
                    )
                )
            if p.ansatz is None and p.deckungskreis is not None:
                problems.append(
                    Problem(
                        p.where("ansatz"),
                        f"„{p.konto}“ liegt im Deckungskreis „{p.deckungskreis}“, dessen Summe der Ansätze zählt – "
                        "tragen Sie den Ansatz ein.",
                    )
                )
        return problems

    def _kreise(self) -> list[Problem]:
        """Every Deckungskreis once, with Positionen of one plan and no Ertrag; every reference to one exists."""
        problems = []
        ids = [k.id for k in self.deckungskreise]
        for kreis in self.deckungskreise:
            if ids.count(kreis.id) > 1 and kreis is next(k for k in self.deckungskreise if k.id == kreis.id):
                problems.append(
                    Problem(
                        kreis.where("id"),
                        f"Der Deckungskreis „{kreis.id}“ steht doppelt – vergeben Sie eindeutige Kennungen.",
                    )
                )
            positionen = self.kreispositionen(kreis.id)
            if not positionen:
                problems.append(
                    Problem(
                        kreis.where("id"),
                        f"Zum Deckungskreis „{kreis.id}“ gehört keine Position – nennen Sie ihn bei seinen Positionen "
                        f'unter „deckungskreis: "{kreis.id}"“ oder streichen Sie ihn.',
                    )
                )
            plaene = sorted({str(p.plan) for p in positionen})
            if len(plaene) > 1:
                problems.append(
                    Problem(
                        kreis.where("id"),
                        f"Der Deckungskreis „{kreis.id}“ umfasst Positionen aus {' und '.join(plaene)} – ein "
                        "Deckungskreis liegt in einem Plan; teilen Sie ihn auf.",
                    )
                )
        for p in self.positionen:
            if p.deckungskreis is None:
                continue
            if p.deckungskreis not in ids:
                known = ", ".join(f"„{i}“" for i in ids) or "keine (Abschnitt „deckungskreise“ fehlt)"
                problems.append(
                    Problem(
                        p.where("deckungskreis"),
                        f"Den Deckungskreis „{p.deckungskreis}“ gibt es in diesem Haushalt nicht"
                        f"{suggest(p.deckungskreis, ids) or '.'} Vorhanden: {known}. Legen Sie ihn unter "
                        "„deckungskreise“ mit „id“ und „bezeichnung“ an.",
                    )
                )
            if p.ertrag:
                problems.append(
                    Problem(
                        p.where("deckungskreis"),
                        f"„{p.konto}“ ist eine Ertragsposition – ein Deckungskreis verbindet Aufwands- oder "
                        "Auszahlungspositionen; Mehrerträge nennt eine Vorlage unter „deckung“.",
                    )
                )
        return problems
