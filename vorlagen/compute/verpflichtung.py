"""Verpflichtungsermächtigungen of a Vorlage: commitments in the plan of one year for later years.

Each is its own Beschluss point: the whole amount, the later years that carry it (their parts add up to it,
exactly; a year may name the part its adopted plan carries already, the rest is the Nachtrag's), what the plan grants at the Position (`ve − ve_gebunden`, so the part beyond it is über- or
außerplanmäßig) and the other Verpflichtungsermächtigungen that shrink for it. Amounts are named figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from vorlagen.compute.deckungskreis import AUSSER, UEBER
from vorlagen.compute.haushaltsposition import Leser, position, zeile
from vorlagen.compute.names import Named
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.money import exact
from vorlagen.core.problems import Problem, Where
from vorlagen.load.auswirkungen import LastenJahr, Verpflichtungsermaechtigung
from vorlagen.load.haushalt import Haushalt
from vorlagen.load.haushaltsposition import Position

INVESTITION = 1  # the plan of investments: Finanzplan (kameral: Vermögenshaushalt)
NEU = "tragen Sie die Position dort mit „ansatz: 0“ und „ve: 0“ ein, wenn der Plan keine Verpflichtungsermächtigung veranschlagt."


@dataclass
class VEDeckung:
    """Another Position's Verpflichtungsermächtigung that shrinks by `betrag`."""

    position: Position
    betrag: Fraction
    where: Where

    @property
    def frei(self) -> Fraction | None:
        frei = self.position.ve_frei
        return None if frei is None else exact(frei)


@dataclass
class VE(Named):
    """A Verpflichtungsermächtigung of the Vorlage; texts read haushalt.ve.<id>.betrag, .lasten.2024, .mehrbedarf,
    and for a year split into plan and Nachtrag .im_plan.2024 and .nachtrag.2024."""

    NAME = "Verpflichtungsermächtigung"

    id: str
    jahr: int
    position: Position
    betrag: Fraction
    where: Where
    lasten: dict[int, Fraction] | None = None  # None: the years are still open
    lasten_where: Where | None = None
    deckungen: list[VEDeckung] = field(default_factory=list)
    im_plan: dict[int, Fraction] = field(default_factory=dict)  # per year: the part its adopted plan carries
    im_plan_where: dict[int, Where] = field(default_factory=dict)

    @property
    def nachtrag(self) -> dict[int, Fraction]:
        """Per year split into parts: what a Nachtrag must add, the rest of the year beyond its plan's part."""
        return {j: (self.lasten or {})[j] - teil for j, teil in self.im_plan.items() if j in (self.lasten or {})}

    @property
    def frei(self) -> Fraction | None:
        """What the plan still grants here, None where it is not known."""
        frei = self.position.ve_frei
        return None if frei is None else exact(frei)

    @property
    def mehrbedarf(self) -> Fraction | None:
        """The über- or außerplanmäßige part; None where the plan's Verpflichtungsermächtigung is not known."""
        return None if self.frei is None else max(Fraction(0), self.betrag - self.frei)

    @property
    def art(self) -> str | None:
        """überplanmäßig where the plan of `jahr` holds a Verpflichtungsermächtigung or an Ansatz for the purpose
        (Schwäbisch Hall 2008: Ansatz, no VE), außerplanmäßig where it holds neither (an open Ansatz counts as none)."""
        if not self.mehrbedarf:
            return None
        return AUSSER if not self.position.ve and not self.position.ansatz else UEBER

    @property
    def deckung(self) -> Fraction:
        return sum((d.betrag for d in self.deckungen), Fraction(0))


def verpflichtungen(
    eintraege: list[Verpflichtungsermaechtigung], haushalte: dict[int, Haushalt], leser: Leser
) -> tuple[dict[str, VE], list[Problem]]:
    """The Vorlage's Verpflichtungsermächtigungen that can be read, and the problems of the others (each at its
    line)."""
    result, problems = {}, []
    for v in eintraege:
        where = v.where("betrag")
        betrag, found = leser.betrag(v.betrag, where, f"Verpflichtungsermächtigung „{v.id}“")
        problems += found
        stelle, found = position(haushalte, v.jahr, v.konto, v.plan, v.where("konto"), NEU, INVESTITION)
        problems += found
        if stelle is not None and stelle.ertrag:
            problems.append(
                Problem(
                    v.where("konto"),
                    f"„{v.konto}“ ist im Haushalt {v.jahr} eine Ertragsposition – eine Verpflichtungsermächtigung "
                    "gilt für Auszahlungen (Investitionen).",
                )
            )
            stelle = None
        lasten: dict[int, Fraction] | None = None
        im_plan: dict[int, Fraction] = {}
        im_plan_where: dict[int, Where] = {}
        if v.lasten is not None:
            lasten = {}
            for jahr_text, eintrag in v.lasten.items():
                was = f"Verpflichtungsermächtigung „{v.id}“, {jahr_text}"
                if isinstance(eintrag, LastenJahr):
                    teil, found = leser.betrag(eintrag.betrag, eintrag.where("betrag"), was)
                    plan, more = leser.betrag(eintrag.im_plan, eintrag.where("im_plan"), f"{was}, im Plan")
                    found += more
                    if plan is not None:
                        im_plan[int(jahr_text)] = plan
                        im_plan_where[int(jahr_text)] = eintrag.where("im_plan")
                else:
                    teil, found = leser.betrag(eintrag, zeile(v.lasten, jahr_text), was)
                problems += found
                if teil is None or found:
                    lasten = None
                    break
                lasten[int(jahr_text)] = teil
        deckungen = []
        for d in v.deckung:
            teil, found = leser.betrag(d.betrag, d.where("betrag"), f"Deckung der Verpflichtungsermächtigung „{v.id}“")
            problems += found
            quelle, found = position(haushalte, v.jahr, d.konto, d.plan, d.where("konto"), NEU, INVESTITION)
            problems += found
            if teil is not None and quelle is not None:
                deckungen.append(VEDeckung(quelle, teil, d.where("konto")))
        if betrag is None or stelle is None:
            continue
        result[v.id] = VE(
            v.id, v.jahr, stelle, betrag, where, lasten, v.where("lasten"), deckungen, im_plan, im_plan_where
        )
    return result, problems


