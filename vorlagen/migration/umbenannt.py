"""`vorlagen aktualisieren`: keys an earlier version read under another name (the records' `ersetzt`), written
under today's name with the same meaning: `niederschrift_kenntnisnahme: Satz` (until 0.2.0's last days) is
`niederschrift_saetze: {Kenntnisnahme: Satz}`."""

from __future__ import annotations

import json

from vorlagen.core.problems import Paths
from vorlagen.load.yamlfile import Mapping, Scalar, read_yaml
from vorlagen.migration.umschreiben import Offen, Quelltexte

GRUND = "„niederschrift_kenntnisnahme“ heißt jetzt „niederschrift_saetze“ und nimmt einen Satz je Ergebnis"


def umbenannte_schluessel(q: Quelltexte) -> None:
    """Before the facts are read (the old key is an error): the Hausstil's renamed keys in koerperschaft.yaml."""
    path = q.data / "koerperschaft.yaml"
    if not path.is_file():
        return
    root, _ = read_yaml(path, Paths())
    hausstil = root.entries.get("hausstil", (None, None))[1] if isinstance(root, Mapping) else None
    if not isinstance(hausstil, Mapping) or "niederschrift_kenntnisnahme" not in hausstil.entries:
        return
    where, value = hausstil.entries["niederschrift_kenntnisnahme"]
    if "niederschrift_saetze" in hausstil.entries or not isinstance(value, Scalar) or value.where.line != where.line:
        q.offen.append(Offen(where, f"{GRUND} – schreiben Sie: niederschrift_saetze: {{Kenntnisnahme: …}}"))
        return
    neu = f"{{Kenntnisnahme: {json.dumps(value.text, ensure_ascii=False)}}}"
    if q.wert_ersetzen(where, "niederschrift_kenntnisnahme", neu, GRUND):
        q.ersetzen(where, "niederschrift_kenntnisnahme:", "niederschrift_saetze:", GRUND)
