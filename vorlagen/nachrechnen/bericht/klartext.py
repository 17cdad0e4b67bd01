"""The report of `nachrechnen` for people: per finding place, typed and recomputed figure, difference."""

from __future__ import annotations

from decimal import Decimal

from vorlagen.nachrechnen.urteil.dokumenturteil import Pruefung
from vorlagen.nachrechnen.urteil.nachgerechnet import FEHLER, FOLGE, RUNDUNG, STIMMT, UNKLAR, Urteil

_LABEL = {STIMMT: "stimmt", FEHLER: "FEHLER", FOLGE: "Folgefehler", RUNDUNG: "Rundung", UNKLAR: "nicht eindeutig"}


def signed(rechnung: Urteil, value: Decimal) -> str:
    text = rechnung.ergebnis.zahl.zeige(value)
    return ("+" if value > 0 else "") + text


def typed(rechnung: Urteil) -> str:
    return rechnung.ergebnis.zahl.zeige(rechnung.getippt())


def right(rechnung: Urteil) -> str:
    return rechnung.ergebnis.zahl.zeige(rechnung.richtig)


def summary(pruefung: Pruefung) -> str:
    count = len(pruefung.rechnungen)
    parts = [
        f"{pruefung.zaehle(STIMMT)} {'stimmt' if pruefung.zaehle(STIMMT) == 1 else 'stimmen'}",
        f"{pruefung.zaehle(FEHLER)} {'Fehler'}",
        f"{pruefung.zaehle(FOLGE)} Folgefehler",
    ]
    if pruefung.zaehle(RUNDUNG):
        parts.append(f"{pruefung.zaehle(RUNDUNG)} nur bei anderer Rundung")
    if pruefung.zaehle(UNKLAR):
        parts.append(f"{pruefung.zaehle(UNKLAR)} nicht eindeutig")
    unread = len(pruefung.unlesbar)
    return (
        f"{count} {'Rechnung' if count == 1 else 'Rechnungen'} erkannt: {', '.join(parts)}; "
        f"{len(pruefung.offen)} {'Zahl' if len(pruefung.offen) == 1 else 'Zahlen'} nicht geprüft"
        + (f", {unread} {'Zahl' if unread == 1 else 'Zahlen'} nicht in deutscher Schreibweise." if unread else ".")
    )


def _line(rechnung: Urteil) -> str:
    return f"{rechnung.zeichen} = {right(rechnung)}"


def render_text(pruefung: Pruefung) -> str:
    out = [f"Nachgerechnet: {pruefung.datei}", ""]
    for rechnung in pruefung.rechnungen:
        where = rechnung.ergebnis.ort
        head = f"{where:<14} {_LABEL[rechnung.status]:<12}"
        if rechnung.status == STIMMT:
            out.append(f"{head} {_line(rechnung)} – {rechnung.art}")
            if rechnung.hinweis:
                out.append(" " * 28 + rechnung.hinweis)
            continue
        indent = " " * 28
        if rechnung.status == UNKLAR:
            out.append(f"{head} getippt {typed(rechnung)}, so gelesen: {_line(rechnung)}")
            out.append(f"{indent}erkannt: {rechnung.art}")
            out.append(f"{indent}kein Fehler gemeldet: {rechnung.hinweis}")
            continue
        out.append(
            f"{head} getippt {typed(rechnung)}, nachgerechnet {right(rechnung)} "
            f"(Differenz {signed(rechnung, rechnung.differenz)})"
        )
        out.append(f"{indent}erkannt: {rechnung.art}: {rechnung.zeichen}")
        if rechnung.hinweis:
            out.append(f"{indent}{rechnung.hinweis}")
        for dependent, new in pruefung.folgen.get(id(rechnung), []):
            out.append(
                f"{indent}Folge: {dependent.ergebnis.ort}, {dependent.art}: getippt {typed(dependent)}, "
                f"damit richtig {dependent.ergebnis.zahl.zeige(new)}"
            )
        if rechnung.status in (FEHLER, FOLGE):
            for fund in pruefung.nennungen.get(id(rechnung), []):
                out.append(f"{indent}dieselbe Zahl {fund.zahl.zeige(abs(fund.zahl.wert))} steht auch in {fund.ort}")
    if pruefung.offen:
        out += ([""] if pruefung.rechnungen else []) + ["Nicht geprüft (keiner erkannten Rechnung zuzuordnen):"]
        by_line: dict[str, list[str]] = {}
        for fund in pruefung.offen:
            by_line.setdefault(fund.ort, []).append(fund.zahl.zeige())
        out += [f"  {where}: {', '.join(values)}" for where, values in by_line.items()]
    if pruefung.unlesbar:
        out += [
            "",
            "Nicht in deutscher Schreibweise (schreiben Sie den Betrag deutsch: Tausender mit Punkt, Nachkommastellen "
            "nach dem Komma; jede Rechnung mit einer so gelesenen Zahl ist „nicht eindeutig“):",
        ]
        out += [
            f"  {zeile.ort}: {text} – " + (f"gelesen als {reading}" if reading else "nicht gelesen")
            for zeile, text, reading in pruefung.unlesbar
        ]
    out += ["", summary(pruefung), ""]
    return "\n".join(out)
