"""The rules `vorlagen aktualisieren` applies, in order, and `umschreiben` that applies them: each reads the facts
of the earlier version's data and edits the copy (through migration/umschreiben.py's `Quelltexte`). A new behaviour change of this version that an old repository could hit gets
its rule here (the list of them: the handbook's page on updating)."""

from __future__ import annotations

from pathlib import Path

from vorlagen.load.facts import load
from vorlagen.load.land import Land
from vorlagen.migration.landesrecht import land_nrw
from vorlagen.migration.nullwerte import nie_null
from vorlagen.migration.rundungsaenderungen import (
    gedruckt_wie_die_tabelle,
    je_posten_wie_gedruckt,
    prozent_wie_die_koerperschaft,
)
from vorlagen.migration.stellensaetze import stellen_der_saetze
from vorlagen.migration.textausdruecke import zusammengesetzte_texte
from vorlagen.migration.textrechnungen import rechnende_texte
from vorlagen.migration.umbenannt import umbenannte_schluessel
from vorlagen.migration.umschreiben import NichtLesbar, Quelltexte
from vorlagen.migration.zahlenschreibweise import dezimalpunkt_eindeutig, erwartet_mit_komma, zahlen_in_einheit
from vorlagen.migration.zeilennamen import zeilen_nach_namen

VORREGELN = [
    umbenannte_schluessel,
    erwartet_mit_komma,
    dezimalpunkt_eindeutig,
]  # on the files as they are, before the facts are read (which they would not be)
REGELN = [
    [zeilen_nach_namen, stellen_der_saetze, zusammengesetzte_texte],
    [rechnende_texte],  # reads the rows' new ids and the rates' vzae of the stage before
    [
        land_nrw,
        zahlen_in_einheit,
        nie_null,
        gedruckt_wie_die_tabelle,
        je_posten_wie_gedruckt,
        prozent_wie_die_koerperschaft,
    ],
]  # stages: the facts are read again from the copy as rewritten by the stages before


def _regeln(quelltexte: Quelltexte, data: Path) -> None:
    for vorregel in VORREGELN:
        vorregel(quelltexte)
    for stufe in REGELN:
        quelltexte.neu_lesen()  # the facts are read from the files as rewritten so far
        facts, _ = load(data)  # what cannot be read is named by the build of the copy
        if facts is None:
            break
        for regel in stufe:
            regel(quelltexte, facts)


def umschreiben(data: Path, bewahrend: bool = False, land: Land | None = None, fuer: str | None = None) -> Quelltexte:
    """Rewrites the data folder `data` (a copy) in place by every rule of this version; `bewahrend` also keeps the
    old readings this version gives up (the proof's copy). Returns what was done, could not be done, and why some
    figures print differently. `land` is the Land the user named with `--land`; `fuer` the version vorlagen.toml
    says the data are written for (a rule that reads the same text differently applies only to older data)."""
    quelltexte = Quelltexte(data, bewahrend, land, fuer)
    try:
        _regeln(quelltexte, data)
    except NichtLesbar as unlesbar:
        quelltexte.probleme = [unlesbar.problem]
        return quelltexte
    quelltexte.geaendert = quelltexte.schreiben()
    quelltexte.erklaerungen = list(dict.fromkeys(quelltexte.erklaerungen))
    quelltexte.umschreibungen.sort(key=lambda u: (u.datei, u.zeile))
    return quelltexte
