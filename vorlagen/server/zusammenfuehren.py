"""Two saves based on the same version, merged: vorlage.yaml field by field through the round-trip writer (every
other line stays as it is), a Markdown text by lines. Where both changed the same field (or the same lines) to
different values, that is a conflict: the person decides, nothing is merged there on its own."""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from vorlagen.building.bearbeiten.entwurf import setzen
from vorlagen.load.vorlage import Vorlage
from vorlagen.load.yamlschreiben import Pfad, Roh, YamlDatei, Zeile, Zitiert

WEG = object()  # no value at this place


@dataclass(frozen=True)
class Konflikt:
    """A field (or a text) both changed: what each wrote (WEG: removed)."""

    pfad: Pfad
    meins: Any
    anderer: Any


def _wert(daten: Any, pfad: Pfad) -> Any:
    for schritt in pfad:
        try:
            daten = daten[schritt]
        except (KeyError, IndexError, TypeError):
            return WEG
    return daten


def aenderungen(vorher: Any, nachher: Any, pfad: Pfad = ()) -> dict[Pfad, Any]:
    """Each place where `nachher` differs from `vorher` → its new value (WEG: removed), at the smallest place."""
    if isinstance(vorher, CommentedMap) and isinstance(nachher, CommentedMap):
        found: dict[Pfad, Any] = {}
        for key in list(vorher) + [k for k in nachher if k not in vorher]:
            if key not in nachher:
                found[pfad + (key,)] = WEG
            elif key not in vorher:
                found[pfad + (key,)] = nachher[key]
            else:
                found |= aenderungen(vorher[key], nachher[key], pfad + (key,))
        return found
    if isinstance(vorher, CommentedSeq) and isinstance(nachher, CommentedSeq):
        found = {}
        for stelle in range(max(len(vorher), len(nachher))):
            if stelle >= len(nachher):
                found[pfad + (stelle,)] = WEG
            elif stelle >= len(vorher):
                found[pfad + (stelle,)] = nachher[stelle]
            else:
                found |= aenderungen(vorher[stelle], nachher[stelle], pfad + (stelle,))
        return found
    return {} if vorher == nachher and type(vorher) is type(nachher) else {pfad: nachher}


def _ueberschneiden(a: Pfad, b: Pfad) -> bool:
    kurz = min(len(a), len(b))
    return a[:kurz] == b[:kurz]


def yaml(
    basis: str, meins: str, anderer: str, entscheidungen: dict[Pfad, str] | None = None, name: str = "vorlage.yaml"
) -> tuple[str, list[Konflikt]]:
    """The merged text and the conflicts left (`entscheidungen`: a conflict's place → „meins“ or „anderer“)."""
    entscheidungen = entscheidungen or {}
    alt, mir, ihm = (YamlDatei(t, name).daten for t in (basis, meins, anderer))
    ergebnis = YamlDatei(anderer, name)
    meine, seine = aenderungen(alt, mir), aenderungen(alt, ihm)
    konflikte: list[Konflikt] = []
    for pfad in sorted({p for p in meine for q in seine if _ueberschneiden(p, q)}, key=len):
        oben = min((q for q in seine if _ueberschneiden(pfad, q)), key=len)
        stelle = pfad if len(pfad) <= len(oben) else oben
        if _wert(mir, stelle) == _wert(ihm, stelle) or any(k.pfad == stelle for k in konflikte):
            continue
        if not any(_ueberschneiden(stelle, k.pfad) for k in konflikte):
            konflikte.append(Konflikt(stelle, _wert(mir, stelle), _wert(ihm, stelle)))
    offen = [k for k in konflikte if entscheidungen.get(k.pfad) not in ("meins", "anderer")]
    uebernehmen = {p: w for p, w in meine.items() if not any(_ueberschneiden(p, k.pfad) for k in konflikte)}
    uebernehmen |= {k.pfad: k.meins for k in konflikte if entscheidungen.get(k.pfad) == "meins"}
    entfernen = sorted((p for p, w in uebernehmen.items() if w is WEG), key=_absteigend)
    for pfad in sorted((p for p, w in uebernehmen.items() if w is not WEG), key=_aufsteigend):
        setzen(ergebnis, Vorlage, pfad, geschrieben(uebernehmen[pfad]))
    for pfad in entfernen:
        ergebnis.entfernen(pfad)
    return ergebnis.text(), offen


def geschrieben(wert: Any) -> Any:
    """A value read from one file, as the round-trip writer takes it for another: a section of one line stays one,
    a quoted text stays quoted, a date or number is written as it was."""
    if isinstance(wert, CommentedMap):
        abschnitt = {key: geschrieben(value) for key, value in wert.items()}
        return Zeile(abschnitt) if wert.fa.flow_style() else abschnitt
    if isinstance(wert, CommentedSeq):
        liste = [geschrieben(item) for item in wert]
        return Zeile(liste) if wert.fa.flow_style() else liste
    if wert is None or isinstance(wert, bool):
        return wert
    if isinstance(wert, DoubleQuotedScalarString):
        return Zitiert(str(wert))
    if isinstance(wert, str):
        return str(wert)
    ausgabe = io.StringIO()
    YAML(typ="rt").dump([wert], ausgabe)
    return Roh(ausgabe.getvalue().strip().removeprefix("- ").strip())


def _aufsteigend(pfad: Pfad) -> tuple:
    return tuple((0, s) if isinstance(s, int) else (1, str(s)) for s in pfad)


def _absteigend(pfad: Pfad) -> tuple:
    return tuple((0, -s) if isinstance(s, int) else (1, str(s)) for s in pfad)


def _stuecke(basis: list[str], neu: list[str]) -> list[tuple[int, int, list[str]]]:
    """The changed stretches of `neu` against `basis`: (from, to in basis, new lines)."""
    matcher = difflib.SequenceMatcher(None, basis, neu, autojunk=False)
    return [(i1, i2, neu[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def text(basis: str, meins: str, anderer: str) -> str | None:
    """A Markdown text merged by lines; None when both changed the same lines (or next to each other) differently."""
    alt = basis.splitlines(keepends=True)
    mir, ihm = _stuecke(alt, meins.splitlines(keepends=True)), _stuecke(alt, anderer.splitlines(keepends=True))
    for a1, a2, neu_a in mir:
        for b1, b2, neu_b in ihm:
            beruehrt = a1 <= b2 and b1 <= a2  # overlapping or adjacent stretches
            if beruehrt and not (a1 == b1 and a2 == b2 and neu_a == neu_b):
                return None
    alle = {(i1, i2, tuple(n)) for i1, i2, n in mir + ihm}
    ergebnis, stelle = [], 0
    for i1, i2, neu in sorted(alle):
        ergebnis += alt[stelle:i1] + list(neu)
        stelle = i2
    return "".join(ergebnis + alt[stelle:])
