"""The rules `vorlagen aktualisieren` applies, in order: each reads the facts of the earlier version's data and
edits the copy (review/umschreiben.py). A behaviour change of this version that an old repository could hit gets its
rule here (the list of them: the handbook's page on updating)."""

from __future__ import annotations

import re

from vorlagen.load.facts import Facts
from vorlagen.review.umschreiben import Offen, Quelltexte
from vorlagen.review.zeilennamen import zeilen_nach_namen


def land_nrw(q: Quelltexte, facts: Facts) -> None:
    """Without `land:` and without its own `rechtsgrundlage`, earlier versions printed the law of NRW (§ 83 GO NRW)
    for every Vorlage with Finanzielle Auswirkungen as data; this one asks for the Land – `land: NRW` prints the
    same."""
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


REGELN = [zeilen_nach_namen, land_nrw]
