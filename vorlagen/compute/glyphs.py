"""Characters the Hausstil's font lacks, found in the YAML and Markdown files as read, with file and line."""

from __future__ import annotations

import html
import unicodedata
from pathlib import Path

import yaml

from vorlagen.core.problems import Problem
from vorlagen.load import fonts
from vorlagen.load.facts import Facts
from vorlagen.load.yamlfile import read_again, shown

_SILENT = {"Cc", "Cf", "Zs", "Zl", "Zp"}  # control, format (soft hyphen, joiners), spaces: never drawn as a glyph
_SHOWN = 5  # characters named per line; a pasted paragraph in another script gives one readable line
_PRIVATE = ((0xE000, 0xF8FF), (0xF0000, 0x10FFFF))  # in Markdown reported by render/text.py with its own words


def check_glyphs(facts: Facts) -> list[Problem]:
    """One problem per line whose text holds characters the Hausstil's font cannot print."""
    files = fonts.font_files(facts.data_dir, facts.koerperschaft.hausstil.schrift)
    used = facts.quellen.zeichen - (fonts.GEMEINSAM if fonts.shipped(files) else set())
    rare = {c for c in used if _drawn(c)}
    if not rare:
        return []
    covered = fonts.covered(files)
    if covered is None:
        return []
    missing = {c for c in rare if ord(c) not in covered}
    problems = []
    for path in dict.fromkeys(facts.quellen.paths) if missing else ():  # read again only to name the lines
        text = read_again(path)  # None: changed since it was read, the next build reads it afresh
        if text is not None and not missing.isdisjoint(shown(path, text)):
            problems += _problems(facts, path, text, missing, covered)
    return problems


def _drawn(char: str) -> bool:
    if unicodedata.category(char) in _SILENT:
        return False
    return not 0xFE00 <= ord(char) <= 0xFE0F and not 0xE0100 <= ord(char) <= 0xE01EF  # variation selectors


def _problems(facts: Facts, path: Path, text: str, missing: set[str], covered: frozenset[int]) -> list[Problem]:
    markdown = path.suffix == ".md"
    if markdown:
        missing = {c for c in missing if not any(low <= ord(c) <= high for low, high in _PRIVATE)}
    by_line: dict[int, list[str]] = {}
    for start, end in [(0, len(text))] if markdown else _scalars(text):
        for number, line in enumerate(text[start:end].split("\n"), start=text.count("\n", 0, start) + 1):
            shown = html.unescape(line) if markdown and "&" in line else line
            for index, char in enumerate(shown):
                if char in missing and not _composes(shown, index, covered) and char not in by_line.get(number, []):
                    by_line.setdefault(number, []).append(char)
    schrift = facts.koerperschaft.hausstil.schrift
    return [Problem(facts.paths.where(path, number), _message(chars, schrift)) for number, chars in by_line.items()]


def _scalars(text: str) -> list[tuple[int, int]]:
    """Where a YAML file's keys and values stand (not its comments); nothing when it cannot be read."""
    try:
        return [
            (t.start_mark.index, t.end_mark.index)
            for t in yaml.scan(text, Loader=yaml.SafeLoader)
            if isinstance(t, yaml.ScalarToken)
        ]
    except yaml.YAMLError:
        return []  # its syntax error is reported by the loader


def _composes(line: str, index: int, covered: frozenset[int]) -> bool:
    """A combining mark the font lacks prints when its sequence has a precomposed form the font has (e + ́ → é)."""
    if not unicodedata.combining(line[index]):
        return False
    start, end = index, index + 1
    while start > 0 and unicodedata.combining(line[start]):
        start -= 1
    while end < len(line) and unicodedata.combining(line[end]):
        end += 1
    return all(ord(c) in covered for c in unicodedata.normalize("NFC", line[start:end]))


def _message(chars: list[str], schrift: str) -> str:
    named = [f"„{c}“ (U+{ord(c):04X})" for c in chars[:_SHOWN]]
    if len(chars) > _SHOWN:
        named.append(f"{len(chars) - _SHOWN} weitere")
    if len(named) == 1:
        return (
            f"Das Zeichen {named[0]} gibt es in der Schrift „{schrift}“ nicht – es würde als leeres Kästchen "
            "oder in einer fremden Schrift gedruckt. Ersetzen Sie es oder wählen Sie im Hausstil eine Schrift, "
            "die es enthält."
        )
    listed = ", ".join(named[:-1]) + f" und {named[-1]}"
    return (
        f"Die Zeichen {listed} gibt es in der Schrift „{schrift}“ nicht – sie würden als leere Kästchen oder "
        "in einer fremden Schrift gedruckt. Ersetzen Sie sie oder wählen Sie im Hausstil eine Schrift, die sie "
        "enthält."
    )
