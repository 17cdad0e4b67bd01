"""The report of `nachrechnen`: per finding place, typed and recomputed figure, difference; JSON for machines."""

from __future__ import annotations

import json
from decimal import Decimal

from vorlagen.nachrechnen.aufbau.rechnung import FEHLER, FOLGE, RUNDUNG, STIMMT, UNKLAR, Rechnung
from vorlagen.nachrechnen.pruefen import Pruefung

_LABEL = {STIMMT: "stimmt", FEHLER: "FEHLER", FOLGE: "Folgefehler", RUNDUNG: "Rundung", UNKLAR: "nicht eindeutig"}


def _signed(rechnung: Rechnung, value: Decimal) -> str:
    text = rechnung.ergebnis.zahl.zeige(value)
    return ("+" if value > 0 else "") + text


def _typed(rechnung: Rechnung) -> str:
    return rechnung.ergebnis.zahl.zeige(rechnung.getippt())


def _right(rechnung: Rechnung) -> str:
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
    return (
        f"{count} {'Rechnung' if count == 1 else 'Rechnungen'} erkannt: {', '.join(parts)}; "
        f"{len(pruefung.offen)} {'Zahl' if len(pruefung.offen) == 1 else 'Zahlen'} nicht geprüft."
    )


def _line(rechnung: Rechnung) -> str:
    return f"{rechnung.zeichen} = {_right(rechnung)}"


def render_text(pruefung: Pruefung) -> str:
    out = [f"Nachgerechnet: {pruefung.datei}", ""]
    for rechnung in pruefung.rechnungen:
        where = rechnung.ergebnis.zeile.ort
        head = f"{where:<14} {_LABEL[rechnung.status]:<12}"
        if rechnung.status == STIMMT:
            out.append(f"{head} {_line(rechnung)} – {rechnung.art}")
            if rechnung.hinweis:
                out.append(" " * 28 + rechnung.hinweis)
            continue
        indent = " " * 28
        if rechnung.status == UNKLAR:
            out.append(f"{head} getippt {_typed(rechnung)}, so gelesen: {_line(rechnung)}")
            out.append(f"{indent}erkannt: {rechnung.art}")
            out.append(f"{indent}kein Fehler gemeldet: {rechnung.hinweis}")
            continue
        out.append(
            f"{head} getippt {_typed(rechnung)}, nachgerechnet {_right(rechnung)} "
            f"(Differenz {_signed(rechnung, rechnung.differenz)})"
        )
        out.append(f"{indent}erkannt: {rechnung.art}: {rechnung.zeichen}")
        if rechnung.hinweis:
            out.append(f"{indent}{rechnung.hinweis}")
        for dependent, new in pruefung.folgen.get(id(rechnung), []):
            out.append(
                f"{indent}Folge: {dependent.ergebnis.zeile.ort}, {dependent.art}: getippt {_typed(dependent)}, "
                f"damit richtig {dependent.ergebnis.zahl.zeige(new)}"
            )
        if rechnung.status in (FEHLER, FOLGE):
            for fund in pruefung.nennungen.get(id(rechnung), []):
                out.append(
                    f"{indent}dieselbe Zahl {fund.zahl.zeige(abs(fund.zahl.wert))} steht auch in {fund.zeile.ort}"
                )
    if pruefung.offen:
        out += ([""] if pruefung.rechnungen else []) + ["Nicht geprüft (keiner erkannten Rechnung zuzuordnen):"]
        by_line: dict[str, list[str]] = {}
        for fund in pruefung.offen:
            by_line.setdefault(fund.zeile.ort, []).append(fund.zahl.zeige())
        out += [f"  {where}: {', '.join(values)}" for where, values in by_line.items()]
    out += ["", summary(pruefung), ""]
    return "\n".join(out)


def as_dict(pruefung: Pruefung) -> dict:
    befunde = []
    for rechnung in pruefung.rechnungen:
        zeile = rechnung.ergebnis.zeile
        befunde.append(
            {
                "seite": zeile.seite,
                "zeile": zeile.nr,
                "status": rechnung.status,
                "art": rechnung.typ or rechnung.formel,
                "erkannt": rechnung.art,
                "rechnung": rechnung.zeichen,
                "getippt": _typed(rechnung),
                "nachgerechnet": _right(rechnung),
                "differenz": _signed(rechnung, rechnung.differenz),
                "werte": {
                    "getippt": str(rechnung.getippt()),
                    "nachgerechnet": str(rechnung.richtig),
                    "differenz": str(rechnung.differenz),
                },
                "hinweis": rechnung.hinweis,
                "folgen": [
                    {
                        "seite": d.ergebnis.zeile.seite,
                        "zeile": d.ergebnis.zeile.nr,
                        "art": d.typ or d.formel,
                        "erkannt": d.art,
                        "getippt": _typed(d),
                        "richtig": d.ergebnis.zahl.zeige(new),
                    }
                    for d, new in pruefung.folgen.get(id(rechnung), [])
                ],
                "auch_genannt": [
                    {"seite": f.zeile.seite, "zeile": f.zeile.nr} for f in pruefung.nennungen.get(id(rechnung), [])
                ],
            }
        )
    return {
        "datei": pruefung.datei,
        "befunde": befunde,
        "nicht_geprueft": [
            {"seite": f.zeile.seite, "zeile": f.zeile.nr, "zahl": f.zahl.zeige()} for f in pruefung.offen
        ],
        "zusammenfassung": {
            "rechnungen": len(pruefung.rechnungen),
            "stimmt": pruefung.zaehle(STIMMT),
            "fehler": pruefung.zaehle(FEHLER),
            "folgefehler": pruefung.zaehle(FOLGE),
            "rundung": pruefung.zaehle(RUNDUNG),
            "nicht_eindeutig": pruefung.zaehle(UNKLAR),
            "nicht_geprueft": len(pruefung.offen),
            "erwaehnungen": pruefung.erwaehnt,
        },
    }


def render_json(pruefungen: list[Pruefung], problems: list[str]) -> str:
    return (
        json.dumps(
            {"dateien": [as_dict(p) for p in pruefungen], "nicht_lesbar": problems}, ensure_ascii=False, indent=2
        )
        + "\n"
    )
