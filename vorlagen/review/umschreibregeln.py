"""The rules `vorlagen aktualisieren` applies, in order: each reads the facts of the earlier version's data and
edits the copy (review/umschreiben.py). A new behaviour change of this version that an old repository could hit gets
its rule here (the list of them: the handbook's page on updating)."""

from __future__ import annotations

from vorlagen.review.zeilennamen import zeilen_nach_namen

REGELN = [zeilen_nach_namen]
