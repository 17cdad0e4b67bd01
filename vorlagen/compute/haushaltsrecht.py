"""The budget-law checks of Finanzielle Auswirkungen (§ 83 GO NRW and its counterparts): Deckung and Gremium.

Each is a German problem at the line that causes it; the amounts come computed from compute/haushalt.py.
"""

from __future__ import annotations

from fractions import Fraction

from vorlagen.compute.haushalt import Auswirkungen, geld
from vorlagen.core.money import exact
from vorlagen.core.problems import Problem, Where
from vorlagen.load.haushalt import FinanzielleAuswirkungen, Haushalt


def check_deckung(result: Auswirkungen, daten: FinanzielleAuswirkungen) -> list[Problem]:
    """An Einsparung lies at another Position and is no more than is left there; each year's Deckung covers that
    year's Mehrbedarf."""
    problems = []
    eigene = {(z.position.konto, z.position.plan) for z in result.zeilen}
    gemeldet = set()
    for d in result.deckung:
        if d.art != "Einsparung":
            continue
        if (d.konto, d.plan) in eigene:
            if d.konto_where not in gemeldet:
                problems.append(Problem(d.konto_where, f"„{d.konto}“ ist die Position, der die Mittel fehlen – eine "
                                                       "Einsparung muss bei einer anderen Position liegen."))
                gemeldet.add(d.konto_where)
        elif d.betrag > d.verfuegbar:
            problems.append(Problem(d.where, f"Die Einsparung {d.jahr} bei „{d.konto}“ ({geld(d.betrag)}) ist mehr, "
                                             f"als dort verfügbar ist ({geld(d.verfuegbar)} = Ansatz "
                                             f"{geld(d.position.ansatz)} − gebunden {geld(d.position.gebunden)}) – "
                                             "verringern Sie sie oder decken Sie den Rest anders."))
    for jahr, mehrbedarf in result.mehrbedarf.items():
        deckung = sum((d.betrag for d in result.deckung if d.jahr == jahr), Fraction(0))
        if deckung == 0:
            problems.append(Problem(daten.where("positionen"), f"Der {result.wort(jahr)} Betrag {jahr} "
                                                               f"({geld(mehrbedarf)}) hat keine Deckung – nach "
                                                               f"{result.rechtsgrundlage} muss sie gewährleistet sein; "
                                                               "nennen Sie unter „deckung“ eine Einsparung bei einer "
                                                               "anderen Position oder Mehrerträge."))
        elif deckung < mehrbedarf:
            problems.append(Problem(daten.where("deckung"), f"Die Deckung {jahr} ({geld(deckung)}) reicht nicht für "
                                                            f"den {result.wort(jahr, 'en')} Betrag ({geld(mehrbedarf)}) "
                                                            f"– es fehlen {geld(mehrbedarf - deckung)}; ergänzen Sie "
                                                            "unter „deckung“ Einsparungen oder Mehrerträge."))
    return problems


def check_gremium(result: Auswirkungen, haushalte: dict[int, Haushalt], letzte: tuple[str, str] | None,
                  gremien: dict[str, str], where: Where) -> list[Problem]:
    """Above the Haushaltssatzung's threshold, the deciding Gremium must decide first: the Beratungsfolge ends with
    it. `letzte`: (Gremium id, Sitzung id) of the last Beratung, None without one; `gremien`: id → name."""
    problems = []
    for jahr, mehrbedarf in result.mehrbedarf.items():
        haushalt = haushalte[jahr]
        if mehrbedarf <= exact(haushalt.erheblich) or (letzte is not None and letzte[0] == haushalt.entscheidet):
            continue
        name = gremien.get(haushalt.entscheidet, haushalt.entscheidet)
        endet = (f"die Beratungsfolge endet aber mit „{gremien.get(letzte[0], letzte[0])}“ (Sitzung {letzte[1]})"
                 if letzte else "die Vorlage hat aber keine Beratungsfolge")
        satzung = f", {haushalt.satzung}" if haushalt.satzung else ""
        problems.append(Problem(where, f"Der {result.wort(jahr)} Betrag {jahr} ({geld(mehrbedarf)}) liegt über der "
                                       f"Erheblichkeitsgrenze von {geld(exact(haushalt.erheblich))} (haushalt/{jahr}.yaml"
                                       f"{satzung}) – darüber muss nach {result.rechtsgrundlage} vorher das Gremium "
                                       f"„{name}“ entscheiden; {endet}. Nehmen Sie eine Sitzung dieses Gremiums als "
                                       "letzte in die Beratungsfolge auf."))
    return problems
