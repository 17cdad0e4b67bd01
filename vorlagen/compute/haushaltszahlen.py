"""The figures of a Vorlage's Haushalt block as named figures of its ledger: what `vorlagen zahlen NR` lists
(haushalt.mehrbedarf[2022], haushalt.deckung[2022], haushalt.kreise["650"].ueberschreitung[2009],
haushalt.ve["x"].betrag) and how each comes about (`vorlagen zahlen NR haushalt.mehrbedarf.2022`)."""

from __future__ import annotations

from fractions import Fraction

from vorlagen.compute.formel import FormelFehler, Name, lesen
from vorlagen.compute.haushalt import Auswirkungen
from vorlagen.compute.haushaltsstand import FELDER, Positionsstand
from vorlagen.core.fmt import Zahlformat


def _q(key: object) -> str:
    return f'"{key}"' if isinstance(key, str) else str(key)


def namen(a: Auswirkungen) -> list[tuple[str, Fraction]]:
    """(expression as a text writes it, value) of every figure of the block."""
    lines = [(f"haushalt.mehrbedarf[{j}]", b) for j, b in a.mehrbedarf.items()]
    lines += [(f"haushalt.deckung[{j}]", b) for j, b in a.deckung.items()]
    for feld in ("reste", "bereitgestellt", "mittel_neu"):
        lines += [(f"haushalt.{feld}[{j}]", b) for j, b in getattr(a, feld).items()]
    for kreis in a.kreise.values():
        for jahr, kj in kreis.jahre.items():
            for feld in ("ansatz", "betrag", "verfuegbar", "ueberschreitung"):
                lines.append((f"haushalt.kreise[{_q(kreis.id)}].{feld}[{jahr}]", getattr(kj, feld)))
    for ve in a.ve.values():
        lines.append((f"haushalt.ve[{_q(ve.id)}].betrag", ve.betrag))
        lines += [(f"haushalt.ve[{_q(ve.id)}].lasten[{j}]", b) for j, b in (ve.lasten or {}).items()]
        lines += [(f"haushalt.ve[{_q(ve.id)}].im_plan[{j}]", b) for j, b in ve.im_plan.items()]
        lines += [(f"haushalt.ve[{_q(ve.id)}].nachtrag[{j}]", b) for j, b in ve.nachtrag.items()]
        if ve.mehrbedarf is not None:
            lines.append((f"haushalt.ve[{_q(ve.id)}].mehrbedarf", ve.mehrbedarf))
    for key, stand in a.positionen.items():
        for feld in FELDER:
            lines += [
                (f"haushalt.positionen[{_q(key)}].{feld}[{j}]", b)
                for j, b in getattr(stand, feld).items()
                if b is not None
            ]
    return lines


def herleitung(a: Auswirkungen, text: str, zahlformat: Zahlformat) -> list[str] | None:
    """How a figure of the block comes about, as lines of German text (amounts as `zahlformat` prints them); None
    when `text` names none."""
    try:
        tree = lesen(text)
    except FormelFehler:
        return None
    if not isinstance(tree, Name) or tree.pfad[0] != "haushalt" or len(tree.pfad) < 3:
        return None
    pfad = tree.pfad[1:]
    if pfad[0] == "mehrbedarf" and pfad[1].isdigit() and int(pfad[1]) in a.mehrbedarf:
        return _mehrbedarf(a, int(pfad[1]), zahlformat)
    if pfad[0] == "deckung" and pfad[1].isdigit() and int(pfad[1]) in a.deckung:
        return _deckung(a, int(pfad[1]), zahlformat)
    feld = pfad[0]
    if feld in ("reste", "bereitgestellt", "mittel_neu") and pfad[1].isdigit() and int(pfad[1]) in getattr(a, feld):
        return _mittel(a, feld, int(pfad[1]), zahlformat)
    if pfad[0] == "kreise" and len(pfad) == 4 and pfad[1] in a.kreise and pfad[3].isdigit():
        kj = a.kreise[pfad[1]].jahre.get(int(pfad[3]))
        if kj is not None and pfad[2] in ("ansatz", "betrag", "verfuegbar", "ueberschreitung", "gebunden"):
            return _kreis(a, pfad[1], int(pfad[3]), pfad[2], zahlformat)
    if pfad[0] == "ve" and len(pfad) >= 3 and pfad[1] in a.ve:
        return _ve(a, pfad[1], zahlformat)
    if pfad[0] == "positionen" and len(pfad) == 4 and pfad[2] in FELDER and pfad[3].isdigit():
        stand = dict.get(a.positionen, pfad[1])
        if stand is not None and int(pfad[3]) in getattr(stand, pfad[2]):
            return _position(a, pfad[1], stand, pfad[2], int(pfad[3]), zahlformat)
    return None


