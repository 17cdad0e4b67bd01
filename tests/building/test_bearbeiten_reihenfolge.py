"""What the browser writes is what the handbook would have the user type: every example of vorlage.yaml in the handbook,
typed field by field into an empty file the way the form sends it – each value as the form shows it, in an order of its
own – comes out byte for byte as the example stands (without its comments). The example's own vorlage.yaml files
have their keys in the same order; they write some short lists as blocks where the handbook writes one line."""

from __future__ import annotations

import re

import pytest
from ruamel.yaml import YAML

from tests.hilfen import DATA, ROOT
from vorlagen.building.bearbeiten.entwurf import setzen
from vorlagen.building.bearbeiten.reihenfolge import HANDBUCH, ordnung
from vorlagen.building.bearbeiten.tabellenarten import ZEILEN
from vorlagen.building.bearbeiten.werte import geschrieben, gezeigt
from vorlagen.load.finanzen import Berechnung, Kostenposition
from vorlagen.load.records import _fields, _kind
from vorlagen.load.vorlage import Vorlage
from vorlagen.load.yamlschreiben import YamlDatei

DOCS = ROOT / "docs"
BLOCK = re.compile(r"^( *)```(?:yaml|\{code-block\} yaml)[^\n]*\n(.*?)^\1```", re.S | re.M)


def _ohne_kommentare(text: str) -> str:
    """The example as a file without its comments (none of the examples has a # inside a value)."""
    lines = [re.sub(r"\s+#\s.*$", "", line) for line in text.splitlines()]
    return "".join(line + "\n" for line in lines if line.strip() and not line.lstrip().startswith("#"))


def _laden(text: str):
    """The example with every value as the text it is written (YAML's base reading): what the form shows."""
    return YAML(typ="base").load(text)


def _passt(node, typ) -> bool:
    """Whether a YAML value is one the record type can read: every key a field, every list where a list goes."""
    kind, argument = _kind(typ)
    if kind == "optional":
        return node is None or _passt(node, argument)
    if kind == "union":
        return any(_passt(node, t) for t in argument[0])
    if kind == "record":
        fields, hints = _fields(typ)
        return isinstance(node, dict) and all(k in fields and _passt(v, hints[k]) for k, v in node.items())
    if kind == "list":
        return isinstance(node, list) and all(_passt(item, argument) for item in node)
    if kind == "dict":
        return isinstance(node, dict) and all(_passt(v, argument) for v in node.values())
    return not isinstance(node, (dict, list))  # a value: its notation is what the test checks


def _als_vorlage(text: str) -> str | None:
    """The block as (the start of) a vorlage.yaml: a whole file, or tables of `finanzierung` shown on their own (list
    items indented by two); None for any other data file."""
    daten = _laden(text)
    if isinstance(daten, list) and daten and _passt(daten, list[Berechnung]):
        return "finanzierung:\n" + text
    if isinstance(daten, dict) and daten and _passt(daten, Vorlage):
        return text
    return None


def _beispiele() -> list[tuple[str, str]]:
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        if {"_build", "referenz"} & set(page.relative_to(DOCS).parts):
            continue
        for nummer, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8"))):
            lines = [line[len(match.group(1)) :] for line in match.group(2).splitlines()]
            text = "".join(line + "\n" for line in lines if not line.startswith(":caption:"))
            vorlage = _als_vorlage(text)
            if vorlage is not None:
                found.append((f"{page.relative_to(DOCS).as_posix()}#{nummer}", _ohne_kommentare(vorlage)))
    return found


BEISPIELE = _beispiele()
DATEN = [
    (path.relative_to(ROOT).as_posix(), _ohne_kommentare(path.read_text(encoding="utf-8")))
    for path in sorted((DATA / "vorlagen").glob("*/vorlage.yaml"))
]


def _blaetter(node, pfad=(), ordnung_=()) -> list[tuple[tuple, tuple, object]]:
    """Every value of the example with its place and the order of the form's input: the keys of a record in reverse
    alphabetical order (not the example's), list items and pairs (a year, a name) as the example has them, one after
    the other as the form adds them. An empty section or list is a value of its own."""
    if isinstance(node, dict) and node:
        record = bool(ordnung(Vorlage, (*pfad, "x"))[0])
        return [
            b
            for stelle, (key, value) in enumerate(node.items())
            for b in _blaetter(value, (*pfad, str(key)), (*ordnung_, _stelle(record, str(key), stelle)))
        ]
    if isinstance(node, list) and node:
        return [b for n, value in enumerate(node) for b in _blaetter(value, (*pfad, n), (*ordnung_, (1, n)))]
    return [(pfad, ordnung_, node)]


def _stelle(record: bool, key: str, stelle: int) -> tuple:
    """Where the form sets a key: a table's Art first (it stands at the top of the table and decides how its rows
    are written), the other keys of a record in reverse alphabetical order, a pair where the example has it."""
    if not record:
        return (1, stelle)
    return (0, "") if key == "art" else (1, "".join(chr(0x10FFFF - ord(c)) for c in key))


def _gesendet(pfad: tuple, wert: object) -> object:
    """The value as the form sends it (the text its field shows) and writes it."""
    if isinstance(wert, (dict, list)):
        return wert  # an empty section or list
    if wert == "~":
        return None  # a Verteilung's day without Einsatz, as the record reads it
    typ = ordnung(Vorlage, pfad)[1]
    return geschrieben(gezeigt(str(wert), typ), typ, str(pfad[-1]))


