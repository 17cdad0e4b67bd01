"""The budget-law checks of Finanzielle Auswirkungen (the Land's law, e.g. § 83 GO NRW): Deckung, Gremium, and
the Vorlagen that draw on one Position or Deckungskreis together.

Each is a German problem at the line that causes it; the amounts come computed from compute/haushalt.py. What
the data leaves open (a Deckung's source, the threshold, the deciding Gremium) is no problem here: it is listed
as open and needed before publishing (compute/offen.py).
"""

from __future__ import annotations

from fractions import Fraction

from vorlagen.compute.deckungsquellen import Deckungszeile
from vorlagen.compute.haushalt import Auswirkungen
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.money import exact
from vorlagen.core.problems import Problem, Where
from vorlagen.load.auswirkungen import FinanzielleAuswirkungen
from vorlagen.load.haushalt import Haushalt
from vorlagen.load.haushaltsposition import Position


def _herkunft(p: Position, zahlformat: Zahlformat) -> str:
    """How what is free at a Position comes about, as the messages say it."""
    geld = zahlformat.geld
    if p.ertrag:
        return (
            f"Prognose {geld(exact(p.prognose or 0))} − Ansatz {geld(exact(p.ansatz or 0))} − gebunden "
            f"{geld(exact(p.gebunden))}"
        )
    mittel = " + ".join(f"{label} {geld(exact(wert))}" for label, wert in p.mittel_teile)
    return f"{mittel} − gebunden {geld(exact(p.gebunden))}"


