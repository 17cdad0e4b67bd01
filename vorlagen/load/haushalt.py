"""Records of the Haushalt (haushalt/<jahr>.yaml): one Haushaltsjahr, doppisch or kameral, with its Positionen
(load/haushaltsposition.py) and the Deckungskreise (Budget, Deckungsring) whose lines offset each other, and the checks
across them: plans and kinds that fit the system, one Position per konto and plan, every Deckungskreis once and in
one plan. The Haushaltssatzung's threshold of „erheblich“ and the Gremium that decides above it may stay open until
publishing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, TypeVar

from vorlagen.core.fmt import OHNE_HAUS
from vorlagen.core.problems import Problem
from vorlagen.load.haushaltsposition import NULL, Position
from vorlagen.load.records import Record, changed, doc, record, suggest
from vorlagen.load.werte import Betrag

Buchfuehrung = Literal["doppisch", "kameral"]
# the plans of each system, the first one its default
SYSTEM_PLAENE: dict[str, tuple[str, ...]] = {
    "doppisch": ("Ergebnisplan", "Finanzplan"),
    "kameral": ("Verwaltungshaushalt", "Vermögenshaushalt"),
}
_JAHR = re.compile(r"(19|20|21)\d\d")
ZWEI_GRENZEN = (
    "„erheblich“ und „zustaendig“ widersprechen sich – nennen Sie entweder die Erheblichkeitsgrenze der "
    "Haushaltssatzung oder die Vorschrift, nach der das Gremium „entscheidet“ über jeden Betrag entscheidet."
)
NEGATIV = "„erheblich“ ist negativ ({}) – tragen Sie die Grenze ohne Minus ein."
_geld = OHNE_HAUS.geld  # checked before the Körperschaft is known, as its Positionen are (load/haushaltsposition.py)


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
