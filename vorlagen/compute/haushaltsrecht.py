"""The budget-law checks of Finanzielle Auswirkungen (§ 83 GO NRW and its counterparts): Deckung, Gremium, and
the Vorlagen that draw on one Position together.

Each is a German problem at the line that causes it; the amounts come computed from compute/haushalt.py.
"""

from __future__ import annotations

from fractions import Fraction

from vorlagen.compute.haushalt import Auswirkungen, Deckungszeile
from vorlagen.core.fmt import geld
from vorlagen.core.money import exact
from vorlagen.core.problems import Problem, Where
from vorlagen.load.haushalt import FinanzielleAuswirkungen, Haushalt


def _quelle(d: Deckungszeile) -> list[Problem]:
    """Why the Position of a Deckung cannot bring it: an Einsparung needs an Aufwand position with enough
    left, a Mehrertrag an Ertrag position with a prognose that leaves enough. At the konto line when the Position
    is wrong, at the amount's line when the amount is too high."""
    datei = f"haushalt/{d.jahr}.yaml"
    if d.art == "Einsparung":
        if d.position.ertrag:
            return [
                Problem(
                    d.konto_where,
                    f"„{d.konto}“ ist im Haushalt {d.jahr} eine Ertragsposition ({datei}: "
                    "„ertrag: true“) – dort kann nichts eingespart werden; schreiben Sie „art: "
                    "Mehrertrag“, wenn die Erträge dort höher ausfallen.",
                )
            ]
        if d.betrag > d.verfuegbar:
            return [
                Problem(
                    d.where,
                    f"Die Einsparung {d.jahr} bei „{d.konto}“ ({geld(d.betrag)}) ist mehr, als dort "
                    f"verfügbar ist ({geld(d.verfuegbar)} = Ansatz {geld(exact(d.position.ansatz))} − gebunden "
                    f"{geld(exact(d.position.gebunden))}) – verringern Sie sie oder decken Sie den Rest anders.",
                )
            ]
        return []
    if not d.position.ertrag:
        return [
            Problem(
                d.konto_where,
                f"„{d.konto}“ ist im Haushalt {d.jahr} keine Ertragsposition – Mehrerträge "
                f"bringt nur eine Position mit „ertrag: true“ ({datei}); bei einer "
                "Aufwandsposition schreiben Sie „art: Einsparung“.",
            )
        ]
    if d.position.prognose is None:
        return [
            Problem(
                d.konto_where,
                f"Für „{d.konto}“ nennt der Haushalt {d.jahr} keine Prognose – ein Mehrertrag "
                f"muss im Haushalt stehen: tragen Sie in {datei} bei der Position „prognose“ ein "
                "(die erwarteten Erträge des Jahres laut Kämmerei).",
            )
        ]
    if d.betrag > d.verfuegbar:
        return [
            Problem(
                d.where,
                f"Der Mehrertrag {d.jahr} bei „{d.konto}“ ({geld(d.betrag)}) ist mehr, als dort "
                f"erwartet wird ({geld(d.verfuegbar)} = Prognose {geld(exact(d.position.prognose))} − Ansatz "
                f"{geld(exact(d.position.ansatz))} − gebunden {geld(exact(d.position.gebunden))}) – verringern Sie "
                "ihn oder decken Sie den Rest anders.",
            )
        ]
    return []


def check_deckung(result: Auswirkungen, daten: FinanzielleAuswirkungen) -> list[Problem]:
    """A Deckung lies at another Position and that Position can bring it (see _quelle); each year's Deckung covers
    that year's Mehrbedarf (skipped for a year with an amount that could not be read: its problem is listed)."""
    problems = []
    eigene = {(z.position.konto, z.position.plan) for z in result.zeilen}
    gemeldet = set()
    for d in result.deckung:
        if (d.konto, d.plan) in eigene:
            if d.konto_where not in gemeldet:
                was = "eine Einsparung" if d.art == "Einsparung" else "ein Mehrertrag"
                problems.append(
                    Problem(
                        d.konto_where,
                        f"„{d.konto}“ ist die Position, der die Mittel fehlen – {was} "
                        "muss bei einer anderen Position liegen.",
                    )
                )
                gemeldet.add(d.konto_where)
            continue
        for problem in _quelle(d):
            if problem.where not in gemeldet:  # a wrong Position once, not once per year
                problems.append(problem)
                gemeldet.add(problem.where)
    for jahr, mehrbedarf in result.mehrbedarf.items():
        if jahr in result.unvollstaendig:
            continue
        deckung = sum((d.betrag for d in result.deckung if d.jahr == jahr), Fraction(0))
        if deckung == 0:
            problems.append(
                Problem(
                    daten.where("positionen"),
                    f"Der {result.wort(jahr)} Betrag {jahr} "
                    f"({geld(mehrbedarf)}) hat keine Deckung – nach "
                    f"{result.rechtsgrundlage} muss sie gewährleistet sein; "
                    "nennen Sie unter „deckung“ eine Einsparung bei einer "
                    "anderen Position oder Mehrerträge.",
                )
            )
        elif deckung < mehrbedarf:
            problems.append(
                Problem(
                    daten.where("deckung"),
                    f"Die Deckung {jahr} ({geld(deckung)}) reicht nicht für "
                    f"den {result.wort(jahr, 'en')} Betrag ({geld(mehrbedarf)}) "
                    f"– es fehlen {geld(mehrbedarf - deckung)}; ergänzen Sie "
                    "unter „deckung“ Einsparungen oder Mehrerträge.",
                )
            )
    return problems