def check_ve(ves: dict[str, VE], eintraege: list[Verpflichtungsermaechtigung], zahlformat: Zahlformat) -> list[Problem]:
    """The years add up to the whole; a Deckung lies at another Position and takes no more than is free there, also
    together; the Deckungen cover the part beyond the plan."""
    geld = zahlformat.geld
    problems = []
    for eintrag in eintraege:
        ve = ves.get(eintrag.id)
        if ve is None:
            continue
        if ve.lasten is not None:
            summe = sum(ve.lasten.values(), Fraction(0))
            if summe != ve.betrag:
                summanden = " + ".join(f"{geld(b)} ({j})" for j, b in sorted(ve.lasten.items()))
                fehlt = "es fehlen" if summe < ve.betrag else "das sind"
                zuviel = "" if summe < ve.betrag else " zu viel"
                problems.append(
                    Problem(
                        ve.lasten_where or ve.where,
                        f"Die Jahre der Verpflichtungsermächtigung „{ve.id}“ ergeben {summanden} = {geld(summe)}, sie "
                        f"beträgt aber {geld(ve.betrag)} – {fehlt} {geld(abs(ve.betrag - summe))}{zuviel}; was die "
                        "Pläne der Jahre tragen, ergibt zusammen die ganze Verpflichtungsermächtigung.",
                    )
                )
        for jahr, teil in ve.im_plan.items():
            ganz = (ve.lasten or {}).get(jahr)
            if ganz is not None and teil > ganz:
                problems.append(
                    Problem(
                        ve.im_plan_where[jahr],
                        f"Der Teil im Haushaltsplan {jahr} ({geld(teil)}) ist mehr, als die Verpflichtungsermächtigung "
                        f"„{ve.id}“ {jahr} belastet ({geld(ganz)}) – der Nachtrag {jahr} wäre negativ "
                        f"({geld(ganz - teil)}); die Teile im Plan und im Nachtrag ergeben zusammen das Jahr: prüfen "
                        "Sie „im_plan“ und „betrag“.",
                    )
                )
        je_quelle: dict[int, list[VEDeckung]] = {}
        for d in ve.deckungen:
            if d.position is ve.position:
                problems.append(
                    Problem(
                        d.where,
                        f"„{d.position.konto}“ ist die Position der Verpflichtungsermächtigung selbst – die Deckung "
                        "liegt bei einer anderen.",
                    )
                )
                continue
            je_quelle.setdefault(id(d.position), []).append(d)
        for teile in je_quelle.values():
            frei, summe = teile[0].frei, sum((d.betrag for d in teile), Fraction(0))
            if frei is not None and summe > frei:
                mehrere = (
                    f"zusammen ({' + '.join(geld(d.betrag) for d in teile)} = {geld(summe)})"
                    if len(teile) > 1
                    else f"({geld(summe)})"
                )
                p = teile[0].position
                problems.append(
                    Problem(
                        teile[0].where,
                        f"Die Deckung bei „{p.konto}“ {mehrere} ist mehr, als dort an Verpflichtungsermächtigung "
                        f"frei ist ({geld(frei)} = veranschlagt {geld(exact(p.ve or 0))} − in Anspruch genommen "
                        f"{geld(exact(p.ve_gebunden))}) – verringern Sie sie.",
                    )
                )
        if ve.deckungen and ve.mehrbedarf is not None and ve.deckung < ve.mehrbedarf:
            problems.append(
                Problem(
                    ve.where,
                    f"Die Deckung der Verpflichtungsermächtigung „{ve.id}“ ({geld(ve.deckung)}) reicht nicht für "
                    f"ihren {ve.art}en Teil ({geld(ve.mehrbedarf)}) – es fehlen {geld(ve.mehrbedarf - ve.deckung)}.",
                )
            )
    return problems


def offen(ves: dict[str, VE]) -> list[tuple[str, str]]:
    """What the Verpflichtungsermächtigungen leave open until publishing: (as printed, where to state it)."""
    result = []
    for ve in ves.values():
        if ve.lasten is None:
            result.append((f"die Jahre der Verpflichtungsermächtigung „{ve.id}“", f"{ve.where}: „lasten“"))
        for p in [ve.position, *(d.position for d in ve.deckungen)]:
            if p.ve is None:
                result.append(
                    (
                        f"die im Plan {ve.jahr} veranschlagte Verpflichtungsermächtigung bei „{p.konto}“",
                        f"haushalt/{ve.jahr}.yaml: „ve“",
                    )
                )
    return list(dict.fromkeys(result))
