"""The report of `nachrechnen` for machines (`--json`): every finding with its figures, the figures left open, and the
counts."""

from __future__ import annotations

import json
from typing import Any

from vorlagen.nachrechnen.bericht.klartext import right, signed, typed
from vorlagen.nachrechnen.urteil.dokumenturteil import Pruefung
from vorlagen.nachrechnen.urteil.nachgerechnet import FEHLER, FOLGE, RUNDUNG, STIMMT, UNKLAR


def as_dict(pruefung: Pruefung) -> dict[str, Any]:
    befunde = []
    for rechnung in pruefung.rechnungen:
        zeile = rechnung.ergebnis.zeile
        befunde.append(
            {
                "seite": zeile.seite,
                "zeile": rechnung.ergebnis.in_datei,
                "status": rechnung.status,
                "art": rechnung.typ or rechnung.formel,
                "erkannt": rechnung.art,
                "rechnung": rechnung.zeichen,
                "getippt": typed(rechnung),
                "nachgerechnet": right(rechnung),
                "differenz": signed(rechnung, rechnung.differenz),
                "werte": {
                    "getippt": str(rechnung.getippt()),
                    "nachgerechnet": str(rechnung.richtig),
                    "differenz": str(rechnung.differenz),
                },
                "hinweis": rechnung.hinweis,
                "folgen": [
                    {
                        "seite": d.ergebnis.zeile.seite,
                        "zeile": d.ergebnis.in_datei,
                        "art": d.typ or d.formel,
                        "erkannt": d.art,
                        "getippt": typed(d),
                        "richtig": d.ergebnis.zahl.zeige(new),
                    }
                    for d, new in pruefung.folgen.get(id(rechnung), [])
                ],
                "auch_genannt": [
                    {"seite": f.zeile.seite, "zeile": f.in_datei} for f in pruefung.nennungen.get(id(rechnung), [])
                ],
            }
        )
    return {
        "datei": pruefung.datei,
        "befunde": befunde,
        "nicht_geprueft": [
            {"seite": f.zeile.seite, "zeile": f.in_datei, "zahl": f.zahl.zeige()} for f in pruefung.offen
        ],
        "nicht_lesbare_zahlen": [
            {"seite": zeile.seite, "zeile": zeile.in_datei(), "text": text, "gelesen": reading or None}
            for zeile, text, reading in pruefung.unlesbar
        ],
        "zusammenfassung": {
            "rechnungen": len(pruefung.rechnungen),
            "stimmt": pruefung.zaehle(STIMMT),
            "fehler": pruefung.zaehle(FEHLER),
            "folgefehler": pruefung.zaehle(FOLGE),
            "rundung": pruefung.zaehle(RUNDUNG),
            "nicht_eindeutig": pruefung.zaehle(UNKLAR),
            "nicht_geprueft": len(pruefung.offen),
            "nicht_lesbar": len(pruefung.unlesbar),
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
