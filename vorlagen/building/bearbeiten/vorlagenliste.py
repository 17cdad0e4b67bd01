"""The Vorlagen of the data folder as the editing side lists them, and where the preview serves each one's PDF – read
from the files themselves, so that a Vorlage with problems can still be opened and mended."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from vorlagen.core.problems import Paths
from vorlagen.load.yamlfile import Mapping, Node, Scalar, read_yaml


@dataclass(frozen=True)
class Eintrag:
    ordner: str  # the folder's name under vorlagen/: the address of its form
    nummer: str  # as written, or „ohne Nummer“
    betreff: str


def _wert(node: Node | None, key: str) -> str | None:
    if not isinstance(node, Mapping) or key not in node.entries:
        return None
    value = node.entries[key][1]
    return value.text if isinstance(value, Scalar) and not value.is_null else None


def _knoten(data: Path, ordner: Path) -> Node | None:
    return read_yaml(ordner / "vorlage.yaml", Paths())[0]


def eintraege(data: Path) -> list[Eintrag]:
    """Every Vorlage folder with its Nummer and Betreff, by folder name."""
    found = []
    for yaml in sorted((data / "vorlagen").glob("*/vorlage.yaml")):
        node = _knoten(data, yaml.parent)
        found.append(
            Eintrag(
                yaml.parent.name,
                _wert(node, "nummer") or "ohne Nummer",
                _wert(node, "betreff") or "(ohne Betreff oder nicht lesbar)",
            )
        )
    return found


def pdf_adresse(data: Path, ordner: Path) -> str:
    """The address of the Vorlage's PDF in the preview (public or internal output), as the build names it."""
    node = _knoten(data, ordner)
    nummer = _wert(node, "nummer")
    slug = (
        nummer.replace("/", "-") if nummer else (re.sub(r"[^0-9A-Za-z._-]", "-", ordner.name).strip(".") or "vorlage")
    )
    teil = "vorlagen" if _wert(node, "oeffentlich") != "false" else "intern/vorlagen"
    return f"/{teil}/{slug}/{slug}.pdf"
