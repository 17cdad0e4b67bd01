"""The pages of the editing side, set from the program's own templates (templates/bearbeiten/), never from a data
folder's: every value autoescaped, an unknown name an error."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re

import jinja2

from vorlagen.building.bearbeiten.felder import Element, Feld, Gruppe, Liste, Offen, punktiert
from vorlagen.building.bearbeiten.werte import ZAHLEN
from vorlagen.core.engine import TEMPLATES

ORDNER = TEMPLATES / "bearbeiten"
STATISCH = {"bearbeiten.js": "text/javascript; charset=utf-8", "bearbeiten.css": "text/css; charset=utf-8"}


def feld_id(name: str) -> str:
    """An id for a form field's name (names hold dots and quotes; ids stay plain)."""
    return "f" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


@functools.cache
def umgebung() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ORDNER)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from vorlagen.building.bearbeiten.bearbeitung import entwurf_feld

    env.globals.update(
        feld_id=feld_id, art=art, punktiert=punktiert, wahl=wahl, eingabeart=eingabeart, entwurf_feld=entwurf_feld
    )
    env.tests.update(boolean_typ=lambda typ: typ is bool, zahl_typ=lambda typ: typ in ZAHLEN)
    return env


def art(element: Element) -> str:
    kinds = {Feld: "feld", Gruppe: "gruppe", Liste: "liste", Offen: "offen"}
    return kinds[type(element)]


def wahl(feld: Feld) -> list[tuple[str, str]]:
    """The choices of a field: the record's words, or ja/nein."""
    if feld.typ is bool:
        return [("true", "ja"), ("false", "nein")]
    return [(w, w) for w in feld.wahl or ()]


def eingabeart(feld: Feld) -> str:
    """A date picker for a date written as ISO (or not yet written); plain text for the rest."""
    if feld.typ is dt.date and (not feld.wert or re.fullmatch(r"\d{4}-\d{2}-\d{2}", feld.wert)):
        return "date"
    return "text"


def seite(name: str, **werte: object) -> bytes:
    return umgebung().get_template(name).render(**werte).encode("utf-8")


def statisch(name: str) -> tuple[bytes, str] | None:
    """A file of the editing side (script, style) by its name; None for any other name."""
    if name not in STATISCH:
        return None
    return (ORDNER / name).read_bytes(), STATISCH[name]
