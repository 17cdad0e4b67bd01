"""`vorlagen aktualisieren` for the Land as a fact (issue 34): without `land:` and without its own `rechtsgrundlage`,
earlier versions printed the law of NRW (§ 83 GO NRW) for every Vorlage with Finanzielle Auswirkungen as data; this
one asks for the Land – `land: NRW` prints the same."""

from __future__ import annotations

import re

from vorlagen.load.facts import Facts
from vorlagen.review.umschreiben import Offen, Quelltexte


def land_nrw(q: Quelltexte, facts: Facts) -> None:
    k = facts.koerperschaft
    if k.land is not None or k.hausstil.finanzen.rechtsgrundlage is not None:
        return
    if not any(s.vorlage.finanzen_daten is not None for s in facts.vorlagen):
        return
    where = k.where("name")
    line = q.zeile(where)
    if line is None or not re.match(r"\s*name\s*:", line):
        q.offen.append(
            Offen(where, "Tragen Sie „land: NRW“ ein (oder Ihr Land) – frühere Fassungen rechneten nach NRW-Recht.")
        )
        return
    q.zeile_einfuegen(
        where,
        "land: NRW",
        "das Land wählt jetzt die Vorschriften des Haushaltsrechts; frühere Fassungen rechneten ohne Angabe nach "
        "NRW-Recht (§ 83 GO NRW)",
    )
