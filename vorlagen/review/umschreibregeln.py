"""The rules `vorlagen aktualisieren` applies, in order: each reads the facts of the earlier version's data and
edits the copy (review/umschreiben.py). A new behaviour change of this version that an old repository could hit gets
its rule here (the list of them: the handbook's page on updating)."""

from __future__ import annotations

from vorlagen.review.landesrecht import land_nrw
from vorlagen.review.rundungsaenderungen import gedruckt_wie_die_tabelle, je_posten_wie_gedruckt
from vorlagen.review.zahlenschreibweise import dezimalpunkt_eindeutig, erwartet_mit_komma, zahlen_in_einheit
from vorlagen.review.zeilennamen import zeilen_nach_namen

VORREGELN = [
    erwartet_mit_komma,
    dezimalpunkt_eindeutig,
]  # on the files as they are, before the facts are read (which they would not be)
REGELN = [zeilen_nach_namen, land_nrw, zahlen_in_einheit, gedruckt_wie_die_tabelle, je_posten_wie_gedruckt]
