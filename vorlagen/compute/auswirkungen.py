"""The Finanzielle Auswirkungen of one Vorlage end to end: the Land's law, the Haushalt as of its decision, the
amounts, Deckungskreise and Verpflichtungsermächtigungen, and the budget-law checks.

The Vorlage's named figures come in two rounds: those that read the Haushalt block (haushalt.mehrbedarf.2022,
haushalt.kreise.650.ueberschreitung.2009) after it, every other one before it – so a budget shortfall carries
`erwartet` and a Herleitung like any figure, and an amount of the block never reads what follows from it.
"""

from __future__ import annotations

from collections.abc import Iterable

from vorlagen.compute.formel import FormelFehler, lesen, namen
from vorlagen.compute.formelnamen import figur
from vorlagen.compute.haushalt import Auswirkungen, auswirkungen
from vorlagen.compute.haushaltsrecht import check_deckung, check_gremium
from vorlagen.compute.verpflichtung import check_ve
from vorlagen.compute.verpflichtung import offen as ve_offen
from vorlagen.core.fmt import numerus
from vorlagen.core.problems import Problem
from vorlagen.load.auswirkungen import FinanzielleAuswirkungen
from vorlagen.load.facts import Facts
from vorlagen.load.haushalt import Haushalt
from vorlagen.load.hausstil import Finanzen
from vorlagen.load.kennzahlen import Kennzahl
from vorlagen.load.records import line_of
from vorlagen.load.vorlagenordner import VorlageSource

OHNE_LAND = "dem Haushaltsrecht Ihres Landes"  # printed nowhere: a body without Land gets a problem first
OHNE_LAND_ENTSCHEIDUNG = "die Entscheidung nach dem Recht Ihres Landes"  # … as this


def haushalt_lesende(definitionen: Iterable[Kennzahl]) -> set[str]:
    """The ids of the figures that read the Haushalt block, themselves or through another figure."""
    ids = {k.id for k in definitionen}
    liest: dict[str, set[str]] = {}
    spaet = set()
    for k in definitionen:
        try:
            pfade = [n.pfad for n in namen(lesen(k.formel))]
        except FormelFehler:
            continue  # its problem comes with the figures
        if any(p[0] == "haushalt" for p in pfade):
            spaet.add(k.id)
        liest[k.id] = {f for p in pfade if (f := figur(p, ids)) is not None}
    wachsend = True
    while wachsend:
        neu = {i for i, andere in liest.items() if i not in spaet and andere & spaet}
        spaet |= neu
        wachsend = bool(neu)
    return spaet


def ohne_land(facts: Facts) -> list[Problem]:
    """A body that gives Finanzielle Auswirkungen as data names its Land (or its own legal basis, and for a
    Verpflichtungsermächtigung that of VEs as well): never a default, never text addressed to the reader."""
    k = facts.koerperschaft
    mit_daten = [s.bezeichnung for s in facts.vorlagen if s.vorlage.finanzen_daten is not None]
    mit_ve = [
        s.bezeichnung
        for s in facts.vorlagen
        if s.vorlage.finanzen_daten is not None and s.vorlage.finanzen_daten.verpflichtungsermaechtigungen
    ]
    if k.landesrecht is not None or not mit_daten:
        return []
    problems = []
    if k.rechtsgrundlage() is None:
        problems.append(
            Problem(
                k.where(),
                f"Die Körperschaft nennt kein Land, aber Vorlage {mit_daten[0]} rechnet ihre finanziellen Auswirkungen "
                "aus dem Haushalt – welche Vorschrift gilt und wer erheblichen Beträgen zustimmt, hängt vom Land ab: "
                "tragen Sie in koerperschaft.yaml z. B. „land: NRW“ ein (oder Ihr Land) oder nennen Sie Ihre "
                "Vorschrift unter „hausstil: finanzen: rechtsgrundlage“.",
            )
        )
    if mit_ve and k.hausstil.finanzen.verpflichtungsermaechtigung is None:
        problems.append(
            Problem(
                k.where(),
                f"Die Körperschaft nennt kein Land, aber Vorlage {mit_ve[0]} beantragt eine "
                "Verpflichtungsermächtigung – nach welcher Vorschrift, hängt vom Land ab: tragen Sie in "
                "koerperschaft.yaml z. B. „land: NRW“ ein (oder Ihr Land) oder nennen Sie die Vorschrift unter "
                "„hausstil: finanzen: verpflichtungsermaechtigung“.",
            )
        )
    return problems


