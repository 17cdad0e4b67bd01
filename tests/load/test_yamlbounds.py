"""The character-count shortcut of the YAML bounds: taken by real data, never where the event stream finds an offence."""

from __future__ import annotations

import random

import pytest
import yaml

from tests.hilfen import ROOT
from vorlagen.core.limits import MAX_EINTRAEGE, MAX_TIEFE
from vorlagen.load.yamlbounds import streamed, surely_safe, unsafe
from vorlagen.load.yamlfile import LOADER

REAL = sorted([*ROOT.glob("data/**/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml")])


def test_every_real_data_file_takes_the_shortcut():
    assert len(REAL) > 30
    slow = [str(path.relative_to(ROOT)) for path in REAL if not surely_safe(path.read_text(encoding="utf-8-sig"))]
    assert slow == []


def _nested(depth: int, style: str) -> str:
    if style == "block-mapping":
        return "".join("  " * level + f"k{level}:\n" for level in range(depth - 1)) + "  " * (depth - 1) + "x: 1\n"
    if style == "indentless":  # mapping → sequence at the same column, the tightest block nesting there is
        lines, column = [], 0
        for level in range(depth):
            if level % 2 == 0:
                lines.append(" " * column + f"k{level}:")
            else:
                lines.append(" " * column + "-")
                column += 2
        return "\n".join(lines) + " 1\n"
    if style == "dashes":
        return "- " * depth + "1\n"
    return "[" * depth + "1" + "]" * depth + "\n"


@pytest.mark.parametrize("style", ["block-mapping", "indentless", "dashes", "flow"])
def test_one_level_too_deep_is_left_to_the_stream(style):
    deepest = _nested(MAX_TIEFE + 1, style)
    assert not surely_safe(deepest)
    assert unsafe(deepest, "x.yaml", LOADER)[1].startswith("Die Angaben sind mehr als 50 Ebenen")
    assert streamed(_nested(MAX_TIEFE, style), "x.yaml", LOADER) is None


@pytest.mark.parametrize(
    "text",
    [
        "".join(f"- {n}\n" for n in range(MAX_EINTRAEGE + 1)),
        "".join(f"k{n}: 1\n" for n in range(MAX_EINTRAEGE + 1)),
        "[" + ", ".join(["1"] * (MAX_EINTRAEGE + 1)) + "]\n",
        "{" + ", ".join(f"k{n}" for n in range(MAX_EINTRAEGE + 1)) + "}\n",
        "".join(f"? k{n}\n" for n in range(MAX_EINTRAEGE + 1)),
    ],
)
def test_one_entry_too_many_is_left_to_the_stream(text):
    assert not surely_safe(text)
    assert "mehr als 1.000 Einträge" in unsafe(text, "x.yaml", LOADER)[1]


@pytest.mark.parametrize(
    "text", ["a: &x 1\nb: *x\n", "a: [&x 1, *x]\n", "- &x {a: 1}\n- *x\n", "a: &x 1\nb: [c, *x]\n", "a: &x 1\n*x : c\n"]
)
def test_an_alias_is_left_to_the_stream(text):
    assert not surely_safe(text)
    assert unsafe(text, "x.yaml", LOADER)[1].startswith("YAML-Verweise")


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: c, *x\n",
        "a: &x 1\nb: &y *x\n",
        "a: &x 1\nb: !t *x\n",
        "a: &x 1\nb: 'c' *x\n",
        "a: &x 1\nb: c # *x\n",
        "a: &x 1\nb: c: *x\n",
    ],
)
def test_a_star_after_an_indicator_or_a_quote_is_left_to_the_stream(text):
    assert not surely_safe(text)


@pytest.mark.parametrize(
    "text",
    [
        "formel: eigenanteile * 1,75 %\n",
        "  - formel: (a + b) * c\n",
        "x: [1, 2]\nformel: a * b\n",
        "x: {a: 1,\n  f: a * b}\n",
    ],
)
def test_a_product_in_a_formula_takes_the_shortcut_and_is_no_alias(text):
    assert surely_safe(text)
    assert streamed(text, "x.yaml", LOADER) is None


def test_line_breaks_yaml_knows_but_the_count_would_miss_are_left_to_the_stream():
    for odd in ("\x85", "\u2028", "\u2029"):
        assert not surely_safe(f"a: 1{odd}b: 2\n")
    assert surely_safe("a: 1\r\nb:\r\n  c: 2\r\n")


def _depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


def _widest(value) -> int:
    if isinstance(value, dict):
        return max([len(value), *(_widest(v) for v in value.values())])
    if isinstance(value, list):
        return max([len(value), *(_widest(v) for v in value)])
    return 0


SCALARS = [1, "text", "2026-11-21", "a: b", "x,y", None, "- z", "?q", "[k]", "a * b"]


def _random_value(rng: random.Random, depth: int):
    """A chain `depth` collections deep with a few scalar siblings on each level; at its end sometimes a collection
    around a thousand entries wide (small enough to build hundreds of them)."""
    if depth == 0:
        if rng.random() < 0.3:
            width = rng.randint(MAX_EINTRAEGE - 100, MAX_EINTRAEGE + 100)
            return [1] * width if rng.random() < 0.5 else {f"k{n}": 1 for n in range(width)}
        return rng.choice(SCALARS)
    items = [rng.choice(SCALARS) for _ in range(rng.randint(0, 2))]
    items.insert(rng.randint(0, len(items)), _random_value(rng, depth - 1))
    return items if rng.random() < 0.5 else {f"k{n}": item for n, item in enumerate(items)}


def test_the_shortcut_never_passes_what_is_too_deep_or_too_long():
    rng = random.Random(20261121)
    taken = offences = 0
    for _ in range(400):
        value = _random_value(rng, rng.randint(1, 60))
        text = yaml.safe_dump(
            value,
            default_flow_style=rng.choice([False, True, None]),
            indent=rng.randint(2, 4),
            width=rng.choice([20, 80, 10_000]),
            allow_unicode=True,
        )
        offence = _depth(value) > MAX_TIEFE or _widest(value) > MAX_EINTRAEGE
        offences += offence
        if surely_safe(text):
            taken += 1
            assert not offence, text
            assert streamed(text, "x.yaml", LOADER) is None
    assert taken > 50 and offences > 20  # both sides were exercised