@pytest.mark.parametrize("name,beispiel", BEISPIELE, ids=[name for name, _ in BEISPIELE])
def test_the_form_writes_each_example_of_the_handbook_as_it_stands(name, beispiel):
    datei = YamlDatei("")
    for pfad, _, wert in sorted(_blaetter(_laden(beispiel)), key=lambda blatt: blatt[1]):
        setzen(datei, Vorlage, pfad, _gesendet(pfad, wert))
    assert datei.text() == beispiel


def _abschnitte(node, pfad=()) -> list[tuple[tuple, list[str]]]:
    """Every section of keys of a record in the example, with its keys as written."""
    found = []
    if isinstance(node, dict):
        if ordnung(Vorlage, (*pfad, "x"))[0]:
            found.append((pfad, [str(key) for key in node]))
        for key, value in node.items():
            found += _abschnitte(value, (*pfad, str(key)))
    elif isinstance(node, list):
        for nummer, value in enumerate(node):
            found += _abschnitte(value, (*pfad, nummer))
    return found


@pytest.mark.parametrize("name,beispiel", BEISPIELE + DATEN, ids=[name for name, _ in BEISPIELE + DATEN])
def test_every_section_of_the_examples_has_its_keys_in_the_writers_order(name, beispiel):
    datei = YamlDatei(beispiel)  # where a row looks up the kind of its table
    for pfad, keys in _abschnitte(_laden(beispiel)):
        reihenfolge = ordnung(Vorlage, (*pfad, "x"), datei)[0]
        assert keys == sorted(keys, key=reihenfolge.index), pfad


def test_the_examples_are_found():
    """The handbook shows every table kind and the rows of each; the check above sees them all."""
    namen = [name for name, _ in BEISPIELE]
    assert len(BEISPIELE) >= 12, namen
    alle = "".join(text for _, text in BEISPIELE)
    for art in ("Aufstellung", "Finanzierungsplan", "Vergleich", "Matrix"):
        assert f"art: {art}" in alle
    assert "    abzuege:\n      - {anzahl: 3.5, saetze: [kim/modul-1/koordination" in alle  # Eigenanteil: als last
    assert "      - {id: medien, als: Neue Medien, betrag: 12500}" in alle  # Aufstellung: id and als first
    assert "tutorial/index.md#2" in namen and "anleitungen/haushalt.md#8" in namen
    assert [name for name, _ in DATEN] == [
        "data/vorlagen/2021-0123/vorlage.yaml",
        "data/vorlagen/2021-0130/vorlage.yaml",
    ]


def test_the_handbooks_orders_name_every_key_of_their_record_once():
    """A new key of a record must get its place here, or a new value would go to the end of its section."""
    from vorlagen.load import auswirkungen, finanzen, vorlage

    for record, reihenfolge in HANDBUCH.items():
        cls = next(getattr(m, record) for m in (vorlage, finanzen, auswirkungen) if hasattr(m, record))
        assert sorted(reihenfolge) == sorted(_fields(cls)[0]), record
    for reihenfolge in ZEILEN.values():
        assert sorted(reihenfolge) == sorted(_fields(Kostenposition)[0])


def test_a_rows_label_goes_where_its_table_kind_puts_it():
    """The same row, written into an Eigenanteil and into an Aufstellung (the kind decides, not the record)."""
    for art, zeile in (
        (None, "{anzahl: 3.5, saetze: [kgst-2020/E11], als: Koordination}"),
        ("Aufstellung", "{als: Koordination, anzahl: 3.5, saetze: [kgst-2020/E11]}"),
    ):
        datei = YamlDatei("finanzierung:\n  - id: a\n" + (f"    art: {art}\n" if art else "") + "    kosten: []\n")
        for pfad, wert in (
            (("finanzierung", 0, "kosten", 0, "saetze", 0), "kgst-2020/E11"),
            (("finanzierung", 0, "kosten", 0, "als"), "Koordination"),
            (("finanzierung", 0, "kosten", 0, "anzahl"), "3,5"),
        ):
            setzen(datei, Vorlage, pfad, geschrieben(wert, ordnung(Vorlage, pfad)[1], str(pfad[-1])))
        assert datei.text().endswith(f"    kosten:\n      - {zeile}\n"), art


def test_the_form_shows_a_rows_fields_in_the_order_of_its_table_kind():
    """What the form asks first is what the handbook writes first: an Eigenanteil row its Sätze, a row of any other
    kind its label."""
    from vorlagen.building.bearbeiten.felder import Gruppe, alle, formular
    from vorlagen.core.problems import Paths
    from vorlagen.core.reads import ueberlagert
    from vorlagen.load.yamlfile import read_yaml

    text = (
        "finanzierung:\n"
        "  - id: a\n    kosten:\n      - {anzahl: 1, saetze: [s]}\n"
        "  - id: b\n    art: Finanzierungsplan\n    kosten:\n      - {betrag: 1}\n"
    )
    pfad = ROOT / "x" / "vorlage.yaml"
    with ueberlagert({pfad: text.encode("utf-8")}):
        node, _ = read_yaml(pfad, Paths(ROOT))
    modell = formular(Vorlage, node)
    for tabelle, sichtbar in ((0, ["anzahl", "saetze", "als"]), (1, ["als", "betrag"])):
        (zeile,) = [
            g for g in alle(modell) if isinstance(g, Gruppe) and g.pfad == ("finanzierung", tabelle, "kosten", 0)
        ]
        assert [e.pfad[-1] for e in zeile.eintraege] == sichtbar, tabelle  # the fields shown; the rest waits below
