"""`vorlagen aktualisieren`: a rate that counted Stellen without saying so. Version 0.2.0 counted every unit of a
Bescheid's rates as one Stelle (VZÄ): `bescheide["…"].vzae` was the sum of the positions' `anzahl`. Since 0.2.1 a
rate says how many Stellen a unit is (`vzae` in the Förderprogramm), and a Bescheid whose rates do not say names
none. Where a text or formula reads the Stellen of such a Bescheid, each of its rates without `vzae` gets `vzae: 1`
written, so the Bescheid counts as before; the proof of `aktualisieren` shows that every figure prints the same.
"""

from __future__ import annotations

import re

from vorlagen.core.problems import Where
from vorlagen.load.facts import Facts
from vorlagen.migration.umschreiben import Offen, Quelltexte
from vorlagen.migration.zeilennamen import formeln

GRUND = (
    "0.2.0 zählte jede Einheit eines Satzes als eine Stelle (VZÄ), jetzt steht das beim Satz – damit "
    "„{art}[„{id}“].vzae“ gleich bleibt, steht hier „vzae: 1“; ist es ein Satz für Sachkosten, schreiben Sie 0 (dann "
    "ändert sich die gedruckte Stellenzahl)"
)
_STELLEN = re.compile(
    r"""(?P<art>bescheide|antraege)\s*(?:\[\s*["'](?P<id>[^"'\n]+)["']\s*\]|\.(?P<punkt>[^\W\d][\w-]*))\s*\.\s*vzae\b"""
)


def stellen_der_saetze(q: Quelltexte, facts: Facts) -> None:
    """Writes `vzae: 1` at every rate without `vzae` of a Bescheid or Antrag whose Stellen a text or formula reads."""
    gelesen: dict[tuple[str, str], None] = {}
    for source in facts.vorlagen:
        zeilen = [line for path in q.texte(source.folder) for line in q.lines(path)]
        zeilen += [formel for _, formel in formeln(source)]
        for line in zeilen:
            for match in _STELLEN.finditer(line):
                gelesen[match["art"], match["id"] or match["punkt"]] = None
    erledigt: set[str] = set()
    for art, name in gelesen:
        bescheid = (facts.bescheide if art == "bescheide" else facts.antraege).get(name)
        for position in bescheid.positionen if bescheid is not None else []:
            satz = facts.saetze.get(position.satz)
            if satz is None or satz.vzae is not None or satz.id in erledigt:
                continue
            erledigt.add(satz.id)
            if not _vzae_eintragen(q, satz.where, GRUND.format(art=art, id=name)):
                q.offen.append(
                    Offen(
                        satz.where,
                        f"Tragen Sie beim Satz „{satz.id}“ „vzae: 1“ ein (1 je Stelle, "
                        f"wie 0.2.0 zählte; 0 für Sachkosten) – „{art}[„{name}“].vzae“ liest es.",
                    )
                )


def _vzae_eintragen(q: Quelltexte, where: Where, grund: str) -> bool:
    """`vzae: 1` into the rate's mapping: in `{…}` on its line, or as a line of its own below a block's key."""
    line = q.zeile(where)
    if line is None:
        return False
    flow = re.search(r"\}\s*(#.*)?$", line.rstrip("\r\n"))
    if "{" in line and flow is not None:
        vorher = line[: flow.start() + 1]
        return q.ersetzen(where, vorher, line[: flow.start()].rstrip() + ", vzae: 1}", grund)
    naechste = Where(where.path, (where.line or 0) + 1)
    text = q.zeile(naechste)
    if text is None or re.match(r"\s+[\w-]+\s*:", text) is None:
        return False
    return q.zeile_einfuegen(naechste, "vzae: 1", grund)
