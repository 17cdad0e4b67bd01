"""The JSON Schema for editors: generated from the model, it accepts every data file the program accepts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import typing
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.hilfen import DATA, ROOT
from vorlagen.load.schema import FILES, field_docs, kind_of, schema

FOLDERS = [DATA] + sorted(p.parent for p in (ROOT / "tests" / "fixtures").glob("*/koerperschaft.yaml"))
HOW = (
    "Fields without a German description (the schema's; nothing to regenerate, the schema is built from the "
    'records): declare each field with doc("…") in its record class: '
)


def _records() -> list[type]:
    """Every record class a data file can contain."""
    seen: list[type] = []

    def visit(typ):
        for arg in typing.get_args(typ):
            visit(arg)
        if dataclasses.is_dataclass(typ) and typ not in seen:
            seen.append(typ)
            for hint in typing.get_type_hints(typ).values():
                visit(hint)

    for kind in FILES:
        visit(kind.record)
    return seen


def _as_json(value):
    """A YAML value as JSON sees it (editors read dates as text)."""
    if isinstance(value, dict):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _validate(kind, path: Path, hausstil=None) -> list[str]:
    document = _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    validator = jsonschema.Draft7Validator(schema(kind, hausstil))
    return [
        f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def _data_files() -> list[tuple[Path, Path]]:
    return [(folder, path) for folder in FOLDERS for path in sorted(folder.rglob("*.yaml"))]


def test_schemas_are_valid_json_schema():
    for kind in FILES:
        meta = jsonschema.Draft7Validator(jsonschema.Draft7Validator.META_SCHEMA)
        assert [error.message for error in meta.iter_errors(schema(kind))] == [], kind
        assert json.loads(json.dumps(schema(kind))) == schema(kind)


def test_every_field_has_a_german_description():
    missing = [
        f"{cls.__module__}.{cls.__name__}.{field.name}"
        for cls in _records()
        for field in dataclasses.fields(cls)
        if not field_docs(cls).get(field.name)
    ]
    assert not missing, HOW + ", ".join(missing)


def test_every_data_file_has_a_kind():
    unknown = [
        str(path.relative_to(ROOT))
        for folder, path in _data_files()
        if kind_of(path.relative_to(folder).as_posix()) is None
    ]
    assert unknown == [], "Add a FileKind row for these files to FILES in vorlagen/load/schema.py"


@pytest.mark.parametrize("folder, path", [pytest.param(f, p, id=str(p.relative_to(ROOT))) for f, p in _data_files()])
def test_every_data_file_is_valid(folder, path):
    assert _validate(kind_of(path.relative_to(folder).as_posix()), path) == []
    # and against the schema of its own data repository, with the body's own words (what `vorlagen schema` writes)
    assert _validate(kind_of(path.relative_to(folder).as_posix()), path, _hausstil(folder)) == []


@functools.cache
def _hausstil(folder: Path):
    from vorlagen.load.facts import load

    return load(folder)[0].koerperschaft.hausstil


@pytest.mark.parametrize(
    "old, new, complaint",
    [
        ("betreff:", "betref:", "Additional properties are not allowed ('betref' was unexpected)"),
        # art, rolle and ergebnis are words of the body's own lists (hausstil): the program checks them, not the schema
        ("oeffentlich: true", "oeffentlich: vielleicht", "'vielleicht' is not of type 'boolean'"),
        ("datum: 2021-05-27", "datum: 27. Mai 2021", "'27. Mai 2021' is not valid"),  # optional now: anyOf date, null
        ("oeffentlich: true\n", "", "'oeffentlich' is a required property"),
    ],
)
def test_schema_flags_what_the_program_rejects(tmp_path, old, new, complaint):
    source = (DATA / "vorlagen" / "2021-0123" / "vorlage.yaml").read_text(encoding="utf-8")
    assert old in source
    path = tmp_path / "vorlage.yaml"
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    errors = _validate(kind_of("vorlagen/x/vorlage.yaml"), path)
    assert any(complaint in error for error in errors), errors


def test_kinds_by_path():
    assert kind_of("sitzungen/ASI-2021-06-10.yaml").name == "sitzung"
    assert (
        kind_of("sitzungen/ASI-2021-06-10/niederschrift.yaml") is None
        or kind_of("sitzungen/ASI-2021-06-10/niederschrift.yaml").name != "sitzung"
    )
    assert kind_of("vorlagen/2021-0123/vorlage.yaml").name == "vorlage"
    assert kind_of("koerperschaft.yaml").name == "koerperschaft"


def test_schema_takes_a_money_unit_in_either_spelling(tmp_path):
    """What the program reads (`einheit: TEUR` is T€, load/records.py), an editor must not flag; a unit neither
    spelling knows stays flagged."""
    source = (DATA / "vorlagen" / "2021-0123" / "vorlage.yaml").read_text(encoding="utf-8")
    path = tmp_path / "vorlage.yaml"
    for einheit, gilt in (("TEUR", True), ("Mio. EUR", True), ("EUR", True), ("T€", True), ("TEuro", False)):
        zahlen = f'zahlen:\n  - {{id: a, formel: "1", einheit: "{einheit}"}}\nverteilungen:\n'
        path.write_text(source.replace("verteilungen:\n", zahlen, 1), encoding="utf-8")
        errors = _validate(kind_of("vorlagen/x/vorlage.yaml"), path)
        assert (errors == []) is gilt, (einheit, errors)