def _mehrbedarf(a: Auswirkungen, jahr: int, zahlformat: Zahlformat) -> list[str]:
    geld = zahlformat.geld
    lines = [f"haushalt.mehrbedarf.{jahr} = {geld(a.mehrbedarf[jahr])} ({a.wort(jahr, '')}, nach {a.rechtsgrundlage})"]
    for z in a.einzeln:
        if z.jahr == jahr and z.mehrbedarf:
            p = z.position
            lines.append(
                f"  „{p.konto}“ ({a.planwort(str(p.plan))}): Betrag {geld(z.betrag)} ({z.name})   [{z.where}]"
                f" − verfügbar {geld(z.verfuegbar)} ({' + '.join(f'{n} {geld(Fraction(w))}' for n, w in p.mittel_teile)}"
                f" − gebunden {geld(Fraction(p.gebunden))}) = {geld(z.mehrbedarf)}"
            )
    for g in a.genannt:
        if g.jahr == jahr:
            p = g.position
            lines.append(
                f"  „{p.konto}“ ({a.planwort(str(p.plan))}): {g.wort}, wie die Vorlage sie nennt: {geld(g.betrag)} "
                f"({g.name})   [{g.where}]"
            )
    for kreis in a.kreise.values():
        kj = kreis.jahre.get(jahr)
        if kj is not None and kj.ueberschreitung:
            lines.append(
                f"  {kreis.bezeichnung}: Beträge {geld(kj.betrag)} − verfügbar {geld(kj.verfuegbar)} (Ansätze "
                f"{geld(kj.ansatz)} − gebunden {geld(kj.gebunden)}) = {geld(kj.ueberschreitung)}"
                f"   (haushalt.kreise.{kreis.id}.ueberschreitung.{jahr})"
            )
    return lines


def _position(
    a: Auswirkungen, key: str, stand: Positionsstand, feld: str, jahr: int, zahlformat: Zahlformat
) -> list[str]:
    geld = zahlformat.geld
    p = stand.record(jahr)
    assert p is not None  # every year of a Positionsstand has its record
    wert = getattr(stand, feld)[jahr]
    name = f"haushalt.positionen[{_q(key)}].{feld}.{jahr}"
    wo = f"„{p.konto}“{f' {p.bezeichnung}' if p.bezeichnung else ''} ({a.planwort(str(p.plan))}), Haushalt {jahr}"
    if feld != "verfuegbar":
        shown = "noch offen" if wert is None else geld(wert)
        return [f"{name} = {shown}   [{p.where(feld)}] ({wo})"]
    if wert is None:
        return [f"{name} = noch offen ({wo}): der Ansatz ist noch offen   [{p.where('ansatz')}]"]
    lines = [f"{name} = {geld(wert)}   ({wo})"]
    if p.ertrag:
        lines.append(
            f"  Prognose {geld(Fraction(p.prognose or 0))} [{p.where('prognose')}] − Ansatz "
            f"{geld(Fraction(p.ansatz or 0))} [{p.where('ansatz')}] − gebunden {geld(Fraction(p.gebunden))} "
            f"[{p.where('gebunden')}] = {geld(wert)}"
        )
    else:
        feld_von = {"Ansatz": "ansatz", "Reste": "reste", "bereitgestellt": "bereitgestellt"}
        teile = " + ".join(f"{label} {geld(Fraction(b))} [{p.where(feld_von[label])}]" for label, b in p.mittel_teile)
        lines.append(f"  {teile} − gebunden {geld(Fraction(p.gebunden))} [{p.where('gebunden')}] = {geld(wert)}")
    return lines


def _deckung(a: Auswirkungen, jahr: int, zahlformat: Zahlformat) -> list[str]:
    geld = zahlformat.geld
    lines = [f"haushalt.deckung.{jahr} = {geld(a.deckung[jahr])}"]
    for d in a.deckungen:
        if d.jahr == jahr:
            quelle = (
                f"„{d.konto}“" if d.konto else "der Gesamtdeckung des Haushalts" if d.allgemein else "Quelle noch offen"
            )
            art = d.wort or "Art noch offen"
            frei = f", dort verfügbar {geld(d.verfuegbar)}" if d.verfuegbar is not None else ""
            lines.append(f"  {art} bei {quelle}: {geld(d.betrag)}{frei}   [{d.where}]")
    return lines