def _quelle(d: Deckungszeile, zahlformat: Zahlformat) -> list[Problem]:
    """Why the Position of a Deckung cannot bring it: an Einsparung needs an Aufwand position with enough
    left, a Mehrertrag an Ertrag position with a prognose that leaves enough. At the konto line when the Position
    is wrong, at the amount's line when the amount is too high; nothing while the amount it has is open (a Mehrertrag
    without a prognose: the amount as the Kämmerei states it, listed as not checked)."""
    geld = zahlformat.geld
    assert d.position is not None
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
        if d.verfuegbar is not None and d.betrag > d.verfuegbar:
            return [
                Problem(
                    d.where,
                    f"Die Einsparung {d.jahr} bei „{d.konto}“ ({geld(d.betrag)}) ist mehr, als dort "
                    f"verfügbar ist ({geld(d.verfuegbar)} = {_herkunft(d.position, zahlformat)}) – verringern Sie sie oder decken "
                    "Sie den Rest anders.",
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
    if d.verfuegbar is not None and d.betrag > d.verfuegbar:
        return [
            Problem(
                d.where,
                f"Der Mehrertrag {d.jahr} bei „{d.konto}“ ({geld(d.betrag)}) ist mehr, als dort "
                f"erwartet wird ({geld(d.verfuegbar)} = {_herkunft(d.position, zahlformat)}) – verringern Sie "
                "ihn oder decken Sie den Rest anders.",
            )
        ]
    return []


def check_deckung(result: Auswirkungen, daten: FinanzielleAuswirkungen, zahlformat: Zahlformat) -> list[Problem]:
    """A Deckung lies at another Position (not in a Deckungskreis the Vorlage draws on) and that Position can
    bring it (see _quelle), also all the Vorlage's Deckungen there together; each year's Deckung covers that year's
    Mehrbedarf (skipped for a year with an amount that could not be read: its problem is listed)."""
    geld = zahlformat.geld
    problems = []
    eigene = {(z.position.konto, z.position.plan) for z in result.zeilen}
    kreise = {(jahr, k.id) for k in result.kreise.values() for jahr in k.jahre}
    gemeldet = set()
    je_quelle: dict[tuple[int, int], list[Deckungszeile]] = {}
    for d in result.deckungen:
        if d.position is None or d.art is None:
            continue  # the source is still open: listed, not checked
        was = "eine Einsparung" if d.art == "Einsparung" else "ein Mehrertrag"
        if (d.konto, d.plan) in eigene or (d.jahr, d.position.deckungskreis) in kreise:
            if d.konto_where not in gemeldet:
                grund = (
                    f"„{d.konto}“ ist eine Position, die diese Vorlage selbst belastet"
                    if (d.konto, d.plan) in eigene
                    else f"„{d.konto}“ liegt im Deckungskreis „{d.position.deckungskreis}“, dessen freie Mittel der "
                    "Kreis schon anrechnet"
                )
                problems.append(Problem(d.konto_where, f"{grund} – {was} muss bei einer anderen Position liegen."))
                gemeldet.add(d.konto_where)
            continue
        quelle = _quelle(d, zahlformat)
        for problem in quelle:
            if problem.where not in gemeldet:  # a wrong Position once, not once per year
                problems.append(problem)
                gemeldet.add(problem.where)
        if quelle:
            continue
        je_quelle.setdefault((d.jahr, id(d.position)), []).append(d)
    for teile in je_quelle.values():
        frei = teile[0].verfuegbar
        summe = sum((d.betrag for d in teile), Fraction(0))
        if len(teile) > 1 and frei is not None and summe > frei:
            d = teile[0]
            assert d.position is not None
            problems.append(
                Problem(
                    d.where,
                    f"Die Deckungen {d.jahr} bei „{d.konto}“ zusammen ({' + '.join(geld(t.betrag) for t in teile)} "
                    f"= {geld(summe)}) sind mehr, als dort verfügbar ist ({geld(frei)} = {_herkunft(d.position, zahlformat)}) – "
                    "jede für sich passt, alle zusammen nicht: verringern Sie sie oder decken Sie den Rest anders.",
                )
            )
    return problems + _gedeckt(result, daten, zahlformat)


def _quellen(result: Auswirkungen) -> tuple[str, str]:
    """How a message names the sources of a Deckung (one, several): in a kameral Haushalt in its words."""
    plaene = {z.position.plan for z in result.zeilen} | {g.position.plan for g in result.genannt}
    if plaene & {"Verwaltungshaushalt", "Vermögenshaushalt"}:
        return (
            "eine Minderausgabe bei einer anderen Haushaltsstelle, Mehreinnahmen oder allgemeine Deckungsmittel",
            "Minderausgaben, Mehreinnahmen oder allgemeine Deckungsmittel",
        )
    return "eine Einsparung bei einer anderen Position oder Mehrerträge", "Einsparungen oder Mehrerträge"


def _gedeckt(result: Auswirkungen, daten: FinanzielleAuswirkungen, zahlformat: Zahlformat) -> list[Problem]:
    """Each year's Deckung against its Mehrbedarf: there is one, it is enough – and where the Vorlage states the
    overrun itself (compute/genannt.py), it is not more either: the sources add up to the stated amount."""
    geld = zahlformat.geld
    problems = []
    eine, mehrere = _quellen(result)
    deckung = result.deckung
    for jahr, mehrbedarf in result.mehrbedarf.items():
        if jahr in result.unvollstaendig:
            continue
        gedeckt = deckung.get(jahr, Fraction(0))
        if gedeckt == 0:
            problems.append(
                Problem(
                    daten.where("positionen"),
                    f"Der {result.wort(jahr)} Betrag {jahr} "
                    f"({geld(mehrbedarf)}) hat keine Deckung – nach "
                    f"{result.rechtsgrundlage} muss sie gewährleistet sein; "
                    f"nennen Sie unter „deckung“ {eine} (die Quelle darf noch offen sein).",
                )
            )
        elif gedeckt < mehrbedarf:
            problems.append(
                Problem(
                    daten.where("deckung"),
                    f"Die Deckung {jahr} ({geld(gedeckt)}) reicht nicht für "
                    f"den {result.wort(jahr, 'en')} Betrag ({geld(mehrbedarf)}) "
                    f"– es fehlen {geld(mehrbedarf - gedeckt)}; ergänzen Sie "
                    f"unter „deckung“ {mehrere}.",
                )
            )
        elif gedeckt > mehrbedarf and any(g.jahr == jahr for g in result.genannt):
            problems.append(
                Problem(
                    daten.where("deckung"),
                    f"Die Deckung {jahr} ({' + '.join(geld(d.betrag) for d in result.deckungen if d.jahr == jahr)} = "
                    f"{geld(gedeckt)}) ist mehr als der {result.wort(jahr)} Betrag, den die Vorlage nennt "
                    f"({geld(mehrbedarf)}), Differenz +{geld(gedeckt - mehrbedarf)} – die Quellen der Deckung ergeben "
                    "zusammen den genannten Betrag: prüfen Sie die Beträge.",
                )
            )
    return problems


Anspruch = tuple[Fraction, Where | None, Fraction, str, str]  # amount, line, free there, how it comes about, what it is


def _kreis_frei(haushalt: Haushalt, kreis_id: str, zahlformat: Zahlformat) -> tuple[Fraction, str]:
    """What a Deckungskreis has free in a Haushalt as it stands, and how: the sum of its lines."""
    geld = zahlformat.geld
    linien = haushalt.kreispositionen(kreis_id)
    ansatz = sum((exact(p.ansatz or 0) for p in linien), Fraction(0))
    gebunden = sum((exact(p.gebunden) for p in linien), Fraction(0))
    return ansatz - gebunden, f"Ansätze {geld(ansatz)} − gebunden {geld(gebunden)}"


def _beansprucht(a: Auswirkungen, haushalte: dict[int, Haushalt], zahlformat: Zahlformat) -> dict[tuple, Anspruch]:
    """What one Vorlage draws from the free funds of each Position or Deckungskreis per year: a spending amount the
    part the plan holds, a Deckung its amount (only where its kind fits the Position) – at a line of a
    Deckungskreis also from the circle, whose lines offset each other; with the line of its first amount, what is
    free there and how. `haushalte`: the Haushalte as they stand (all bookings)."""
    geld = zahlformat.geld
    result: dict[tuple, Anspruch] = {}

    def add(key: tuple, betrag: Fraction, where: Where | None, frei: Fraction, herkunft: str, was: str) -> None:
        before = result.get(key)
        result[key] = (
            (before[0] + betrag, before[1], frei, herkunft, was) if before else (betrag, where, frei, herkunft, was)
        )

    for z in a.einzeln:
        p = z.position
        add(
            (z.jahr, p.konto, p.plan),
            min(z.betrag, z.verfuegbar),
            z.where,
            z.verfuegbar,
            _herkunft(p, zahlformat),
            f"„{p.konto}“ ({a.planwort(str(p.plan))} {z.jahr})",
        )
    for kreis in a.kreise.values():
        for jahr, kj in kreis.jahre.items():
            where = next((z.where for z in a.zeilen if z.jahr == jahr and z.kreis == kreis.id), None)
            herkunft = f"Ansätze {geld(kj.ansatz)} − gebunden {geld(kj.gebunden)}"
            add(
                (jahr, "kreis", kreis.id),
                min(kj.betrag, kj.verfuegbar),
                where,
                kj.verfuegbar,
                herkunft,
                f"{kreis.bezeichnung} ({jahr})",
            )
    for d in a.deckungen:
        quelle = d.position
        if quelle is None or d.verfuegbar is None or quelle.ertrag != (d.art == "Mehrertrag"):
            continue
        add(
            (d.jahr, quelle.konto, quelle.plan),
            d.betrag,
            d.where,
            d.verfuegbar,
            _herkunft(quelle, zahlformat),
            f"„{quelle.konto}“ ({a.planwort(str(quelle.plan))} {d.jahr})",
        )
        haushalt = haushalte.get(d.jahr)
        ring = haushalt.kreis(quelle.deckungskreis) if haushalt and quelle.deckungskreis else None
        if haushalt is not None and ring is not None:
            frei, herkunft = _kreis_frei(haushalt, ring.id, zahlformat)
            add((d.jahr, "kreis", ring.id), d.betrag, d.where, frei, herkunft, f"{ring.bezeichnung} ({d.jahr})")
    return result


def check_gemeinsam(
    vorlagen: list[tuple[str, Auswirkungen]], haushalte: dict[int, Haushalt], zahlformat: Zahlformat
) -> list[Problem]:
    """Several open Vorlagen drawing on the same Position or Deckungskreis in the same year are checked together
    against what is free there: one problem per Vorlage, naming the others. `vorlagen`: (Bezeichnung,
    Auswirkungen) of each Vorlage not yet decided; `haushalte`: the Haushalte as they stand (all bookings)."""
    geld = zahlformat.geld
    je_stelle: dict[tuple, list[tuple[str, Anspruch]]] = {}
    for bezeichnung, a in vorlagen:
        for key, anspruch in _beansprucht(a, haushalte, zahlformat).items():
            if anspruch[0] > 0:
                je_stelle.setdefault(key, []).append((bezeichnung, anspruch))
    problems = []
    for _key, eintraege in sorted(je_stelle.items(), key=lambda item: str(item[0])):
        _, (_, _, frei, herkunft, was) = eintraege[0]
        zusammen = sum((anspruch[0] for _, anspruch in eintraege), Fraction(0))
        if len(eintraege) < 2 or zusammen <= frei:
            continue
        for bezeichnung, (betrag, where, *_) in eintraege:
            assert where is not None  # every amount a Vorlage reads has its line (haushalt._betraege)
            andere = ", ".join(f"Vorlage {b} {geld(x[0])}" for b, x in eintraege if b != bezeichnung)
            problems.append(
                Problem(
                    where,
                    f"{was} reicht nicht für alle Vorlagen, die dort Mittel "
                    f"beanspruchen: diese Vorlage {geld(betrag)}, {andere} – zusammen {geld(zusammen)}, "
                    f"verfügbar {geld(frei)} ({herkunft}). Offene Vorlagen zählen zusammen, bis "
                    "eine entscheidende Beratung sie erledigt hat und die Kämmerei den Betrag "
                    "unter „buchungen“ bindet: stimmen Sie die Beträge mit der Kämmerei ab.",
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
    zahlformat: Zahlformat,
    vertretung: str = "",
) -> list[Problem]:
    """Above the Haushaltssatzung's threshold, the deciding Gremium must decide first: the Beratungsfolge ends with
    it, in a role that decides. `letzte`: (Gremium id, Sitzung id or None while the Termin is open, Rolle) of the
    last Beratung, None without one; `gremien`: id → name; `entscheidend`: the Hausstil's roles that decide;
    `vertretung`: who consents by the Land's law (der Rat). An open threshold or Gremium is listed as open."""
    geld = zahlformat.geld
    problems = []
    for jahr, mehrbedarf in result.mehrbedarf.items():
        haushalt = haushalte[jahr]
        if haushalt.erheblich is None and haushalt.zustaendig is None:
            result.offen.append((f"Erheblichkeitsgrenze {jahr}", f"haushalt/{jahr}.yaml: „erheblich“"))
            result.grenze_offen.add(jahr)
            result.ungeprueft.append(
                f"wer über den {result.wort(jahr, 'en')} Betrag {jahr} ({geld(mehrbedarf)}) entscheidet – die "
                f"Erheblichkeitsgrenze fehlt (haushalt/{jahr}.yaml: „erheblich“)"
            )
            continue
        if haushalt.erheblich is not None and mehrbedarf <= exact(haushalt.erheblich):
            continue
        if haushalt.erheblich is None:
            result.zustaendig[jahr] = str(haushalt.zustaendig)
        result.ueber_grenze[jahr] = (
            None if haushalt.entscheidet is None else gremien.get(haushalt.entscheidet, haushalt.entscheidet)
        )
        if haushalt.entscheidet is None:
            result.offen.append(
                (
                    f"Gremium, das über den {result.wort(jahr, 'en')} Betrag {jahr} entscheidet",
                    f"haushalt/{jahr}.yaml: „entscheidet“" + (f" (nach dem Gesetz {vertretung})" if vertretung else ""),
                )
            )
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
        betrag = f"Der {result.wort(jahr)} Betrag {jahr} ({geld(mehrbedarf)})"
        grund = (
            f"{betrag}: über ihn muss nach {haushalt.zustaendig} (haushalt/{jahr}.yaml: „zustaendig“) vorher das "
            f"Gremium „{name}“ entscheiden"
            if haushalt.erheblich is None
            else f"{betrag} liegt über der Erheblichkeitsgrenze von {geld(exact(haushalt.erheblich))} "
            f"(haushalt/{jahr}.yaml{satzung}) – darüber muss nach {result.rechtsgrundlage} vorher das Gremium "
            f"„{name}“ entscheiden"
        )
        problems.append(Problem(where, f"{grund}; {endet}. {tun}"))
    return problems
