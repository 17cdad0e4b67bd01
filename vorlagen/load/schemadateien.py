"""The JSON Schema files of a data repository (`schema/`), the first line of a data file that names its schema, and
the editor settings that assign them (Visual Studio Code with the YAML extension)."""

from __future__ import annotations

import json

from vorlagen.load.hausstil import Hausstil
from vorlagen.load.schema import FILES, schema_text

SCHEMA_FOLDER = "schema"


def schema_comment(relative: str, kind: str) -> str:
    """First line of a data file: tells VS Code (YAML extension) the schema of this file."""
    up = "../" * (relative.count("/") + 1)  # from the file's folder up to the repository root (data/ included)
    return f"# yaml-language-server: $schema={up}{SCHEMA_FOLDER}/{kind}.schema.json\n"


def schema_files(hausstil: Hausstil) -> dict[str, str]:
    """The JSON Schema of every kind of data file, as files of a data repository with this Hausstil (its own
    Vorlagenarten, Kopfdaten and words)."""
    return {f"{SCHEMA_FOLDER}/{kind.name}.schema.json": schema_text(kind, hausstil) for kind in FILES}


def vscode_settings(data: str = "data") -> str:
    schemas = {f"./{SCHEMA_FOLDER}/{kind.name}.schema.json": f"{data}/{kind.pattern}" for kind in FILES}
    return json.dumps({"yaml.schemas": schemas}, ensure_ascii=False, indent=2) + "\n"