def _kreis(a: Auswirkungen, kreis_id: str, jahr: int, feld: str, zahlformat: Zahlformat) -> list[str]:
    geld = zahlformat.geld
    kreis = a.kreise[kreis_id]
    kj = kreis.jahre[jahr]
    lines = [
        f"haushalt.kreise.{kreis_id}.{feld}.{jahr} = {geld(getattr(kj, feld))}   ({kreis.bezeichnung}, {jahr})",
        "  Überschreitung = Summe der Beträge − (Summe der Ansätze − Summe gebunden), nie unter 0 €",
    ]
    for z in kj.zeilen:
        betrag = f"{geld(z.betrag)} ({z.name})" if z.name else "– (die Vorlage nennt hier keinen Betrag)"
        lines.append(
            f"  „{z.position.konto}“: Ansatz {geld(Fraction(z.position.ansatz or 0))}, gebunden "
            f"{geld(Fraction(z.position.gebunden))}, Betrag {betrag}"
        )
    lines.append(
        f"  Summe: Ansätze {geld(kj.ansatz)}, gebunden {geld(kj.gebunden)}, Beträge {geld(kj.betrag)}, verfügbar "
        f"{geld(kj.verfuegbar)}, Überschreitung {geld(kj.ueberschreitung)}"
    )
    return lines


def _ve(a: Auswirkungen, ve_id: str, zahlformat: Zahlformat) -> list[str]:
    geld = zahlformat.geld
    ve = a.ve[ve_id]
    lines = [
        f"haushalt.ve.{ve_id}.betrag = {geld(ve.betrag)}   [{ve.where}] (Verpflichtungsermächtigung im Haushalt "
        f"{ve.jahr}, „{ve.position.konto}“, nach {a.ve_recht})"
    ]
    if ve.lasten is not None:
        teile = " + ".join(f"{geld(b)} ({j})" for j, b in sorted(ve.lasten.items()))
        lines.append(f"  zu Lasten: {teile} = {geld(sum(ve.lasten.values(), Fraction(0)))}")
        for jahr, nachtrag in ve.nachtrag.items():
            lines.append(
                f"  {jahr}: im Haushaltsplan {geld(ve.im_plan[jahr])}   [{ve.im_plan_where[jahr]}], im Nachtrag "
                f"{geld(ve.lasten[jahr])} − {geld(ve.im_plan[jahr])} = {geld(nachtrag)}"
            )
    else:
        lines.append("  zu Lasten: noch offen")
    if ve.frei is not None:
        lines.append(
            f"  im Plan frei: {geld(ve.frei)} (veranschlagt {geld(Fraction(ve.position.ve or 0))} − in Anspruch "
            f"genommen {geld(Fraction(ve.position.ve_gebunden))}); über- oder außerplanmäßig: "
            f"{geld(ve.mehrbedarf or Fraction(0))}"
        )
    for d in ve.deckungen:
        lines.append(f"  Deckung: „{d.position.konto}“ sinkt um {geld(d.betrag)}   [{d.where}]")
    return lines


def _mittel(a: Auswirkungen, feld: str, jahr: int, zahlformat: Zahlformat) -> list[str]:
    """Haushaltsreste, earlier Bereitstellungen and the „(neu) zur Verfügung stehende Haushaltsmittel“ of a year,
    Position by Position."""
    geld = zahlformat.geld
    lines = [f"haushalt.{feld}.{jahr} = {geld(getattr(a, feld)[jahr])}"]
    for z in a.einzeln:
        p = z.position
        if z.jahr != jahr or (feld == "mittel_neu" and not z.formular) or getattr(p, feld, 0) is None:
            continue
        quelle = f"haushalt/{jahr}.yaml"
        if feld == "mittel_neu":
            teile = [f"Ansatz {geld(Fraction(p.ansatz or 0))}"]
            teile += [f"{a.restename(z)} {geld(Fraction(p.reste))}"] if p.reste is not None else []
            teile += [f"bereitgestellt {geld(Fraction(p.bereitgestellt))}"] if p.bereitgestellt is not None else []
            teile.append(f"{z.art} beantragt {geld(z.mehrbedarf)} ({z.name})")
            lines.append(f"  „{p.konto}“: {' + '.join(teile)} = {geld(z.mittel_neu)}   [{quelle}]")
        else:
            lines.append(f"  „{p.konto}“: {geld(Fraction(getattr(p, feld)))}   [{quelle}: „{feld}“]")
    return lines
