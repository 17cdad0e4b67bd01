"""How the figures of the Finanzielle Auswirkungen are made (compute/haushalt.py): per Position and year the
amount, Ansatz, gebunden, verfügbar and Mehrbedarf; per Deckung its amount and what its source has left."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.deckungsquellen import Deckungszeile
from vorlagen.compute.haushalt import Auswirkungen, Zeile
from vorlagen.compute.herleitung import Eingang, Herleitung, Teil
from vorlagen.compute.herleitung.zeilen import MINUS, Kontext
from vorlagen.load.haushaltsposition import Position


def haushalt_zeile(k: Kontext, a: Auswirkungen, z: Zeile, feld: str, teil: Teil | None = None) -> Herleitung:
    """One Position in one Haushaltsjahr: the amount (a named figure, derived by `teil`), what the plan has left,
    the Mehrbedarf."""
    q = a.quantum
    pos = z.position
    was = f"{pos.art} {pos.konto}" + (f" {pos.bezeichnung}" if pos.bezeichnung else "") + f", {z.jahr}"
    haushalt = f"haushalt/{z.jahr}.yaml"
    assert pos.ansatz is not None  # an amount is spent only where the Ansatz is known (haushalt._ausgabeposition)
    ansatz = Eingang(f"Ansatz ({haushalt})", k.geld(pos.ansatz, q), pos.where("ansatz"))
    gebunden = Eingang(f"gebunden ({haushalt})", k.geld(pos.gebunden, q), pos.where("gebunden"))
    if feld == "betrag":
        betrag = teil(_pfad(z.name), 3) if teil is not None else None
        return Herleitung(
            f"Betrag: {was}",
            f"die Zahl „{z.name}“ = {k.geld(z.betrag, q)}",
            k.geld(z.betrag, q),
            [Eingang("Name der Zahl", z.name, z.where)],
            teile=[betrag.mit(k.geld(z.betrag, q))] if betrag is not None else [],
        )
    if feld == "ansatz":
        return Herleitung(
            f"Ansatz: {was}", f"aus dem Haushalt = {k.geld(pos.ansatz, q)}", k.geld(pos.ansatz, q), [ansatz]
        )
    if feld == "gebunden":
        return Herleitung(
            f"gebunden: {was}", f"aus dem Haushalt = {k.geld(pos.gebunden, q)}", k.geld(pos.gebunden, q), [gebunden]
        )
    if feld == "verfuegbar":
        teile = pos.mittel_teile
        return Herleitung(
            f"verfügbar: {was}",
            f"{' + '.join(n for n, _ in teile)} − gebunden = {' + '.join(k.geld(w, q) for _, w in teile)} {MINUS} "
            f"{k.geld(pos.gebunden, q)} = {k.geld(z.verfuegbar, q)}",
            k.geld(z.verfuegbar, q),
            [ansatz, *_mittel_eingaenge(k, pos, haushalt, q), gebunden],
        )
    assert feld == "mehrbedarf"
    return Herleitung(
        f"Mehrbedarf: {was}",
        f"Betrag − verfügbar, wenigstens 0 = {k.geld(z.betrag, q)} {MINUS} {k.geld(z.verfuegbar, q)} → {k.geld(z.mehrbedarf, q)}"
        + (f" ({z.art})" if z.art else " (die Mittel reichen)"),
        k.geld(z.mehrbedarf, q),
        [ansatz, gebunden],
        teile=[haushalt_zeile(k, a, z, "betrag", teil)],
    )


def _mittel_eingaenge(k: Kontext, pos: Position, haushalt: str, q: Decimal) -> list[Eingang]:
    """The Reste and earlier Bereitstellungen a Position states, as inputs of a derivation."""
    return [Eingang(f"{n} ({haushalt})", k.geld(w, q), pos.where(n.lower())) for n, w in pos.mittel_teile[1:]]


def _pfad(name: str) -> tuple[str, ...]:
    from vorlagen.compute.formel import teile

    return teile(name)


def deckung(k: Kontext, a: Auswirkungen, d: Deckungszeile, feld: str, teil: Teil | None = None) -> Herleitung:
    """A Deckung: its amount (a named figure, derived by `teil`) or what its source has left."""
    q = a.quantum
    pos = d.position
    was = f"Deckung {d.jahr}: {d.art or 'Art noch offen'} bei {d.konto or 'Quelle noch offen'}"
    if feld == "betrag":
        betrag = teil(_pfad(d.name), 3) if teil is not None and d.name else None
        return Herleitung(
            was,
            f"die Zahl „{d.name}“ = {k.geld(d.betrag, q)}",
            k.geld(d.betrag, q),
            [Eingang("Name der Zahl", d.name, d.where)],
            teile=[betrag.mit(k.geld(d.betrag, q))] if betrag is not None else [],
        )
    assert feld == "verfuegbar" and d.verfuegbar is not None and pos is not None
    ansatz, gebunden = Fraction(pos.ansatz or 0), Fraction(pos.gebunden)
    if getattr(pos, "ertrag", False):
        assert pos.prognose is not None  # what a Mehrertrag has left is known only from its Prognose
        regel = (
            f"Prognose − Ansatz − gebunden = {k.geld(pos.prognose, q)} {MINUS} {k.geld(ansatz, q)} {MINUS} "
            f"{k.geld(gebunden, q)} = {k.geld(d.verfuegbar, q)}"
        )
    else:
        teile = pos.mittel_teile
        regel = (
            f"{' + '.join(n for n, _ in teile)} − gebunden = {' + '.join(k.geld(w, q) for _, w in teile)} {MINUS} "
            f"{k.geld(gebunden, q)} = {k.geld(d.verfuegbar, q)}"
        )
    bezeichnung = f"{pos.konto} {pos.bezeichnung or ''}".strip()
    return Herleitung(
        f"dort verfügbar: {was}",
        regel,
        k.geld(d.verfuegbar, q),
        [Eingang(f"Position (haushalt/{d.jahr}.yaml)", bezeichnung, pos.where())],
    )