def _beansprucht(a: Auswirkungen) -> dict[tuple[int, str, str], tuple[Fraction, Where]]:
    """What one Vorlage draws from the free funds of each Position per year: a spending amount the part the plan
    holds, a Deckung its amount (only where its kind fits the Position); with the line of its first amount."""
    result: dict[tuple[int, str, str], tuple[Fraction, Where]] = {}

    def add(key, betrag, where):
        before = result.get(key)
        result[key] = (before[0] + betrag, before[1]) if before else (betrag, where)

    for z in a.zeilen:
        add((z.jahr, z.position.konto, z.position.plan), min(z.betrag, z.verfuegbar), z.where)
    for d in a.deckung:
        if d.position.ertrag == (d.art == "Mehrertrag"):
            add((d.jahr, d.konto, d.plan), d.betrag, d.where)
    return result


def check_gemeinsam(vorlagen: list[tuple[str, Auswirkungen]], haushalte: dict[int, Haushalt]) -> list[Problem]:
    """Several open Vorlagen drawing on the same Position in the same year are checked together against what is
    free there (Ansatz − gebunden, or the free Mehrertrag): one problem per Vorlage, naming the others.
    `vorlagen`: (Bezeichnung, Auswirkungen) of each Vorlage not yet decided."""
    je_position: dict[tuple[int, str, str], list[tuple[str, Fraction, Where]]] = {}
    for bezeichnung, a in vorlagen:
        for key, (betrag, where) in _beansprucht(a).items():
            if betrag > 0:
                je_position.setdefault(key, []).append((bezeichnung, betrag, where))
    problems = []
    for (jahr, konto, plan), eintraege in sorted(je_position.items()):
        position = next(p for p in haushalte[jahr].positionen if p.konto == konto and p.plan == plan)
        frei = exact(position.verfuegbar)
        zusammen = sum((betrag for _, betrag, _ in eintraege), Fraction(0))
        if len(eintraege) < 2 or zusammen <= frei:
            continue
        if position.ertrag:
            herkunft = (
                f"Prognose {geld(exact(position.prognose or 0))} − Ansatz {geld(exact(position.ansatz))} − gebunden "
                f"{geld(exact(position.gebunden))}"
            )
        else:
            herkunft = f"Ansatz {geld(exact(position.ansatz))} − gebunden {geld(exact(position.gebunden))}"
        for bezeichnung, betrag, where in eintraege:
            andere = ", ".join(f"Vorlage {b} {geld(x)}" for b, x, _ in eintraege if b != bezeichnung)
            problems.append(
                Problem(
                    where,
                    f"„{konto}“ ({plan} {jahr}) reicht nicht für alle Vorlagen, die dort Mittel "
                    f"beanspruchen: diese Vorlage {geld(betrag)}, {andere} – zusammen {geld(zusammen)}, "
                    f"verfügbar {geld(frei)} ({herkunft}). Offene Vorlagen zählen zusammen, bis "
                    "eine entscheidende Beratung sie erledigt hat und die Kämmerei den Betrag "
                    "unter „gebunden“ einträgt: stimmen Sie die Beträge mit der Kämmerei ab.",
                )
            )
    return problems


def check_gremium(
    result: Auswirkungen,
    haushalte: dict[int, Haushalt],
    letzte: tuple[str, str | None, str | None] | None,
    gremien: dict[str, str],
    entscheidend: list[str],
    where: Where,
) -> list[Problem]:
    """Above the Haushaltssatzung's threshold, the deciding Gremium must decide first: the Beratungsfolge ends with
    it, in a role that decides. `letzte`: (Gremium id, Sitzung id or None while the Termin is open, Rolle) of the
    last Beratung, None without one; `gremien`: id → name; `entscheidend`: the Hausstil's roles that decide."""
    problems = []
    for jahr, mehrbedarf in result.mehrbedarf.items():
        haushalt = haushalte[jahr]
        if mehrbedarf <= exact(haushalt.erheblich):
            continue
        if letzte is not None and letzte[0] == haushalt.entscheidet and letzte[2] in entscheidend:
            continue
        name = gremien.get(haushalt.entscheidet, haushalt.entscheidet)
        if letzte is None:
            endet, tun = (
                "die Vorlage hat aber keine Beratungsfolge",
                ("Nehmen Sie eine Sitzung dieses Gremiums als letzte in die Beratungsfolge auf."),
            )
        else:
            termin = f"Sitzung {letzte[1]}" if letzte[1] else "Termin offen"
            if letzte[0] == haushalt.entscheidet:
                rollen = " oder ".join(f"„{r}“" for r in entscheidend) or "keine (hausstil: rollen)"
                rolle = (
                    f"in der Rolle „{letzte[2]}“, die nicht entscheidet" if letzte[2] else "ohne Zuständigkeit (rolle)"
                )
                endet = f"die Beratungsfolge endet zwar mit „{name}“ ({termin}), aber {rolle}"
                tun = f"Geben Sie dieser Beratung eine Rolle, die entscheidet: {rollen}."
            else:
                endet = f"die Beratungsfolge endet aber mit „{gremien.get(letzte[0], letzte[0])}“ ({termin})"
                tun = "Nehmen Sie eine Sitzung dieses Gremiums als letzte in die Beratungsfolge auf."
        satzung = f", {haushalt.satzung}" if haushalt.satzung else ""
        problems.append(
            Problem(
                where,
                f"Der {result.wort(jahr)} Betrag {jahr} ({geld(mehrbedarf)}) liegt über der "
                f"Erheblichkeitsgrenze von {geld(exact(haushalt.erheblich))} (haushalt/{jahr}.yaml"
                f"{satzung}) – darüber muss nach {result.rechtsgrundlage} vorher das Gremium "
                f"„{name}“ entscheiden; {endet}. {tun}",
            )
        )
    return problems
