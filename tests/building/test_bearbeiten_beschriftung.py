"""Every key the editing side's form can show has a German label (issue 58, point 5): the form is made from the
records (building/bearbeiten/felder.py), so every field of every record a Vorlage reaches is a key it may show;
`beschriftung` let a key without a label stand as written, and `im_plan` did."""

from __future__ import annotations

from vorlagen.building.bearbeiten.beschriftung import BESCHRIFTUNGEN, beschriftung
from vorlagen.load.records import _fields, _kind
from vorlagen.load.vorlage import Vorlage


def _schluessel(cls: type, gesehen: set[type]) -> set[str]:
    """The field names of a record and of every record its fields reach (through lists, tables of pairs, unions)."""
    if cls in gesehen:
        return set()
    gesehen.add(cls)
    fields, hints = _fields(cls)
    found = set(fields)
    for name in fields:
        offen = [hints[name]]
        while offen:
            kind, argument = _kind(typ := offen.pop())
            if kind in ("optional", "list", "dict"):
                offen.append(argument)
            elif kind == "union":
                offen.extend(argument[0])
            elif kind == "record":
                found |= _schluessel(typ, gesehen)
    return found


def test_every_key_of_the_form_has_a_german_label():
    schluessel = _schluessel(Vorlage, set())
    assert {"beratungsfolge", "finanzierung", "im_plan", "lasten"} <= schluessel  # the walk reaches deep records
    assert sorted(k for k in schluessel if k not in BESCHRIFTUNGEN) == []


def test_a_key_of_the_body_s_own_stands_as_written():
    assert beschriftung("im_plan") == "davon im Haushaltsplan"
    assert beschriftung("2026") == "2026"  # a year of a table of pairs: the body's key, not the record's
