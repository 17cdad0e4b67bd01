"""Validation against the official OParl 1.1 schemas (tests/oparl-1.1-schema, CC BY-SA 4.0), `url` enforced."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
from referencing import Registry, Resource

SCHEMAS = Path(__file__).resolve().parent.parent / "oparl-1.1-schema"
PREFIX = "https://schema.oparl.org/1.1/"


def _registry() -> Registry:
    """Each schema under its $id and under the '<Name>.json' its siblings use in $ref."""
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        resource = Resource.from_contents(json.loads(path.read_text(encoding="utf-8")))
        resources += [(PREFIX + path.stem, resource), (PREFIX + path.name, resource)]
    return Registry().with_resources(resources)


REGISTRY = _registry()
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("url")
def is_url(value) -> bool:
    """The specification's URL: absolute, http or https, with a host."""
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


def errors(obj: dict) -> list[str]:
    """Every schema error of one object, by the schema its `type` names, and every field the schemas do not know."""
    name = obj["type"].removeprefix(PREFIX)
    schema = REGISTRY.contents(PREFIX + name)
    validator = jsonschema.Draft7Validator(schema, registry=REGISTRY, format_checker=FORMATS)
    found = [f"{obj.get('id')}: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(obj)]
    return found + list(_unknown(obj))


def _unknown(value):
    """Fields of an OParl object (or of one embedded in it) that its schema does not declare: a misspelling."""
    if isinstance(value, list):
        for item in value:
            yield from _unknown(item)
    elif isinstance(value, dict):
        if str(value.get("type", "")).startswith(PREFIX):
            known = REGISTRY.contents(value["type"])["properties"]
            yield from (f"{value.get('id')}: unbekanntes Feld „{key}“" for key in value if key not in known)
        for item in value.values():
            yield from _unknown(item)
