"""Property tests: rounding, formatting, splitting and the loader hold for random input."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vorlagen.core.fmt import eur, eur_cent, zahl
from vorlagen.core.money import round_half_up, split_largest_remainder
from vorlagen.core.problems import Paths, Problem
from vorlagen.load.koerperschaft import Koerperschaft
from vorlagen.load.model import Vorlage
from vorlagen.load.records import read_record
from vorlagen.load.yamlfile import read_yaml

amounts = st.decimals(
    min_value=Decimal("-10000000"), max_value=Decimal("10000000"), places=4, allow_nan=False, allow_infinity=False
)


def reference_half_up(value: Decimal, places: int) -> int:
    """Kaufmännisch gerundet, as an integer count of the last place — computed with Fractions."""
    scaled = abs(Fraction(value)) * 10**places
    whole = int(scaled + Fraction(1, 2))
    return whole if value >= 0 else -whole


def reference_german(units: int, places: int) -> str:
    """de_DE digits for `units` of 10**-places: thousands with '.', decimals with ','."""
    sign = "\u2212" if units < 0 else ""
    digits = str(abs(units)).rjust(places + 1, "0")
    whole, frac = (digits[:-places], digits[-places:]) if places else (digits, "")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if places else "")


@given(amounts)
def test_round_half_up_matches_reference(value):
    assert round_half_up(value) == reference_half_up(value, 0)
    assert round_half_up(value, Decimal("0.01")) * 100 == reference_half_up(value, 2)


@given(amounts)
def test_german_formatting_matches_reference(value):
    units0, units2 = reference_half_up(value, 0), reference_half_up(value, 2)
    assert eur(value) == reference_german(units0, 0) + "\u00a0€"
    assert eur_cent(value) == reference_german(units2, 2) + "\u00a0€"
    assert zahl(value, 2) == reference_german(units2, 2)


@given(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=6).filter(lambda w: sum(w) > 0),
    st.sampled_from([Decimal(1), Decimal("0.01")]),
)
def test_split_always_adds_up_and_stays_close(total_units, weights, quantum):
    total = total_units * quantum
    parts = split_largest_remainder(total, dict(enumerate(weights)), quantum)
    assert sum(parts.values()) == total
    whole = sum(weights)
    for key, weight in enumerate(weights):
        exact = Fraction(total) * weight / whole
        assert abs(Fraction(parts[key]) - exact) < Fraction(quantum)


yaml_like = st.text(alphabet=st.sampled_from(list("abcdeäöü: -_\t\n{}[],'\"#&*!|>%@`0123456789.~/\\")), max_size=200)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(yaml_like, st.sampled_from([Koerperschaft, Vorlage]))
def test_loader_only_reports_problems(tmp_path, text, record_type):
    path = tmp_path / "zufall.yaml"
    path.write_text(text, encoding="utf-8")
    node, problems = read_yaml(path, Paths(tmp_path))
    if node is not None:
        value, found = read_record(node, record_type, path.name)
        assert value is None or isinstance(value, record_type)
        assert (value is None) == bool(found)
        problems += found
    else:
        assert problems
    assert all(isinstance(p, Problem) and p.where.path == "zufall.yaml" for p in problems)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=120))
def test_loader_survives_any_bytes(tmp_path, raw):
    path = Path(tmp_path) / "bytes.yaml"
    path.write_bytes(raw)
    _, problems = read_yaml(path, Paths(tmp_path))
    assert all(isinstance(p, Problem) for p in problems)


def test_no_float_reaches_the_model():
    """Every number read from the example data is a Decimal, Fraction or int – never a float."""
    import dataclasses

    from vorlagen.compute.project import prepare

    from .conftest import AACHEN, DATA

    def walk(value, seen):
        if id(value) in seen:
            return
        seen.add(id(value))
        assert not isinstance(value, float), value
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name), seen)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item, seen)
        elif isinstance(value, (list, tuple, set)):
            for item in value:
                walk(item, seen)

    for data in (DATA, AACHEN):
        project = prepare(data)
        seen: set[int] = set()
        walk(project.facts, seen)
        walk(project.rechnungen, seen)
        assert len(seen) > 100