def haushalt_der_vorlage(
    source: VorlageSource,
    facts: Facts,
    haushalte: dict[int, Haushalt],
    names: dict,
    figures: dict,
    spaet: set[str],
) -> tuple[Auswirkungen | None, list[Problem], list[Problem]]:
    """The Finanzielle Auswirkungen of a Vorlage that gives them as data, computed with `haushalte` (the Haushalt
    as of its decision); the problems of reading them (amounts, Positionen, years, a Kämmerei role missing from the
    Hausstil); and its budget-law checks. `spaet`: the figures that read the block."""
    daten = source.vorlage.finanzen_daten
    if daten is None:
        return None, [], []
    lesen_probleme: list[Problem] = []
    recht: list[Problem] = []
    koerperschaft = facts.koerperschaft
    land, stil, zahlformat = koerperschaft.landesrecht, koerperschaft.hausstil, koerperschaft.zahlformat
    ids = {k.id for k in source.vorlage.zahlen}
    lesen_probleme += _liest_haushalt(daten, ids, spaet)
    result, found = auswirkungen(
        daten,
        haushalte,
        names,
        {k: v for k, v in figures.items() if k not in spaet},
        koerperschaft.rechtsgrundlage() or OHNE_LAND,
        zahlformat,
        ids - spaet,
    )
    lesen_probleme += found
    result.entscheidung = stil.finanzen.entscheidung or (
        land.entscheidung if land is not None else OHNE_LAND_ENTSCHEIDUNG
    )
    result.ve_recht = stil.finanzen.verpflichtungsermaechtigung or (
        land.verpflichtungsermaechtigung if land is not None else OHNE_LAND
    )
    result.worte = {
        plan: eigenes or (getattr(land, plan.lower()) if land is not None else plan)
        for plan, eigenes in (("Ergebnisplan", stil.finanzen.ergebnisplan), ("Finanzplan", stil.finanzen.finanzplan))
    }
    result.cent, result.restewort = stil.finanzen.cent, stil.finanzen.beschriftung.reste
    recht += check_deckung(result, daten, zahlformat)
    recht += check_ve(result.ve, daten.verpflichtungsermaechtigungen, zahlformat)
    result.offen += ve_offen(result.ve)
    mitzeichnung = stil.mitzeichnung
    if result.mehrbedarf and mitzeichnung.kaemmerei not in mitzeichnung.rollen:  # the Hausstil's: always
        lesen_probleme.append(
            Problem(
                daten.where("positionen"),
                f"Über- und außerplanmäßige Beträge brauchen nach {result.rechtsgrundlage} "
                f"{result.entscheidung}; dafür zeichnet jede solche Vorlage die Rolle "
                f"„{mitzeichnung.kaemmerei}“ mit, aber sie steht nicht in „hausstil: "
                "mitzeichnung: rollen“ – ergänzen Sie die Rolle dort oder "
                "nennen Sie unter „mitzeichnung: kaemmerei“ die Rolle Ihrer "
                "Kämmerei aus dieser Liste.",
            )
        )
    folge = source.vorlage.beratungsfolge  # in the stated order, checked to run forward in time
    letzte = None
    if folge:
        b = folge[-1]
        gremium = facts.sitzungen[b.sitzung].gremium if b.sitzung is not None else b.gremium
        assert gremium is not None  # Beratung.check: without a Sitzung, the Gremium is given
        letzte = (gremium, b.sitzung, b.rolle)
    gremien = {g.id: g.name for g in koerperschaft.gremien}
    entscheidend = [wort for wort, rolle in stil.rollen.items() if rolle.entscheidet]
    recht += check_gremium(
        result,
        haushalte,
        letzte,
        gremien,
        entscheidend,
        source.vorlage.where("beratungsfolge"),
        zahlformat,
        land.vertretung if land is not None else "",
    )
    result.offen = list(dict.fromkeys(result.offen))
    if land is not None:
        result.landesangaben = landesangaben(result, stil.finanzen)
    return result, lesen_probleme, recht


