"""Property tests: rounding, formatting, splitting and the loader hold for random input."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.referenz import rechnen as ref
from vorlagen.core.fmt import Zahlformat, zahl
from vorlagen.core.money import round_half_up, split_largest_remainder
from vorlagen.core.problems import Paths, Problem
from vorlagen.load.koerperschaft import Koerperschaft
from vorlagen.load.records import read_record
from vorlagen.load.vorlage import Vorlage
from vorlagen.load.yamlfile import read_yaml

eur, eur_cent = Zahlformat("€").eur, Zahlformat("€").eur_cent  # the default house's sign

amounts = st.decimals(
    min_value=Decimal("-10000000"), max_value=Decimal("10000000"), places=4, allow_nan=False, allow_infinity=False
)


@given(amounts)
def test_round_half_up_matches_reference(value):
    assert Fraction(round_half_up(value)) == ref.rund(Fraction(value))
    assert Fraction(round_half_up(value, Decimal("0.01"))) == ref.rund(Fraction(value), Fraction(1, 100))


@given(amounts)
def test_german_formatting_matches_reference(value):
    assert eur(value) == ref.euro(Fraction(value))
    assert eur_cent(value) == ref.euro(Fraction(value), cent=True)
    assert zahl(value, 2) == ref.zahl(Fraction(value), 2)


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

    from tests.hilfen import AACHEN, DATA
    from vorlagen.compute.project import prepare

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