def _liest_haushalt(daten: FinanzielleAuswirkungen, ids: set[str], spaet: set[str]) -> list[Problem]:
    """An amount of the block named by a figure that itself reads the block: it cannot be."""
    problems = []
    jahresbetraege: list[dict[str, str]] = [e.betraege for e in daten.positionen] + [d.jahre for d in daten.deckung]
    for jahre in jahresbetraege:
        for jahr, name in jahre.items():
            eigene = figur(tuple(name.strip().split(".")), ids)
            if eigene in spaet:
                problems.append(
                    Problem(
                        line_of(jahre, jahr),
                        f"Die Zahl „{eigene}“ liest selbst den Haushalt („haushalt.…“) – ein Betrag des Haushalts "
                        "kann keine Zahl sein, die erst aus ihm folgt: nennen Sie hier die Zahl, aus der er entsteht.",
                    )
                )
    return problems


def landesangaben(result: Auswirkungen, eigene: Finanzen) -> list[str]:
    """The fields of the Land table a Vorlage prints or names in its Mitzeichnung (where the Hausstil does not state
    its own: `eigene`)."""
    felder = []
    if result.mehrbedarf and eigene.rechtsgrundlage is None:
        felder.append("ueberplanmaessig")
    if result.ve and eigene.verpflichtungsermaechtigung is None:
        felder.append("verpflichtungsermaechtigung")
    unter_grenze = any(j not in result.grenze_offen and j not in result.ueber_grenze for j in result.mehrbedarf)
    if unter_grenze and eigene.entscheidung is None:
        felder.append("entscheidung")
    for plan in ("Ergebnisplan", "Finanzplan"):  # the table names the plan by the Land's word
        if any(z.position.plan == plan for z in result.einzeln) and getattr(eigene, plan.lower()) is None:
            felder.append(plan.lower())
    return felder


UNSICHER = {  # field → (what it is, the Hausstil key that states the body's own)
    "ueberplanmaessig": ("Vorschrift über über- und außerplanmäßige Beträge", "hausstil: finanzen: rechtsgrundlage"),
    "verpflichtungsermaechtigung": (
        "Vorschrift über Verpflichtungsermächtigungen",
        "hausstil: finanzen: verpflichtungsermaechtigung",
    ),
    "entscheidung": ("wer über Beträge unter der Erheblichkeitsgrenze entscheidet", "hausstil: finanzen: entscheidung"),
    "ergebnisplan": ("das Wort des Landes für den Ergebnisplan", "hausstil: finanzen: ergebnisplan"),
    "finanzplan": ("das Wort des Landes für den Finanzplan", "hausstil: finanzen: finanzplan"),
}


def unsichere_landesangaben(facts: Facts, haushalte: dict[str, Auswirkungen | None]) -> list[str]:
    """For `pruefen`: each entry of the Land table marked „unsicher“ that a Vorlage prints, once per field, with the
    Vorlagen that print it, what to check and where the body states its own."""
    land = facts.koerperschaft.landesrecht
    if land is None:
        return []
    drucken: dict[str, list[str]] = {}
    for source in facts.vorlagen:
        haushalt = haushalte.get(source.slug)
        for feld in haushalt.landesangaben if haushalt is not None else []:
            if not land.sicher(feld):
                drucken.setdefault(feld, []).append(source.bezeichnung)
    hinweise = []
    for feld, vorlagen in drucken.items():
        was, schluessel = UNSICHER[feld]
        angabe = "Vorschrift" if feld in ("ueberplanmaessig", "verpflichtungsermaechtigung") else "Angabe"
        eigene = f"steht dort anderes, nennen Sie Ihre {angabe} unter „{schluessel}“"
        hinweise.append(
            f"„{getattr(land, feld)}“ ({was}, {land.name}) ist in der Ländertabelle nicht sicher belegt, und "
            f"{numerus(len(vorlagen), 'Vorlage', 'Vorlagen')} {', '.join(vorlagen)} "
            f"{numerus(len(vorlagen), 'nennt', 'nennen')} es – prüfen Sie es an der geltenden Fassung: "
            f"{land.gesetz}; {eigene}."
        )
    return hinweise
